"""Email mailboxes as channels: IMAP read on a worker per mailbox, SMTP through the outbox."""

"""Email, Qt-free: parsing, sanitising, classifying and threading one message at a time.

The IMAP/SMTP worker (integrations/email/) reads raw bytes and stores what these
modules make of them; nothing here touches the network or the database.
"""

"""Email, Qt-free: parsing, sanitising, classifying and threading one message at a time.

The IMAP/SMTP worker (integrations/email/) reads raw bytes and stores what these
modules make of them; nothing here touches the network or the database. One
idea per module:

- ``parse``: ``parse(raw) -> ParsedMail``, never raising: ids, addresses, subject,
  date, text and its ``segments``, sanitised ``html``, ``attachments``,
  ``classification``, ``defects``;
- ``limits``: what the parser takes in (header block, attachment size, parts, depth);
- ``charsets``: ``decode(bytes, label)``, the charset a body is really in;
- ``headers``: encoded words, ``Address`` lists, dates;
- ``message_ids``: ``parse_ids`` for Message-ID, In-Reply-To and References,
  ``synthetic_id``, ``new_message_id(domain)``, ``message_id_domain``;
- ``html``: ``sanitize_html(html, inline=, allow_remote=)`` with nh3;
- ``html_text``: text made from sanitised HTML;
- ``quotes``: ``segments(text)``, body, quote, forwarded and signature;
- ``classify``: human, auto_reply, bounce or bulk, and a DSN's failed recipients;
- ``subjects``: ``subject_key``, ``reply_subject``;
- ``threads``: ``place(ThreadHeaders, ThreadLookup) -> Placement``, JWZ over the
  caller's id table;
- ``replies``: ``reply_headers(...)``, In-Reply-To, References (trimmed), "Re: ".

A worker stores a fetched message so::

    mail = parse(raw, max_attachment_bytes=mailbox_limit)
    headers = ThreadHeaders.from_mail(mail, own_addresses=[mailbox.address], date=internaldate)
    placement = place(headers, lookup)          # lookup: the mailbox's id table (SQL)
    # store mail (dedupe on mail.message_id), its attachments (data None: too large),
    # and placement.ids -> placement.key with headers.participants, in one transaction;
    # mail.classification.from_a_person decides "waiting" and creating a customer.

and answers one with ``reply_headers(mail.message_id, mail.references,
mail.in_reply_to, mail.subject, mail.thread_index)`` and
``new_message_id(message_id_domain(mailbox.address, mailbox.message_id_domain))``.
"""

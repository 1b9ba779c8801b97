"""Hostile mail through a real dovecot: the corpus of tests/app/mail_corpus.py
delivered over LMTP is read by a running channel that keeps going and stores
each message once; a message over the mailbox's limit is stored from its header
and BODYSTRUCTURE, its parts named, not downloaded; "mark as read" marks it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from imapclient import IMAPClient

from app.core import Core
from app.mail.parse import parse
from integrations.base import ChannelState
from tests.app.mail_corpus import CORPUS
from tests.integrations.email_desk import PASSWORD, SHOP, MailDesk, mail, mailbox_settings, wait
from tests.servers.dovecot import DovecotServer


@pytest.fixture
def mailbox(dovecot: DovecotServer) -> DovecotServer:
    dovecot.add_user(SHOP, PASSWORD)
    return dovecot


@pytest.fixture
def desks() -> Iterator[list[MailDesk]]:
    started: list[MailDesk] = []
    yield started
    for desk in started:
        desk.stop()


def test_the_hostile_corpus_is_stored_once_each_and_the_channel_keeps_going(
    sqlite_core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    raws = [make() for make in CORPUS.values()]
    # The corpus shares Message-IDs on purpose (most are <m1@customer.example>):
    # one mailbox stores one message per id; those without get a digest of the
    # bytes as delivered (the server adds its Received lines), one each.
    parsed = [parse(raw) for raw in raws]
    real = {p.message_id for p in parsed if not p.message_id_synthetic}
    synthetic = sum(1 for p in parsed if p.message_id_synthetic)
    wanted = len(real) + synthetic
    mailbox.deliver(SHOP, *raws)
    desk = MailDesk(sqlite_core, mailbox, mailbox_settings(mailbox), fetch_chunk=10)
    desks.append(desk.start())
    desk.wait_count(wanted, timeout=180)
    wait(lambda: desk.cursor() == f"{mailbox.uidvalidity(SHOP)}:{len(raws)}", what="the cursor")
    ids = Counter(row.external_id for row in desk.messages())
    assert set(ids.values()) == {1}
    made_up = {i for i in ids if i.endswith("@synthetic.switchboard.invalid>")}
    assert set(ids) - made_up == {f"{desk.account_id}:{i}" for i in real}
    assert len(made_up) == synthetic
    for row in desk.messages():
        html = row.meta["email"]["html"] or ""
        assert "<script" not in html.lower() and "javascript:" not in html.lower()
    # Still reading: a plain message after the corpus is stored as any other.
    mailbox.deliver(SHOP, mail("<after-corpus@customer.example>"))
    desk.wait_count(wanted + 1)
    assert desk.state() is ChannelState.CONNECTED


def _large_message(size_mb: int) -> bytes:
    message = EmailMessage()
    message["From"] = "Олена <olena@customer.example>"
    message["To"] = SHOP
    message["Subject"] = "Фото товару"
    message["Message-ID"] = "<large@customer.example>"
    message.set_content("Надсилаю фото, подивіться будь ласка.")
    message.add_attachment(
        b"\x89PNG" + b"\x00" * (size_mb * 1024 * 1024),
        maintype="image",
        subtype="png",
        filename="фото.png",
    )
    return message.as_bytes()


def test_a_message_over_the_limit_is_stored_from_its_header_and_structure(
    sqlite_core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    mailbox.deliver(SHOP, _large_message(3))  # ~4 MB encoded, over twice the 1 MB limit
    settings = mailbox_settings(mailbox, max_attachment_mb=1)
    desk = MailDesk(sqlite_core, mailbox, settings)
    desks.append(desk.start())
    desk.wait_count(1)
    (row,) = desk.messages()
    assert row.subject == "Фото товару"
    assert row.body == "Надсилаю фото, подивіться будь ласка."  # its text part, fetched alone
    assert row.meta["email"]["too_large"] > 3 * 1024 * 1024
    (unavailable,) = row.meta["unavailable_files"]
    assert unavailable["filename"] == "фото.png"
    assert "larger than 1 MB" in unavailable["reason"]
    assert row.id is not None and desk.core.attachments.for_interaction(row.id) == []
    assert desk.conversation_of("<large@customer.example>").waiting_since is not None


def test_mark_seen_marks_what_was_read_and_the_default_does_not(
    sqlite_core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    mailbox.deliver(SHOP, mail("<seen@customer.example>"))
    desk = MailDesk(sqlite_core, mailbox, mailbox_settings(mailbox, mark_seen=True))
    desks.append(desk.start())
    desk.wait_count(1)
    with IMAPClient(mailbox.host, mailbox.imaps_port, ssl_context=mailbox.client_context()) as c:
        c.login(SHOP, PASSWORD)
        c.select_folder("INBOX", readonly=True)
        flags = c.get_flags(c.search(["ALL"]))
    assert b"\\Seen" in flags[1]


def test_idle_renewed_often_keeps_delivering(
    sqlite_core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    desk = MailDesk(sqlite_core, mailbox, mailbox_settings(mailbox), idle_renew_s=0.2)
    desks.append(desk.start())
    wait(lambda: desk.cursor() is not None, what="the first sync")
    reader = desk.channel.reader
    assert reader is not None
    wait(lambda: reader.idles >= 5, what="IDLE issued again")
    for n in range(3):
        mailbox.deliver(SHOP, mail(f"<renew{n}@customer.example>"))
        desk.wait_count(n + 1)

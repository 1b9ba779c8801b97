"""A mailbox read through the channel host from a real dovecot, mail delivered
over LMTP: mail reaches the timeline in its thread, unread on the server; IDLE
pushes new mail; replies from Outlook and Thunderbird join their conversation;
an auto-reply doesn't make anyone wait."""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator

import pytest
from imapclient import IMAPClient

from app.core import Core
from app.customers import ContactInput
from integrations.base import ChannelState
from tests.integrations.email_desk import (
    CUSTOMER,
    PASSWORD,
    SHOP,
    MailDesk,
    mail,
    mailbox_settings,
    wait,
)
from tests.servers.dovecot import DovecotServer


@pytest.fixture
def desk(core: Core, dovecot: DovecotServer) -> Iterator[MailDesk]:
    dovecot.add_user(SHOP, PASSWORD)
    desk = MailDesk(core, dovecot, mailbox_settings(dovecot))
    yield desk
    desk.stop()


def _flags(dovecot: DovecotServer) -> dict[int, tuple[bytes, ...]]:
    with IMAPClient(dovecot.host, dovecot.imaps_port, ssl_context=dovecot.client_context()) as c:
        c.login(SHOP, PASSWORD)
        c.select_folder("INBOX", readonly=True)
        return {uid: data[b"FLAGS"] for uid, data in c.fetch(c.search(["ALL"]), [b"FLAGS"]).items()}


def test_a_delivered_mail_reaches_the_timeline_in_its_thread_and_stays_unread(
    desk: MailDesk, dovecot: DovecotServer
) -> None:
    customer = desk.core.customers.create(
        "Олена Петренко", [ContactInput("email", "Olena@Customer.example")]
    )
    dovecot.deliver(
        SHOP,
        mail("<q1@customer.example>", attachment=("рахунок №5.pdf", b"%PDF-1.4 test")),
    )
    desk.start()
    desk.wait_state(ChannelState.CONNECTED)
    desk.wait_count(1)
    (row,) = desk.messages()
    assert row.customer_id == customer.id  # found by the sender's address
    assert row.body.startswith("Добрий день! Де моє замовлення?")
    assert row.subject == "Замовлення 1042"
    email = row.meta["email"]
    assert email["message_id"] == "<q1@customer.example>"
    assert email["folder"] == "INBOX" and email["uid"] == 1
    assert email["from"] == ["Олена Петренко", CUSTOMER]
    assert email["classification"] == "human"
    conversation = desk.conversation_of("<q1@customer.example>")
    assert conversation.customer_id == customer.id
    assert conversation.identity.endswith(f"|{CUSTOMER}")
    assert conversation.waiting_since is not None
    assert conversation.meta["email"]["last_message_id"] == "<q1@customer.example>"
    assert conversation.meta["email"]["address"] == CUSTOMER
    assert row.id is not None
    (attachment,) = desk.core.attachments.for_interaction(row.id)
    assert attachment.filename == "рахунок №5.pdf"
    assert desk.core.attachments.path_for(attachment.sha256).read_bytes() == b"%PDF-1.4 test"
    # Read with BODY.PEEK from a folder opened read-only: still unread for the shop's mail client.
    assert b"\\Seen" not in _flags(dovecot)[1]
    assert desk.cursor() is not None and desk.cursor().endswith(":1")  # type: ignore[union-attr]


def test_idle_pushes_a_new_mail_without_polling(desk: MailDesk, dovecot: DovecotServer) -> None:
    desk.start()  # polling every 600 s: only IDLE can bring the mail in time
    desk.wait_state(ChannelState.CONNECTED)
    wait_idle(desk)
    dovecot.deliver(SHOP, mail("<push@customer.example>"))
    desk.wait_count(1, timeout=20)
    assert desk.channel.reader is not None and desk.channel.reader.idle_supported


def wait_idle(desk: MailDesk) -> None:
    # The first sync done (an empty folder's cursor is written), so IDLE is next.
    wait(lambda: desk.cursor() is not None, what="the first sync")


def test_replies_from_outlook_and_thunderbird_join_the_conversation(
    desk: MailDesk, dovecot: DovecotServer
) -> None:
    first = mail("<start@customer.example>")
    # Thunderbird: In-Reply-To and the whole References chain.
    thunderbird = mail(
        "<tb@customer.example>",
        subject="Re: Замовлення 1042",
        text="Ще питання.\n\n> Добрий день!",
        in_reply_to="<start@customer.example>",
        references=["<start@customer.example>"],
        headers={"User-Agent": "Mozilla Thunderbird"},
    )
    # Outlook: References only, and its Thread-Index.
    outlook = mail(
        "<ol@customer.example>",
        subject="RE: Замовлення 1042",
        text="Відповідь з Outlook",
        references=["<start@customer.example>", "<tb@customer.example>"],
        headers={
            "Thread-Index": base64.b64encode(bytes(range(22)) + b"\x01" * 5).decode(),
            "X-Mailer": "Microsoft Outlook 16.0",
        },
    )
    # A stranger's reply to the same mail is another conversation.
    stranger = mail(
        "<str@other.example>",
        sender="ivan@other.example",
        name="Іван",
        subject="Re: Замовлення 1042",
        in_reply_to="<start@customer.example>",
        references=["<start@customer.example>"],
    )
    dovecot.deliver(SHOP, first, thunderbird)
    desk.start()
    desk.wait_count(2)
    dovecot.deliver(SHOP, outlook, stranger)
    desk.wait_count(4)
    ids = [desk.conversation_of(f"<{m}>").id for m in ("start@customer.example",
           "tb@customer.example", "ol@customer.example", "str@other.example")]  # fmt: skip
    assert ids[0] == ids[1] == ids[2]
    assert ids[3] != ids[0]
    conversation = desk.conversation_of("<ol@customer.example>")
    assert conversation.meta["email"]["last_message_id"] == "<ol@customer.example>"
    assert conversation.unread_count == 3


def test_an_auto_reply_does_not_make_the_conversation_waiting(
    desk: MailDesk, dovecot: DovecotServer
) -> None:
    dovecot.deliver(
        SHOP,
        mail(
            "<ooo@customer.example>",
            subject="Автовідповідь: Замовлення 1042",
            text="Я у відпустці до понеділка.",
            headers={"Auto-Submitted": "auto-replied"},
        ),
    )
    desk.start()
    desk.wait_count(1)
    conversation = desk.conversation_of("<ooo@customer.example>")
    assert conversation.waiting_since is None
    assert conversation.unread_count == 1
    assert desk.core.conversations.waiting() == []
    (row,) = desk.messages()
    assert row.meta["email"]["classification"] == "auto_reply"


def test_an_idle_mailbox_waits_in_one_idle_command(desk: MailDesk, dovecot: DovecotServer) -> None:
    dovecot.deliver(SHOP, mail("<one@customer.example>"))
    desk.start()
    desk.wait_count(1)
    reader = desk.channel.reader
    assert reader is not None
    wait(lambda: reader.idles >= 1, what="IDLE")
    # A while with nothing new (IDLE renewal at 600 s): the first IDLE still waits.
    # (The SELECT's own EXISTS was once taken for news: IDLE was issued in a loop.)
    time.sleep(1.0)
    assert reader.idles == 1
    assert reader.syncs == 1

"""The whole way out and back: a customer's mail read by the channel host, the
operator's reply queued in the outbox, sent once by the host's sender through
the mailbox's SMTP server (aiosmtpd, STARTTLS, delivering to dovecot over
LMTP), read back from the customer's mailbox over IMAP threaded right, a copy
in the shop's Sent, and the customer's answer to it back in the same
conversation.
"""

from __future__ import annotations

import email
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from imapclient import IMAPClient

from app.core import Core
from app.enums import OutboxStatus
from app.models import InteractionStatus
from app.outbox import OutgoingFile
from integrations.base import ChannelState
from integrations.email.settings import Endpoint, Security
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
from tests.servers.smtp import SmtpServer

CUSTOMER_PASSWORD = "customer-7"


@pytest.fixture
def smtp(dovecot: DovecotServer) -> Iterator[SmtpServer]:
    dovecot.add_user(SHOP, PASSWORD)
    dovecot.add_user(CUSTOMER, CUSTOMER_PASSWORD)
    with SmtpServer(
        dovecot.cert,
        dovecot.key,
        security="starttls",
        user=SHOP,
        password=PASSWORD,
        lmtp=(dovecot.host, dovecot.lmtp_port),
    ) as server:
        yield server


@pytest.fixture
def desk(core: Core, dovecot: DovecotServer, smtp: SmtpServer) -> Iterator[MailDesk]:
    settings = mailbox_settings(
        dovecot,
        smtp=Endpoint("127.0.0.1", smtp.port, Security.STARTTLS),
        signature="Оля, Магазин",
    )
    desk = MailDesk(core, dovecot, settings)
    yield desk
    desk.stop()


def folder(dovecot: DovecotServer, user: str, password: str, name: str) -> list[EmailMessage]:
    with IMAPClient(dovecot.host, dovecot.imaps_port, ssl_context=dovecot.client_context()) as c:
        c.login(user, password)
        c.select_folder(name, readonly=True)
        fetched = c.fetch(c.search("ALL"), [b"BODY.PEEK[]"])
    found = []
    for data in fetched.values():
        message = email.message_from_bytes(data[b"BODY[]"], policy=policy.default)
        assert isinstance(message, EmailMessage)
        found.append(message)
    return found


def test_a_reply_is_queued_sent_once_and_answered_in_the_same_thread(
    desk: MailDesk, dovecot: DovecotServer, smtp: SmtpServer, tmp_path: Path
) -> None:
    core = desk.core
    dovecot.deliver(
        SHOP,
        mail(
            "<q2@customer.example>",
            in_reply_to="<q1@customer.example>",
            references=["<q1@customer.example>"],
        ),
    )
    desk.start()
    desk.wait_state(ChannelState.CONNECTED)
    desk.wait_count(1)
    conversation = desk.conversation_of("<q2@customer.example>")
    assert conversation.id is not None
    invoice = tmp_path / "Рахунок №1042.pdf"
    invoice.write_bytes(b"%PDF-1.4 invoice")

    queued = core.outbox.queue(
        conversation.id,
        "Добрий день! Замовлення вже в дорозі.",
        operator="Оля",
        idempotency_key="reply-1",
        attachments=[OutgoingFile(invoice, "Рахунок №1042.pdf", "application/pdf")],
    )
    assert queued.id is not None
    sent = wait(
        lambda: (row := core.outbox.get(queued.id or 0)).status == OutboxStatus.SENT.value and row,
        what="the reply sent",
    )
    assert sent.attempts == 1
    [our_id] = sent.platform_ids

    [got] = wait(lambda: folder(dovecot, CUSTOMER, CUSTOMER_PASSWORD, "INBOX"), what="delivered")
    assert got["Message-ID"] == our_id
    assert got["In-Reply-To"] == "<q2@customer.example>"
    assert got["References"].split() == ["<q1@customer.example>", "<q2@customer.example>"]
    assert got["Subject"] == "Re: Замовлення 1042"
    assert got["To"].addresses[0].addr_spec == CUSTOMER
    body = got.get_body(("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")
    assert text.startswith("Добрий день! Замовлення вже в дорозі.\n\n-- \nОля, Магазин\n")
    assert "> Добрий день! Де моє замовлення?" in text  # the message answered, quoted
    [attachment] = list(got.iter_attachments())
    assert attachment.get_filename() == "Рахунок №1042.pdf"
    assert [m["Message-ID"] for m in folder(dovecot, SHOP, PASSWORD, "Sent")] == [our_id]
    assert len(smtp.messages()) == 1  # sent once
    with core.db.session() as s:
        from app.models import Interaction

        row = s.get(Interaction, queued.interaction_id)
        assert row is not None and row.status == InteractionStatus.SENT.value

    # The customer answers our reply, naming only our Message-ID.
    dovecot.deliver(
        SHOP, mail("<q3@customer.example>", in_reply_to=our_id, subject="Re: Замовлення 1042")
    )
    desk.wait_count(3)
    assert desk.conversation_of("<q3@customer.example>").id == conversation.id
    assert len(smtp.messages()) == 1


def test_a_reply_cut_after_data_may_not_have_been_sent_and_is_not_sent_again(
    desk: MailDesk, dovecot: DovecotServer, smtp: SmtpServer
) -> None:
    core = desk.core
    dovecot.deliver(SHOP, mail("<q1@customer.example>"))
    desk.start()
    desk.wait_count(1)
    conversation = desk.conversation_of("<q1@customer.example>")
    assert conversation.id is not None
    smtp.cut_after_data = True  # the server has it all, and the line drops before it says so

    queued = core.outbox.queue(conversation.id, "Так.", operator="Оля", idempotency_key="r")
    uncertain = wait(
        lambda: (
            (row := core.outbox.get(queued.id or 0)).status == OutboxStatus.UNCERTAIN.value and row
        ),
        what="the reply uncertain",
    )

    assert uncertain.attempts == 1
    assert "may have arrived" in uncertain.last_error
    assert len(smtp.messages()) == 1  # it did arrive; the outbox leaves it to the operator
    assert core.outbox.claim_next(desk.account_id) is None  # nothing left to send by itself


def test_a_reply_sent_with_a_refused_cc_and_no_copy_in_sent_tells_the_operator(
    core: Core, dovecot: DovecotServer, smtp: SmtpServer
) -> None:
    """The customer got it, so it is sent (never again by itself); what did
    not go right is kept on its row, in words the window can translate, and
    the conversation's feed gives it to the bubble."""
    gone = "gone@customer.example"
    smtp.rcpt_replies[gone] = f"550 5.1.1 <{gone}>: no such user"
    settings = mailbox_settings(
        dovecot,
        smtp=Endpoint("127.0.0.1", smtp.port, Security.STARTTLS),
        sent_folder="No such folder",  # dovecot refuses the APPEND
    )
    desk = MailDesk(core, dovecot, settings)
    try:
        dovecot.deliver(SHOP, mail("<q1@customer.example>"))
        desk.start()
        desk.wait_count(1)
        conversation = desk.conversation_of("<q1@customer.example>")
        assert conversation.id is not None

        queued = core.outbox.queue(
            conversation.id,
            "Так, є.",
            operator="Оля",
            idempotency_key="r",
            email={"cc": [["Колишній", gone]]},
        )
        sent = wait(
            lambda: (
                (row := core.outbox.get(queued.id or 0)).status == OutboxStatus.SENT.value and row
            ),
            what="the reply sent",
        )
    finally:
        desk.stop()

    assert (sent.attempts, sent.failure, sent.last_error) == (1, None, "")
    [got] = smtp.messages()  # once, to the customer only
    assert got.rcpt_tos == (CUSTOMER,)
    row = core.timeline.get(queued.interaction_id)
    assert row.status == InteractionStatus.SENT.value
    refused, not_saved = row.meta["send_notes"]
    assert refused == {
        "template": "Sent, but not delivered to {address}: {reason}",
        "fields": {"address": gone, "reason": f"550 5.1.1 <{gone}>: no such user"},
    }
    assert not_saved["template"] == "Sent, but not saved to the Sent folder: {reason}"
    assert not_saved["fields"]["reason"]  # dovecot's words

    [item] = [i for i in core.feed.page(conversation.id).items if i.interaction_id == row.id]
    assert item.delivery is not None and item.delivery.state is OutboxStatus.SENT
    assert item.delivery.notice is None and not item.delivery.can_resend
    assert [str(n) for n in item.delivery.notes] == [
        f"Sent, but not delivered to {gone}: 550 5.1.1 <{gone}>: no such user",
        f"Sent, but not saved to the Sent folder: {not_saved['fields']['reason']}",
    ]

"""A reply sent through send_mail, read back where mail clients would see it: the
customer's mailbox (aiosmtpd hands it to dovecot over LMTP) and the shop's
Sent folder, over IMAP with verified TLS; and the settings page's IMAP Test.
"""

from __future__ import annotations

import email
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from imapclient import IMAPClient

from integrations.base import OutboundFile, OutboundMessage
from integrations.email.connection import CertificateProblem, Problem
from integrations.email.settings import Endpoint, MailboxSettings, Security
from integrations.email.smtp import Quote, ReplyContext, send_mail
from integrations.email.test_connection import check_imap
from tests.servers.dovecot import DovecotServer
from tests.servers.smtp import SmtpServer

SHOP = "shop@shop.example"
SHOP_PASSWORD = "shop-secret"
CUSTOMER = "customer@customer.example"
CUSTOMER_PASSWORD = "customer-secret"


@pytest.fixture
def world(dovecot: DovecotServer) -> Iterator[tuple[DovecotServer, SmtpServer]]:
    dovecot.add_user(SHOP, SHOP_PASSWORD)
    dovecot.add_user(CUSTOMER, CUSTOMER_PASSWORD)
    with SmtpServer(
        dovecot.cert,
        dovecot.key,
        security="starttls",
        user=SHOP,
        password=SHOP_PASSWORD,
        lmtp=(dovecot.host, dovecot.lmtp_port),
    ) as smtp:
        yield dovecot, smtp


def mailbox(
    dovecot: DovecotServer,
    smtp_port: int,
    *,
    imap_security: Security = Security.STARTTLS,
    sent_folder: str = "",
    ca: bool = True,
) -> MailboxSettings:
    imap_port = dovecot.imap_port if imap_security is Security.STARTTLS else dovecot.imaps_port
    return MailboxSettings(
        address=SHOP,
        display_name="Shop Ltd",
        imap=Endpoint(dovecot.host, imap_port, imap_security),
        smtp=Endpoint("127.0.0.1", smtp_port, Security.STARTTLS),
        user=SHOP,
        sent_folder=sent_folder,
        signature="Оксана\nShop Ltd",
        ca_file=str(dovecot.ca_file) if ca else "",
    )


def customer_thread() -> ReplyContext:
    return ReplyContext(
        to=("Іван", CUSTOMER),
        subject="Доставка",
        parent_message_id="<q2@customer.example>",
        references=("<q1@customer.example>", "<a1@shop.example>"),
        in_reply_to=("<a1@shop.example>",),
        quote=Quote(f"Іван <{CUSTOMER}>", None, "Коли буде доставка?"),
    )


def read_folder(
    dovecot: DovecotServer, user: str, password: str, folder: str
) -> list[tuple[set[bytes], EmailMessage]]:
    with IMAPClient(dovecot.host, dovecot.imaps_port, ssl_context=dovecot.client_context()) as c:
        c.plain_login(user, password)  # UTF-8, whatever the password
        c.select_folder(folder, readonly=True)
        fetched = c.fetch(c.search("ALL"), [b"FLAGS", b"BODY.PEEK[]"])
    found = []
    for data in fetched.values():
        message = email.message_from_bytes(data[b"BODY[]"], policy=policy.default)
        assert isinstance(message, EmailMessage)
        found.append((set(data[b"FLAGS"]), message))
    return found


def test_the_reply_arrives_threaded_and_lands_in_sent_once(
    world: tuple[DovecotServer, SmtpServer], tmp_path: Path
) -> None:
    dovecot, smtp = world
    blob = tmp_path / "blob"
    blob.write_bytes(b"\x89PNG fake picture")
    file = OutboundFile(blob, "Фото товару.png", "image/png", blob.stat().st_size)
    message = OutboundMessage(1, f"t|{CUSTOMER}", "Завтра до обіду.", files=(file,))

    result = send_mail(mailbox(dovecot, smtp.port), SHOP_PASSWORD, message, customer_thread())

    assert result.ok and result.reason == "", result.reason
    [(_, got)] = read_folder(dovecot, CUSTOMER, CUSTOMER_PASSWORD, "INBOX")
    assert got["Message-ID"] == result.platform_ids[0]
    assert got["Message-ID"].endswith("@shop.example>")
    assert got["In-Reply-To"] == "<q2@customer.example>"
    assert got["References"].split() == [
        "<q1@customer.example>",
        "<a1@shop.example>",
        "<q2@customer.example>",
    ]
    assert got["Subject"] == "Re: Доставка"
    assert str(got["From"]) == f"Shop Ltd <{SHOP}>"
    body = got.get_body(("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")
    assert "Завтра до обіду.\n\n-- \nОксана\nShop Ltd\n" in text
    assert "> Коли буде доставка?" in text
    [attachment] = list(got.iter_attachments())
    assert attachment.get_filename() == "Фото товару.png"
    assert attachment.get_content() == b"\x89PNG fake picture"

    sent = read_folder(dovecot, SHOP, SHOP_PASSWORD, "Sent")
    assert [m["Message-ID"] for _, m in sent] == [got["Message-ID"]]
    [(flags, _)] = sent
    assert b"\\Seen" in flags


def test_a_sent_folder_with_the_copy_already_gets_no_second(
    world: tuple[DovecotServer, SmtpServer],
) -> None:
    """A server that files submitted mail itself (Gmail does): our APPEND would
    be a duplicate. Simulated by a second APPEND of the same bytes."""
    from integrations.email.compose import as_bytes, compose
    from integrations.email.smtp import append_to_sent

    dovecot, smtp = world
    settings = mailbox(dovecot, smtp.port)
    composed = compose(settings, "hello", customer_thread())
    raw = as_bytes(composed)

    first = append_to_sent(settings, SHOP_PASSWORD, composed, raw)
    again = append_to_sent(settings, SHOP_PASSWORD, composed, raw)

    assert (first.folder, first.note) == ("Sent", "")
    assert (again.folder, again.note) == ("Sent", "")
    assert len(read_folder(dovecot, SHOP, SHOP_PASSWORD, "Sent")) == 1


def test_the_folder_set_for_sent_is_used(world: tuple[DovecotServer, SmtpServer]) -> None:
    dovecot, smtp = world
    settings = mailbox(dovecot, smtp.port, sent_folder="Support")

    result = send_mail(settings, SHOP_PASSWORD, OutboundMessage(1, "t", "hi"), customer_thread())

    assert result.ok and result.reason == "" and result.notes == ()
    assert len(read_folder(dovecot, SHOP, SHOP_PASSWORD, "Support")) == 1
    assert read_folder(dovecot, SHOP, SHOP_PASSWORD, "Sent") == []


def test_a_failed_append_is_a_note_not_a_resend(world: tuple[DovecotServer, SmtpServer]) -> None:
    dovecot, smtp = world
    settings = mailbox(dovecot, smtp.port, sent_folder="No such folder")

    result = send_mail(settings, SHOP_PASSWORD, OutboundMessage(1, "t", "hi"), customer_thread())

    assert result.ok  # sent: the outbox marks it so and never sends it again
    assert result.reason.startswith("sent, but not saved to the Sent folder:")
    [note] = result.notes  # for the operator, on the message's row
    assert note.template == "Sent, but not saved to the Sent folder: {reason}"
    assert note.fields["reason"] and note.fields["reason"] in result.reason
    assert len(smtp.messages()) == 1
    assert len(read_folder(dovecot, CUSTOMER, CUSTOMER_PASSWORD, "INBOX")) == 1


def test_check_imap_lists_the_folders_with_sent_marked(dovecot: DovecotServer) -> None:
    dovecot.add_user(SHOP, SHOP_PASSWORD)
    for security in (Security.STARTTLS, Security.TLS):
        check = check_imap(mailbox(dovecot, 1, imap_security=security), SHOP_PASSWORD)

        assert check.ok, check.error
        assert {"INBOX", "Sent", "Drafts", "Support"} <= {f.name for f in check.folders}
        assert check.sent_folder == "Sent"
        assert "IDLE" in check.offers


def test_check_imap_says_what_is_wrong(dovecot: DovecotServer) -> None:
    dovecot.add_user(SHOP, SHOP_PASSWORD)

    wrong = check_imap(mailbox(dovecot, 1), "wrong password")
    assert wrong.error is not None and wrong.error.problem is Problem.AUTH
    assert "AUTHENTICATIONFAILED" in str(wrong.error) or "failed" in str(wrong.error).lower()

    unknown_ca = check_imap(mailbox(dovecot, 1, ca=False), SHOP_PASSWORD)
    assert unknown_ca.error is not None
    assert unknown_ca.error.certificate is CertificateProblem.UNKNOWN_ISSUER

    tls_on_the_starttls_port = check_imap(
        MailboxSettings(
            **{
                **mailbox(dovecot, 1).__dict__,
                "imap": Endpoint(dovecot.host, dovecot.imap_port, Security.TLS),
            }
        ),
        SHOP_PASSWORD,
    )
    assert tls_on_the_starttls_port.error is not None
    assert tls_on_the_starttls_port.error.problem is Problem.NOT_TLS

    dovecot.restart(self_signed=True)
    self_signed = check_imap(mailbox(dovecot, 1, imap_security=Security.TLS), SHOP_PASSWORD)
    assert self_signed.error is not None
    assert self_signed.error.problem is Problem.CERTIFICATE
    assert self_signed.error.certificate is CertificateProblem.SELF_SIGNED
    assert "self-signed" in str(self_signed.error)


def test_a_password_in_cyrillic_logs_in_to_both(dovecot: DovecotServer) -> None:
    """smtplib and imaplib send LOGIN strings as ASCII only: such a password
    goes as AUTH PLAIN / AUTHENTICATE PLAIN in UTF-8."""
    password = "Пароль-їжак-42"
    dovecot.add_user(SHOP, password)
    dovecot.add_user(CUSTOMER, CUSTOMER_PASSWORD)
    with SmtpServer(
        dovecot.cert,
        dovecot.key,
        user=SHOP,
        password=password,
        lmtp=(dovecot.host, dovecot.lmtp_port),
    ) as smtp:
        settings = mailbox(dovecot, smtp.port)
        assert check_imap(settings, password).ok
        result = send_mail(settings, password, OutboundMessage(1, "t", "hi"), customer_thread())

        assert result.ok and result.reason == "", result.reason
        assert smtp.logins == [(SHOP, password)]
        assert len(read_folder(dovecot, SHOP, password, "Sent")) == 1
        wrong = check_imap(settings, "Пароль-не-той")
        assert wrong.error is not None and wrong.error.problem is Problem.AUTH

"""Sending a reply through a real SMTP server (aiosmtpd on 127.0.0.1): what the
server's answers become, and what never goes out.

The server keeps what it accepted; the tests that read the reply back from the
customer's mailbox over IMAP are in test_email_send_dovecot.py.
"""

from __future__ import annotations

import base64
import email
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from app.enums import SendFailure
from integrations.base import OutboundFile, OutboundMessage
from integrations.email.connection import CertificateProblem, Problem
from integrations.email.settings import Endpoint, MailboxSettings, Security
from integrations.email.smtp import Quote, ReplyContext, send_mail
from integrations.email.test_connection import check_smtp
from tests.servers.common import free_port
from tests.servers.dovecot import make_certificates
from tests.servers.smtp import SmtpServer

pytestmark = pytest.mark.filterwarnings(
    "ignore:Requiring AUTH while not requiring TLS:UserWarning"  # the no-STARTTLS server
)

CUSTOMER = "customer@example.test"
SHOP = "shop@example.test"
PASSWORD = "s3cret-smtp"


@dataclass(frozen=True)
class Certificates:
    ca_file: Path  # the throw-away CA (tests/servers/dovecot.py's)
    cert: Path  # for 127.0.0.1, signed by it
    key: Path
    self_signed: Path  # for 127.0.0.1, signed by nobody
    self_signed_key: Path


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    made = make_certificates(tmp_path_factory.mktemp("mail-ca"))
    return Certificates(made["ca"], made["cert"], made["key"], made["self_cert"], made["self_key"])


@pytest.fixture
def smtp(ca: Certificates) -> Iterator[SmtpServer]:
    with SmtpServer(ca.cert, ca.key, security="starttls") as server:
        yield server


def mailbox(
    server: SmtpServer | None,
    ca: Certificates | None,
    *,
    security: Security = Security.STARTTLS,
    port: int | None = None,
) -> MailboxSettings:
    smtp_port = port or (server.port if server is not None else free_port())
    return MailboxSettings(
        address=SHOP,
        display_name="Магазин «Ромашка»",
        # Sent goes nowhere here: nothing listens on this IMAP port.
        imap=Endpoint("127.0.0.1", free_port(), Security.TLS),
        smtp=Endpoint("127.0.0.1", smtp_port, security),
        user=SHOP,
        signature="Оксана, магазин «Ромашка»\n+380 44 000 00 00",
        ca_file=str(ca.ca_file) if ca is not None else "",
    )


def reply_thread() -> ReplyContext:
    return ReplyContext(
        to=("Іван Петренко", CUSTOMER),
        subject="Замовлення №5",
        parent_message_id="<parent-2@customer.example.test>",
        references=("<root-1@customer.example.test>",),
        in_reply_to=("<root-1@customer.example.test>",),
        quote=Quote(
            "Іван Петренко <customer@example.test>",
            datetime(2026, 11, 20, 9, 30, tzinfo=UTC),
            "Добрий день! Де моє замовлення?",
        ),
    )


def outbound(
    text: str = "Вже їде до вас.", files: tuple[OutboundFile, ...] = ()
) -> OutboundMessage:
    return OutboundMessage(message_id=1, identity=f"thread|{CUSTOMER}", text=text, files=files)


def parsed(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_a_reply_goes_out_over_starttls_with_our_message_id(
    smtp: SmtpServer, ca: Certificates, tmp_path: Path
) -> None:
    invoice = tmp_path / "stored-blob"
    invoice.write_bytes(b"%PDF-1.4 test")
    file = OutboundFile(invoice, "Рахунок №5.pdf", "application/pdf", invoice.stat().st_size)

    result = send_mail(mailbox(smtp, ca), PASSWORD, outbound(files=(file,)), reply_thread())

    assert result.ok, result.reason
    [got] = smtp.messages()
    assert got.rcpt_tos == (CUSTOMER,)
    assert got.mail_from == SHOP
    message = parsed(got.content)
    assert result.platform_ids == (message["Message-ID"],)
    assert message["Message-ID"].endswith("@example.test>")
    assert message["In-Reply-To"] == "<parent-2@customer.example.test>"
    assert message["References"].split() == [
        "<root-1@customer.example.test>",
        "<parent-2@customer.example.test>",
    ]
    assert message["Subject"] == "Re: Замовлення №5"
    assert message["From"].addresses[0].display_name == "Магазин «Ромашка»"
    plain = message.get_body(("plain",))
    assert plain is not None
    text = plain.get_content().replace("\r\n", "\n")
    assert text.startswith("Вже їде до вас.\n\n-- \nОксана, магазин «Ромашка»\n")
    assert "> Добрий день! Де моє замовлення?" in text
    html = message.get_body(("html",))
    assert html is not None and "<blockquote" in html.get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "Рахунок №5.pdf"
    assert b"filename*=utf-8''%D0%A0%D0%B0%D1%85" in got.content  # RFC 2231, not RFC 2047
    assert attachment.get_content() == b"%PDF-1.4 test"
    assert smtp.logins == [(SHOP, PASSWORD)]
    # No IMAP server: the mail is sent all the same, with a note that Sent has no copy.
    assert "not saved to the Sent folder" in result.reason


def test_implicit_tls(ca: Certificates) -> None:
    with SmtpServer(ca.cert, ca.key, security="tls") as server:
        result = send_mail(
            mailbox(server, ca, security=Security.TLS), PASSWORD, outbound(), reply_thread()
        )
        assert result.ok, result.reason
        assert len(server.messages()) == 1


def test_a_wrong_password_is_auth(smtp: SmtpServer, ca: Certificates) -> None:
    result = send_mail(mailbox(smtp, ca), "wrong", outbound(), reply_thread())

    assert result.failure is SendFailure.AUTH
    assert "535" in result.reason
    assert not result.maybe_delivered
    assert smtp.messages() == []


def test_a_refused_recipient_is_permanent_with_the_servers_words(
    smtp: SmtpServer, ca: Certificates
) -> None:
    smtp.rcpt_replies[CUSTOMER] = "550 5.1.1 <customer@example.test>: Recipient address rejected"

    result = send_mail(mailbox(smtp, ca), PASSWORD, outbound(), reply_thread())

    assert result.failure is SendFailure.PERMANENT
    assert result.reason == "550 5.1.1 <customer@example.test>: Recipient address rejected"
    assert smtp.messages() == []


def test_a_4xx_is_tried_again(smtp: SmtpServer, ca: Certificates) -> None:
    smtp.data_reply = "452 4.3.1 Insufficient system storage"

    result = send_mail(mailbox(smtp, ca), PASSWORD, outbound(), reply_thread())

    assert result.failure is SendFailure.RATE_LIMITED  # the outbox's transient kinds
    assert result.reason == "452 4.3.1 Insufficient system storage"
    assert not result.maybe_delivered


def test_552_is_too_large(smtp: SmtpServer, ca: Certificates) -> None:
    smtp.data_reply = "552 5.3.4 Message size exceeds fixed limit"

    result = send_mail(mailbox(smtp, ca), PASSWORD, outbound(), reply_thread())

    assert result.failure is SendFailure.TOO_LARGE
    assert "552 5.3.4" in result.reason


def test_a_message_over_the_servers_size_is_not_sent(ca: Certificates, tmp_path: Path) -> None:
    blob = tmp_path / "big"
    blob.write_bytes(b"x" * 200_000)
    file = OutboundFile(blob, "big.bin", "application/octet-stream", 200_000)
    with SmtpServer(ca.cert, ca.key, data_size_limit=100_000) as server:
        result = send_mail(mailbox(server, ca), PASSWORD, outbound(files=(file,)), reply_thread())
        assert result.failure is SendFailure.TOO_LARGE
        assert "at most" in result.reason
        assert server.messages() == []


def test_the_connection_cut_after_data_may_have_delivered(
    smtp: SmtpServer, ca: Certificates
) -> None:
    smtp.cut_after_data = True

    result = send_mail(mailbox(smtp, ca), PASSWORD, outbound(), reply_thread())

    assert result.maybe_delivered  # the outbox's "may not have been sent": no resend by itself
    assert not result.ok
    assert "may have arrived" in result.reason
    assert len(smtp.messages()) == 1  # and indeed it did


def test_a_server_without_starttls_gets_no_password(
    ca: Certificates,
) -> None:
    with SmtpServer(security="plain") as server:
        result = send_mail(mailbox(server, ca), PASSWORD, outbound(), reply_thread())
        check = check_smtp(mailbox(server, ca), PASSWORD)

        assert result.failure is SendFailure.PERMANENT
        assert "does not offer STARTTLS" in result.reason
        assert check.error is not None and check.error.problem is Problem.NO_STARTTLS
        assert server.logins == []  # the password never went over plain text
        assert server.messages() == []


def test_a_self_signed_certificate_is_a_certificate_reason(
    ca: Certificates,
) -> None:
    with SmtpServer(ca.self_signed, ca.self_signed_key, security="tls") as server:
        settings = mailbox(server, ca, security=Security.TLS)
        result = send_mail(settings, PASSWORD, outbound(), reply_thread())
        check = check_smtp(settings, PASSWORD)

        assert result.failure is SendFailure.NOT_REACHABLE
        assert "self-signed" in result.reason
        assert check.error is not None
        assert check.error.problem is Problem.CERTIFICATE
        assert check.error.certificate is CertificateProblem.SELF_SIGNED
        assert server.logins == []


def test_a_certificate_from_an_unknown_ca(ca: Certificates) -> None:
    with SmtpServer(ca.cert, ca.key, security="starttls") as server:
        check = check_smtp(mailbox(server, None), PASSWORD)  # the test CA not trusted

        assert check.error is not None
        assert check.error.certificate is CertificateProblem.UNKNOWN_ISSUER
        assert "127.0.0.1" in str(check.error)
        assert server.logins == []


def test_check_smtp_logs_in_and_sends_nothing(smtp: SmtpServer, ca: Certificates) -> None:
    check = check_smtp(mailbox(smtp, ca), PASSWORD)

    assert check.ok, check.error
    assert "auth" in check.offers
    assert smtp.logins == [(SHOP, PASSWORD)]
    assert smtp.messages() == []
    wrong = check_smtp(mailbox(smtp, ca), "wrong")
    assert wrong.error is not None and wrong.error.problem is Problem.AUTH


def test_nothing_listening_is_refused_and_not_reachable(ca: Certificates) -> None:
    settings = mailbox(None, ca)
    check = check_smtp(settings, PASSWORD)
    result = send_mail(settings, PASSWORD, outbound(), reply_thread())

    assert check.error is not None and check.error.problem is Problem.REFUSED
    assert result.failure is SendFailure.NOT_REACHABLE


def test_implicit_tls_to_a_plain_port_is_said_so(ca: Certificates) -> None:
    with SmtpServer(security="plain") as server:
        check = check_smtp(mailbox(server, ca, security=Security.TLS), PASSWORD)

        assert check.error is not None and check.error.problem is Problem.NOT_TLS
        assert server.logins == []


def test_a_server_that_never_answers_is_a_timeout(
    ca: Certificates, monkeypatch: pytest.MonkeyPatch
) -> None:
    import integrations.email.connection as connection

    monkeypatch.setattr(connection, "CONNECT_TIMEOUT_S", 0.5)
    monkeypatch.setattr(connection, "READ_TIMEOUT_S", 0.5)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts (the kernel's backlog) and never says a word
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def keep() -> None:
        silent.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(silent.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=keep, daemon=True)
    thread.start()
    try:
        check = check_smtp(mailbox(None, ca, port=silent.getsockname()[1]), PASSWORD)
    finally:
        stop.set()
        thread.join()
        for sock in accepted:
            sock.close()
        silent.close()

    assert check.error is not None and check.error.problem is Problem.TIMEOUT


def test_a_missing_host_is_not_found(ca: Certificates) -> None:
    settings = mailbox(None, ca)
    settings = MailboxSettings(
        **{**settings.__dict__, "smtp": Endpoint("no-such-host.invalid", 587, Security.STARTTLS)}
    )

    check = check_smtp(settings, PASSWORD)

    assert check.error is not None and check.error.problem is Problem.HOST_NOT_FOUND
    assert "no-such-host.invalid" in str(check.error)


def test_a_refused_cc_does_not_fail_what_the_customer_got(
    smtp: SmtpServer, ca: Certificates
) -> None:
    smtp.rcpt_replies["gone@example.test"] = "550 5.1.1 <gone@example.test>: no such user"
    thread = replace(reply_thread(), cc=(("Gone", "gone@example.test"), ("Me", SHOP)))

    result = send_mail(mailbox(smtp, ca), PASSWORD, outbound(), thread)

    assert result.ok  # sent: never again by itself
    assert result.reason.startswith(
        "not delivered to gone@example.test: 550 5.1.1 <gone@example.test>: no such user; "
        "sent, but not saved to the Sent folder"  # no IMAP server here
    )
    # The same for the operator, as core messages the outbox keeps on the row.
    refused, not_saved = result.notes
    assert refused.template == "Sent, but not delivered to {address}: {reason}"
    assert refused.fields == {
        "address": "gone@example.test",
        "reason": "550 5.1.1 <gone@example.test>: no such user",
    }
    assert not_saved.template == "Sent, but not saved to the Sent folder: {reason}"
    assert not_saved.fields["reason"] and not_saved.fields["reason"] in result.reason
    [got] = smtp.messages()
    assert got.rcpt_tos == (CUSTOMER,)  # our own address is not a Cc of our own reply
    assert parsed(got.content)["Cc"] == "Gone <gone@example.test>"


def test_an_address_in_cyrillic_goes_with_smtputf8(smtp: SmtpServer, ca: Certificates) -> None:
    thread = replace(reply_thread(), to=("Іван", "іван@приклад.укр"))

    result = send_mail(mailbox(smtp, ca), PASSWORD, outbound(), thread)

    assert result.ok, result.reason
    [got] = smtp.messages()
    assert "SMTPUTF8" in got.mail_options
    assert got.rcpt_tos == ("іван@xn--80aikifvh.xn--j1amh",)  # the domain in IDNA


# --- the message itself (no server) ----------------------------------------------------------


def composed_message(thread: ReplyContext, text: str = "Дякуємо!") -> EmailMessage:
    from integrations.email.compose import as_bytes, compose

    return parsed(as_bytes(compose(mailbox(None, None), text, thread)))


def test_an_outlook_parent_gets_a_child_thread_index() -> None:
    parent = base64.b64encode(b"\x01" + bytes(21)).decode()  # a 22-byte header block
    message = composed_message(replace(reply_thread(), thread_index=parent))

    assert message["Thread-Index"].startswith(parent[:28])
    assert composed_message(reply_thread())["Thread-Index"] is None


def test_a_first_message_and_a_made_up_parent_have_no_in_reply_to() -> None:
    first = composed_message(ReplyContext(to=("", CUSTOMER), subject="Ваше замовлення"))
    assert first["In-Reply-To"] is None and first["References"] is None
    assert first["Subject"] == "Re: Ваше замовлення"

    synthetic = "<0123abcd@synthetic.switchboard.invalid>"
    made_up = composed_message(replace(reply_thread(), parent_message_id=synthetic))
    assert made_up["In-Reply-To"] is None
    assert synthetic not in made_up["References"]


def test_the_html_is_the_text_escaped_with_links() -> None:
    message = composed_message(
        reply_thread(), "<script>alert(1)</script>\n\nТрек: https://track.example/?a=1&b=2."
    )
    html = message.get_body(("html",))
    assert html is not None
    content = html.get_content()
    assert "<script>" not in content and "&lt;script&gt;" in content
    assert '<a href="https://track.example/?a=1&amp;b=2">' in content  # the dot left out
    assert '<div class="signature">-- <br>' in content


def test_a_long_quote_is_cut() -> None:
    quote = Quote("x@example.test", None, "\n".join(f"рядок {n}" for n in range(100)))
    message = composed_message(replace(reply_thread(), quote=quote))
    plain = message.get_body(("plain",))
    assert plain is not None
    quoted = [line for line in plain.get_content().splitlines() if line.startswith(">")]
    assert len(quoted) == 31  # 30 lines and the mark that more was cut
    assert quoted[-1] == "> […]"


class PlainImapServer:
    """An IMAP server that offers no STARTTLS and would take a plain-text
    LOGIN: it answers CAPABILITY, says OK to everything else and keeps every
    command it was sent (``commands``)."""

    def __init__(self) -> None:
        self.commands: list[bytes] = []
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._sock.getsockname()[1])
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        try:
            conn, _ = self._sock.accept()
        except OSError:
            return
        with conn, conn.makefile("rb") as lines:
            conn.sendall(b"* OK ready\r\n")
            for line in lines:
                tag, _, command = line.strip().partition(b" ")
                self.commands.append(command)
                if command.upper().startswith(b"CAPABILITY"):
                    conn.sendall(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n")
                conn.sendall(tag + b" OK done\r\n")

    def close(self) -> None:
        self._sock.close()
        self._thread.join(timeout=5)


def test_an_imap_server_without_starttls_gets_no_password(ca: Certificates) -> None:
    from integrations.email.test_connection import check_imap

    server = PlainImapServer()
    try:
        settings = replace(
            mailbox(None, ca), imap=Endpoint("127.0.0.1", server.port, Security.STARTTLS)
        )
        check = check_imap(settings, PASSWORD)
    finally:
        server.close()

    assert check.error is not None and check.error.problem is Problem.NO_STARTTLS
    assert "does not offer STARTTLS" in str(check.error)
    assert not any(PASSWORD.encode() in c for c in server.commands)
    assert server.commands[:1] == [b"CAPABILITY"]


def test_a_ca_file_that_is_not_one_is_said_so(
    smtp: SmtpServer, ca: Certificates, tmp_path: Path
) -> None:
    not_a_ca = tmp_path / "ca.pem"
    not_a_ca.write_text("this is not a certificate\n")
    settings = replace(mailbox(smtp, ca), ca_file=str(not_a_ca))

    check = check_smtp(settings, PASSWORD)
    result = send_mail(settings, PASSWORD, outbound(), reply_thread())

    assert check.error is not None and check.error.problem is Problem.CA_FILE
    assert str(not_a_ca) in str(check.error)
    assert result.failure is SendFailure.PERMANENT  # a setting to fix, not a network to wait for
    assert smtp.logins == []

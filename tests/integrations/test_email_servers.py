"""The test mail world itself (tests/servers/dovecot.py): what the email tests rely on."""

from __future__ import annotations

import imaplib
import ssl

import pytest
from imapclient import IMAPClient

from tests.servers.dovecot import CuttingProxy, DovecotServer, DroppingServer

USER = "shop@shop.example"


def test_dovecot_serves_mail_delivered_over_lmtp_on_both_ports(dovecot: DovecotServer) -> None:
    dovecot.add_user(USER, "secret")
    dovecot.deliver(USER, b"From: a@customer.example\r\nSubject: hi\r\n\r\nhello\r\n")
    dovecot.deliver(USER, b"Subject: to support\r\n\r\nhello\r\n", folder="Support")
    with IMAPClient(dovecot.host, dovecot.imaps_port, ssl_context=dovecot.client_context()) as c:
        c.login(USER, "secret")
        assert c.select_folder("INBOX", readonly=True)[b"EXISTS"] == 1
        assert c.select_folder("Support", readonly=True)[b"EXISTS"] == 1
        assert any(b"\\Sent" in flags for flags, _, _ in c.list_folders())
    starttls = IMAPClient(dovecot.host, dovecot.imap_port, ssl=False)
    starttls.starttls(dovecot.client_context())
    starttls.login(USER, "secret")
    starttls.logout()
    assert dovecot.uids(USER) == [1]


def test_uidvalidity_can_be_changed_under_a_reader(dovecot: DovecotServer) -> None:
    dovecot.add_user(USER, "secret")
    dovecot.set_uidvalidity(USER, "INBOX", 4242)
    assert dovecot.uidvalidity(USER) == 4242


def test_self_signed_certificate_fails_verification(dovecot: DovecotServer) -> None:
    dovecot.restart(self_signed=True)
    with pytest.raises(ssl.SSLCertVerificationError):
        IMAPClient(dovecot.host, dovecot.imaps_port, ssl_context=dovecot.client_context())


def test_proxy_cuts_a_connection_mid_answer(dovecot: DovecotServer) -> None:
    dovecot.add_user(USER, "secret")
    dovecot.deliver(USER, b"Subject: big\r\n\r\n" + b"x" * 200_000 + b"\r\n")
    proxy = CuttingProxy(dovecot.imaps_port)
    try:
        client = IMAPClient(dovecot.host, proxy.port, ssl_context=dovecot.client_context())
        client.login(USER, "secret")
        client.select_folder("INBOX", readonly=True)
        proxy.cut_after(50_000)
        with pytest.raises((imaplib.IMAP4.abort, OSError)):
            client.fetch([1], [b"BODY.PEEK[]"])
        assert proxy.cuts == 1
    finally:
        proxy.close()


def test_dropping_server_closes_after_the_greeting() -> None:
    server = DroppingServer()
    try:
        with pytest.raises((imaplib.IMAP4.abort, OSError)):
            client = IMAPClient("127.0.0.1", server.port, ssl=False, timeout=5)
            client.login(USER, "secret")
        assert server.connections == 1
    finally:
        server.close()

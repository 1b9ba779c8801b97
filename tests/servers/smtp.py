"""An SMTP submission server on 127.0.0.1 for the email tests: aiosmtpd (PyPI).

``SmtpServer(security=...)`` listens with STARTTLS required before anything
(``"starttls"``, AUTH offered only after it), with implicit TLS
(``"tls"``), or with no TLS at all (``"plain"``: a server that doesn't offer
STARTTLS, which the client must refuse). Logins are checked against
``user``/``password``, and every attempt is kept (``logins``), so a test can
see that a password never went out.

What it accepts is kept (``received``) and, when ``lmtp`` is given, delivered
over LMTP (to dovecot: the tests then read it back over IMAP). What a test
wants to go wrong is set on the instance while it runs:

- ``rcpt_replies[address] = "550 5.1.1 ..."``: RCPT for that address is refused;
- ``data_reply = "452 4.3.1 ..."``: the message, once sent, is refused so;
- ``cut_after_data = True``: the whole message is received (and kept and
  delivered), then the connection is dropped before the reply: the client
  can't know that it arrived.
"""

from __future__ import annotations

import smtplib
import ssl
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.servers.common import free_port, missing


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    content: bytes
    mail_options: tuple[str, ...]


@dataclass
class SmtpServer:
    cert: Path | None = None
    key: Path | None = None
    security: str = "starttls"  # "starttls", "tls" or "plain"
    user: str = "shop@example.test"
    password: str = "s3cret-smtp"
    lmtp: tuple[str, int] | None = None  # deliver accepted mail there
    data_size_limit: int = 33_554_432
    host: str = "127.0.0.1"
    port: int = 0
    received: list[Received] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)
    rcpt_replies: dict[str, str] = field(default_factory=dict)
    data_reply: str | None = None
    cut_after_data: bool = False
    _controller: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __enter__(self) -> SmtpServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        try:
            from aiosmtpd.controller import Controller
        except ImportError:
            missing("aiosmtpd (PyPI; the project's test extra)")
        context = None
        if self.security != "plain":
            assert self.cert is not None and self.key is not None
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(self.cert, self.key)
        self.port = self.port or free_port()
        options: dict[str, Any] = {
            "hostname": self.host,
            "port": self.port,
            "server_hostname": "mx.example.test",
            "authenticator": self._authenticate,
            "auth_required": True,
            "data_size_limit": self.data_size_limit,
            "enable_SMTPUTF8": True,
        }
        if self.security == "tls":
            options["ssl_context"] = context
            # aiosmtpd knows only its own STARTTLS as TLS: over implicit TLS it
            # would hold AUTH back.
            options["auth_require_tls"] = False
        elif self.security == "starttls":
            options["tls_context"] = context
            options["require_starttls"] = True
        else:
            options["auth_require_tls"] = False
        self._controller = Controller(_Handler(self), **options)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def messages(self) -> list[Received]:
        with self._lock:
            return list(self.received)

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> Any:
        from aiosmtpd.smtp import AuthResult, LoginPassword

        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode("utf-8", "replace")
        password = auth_data.password.decode("utf-8", "replace")
        with self._lock:
            self.logins.append((login, password))
        ok = login == self.user and password == self.password
        return AuthResult(success=ok, handled=False)

    def _keep(self, envelope: Any) -> None:
        content = envelope.original_content or envelope.content
        item = Received(
            envelope.mail_from,
            tuple(envelope.rcpt_tos),
            bytes(content),
            tuple(envelope.mail_options),
        )
        with self._lock:
            self.received.append(item)
        if self.lmtp is not None:
            with smtplib.LMTP(*self.lmtp) as lmtp:
                lmtp.sendmail(item.mail_from, list(item.rcpt_tos), item.content)


class _Handler:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        reply = self.server.rcpt_replies.get(address)
        if reply is not None:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.server.data_reply is not None:
            return self.server.data_reply
        self.server._keep(envelope)
        if self.server.cut_after_data:
            server.transport.abort()
        return "250 2.0.0 Ok: queued"

"""What the email reading tests share: a core with one mailbox on the test
dovecot, a running channel host, and messages written as mail clients write them."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from app.core import Core
from app.models import ChannelAccount, Conversation, Interaction
from app.secrets import SecretKind
from integrations.base import ChannelState, ChannelStatus
from integrations.email.channel import EmailChannel
from integrations.email.settings import Endpoint, MailboxSettings, Security
from integrations.host import ChannelHost
from tests.servers.dovecot import DovecotServer

SHOP = "shop@shop.example"
PASSWORD = "secret-42"  # ASCII: integrations/email/connection.py logs in with LOGIN (ASCII only)
CUSTOMER = "olena@customer.example"


def wait(check: Callable[[], Any], timeout: float = 30.0, what: str = "") -> Any:
    """Polls ``check`` until it is truthy; a bound for waiting, not a timed assertion."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what or check}")


def mail(
    message_id: str,
    *,
    sender: str = CUSTOMER,
    name: str = "Олена Петренко",
    to: str = SHOP,
    subject: str = "Замовлення 1042",
    text: str = "Добрий день! Де моє замовлення?",
    in_reply_to: str = "",
    references: Sequence[str] = (),
    headers: dict[str, str] | None = None,
    date: datetime | None = None,
    attachment: tuple[str, bytes] | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = f"{name} <{sender}>" if name else sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(date or datetime.now(UTC))
    if message_id:
        message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    if references:
        message["References"] = " ".join(references)
    for key, value in (headers or {}).items():
        message[key] = value
    message.set_content(text)
    if attachment is not None:
        message.add_attachment(
            attachment[1], maintype="application", subtype="octet-stream", filename=attachment[0]
        )
    return message.as_bytes()


def mailbox_settings(
    dovecot: DovecotServer, *, port: int | None = None, **changes: Any
) -> MailboxSettings:
    settings = MailboxSettings(
        address=SHOP,
        display_name="Магазин",
        imap=Endpoint(dovecot.host, port or dovecot.imaps_port, Security.TLS),
        smtp=Endpoint(dovecot.host, 465, Security.TLS),
        user=SHOP,
        ca_file=str(dovecot.ca_file),
    )
    return MailboxSettings(**{**settings.__dict__, **changes})


class MailDesk:
    """A core with one mailbox and a running channel host reading it."""

    def __init__(
        self,
        core: Core,
        dovecot: DovecotServer,
        settings: MailboxSettings,
        *,
        password: str = PASSWORD,
        poll_s: float = 600.0,
        idle_renew_s: float = 600.0,
        fetch_chunk: int = 50,
    ) -> None:
        self.core, self.dovecot = core, dovecot
        self.statuses: list[ChannelStatus] = []
        with core.db.session() as s:
            row = ChannelAccount(kind="email", label=settings.address, config=settings.to_config())
            s.add(row)
            s.flush()
            assert row.id is not None
            self.account_id = row.id
        core.secrets.set(SecretKind.MAILBOX, self.account_id, password)

        def factory(account: Any) -> EmailChannel:
            return EmailChannel(
                account,
                poll_s=poll_s,
                idle_renew_s=idle_renew_s,
                fetch_chunk=fetch_chunk,
                backoff_first_s=0.2,
            )

        self.factory = factory
        self.host = self._new_host()

    def _new_host(self) -> ChannelHost:
        return ChannelHost(
            self.core, on_status=self.statuses.append, factories={"email": self.factory}
        )

    def start(self) -> MailDesk:
        self.host.start()
        return self

    def stop(self) -> None:
        self.host.stop()

    def start_again(self) -> None:
        """A new host for the stopped one (the app opened again)."""
        self.host = self._new_host()
        self.host.start()

    @property
    def channel(self) -> EmailChannel:
        channel = self.host.channel(self.account_id)
        assert isinstance(channel, EmailChannel)
        return channel

    def state(self) -> ChannelState | None:
        statuses = self.host.statuses()
        return statuses[0].state if statuses else None

    def status(self) -> ChannelStatus:
        return self.host.statuses()[0]

    def wait_state(self, state: ChannelState, timeout: float = 30.0) -> ChannelStatus:
        wait(lambda: self.state() is state, timeout, f"state {state}")
        return self.status()

    def count(self) -> int:
        with self.core.db.session() as s:
            return int(
                s.exec(
                    select(func.count())
                    .select_from(Interaction)
                    .where(Interaction.channel == "email")
                ).one()
            )

    def wait_count(self, n: int, timeout: float = 30.0) -> None:
        wait(lambda: self.count() >= n, timeout, f"{n} messages stored")

    def messages(self) -> list[Interaction]:
        with self.core.db.session() as s:
            return list(
                s.exec(
                    select(Interaction)
                    .where(Interaction.channel == "email")
                    .order_by(col(Interaction.id))
                )
            )

    def conversation_of(self, external_message_id: str) -> Conversation:
        with self.core.db.session() as s:
            row = s.exec(
                select(Interaction).where(
                    Interaction.external_id == f"{self.account_id}:{external_message_id}"
                )
            ).one()
            conversation = s.get(Conversation, row.conversation_id)
            assert conversation is not None
            return conversation

    def cursor(self, folder: str = "INBOX") -> str | None:
        return self.core.inbox.cursor(self.account_id, f"folder:{folder}")

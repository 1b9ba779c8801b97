"""The seam every channel plugs into: a small typed protocol, its statuses and
its typed send failures. Qt-free, and free of any one platform.

A channel is built by the ``ChannelHost`` from its account row and its secret,
started with an ``Inbound`` (where it hands what it reads, and reports how it
is), stopped, and asked to ``send`` what the outbox holds. It never touches the
database itself: ``Inbound.deliver`` returns only once the batch is committed,
and only then does the channel acknowledge its platform.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar, Protocol

from app.enums import SendFailure
from app.inbox import BatchStep, Cursor, InboundMessage, Stored
from app.messages import OperatorError


class ChannelState(enum.StrEnum):
    STARTING = "starting"
    CONNECTED = "connected"
    AUTH_FAILED = "auth_failed"  # the token or password was refused
    NOT_REACHABLE = "not_reachable"  # network down, server failing: retrying by itself
    RATE_LIMITED = "rate_limited"  # waiting until ``until``, as the platform asked
    CONFLICT = "conflict"  # another reader of this account: which one, ``ChannelStatus.conflict``
    MISCONFIGURED = "misconfigured"  # a setting can't work (no token, a bad address)
    DISABLED = "disabled"
    STOPPED = "stopped"


class Conflict(enum.StrEnum):
    """Who else reads the account, when the state is ``CONFLICT``."""

    WEBHOOK = "webhook"  # the platform delivers it elsewhere (Telegram: a webhook is set)
    OTHER_READER = "other_reader"  # another program reads it (another poller of the bot)
    # Another Switchboard on this database runs it (integrations/account_lock.py):
    # this host takes it over by itself once that one stops.
    OTHER_HOST = "other_host"


@dataclass(frozen=True)
class ChannelStatus:
    account_id: int
    kind: str
    label: str
    state: ChannelState
    # The platform's own words, or ours for a setting that can't work; never a secret.
    detail: str = ""
    until: datetime | None = None
    conflict: Conflict | None = None  # which one, with CONFLICT
    # ``detail`` as an operator message (English template and fields), when the
    # channel has one: the window shows it in the operator's language.
    problem: OperatorError | None = field(default=None, compare=False)

    @property
    def working(self) -> bool:
        return self.state is ChannelState.CONNECTED


@dataclass(frozen=True)
class OutboundFile:
    path: Path
    filename: str
    mime: str
    size: int


@dataclass(frozen=True)
class OutboundMessage:
    """One outbox row as the channel needs it to send."""

    message_id: int  # the outbox row
    identity: str  # whom to: the conversation's platform identity (a chat id)
    text: str = ""
    files: tuple[OutboundFile, ...] = ()
    reply_to_external_id: str | None = None
    # Parts of a long message the platform already has (a retry after a part
    # failed goes on with the next part, never sends the first ones again).
    parts_sent: int = 0
    # The keyboard to show with it (Telegram's reply_markup: the bot's own
    # replies, app/bot_replies.py), from its timeline row's meta.
    reply_markup: dict[str, Any] | None = None
    # The conversation it goes to, as stored: its name for the customer, and
    # what it keeps of its latest message (an email thread's subject and ids,
    # which a reply is built from).
    conversation_title: str = ""
    conversation_meta: dict[str, Any] = field(default_factory=dict)
    # Its timeline row's meta (the composer's own subject or cc for an email).
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SendResult:
    platform_ids: tuple[str, ...] = ()  # what the platform stored, this attempt
    failure: SendFailure | None = None
    reason: str = ""  # the platform's words
    retry_after: float | None = None
    # The request may have reached the platform though no answer came (a
    # timeout after it was written): "may not have been sent", never retried
    # by itself.
    maybe_delivered: bool = False
    # A sent message's notes for the operator (an email's copy not saved to
    # Sent, a Cc the server refused while the customer got it): operator
    # messages (template and fields), kept on its timeline row by the outbox.
    # ``reason`` says the same in English for the log.
    notes: tuple[OperatorError, ...] = field(default=(), compare=False)

    @property
    def ok(self) -> bool:
        return self.failure is None

    @classmethod
    def sent(cls, platform_ids: Sequence[str]) -> SendResult:
        return cls(platform_ids=tuple(platform_ids))

    @classmethod
    def failed(
        cls,
        failure: SendFailure,
        reason: str,
        retry_after: float | None = None,
        platform_ids: Sequence[str] = (),
        maybe_delivered: bool = False,
    ) -> SendResult:
        return cls(tuple(platform_ids), failure, reason, retry_after, maybe_delivered)


class Inbound(Protocol):
    """What a running channel talks to (the host gives one to each)."""

    def deliver(
        self,
        batch: Sequence[InboundMessage],
        cursor: Cursor | None,
        prepare: BatchStep | None = None,
    ) -> Future[list[Stored]]:
        """Queues the batch to the inbound writer; the Future is resolved once it
        is committed (or holds why it could not be). ``prepare`` runs in the
        batch's transaction before it is stored (``Inbox.store``)."""
        ...

    def cursor(self, name: str) -> str | None:
        """The account's stored reading position ``name``."""
        ...

    def report(self, status: ChannelStatus) -> None:
        """How the channel is now (any thread)."""
        ...

    def writable(self, identity: str, can_write: bool, reason: str) -> Future[object]:
        """The platform says whether a chat may be written to (queued to the
        inbound writer, in order with the deliveries)."""
        ...

    def scratch_dir(self) -> Path:
        """A folder for downloads before they are stored."""
        ...


class Channel(Protocol):
    kind: ClassVar[str]
    account_id: int

    def start(self, inbound: Inbound) -> None:
        """Starts the channel's worker; returns at once."""
        ...

    def stop(self) -> None:
        """Stops the worker; what it read and did not deliver is read again
        next time (nothing was acknowledged for it)."""
        ...

    @property
    def status(self) -> ChannelStatus: ...

    def send(self, message: OutboundMessage) -> SendResult:
        """Sends one message (blocking; on the host's sender thread)."""
        ...


@dataclass(frozen=True)
class AccountSettings:
    """An account row as a channel is built from it, with its secret."""

    account_id: int
    kind: str
    label: str
    config: dict[str, object] = field(default_factory=dict)
    secret: str | None = None
    # Other secrets of the account by name (a mailbox's own SMTP password: "smtp").
    secrets: dict[str, str] = field(default_factory=dict)


__all__ = [
    "AccountSettings",
    "Channel",
    "ChannelState",
    "ChannelStatus",
    "Conflict",
    "Inbound",
    "OutboundFile",
    "OutboundMessage",
    "SendFailure",
    "SendResult",
]

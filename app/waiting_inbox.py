"""The "waiting for reply" inbox: every conversation whose customer waits for
an answer, across every channel and account, the longest waiting first.

    inbox = WaitingInbox(core.db)
    page = inbox.entries(show=Show.MINE, operator=core.settings.operator_name)
    more = inbox.entries(show=Show.MINE, operator=..., after=page.after)
    level = WaitThresholds.from_settings(core.settings).level(now - entry.waiting_since)

- A customer waits from their oldest unanswered message
  (``Conversation.waiting_since``, cleared when an operator's answer is queued),
  so the one who wrote first and got nothing comes first, not the one who wrote
  last. Ties by conversation id.
- ``show``: ``Show.ALL``, ``Show.MINE`` (assigned to ``operator``),
  ``Show.UNASSIGNED``; ``channel`` narrows to one channel (``"telegram"``).
- Paged by keyset (``after=page.after``; None when there is no more), so a
  page stays right while conversations start and stop waiting.
- Each ``WaitingEntry`` has what a row shows: the channel and the account's
  label, the customer (id and name) or, for an unknown sender, how the platform
  names them (``title``, ``username``), the last message's ``preview`` (the
  first ``PREVIEW_CHARS`` characters of the customer's last message, or "" and
  its ``kind`` for one without words: the view shows the kind), how long
  (``waiting_since``), ``unread`` and the ``assignee``. ``display_name`` is the
  name to show (the customer's, else the platform's, else the id).
- One query per page, previews included.

``WaitThresholds`` is the wait clock's colour: ``WaitLevel.NORMAL`` until
``waiting_amber_minutes``, ``AMBER`` until ``waiting_red_minutes``, ``RED``
after (Settings); ``until_next_level`` tells the view when to repaint.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_
from sqlalchemy import select as select_columns
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from app.conversation_feed import MessageKind, message_kind
from app.db import Database
from app.enums import Channel, Direction
from app.mail.quotes import own_text
from app.models import ChannelAccount, Conversation, Customer, Interaction
from app.settings import Settings

PREVIEW_CHARS = 100
DEFAULT_LIMIT = 200
MAX_LIMIT = 1000


class Show(enum.StrEnum):
    ALL = "all"
    MINE = "mine"
    UNASSIGNED = "unassigned"


class WaitLevel(enum.StrEnum):
    NORMAL = "normal"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class WaitThresholds:
    amber: timedelta
    red: timedelta

    @classmethod
    def from_settings(cls, settings: Settings) -> WaitThresholds:
        return cls(
            timedelta(minutes=settings.waiting_amber_minutes),
            timedelta(minutes=settings.waiting_red_minutes),
        )

    def level(self, waited: timedelta) -> WaitLevel:
        """The wait clock's colour after waiting ``waited``."""
        if waited >= self.red:
            return WaitLevel.RED
        if waited >= self.amber:
            return WaitLevel.AMBER
        return WaitLevel.NORMAL

    def until_next_level(self, waited: timedelta) -> timedelta | None:
        """How long until the colour changes; None once it is red."""
        if waited < self.amber:
            return self.amber - waited
        if waited < self.red:
            return self.red - waited
        return None


def wait_level(waited: timedelta, thresholds: WaitThresholds) -> WaitLevel:
    """``thresholds.level(waited)``, as a function."""
    return thresholds.level(waited)


@dataclass(frozen=True, order=True)
class WaitingCursor:
    waiting_since: datetime
    conversation_id: int


@dataclass(frozen=True)
class Preview:
    text: str  # at most PREVIEW_CHARS characters, "…" when cut; "" for a message without words
    kind: MessageKind


@dataclass(frozen=True)
class WaitingEntry:
    conversation_id: int
    channel: str
    account_id: int
    account_label: str
    customer_id: int | None
    customer_name: str  # "" for an unknown sender
    title: str  # how the platform names the sender
    username: str
    identity: str  # the sender's id on the platform
    preview: Preview | None  # None: no message of the customer's is stored
    waiting_since: datetime
    unread: int
    assignee: str

    @property
    def display_name(self) -> str:
        return (
            self.customer_name
            or self.title
            or (f"@{self.username}" if self.username else "")
            or self.identity
        )

    @property
    def cursor(self) -> WaitingCursor:
        return WaitingCursor(self.waiting_since, self.conversation_id)


@dataclass(frozen=True)
class WaitingPage:
    entries: tuple[WaitingEntry, ...]
    after: WaitingCursor | None  # entries(after=this) gives the next page; None: no more


class WaitingInbox:
    def __init__(self, db: Database) -> None:
        self.db = db

    def entries(
        self,
        *,
        show: Show = Show.ALL,
        operator: str = "",
        channel: str | None = None,
        after: WaitingCursor | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> WaitingPage:
        """The waiting conversations, the longest waiting first."""
        if limit < 1:
            raise ValueError(f"a page holds at least one entry, not {limit}")
        limit = min(limit, MAX_LIMIT)
        last = aliased(Interaction)
        newest_inbound = (
            select(col(Interaction.id))
            .where(
                col(Interaction.conversation_id) == col(Conversation.id),
                col(Interaction.direction) == Direction.INBOUND.value,
            )
            .order_by(col(Interaction.started_at).desc(), col(Interaction.id).desc())
            .limit(1)
            .correlate(Conversation)
            .scalar_subquery()
        )
        stmt: Any = (
            # Columns, not the Conversation rows: a thousand ORM rows cost more
            # than the query.
            select_columns(
                col(Conversation.id),
                col(Conversation.channel),
                col(Conversation.account_id),
                col(Conversation.customer_id),
                col(Conversation.title),
                col(Conversation.username),
                col(Conversation.identity),
                col(Conversation.waiting_since),
                col(Conversation.unread_count),
                col(Conversation.assignee),
                col(ChannelAccount.label),
                col(Customer.name),
                # More than shown: line breaks and runs of spaces fold into one.
                func.substr(col(last.body), 1, 4 * PREVIEW_CHARS),
                col(last.meta)["kind"].as_string(),
                col(last.id),
            )
            .join(ChannelAccount, col(ChannelAccount.id) == col(Conversation.account_id))
            .outerjoin(Customer, col(Customer.id) == col(Conversation.customer_id))
            .outerjoin(last, col(last.id) == newest_inbound)
            .where(col(Conversation.waiting_since).is_not(None))
        )
        if show is Show.MINE:
            stmt = stmt.where(col(Conversation.assignee) == operator.strip())
        elif show is Show.UNASSIGNED:
            stmt = stmt.where(col(Conversation.assignee) == "")
        if channel is not None:
            stmt = stmt.where(col(Conversation.channel) == channel)
        if after is not None:
            stmt = stmt.where(
                or_(
                    col(Conversation.waiting_since) > after.waiting_since,
                    and_(
                        col(Conversation.waiting_since) == after.waiting_since,
                        col(Conversation.id) > after.conversation_id,
                    ),
                )
            )
        stmt = stmt.order_by(col(Conversation.waiting_since), col(Conversation.id))
        with self.db.session() as s:
            rows = list(s.execute(stmt.limit(limit + 1)))
        entries = tuple(_entry(row) for row in rows[:limit])
        return WaitingPage(entries, entries[-1].cursor if len(rows) > limit else None)


def _entry(row: Any) -> WaitingEntry:
    (
        conversation_id,
        channel,
        account_id,
        customer_id,
        title,
        username,
        identity,
        waiting_since,
        unread,
        assignee,
        label,
        customer_name,
        body,
        kind,
        last_id,
    ) = row
    preview = None
    if last_id is not None:
        if channel == Channel.EMAIL.value and body:
            # The customer's own words: not the signature and the history they quote.
            body = own_text(body) or body
        text = " ".join((body or "").split())  # one line, however many the message has
        if len(text) > PREVIEW_CHARS:
            text = text[: PREVIEW_CHARS - 1].rstrip() + "…"
        shown_kind = message_kind(kind)
        if shown_kind is MessageKind.UNKNOWN and text == f"[{kind}]":
            text = ""  # the channel's placeholder: the view words the kind
        preview = Preview(text, shown_kind)
    return WaitingEntry(
        conversation_id=conversation_id,
        channel=channel,
        account_id=account_id,
        account_label=label,
        customer_id=customer_id,
        customer_name=customer_name or "",
        title=title,
        username=username,
        identity=identity,
        preview=preview,
        waiting_since=waiting_since,
        unread=unread,
        assignee=assignee,
    )


__all__ = [
    "PREVIEW_CHARS",
    "Preview",
    "Show",
    "WaitLevel",
    "WaitThresholds",
    "WaitingCursor",
    "WaitingEntry",
    "WaitingInbox",
    "WaitingPage",
    "wait_level",
]

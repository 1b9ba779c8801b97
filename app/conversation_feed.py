"""A conversation's messages as the chat view shows them: one ``FeedItem`` per
bubble, paged by keyset.

Reading (any thread; the window calls it on its task worker)::

    feed = ConversationFeed(core.db, core.attachments)
    first = feed.page(conversation_id)               # the latest 50
    older = feed.page(conversation_id, before=first.before)   # scrolled up
    since = feed.newer(conversation_id, after=first.after)    # arrived meanwhile
    at = feed.around(conversation_id, interaction_id)         # the timeline's chat row
    again = feed.items(conversation_id, changes.interactions) # a changes value's rows

- Every ``FeedPage`` lists its items oldest first, as the view lays them out
  top to bottom. Pages go back from the newest: ``page()`` without ``before`` is
  the latest ``limit`` messages; ``page(before=p.before)`` the ones before page
  ``p`` (``p.before`` is None when there are none). The cursor is the keyset
  (``started_at``, ``id``), so a page stays the same while new messages arrive.
- ``newer(after=p.after)`` gives what sorts after the last item shown, oldest
  first, ``limit`` at most (``more_after`` says there are more: ask again with
  the new ``after``).
- A message keeps its place by its time on the platform, not by when it
  reached us: one written while the channel was down arrives later with an
  earlier time and sorts *inside* what is shown, where ``newer`` can't see it;
  an edit or a delivery state changes a bubble already shown. The changes
  value names all of them (``Changes.interactions``; ``Changes.new_messages``
  for new ones): ``items(conversation_id, ids)`` reads those of this
  conversation, each with its ``cursor`` to place it by.
- ``around(conversation_id, interaction_id)`` opens the view at one message:
  up to ``limit // 2`` messages before it, the message, and the rest after it;
  ``anchor`` is its id, or None when it is not in this conversation (then it is
  the latest page).

Each call is a fixed number of queries whatever the page size: the rows (with
their conversation's names and the messages they quote, in one statement), the
outbox rows of its outgoing ones, the attachments of all. Nothing is read per
row. A conversation that does not exist is ``ConversationError``.

What a bubble shows:

- ``direction`` (``Direction.INBOUND`` / ``OUTBOUND``), ``at`` (the platform's
  time for a received message, the press of Send for an outgoing one),
  ``sender`` (the customer's name, or how the platform names an unknown
  sender; the operator's name for outgoing messages).
- ``kind`` (``MessageKind``) and ``text``: the words, or the caption of a photo
  or a file; "" when there are none (a photo without caption, a kind we don't
  know: ``MessageKind.UNKNOWN`` with the platform's name in ``platform_kind``).
  ``contact`` and ``location`` for those kinds.
- ``edited`` and ``earlier_texts`` (the texts before each edit, oldest first).
- ``quote``: the message it answers, shortened (``QUOTE_CHARS``), with its
  sender; ``quote.found`` False when that message is not in the history
  (before our first sync, or deleted): say "a message not in the history".
- ``attachments`` (id, name, type, size, ``path`` of the stored bytes: open or
  copy from there) and ``unavailable`` (files the platform would not give us,
  with the channel's reason).
- ``delivery`` for outgoing messages: ``state`` (an ``OutboxStatus``: queued,
  sending, sent, delivered, read, failed, uncertain = "may not have been sent"),
  ``outbox_id`` for ``Outbox.resend`` / ``Outbox.cancel`` (``can_resend``,
  ``can_cancel`` say which applies: cancel a queued message, or settle an
  uncertain one without sending it again), ``notice`` (why it failed, why it is
  retried, or that it may not have been sent: a ``Notice`` for
  ``ui.common.core_text.error_text``) and the platform's own words in
  ``platform_reason``; ``notes`` for a sent one that went with something to
  know (an email's Cc the server refused, its copy not saved to Sent).
- ``mail`` for email: subject, from/to/cc, the quote segments to fold, whether
  it has HTML and remote images (``app.mail_view``).
- ``external_id``: pass it as ``reply_to_external_id`` to ``Outbox.queue`` to
  answer this message (None for one not sent yet).

Message bodies are personal data: this module logs nothing of them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, func, or_
from sqlalchemy import select as select_columns
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.attachments import AttachmentStore
from app.conversations import Conversations
from app.db import Database
from app.enums import Channel, Direction, OutboxStatus
from app.mail.view import MailHeaders, mail_headers
from app.models import Attachment, Conversation, Customer, Interaction, OutboxMessage
from app.refusals import Notice, failure_notice, notices_of, retry_notice, uncertain_notice

DEFAULT_LIMIT = 50
MAX_LIMIT = 500  # rows per call: their ids go into one IN (...) per query
QUOTE_CHARS = 100  # of a quoted message's text


class MessageKind(enum.StrEnum):
    TEXT = "text"
    PHOTO = "photo"
    DOCUMENT = "document"
    AUDIO = "audio"
    VOICE = "voice"
    VIDEO = "video"
    VIDEO_NOTE = "video_note"
    ANIMATION = "animation"
    STICKER = "sticker"
    CONTACT = "contact"
    LOCATION = "location"
    VENUE = "venue"
    UNKNOWN = "unknown"  # a kind the channel stored but we can't show (a poll, a game)


def message_kind(stored: object) -> MessageKind:
    """The kind a stored message's ``meta["kind"]`` names; UNKNOWN for any other."""
    try:
        return MessageKind(str(stored)) if stored else MessageKind.TEXT
    except ValueError:
        return MessageKind.UNKNOWN


@dataclass(frozen=True, order=True)
class FeedCursor:
    """A message's place in its conversation: (platform time, id)."""

    started_at: datetime
    id: int


@dataclass(frozen=True)
class Edit:
    text: str  # the text before this edit
    until: datetime | None  # when it was edited away


@dataclass(frozen=True)
class Quote:
    """The message a message answers."""

    found: bool  # False: not in the history; the rest is empty then
    interaction_id: int | None = None
    text: str = ""  # at most QUOTE_CHARS characters, "…" when cut
    sender: str = ""
    kind: MessageKind = MessageKind.TEXT


@dataclass(frozen=True)
class FeedAttachment:
    id: int
    filename: str
    mime: str
    size: int
    path: Path  # the stored bytes (content-addressed; never write there)


@dataclass(frozen=True)
class UnavailableFile:
    kind: str
    filename: str
    size: int | None
    reason: str  # the channel's words ("larger than 20 MB, which bots can't download")


@dataclass(frozen=True)
class ContactCard:
    phone: str
    name: str


@dataclass(frozen=True)
class Location:
    latitude: float | None
    longitude: float | None
    title: str = ""
    address: str = ""


@dataclass(frozen=True)
class Delivery:
    state: OutboxStatus
    outbox_id: int | None  # None: an outgoing message that did not go through our outbox
    notice: Notice | None = None  # failed, retrying or uncertain: why, for the operator
    platform_reason: str = ""  # the platform's own words, as it said them
    retrying: bool = False  # queued again after a transient failure
    next_attempt_at: datetime | None = None
    attempts: int = 0
    can_resend: bool = False
    can_cancel: bool = False
    # Sent, with something the operator should know (an email's Cc refused,
    # its copy not saved to Sent): Notices for ``ui.common.core_text.error_text``.
    notes: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class FeedItem:
    interaction_id: int
    cursor: FeedCursor
    direction: Direction
    at: datetime
    sender: str
    text: str
    kind: MessageKind
    platform_kind: str = ""  # the channel's name for the kind ("poll" for UNKNOWN)
    external_id: str | None = None
    edited: bool = False
    edited_at: datetime | None = None
    earlier_texts: tuple[Edit, ...] = ()
    quote: Quote | None = None
    attachments: tuple[FeedAttachment, ...] = ()
    unavailable: tuple[UnavailableFile, ...] = ()
    contact: ContactCard | None = None
    location: Location | None = None
    delivery: Delivery | None = None
    mail: MailHeaders | None = None  # an email's subject, addresses and quote folds


@dataclass(frozen=True)
class FeedPage:
    items: tuple[FeedItem, ...]  # oldest first
    # page(before=this) gives the messages before these; None: there are none.
    before: FeedCursor | None
    # newer(after=this) gives the messages after these (the last item's cursor;
    # the ``after`` asked with when there are no items).
    after: FeedCursor | None
    more_after: bool = False  # messages after these exist already (around, newer)
    anchor: int | None = None  # around(): the message opened at, when found


class ConversationFeed:
    def __init__(self, db: Database, attachments: AttachmentStore) -> None:
        self.db = db
        self.attachments = attachments

    def page(
        self, conversation_id: int, limit: int = DEFAULT_LIMIT, before: FeedCursor | None = None
    ) -> FeedPage:
        """The ``limit`` messages before ``before`` (the newest without it)."""
        limit = _limit(limit)
        with self.db.session() as s:
            return self._latest(s, conversation_id, limit, before)

    def newer(
        self, conversation_id: int, after: FeedCursor | None, limit: int = 4 * DEFAULT_LIMIT
    ) -> FeedPage:
        """The messages after ``after`` (from the first without it), oldest first."""
        limit = _limit(limit)
        with self.db.session() as s:
            rows = self._newer(s, conversation_id, after, limit + 1)
            if not rows:
                Conversations._get(s, conversation_id)
            items = self._items(s, rows[:limit])
        return FeedPage(
            tuple(items),
            before=None,
            after=items[-1].cursor if items else after,
            more_after=len(rows) > limit,
        )

    def around(
        self, conversation_id: int, interaction_id: int, limit: int = DEFAULT_LIMIT
    ) -> FeedPage:
        """The view opened at one message: some before it, it, the rest after it."""
        limit = _limit(limit)
        with self.db.session() as s:
            target = s.get(Interaction, interaction_id)
            if target is None or target.conversation_id != conversation_id:
                Conversations._get(s, conversation_id)
                return self._latest(s, conversation_id, limit)
            assert target.id is not None
            at = FeedCursor(target.started_at, target.id)
            # The message itself and up to half the page before it, the rest after it.
            up_to = limit // 2 + 1
            older = self._older(s, conversation_id, at, up_to + 1, inclusive=True)
            shown_before = older[:up_to]
            room = limit - len(shown_before)
            newer = self._newer(s, conversation_id, at, room + 1)
            items = self._items(s, [*reversed(shown_before), *newer[:room]])
        return FeedPage(
            tuple(items),
            before=items[0].cursor if len(older) > up_to else None,
            after=items[-1].cursor,
            more_after=len(newer) > room,
            anchor=interaction_id,
        )

    def items(self, conversation_id: int, interaction_ids: Iterable[int]) -> list[FeedItem]:
        """These messages as they are now, oldest first; ids of other
        conversations (a changes value names every conversation's) are left out."""
        ids = sorted(set(interaction_ids))
        found: list[FeedItem] = []
        with self.db.session() as s:
            for start in range(0, len(ids), MAX_LIMIT):
                chunk = ids[start : start + MAX_LIMIT]
                stmt = self._rows(conversation_id).where(col(Interaction.id).in_(chunk))
                found.extend(self._items(s, list(s.execute(stmt))))
        found.sort(key=lambda item: item.cursor)
        return found

    # --- queries ---------------------------------------------------------------------

    def _latest(
        self, s: Session, conversation_id: int, limit: int, before: FeedCursor | None = None
    ) -> FeedPage:
        rows = self._older(s, conversation_id, before, limit + 1, inclusive=False)
        if not rows:
            Conversations._get(s, conversation_id)
        items = self._items(s, rows[:limit])
        items.reverse()
        return FeedPage(
            tuple(items),
            before=items[0].cursor if len(rows) > limit else None,
            after=items[-1].cursor if items else None,
        )

    @staticmethod
    def _rows(conversation_id: int) -> Select[Any]:
        """The messages with their conversation's names and the messages they
        quote, in one statement. A reply names the message it answers by its
        external id (unique per channel), so the join finds at most one."""
        quoted = aliased(Interaction)
        reply_to = col(Interaction.meta)["reply_to"].as_string()
        return (
            select_columns(
                Interaction,
                col(Conversation.title),
                col(Conversation.username),
                col(Conversation.identity),
                col(Customer.name),
                col(quoted.id),
                func.substr(col(quoted.body), 1, QUOTE_CHARS + 1),
                col(quoted.direction),
                col(quoted.operator),
                col(quoted.meta)["kind"].as_string(),
            )
            .join(Conversation, col(Conversation.id) == col(Interaction.conversation_id))
            .outerjoin(Customer, col(Customer.id) == col(Conversation.customer_id))
            .outerjoin(
                quoted,
                and_(
                    col(quoted.channel) == col(Interaction.channel),
                    col(quoted.external_id) == reply_to,
                ),
            )
            .where(col(Interaction.conversation_id) == conversation_id)
        )

    def _keyset(
        self, s: Session, conversation_id: int, where: Any, newest_first: bool, limit: int
    ) -> list[Any]:
        """The page's ids are chosen first (keyset, order, limit) and only they
        are joined with their names and quotes: joining every message of a long
        conversation before the limit costs a read of each."""
        ordered = (
            (col(Interaction.started_at).desc(), col(Interaction.id).desc())
            if newest_first
            else (col(Interaction.started_at), col(Interaction.id))
        )
        page = select(col(Interaction.id)).where(
            col(Interaction.conversation_id) == conversation_id
        )
        if where is not None:
            page = page.where(where)
        chosen = page.order_by(*ordered).limit(limit).subquery()
        stmt = (
            self._rows(conversation_id)
            .join(chosen, chosen.c.id == col(Interaction.id))
            .order_by(*ordered)
        )
        return list(s.execute(stmt))

    def _older(
        self,
        s: Session,
        conversation_id: int,
        before: FeedCursor | None,
        limit: int,
        *,
        inclusive: bool,
    ) -> list[Any]:
        where = None
        if before is not None:
            same_time = (
                col(Interaction.id) <= before.id if inclusive else col(Interaction.id) < before.id
            )
            where = or_(
                col(Interaction.started_at) < before.started_at,
                and_(col(Interaction.started_at) == before.started_at, same_time),
            )
        return self._keyset(s, conversation_id, where, True, limit)

    def _newer(
        self, s: Session, conversation_id: int, after: FeedCursor | None, limit: int
    ) -> list[Any]:
        where = None
        if after is not None:
            where = or_(
                col(Interaction.started_at) > after.started_at,
                and_(
                    col(Interaction.started_at) == after.started_at,
                    col(Interaction.id) > after.id,
                ),
            )
        return self._keyset(s, conversation_id, where, False, limit)

    def _items(self, s: Session, rows: Sequence[Any]) -> list[FeedItem]:
        """FeedItems of the rows, in their order: one query for the outbox rows
        of the outgoing ones, one for the attachments of all."""
        if not rows:
            return []
        ids = [row[0].id for row in rows]
        outgoing = [row[0].id for row in rows if row[0].direction == Direction.OUTBOUND.value]
        outbox: dict[int, OutboxMessage] = {}
        if outgoing:
            for message in s.exec(
                select(OutboxMessage).where(col(OutboxMessage.interaction_id).in_(outgoing))
            ):
                outbox[message.interaction_id] = message
        files: dict[int, list[FeedAttachment]] = {}
        for a in s.exec(
            select(Attachment)
            .where(col(Attachment.interaction_id).in_(ids))
            .order_by(col(Attachment.id))
        ):
            assert a.id is not None
            files.setdefault(a.interaction_id, []).append(
                FeedAttachment(
                    a.id, a.filename, a.mime, a.size, self.attachments.path_for(a.sha256)
                )
            )
        return [_item(row, outbox, files) for row in rows]


def _limit(limit: int) -> int:
    if limit < 1:
        raise ValueError(f"a page holds at least one message, not {limit}")
    return min(limit, MAX_LIMIT)


def _item(
    row: Any, outbox: dict[int, OutboxMessage], files: dict[int, list[FeedAttachment]]
) -> FeedItem:
    (message, title, username, identity, customer_name, *quoted) = row
    assert message.id is not None
    meta: dict[str, Any] = message.meta if isinstance(message.meta, dict) else {}
    direction = Direction(message.direction)
    customer_side = customer_name or title or (f"@{username}" if username else identity)
    attachments = tuple(files.get(message.id, ()))
    if direction is not Direction.INBOUND:
        sender = message.operator
        platform_kind = str(meta.get("kind") or "")
        kind = (
            _outgoing_kind(message.body, attachments)
            if not platform_kind
            else message_kind(platform_kind)
        )
    else:
        sender = customer_side
        platform_kind = str(meta.get("kind") or "text")
        kind = message_kind(platform_kind)
    text = message.body
    if kind is MessageKind.UNKNOWN and text == f"[{platform_kind}]":
        text = ""  # the channel's placeholder: the view words the kind itself
    return FeedItem(
        interaction_id=message.id,
        cursor=FeedCursor(message.started_at, message.id),
        direction=direction,
        at=message.started_at,
        sender=sender,
        text=text,
        kind=kind,
        platform_kind=platform_kind,
        external_id=message.external_id,
        edited=bool(meta.get("edits")) or meta.get("edited_at") is not None,
        edited_at=_time(meta.get("edited_at")),
        earlier_texts=_edits(meta.get("edits")),
        quote=_quote(meta.get("reply_to"), quoted, customer_side),
        attachments=attachments,
        unavailable=_unavailable(meta.get("unavailable_files")),
        contact=_contact(meta.get("contact")) if kind is MessageKind.CONTACT else None,
        location=_location(meta.get("location")),
        delivery=_delivery(message, outbox.get(message.id))
        if direction is Direction.OUTBOUND
        else None,
        mail=mail_headers(meta) if message.channel == Channel.EMAIL.value else None,
    )


def _outgoing_kind(text: str, attachments: Sequence[FeedAttachment]) -> MessageKind:
    if text.strip() or not attachments:
        return MessageKind.TEXT
    return MessageKind.PHOTO if attachments[0].mime.startswith("image/") else MessageKind.DOCUMENT


def _quote(reply_to: object, quoted: Sequence[Any], customer_side: str) -> Quote | None:
    if not reply_to:
        return None
    quoted_id, body, direction, operator, kind = quoted
    if quoted_id is None:
        return Quote(found=False)
    text = body or ""
    if len(text) > QUOTE_CHARS:
        text = text[: QUOTE_CHARS - 1].rstrip() + "…"
    outgoing = direction == Direction.OUTBOUND.value
    return Quote(
        found=True,
        interaction_id=quoted_id,
        text=text,
        sender=operator if outgoing else customer_side,
        kind=message_kind(kind) if kind else MessageKind.TEXT,
    )


_SENT = (OutboxStatus.SENT, OutboxStatus.DELIVERED, OutboxStatus.READ)


def _delivery(message: Interaction, row: OutboxMessage | None) -> Delivery:
    meta = message.meta if isinstance(message.meta, dict) else {}
    if row is None:
        try:
            state = OutboxStatus(message.status)
        except ValueError:
            state = OutboxStatus.SENT  # recorded as sent by another way (an import, a note)
        return Delivery(state, None)
    state = OutboxStatus(row.status)
    notice: Notice | None = None
    retrying = state is OutboxStatus.QUEUED and row.failure is not None
    if state is OutboxStatus.FAILED:
        notice = failure_notice(
            row.failure,
            row.last_error,
            attempts=row.attempts,
            cancelled_by=str(meta.get("cancelled_by") or ""),
        )
    elif state is OutboxStatus.UNCERTAIN:
        notice = uncertain_notice()
    elif retrying:
        notice = retry_notice(row.failure)
    return Delivery(
        state=state,
        outbox_id=row.id,
        notice=notice,
        platform_reason=row.last_error,
        retrying=retrying,
        next_attempt_at=row.next_attempt_at if retrying else None,
        attempts=row.attempts,
        can_resend=state in (OutboxStatus.FAILED, OutboxStatus.UNCERTAIN),
        # An uncertain one is settled without sending it again (Outbox.cancel).
        can_cancel=state in (OutboxStatus.QUEUED, OutboxStatus.UNCERTAIN),
        notes=notices_of(meta.get("send_notes")) if state in _SENT else (),
    )


def _edits(value: object) -> tuple[Edit, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        Edit(str(e.get("text") or ""), _time(e.get("until"))) for e in value if isinstance(e, dict)
    )


def _unavailable(value: object) -> tuple[UnavailableFile, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        UnavailableFile(
            kind=str(f.get("kind") or ""),
            filename=str(f.get("filename") or ""),
            size=f["size"] if isinstance(f.get("size"), int) else None,
            reason=str(f.get("reason") or ""),
        )
        for f in value
        if isinstance(f, dict)
    )


def _contact(value: object) -> ContactCard | None:
    if not isinstance(value, dict) or not value.get("phone"):
        return None
    name = " ".join(str(value.get(k) or "") for k in ("first_name", "last_name")).strip()
    return ContactCard(str(value["phone"]), name)


def _location(value: object) -> Location | None:
    if not isinstance(value, dict):
        return None

    def number(key: str) -> float | None:
        found = value.get(key)
        return float(found) if isinstance(found, int | float) else None

    return Location(
        number("latitude"),
        number("longitude"),
        str(value.get("title") or ""),
        str(value.get("address") or ""),
    )


def _time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


__all__ = [
    "ContactCard",
    "ConversationFeed",
    "Delivery",
    "Edit",
    "FeedAttachment",
    "FeedCursor",
    "FeedItem",
    "FeedPage",
    "Location",
    "MessageKind",
    "Quote",
    "UnavailableFile",
    "message_kind",
]

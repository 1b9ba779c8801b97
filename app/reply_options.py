"""What the operator may do in a conversation right now, for the composer to
say before they type.

    options = ReplyOptionsReader(core.db).options(conversation_id)
    if not options.can_write:
        banner(error_text(options.notice))        # ui.common.core_text.error_text
        offer(options.other_conversations, options.phones)
    counter = options.text_limit.measure(text)    # when not None

- ``can_write`` False when the platform refuses this chat (the customer
  blocked the bot, a bot can't write first, the chat or the customer's account
  is gone: what the channel last said, ``Conversation.can_write`` and
  ``meta["cannot_write_reason"]``; it clears when the customer writes again),
  when the reply window has closed (``reply_window_until``: WhatsApp's 24 hours
  since the customer's last message), or when our own account is switched off
  in Settings (the message would wait unsent). ``refusal`` says which
  (``app.refusals.Refusal``), ``notice`` says it in the operator's words (a
  ``Notice``: translated by ``error_text``), ``platform_reason`` is the
  platform's own words for a tooltip.
- ``reply_window_until``: while it is open, until when (for a countdown);
  None on channels without one.
- ``text_limit``: the channel's limit on one message, None where there is none.
  A longer text is not refused: the channel splits it (at a blank line, a line
  break, a sentence, a space: app/templates.py ``split_message``, exactly as
  the channel does), so the counter says how many messages it will make:
  ``measure(text)`` -> ``TextMeasure(length, limit, parts)``; e.g. "4 100 / 4 096
  · 2 messages". Telegram counts UTF-16 units (an emoji is two), so
  ``length`` is in ``text_limit.unit``, not ``len(text)``. Files go as their own
  messages after the text.
- The alternatives, whether or not this chat can be written: the customer's
  other conversations that can be written now (``other_conversations``), and
  their phone numbers (``phones``: to call, or to ask for a callback with
  ``CallbackQueue.request``). An unknown sender (no customer) has none.

A conversation that does not exist is ``ConversationError``. Three queries.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from app.conversations import Conversations
from app.db import Database
from app.enums import Channel, ContactKind
from app.models import ChannelAccount, ContactPoint, Conversation, utcnow
from app.refusals import Notice, Refusal, refusal_notice, refusal_of
from app.templates import Length, split_message, utf16_length


class TextUnit(enum.StrEnum):
    CHARACTERS = "characters"  # code points, as len() counts
    UTF16 = "utf16"  # UTF-16 code units: a character outside the BMP (most emoji) is two


@dataclass(frozen=True)
class TextMeasure:
    length: int  # in the limit's unit
    limit: int
    parts: int  # messages the text goes as (0 for an empty text)

    @property
    def over(self) -> bool:
        """Longer than one message: it will go as ``parts`` messages."""
        return self.length > self.limit


@dataclass(frozen=True)
class TextLimit:
    limit: int
    unit: TextUnit

    def length(self, text: str) -> int:
        return utf16_length(text) if self.unit is TextUnit.UTF16 else len(text)

    def measure(self, text: str) -> TextMeasure:
        """The text's length and the number of messages it goes as, split where
        the channel splits it. Linear in the text (a 100,000-character paste
        included); still, call it debounced while the operator types."""
        length = self.length(text)
        if not text.strip():
            return TextMeasure(length, self.limit, 0)
        if length <= self.limit:
            return TextMeasure(length, self.limit, 1)
        counter: Length = utf16_length if self.unit is TextUnit.UTF16 else len
        return TextMeasure(length, self.limit, len(split_message(text, self.limit, counter)))


# One message's limit per channel, as the channel splits (integrations/telegram:
# MESSAGE_LIMIT, UTF-16 as Telegram counts). Channels not listed have none here yet.
TEXT_LIMITS: dict[str, TextLimit] = {
    Channel.TELEGRAM.value: TextLimit(4096, TextUnit.UTF16),
}


@dataclass(frozen=True)
class ConversationOption:
    conversation_id: int
    channel: str
    account_label: str
    title: str  # how the platform names the customer there


@dataclass(frozen=True)
class PhoneOption:
    number: str  # E.164, to dial or to ask a callback for
    label: str  # the contact's label ("mobile"), may be ""


@dataclass(frozen=True)
class ReplyOptions:
    conversation_id: int
    channel: str
    account_label: str
    can_write: bool
    refusal: Refusal | None = None
    notice: Notice | None = None  # why not, for the operator
    platform_reason: str = ""  # the platform's own words, as the channel kept them
    reply_window_until: datetime | None = None
    text_limit: TextLimit | None = None
    other_conversations: tuple[ConversationOption, ...] = ()
    phones: tuple[PhoneOption, ...] = ()


class ReplyOptionsReader:
    def __init__(self, db: Database, clock: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.clock = clock

    def options(self, conversation_id: int) -> ReplyOptions:
        now = self.clock()
        with self.db.session() as s:
            found = s.execute(
                select_columns(Conversation, col(ChannelAccount.label), col(ChannelAccount.enabled))
                .join(ChannelAccount, col(ChannelAccount.id) == col(Conversation.account_id))
                .where(col(Conversation.id) == conversation_id)
            ).first()
            if found is None:
                Conversations._get(s, conversation_id)  # raises: no such conversation
                raise AssertionError("a conversation without its account")
            conversation, label, enabled = found
            others, phones = self._alternatives(s, conversation, now)
        refusal, words = _refusal(conversation, bool(enabled), now)
        window = conversation.reply_window_until
        return ReplyOptions(
            conversation_id=conversation_id,
            channel=conversation.channel,
            account_label=label,
            can_write=refusal is None,
            refusal=refusal,
            notice=refusal_notice(refusal, words, label) if refusal is not None else None,
            platform_reason=words,
            reply_window_until=window if window is not None and window > now else None,
            text_limit=TEXT_LIMITS.get(conversation.channel),
            other_conversations=others,
            phones=phones,
        )

    @staticmethod
    def _alternatives(
        s: Session, conversation: Conversation, now: datetime
    ) -> tuple[tuple[ConversationOption, ...], tuple[PhoneOption, ...]]:
        if conversation.customer_id is None:
            return (), ()
        others = []
        for row, label, enabled in s.execute(
            select_columns(Conversation, col(ChannelAccount.label), col(ChannelAccount.enabled))
            .join(ChannelAccount, col(ChannelAccount.id) == col(Conversation.account_id))
            .where(
                col(Conversation.customer_id) == conversation.customer_id,
                col(Conversation.id) != conversation.id,
            )
            .order_by(col(Conversation.last_inbound_at).desc(), col(Conversation.id))
        ):
            if _refusal(row, bool(enabled), now)[0] is None:
                assert row.id is not None
                others.append(ConversationOption(row.id, row.channel, label, row.title))
        phones = tuple(
            PhoneOption(point.normalized, point.label)
            for point in s.exec(
                select(ContactPoint)
                .where(
                    ContactPoint.customer_id == conversation.customer_id,
                    ContactPoint.kind == ContactKind.PHONE.value,
                )
                .order_by(col(ContactPoint.id))
            )
        )
        return tuple(others), phones


def _refusal(
    conversation: Conversation, enabled: bool, now: datetime
) -> tuple[Refusal | None, str]:
    """Why the conversation can't be written now (None: it can), and the
    platform's words for it."""
    words = str(conversation.meta.get("cannot_write_reason") or "").strip()
    if not conversation.can_write:
        return refusal_of(words), words
    window = conversation.reply_window_until
    if window is not None and window <= now:
        return Refusal.WINDOW_CLOSED, ""
    if not enabled:
        return Refusal.ACCOUNT_OFF, ""
    return None, ""


__all__ = [
    "TEXT_LIMITS",
    "ConversationOption",
    "PhoneOption",
    "ReplyOptions",
    "ReplyOptionsReader",
    "TextLimit",
    "TextMeasure",
    "TextUnit",
]

"""What a Telegram bot answers by itself: a greeting with a "Call me back"
button when a customer writes /start, and a short confirmation once the
number that button shared became a callback request.

The button is a reply keyboard's ``KeyboardButton`` with ``request_contact``
(Bot API, ReplyKeyboardMarkup): pressing it sends the customer's own contact,
which the inbox turns into a callback request linked to the conversation
(app/inbox.py); the confirmation then takes the keyboard away
(ReplyKeyboardRemove). The texts per language are the bot's settings
(app/channel_settings.py, ``BotReplySettings``; the settings page edits them
with ``save_bot_replies``).

Exactly once: the inbox calls ``BotReplies.greet_in`` for each message it has
just stored, and ``confirm_in`` once a shared contact made its callback
request, inside that batch's transaction; each queues its reply in the
outbox there (``Outbox.queue_reply_in``), so the message and its answer are
committed together or not at all, and the answer goes out through the outbox
like an operator's message (stored before the network call, never sent twice
without the operator's say). Its idempotency key is made from the message's
own id: a /start or a contact delivered again (Telegram sends what was not
acknowledged) is a repeat for the inbox and for the outbox alike. The keyboard
travels in the timeline row's ``meta["reply_markup"]``; the row names no
operator (no person wrote it) and says what it is in ``meta["bot_reply"]``.
"""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, select

from app.channel_settings import (
    REPLIES_KEY,
    BotReplySettings,
    bot_replies_config,
    bot_replies_of,
    check_bot_replies,
)
from app.db import Database
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import (
    CallbackRequest,
    CallbackSource,
    Channel,
    ChannelAccount,
    Conversation,
    OutboxMessage,
)
from app.outbox import MAX_KEY_LENGTH, Outbox

if TYPE_CHECKING:
    from app.inbox import InboundMessage

log = logging.getLogger(__name__)

GREETING = "greeting"
CALLBACK_CONFIRMATION = "callback_confirmation"
# Telegram's reply markups, as the Bot API defines them (a JSON-serialized object).
REMOVE_KEYBOARD: dict[str, Any] = {"remove_keyboard": True}


class BotRepliesError(OperatorError, ValueError):
    """Replies that can't be saved; the message says why."""


def greeting_markup(button: str) -> dict[str, Any]:
    """ReplyKeyboardMarkup with one button that shares the customer's own
    number; fitted to its one button, and hidden once pressed."""
    return {
        "keyboard": [[{"text": button, "request_contact": True}]],
        "resize_keyboard": True,
        "one_time_keyboard": True,
    }


def reply_key(kind: str, external_id: str) -> str:
    """The outbox's idempotency key of the bot's ``kind`` of reply to the
    message ``external_id``: the same message, however often delivered, gets
    one reply of each kind."""
    key = f"bot:{kind}:{external_id}"
    if len(key) <= MAX_KEY_LENGTH:
        return key
    return f"bot:{kind}:sha256:{hashlib.sha256(external_id.encode()).hexdigest()}"


class BotReplies:
    def __init__(self, outbox: Outbox) -> None:
        self.outbox = outbox

    def greet_in(
        self, s: Session, conversation: Conversation, message: InboundMessage
    ) -> OutboxMessage | None:
        """For a /start (with or without a deep link's payload) in a private
        chat, just stored in the inbox's transaction ``s``: the
        greeting with its "Call me back" keyboard, queued in ``s``. None for
        any other message, or when the bot's replies are off."""
        if not self._telegram(message) or message.meta.get("command") != "start":
            return None
        # request_contact works in private chats only (KeyboardButton).
        if message.meta.get("chat_type", "private") != "private":
            return None
        settings = self._settings(s, message.account_id)
        if not settings.enabled:
            return None
        texts = settings.texts_for(_language(message))
        return self.outbox.queue_reply_in(
            s,
            conversation,
            texts.greeting,
            idempotency_key=reply_key(GREETING, message.external_id),
            meta={
                "bot_reply": GREETING,
                "in_reply_to": message.external_id,
                "reply_markup": greeting_markup(texts.button),
            },
        )

    def confirm_in(
        self, s: Session, conversation: Conversation, message: InboundMessage
    ) -> OutboxMessage | None:
        """For the sender's own contact, just stored and made a callback
        request in the inbox's transaction ``s``: the confirmation
        naming the number we will call, which takes the keyboard away, queued
        in ``s``. None when no request was made of it (not a phone number, a
        contact of someone else), or when the bot's replies are off."""
        contact = message.contact
        if not self._telegram(message) or contact is None or contact.user_id != message.identity:
            return None
        settings = self._settings(s, message.account_id)
        if not settings.enabled:
            return None
        request = s.exec(
            select(CallbackRequest).where(
                CallbackRequest.source == CallbackSource.MESSENGER.value,
                CallbackRequest.external_id == message.external_id,
            )
        ).first()
        if request is None:  # nothing was promised
            return None
        texts = settings.texts_for(_language(message))
        return self.outbox.queue_reply_in(
            s,
            conversation,
            texts.confirmation_for(request.phone),
            idempotency_key=reply_key(CALLBACK_CONFIRMATION, message.external_id),
            meta={
                "bot_reply": CALLBACK_CONFIRMATION,
                "in_reply_to": message.external_id,
                "callback_request_id": request.id,
                "reply_markup": REMOVE_KEYBOARD,
            },
        )

    @staticmethod
    def _telegram(message: InboundMessage) -> bool:
        """Keyboards are Telegram's; an edit is no new message to answer."""
        return message.channel == Channel.TELEGRAM and message.edited_at is None

    @staticmethod
    def _settings(s: Session, account_id: int) -> BotReplySettings:
        account = s.get(ChannelAccount, account_id)
        return bot_replies_of(account.config if account is not None else {})


def _language(message: InboundMessage) -> str | None:
    language = message.meta.get("language_code")  # Telegram's User.language_code
    return language if isinstance(language, str) else None


def bot_replies_for(db: Database, account_id: int) -> BotReplySettings:
    """The bot's replies as stored (the defaults for a bot that has none)."""
    with db.session() as s:
        account = s.get(ChannelAccount, account_id)
        if account is None:
            raise _gone(account_id)
        return bot_replies_of(account.config)


def save_bot_replies(db: Database, account_id: int, settings: BotReplySettings) -> BotReplySettings:
    """Checks the replies (``check_bot_replies``: BadChannelSetting names what
    can't go out) and stores them in the account's config; returns them as
    stored. The channel host restarts the bot at its next reload (its config
    changed), and the next /start is answered with them."""
    checked = check_bot_replies(settings)
    with db.session() as s:
        account = s.get(ChannelAccount, account_id)
        if account is None:
            raise _gone(account_id)
        # A new dict: the JSON column sees the change.
        account.config = {**account.config, REPLIES_KEY: bot_replies_config(checked)}
        s.add(account)
    log.info("bot #%s: replies saved (%s)", account_id, "on" if checked.enabled else "off")
    return checked


def _gone(account_id: int) -> BotRepliesError:
    return BotRepliesError(
        QT_TRANSLATE_NOOP("core", "Bot #{account_id} no longer exists."), account_id=account_id
    )


__all__ = [
    "CALLBACK_CONFIRMATION",
    "GREETING",
    "REMOVE_KEYBOARD",
    "BotReplies",
    "BotRepliesError",
    "bot_replies_for",
    "greeting_markup",
    "reply_key",
    "save_bot_replies",
]

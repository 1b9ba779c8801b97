"""What a Telegram bot's settings must look like, checked without the network.

Pure (no database, no HTTP): the settings page and app/channel_accounts.py
refuse a bad token or address before anything is saved, and the Bot API
client (integrations/telegram/api.py) checks what it is built with by the same
rules, so a value the page let through never fails differently later. Here
because app/ may not import integrations/, and integrations/ may import app/.

The bot's automatic replies (the greeting with its "Call me back" button, the
confirmation of a callback request) are settings of the same kind: their
texts per language, checked here (``check_bot_replies``), stored in the
account's config (``bot_replies_of`` / ``bot_replies_config``) and sent by
app/bot_replies.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.templates import utf16_length

DEFAULT_BOT_API_SERVER = "https://api.telegram.org"
# A secret in an address: a token, as the Bot API's method URLs carry it
# (.../bot<id>:<secret>/...), or a user:password@ part.
_SECRET_IN_ADDRESS = re.compile(r"bot\d{1,20}:[A-Za-z0-9_-]{20,}|//[^/]*:[^/]*@")
# "<bot id>:<secret>" as BotFather issues it.
_TOKEN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{20,200}$")


class BadChannelSetting(OperatorError, ValueError):
    """A token or a server address that can't work; the message says why."""


def check_bot_token(token: str) -> str:
    """The token as BotFather issued it, or BadChannelSetting (a pasted newline
    or a space inside would make every request fail in a confusing way)."""
    cleaned = token.strip()
    if any(ch.isspace() for ch in cleaned):
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP(
                "core", "The bot token contains spaces or line breaks; paste it again."
            )
        )
    if not _TOKEN.match(cleaned):
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP(
                "core",
                "This is not a bot token: BotFather's tokens look like 123456789:AAE... (digits, a colon, then letters, digits, - and _).",  # noqa: E501
            )
        )
    return cleaned


def bot_id_of(token: str) -> str:
    """The bot's own id, the part before the colon: two tokens of one bot (an
    old one and the one BotFather issued after revoking it) share it."""
    return token.strip().split(":", 1)[0]


def check_bot_server(address: str) -> str:
    """The Bot API server's base address (the public one, or a self-hosted
    telegram-bot-api server), without a trailing slash, or BadChannelSetting.
    Empty means the public server."""
    cleaned = address.strip().rstrip("/") or DEFAULT_BOT_API_SERVER
    if _SECRET_IN_ADDRESS.search(cleaned):
        # Checked first, and the address not repeated: it holds a secret, which
        # must reach neither the database nor a message.
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP(
                "core",
                "The Bot API server address holds a secret (a bot token or a password):"
                " enter only the server here (such as https://api.telegram.org), and the"
                " token in its own field.",
            )
        )
    try:
        parts = urlsplit(cleaned)
        port = parts.port  # raises for a port that is not a number
    except ValueError as exc:
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP(
                "core", "The Bot API server address {address!r} is not a URL: {error}."
            ),
            address=cleaned,
            error=str(exc),
        ) from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP(
                "core",
                "The Bot API server address {address!r} must start with https:// (or http:// for a server on this computer or the shop's network).",  # noqa: E501
            ),
            address=cleaned,
        )
    if parts.query or parts.fragment or (port is not None and not 0 < port < 65536):
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP(
                "core", "The Bot API server address {address!r} is not a base address."
            ),
            address=cleaned,
        )
    return cleaned


# --- the bot's automatic replies ---------------------------------------------------
#
# A customer who writes /start gets a greeting with one reply-keyboard button,
# "Call me back" (request_contact: pressing it shares their own number), and a
# short confirmation once that number became a callback request. The texts are
# the customer's, not the operator's: they are chosen by the language the
# customer's Telegram app reports (language_code), so they are settings per
# language, not entries of the window's translation catalogue.

REPLY_LANGUAGES = ("en", "ru", "uk")  # the languages with texts of their own
# Each language by its own name: the same in every language of the window.
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "uk": "Українська"}
REPLY_TEXT_LIMIT = 4096  # sendMessage: 1-4096 characters, counted in UTF-16 units
# Ours, not Telegram's (which documents none): a button shows a few words, and
# a longer text is cut on the customer's screen.
BUTTON_TEXT_LIMIT = 64
_LONGEST_PHONE = "+" + "9" * 15  # E.164: at most 15 digits


@dataclass(frozen=True)
class BotReplyTexts:
    """What the bot says in one language. ``confirmation`` holds ``{phone}``,
    the number we will call (E.164); ``{{`` and ``}}`` are braces."""

    greeting: str
    button: str
    confirmation: str

    def confirmation_for(self, phone: str) -> str:
        return self.confirmation.format(phone=phone)


DEFAULT_REPLY_TEXTS: Mapping[str, BotReplyTexts] = {
    "en": BotReplyTexts(
        greeting="Hello! Write your question here, or press “Call me back” and we will call you.",
        button="Call me back",
        confirmation="Thanks, we will call you back at {phone}.",
    ),
    "ru": BotReplyTexts(
        greeting=(
            "Здравствуйте! Напишите ваш вопрос здесь или нажмите «Перезвоните мне», "
            "и мы вам позвоним."
        ),
        button="Перезвоните мне",
        confirmation="Спасибо, мы перезвоним вам по номеру {phone}.",
    ),
    "uk": BotReplyTexts(
        greeting=(
            "Вітаємо! Напишіть ваше питання тут або натисніть «Передзвоніть мені», "
            "і ми вам зателефонуємо."
        ),
        button="Передзвоніть мені",
        confirmation="Дякуємо, ми передзвонимо вам за номером {phone}.",
    ),
}


@dataclass(frozen=True)
class BotReplySettings:
    """A bot's automatic replies (``ChannelAccount.config["replies"]``).

    ``enabled`` off: the bot answers nothing by itself, neither /start nor a
    shared number (the callback request is made all the same). ``language``
    is for customers whose app reports a language with no texts here."""

    enabled: bool = True
    language: str = "en"
    texts: Mapping[str, BotReplyTexts] = field(default_factory=lambda: dict(DEFAULT_REPLY_TEXTS))

    def texts_for(self, language_code: str | None) -> BotReplyTexts:
        """The texts in the customer's language (Telegram's ``language_code``,
        an IETF tag such as "uk" or "en-US") when there are some, else the bot's."""
        wanted = re.split(r"[-_]", (language_code or "").strip().lower(), maxsplit=1)[0]
        return (
            self.texts.get(wanted)
            or self.texts.get(self.language)
            or DEFAULT_REPLY_TEXTS.get(self.language)
            or DEFAULT_REPLY_TEXTS["en"]
        )


REPLIES_KEY = "replies"  # in ChannelAccount.config


def check_bot_replies(settings: BotReplySettings) -> BotReplySettings:
    """The settings with their texts trimmed (Telegram trims a message, so a
    limit counts what is left), or BadChannelSetting naming the language and
    the text that can't go out."""
    if settings.language not in REPLY_LANGUAGES:
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP("core", "The bot has no texts in the language {language!r}."),
            language=settings.language,
        )
    texts: dict[str, BotReplyTexts] = {}
    for language in REPLY_LANGUAGES:
        given = settings.texts.get(language) or DEFAULT_REPLY_TEXTS[language]
        texts[language] = _checked_texts(given, LANGUAGE_NAMES[language])
    return BotReplySettings(settings.enabled, settings.language, texts)


def _checked_texts(texts: BotReplyTexts, language: str) -> BotReplyTexts:
    greeting, button = texts.greeting.strip(), texts.button.strip()
    confirmation = texts.confirmation.strip()
    if not greeting:
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP("core", "The greeting in {language} is empty."), language=language
        )
    if utf16_length(greeting) > REPLY_TEXT_LIMIT:
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP(
                "core", "The greeting in {language} is longer than {limit} characters."
            ),
            language=language,
            limit=REPLY_TEXT_LIMIT,
        )
    if not button or "\n" in button or "\r" in button or len(button) > BUTTON_TEXT_LIMIT:
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP(
                "core",
                "The button's text in {language} must be one line of 1 to {limit} characters.",
            ),
            language=language,
            limit=BUTTON_TEXT_LIMIT,
        )
    if not confirmation:
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP("core", "The confirmation in {language} is empty."),
            language=language,
        )
    try:
        longest = BotReplyTexts(greeting, button, confirmation).confirmation_for(_LONGEST_PHONE)
    except (KeyError, IndexError, ValueError, AttributeError):
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP(
                "core",
                "The confirmation in {language} can hold only {{phone}}, the number we"
                " will call; write {{{{ and }}}} for a brace.",
            ),
            language=language,
        ) from None
    if utf16_length(longest) > REPLY_TEXT_LIMIT:
        raise BadChannelSetting(
            QT_TRANSLATE_NOOP(
                "core", "The confirmation in {language} is longer than {limit} characters."
            ),
            language=language,
            limit=REPLY_TEXT_LIMIT,
        )
    return BotReplyTexts(greeting, button, confirmation)


def bot_replies_of(config: Mapping[str, Any]) -> BotReplySettings:
    """The replies an account's config holds. Read defensively: what is missing
    or can't go out (a row edited by hand) is the default, never a broken
    message to a customer."""
    raw = config.get(REPLIES_KEY)
    if not isinstance(raw, Mapping):
        return BotReplySettings()
    enabled = raw.get("enabled")
    language = raw.get("language")
    stored = raw.get("texts")
    texts: dict[str, BotReplyTexts] = {}
    for code in REPLY_LANGUAGES:
        default = DEFAULT_REPLY_TEXTS[code]
        item = stored.get(code) if isinstance(stored, Mapping) else None
        if not isinstance(item, Mapping):
            texts[code] = default
            continue
        given = BotReplyTexts(
            *(
                value if isinstance(value := item.get(name), str) else getattr(default, name)
                for name in ("greeting", "button", "confirmation")
            )
        )
        try:
            texts[code] = _checked_texts(given, LANGUAGE_NAMES[code])
        except BadChannelSetting:
            texts[code] = default
    return BotReplySettings(
        enabled=enabled if isinstance(enabled, bool) else True,
        language=language if language in REPLY_LANGUAGES else "en",
        texts=texts,
    )


def bot_replies_config(settings: BotReplySettings) -> dict[str, Any]:
    """``settings`` as ``ChannelAccount.config[REPLIES_KEY]`` holds them (JSON)."""
    return {
        "enabled": settings.enabled,
        "language": settings.language,
        "texts": {
            code: {
                "greeting": texts.greeting,
                "button": texts.button,
                "confirmation": texts.confirmation,
            }
            for code, texts in settings.texts.items()
        },
    }

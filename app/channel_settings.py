"""What a Telegram bot's settings must look like, checked without the network.

Pure (no database, no HTTP): the settings page and app/channel_accounts.py
refuse a bad token or address before anything is saved, and the Bot API
client (integrations/telegram/api.py) checks what it is built with by the same
rules, so a value the page let through never fails differently later. Here
because app/ may not import integrations/, and integrations/ may import app/.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from app.messages import QT_TRANSLATE_NOOP, OperatorError

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

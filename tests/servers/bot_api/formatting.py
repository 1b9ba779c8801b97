"""parse_mode and entities: what the real server does to a text before it counts it.

The docs ("Formatting options") give the syntax; TDLib, which the Bot API server
runs, gives the behaviour and the error texts (parsers.py), wrapped as "Bad
Request: can't parse entities: <TDLib text>" (Client::get_formatted_text).
"""

from __future__ import annotations

import json
from typing import Any

from tests.servers.bot_api.parsers import (
    Entity,
    EntityParseError,
    parse_html,
    parse_markdown,
    parse_markdown_v2,
)
from tests.servers.bot_api.wire import ApiError, bad_request

BOT_API_TYPE = {
    "Bold": "bold",
    "Italic": "italic",
    "Underline": "underline",
    "Strikethrough": "strikethrough",
    "Spoiler": "spoiler",
    "Code": "code",
    "Pre": "pre",
    "PreCode": "pre",
    "TextUrl": "text_link",
    "MentionName": "text_mention",
    "CustomEmoji": "custom_emoji",
    "BlockQuote": "blockquote",
}

MAX_TEXT_LENGTH = 4096  # sendMessage: "1-4096 characters after entities parsing"
MAX_CAPTION_LENGTH = 1024  # sendPhoto/sendDocument: "0-1024 characters after entities parsing"

_PARSERS = {"markdown": parse_markdown, "markdownv2": parse_markdown_v2, "html": parse_html}


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def entity_json(entity: Entity) -> dict[str, Any]:
    result: dict[str, Any] = {
        "offset": entity.offset,
        "length": entity.length,
        "type": BOT_API_TYPE.get(entity.kind, entity.kind),
    }
    if entity.kind == "PreCode":
        result["language"] = entity.argument
    elif entity.kind == "TextUrl":
        result["url"] = entity.argument
    elif entity.kind == "MentionName":
        result["user"] = {"id": entity.user_id, "is_bot": False, "first_name": ""}
    elif entity.kind == "CustomEmoji":
        result["custom_emoji_id"] = entity.argument
    return result


_ENTITY_KINDS = {value: key for key, value in BOT_API_TYPE.items() if key != "PreCode"}
_AUTO_DETECTED = {
    "mention",
    "hashtag",
    "cashtag",
    "bot_command",
    "url",
    "email",
    "phone_number",
    "bank_card_number",
}


def _given_entities(raw: Any) -> list[Entity]:
    # Client::get_text_entity: kinds the server finds by itself are dropped,
    # an unknown kind is refused; JSON that does not parse is ignored.
    entities: list[Entity] = []
    if not isinstance(raw, list):
        return entities
    for item in raw:
        if not isinstance(item, dict):
            raise bad_request("Can't parse MessageEntity: expected an Object")
        kind = item.get("type")
        if not isinstance(kind, str) or not kind:
            raise bad_request("Can't parse MessageEntity: Type is not specified")
        if kind in _AUTO_DETECTED:
            continue
        if kind not in _ENTITY_KINDS:
            raise bad_request("Can't parse MessageEntity: Unsupported type specified")
        offset, length = item.get("offset"), item.get("length")
        if not isinstance(offset, int) or not isinstance(length, int):
            raise bad_request('Can\'t parse MessageEntity: Field "offset" must be a number')
        entity = Entity(_ENTITY_KINDS[kind], offset, length)
        if kind == "pre" and item.get("language"):
            entity.kind, entity.argument = "PreCode", str(item["language"])
        elif kind == "text_link":
            entity.argument = str(item.get("url", ""))
        elif kind == "text_mention":
            user = item.get("user")
            entity.user_id = int(user.get("id", 0)) if isinstance(user, dict) else 0
        elif kind == "custom_emoji":
            entity.argument = str(item.get("custom_emoji_id", ""))
        entities.append(entity)
    return entities


def formatted_text(text: str, parse_mode: str, raw_entities: str) -> tuple[str, list[Entity]]:
    """Client::get_formatted_text, then TDLib's trimming of the ends (fix_formatted_text)."""
    mode = parse_mode.lower()
    if text and mode and mode != "none":
        parser = _PARSERS.get(mode)
        if parser is None:
            raise bad_request("Unsupported parse_mode")
        try:
            parsed, entities = parser(text.encode("utf-8"))
        except EntityParseError as error:
            raise bad_request(f"Can't parse entities: {error}") from None
        plain = parsed.decode("utf-8", "replace")
    else:
        try:
            decoded = json.loads(raw_entities) if raw_entities else None
        except ValueError:
            decoded = None
        plain, entities = text, _given_entities(decoded)
    return _trim(plain, entities)


def _trim(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    stripped = text.strip()
    if not stripped:
        return "", []
    lead = utf16_length(text[: len(text) - len(text.lstrip())])
    total = utf16_length(stripped)
    kept: list[Entity] = []
    for entity in entities:
        start = max(0, entity.offset - lead)
        end = min(total, entity.offset + entity.length - lead)
        if end > start:
            entity.offset, entity.length = start, end - start
            kept.append(entity)
    kept.sort(key=lambda e: (e.offset, -e.length))
    return stripped, kept


def check_length(text: str, limit: int, too_long: str) -> None:
    """TDLib compares the number of Unicode characters (utf8_length) with the limit."""
    if len(text) > limit:
        raise ApiError(400, f"Bad Request: {too_long}")

"""Telegram updates -> the inbox's messages. Pure functions, no network.

Only ``message`` and ``edited_message`` carry what a customer writes to a shop
(the worker asks for them with ``allowed_updates``, plus ``my_chat_member`` for
"the user blocked the bot"). Every field is read defensively: an update with
unknown fields is taken with the fields we know; a message of a kind we don't
know (a poll, a game, whatever Telegram adds next) is stored with a placeholder
text and its raw JSON, and never stops the channel (Zammad lets one unknown
WhatsApp type block a whole channel). An update we can't place in any chat is
skipped with a log line: its offset still advances.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.inbox import SharedContact

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "edited_message", "my_chat_member"]
# The media kinds a message can carry, as the Message object names them.
MEDIA_KINDS = ("document", "audio", "voice", "video", "video_note", "animation", "sticker")
# Raw JSON kept for an unknown kind, at most (a huge poll must not bloat the row).
RAW_LIMIT = 20_000


@dataclass(frozen=True)
class FileRef:
    """A file of a message, to fetch with getFile before the batch is stored."""

    kind: str
    file_id: str
    filename: str
    mime: str
    size: int | None


@dataclass(frozen=True)
class MappedMessage:
    chat_id: str
    message_id: int
    sent_at: datetime
    edited_at: datetime | None
    kind: str
    text: str
    sender_title: str
    sender_username: str
    files: tuple[FileRef, ...]
    contact: SharedContact | None
    start_payload: str | None
    reply_to_message_id: int | None
    meta: dict[str, Any]


@dataclass(frozen=True)
class Membership:
    """my_chat_member: the user blocked (kicked) or restarted the bot."""

    chat_id: str
    can_write: bool
    status: str


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _time(value: Any) -> datetime | None:
    seconds = _int(value)
    if seconds is None:
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _title(chat: dict[str, Any], sender: dict[str, Any]) -> str:
    if _str(chat.get("title")):
        return _str(chat.get("title"))
    who = chat if chat.get("first_name") else sender
    return " ".join(p for p in (_str(who.get("first_name")), _str(who.get("last_name"))) if p)


def _largest_photo(sizes: Any) -> dict[str, Any] | None:
    photos = (
        [p for p in sizes if isinstance(p, dict) and _str(p.get("file_id"))]
        if isinstance(sizes, list)
        else []
    )
    if not photos:
        return None
    return max(
        photos,
        key=lambda p: (
            _int(p.get("file_size")) or 0,
            (_int(p.get("width")) or 0) * (_int(p.get("height")) or 0),
        ),
    )


_EXTENSION = {"voice": ".ogg", "video_note": ".mp4", "sticker": ".webp", "animation": ".mp4"}


def _file_of(kind: str, media: dict[str, Any], message_id: int) -> FileRef | None:
    file_id = _str(media.get("file_id"))
    if not file_id:
        return None
    name = _str(media.get("file_name"))
    if not name and kind == "audio":
        name = " - ".join(p for p in (_str(media.get("performer")), _str(media.get("title"))) if p)
    if not name:
        ext = _EXTENSION.get(kind, ".jpg" if kind == "photo" else "")
        if kind == "sticker" and media.get("is_animated"):
            ext = ".tgs"
        elif kind == "sticker" and media.get("is_video"):
            ext = ".webm"
        name = f"{kind}-{message_id}{ext}"
    return FileRef(kind, file_id, name, _str(media.get("mime_type")), _int(media.get("file_size")))


def _placeholder(kind: str) -> str:
    return f"[{kind}]"


def map_message(message: Any, edited: bool) -> MappedMessage | None:
    message = _dict(message)
    chat = _dict(message.get("chat"))
    chat_id = _int(chat.get("id"))
    message_id = _int(message.get("message_id"))
    sent_at = _time(message.get("date"))
    if chat_id is None or message_id is None or sent_at is None:
        return None
    sender = _dict(message.get("from"))
    text = _str(message.get("text")) or _str(message.get("caption"))
    entities = message.get("entities") or message.get("caption_entities")
    meta: dict[str, Any] = {}
    if isinstance(entities, list):
        meta["entities"] = [e for e in entities if isinstance(e, dict)][:500]
    if _int(sender.get("id")) is not None and _int(sender.get("id")) != chat_id:
        meta["from_id"] = str(sender["id"])  # a group: who in it wrote
    # What the bot's own replies are chosen by (app/bot_replies.py): the
    # language the sender's app is set to, and whether the chat is private
    # (a request_contact button works only there).
    if _str(sender.get("language_code")):
        meta["language_code"] = _str(sender.get("language_code"))[:35]
    if _str(chat.get("type")):
        meta["chat_type"] = _str(chat.get("type"))[:20]
    files: list[FileRef] = []
    contact: SharedContact | None = None
    kind = "text" if _str(message.get("text")) else ""
    photo = _largest_photo(message.get("photo"))
    if photo is not None:
        kind = "photo"
        ref = _file_of("photo", photo, message_id)
        files.extend([ref] if ref else [])
    for media_kind in MEDIA_KINDS:
        media = _dict(message.get(media_kind))
        if media and not (media_kind == "document" and message.get("animation")):
            kind = kind if kind == "photo" else media_kind
            ref = _file_of(media_kind, media, message_id)
            files.extend([ref] if ref else [])
            if media_kind == "sticker" and _str(media.get("emoji")) and not text:
                text = _str(media.get("emoji"))
    location = _dict(message.get("location"))
    venue = _dict(message.get("venue"))
    if venue or location:
        kind = "venue" if venue else "location"
        where = _dict(venue.get("location")) or location
        meta["location"] = {
            "latitude": where.get("latitude"),
            "longitude": where.get("longitude"),
            "title": _str(venue.get("title")),
            "address": _str(venue.get("address")),
        }
        if not text:
            label = ", ".join(
                p for p in (_str(venue.get("title")), _str(venue.get("address"))) if p
            )
            text = label or f"{where.get('latitude')}, {where.get('longitude')}"
    shared = _dict(message.get("contact"))
    if shared and _str(shared.get("phone_number")):
        kind = "contact"
        user_id = _int(shared.get("user_id"))
        contact = SharedContact(
            phone=_str(shared.get("phone_number")),
            user_id=str(user_id) if user_id is not None else None,
            first_name=_str(shared.get("first_name")),
            last_name=_str(shared.get("last_name")),
        )
        if not text:
            name = " ".join(p for p in (contact.first_name, contact.last_name) if p)
            text = f"{name} {contact.phone}".strip()
    if not kind:
        known = {"message_id", "from", "chat", "date", "edit_date", "sender_chat", "entities"}
        unknown = sorted(k for k in message if k not in known and not k.startswith("forward"))
        kind = unknown[0] if unknown else "unknown"
        raw = repr(message)
        meta["raw"] = raw[:RAW_LIMIT]
        if not text:
            text = _placeholder(kind)
    start_payload = None
    command = _str(message.get("text"))
    if command.startswith("/start"):
        head, _, rest = command.partition(" ")
        if head in ("/start",) or head.startswith("/start@"):
            start_payload = rest.strip()[:200] or None
            if not edited:
                meta["command"] = "start"  # with or without a payload: the bot greets
    reply_to = _int(_dict(message.get("reply_to_message")).get("message_id"))
    return MappedMessage(
        chat_id=str(chat_id),
        message_id=message_id,
        sent_at=sent_at,
        edited_at=(_time(message.get("edit_date")) or sent_at) if edited else None,
        kind=kind,
        text=text,
        sender_title=_title(chat, sender)[:300],
        sender_username=_str(chat.get("username")) or _str(sender.get("username")),
        files=tuple(files),
        contact=contact,
        start_payload=start_payload,
        reply_to_message_id=reply_to,
        meta=meta,
    )


def map_membership(update: dict[str, Any]) -> Membership | None:
    member = _dict(update.get("my_chat_member"))
    chat_id = _int(_dict(member.get("chat")).get("id"))
    status = _str(_dict(member.get("new_chat_member")).get("status"))
    if chat_id is None or not status:
        return None
    return Membership(str(chat_id), can_write=status not in ("kicked", "left"), status=status)


def update_id(update: Any) -> int | None:
    return _int(_dict(update).get("update_id"))


def map_update(update: Any) -> MappedMessage | Membership | None:
    """What an update means for us; None for one that is not ours to store."""
    update = _dict(update)
    if "message" in update:
        return map_message(update["message"], edited=False)
    if "edited_message" in update:
        return map_message(update["edited_message"], edited=True)
    if "my_chat_member" in update:
        return map_membership(update)
    kinds = sorted(k for k in update if k != "update_id")
    # An unknown kind that still names a chat: a placeholder row, the raw JSON kept.
    for kind in kinds:
        inner = _dict(update.get(kind))
        if _dict(inner.get("chat")).get("id") is not None and inner.get("date") is not None:
            mapped = map_message({**inner, "message_id": inner.get("message_id", 0)}, edited=False)
            if mapped is not None:
                return mapped
    log.info("telegram: an update of kind %s skipped", ",".join(kinds)[:100] or "none")
    return None

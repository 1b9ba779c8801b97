"""Builders of the documented objects ("Available types"): User, Chat, Message and
the media in it. Optional fields are left out when irrelevant, as the docs say
they may be ("Optional fields may be not returned when irrelevant")."""

from __future__ import annotations

import base64
import itertools
import mimetypes
import secrets
import time
from dataclasses import dataclass
from typing import Any

JsonObject = dict[str, Any]

_user_ids = itertools.count(7_000_000_001)
_file_serial = itertools.count(1)


def new_user_id() -> int:
    return next(_user_ids)


def user(
    first_name: str,
    *,
    user_id: int | None = None,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = None,
    is_bot: bool = False,
) -> JsonObject:
    result: JsonObject = {
        "id": user_id if user_id is not None else new_user_id(),
        "is_bot": is_bot,
        "first_name": first_name,
    }
    if last_name:
        result["last_name"] = last_name
    if username:
        result["username"] = username
    if language_code:
        result["language_code"] = language_code
    return result


def private_chat(person: JsonObject) -> JsonObject:
    """Chat for a private conversation: its id is the user's id."""
    chat: JsonObject = {"id": person["id"], "first_name": person["first_name"]}
    for key in ("last_name", "username"):
        if key in person:
            chat[key] = person[key]
    chat["type"] = "private"
    return chat


def now() -> int:
    return int(time.time())


# File kinds: where getFile puts them and what their file_id starts with. The
# directory names are those of the real server's file paths; the id prefixes
# only make ids of different kinds look different.
FILE_KINDS: dict[str, tuple[str, str]] = {
    "photo": ("photos", "AgACAgIAAxkBAA"),
    "document": ("documents", "BQACAgIAAxkBAA"),
    "audio": ("music", "CQACAgIAAxkBAA"),
    "voice": ("voice", "AwACAgIAAxkBAA"),
    "video": ("videos", "BAACAgIAAxkBAA"),
    "video_note": ("video_notes", "DQACAgIAAxkBAA"),
    "sticker": ("stickers", "CAACAgIAAxkBAA"),
    "animation": ("animations", "CgACAgIAAxkBAA"),
    "thumbnail": ("thumbnails", "AAMCAgADGQEAA"),
}
_EXTENSIONS = {
    "photo": ".jpg",
    "voice": ".oga",
    "audio": ".mp3",
    "video": ".mp4",
    "video_note": ".mp4",
    "sticker": ".webp",
    "animation": ".mp4",
    "thumbnail": ".jpg",
}


@dataclass
class StoredFile:
    """A file on the "Telegram servers": what a file_id refers to."""

    file_id: str
    file_unique_id: str
    kind: str
    size: int
    data: bytes | None
    file_name: str | None = None
    file_path: str | None = None  # assigned by the first getFile, as the real server does

    def path(self) -> str:
        if self.file_path is None:
            directory = FILE_KINDS[self.kind][0]
            extension = _EXTENSIONS.get(self.kind) or _extension(self.file_name)
            self.file_path = f"{directory}/file_{next(_file_serial)}{extension}"
        return self.file_path


def _extension(file_name: str | None) -> str:
    if not file_name or "." not in file_name:
        return ""
    suffix = "." + file_name.rsplit(".", 1)[1]
    return suffix if suffix[1:].isalnum() and len(suffix) <= 8 else ""


def new_file(kind: str, data: bytes | None, size: int | None, file_name: str | None) -> StoredFile:
    token = base64.urlsafe_b64encode(secrets.token_bytes(45)).decode().rstrip("=")
    unique = base64.urlsafe_b64encode(secrets.token_bytes(12)).decode().rstrip("=")
    length = size if size is not None else len(data or b"")
    return StoredFile(FILE_KINDS[kind][1] + token, "AQAD" + unique, kind, length, data, file_name)


def file_fields(stored: StoredFile) -> JsonObject:
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": stored.size,
    }


def guess_mime(file_name: str | None, default: str = "application/octet-stream") -> str:
    guessed = mimetypes.guess_type(file_name or "")[0]
    return guessed or default


def photo_sizes(files: list[tuple[StoredFile, int, int]]) -> list[JsonObject]:
    """Message.photo: "available sizes of the photo", smallest first."""
    return [{**file_fields(stored), "width": w, "height": h} for stored, w, h in files]


def document(stored: StoredFile, mime_type: str | None) -> JsonObject:
    result: JsonObject = {}
    if stored.file_name is not None:
        result["file_name"] = stored.file_name
    result["mime_type"] = mime_type or guess_mime(stored.file_name)
    result.update(file_fields(stored))
    return result


def file_object(stored: StoredFile, with_path: bool) -> JsonObject:
    """File (getFile): file_path only when the file can be downloaded."""
    result = file_fields(stored)
    if with_path:
        result["file_path"] = stored.path()
    return result

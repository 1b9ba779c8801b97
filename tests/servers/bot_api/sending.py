"""sendMessage, sendPhoto, sendDocument, getFile and the little they need."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from tests.servers.bot_api import objects
from tests.servers.bot_api.formatting import (
    MAX_CAPTION_LENGTH,
    MAX_TEXT_LENGTH,
    check_length,
    entity_json,
    formatted_text,
)
from tests.servers.bot_api.objects import JsonObject, StoredFile
from tests.servers.bot_api.state import BotApi, BotState, Chat, ReplyMarkup, Result
from tests.servers.bot_api.wire import (
    ApiError,
    Args,
    UploadedFile,
    bad_request,
    json_arg,
    to_bool,
    to_int,
)


def find_chat(bot: BotState, chat_id: str) -> Chat:
    """Client::check_chat: only chats the bot has seen can be written to."""
    if not chat_id:
        raise bad_request("chat_id is empty")
    chat: Chat | None = None
    if chat_id.lstrip("-").isdigit():
        chat = bot.chats.get(int(chat_id))
    elif chat_id.startswith("@"):
        wanted = chat_id[1:].lower()
        chat = next(
            (
                c
                for c in bot.chats.values()
                if c.data["type"] != "private" and str(c.data.get("username", "")).lower() == wanted
            ),
            None,
        )
    if chat is None:
        raise bad_request("chat not found")
    if chat.migrated_to is not None:
        raise ApiError(
            400,
            "Bad Request: group chat was upgraded to a supergroup chat",
            {"migrate_to_chat_id": chat.migrated_to},
        )
    return chat


def _can_write(chat: Chat) -> None:
    # TDLib's USER_IS_BLOCKED / INPUT_USER_DEACTIVATED, mapped by fail_query_with_error.
    if chat.blocked:
        raise ApiError(403, "Forbidden: bot was blocked by the user")
    if chat.deactivated:
        raise ApiError(403, "Forbidden: user is deactivated")


def _reply_target(chat: Chat, args: Args) -> JsonObject | None:
    if args.get("reply_parameters"):
        parameters = json_arg(args, "reply_parameters")
        if not isinstance(parameters, dict):
            raise bad_request("Can't parse reply parameters JSON object")
        message_id = parameters.get("message_id")
        if not isinstance(message_id, int):
            raise bad_request('Can\'t parse reply parameters: Field "message_id" must be a number')
        allow = bool(parameters.get("allow_sending_without_reply"))
    else:
        message_id = to_int(args.get("reply_to_message_id"))
        allow = to_bool(args.get("allow_sending_without_reply"))
    if message_id <= 0:
        return None
    target = chat.messages.get(message_id)
    if target is None and not allow:
        raise bad_request("message to be replied not found")
    if target is None:
        return None
    return {k: v for k, v in target.items() if k != "reply_to_message"}


def _reply_markup(args: Args) -> ReplyMarkup | None:
    """Client::get_reply_markup: a JSON-serialized ReplyKeyboardMarkup,
    InlineKeyboardMarkup, ReplyKeyboardRemove or ForceReply. Each field is
    read with TDLib's JsonObject rules: a field of the wrong JSON type is
    refused ("Field "x" must be of type Boolean"), a missing required one too
    ("Can't find field "text""), and an object that is none of the four (no
    rows, remove_keyboard false...) is no markup at all."""
    raw = args.get("reply_markup")
    if not raw:
        return None
    markup = json_arg(args, "reply_markup")
    if markup is None:
        raise bad_request("Can't parse reply keyboard markup JSON object")
    if not isinstance(markup, dict):
        raise bad_request("Object expected as reply markup")
    rows = _button_rows(markup, "keyboard", "keyboard", _keyboard_button)
    inline_rows = _button_rows(markup, "inline_keyboard", "inline keyboard", _inline_button)
    flags = {
        name: _optional_bool(markup, name)
        for name in (
            "hide_keyboard",
            "remove_keyboard",
            "personal_keyboard",
            "selective",
            "force_reply_keyboard",
            "force_reply",
        )
    }
    placeholder = _optional_string(markup, "input_field_placeholder")
    selective = flags["personal_keyboard"] or flags["selective"]
    if rows:
        return ReplyMarkup(
            "keyboard",
            rows,
            resize_keyboard=_optional_bool(markup, "resize_keyboard"),
            one_time_keyboard=_optional_bool(markup, "one_time_keyboard"),
            is_persistent=_optional_bool(markup, "is_persistent"),
            selective=selective,
            input_field_placeholder=placeholder,
        )
    if inline_rows:
        return ReplyMarkup("inline_keyboard", inline_rows)
    if flags["hide_keyboard"] or flags["remove_keyboard"]:
        return ReplyMarkup("remove_keyboard", selective=selective)
    if flags["force_reply"] or flags["force_reply_keyboard"]:
        return ReplyMarkup("force_reply", selective=selective, input_field_placeholder=placeholder)
    return None


def _button_rows(
    markup: JsonObject, key: str, what: str, parse: Any
) -> tuple[tuple[JsonObject, ...], ...]:
    if key not in markup:
        return ()
    rows = markup[key]
    if not isinstance(rows, list):
        raise bad_request(f'Field "{key}" must be of type Array')
    parsed = []
    for row in rows:
        if not isinstance(row, list):
            if key == "keyboard":
                raise bad_request('Field "keyboard" must be an Array of Arrays')
            raise bad_request(
                'Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
            )
        buttons = []
        for button in row:
            try:
                buttons.append(parse(button))
            except _FieldError as exc:
                raise bad_request(f"Can't parse {what} button: {exc}") from None
        parsed.append(tuple(buttons))
    return tuple(parsed)


class _FieldError(Exception):
    """TDLib's message for one field of a button, before the server wraps it."""


def _field_bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise _FieldError(f'Field "{name}" must be of type Boolean')
    return value


def _field_string(value: Any, name: str) -> str:
    # JsonObject::get_*_string_field takes a Number's text as well.
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return json.dumps(value)
    raise _FieldError(f'Field "{name}" must be of type String')


def _optional_bool(markup: JsonObject, name: str) -> bool:
    if name not in markup:
        return False
    try:
        return _field_bool(markup[name], name)
    except _FieldError as exc:
        raise bad_request(str(exc)) from None


def _optional_string(markup: JsonObject, name: str) -> str:
    if name not in markup:
        return ""
    try:
        return _field_string(markup[name], name)
    except _FieldError as exc:
        raise bad_request(str(exc)) from None


# KeyboardButton's optional fields, in the order Client::get_keyboard_button
# reads them; the first one set decides the button's kind.
_BOOL_REQUESTS = ("request_phone_number", "request_contact", "request_location")
_OBJECT_REQUESTS = ("request_poll", "web_app", "request_users", "request_user", "request_chat")


def _keyboard_button(button: Any) -> JsonObject:
    """KeyboardButton: a String, or an Object with a "text" and at most one request."""
    if isinstance(button, str):
        return {"text": button}
    if not isinstance(button, dict):
        raise _FieldError("KeyboardButton must be a String or an Object")
    if "text" not in button:
        raise _FieldError('Can\'t find field "text"')
    parsed: JsonObject = {"text": _field_string(button["text"], "text")}
    for name in _BOOL_REQUESTS:
        if name in button and _field_bool(button[name], name):
            # request_phone_number is TDLib's older name of request_contact.
            parsed["request_contact" if name != "request_location" else name] = True
            return parsed
    for name in _OBJECT_REQUESTS:
        if name in button:
            if not isinstance(button[name], dict):
                raise _FieldError(f'Field "{name}" must be of type Object')
            parsed[name] = copy.deepcopy(button[name])
            return parsed
    return parsed


_INLINE_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)


def _inline_button(button: Any) -> JsonObject:
    if not isinstance(button, dict):
        raise _FieldError("InlineKeyboardButton must be an Object")
    if "text" not in button:
        raise _FieldError('Can\'t find field "text"')
    _field_string(button["text"], "text")
    if not any(action in button for action in _INLINE_ACTIONS):
        raise _FieldError("Text buttons are unallowed in the inline keyboard")
    return copy.deepcopy(button)


def _outgoing(
    bot: BotState,
    chat: Chat,
    content: JsonObject,
    reply_to: JsonObject | None,
    markup: ReplyMarkup | None,
) -> JsonObject:
    message: JsonObject = {
        "message_id": chat.next_message_id(),
        "from": bot.public_user(),
        "chat": copy.deepcopy(chat.data),
        "date": objects.now(),
    }
    if reply_to is not None:
        message["reply_to_message"] = reply_to
    message.update(content)
    if markup is not None and markup.kind == "inline_keyboard":
        message["reply_markup"] = {"inline_keyboard": [list(row) for row in markup.rows]}
    chat.messages[message["message_id"]] = message
    return copy.deepcopy(message)


def _text_content(text: str, entities: list[Any], key: str) -> JsonObject:
    content: JsonObject = {key: text}
    if entities:
        content["entities" if key == "text" else "caption_entities"] = [
            entity_json(e) for e in entities
        ]
    return content


def send_message(api: BotApi, bot: BotState, args: Args) -> Result:
    if not args.get("text"):
        raise bad_request("Message text is empty")  # Client::get_input_message_text
    text, entities = formatted_text(args.get("text"), args.get("parse_mode"), args.get("entities"))
    markup = _reply_markup(args)
    chat = find_chat(bot, args.get("chat_id"))
    reply_to = _reply_target(chat, args)
    if not text:
        raise bad_request("Message must be non-empty")
    check_length(text, MAX_TEXT_LENGTH, "message is too long")
    _can_write(chat)
    message = _outgoing(bot, chat, _text_content(text, entities, "text"), reply_to, markup)
    api.record_sent(bot, "sendMessage", chat, args, message, markup)
    return message, None


@dataclass
class _Media:
    stored: StoredFile
    upload: UploadedFile | None


_PICTURE_STARTS = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM")


def _decodable_picture(data: bytes) -> bool:
    """JPEG, PNG, GIF, BMP or WebP by their first bytes: a stand-in for the
    server's image decoder."""
    return data.startswith(_PICTURE_STARTS) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def _input_file(
    api: BotApi, bot: BotState, args: Args, field_name: str, kind: str
) -> _Media | None:
    """Client::get_input_file: an uploaded part, attach://<part>, a file_id or an HTTP URL."""
    upload = args.files.get(field_name)
    value = args.get(field_name)
    if upload is None and value.startswith("attach://"):
        upload = args.files.get(value[len("attach://") :])
        if upload is None:
            return None
    if upload is not None:
        size = len(upload.data)
        if size == 0:
            raise bad_request("File must be non-empty")
        if size > api.config.max_upload_bytes:
            raise ApiError(413, "Request Entity Too Large")
        if kind == "photo" and size > api.config.max_photo_bytes:
            raise bad_request(
                f"File of size {size} bytes is too big for a photo; the maximum size "
                f"is {api.config.max_photo_bytes} bytes"
            )
        if kind == "photo" and not _decodable_picture(upload.data):
            # Not in the documentation: Telegram's answer to an uploaded photo
            # its servers can't decode, as bot libraries' trackers report it
            # (e.g. nickoala/telepot#274, TelegramBot/Api#302).
            raise bad_request("IMAGE_PROCESS_FAILED")
        return _Media(objects.new_file(kind, upload.data, None, upload.filename or None), upload)
    if not value:
        return None
    if value.startswith(("http://", "https://")):
        if value in api.failing_urls:
            raise bad_request("Failed to get HTTP URL content")
        name = unquote(urlsplit(value).path.rsplit("/", 1)[-1]) or None
        return _Media(objects.new_file(kind, value.encode(), None, name), None)
    stored = bot.files.get(value)
    if stored is None:
        raise bad_request("Wrong file identifier/HTTP URL specified")
    if (
        stored.kind != kind
    ):  # "It is not possible to change the file type when resending by file_id"
        raise bad_request(f"Can't use file of type {stored.kind.title()} as {kind.title()}")
    return _Media(stored, None)


def _caption(args: Args) -> JsonObject:
    text, entities = formatted_text(
        args.get("caption"), args.get("parse_mode"), args.get("caption_entities")
    )
    check_length(text, MAX_CAPTION_LENGTH, "message caption is too long")
    return _text_content(text, entities, "caption") if text else {}


def send_photo(api: BotApi, bot: BotState, args: Args) -> Result:
    media = _input_file(api, bot, args, "photo", "photo")
    if media is None:
        raise bad_request("There is no photo in the request")
    caption = _caption(args)
    markup = _reply_markup(args)
    chat = find_chat(bot, args.get("chat_id"))
    reply_to = _reply_target(chat, args)
    _can_write(chat)
    sizes = bot.photo_groups.get(media.stored.file_id)
    if sizes is None:
        thumbs = [
            (objects.new_file("photo", f"thumbnail {w}x{h}".encode(), None, None), w, h)
            for w, h in ((90, 51), (320, 180))
        ]
        sizes = [*thumbs, (media.stored, 1280, 720)]
        for stored, _, _ in sizes:
            api.register_file(bot, stored)
            bot.photo_groups[stored.file_id] = sizes
    content = {"photo": objects.photo_sizes(sizes), **caption}
    message = _outgoing(bot, chat, content, reply_to, markup)
    api.record_sent(bot, "sendPhoto", chat, args, message, markup)
    return message, None


def send_document(api: BotApi, bot: BotState, args: Args) -> Result:
    media = _input_file(api, bot, args, "document", "document")
    if media is None:
        raise bad_request("There is no document in the request")
    caption = _caption(args)
    markup = _reply_markup(args)
    chat = find_chat(bot, args.get("chat_id"))
    reply_to = _reply_target(chat, args)
    _can_write(chat)
    api.register_file(bot, media.stored)
    mime = None
    if media.upload is not None and media.upload.content_type != "application/octet-stream":
        mime = media.upload.content_type
    content = {"document": objects.document(media.stored, mime), **caption}
    message = _outgoing(bot, chat, content, reply_to, markup)
    api.record_sent(bot, "sendDocument", chat, args, message, markup)
    return message, None


def send_chat_action(api: BotApi, bot: BotState, args: Args) -> Result:
    if not args.get("action"):
        raise bad_request("Wrong parameter action in request")
    chat = find_chat(bot, args.get("chat_id"))
    _can_write(chat)
    return True, None


def get_chat(api: BotApi, bot: BotState, args: Args) -> Result:
    chat = find_chat(bot, args.get("chat_id"))
    return {**copy.deepcopy(chat.data), "accent_color_id": 0, "max_reaction_count": 11}, None


def get_file(api: BotApi, bot: BotState, args: Args) -> Result:
    stored = bot.files.get(args.get("file_id").strip())
    if stored is None:
        raise bad_request("Invalid file_id")
    if stored.size > api.config.max_download_bytes:
        raise bad_request("File is too big")  # Client::do_get_file
    result = objects.file_object(stored, with_path=stored.data is not None)
    if "file_path" in result:
        bot.files_by_path[result["file_path"]] = stored
    return result, None

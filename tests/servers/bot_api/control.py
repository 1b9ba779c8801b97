"""One bot, seen from the test: people who write to it, what they send, what it sent.

The ``push_*`` helpers build documented Update objects (docs: Update, Message and
the media types) as if a Telegram user had sent something, queue them for
getUpdates and return them. A typed push honours the bot's allowed_updates
like the real server, which never creates an update of a type the bot did not
ask for (such a push returns the Update without an ``update_id``);
``push_raw`` and ``push_unknown`` do not filter.
"""

from __future__ import annotations

import copy
import time
from typing import Any, Literal

from tests.servers.bot_api import objects
from tests.servers.bot_api.objects import JsonObject, StoredFile
from tests.servers.bot_api.state import (
    BY_SET_WEBHOOK,
    REVOKED,
    BotApi,
    BotState,
    Chat,
    ReplyMarkup,
    SentMessage,
    Webhook,
)

SENDER: Literal["sender"] = "sender"


class Bot:
    def __init__(self, api: BotApi, state: BotState) -> None:
        self._api = api
        self._state = state

    # ----- identity -------------------------------------------------------------------

    @property
    def token(self) -> str:
        return self._state.token

    @property
    def id(self) -> int:
        return int(self._state.user["id"])

    @property
    def username(self) -> str:
        return str(self._state.user["username"])

    @property
    def me(self) -> JsonObject:
        return copy.deepcopy(self._state.user)

    def revoke(self) -> None:
        """The token was revoked in @BotFather: every request answers 401 Unauthorized."""
        with self._api.cond:
            self._state.revoked = True
            self._api.abort_long_poll(self._state, REVOKED)

    # ----- people and chats -----------------------------------------------------------

    @staticmethod
    def user(first_name: str = "Olena", **fields: Any) -> JsonObject:
        """A User (not a bot) with a fresh id. Fields: last_name, username, language_code,
        user_id."""
        return objects.user(first_name, **fields)

    def meet(self, person: JsonObject) -> JsonObject:
        """Makes the private chat with ``person`` known, as after they pressed Start."""
        with self._api.cond:
            return copy.deepcopy(self._chat_with(person).data)

    def add_group(
        self,
        title: str,
        *,
        chat_id: int | None = None,
        username: str | None = None,
        kind: str = "group",
    ) -> JsonObject:
        """A group, supergroup or channel the bot is a member of."""
        data: JsonObject = {"id": chat_id or -(objects.new_user_id() % 10**10), "title": title}
        if username:
            data["username"] = username
        data["type"] = kind
        with self._api.cond:
            self._state.chats[data["id"]] = Chat(data)
        return copy.deepcopy(data)

    def block(self, chat_id: int) -> None:
        """The user blocked the bot: sends answer 403 "Forbidden: bot was blocked by the user"."""
        self._mark(chat_id, blocked=True)

    def unblock(self, chat_id: int) -> None:
        self._mark(chat_id, blocked=False)

    def deactivate(self, chat_id: int) -> None:
        """The user deleted their account: 403 "Forbidden: user is deactivated"."""
        self._mark(chat_id, deactivated=True)

    def migrate(self, chat_id: int, to_chat_id: int) -> None:
        """The group became a supergroup: 400 with parameters.migrate_to_chat_id."""
        self._mark(chat_id, migrated_to=to_chat_id)

    def _mark(self, chat_id: int, **state: Any) -> None:
        with self._api.cond:
            chat = self._chat(chat_id)
            for name, value in state.items():
                setattr(chat, name, value)

    def set_webhook(self, url: str) -> None:
        """Another program set a webhook: getUpdates now answers 409."""
        with self._api.cond:
            self._api.abort_long_poll(self._state, BY_SET_WEBHOOK)
            self._state.webhook = Webhook(url, 40, "", False)

    def messages(self, chat_id: int) -> list[JsonObject]:
        """Every message in the chat, both ways, oldest first (edits replace the original)."""
        with self._api.cond:
            chat = self._chat(chat_id)
            return [copy.deepcopy(chat.messages[key]) for key in sorted(chat.messages)]

    # ----- incoming updates -----------------------------------------------------------

    def push_text(
        self,
        sender: JsonObject,
        text: str,
        *,
        entities: list[JsonObject] | None = None,
        **options: Any,
    ) -> JsonObject:
        """A text message. Options for every push: ``chat`` (a Chat dict, default the
        private chat), ``reply_to`` (a Message), ``extra`` (fields merged into the
        Message, e.g. ones the docs don't list), ``age`` (seconds since it was sent)."""
        content: JsonObject = {"text": text}
        if entities:
            content["entities"] = entities
        return self._message(sender, content, **options)

    def push_start(
        self, sender: JsonObject, payload: str | None = None, **options: Any
    ) -> JsonObject:
        """``/start <payload>`` as a deep link t.me/<bot>?start=<payload> sends it."""
        text = "/start" if payload is None else f"/start {payload}"
        entity = {"offset": 0, "length": 6, "type": "bot_command"}
        return self.push_text(sender, text, entities=[entity], **options)

    def push_photo(
        self,
        sender: JsonObject,
        data: bytes | None = b"\xff\xd8\xffphoto",
        *,
        size: int | None = None,
        caption: str | None = None,
        sizes: tuple[tuple[int, int], ...] = ((90, 51), (320, 180), (1280, 720)),
        **options: Any,
    ) -> JsonObject:
        """Message.photo with several PhotoSize, smallest first; the largest holds ``data``."""
        files = []
        for index, (width, height) in enumerate(sizes):
            largest = index == len(sizes) - 1
            body = data if largest else f"thumbnail {width}x{height}".encode()
            files.append((self._file("photo", body, size if largest else None), width, height))
        with self._api.cond:
            for stored, _, _ in files:
                self._state.photo_groups[stored.file_id] = files
        return self._message(
            sender, {"photo": objects.photo_sizes(files), **_caption(caption)}, **options
        )

    def push_document(
        self,
        sender: JsonObject,
        data: bytes | None = b"%PDF-1.4 document",
        *,
        file_name: str | None = "document.pdf",
        mime_type: str | None = None,
        size: int | None = None,
        caption: str | None = None,
        **options: Any,
    ) -> JsonObject:
        stored = self._file("document", data, size, file_name)
        return self._message(
            sender,
            {"document": objects.document(stored, mime_type), **_caption(caption)},
            **options,
        )

    def push_voice(
        self,
        sender: JsonObject,
        data: bytes | None = b"OggS voice",
        *,
        duration: int = 3,
        mime_type: str = "audio/ogg",
        size: int | None = None,
        **options: Any,
    ) -> JsonObject:
        stored = self._file("voice", data, size)
        voice = {"duration": duration, "mime_type": mime_type, **objects.file_fields(stored)}
        return self._message(sender, {"voice": voice}, **options)

    def push_audio(
        self,
        sender: JsonObject,
        data: bytes | None = b"ID3 audio",
        *,
        duration: int = 180,
        performer: str | None = "Performer",
        title: str | None = "Title",
        file_name: str | None = "song.mp3",
        mime_type: str = "audio/mpeg",
        size: int | None = None,
        **options: Any,
    ) -> JsonObject:
        stored = self._file("audio", data, size, file_name)
        audio: JsonObject = {"duration": duration}
        for key, value in (("performer", performer), ("title", title), ("file_name", file_name)):
            if value is not None:
                audio[key] = value
        audio.update({"mime_type": mime_type, **objects.file_fields(stored)})
        return self._message(sender, {"audio": audio}, **options)

    def push_video(
        self,
        sender: JsonObject,
        data: bytes | None = b"\x00\x00\x00 ftypmp4 video",
        *,
        width: int = 1280,
        height: int = 720,
        duration: int = 10,
        file_name: str | None = "video.mp4",
        mime_type: str = "video/mp4",
        size: int | None = None,
        caption: str | None = None,
        **options: Any,
    ) -> JsonObject:
        stored = self._file("video", data, size, file_name)
        video: JsonObject = {"width": width, "height": height, "duration": duration}
        if file_name is not None:
            video["file_name"] = file_name
        video.update({"mime_type": mime_type, **objects.file_fields(stored)})
        return self._message(sender, {"video": video, **_caption(caption)}, **options)

    def push_video_note(
        self,
        sender: JsonObject,
        data: bytes | None = b"\x00\x00\x00 ftypmp4 note",
        *,
        length: int = 240,
        duration: int = 5,
        size: int | None = None,
        **options: Any,
    ) -> JsonObject:
        stored = self._file("video_note", data, size)
        note = {"length": length, "duration": duration, **objects.file_fields(stored)}
        return self._message(sender, {"video_note": note}, **options)

    def push_sticker(
        self,
        sender: JsonObject,
        data: bytes | None = b"RIFF WEBP sticker",
        *,
        emoji: str | None = "👍",
        set_name: str | None = None,
        is_animated: bool = False,
        is_video: bool = False,
        size: int | None = None,
        **options: Any,
    ) -> JsonObject:
        stored = self._file("sticker", data, size)
        sticker: JsonObject = {
            **objects.file_fields(stored),
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": is_animated,
            "is_video": is_video,
        }
        if emoji is not None:
            sticker["emoji"] = emoji
        if set_name is not None:
            sticker["set_name"] = set_name
        return self._message(sender, {"sticker": sticker}, **options)

    def push_location(
        self,
        sender: JsonObject,
        latitude: float = 50.4501,
        longitude: float = 30.5234,
        *,
        horizontal_accuracy: float | None = None,
        **options: Any,
    ) -> JsonObject:
        location: JsonObject = {"latitude": latitude, "longitude": longitude}
        if horizontal_accuracy is not None:
            location["horizontal_accuracy"] = horizontal_accuracy
        return self._message(sender, {"location": location}, **options)

    def push_contact(
        self,
        sender: JsonObject,
        phone_number: str,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        user_id: int | Literal["sender"] | None = SENDER,
        vcard: str | None = None,
        **options: Any,
    ) -> JsonObject:
        """Message.contact. ``user_id`` defaults to the sender's own id (they shared their
        own number, e.g. through a request_contact button); pass another id for someone
        else's contact, or None for a contact that is not a Telegram user."""
        contact: JsonObject = {
            "phone_number": phone_number,
            "first_name": first_name or sender["first_name"],
        }
        if last_name is not None:
            contact["last_name"] = last_name
        resolved = sender["id"] if user_id == SENDER else user_id
        if resolved is not None:
            contact["user_id"] = resolved
        if vcard is not None:
            contact["vcard"] = vcard
        return self._message(sender, {"contact": contact}, **options)

    def press(
        self, sender: JsonObject, text: str, *, phone_number: str | None = None, **options: Any
    ) -> JsonObject:
        """The user presses a button of the reply keyboard shown in their private
        chat (the last one the bot sent and did not remove). A plain button sends
        its text; a request_contact one, once the user agreed, their own contact
        (``phone_number``: theirs; the docs: "the user's phone number will be sent
        as a contact"). A button that is not on screen is a mistake of the test."""
        with self._api.cond:
            keyboard = self._chat_with(sender).keyboard
            buttons = keyboard.buttons() if keyboard is not None else []
        button = next((b for b in buttons if b["text"] == text), None)
        if button is None:
            shown = [b["text"] for b in buttons]
            raise LookupError(f"no button {text!r} on {sender['first_name']}'s screen: {shown}")
        if button.get("request_contact"):
            if phone_number is None:
                raise ValueError("a request_contact button shares a phone number: give it")
            return self.push_contact(
                sender,
                phone_number,
                first_name=sender["first_name"],
                last_name=sender.get("last_name"),
                **options,
            )
        if any(key.startswith("request_") or key == "web_app" for key in button):
            raise NotImplementedError(f"pressing a {sorted(button)} button is not modelled")
        return self.push_text(sender, text, **options)

    def keyboard(self, chat_id: int) -> ReplyMarkup | None:
        """The reply keyboard the user's app shows in the chat: the last one the
        bot sent, until a ReplyKeyboardRemove took it away."""
        with self._api.cond:
            return self._chat(chat_id).keyboard

    def push_edited(
        self,
        message: JsonObject,
        *,
        text: str | None = None,
        caption: str | None = None,
        entities: list[JsonObject] | None = None,
        age: float = 0.0,
    ) -> JsonObject:
        """edited_message: the same message_id with new content and an edit_date."""
        edited = copy.deepcopy(message)
        edited.pop("entities", None)
        if text is not None:
            edited["text"] = text
        if caption is not None:
            edited["caption"] = caption
        if entities:
            edited["entities"] = entities
        edited["edit_date"] = objects.now() - int(age)
        with self._api.cond:
            chat = self._chat(edited["chat"]["id"])
            chat.messages[edited["message_id"]] = copy.deepcopy(edited)
            return self._queue("edited_message", {"edited_message": edited}, age, filtered=True)

    def push_unknown(
        self, update_type: str = "future_update", payload: JsonObject | None = None
    ) -> JsonObject:
        """An update of a type the docs don't list, with fields nobody knows."""
        body = payload if payload is not None else {"id": "x1", "novel_field": {"depth": [1, 2]}}
        with self._api.cond:
            return self._queue(update_type, {update_type: body}, 0.0, filtered=False)

    def push_raw(self, update: JsonObject, *, filtered: bool = False) -> JsonObject:
        """Any dict as an Update; its update_id is replaced by the next one."""
        body = {k: v for k, v in update.items() if k != "update_id"}
        kind = next(iter(body), "unknown")
        with self._api.cond:
            return self._queue(kind, body, 0.0, filtered=filtered)

    def add_file(
        self,
        data: bytes | None = None,
        *,
        kind: str = "document",
        size: int | None = None,
        file_name: str | None = None,
    ) -> JsonObject:
        """A file the bot can getFile: {file_id, file_unique_id, file_size}. Give ``size``
        without ``data`` for a large file without holding its bytes."""
        return objects.file_fields(self._file(kind, data, size, file_name))

    # ----- what happened --------------------------------------------------------------

    @property
    def dropped(self) -> list[JsonObject]:
        """Typed pushes that allowed_updates filtered out, as the real server never made them."""
        with self._api.cond:
            return copy.deepcopy(self._state.dropped)

    @property
    def sent(self) -> list[SentMessage]:
        with self._api.cond:
            return [s for s in self._api.sent if s.token == self.token]

    def pending(self) -> list[JsonObject]:
        """Updates not yet confirmed and not expired, oldest first."""
        with self._api.cond:
            return [event.as_update() for event in self._state.queue.pending()]

    @property
    def delivered_update_ids(self) -> list[int]:
        """Every update_id getUpdates answered with, in order, repeats included."""
        with self._api.cond:
            return list(self._state.delivered)

    @property
    def allowed_updates(self) -> frozenset[str]:
        with self._api.cond:
            return self._state.allowed

    @property
    def webhook_url(self) -> str:
        with self._api.cond:
            return self._state.webhook.url if self._state.webhook else ""

    @property
    def is_polling(self) -> bool:
        """A getUpdates long poll is waiting right now."""
        with self._api.cond:
            return self._state.long_poll is not None

    def wait_until_polling(self, timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        with self._api.cond:
            while self._state.long_poll is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(
                        f"no getUpdates long poll for {self.username} in {timeout} s"
                    )
                self._api.cond.wait(left)

    # ----- internals ------------------------------------------------------------------

    def _chat(self, chat_id: int) -> Chat:
        chat = self._state.chats.get(chat_id)
        if chat is None:
            raise KeyError(f"bot {self.username} has no chat {chat_id}")
        return chat

    def _chat_with(self, person: JsonObject) -> Chat:
        chat = self._state.chats.get(person["id"])
        if chat is None:
            chat = self._state.chats[person["id"]] = Chat(objects.private_chat(person))
        return chat

    def _file(
        self, kind: str, data: bytes | None, size: int | None, file_name: str | None = None
    ) -> StoredFile:
        stored = objects.new_file(kind, data, size, file_name)
        with self._api.cond:
            return self._api.register_file(self._state, stored)

    def _message(
        self,
        sender: JsonObject,
        content: JsonObject,
        *,
        chat: JsonObject | None = None,
        reply_to: JsonObject | None = None,
        extra: JsonObject | None = None,
        age: float = 0.0,
    ) -> JsonObject:
        with self._api.cond:
            target = self._chat_with(sender) if chat is None else self._chat(chat["id"])
            message: JsonObject = {
                "message_id": target.next_message_id(),
                "from": copy.deepcopy(sender),
                "chat": copy.deepcopy(target.data),
                "date": objects.now() - int(age),
            }
            if reply_to is not None:
                message["reply_to_message"] = {
                    k: v for k, v in reply_to.items() if k != "reply_to_message"
                }
            message.update(copy.deepcopy(content))
            message.update(copy.deepcopy(extra or {}))
            target.messages[message["message_id"]] = copy.deepcopy(message)
            kind = "message" if target.data["type"] != "channel" else "channel_post"
            return self._queue(kind, {kind: message}, age, filtered=True)

    def _queue(self, kind: str, body: JsonObject, age: float, *, filtered: bool) -> JsonObject:
        if filtered and kind not in self._state.allowed:
            self._state.dropped.append(copy.deepcopy(body))
            return copy.deepcopy(body)
        event = self._state.queue.push(kind, body, self._api.config.update_ttl - age)
        self._api.cond.notify_all()
        return event.as_update()


def _caption(caption: str | None) -> JsonObject:
    return {"caption": caption} if caption else {}

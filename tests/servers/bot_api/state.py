"""What the server knows: bots, chats, files, pending updates, what was asked and sent.

Everything here runs under one lock (``BotApi.cond``): the real server handles
one bot's requests one at a time on its actor, so a test never sees a half-done
state. Long polls wait on the same condition.
"""

from __future__ import annotations

import copy
import itertools
import json
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from tests.servers.bot_api.objects import JsonObject, StoredFile
from tests.servers.bot_api.wire import (
    MAX_DOWNLOAD_BYTES,
    MAX_PHOTO_UPLOAD_BYTES,
    MAX_UPLOAD_BYTES,
    ApiError,
    Args,
    UploadedFile,
)

# Update's optional fields, in the docs' order (Bot API 8.0).
UPDATE_TYPES = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_connection",
    "business_message",
    "edited_business_message",
    "deleted_business_messages",
    "message_reaction",
    "message_reaction_count",
    "inline_query",
    "chosen_inline_result",
    "callback_query",
    "shipping_query",
    "pre_checkout_query",
    "purchased_paid_media",
    "poll",
    "poll_answer",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "chat_boost",
    "removed_chat_boost",
)
# getUpdates.allowed_updates: "Specify an empty list to receive all update types
# except chat_member, message_reaction, and message_reaction_count (default)."
DEFAULT_ALLOWED = frozenset(UPDATE_TYPES) - {
    "chat_member",
    "message_reaction",
    "message_reaction_count",
}

OTHER_GETUPDATES = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
    "is running"
)
WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)
BY_SET_WEBHOOK = "Conflict: terminated by setWebhook request"
REVOKED = "Unauthorized"
LONG_POLL_MAX_TIMEOUT = 50  # Client.h
LONG_POLL_WAIT_AFTER = 0.002  # after an update wakes a poll, wait this long for more...
LONG_POLL_MAX_DELAY = 0.01  # ...but no longer than this in all


@dataclass
class Config:
    """Knobs. The defaults are the real server's values."""

    flavour: Literal["local", "public"] = (
        "local"  # error texts of telegram-bot-api or api.telegram.org
    )
    update_ttl: float = 86400.0  # "they will not be kept longer than 24 hours"
    conflict_interval: float = (
        3.0  # one 409 per 3 s per bot; later ones wait 3 s (fail_query_conflict)
    )
    repeat_poll_window: float = 3.0  # same offset again within 3 s with timeout < 3: timeout is 3
    set_webhook_interval: float = 1.0  # a new webhook URL at most once a second, else 429
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    max_photo_bytes: int = MAX_PHOTO_UPLOAD_BYTES
    max_download_bytes: int = MAX_DOWNLOAD_BYTES
    first_update_id: int | None = None  # None: random, as TQueue chooses it


@dataclass
class QueuedUpdate:
    update_id: int
    kind: str
    body: JsonObject  # the Update without update_id
    expires_at: float

    def as_update(self) -> JsonObject:
        return {"update_id": self.update_id, **copy.deepcopy(self.body)}


class UpdateQueue:
    """The bot's TQueue: ids increase by one; getUpdates confirms by offset."""

    def __init__(self, first_id: int) -> None:
        self.first_id = first_id
        self.tail = 0  # id the next update gets; 0 until the first update exists
        self.events: deque[QueuedUpdate] = deque()

    def push(self, kind: str, body: JsonObject, ttl: float) -> QueuedUpdate:
        if self.tail == 0:
            self.tail = self.first_id
        event = QueuedUpdate(self.tail, kind, copy.deepcopy(body), time.monotonic() + ttl)
        self.tail += 1
        self.events.append(event)
        return event

    def head(self) -> int:
        return self.events[0].update_id if self.events else self.tail

    def _start(self, offset: int) -> int:
        """Client::do_get_updates + TQueueImpl::get: where the answer starts."""
        head = self.head()
        if offset <= 0:
            if offset < 0:
                offset += self.tail  # "-offset update from the end of the updates queue"
            offset = max(offset, head)
        if offset > self.tail + 10 or offset < self.tail - 2_000_000:
            offset = (
                head  # TQueue refuses an id in the future or far past; the server retries from head
            )
        return offset

    def take(self, offset: int, limit: int) -> list[QueuedUpdate]:
        """Forgets everything before the start ("confirmed") and what expired."""
        if self.tail == 0:
            return []
        start = self._start(offset)
        now = time.monotonic()
        while self.events and self.events[0].update_id < start:
            self.events.popleft()
        if any(e.expires_at < now for e in self.events):
            self.events = deque(e for e in self.events if e.expires_at >= now)
        return list(itertools.islice(self.events, limit))

    def ready(self, offset: int) -> bool:
        if self.tail == 0:
            return False
        start = self._start(offset)
        now = time.monotonic()
        return any(e.update_id >= start and e.expires_at >= now for e in self.events)

    def pending(self) -> list[QueuedUpdate]:
        now = time.monotonic()
        return [e for e in self.events if e.expires_at >= now]

    def clear(self) -> None:
        self.events.clear()


@dataclass(frozen=True)
class ReplyMarkup:
    """A send's ``reply_markup`` as the server understood it (Client::get_reply_markup):
    one of ReplyKeyboardMarkup ("keyboard"), InlineKeyboardMarkup ("inline_keyboard"),
    ReplyKeyboardRemove ("remove_keyboard") or ForceReply ("force_reply")."""

    kind: Literal["keyboard", "inline_keyboard", "remove_keyboard", "force_reply"]
    # The buttons, row by row; a reply keyboard's string button is {"text": ...}.
    rows: tuple[tuple[JsonObject, ...], ...] = ()
    resize_keyboard: bool = False
    one_time_keyboard: bool = False
    is_persistent: bool = False
    selective: bool = False
    input_field_placeholder: str = ""

    def buttons(self) -> list[JsonObject]:
        return [copy.deepcopy(button) for row in self.rows for button in row]


@dataclass
class Chat:
    data: JsonObject
    messages: dict[int, JsonObject] = field(default_factory=dict)
    last_message_id: int = 0
    blocked: bool = False
    deactivated: bool = False
    migrated_to: int | None = None
    # The reply keyboard the user's app shows in this chat: the last one the
    # bot sent, until a ReplyKeyboardRemove (or another keyboard) replaces it.
    keyboard: ReplyMarkup | None = None

    def next_message_id(self) -> int:
        self.last_message_id += 1
        return self.last_message_id


@dataclass
class Webhook:
    url: str
    max_connections: int
    ip_address: str
    has_custom_certificate: bool


@dataclass
class LongPoll:
    aborted_by: str | None = None


@dataclass
class BotState:
    token: str
    user: JsonObject  # getMe
    queue: UpdateQueue
    chats: dict[int, Chat] = field(default_factory=dict)
    files: dict[str, StoredFile] = field(default_factory=dict)
    files_by_path: dict[str, StoredFile] = field(default_factory=dict)
    photo_groups: dict[str, list[tuple[StoredFile, int, int]]] = field(default_factory=dict)
    allowed: frozenset[str] = DEFAULT_ALLOWED
    webhook: Webhook | None = None
    long_poll: LongPoll | None = None
    revoked: bool = False
    next_conflict_at: float = 0.0
    next_webhook_at: float = 0.0
    previous_offset: int = -1
    previous_poll_at: float = 0.0
    delivered: list[int] = field(default_factory=list)
    dropped: list[JsonObject] = field(default_factory=list)

    def public_user(self) -> JsonObject:
        keys = ("id", "is_bot", "first_name", "last_name", "username")
        return {k: self.user[k] for k in keys if k in self.user}


@dataclass
class RecordedRequest:
    token: str
    method: str  # as the client wrote it
    http_method: str
    params: dict[str, str]
    files: dict[str, UploadedFile]
    at: float
    fault: str | None = None
    status: int | None = None  # None until answered (or when the answer never left)

    @property
    def name(self) -> str:
        return self.method.lower()


@dataclass(frozen=True)
class SentMessage:
    """An accepted send: what the client asked for and the Message it got."""

    token: str
    method: str
    chat_id: int
    params: dict[str, str]
    files: dict[str, UploadedFile]
    message: JsonObject
    reply_markup: ReplyMarkup | None = None

    @property
    def text(self) -> str | None:
        return self.message.get("text")


Result = tuple[Any, str | None]  # result and the optional 'description' of a successful answer
Method = Callable[["BotApi", BotState, Args], Result]


class BotApi:
    """The bots and their methods, without HTTP."""

    def __init__(self, config: Config, methods: dict[str, Method]) -> None:
        self.config = config
        self.methods = methods
        self.cond = threading.Condition(threading.RLock())
        self.bots: dict[str, BotState] = {}
        self.sent: list[SentMessage] = []
        self.requests: list[RecordedRequest] = []
        self.failing_urls: set[str] = set()
        self.stopping = threading.Event()

    # ----- tokens --------------------------------------------------------------------

    def authorize(self, token: str) -> BotState:
        """ClientManager::send's token checks, then the login that fails for a bad token."""
        public = self.config.flavour == "public"
        bot_id, colon, _ = token.partition(":")
        if not token or token[0] == "0" or len(token) > 80 or "/" in token or not colon:
            raise (
                ApiError(404, "Not Found")
                if public
                else ApiError(401, "Unauthorized: invalid token specified")
            )
        if not bot_id.isdigit():
            raise (
                ApiError(404, "Not Found")
                if public
                else ApiError(421, "Misdirected Request: unallowed token specified")
            )
        if not 0 < int(bot_id) < 1 << 54:
            raise ApiError(401, "Unauthorized: invalid token specified")
        bot = self.bots.get(token)
        if bot is None or bot.revoked:
            raise ApiError(401, "Unauthorized")  # Client.h LOGGING_OUT_ERROR_DESCRIPTION
        return bot

    def call(self, token: str, method: str, args: Args) -> Result:
        name = method.lower()  # "All methods in the Bot API are case-insensitive."
        with self.cond:
            bot = self.authorize(token)
            handler = self.methods.get(name)
        if handler is None:
            raise ApiError(
                404,
                "Not Found" if self.config.flavour == "public" else "Not Found: method not found",
            )
        if name == "getupdates":
            return handler(self, bot, args)  # takes the lock itself: it waits
        with self.cond:
            return handler(self, bot, args)

    def download(self, token: str, file_path: str) -> bytes:
        with self.cond:
            bot = self.bots.get(token)
            stored = bot.files_by_path.get(file_path) if bot and not bot.revoked else None
            if stored is None or stored.data is None:
                raise ApiError(404, "Not Found")
            return stored.data

    # ----- helpers for methods ------------------------------------------------------

    def conflict(self, bot: BotState, text: str) -> ApiError:
        """Client::fail_query_conflict: one 409 at once, the next ones 3 s late."""
        with self.cond:
            now = time.monotonic()
            if now >= bot.next_conflict_at:
                bot.next_conflict_at = now + self.config.conflict_interval
                delay = 0.0
            else:
                delay = self.config.conflict_interval
        if delay:
            self.stopping.wait(delay)
        return ApiError(409, text)

    def abort_long_poll(self, bot: BotState, reason: str) -> None:
        if bot.long_poll is not None:
            bot.long_poll.aborted_by = reason
            bot.long_poll = None
            self.cond.notify_all()

    def record_sent(
        self,
        bot: BotState,
        method: str,
        chat: Chat,
        args: Args,
        message: JsonObject,
        markup: ReplyMarkup | None = None,
    ) -> None:
        files = {name: args.files[name] for name in args.files}
        if markup is not None and markup.kind == "keyboard":
            chat.keyboard = markup
        elif markup is not None and markup.kind == "remove_keyboard":
            chat.keyboard = None
        self.sent.append(
            SentMessage(
                bot.token,
                method,
                chat.data["id"],
                dict(args.values),
                files,
                copy.deepcopy(message),
                markup,
            )
        )
        self.cond.notify_all()

    def register_file(self, bot: BotState, stored: StoredFile) -> StoredFile:
        if stored.data is None and stored.size <= self.config.max_download_bytes:
            stored.data = bytes(stored.size)
        bot.files[stored.file_id] = stored
        return stored


def allowed_update_types(raw: str) -> frozenset[str] | None:
    """Client::get_allowed_update_types: None leaves the previous setting."""
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return None
    chosen = frozenset(item.lower() for item in value) & frozenset(UPDATE_TYPES)
    return chosen or DEFAULT_ALLOWED


def new_token(bot_id: int) -> str:
    return f"{bot_id}:AA{secrets.token_urlsafe(26)[:33]}"

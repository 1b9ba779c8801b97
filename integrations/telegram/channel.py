"""A Telegram bot as a channel: long polling on its own thread, sending on the
host's sender thread.

Reading: ``getUpdates`` with an explicit ``allowed_updates``; files fetched with
``getFile`` before the batch is handed over; the batch delivered to the inbound
writer; the next request's ``offset`` (which is what confirms updates to
Telegram) moves past the batch only once the writer says it is committed. So a
crash anywhere before the commit makes Telegram deliver the batch again, and
the inbox's unique keys store it once. The offset is also stored with the
batch, for the next start.

Trouble is a status, never a hot loop: 401 (the token was revoked) waits for
new settings; 409 (a webhook is set, or another program polls this bot: a token
has one reader) says which and retries slowly; 429 waits what Telegram asked;
5xx, timeouts and a network that is down back off with jitter and resume by
themselves.
"""

from __future__ import annotations

import logging
import random
import shutil
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import requests

from app.enums import SendFailure
from app.inbox import Cursor, InboundFile, InboundMessage
from app.models import Channel as ChannelKind
from app.templates import split_message, utf16_length
from integrations.base import (
    AccountSettings,
    ChannelState,
    ChannelStatus,
    Conflict,
    Inbound,
    OutboundMessage,
    SendResult,
)
from integrations.telegram.api import (
    DEFAULT_SERVER,
    BadSetting,
    BotApi,
    BotApiError,
    BotApiUnreachable,
)
from integrations.telegram.updates import (
    ALLOWED_UPDATES,
    MappedMessage,
    Membership,
    map_update,
    update_id,
)

log = logging.getLogger(__name__)

POLL_TIMEOUT_S = 25  # long polling: Telegram holds the request this long when idle
MESSAGE_LIMIT = 4096  # characters after entity parsing, as Telegram counts (UTF-16)
CAPTION_LIMIT = 1024
DOWNLOAD_LIMIT = 20 * 1024 * 1024  # getFile: bots can download files up to 20 MB
UPLOAD_LIMIT = 50 * 1024 * 1024  # sendDocument: up to 50 MB
PHOTO_UPLOAD_LIMIT = 10 * 1024 * 1024  # sendPhoto: up to 10 MB; larger goes as a document
PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
BACKOFF_FIRST_S = 1.0
BACKOFF_MAX_S = 60.0
CONFLICT_RETRY_S = 30.0
AUTH_RETRY_S = 300.0

# Refusals that mean "this chat can't be written to" (Bot API error texts).
_POLICY = (
    "blocked by the user",
    "chat not found",
    "user is deactivated",
    "bot was kicked",
    "not enough rights",
    "have no rights",
    "can't initiate conversation",
    "PEER_ID_INVALID",
)


def _account_label(settings: AccountSettings) -> str:
    return settings.label or f"Telegram #{settings.account_id}"


class TelegramChannel:
    kind: ClassVar[str] = ChannelKind.TELEGRAM.value

    def __init__(
        self,
        settings: AccountSettings,
        session_factory: Callable[[], requests.Session] = requests.Session,
        sleep: Callable[[float], bool] | None = None,
        poll_timeout_s: int = POLL_TIMEOUT_S,
    ) -> None:
        self.account_id = settings.account_id
        self.label = _account_label(settings)
        self.poll_timeout_s = poll_timeout_s
        self._settings = settings
        self._session_factory = session_factory
        self._stopping = threading.Event()
        self._wait = sleep or self._stopping.wait  # returns True when stopping
        self._thread: threading.Thread | None = None
        self._status = ChannelStatus(self.account_id, self.kind, self.label, ChannelState.STARTING)
        self._inbound: Inbound | None = None
        self._api: BotApi | None = None
        self._send_api: BotApi | None = None
        self._problem = ""
        try:
            server = str(settings.config.get("server") or DEFAULT_SERVER)
            token = settings.secret or ""
            if not token:
                raise BadSetting("No bot token is saved for this bot; enter it in Settings.")
            self._api = BotApi(server, token, session_factory())
            # Its own connection: a send must not queue behind a 25 s long poll.
            self._send_api = BotApi(server, token, session_factory())
        except BadSetting as exc:
            self._problem = str(exc)

    # --- the Channel protocol ------------------------------------------------------

    @property
    def status(self) -> ChannelStatus:
        return self._status

    def start(self, inbound: Inbound) -> None:
        self._inbound = inbound
        if self._problem:
            self._report(ChannelState.MISCONFIGURED, self._problem)
            return
        self._thread = threading.Thread(
            target=self._run, name=f"telegram-{self.account_id}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        # The long poll may still be waiting for Telegram: what it brings is thrown
        # away (the offset is not advanced for it), so there is no need to wait.
        if self._thread is not None:
            self._thread.join(timeout=2)
        for api in (self._api, self._send_api):
            if api is not None:
                api.close()
        self._report(ChannelState.STOPPED)

    # --- reading -------------------------------------------------------------------

    def _run(self) -> None:
        assert self._inbound is not None and self._api is not None
        stored = self._inbound.cursor("offset")
        offset = int(stored) if stored and stored.lstrip("-").isdigit() else None
        delay = BACKOFF_FIRST_S
        while not self._stopping.is_set():
            try:
                if self._status.state is not ChannelState.CONNECTED:
                    self._api.call("getMe")
                    self._report(ChannelState.CONNECTED)
                updates = self._api.call(
                    "getUpdates",
                    {
                        "offset": offset,
                        "timeout": self.poll_timeout_s,
                        "allowed_updates": ALLOWED_UPDATES,
                    },
                    read_timeout=self.poll_timeout_s + 15,
                )
                if not isinstance(updates, list):
                    raise BotApiUnreachable("getUpdates did not answer a list")
                if updates:
                    offset = self._take(updates, offset)
                delay = BACKOFF_FIRST_S
            except BotApiError as exc:
                if self._refused(exc):
                    return
                delay = min(delay * 2, BACKOFF_MAX_S)
            except BotApiUnreachable as exc:
                self._report(ChannelState.NOT_REACHABLE, str(exc))
                if self._wait(delay * random.uniform(0.5, 1.5)):
                    return
                delay = min(delay * 2, BACKOFF_MAX_S)
            except _Stopped:
                return
            except Exception:  # a bug of ours: the channel goes on after a pause
                log.exception("telegram %s: polling failed", self.account_id)
                self._report(ChannelState.NOT_REACHABLE, "internal error; retrying")
                if self._wait(delay):
                    return
                delay = min(delay * 2, BACKOFF_MAX_S)

    def _refused(self, exc: BotApiError) -> bool:
        """Waits as the refusal asks; True when the channel is stopping."""
        if exc.code == 401:
            self._report(ChannelState.AUTH_FAILED, exc.description)
            return self._wait(AUTH_RETRY_S)
        if exc.code == 409:
            conflict, detail = self._conflict_reason(exc.description)
            self._report(ChannelState.CONFLICT, detail, conflict=conflict)
            return self._wait(CONFLICT_RETRY_S * random.uniform(0.8, 1.2))
        if exc.code == 429:
            wait = exc.retry_after if exc.retry_after is not None else BACKOFF_MAX_S
            until = datetime.now(UTC) + timedelta(seconds=wait)
            self._report(ChannelState.RATE_LIMITED, exc.description, until)
            return self._wait(wait)
        self._report(ChannelState.NOT_REACHABLE, exc.description)
        return self._wait(BACKOFF_FIRST_S * random.uniform(1, 4) if exc.code >= 500 else 10.0)

    def _conflict_reason(self, description: str) -> tuple[Conflict, str]:
        """Which conflict the 409 is (getWebhookInfo tells a webhook from a
        second reader), with the words for the status."""
        assert self._api is not None
        try:
            info = self._api.call("getWebhookInfo")
        except (BotApiError, BotApiUnreachable):
            # Telegram's own words name a webhook ("can't use getUpdates method
            # while webhook is active") when that is the cause.
            webhook = "webhook" in description.lower()
            return (Conflict.WEBHOOK if webhook else Conflict.OTHER_READER), description
        url = info.get("url") if isinstance(info, dict) else None
        if isinstance(url, str) and url:
            return (
                Conflict.WEBHOOK,
                f"A webhook is set for this bot ({url}); remove it in Settings to read here.",
            )
        return (
            Conflict.OTHER_READER,
            "Another program reads this bot (a bot token has one reader): " + description,
        )

    def _take(self, updates: list[Any], offset: int | None) -> int | None:
        """Maps, downloads and delivers one batch; the next offset once committed."""
        assert self._inbound is not None
        ids = [i for i in (update_id(u) for u in updates) if i is not None]
        if not ids:
            return offset
        next_offset = max(ids) + 1
        scratch = Path(tempfile.mkdtemp(prefix="telegram-", dir=self._inbound.scratch_dir()))
        try:
            batch: list[InboundMessage] = []
            memberships: list[Membership] = []
            for update in updates:
                mapped = map_update(update)
                if isinstance(mapped, MappedMessage):
                    batch.append(self._message(mapped, update_id(update), scratch))
                elif isinstance(mapped, Membership):
                    memberships.append(mapped)
                if self._stopping.is_set():
                    raise _Stopped
            cursor = Cursor(self.account_id, "offset", str(next_offset))
            # After the batch's messages: a user who wrote and then blocked the bot
            # ends blocked (a message alone would say the chat is writable). The
            # offset is stored after both: stored with the messages, a crash before
            # the block was written would start the next run past it.
            # The offset only once all of it is committed: a job that failed (a
            # bug, a lost race) must not let the offset move past it.
            pending: list[Future[Any]] = [
                self._inbound.deliver(batch, None if memberships else cursor)
            ]
            pending += [self._membership(change) for change in memberships]
            for done in pending:
                self._committed(done)
            if memberships:
                self._committed(self._inbound.deliver([], cursor))
            return next_offset
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def _committed(self, done: Future[Any]) -> None:
        """Waits for a writer job; its failure is raised (the batch is read again)."""
        while True:
            if self._stopping.is_set():
                raise _Stopped
            try:
                done.result(timeout=0.5)
                return
            except TimeoutError:
                continue

    def _message(self, mapped: MappedMessage, update: int | None, scratch: Path) -> InboundMessage:
        number = mapped.message_id or f"u{update}"
        files = tuple(self._fetch(ref, scratch) for ref in mapped.files)
        reply_to = (
            f"{self.account_id}:{mapped.chat_id}:{mapped.reply_to_message_id}"
            if mapped.reply_to_message_id
            else None
        )
        return InboundMessage(
            account_id=self.account_id,
            channel=ChannelKind.TELEGRAM,
            external_id=f"{self.account_id}:{mapped.chat_id}:{number}",
            identity=mapped.chat_id,
            sent_at=mapped.sent_at,
            text=mapped.text,
            kind=mapped.kind,
            sender_title=mapped.sender_title,
            sender_username=mapped.sender_username,
            reply_to_external_id=reply_to,
            files=files,
            edited_at=mapped.edited_at,
            contact=mapped.contact,
            start_payload=mapped.start_payload,
            meta=mapped.meta,
        )

    def _fetch(self, ref: Any, scratch: Path) -> InboundFile:
        assert self._api is not None
        base = InboundFile(kind=ref.kind, filename=ref.filename, mime=ref.mime, size=ref.size)
        if ref.size is not None and ref.size > DOWNLOAD_LIMIT:
            return _unavailable(
                base, f"larger than {DOWNLOAD_LIMIT // (1024 * 1024)} MB, which bots can't download"
            )
        try:
            info = self._api.call("getFile", {"file_id": ref.file_id})
            path = info.get("file_path") if isinstance(info, dict) else None
            if not isinstance(path, str) or not path:
                return _unavailable(base, "Telegram gave no file path")
            target = scratch / f"{len(list(scratch.iterdir()))}.part"
            size = self._api.download(path, target, DOWNLOAD_LIMIT)
        except BotApiError as exc:
            if exc.code == 429 or exc.code >= 500:
                # For now only: not stored without the file, the batch is read again.
                raise BotApiUnreachable(exc.description, maybe_delivered=False) from None
            return _unavailable(base, exc.description)
        except BotApiUnreachable:
            raise  # not stored without the file: the batch is read again later
        return InboundFile(
            kind=ref.kind, filename=ref.filename, mime=ref.mime, size=size, path=target
        )

    def _membership(self, change: Membership) -> Future[object]:
        """The user blocked the bot ("kicked") or started it again: the composer
        says so before the operator types."""
        assert self._inbound is not None
        reason = "" if change.can_write else "the user blocked the bot"
        return self._inbound.writable(change.chat_id, change.can_write, reason)

    # --- sending ---------------------------------------------------------------------

    def send(self, message: OutboundMessage) -> SendResult:
        if self._send_api is None:
            return SendResult.failed(SendFailure.AUTH, self._problem)
        for file in message.files:
            if file.size > UPLOAD_LIMIT:  # before any part goes: never half a message
                return SendResult.failed(
                    SendFailure.TOO_LARGE,
                    f"{file.filename} is larger than 50 MB, which bots can't send",
                )
        chunks = (
            split_message(message.text, MESSAGE_LIMIT, length=utf16_length) if message.text else []
        )
        sent: list[str] = []
        part = 0
        # A keyboard goes with the last part: it shows under the last message.
        last = len(chunks) + len(message.files) - 1
        markup = _reply_markup(message)
        try:
            for chunk in chunks:
                if part >= message.parts_sent:
                    params: dict[str, Any] = {"chat_id": message.identity, "text": chunk}
                    reply = self._reply_parameters(message) if part == 0 else None
                    if reply:
                        params["reply_parameters"] = reply
                    if part == last and markup is not None:
                        params["reply_markup"] = markup
                    result = self._send_api.call("sendMessage", params)
                    sent.append(str(_message_id(result)))
                part += 1
            for file in message.files:
                if part >= message.parts_sent:
                    sent.append(self._send_file(message, file, markup if part == last else None))
                part += 1
        except BotApiError as exc:
            # A 5xx may come for a request the server carried out (the self-hosted
            # server's "restart" for requests in flight): "may not have been sent".
            return SendResult.failed(
                _failure_of(exc),
                exc.description,
                exc.retry_after,
                platform_ids=sent,
                maybe_delivered=exc.code >= 500,
            )
        except BotApiUnreachable as exc:
            return SendResult.failed(
                SendFailure.NOT_REACHABLE,
                str(exc),
                platform_ids=sent,
                maybe_delivered=exc.maybe_delivered,
            )
        return SendResult.sent(sent)

    def _send_file(
        self, message: OutboundMessage, file: Any, markup: dict[str, Any] | None = None
    ) -> str:
        assert self._send_api is not None
        if file.size > UPLOAD_LIMIT:
            raise BotApiError(413, f"{file.filename} is larger than 50 MB, which bots can't send")
        # The formats Telegram's apps show as a photo (a GIF is an animation;
        # BMP, TIFF and HEIC arrive better as the file itself). The core has
        # checked that a file typed as one of them is one by its first bytes.
        as_photo = file.mime in PHOTO_TYPES and file.size <= PHOTO_UPLOAD_LIMIT
        method, field = ("sendPhoto", "photo") if as_photo else ("sendDocument", "document")
        params: dict[str, Any] = {"chat_id": message.identity}
        if markup is not None:
            params["reply_markup"] = markup  # JSON-encoded by the client, as a form field
        with file.path.open("rb") as data:
            result = self._send_api.call(
                method,
                params,
                files={field: (file.filename, data, file.mime or "application/octet-stream")},
                read_timeout=120,
            )
        return str(_message_id(result))

    @staticmethod
    def _reply_parameters(message: OutboundMessage) -> dict[str, Any] | None:
        if not message.reply_to_external_id:
            return None
        number = message.reply_to_external_id.rsplit(":", 1)[-1]
        if not number.isdigit():
            return None
        # A reply to a message that is gone is sent as a plain message.
        return {"message_id": int(number), "allow_sending_without_reply": True}

    # --- status ------------------------------------------------------------------------

    def _report(
        self,
        state: ChannelState,
        detail: str = "",
        until: datetime | None = None,
        conflict: Conflict | None = None,
    ) -> None:
        status = ChannelStatus(
            self.account_id, self.kind, self.label, state, detail, until, conflict=conflict
        )
        if status == self._status:
            return
        self._status = status
        if state is not ChannelState.CONNECTED:
            log.warning("telegram %s: %s %s", self.account_id, state.value, detail[:200])
        if self._inbound is not None:
            self._inbound.report(status)


class _Stopped(Exception):
    """The channel was stopped in the middle of a batch: nothing acknowledged."""


def _unavailable(file: InboundFile, reason: str) -> InboundFile:
    return InboundFile(
        kind=file.kind, filename=file.filename, mime=file.mime, size=file.size, unavailable=reason
    )


def _reply_markup(message: OutboundMessage) -> dict[str, Any] | None:
    """The keyboard to show with the message (a ReplyKeyboardMarkup, or
    ReplyKeyboardRemove to take one away): the bot's own replies carry one
    (app/bot_replies.py), as ``reply_markup`` of the outbound message, which
    the host fills from the outbox row's timeline meta."""
    markup = message.reply_markup
    return markup if markup else None


def _message_id(result: Any) -> int:
    if isinstance(result, dict) and isinstance(result.get("message_id"), int):
        return int(result["message_id"])
    raise BotApiUnreachable("the answer to a send has no message_id")


def _failure_of(exc: BotApiError) -> SendFailure:
    text = exc.description
    if exc.code == 401:
        return SendFailure.AUTH
    if exc.code == 429:
        return SendFailure.RATE_LIMITED
    if exc.code >= 500:
        return SendFailure.NOT_REACHABLE
    if exc.code == 413 or "too long" in text or "too big" in text or "too large" in text:
        return SendFailure.TOO_LARGE
    if exc.code == 403 or any(marker in text for marker in _POLICY):
        return SendFailure.POLICY_REFUSED
    return SendFailure.PERMANENT


__all__ = ["TelegramChannel"]

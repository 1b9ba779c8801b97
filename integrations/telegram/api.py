"""The Telegram Bot API over ``requests``: one call, its answer or a typed error.

Every answer is ``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code":
N, "description": "...", "parameters": {"retry_after": S, ...}}`` (Bot API,
"Making requests"). What is neither (an HTML page from a proxy, a truncated or
malformed body, a dropped connection, a timeout) is ``BotApiUnreachable``: the
request may not have reached Telegram, and the caller treats it as transient.

The token is part of every URL, and requests' and urllib3's own errors quote
the URL: every reason this module produces has the token cut out.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

import requests

from app.channel_settings import (
    DEFAULT_BOT_API_SERVER,
    BadChannelSetting,
    check_bot_server,
    check_bot_token,
)

log = logging.getLogger(__name__)

# The checks are the core's (app/channel_settings.py), so the settings page
# refuses what this client would refuse, by the same rules.
DEFAULT_SERVER = DEFAULT_BOT_API_SERVER
BadSetting = BadChannelSetting
check_token = check_bot_token
check_server = check_bot_server
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 30.0


class BotApiError(Exception):
    """Telegram answered, and refused: its code and words."""

    def __init__(
        self,
        code: int,
        description: str,
        retry_after: float | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        super().__init__(f"{code} {description}")
        self.code = code
        self.description = description
        self.retry_after = retry_after
        self.migrate_to_chat_id = migrate_to_chat_id


class BotApiUnreachable(Exception):
    """No usable answer: the network, a timeout, a broken or foreign reply.

    ``maybe_delivered``: the request was written and may have been carried out
    (a read timeout, a connection dropped mid-answer, a garbled answer); False
    when it never left (no connection, a name that does not resolve)."""

    def __init__(self, reason: str, maybe_delivered: bool = True) -> None:
        super().__init__(reason)
        self.maybe_delivered = maybe_delivered


def _not_connected(exc: requests.RequestException) -> bool:
    """A connection that was never made (refused, no route, name not resolved)."""
    text = repr(exc)
    return any(
        marker in text
        for marker in (
            "NewConnectionError",
            "NameResolutionError",
            "Connection refused",
            "Failed to resolve",
            "No route to host",
        )
    )


class BotApi:
    def __init__(self, server: str, token: str, session: requests.Session | None = None) -> None:
        self.server = check_server(server)
        self._token = check_token(token)
        self._session = session or requests.Session()

    def close(self) -> None:
        self._session.close()

    def call(
        self,
        method: str,
        params: Mapping[str, Any] | None = None,
        *,
        files: Mapping[str, tuple[str, BinaryIO, str]] | None = None,
        read_timeout: float = READ_TIMEOUT_S,
    ) -> Any:
        """The method's ``result``. Parameters go as JSON, or with ``files`` as
        multipart/form-data (objects and lists JSON-encoded, as the API wants)."""
        url = f"{self.server}/bot{self._token}/{method}"
        timeout = (CONNECT_TIMEOUT_S, read_timeout)
        try:
            if files:
                form = {
                    key: value if isinstance(value, str) else json.dumps(value)
                    for key, value in (params or {}).items()
                    if value is not None
                }
                response = self._session.post(url, data=form, files=files, timeout=timeout)
            else:
                body = {k: v for k, v in (params or {}).items() if v is not None}
                response = self._session.post(url, json=body, timeout=timeout)
            raw = response.content
        except (requests.ConnectionError, requests.ConnectTimeout) as exc:
            # Failed before a byte of the request was answered; a ConnectionError
            # can also be a reset after sending, so only a refused or unresolved
            # connection counts as "never left".
            never_left = isinstance(exc, requests.ConnectTimeout) or _not_connected(exc)
            raise BotApiUnreachable(
                self._scrub(f"{type(exc).__name__}: {exc}"), maybe_delivered=not never_left
            ) from None
        except requests.RequestException as exc:
            raise BotApiUnreachable(self._scrub(f"{type(exc).__name__}: {exc}")) from None
        return self._result(response.status_code, raw)

    def download(self, file_path: str, target: Path, max_bytes: int) -> int:
        """Streams a file of ``getFile`` to ``target``; refuses more than
        ``max_bytes`` (whatever the server announced). Returns the size."""
        url = f"{self.server}/file/bot{self._token}/{file_path.lstrip('/')}"
        size = 0
        try:
            with self._session.get(
                url, stream=True, timeout=(CONNECT_TIMEOUT_S, READ_TIMEOUT_S)
            ) as response:
                if response.status_code != 200:
                    raise BotApiError(
                        response.status_code, f"the file download answered {response.status_code}"
                    )
                with target.open("wb") as out:
                    for chunk in response.iter_content(1 << 16):
                        size += len(chunk)
                        if size > max_bytes:
                            raise BotApiError(413, f"the file is larger than {max_bytes} bytes")
                        out.write(chunk)
        except requests.RequestException as exc:
            raise BotApiUnreachable(self._scrub(f"{type(exc).__name__}: {exc}")) from None
        return size

    def _result(self, status: int, raw: bytes) -> Any:
        try:
            answer = json.loads(raw)
        except (ValueError, RecursionError):
            raise BotApiUnreachable(
                f"the server's answer (HTTP {status}, {len(raw)} bytes) is not the Bot API's JSON"
            ) from None
        if not isinstance(answer, dict) or not isinstance(answer.get("ok"), bool):
            raise BotApiUnreachable(f"the server's answer (HTTP {status}) is not the Bot API's")
        if answer["ok"]:
            if "result" not in answer:
                raise BotApiUnreachable("the server's answer has no result")
            return answer["result"]
        code = answer.get("error_code")
        description = answer.get("description")
        parameters = answer.get("parameters")
        if not isinstance(code, int) or isinstance(code, bool):
            code = status
        if not isinstance(description, str):
            description = f"error {code}"
        retry_after = migrate_to = None
        if isinstance(parameters, dict):
            value = parameters.get("retry_after")
            if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
                retry_after = float(value)
            target = parameters.get("migrate_to_chat_id")
            if isinstance(target, int) and not isinstance(target, bool):
                migrate_to = target
        raise BotApiError(code, self._scrub(description)[:500], retry_after, migrate_to)

    def _scrub(self, text: str) -> str:
        return text.replace(self._token, "<token>")

"""The HTTP server on 127.0.0.1 and the object tests drive it through."""

from __future__ import annotations

import contextlib
import itertools
import random
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from tests.servers.bot_api import receiving, sending
from tests.servers.bot_api.control import Bot
from tests.servers.bot_api.faults import Fault, FaultBook, FaultRule
from tests.servers.bot_api.state import (
    BotApi,
    BotState,
    Config,
    Method,
    RecordedRequest,
    SentMessage,
    UpdateQueue,
    new_token,
)
from tests.servers.bot_api.wire import ApiError, Args, error_body, ok_body, parse_args

METHODS: dict[str, Method] = {
    "getme": receiving.get_me,
    "getupdates": receiving.get_updates,
    "setwebhook": receiving.set_webhook,
    "deletewebhook": receiving.delete_webhook,
    "getwebhookinfo": receiving.get_webhook_info,
    "sendmessage": sending.send_message,
    "sendphoto": sending.send_photo,
    "senddocument": sending.send_document,
    "sendchataction": sending.send_chat_action,
    "getchat": sending.get_chat,
    "getfile": sending.get_file,
}
DOWNLOAD = "download"  # the method name faults and counters use for /file/bot<token>/<path>
Answer = tuple[int, bytes, dict[str, str]]
_bot_serial = itertools.count(1)


class BotApiServer:
    """A Bot API server for tests. Start it, add bots, point the client at ``base_url``.

    Knobs (defaults are the real server's): ``flavour`` "local" answers with the
    texts of a self-hosted tdlib/telegram-bot-api, "public" with those of
    api.telegram.org where they differ (malformed tokens and unknown methods: 404
    "Not Found"; webhooks need HTTPS on ports 443, 80, 88, 8443); ``update_ttl``
    (24 h), ``conflict_interval`` (3 s between 409 answers), ``repeat_poll_window``
    (3 s), ``set_webhook_interval`` (1 s), ``first_update_id`` (random).
    """

    def __init__(
        self,
        *,
        flavour: Literal["local", "public"] = "local",
        update_ttl: float = 86400.0,
        conflict_interval: float = 3.0,
        repeat_poll_window: float = 3.0,
        set_webhook_interval: float = 1.0,
        first_update_id: int | None = None,
        max_upload_bytes: int | None = None,
    ) -> None:
        self.config = Config(
            flavour=flavour,
            update_ttl=update_ttl,
            conflict_interval=conflict_interval,
            repeat_poll_window=repeat_poll_window,
            set_webhook_interval=set_webhook_interval,
            first_update_id=first_update_id,
        )
        if max_upload_bytes is not None:
            self.config.max_upload_bytes = max_upload_bytes
        self.api = BotApi(self.config, METHODS)
        self.faults = FaultBook()
        self._http: _HttpServer | None = None
        self._thread: threading.Thread | None = None

    # ----- lifecycle ------------------------------------------------------------------

    def start(self) -> BotApiServer:
        self._http = _HttpServer(self)
        self._thread = threading.Thread(
            target=self._http.serve_forever,
            name="bot-api-server",
            kwargs={"poll_interval": 0.05},
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.api.stopping.set()
        with self.api.cond:
            self.api.cond.notify_all()
        if self._http is not None:
            self._http.shutdown()
            self._http.close_connections()
            self._http.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._http = self._thread = None

    def __enter__(self) -> BotApiServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def address(self) -> tuple[str, int]:
        assert self._http is not None, "start() the server first"
        host, port = self._http.server_address[:2]
        return str(host), int(port)

    @property
    def base_url(self) -> str:
        """What the client uses instead of https://api.telegram.org."""
        host, port = self.address
        return f"http://{host}:{port}"

    def method_url(self, token: str, method: str) -> str:
        return f"{self.base_url}/bot{token}/{method}"

    def file_url(self, token: str, file_path: str) -> str:
        return f"{self.base_url}/file/bot{token}/{file_path}"

    # ----- bots -----------------------------------------------------------------------

    def add_bot(
        self,
        username: str | None = None,
        *,
        first_name: str = "Switchboard Test Bot",
        bot_id: int | None = None,
        token: str | None = None,
        can_join_groups: bool = True,
        can_read_all_group_messages: bool = False,
    ) -> Bot:
        serial = next(_bot_serial)
        if token is not None:
            bot_id = int(token.split(":", 1)[0])
        bot_id = bot_id or random.randint(10**9, 8 * 10**9)
        me = {
            "id": bot_id,
            "is_bot": True,
            "first_name": first_name,
            "username": username or f"switchboard_test{serial}_bot",
            "can_join_groups": can_join_groups,
            "can_read_all_group_messages": can_read_all_group_messages,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        first_id = self.config.first_update_id or random.randint(2_000_001, 1 << 30)
        state = BotState(token or new_token(bot_id), me, UpdateQueue(first_id))
        with self.api.cond:
            self.api.bots[state.token] = state
        return Bot(self.api, state)

    def bot(self, token: str) -> Bot:
        with self.api.cond:
            return Bot(self.api, self.api.bots[token])

    # ----- faults ---------------------------------------------------------------------

    def inject(
        self,
        fault: Fault,
        *,
        method: str | None = None,
        token: str | None = None,
        times: int | None = 1,
    ) -> FaultRule:
        """Apply ``fault`` to the next ``times`` matching requests (None: until cleared).
        ``method`` is case-insensitive; "download" matches file downloads."""
        return self.faults.add(FaultRule(fault, method, token, times))

    def clear_faults(self) -> None:
        self.faults.clear()

    def fail_url(self, url: str) -> None:
        """Sending a file by this URL answers 400 "Bad Request: failed to get HTTP URL content"."""
        with self.api.cond:
            self.api.failing_urls.add(url)

    # ----- what happened --------------------------------------------------------------

    @property
    def sent(self) -> list[SentMessage]:
        with self.api.cond:
            return list(self.api.sent)

    @property
    def requests(self) -> list[RecordedRequest]:
        with self.api.cond:
            return list(self.api.requests)

    def request_count(self, method: str | None = None, token: str | None = None) -> int:
        return len(self._requests(method, token))

    def wait_for_sent(
        self, count: int, timeout: float = 5.0, token: str | None = None
    ) -> list[SentMessage]:
        """Blocks until at least ``count`` sends were accepted; returns them all."""
        return self._wait(
            lambda: [s for s in self.api.sent if token in (None, s.token)],
            count,
            timeout,
            "accepted sends",
        )

    def wait_for_requests(
        self, count: int, method: str | None = None, timeout: float = 5.0, token: str | None = None
    ) -> list[RecordedRequest]:
        return self._wait(
            lambda: self._requests(method, token), count, timeout, f"{method or 'any'} requests"
        )

    def _requests(self, method: str | None, token: str | None) -> list[RecordedRequest]:
        with self.api.cond:
            return [
                r
                for r in self.api.requests
                if (method is None or r.name == method.lower()) and token in (None, r.token)
            ]

    def _wait(
        self, items: Callable[[], list[Any]], count: int, timeout: float, what: str
    ) -> list[Any]:
        deadline = time.monotonic() + timeout
        with self.api.cond:
            while True:
                found = items()
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(found)} of {count} {what} within {timeout} s")
                self.api.cond.wait(left)

    # ----- serving (called by the handler) -----------------------------------------

    def _record(self, token: str, method: str, http_method: str, args: Args) -> RecordedRequest:
        record = RecordedRequest(
            token, method, http_method, dict(args.values), dict(args.files), time.time()
        )
        with self.api.cond:
            self.api.requests.append(record)
            self.api.cond.notify_all()
        return record

    def _answer(self, token: str, method: str, args: Args) -> Answer:
        try:
            result, description = self.api.call(token, method, args)
        except ApiError as error:
            return error.code, error_body(error), error.headers
        return 200, ok_body(result, description), {}

    def _download(self, token: str, file_path: str) -> Answer:
        try:
            data = self.api.download(token, file_path)
        except ApiError as error:
            return error.code, error_body(error), {}
        return 200, data, {"Content-Type": "application/octet-stream"}


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # long polls and idle keep-alive connections must not hold stop()
    allow_reuse_address = True

    def __init__(self, owner: BotApiServer) -> None:
        self.owner = owner
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    def track(self, connection: socket.socket, open_: bool) -> None:
        with self._connections_lock:
            (self._connections.add if open_ else self._connections.discard)(connection)

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            _shut(connection)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that went away mid-answer is normal here


def _shut(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real server (set_keep_alive)
    server: _HttpServer
    timeout = 120
    wbufsize = 1 << 16  # headers and body leave in one write: no Nagle/delayed-ACK stall

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, False)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, http_method: str) -> None:
        owner = self.server.owner
        url = urlsplit(self.path)
        body = self._body()
        if url.path.startswith("/file/bot"):
            token, _, file_path = url.path[len("/file/bot") :].partition("/")
            args = Args()
            self._respond(
                owner,
                unquote(token),
                DOWNLOAD,
                http_method,
                args,
                lambda: owner._download(unquote(token), unquote(file_path)),
            )
            return
        if not url.path.startswith("/bot"):
            self._write(404, error_body(ApiError(404, "Not Found")), {})  # HttpConnection::handle
            return
        token, _, method = url.path[len("/bot") :].partition("/")
        token = unquote(token)
        try:
            args = parse_args(url.query, self.headers.get("Content-Type", ""), body)
        except ApiError as error:
            self._write(error.code, error_body(error), error.headers)
            return
        method = method or args.get("method")  # Query: the method may come as a parameter
        self._respond(
            owner, token, method, http_method, args, lambda: owner._answer(token, method, args)
        )

    def _respond(
        self,
        owner: BotApiServer,
        token: str,
        method: str,
        http_method: str,
        args: Args,
        run: Callable[[], Answer],
    ) -> None:
        record = owner._record(token, method, http_method, args)
        fault = owner.faults.take(token, method)
        if fault is None:
            self._write(*run(), record=record)
            return
        record.fault = fault.kind
        answer = run() if fault.execute else None
        self._misbehave(owner, fault, answer, run, record)

    def _misbehave(
        self,
        owner: BotApiServer,
        fault: Fault,
        answer: Answer | None,
        run: Callable[[], Answer],
        record: RecordedRequest,
    ) -> None:
        if fault.kind == "error":
            error = ApiError(fault.code, fault.description, fault.parameters, fault.headers)
            self._write(fault.code, error_body(error), fault.headers, record=record)
        elif fault.kind == "gateway":
            self._write(
                fault.code, fault.gateway_page(), {"Content-Type": "text/html"}, record=record
            )
        elif fault.kind == "delay":
            owner.api.stopping.wait(fault.seconds)
            self._write(*(answer or run()), record=record)
        elif fault.kind == "malformed_json":
            self._write(200, b'{"ok":true,"result":[{"update_id":,}]', {}, record=record)
        elif fault.kind == "truncated_json":
            status, payload, headers = answer or (200, ok_body(True), {})
            self._write(status, payload[: len(payload) // 2], headers, record=record)
        elif fault.kind == "disconnect":
            status, payload, headers = answer or (200, ok_body(True), {})
            self._write(status, payload, headers, cut=len(payload) // 2)
        else:  # drop
            self.close_connection = True
            _shut(self.connection)

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _write(
        self,
        status: int,
        payload: bytes,
        headers: dict[str, str],
        *,
        record: RecordedRequest | None = None,
        cut: int | None = None,
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", headers.get("Content-Type", "application/json"))
            self.send_header("Content-Length", str(len(payload)))
            for name, value in headers.items():
                if name != "Content-Type":
                    self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload if cut is None else payload[:cut])
            self.wfile.flush()
        except OSError:
            self.close_connection = True
            return
        if cut is not None:
            self.close_connection = True
            _shut(self.connection)
        elif record is not None:
            record.status = status

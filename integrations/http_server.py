"""An internet-facing HTTP endpoint: an ASGI app (Starlette) served by uvicorn on
its own thread, with the guards uvicorn leaves to its user.

The web form's intake runs on it, and the relay's webhooks will. What it adds
to uvicorn (h11, asyncio loop, no lifespan, no access log of its own):

- a deadline for the request's headers, counted from the connection (or from the
  first byte of the next request on a kept-alive one): uvicorn has none, so a
  client sending a header a minute would hold its connection for ever. Too slow
  gets a 408 and the connection is closed. The body's deadline is the app's
  (``read_body``), so the app can tell "too slow" from "gone".
- JSON for the refusals h11 makes before the app is reached (uvicorn answers all
  of them with a plain-text 400): 400 malformed, 414 request line too long,
  431 headers too large, 501 a transfer coding other than chunked.
- a ceiling on open connections (503, JSON: uvicorn's ``limit_concurrency``
  answers in plain text), a listen backlog, and a closed connection after any
  answer given before the body was read to its end.
- the socket is bound by the constructor, so "port in use" reaches the caller
  as the OSError it is, before any thread starts.

The guard is a subclass of uvicorn's ``H11Protocol`` and relies on a few of its
internals (``conn``, ``send_400_response``, the connection set): pyproject pins
the uvicorn versions it was checked against, and tests/integrations/
test_http_server.py fails if they change under it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import re
import socket
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, ClassVar

import h11
import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, ExceptionHandler, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger(__name__)

JSON_TYPE = "application/json; charset=utf-8"


@dataclass(frozen=True)
class ConnectionLimits:
    """How long and how much a client may take. The defaults suit a website's
    server posting a small form: it sends its request at once."""

    header_timeout: float = 10.0  # s from the connection to the end of the headers
    body_timeout: float = 10.0  # s from the end of the headers to the end of the body
    keep_alive: int = 5  # s an idle kept-alive connection stays open
    max_header_bytes: int = 16 * 1024  # the request line and headers together
    max_connections: int = 500  # open at once; beyond, 503 (each one holds a file descriptor)
    backlog: int = 2048  # connections the OS holds before we accept them
    shutdown_grace: int = 3  # s stop() lets requests in flight finish


def loggable(text: object, limit: int = 200) -> str:
    """Client-supplied text for a log line: control characters and other
    non-printables (a forged newline, a terminal escape, a lone surrogate)
    escaped, and cut at ``limit`` characters."""
    value = str(text)
    cut = len(value) > limit
    value = value[:limit]
    if not value.isprintable() or "\\" in value:
        value = "".join(
            ch if ch.isprintable() and ch != "\\" else ch.encode("unicode_escape").decode("ascii")
            for ch in value
        )
    return value + "…" if cut else value


def json_bytes(payload: Any) -> bytes:
    """UTF-8 JSON; a lone surrogate (from a client's text echoed in a message)
    makes it ASCII JSON with escapes instead of an encoding error."""
    try:
        return json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(payload).encode("ascii")


class JsonResponse(Response):
    media_type = JSON_TYPE

    def render(self, content: Any) -> bytes:
        return json_bytes(content)


def refusal(status: int, message: str, headers: Mapping[str, str] | None = None) -> JsonResponse:
    return JsonResponse({"error": message}, status_code=status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return refusal(exc.status_code, str(exc.detail), exc.headers)


async def _internal_error(request: Request, exc: Exception) -> Response:
    return refusal(HTTPStatus.INTERNAL_SERVER_ERROR, "Internal error.")


def json_app(routes: Sequence[BaseRoute], http_error: ExceptionHandler | None = None) -> Starlette:
    """A Starlette app whose own refusals are JSON too: 404 and 405 from the
    router (``http_error`` to word them), and the 500 of an exception that
    escaped an endpoint (starlette answers it before HttpServer could)."""
    return Starlette(
        routes=routes,
        exception_handlers={HTTPException: http_error or _http_error, Exception: _internal_error},
    )


def raw_response(status: int, message: str, headers: Sequence[tuple[str, str]] = ()) -> bytes:
    """A whole HTTP/1.1 answer that closes the connection, for the protocol layer
    (h11 can't be asked for a response before it has read a request)."""
    body = json_bytes({"error": message})
    lines = [
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
        f"content-type: {JSON_TYPE}",
        f"content-length: {len(body)}",
        "connection: close",
        *(f"{name}: {value}" for name, value in headers),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class BodyTooLarge(Exception):
    pass


async def read_body(request: Request, limit: int, timeout: float) -> bytes:
    """The whole body within ``timeout`` seconds (a deadline, not a pause
    between bytes). TimeoutError when it is late; starlette's ClientDisconnect
    when the client went away before sending all of it, so a body cut short of
    its Content-Length is never used; BodyTooLarge past ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    async with asyncio.timeout(timeout):
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise BodyTooLarge
            chunks.append(chunk)
    return b"".join(chunks)


def forwarded_client(values: Sequence[str]) -> str | None:
    """The first address of X-Forwarded-For (all its headers in order), when it
    is one; None when absent or not an address. Only for a client already
    authenticated: anyone can send the header."""
    if not values:
        return None
    first = values[0].split(",")[0].strip()
    candidates = [first]
    if first.startswith("["):  # "[2001:db8::1]:4711"
        candidates.append(first[1:].partition("]")[0])
    elif first.count(":") == 1:  # "203.0.113.7:4711"
        candidates.append(first.partition(":")[0])
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


class _Connection(h11.Connection):
    """h11's connection, remembering why it refused the peer (uvicorn answers
    every refusal with the same plain-text 400 and passes no reason on)."""

    refused: h11.RemoteProtocolError | None = None

    def next_event(self) -> Any:
        try:
            return super().next_event()
        except h11.RemoteProtocolError as exc:
            self.refused = exc
            raise


_END_OF_HEAD = re.compile(rb"\n\r?\n")  # h11 takes a bare LF for CRLF too
_PROTOCOL_REFUSALS: dict[int, str] = {
    HTTPStatus.REQUEST_URI_TOO_LONG: "The request line is longer than {limit} bytes.",
    HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE: "The headers are larger than {limit} bytes.",
    HTTPStatus.NOT_IMPLEMENTED: "Only 'Transfer-Encoding: chunked' is supported.",
}


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a header deadline, JSON refusals and a
    connection ceiling. ``limits`` and ``label`` are set per server (a subclass
    made by HttpServer)."""

    limits: ClassVar[ConnectionLimits] = ConnectionLimits()
    label: ClassVar[str] = "http"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Before any byte is read: the same settings, plus the reason of a refusal.
        self.conn: _Connection = _Connection(h11.SERVER, self.limits.max_header_bytes)
        self._header_deadline: asyncio.TimerHandle | None = None
        self._head_bytes = 0  # received since this request's head began

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.limits.max_connections:
            log.warning("%s: too many connections; refused %s", self.label, self._peer())
            self._refuse(
                HTTPStatus.SERVICE_UNAVAILABLE,
                "Too many connections; try again later.",
                [("retry-after", "5")],
            )
            return
        self._arm_header_deadline()

    def data_received(self, data: bytes) -> None:
        if self.conn.their_state is h11.IDLE:  # still reading a request's head
            if self._header_deadline is None:
                self._arm_header_deadline()  # the next request on a kept-alive connection
            self._head_bytes += len(data)
            if self._head_bytes > self.limits.max_header_bytes and self._head_too_large(data):
                return
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._disarm_header_deadline()
            self._head_bytes = 0

    def _head_too_large(self, data: bytes) -> bool:
        """h11 limits a head only while it is incomplete: one that arrives whole
        in a single read passes at any size. Measured here, before h11 sees it."""
        pending, _closed = self.conn.trailing_data
        head = pending + data
        end = _END_OF_HEAD.search(head)
        limit = self.limits.max_header_bytes
        if (end.start() if end else len(head)) <= limit:
            return False
        line_end = head.find(b"\n")
        status = 414 if line_end == -1 or line_end > limit else 431
        log.warning("%s: %s for %s: a head over %s bytes", self.label, status, self._peer(), limit)
        self._refuse(status, _PROTOCOL_REFUSALS[status].format(limit=limit))
        return True

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_deadline()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        refused = self.conn.refused
        status = int(refused.error_status_hint if refused is not None else 400)
        if status == HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE:
            pending, _closed = self.conn.trailing_data
            if b"\n" not in pending:  # not even the request line is complete
                status = int(HTTPStatus.REQUEST_URI_TOO_LONG)
        template = _PROTOCOL_REFUSALS.get(status, "The request is not valid HTTP/1.1.")
        log.warning("%s: %s for %s: %s", self.label, status, self._peer(), loggable(refused or msg))
        self._refuse(status, template.format(limit=self.limits.max_header_bytes))

    def _arm_header_deadline(self) -> None:
        self._disarm_header_deadline()
        self._header_deadline = self.loop.call_later(
            self.limits.header_timeout, self._headers_too_slow
        )

    def _disarm_header_deadline(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _headers_too_slow(self) -> None:
        self._header_deadline = None
        if self.conn.their_state is not h11.IDLE:
            return
        log.info("%s: 408 for %s: headers not complete in time", self.label, self._peer())
        self._refuse(
            HTTPStatus.REQUEST_TIMEOUT,
            f"The request's headers did not arrive within {self.limits.header_timeout:g} s.",
        )

    def _refuse(self, status: int, message: str, headers: Sequence[tuple[str, str]] = ()) -> None:
        if not self.transport.is_closing():
            self.transport.write(raw_response(status, message, headers))
            self.transport.close()

    def _peer(self) -> str:
        return loggable(self.client[0]) if self.client else "?"


class _Guard:
    """Around the app: a connection is closed after an answer given before the
    request's body was read to its end (a client trickling a body nobody reads
    must not keep it), and an exception that escaped the app is a JSON 500
    instead of uvicorn's plain text."""

    def __init__(self, app: ASGIApp, label: str) -> None:
        self.app = app
        self.label = label

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body_read = False
        started = False

        async def receive_noting_the_end() -> Message:
            nonlocal body_read
            message = await receive()
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_read = True
            return message

        async def send_(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                if not body_read:
                    headers = [*message.get("headers", []), (b"connection", b"close")]
                    message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive_noting_the_end, send_)
        except Exception:
            log.exception("%s: the app failed", self.label)
            if not started:
                await refusal(HTTPStatus.INTERNAL_SERVER_ERROR, "Internal error.")(
                    scope, receive, send_
                )


class _ThreadServer(uvicorn.Server):
    """uvicorn's server for a thread that is not the main one: the process's
    signals stay the app's (uvicorn skips them off the main thread too, but
    that is its choice to change), and ``ready`` is set once it accepts."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self.ready.set()


def bind(host: str, port: int, backlog: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # SO_REUSEADDR on POSIX only (create_server's choice): on Windows it would
    # let a second program take the same port.
    return socket.create_server((host, port), family=family, backlog=backlog)


class HttpServer:
    """``app`` on ``host:port`` in a thread named ``<label>-http``."""

    def __init__(
        self,
        app: ASGIApp,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        label: str = "http",
        limits: ConnectionLimits | None = None,
        server_name: str = "Switchboard",
    ) -> None:
        self.label = label
        self.limits = limits or ConnectionLimits()
        self._socket = bind(host, port, self.limits.backlog)
        self._address = self._socket.getsockname()[:2]
        protocol = type(
            f"{label.title()}Protocol",
            (GuardedH11Protocol,),
            {"limits": self.limits, "label": label},
        )
        config = uvicorn.Config(
            _Guard(app, label),
            http=protocol,
            loop="asyncio",
            lifespan="off",
            ws="none",
            interface="asgi3",
            log_config=None,  # the app's logging stays as the app set it up
            access_log=False,  # our own lines, with client text escaped
            proxy_headers=False,  # X-Forwarded-For is honoured only after a token check
            server_header=False,
            headers=[("server", server_name)],
            backlog=self.limits.backlog,
            timeout_keep_alive=self.limits.keep_alive,
            timeout_graceful_shutdown=self.limits.shutdown_grace,
            h11_max_incomplete_event_size=self.limits.max_header_bytes,
        )
        self._server = _ThreadServer(config)
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._address
        return str(host), int(port)

    def start(self, timeout: float = 10.0) -> None:
        """Returns once the server accepts connections; raises what kept it from it."""
        if self._thread is not None:
            raise RuntimeError("The server was started already.")
        self._thread = threading.Thread(target=self._run, name=f"{self.label}-http", daemon=True)
        self._thread.start()
        self._server.ready.wait(timeout)
        if self._failure is not None:
            raise RuntimeError(f"The {self.label} server did not start.") from self._failure
        if not self._server.started:
            raise RuntimeError(f"The {self.label} server did not start within {timeout:g} s.")

    def stop(self) -> None:
        """Stops accepting, lets requests in flight finish (``shutdown_grace``),
        and closes the socket. Safe before start() and twice."""
        if self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=self.limits.shutdown_grace + 5)
            if self._thread.is_alive():
                log.error("%s: the server thread did not end", self.label)
        self._socket.close()

    def _run(self) -> None:
        try:
            self._server.run(sockets=[self._socket])
        except BaseException as exc:  # SystemExit too: uvicorn exits on a failed start
            self._failure = exc
            log.exception("%s: the server stopped on an error", self.label)
        finally:
            self._server.ready.set()

"""The website's callback form over HTTP: a small authenticated endpoint.

``POST /callback-requests`` with the JSON of app/webform_intake.py and
``Authorization: Bearer <token>`` (the token is kept in the keyring). Answers:
201 with the new request, 200 for a repeated ``request_id``, and a clear 4xx for
everything else (401 token, 411/413 size, 415 type, 400 JSON, 422 fields, 429 rate).
When the database can't be written (locked, gone) the answer is 503 with
Retry-After, so the website keeps the submission and tries again; any other
failure on our side is a 500 with a JSON reason, never a dropped connection.

It runs in its own thread (a ThreadingHTTPServer); the queue it writes to is
safe to call from any thread. Phone numbers and comments are personal data: the
log carries request ids and status codes only.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from app.callbacks import CallbackError, CallbackQueue
from app.errors import DatabaseError
from app.messages import OperatorError
from app.models import CallbackRequest, CallbackSource
from app.webform_intake import (
    MAX_BODY_BYTES,
    MIN_TOKEN_LENGTH,
    IntakeError,
    WebFormRequest,
    parse_webform,
)

log = logging.getLogger(__name__)
PATH = "/callback-requests"
RETRY_AFTER_S = 30  # a busy or unreachable database: when the website should try again
UNAVAILABLE = {"error": "The callback queue is unavailable right now; try again later."}
NOT_STORED = {"error": "The request could not be stored."}


class RateLimiter:
    """A token bucket per client address: ``burst`` at once, then ``per_minute``."""

    def __init__(
        self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = burst
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> float:
        """0 when allowed, else the seconds to wait."""
        with self._lock:
            now = self.clock()
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate if self.rate else 3600.0


def _request_json(row: CallbackRequest) -> dict[str, Any]:
    return {
        "id": row.id,
        "status": row.status,
        "due_at": row.due_at.isoformat() if row.due_at else None,
        "sla_deadline": row.sla_deadline.isoformat() if row.sla_deadline else None,
    }


class WebFormServer:
    def __init__(
        self,
        queue: CallbackQueue,
        token: str,
        host: str = "127.0.0.1",
        port: int = 0,
        limiter: RateLimiter | None = None,
        on_created: Callable[[int], None] | None = None,
    ) -> None:
        """``on_created(request id)`` runs on the server's thread after a new
        request was stored (not for a repeated ``request_id``): the window uses it
        to read its queue again."""
        if len(token) < MIN_TOKEN_LENGTH:
            raise ValueError(
                f"The intake token must be at least {MIN_TOKEN_LENGTH} characters long."
            )
        self.queue = queue
        self.on_created = on_created
        self._token = token.encode("utf-8")
        self.limiter = limiter or RateLimiter(per_minute=10, burst=5)
        self._httpd = ThreadingHTTPServer((host, port), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._httpd.server_address[:2]
        return str(host), int(port)

    def start(self) -> None:
        # A short poll interval: stop() waits up to one interval for the loop.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="webform-intake",
            daemon=True,
        )
        self._thread.start()
        log.info("web-form intake listening on %s:%s", *self.address)

    def stop(self) -> None:
        # shutdown() waits for serve_forever to end: it would wait forever for a
        # server that was bound but never started.
        if self._thread is not None:
            self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def authorized(self, header: str | None) -> bool:
        if not header or not header.startswith("Bearer "):
            return False
        return hmac.compare_digest(header[7:].strip().encode("utf-8"), self._token)

    def handle(self, headers: Any, body: bytes) -> tuple[int, dict[str, Any]]:
        """The endpoint's logic, free of the socket: (status, JSON answer)."""
        try:
            form = parse_webform(body, headers.get("Content-Type", ""))
        except IntakeError as exc:
            return exc.status, {"error": str(exc)}
        try:
            return self._store(form)
        except (SQLAlchemyError, DatabaseError):
            log.exception("intake: the database refused the request")
            return HTTPStatus.SERVICE_UNAVAILABLE, UNAVAILABLE
        except OperatorError as exc:  # the shop's settings (a time zone), not the form
            log.error("intake: request not stored: %s", exc)
            return HTTPStatus.INTERNAL_SERVER_ERROR, NOT_STORED

    def _store(self, form: WebFormRequest) -> tuple[int, dict[str, Any]]:
        if form.request_id:
            existing = self.queue.find_by_external(CallbackSource.WEB_FORM, form.request_id)
            if existing is not None:
                return HTTPStatus.OK, _request_json(existing)
        try:
            row = self.queue.request(
                form.phone,
                CallbackSource.WEB_FORM,
                name=form.name,
                comment=form.comment,
                preferred_from=form.preferred_from,
                preferred_to=form.preferred_to,
                external_id=form.request_id,
                meta={"page_url": form.page_url} if form.page_url else None,
            )
        except CallbackError as exc:
            return HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(exc)}
        if self.on_created is not None and row.id is not None:
            try:
                self.on_created(row.id)
            except Exception:  # the request is stored: the website must hear 201
                log.exception("intake: on_created failed for request %s", row.id)
        return HTTPStatus.CREATED, _request_json(row)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "SwitchboardIntake/1"

            def log_message(self, format: str, *args: Any) -> None:
                log.debug("intake %s", format % args)

            def _send(
                self, status: int, payload: dict[str, Any], extra: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for key, value in (extra or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)
                log.info("intake %s %s -> %s", self.command, self.path, status)

            def do_GET(self) -> None:
                if self.path == "/health":
                    self._send(HTTPStatus.OK, {"status": "ok"})
                else:
                    self._send(HTTPStatus.NOT_FOUND, {"error": "Not found."})

            def do_POST(self) -> None:
                if self.path != PATH:
                    self._send(HTTPStatus.NOT_FOUND, {"error": f"POST to {PATH}."})
                    return
                wait = server.limiter.allow(self.client_address[0])
                if wait:
                    self._send(
                        HTTPStatus.TOO_MANY_REQUESTS,
                        {"error": "Too many requests."},
                        {"Retry-After": str(max(1, round(wait)))},
                    )
                    return
                if not server.authorized(self.headers.get("Authorization")):
                    self._send(
                        HTTPStatus.UNAUTHORIZED,
                        {"error": "A valid token is required."},
                        {"WWW-Authenticate": "Bearer"},
                    )
                    return
                length_header = self.headers.get("Content-Length")
                if length_header is None:
                    self._send(HTTPStatus.LENGTH_REQUIRED, {"error": "Content-Length is required."})
                    return
                try:
                    length = int(length_header)
                except ValueError:
                    self._send(HTTPStatus.BAD_REQUEST, {"error": "Content-Length is not a number."})
                    return
                if length < 0 or length > MAX_BODY_BYTES:
                    self.close_connection = True  # don't read a body we refuse
                    self._send(
                        HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                        {"error": f"The request is larger than {MAX_BODY_BYTES} bytes."},
                    )
                    return
                try:
                    status, payload = server.handle(self.headers, self.rfile.read(length))
                except Exception:  # a bug of ours: the website still gets an answer
                    log.exception("intake: request failed")
                    status, payload = HTTPStatus.INTERNAL_SERVER_ERROR, NOT_STORED
                extra = None
                if status == HTTPStatus.SERVICE_UNAVAILABLE:
                    extra = {"Retry-After": str(RETRY_AFTER_S)}
                self._send(status, payload, extra)

        return Handler

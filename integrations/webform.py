"""The website's callback form over HTTP: a small authenticated endpoint.

``POST /callback-requests`` with the JSON of app/webform_intake.py and
``Authorization: Bearer <token>`` (the token is kept in the keyring). Answers,
all JSON: 201 with the new request, 200 for a repeated ``request_id``, 409 for
a ``request_id`` reused for a different request, and a clear 4xx for the rest
(401 token, 408 too slow, 411/413 size, 415 type, 400 JSON, 422 fields, 429
rate, 404/405 wrong place). When the database can't be written (locked, gone)
the answer is 503 with Retry-After, so the website keeps the submission and
tries again; any other failure on our side is a 500 with a JSON reason and no
Retry-After, never a dropped connection.

It is a Starlette app on integrations/http_server.py (uvicorn on its own
thread: deadlines for slow clients, JSON for protocol refusals, a real
backlog); the database work runs on a few worker threads, and the queue is
safe to call from any of them.

Rate limits come after the token check, so anonymous traffic can't lock the
website out: a request without the right token is counted per peer address in
a bucket of its own (to slow token guessing); one with it, per client (the
first X-Forwarded-For address, honoured only once the token is verified: behind
a reverse proxy every client shares the proxy's address) and, all clients
together, against a generous ceiling for the token.

Phone numbers and comments are personal data: the log carries paths, client
addresses, request ids and status codes only, with control characters escaped.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from sqlalchemy.exc import (
    DisconnectionError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from app.callbacks import CallbackError, CallbackQueue, RequestConflict
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
from integrations.http_server import (
    BodyTooLarge,
    ConnectionLimits,
    HttpServer,
    JsonResponse,
    forwarded_client,
    json_app,
    loggable,
    read_body,
)

log = logging.getLogger(__name__)
PATH = "/callback-requests"
RETRY_AFTER_S = 30  # a busy or unreachable database: when the website should try again
UNAVAILABLE = {"error": "The callback queue is unavailable right now; try again later."}
NOT_STORED = {"error": "The request could not be stored."}
STORE_THREADS = 4  # database work at once; more requests wait for one, holding no thread
# Refusals a retry can cure: the database locked, restarting or unreachable.
_TRANSIENT = (DatabaseError, OperationalError, InterfaceError, DisconnectionError, PoolTimeout)


class RateLimiter:
    """A token bucket per key: ``burst`` at once, then ``per_minute``. At most
    ``max_keys`` buckets are kept (a client with many addresses must not grow
    it without end): refilled ones go first, then the longest idle."""

    def __init__(
        self,
        per_minute: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = burst
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> float:
        """0 when allowed, else the seconds to wait."""
        with self._lock:
            now = self.clock()
            if key not in self._buckets and len(self._buckets) >= self.max_keys:
                self._prune(now)
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate if self.rate else 3600.0

    def _prune(self, now: float) -> None:
        refill = self.burst / self.rate if self.rate else float("inf")
        kept = {key: b for key, b in self._buckets.items() if now - b[1] < refill}
        if len(kept) >= self.max_keys:
            by_age = sorted(kept.items(), key=lambda item: item[1][1])
            kept = dict(by_age[len(by_age) // 2 :])
        self._buckets = kept


@dataclass(frozen=True)
class Answer:
    status: int
    payload: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


def _request_json(row: CallbackRequest) -> dict[str, Any]:
    return {
        "id": row.id,
        "status": row.status,
        "due_at": row.due_at.isoformat() if row.due_at else None,
        "sla_deadline": row.sla_deadline.isoformat() if row.sla_deadline else None,
    }


def _too_many(wait: float, message: str = "Too many requests.") -> Answer:
    return Answer(
        HTTPStatus.TOO_MANY_REQUESTS, {"error": message}, {"Retry-After": str(max(1, round(wait)))}
    )


_TOKEN_BUCKET = "token"  # one shared token: one ceiling


class WebFormServer:
    def __init__(
        self,
        queue: CallbackQueue,
        token: str,
        host: str = "127.0.0.1",
        port: int = 0,
        limiter: RateLimiter | None = None,
        *,
        token_limiter: RateLimiter | None = None,
        anonymous_limiter: RateLimiter | None = None,
        limits: ConnectionLimits | None = None,
    ) -> None:
        """Binds ``host:port`` at once (an OSError says why it can't); start()
        serves. ``limiter`` counts an authenticated client's requests,
        ``token_limiter`` all of them, ``anonymous_limiter`` those without the
        token, per peer. A stored request reaches the window as a change
        (app/changes.py), like every write."""
        if len(token) < MIN_TOKEN_LENGTH:
            raise ValueError(
                f"The intake token must be at least {MIN_TOKEN_LENGTH} characters long."
            )
        self.queue = queue
        self._token = token.encode("utf-8")
        self.limiter = limiter or RateLimiter(per_minute=10, burst=5)
        self.token_limiter = token_limiter or RateLimiter(per_minute=600, burst=100)
        self.anonymous_limiter = anonymous_limiter or RateLimiter(per_minute=10, burst=5)
        self.limits = limits or ConnectionLimits()
        self._pool = ThreadPoolExecutor(STORE_THREADS, thread_name_prefix="webform-store")
        app = json_app(
            [
                Route(PATH, self._post, methods=["POST"]),
                Route("/health", self._health, methods=["GET"]),
            ],
            http_error=self._refused_by_router,
        )
        self._http = HttpServer(
            app,
            host,
            port,
            label="webform",
            limits=self.limits,
            server_name="SwitchboardIntake/2",
        )

    @property
    def address(self) -> tuple[str, int]:
        return self._http.address

    def start(self) -> None:
        self._http.start()
        log.info("web-form intake listening on %s:%s", *self.address)

    def stop(self) -> None:
        self._http.stop()
        # A store already running finishes (the request is then in the queue);
        # none waiting is started.
        self._pool.shutdown(wait=False, cancel_futures=True)

    def authorized(self, header: str | None) -> bool:
        if not header or not header.startswith("Bearer "):
            return False
        return hmac.compare_digest(header[7:].strip().encode("utf-8"), self._token)

    # --- the endpoint ------------------------------------------------------

    async def _health(self, request: Request) -> Response:
        return JsonResponse({"status": "ok"})

    async def _refused_by_router(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == HTTPStatus.METHOD_NOT_ALLOWED:
            message = f"{request.method} is not allowed here; the form is POSTed to {PATH}."
        elif exc.status_code == HTTPStatus.NOT_FOUND:
            message = f"Not found; the form is POSTed to {PATH}."
        else:
            message = str(exc.detail)
        answer = Answer(exc.status_code, {"error": message}, dict(exc.headers or {}))
        return self._respond(request, self._peer(request), answer)

    async def _post(self, request: Request) -> Response:
        peer = self._peer(request)
        if not self.authorized(request.headers.get("authorization")):
            wait = self.anonymous_limiter.allow(peer)
            if wait:  # a website with a wrong token learns why it never gets in
                answer = _too_many(wait, "Too many requests without a valid token.")
                return self._respond(request, peer, answer)
            return self._respond(
                request,
                peer,
                Answer(
                    HTTPStatus.UNAUTHORIZED,
                    {"error": "A valid token is required."},
                    {"WWW-Authenticate": "Bearer"},
                ),
            )
        forwarded = forwarded_client(request.headers.getlist("x-forwarded-for"))
        client = forwarded or peer
        shown = f"{forwarded} via {peer}" if forwarded else peer
        wait = self.limiter.allow(client) or self.token_limiter.allow(_TOKEN_BUCKET)
        if wait:
            return self._respond(request, shown, _too_many(wait))
        refused = self._length_refusal(request.headers.get("content-length"))
        if refused is not None:
            return self._respond(request, shown, refused)
        try:
            body = await read_body(request, MAX_BODY_BYTES, self.limits.body_timeout)
        except TimeoutError:
            timeout = self.limits.body_timeout
            message = f"The request's body did not arrive within {timeout:g} s."
            return self._respond(
                request, shown, Answer(HTTPStatus.REQUEST_TIMEOUT, {"error": message})
            )
        except BodyTooLarge:
            return self._respond(request, shown, _too_large())
        except ClientDisconnect:
            log.info(
                "intake POST %s from %s: the client left before its body was complete;"
                " nothing stored",
                loggable(request.scope["path"]),
                shown,
            )
            return Response(status_code=HTTPStatus.BAD_REQUEST)  # nobody to hear it
        loop = asyncio.get_running_loop()
        content_type = request.headers.get("content-type", "")
        answer, request_id = await loop.run_in_executor(
            self._pool, self._handle, content_type, body
        )
        return self._respond(request, shown, answer, request_id)

    @staticmethod
    def _length_refusal(header: str | None) -> Answer | None:
        if header is None:
            return Answer(HTTPStatus.LENGTH_REQUIRED, {"error": "Content-Length is required."})
        try:
            length = int(header)
        except ValueError:
            return Answer(HTTPStatus.BAD_REQUEST, {"error": "Content-Length is not a number."})
        if length < 0 or length > MAX_BODY_BYTES:
            return _too_large()
        return None

    @staticmethod
    def _peer(request: Request) -> str:
        return request.client.host if request.client else "?"

    def _respond(
        self, request: Request, client: str, answer: Answer, request_id: str | None = None
    ) -> Response:
        log.info(
            "intake %s %s from %s -> %s%s",
            loggable(request.method, 20),
            loggable(request.scope["path"]),
            loggable(client),
            answer.status,
            f" (request_id {loggable(request_id)})" if request_id else "",
        )
        return JsonResponse(answer.payload, status_code=answer.status, headers=answer.headers)

    # --- the form, on a worker thread -------------------------------------------

    def _handle(self, content_type: str, body: bytes) -> tuple[Answer, str | None]:
        try:
            form = parse_webform(body, content_type, now=self.queue.clock())
        except IntakeError as exc:
            return Answer(exc.status, {"error": str(exc)}), None
        return self.handle(form), form.request_id

    def handle(self, form: WebFormRequest) -> Answer:
        """A checked form -> stored (or found stored) -> the answer."""
        request_id = loggable(form.request_id or "-")
        try:
            return self._store(form)
        except _TRANSIENT:
            log.exception("intake: the database refused request_id %s", request_id)
            return Answer(
                HTTPStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, {"Retry-After": str(RETRY_AFTER_S)}
            )
        except SQLAlchemyError:  # a statement that can't work however often it is sent
            log.exception("intake: request_id %s not stored", request_id)
        except OperatorError as exc:  # the shop's settings (a time zone), not the form
            log.error("intake: request_id %s not stored: %s", request_id, exc)
        except Exception:  # a bug of ours: the website still gets an answer
            log.exception("intake: request_id %s failed", request_id)
        return Answer(HTTPStatus.INTERNAL_SERVER_ERROR, NOT_STORED)

    def _store(self, form: WebFormRequest) -> Answer:
        fields: dict[str, Any] = {
            "name": form.name,
            "comment": form.comment,
            "preferred_from": form.preferred_from,
            "preferred_to": form.preferred_to,
            "meta": {"page_url": form.page_url} if form.page_url else None,
        }
        try:
            if form.request_id:
                intake = self.queue.submit(
                    form.phone,
                    CallbackSource.WEB_FORM,
                    external_id=form.request_id,
                    fingerprint=form.fingerprint(),
                    **fields,
                )
                row, created = intake.request, intake.created
            else:
                row, created = (
                    self.queue.request(form.phone, CallbackSource.WEB_FORM, **fields),
                    True,
                )
        except RequestConflict:
            message = (
                f"request_id '{form.request_id}' was already used for a different request;"
                " a new request needs a new request_id."
            )
            return Answer(HTTPStatus.CONFLICT, {"error": message})
        except CallbackError as exc:
            return Answer(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(exc)})
        if not created:
            return Answer(HTTPStatus.OK, _request_json(row))
        return Answer(HTTPStatus.CREATED, _request_json(row))


def _too_large() -> Answer:
    return Answer(
        HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
        {"error": f"The request is larger than {MAX_BODY_BYTES} bytes."},
    )

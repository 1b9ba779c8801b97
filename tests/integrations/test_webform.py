"""The web-form intake over real HTTP on 127.0.0.1 (uvicorn on its own thread).

By topic: the wire format; the token and the rate limits; slow and incomplete
clients; many connections at once; JSON for every refusal; the log; client
input that must be a 4xx (never a 5xx); exactly once per request_id.
"""

import json
import logging
import random
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import requests

import app.webform_intake as webform_intake
from app.core import Core
from app.messages import QT_TRANSLATE_NOOP
from app.webform_intake import IntakeError, parse_webform
from app.working_hours import ScheduleError
from integrations.http_server import ConnectionLimits
from integrations.webform import PATH, RateLimiter, WebFormServer

TOKEN = "form-token-0123456789abcdef"
GOOD = {
    "name": "Олена",
    "phone": "+380 50 123 45 67",
    "comment": "Про розмір",
    "page_url": "https://shop.example/p/123",
    "consent": True,
}


@pytest.fixture
def server(core: Core) -> Iterator[WebFormServer]:
    srv = WebFormServer(core.callbacks, TOKEN, limiter=RateLimiter(per_minute=600, burst=50))
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def serving(core: Core) -> Iterator[Callable[..., WebFormServer]]:
    """Starts a server with other limits than ``server``'s; stops it after the test."""
    started: list[WebFormServer] = []

    def start(**kwargs: Any) -> WebFormServer:
        srv = WebFormServer(core.callbacks, TOKEN, **kwargs)
        srv.start()
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.stop()


IMPATIENT = ConnectionLimits(header_timeout=0.5, body_timeout=0.5)


def post(
    server: WebFormServer,
    body: object = None,
    *,
    token: str = TOKEN,
    raw: bytes | None = None,
    content_type: str = "application/json",
    forwarded: str | None = None,
) -> requests.Response:
    host, port = server.address
    headers = {"Content-Type": content_type}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if forwarded:
        headers["X-Forwarded-For"] = forwarded
    if raw is None:
        raw = json.dumps(body).encode()
    return requests.post(f"http://{host}:{port}{PATH}", data=raw, headers=headers, timeout=10)


def form_request(body: bytes, *, length: int | None = None, extra: tuple[str, ...] = ()) -> bytes:
    """A whole POST of the form as bytes; ``length`` may lie about the body."""
    lines = [
        f"POST {PATH} HTTP/1.1",
        "Host: shop.example",
        "Content-Type: application/json",
        f"Authorization: Bearer {TOKEN}",
        f"Content-Length: {len(body) if length is None else length}",
        "Connection: close",
        *extra,
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def read_to_end(sock: socket.socket) -> bytes:
    """Everything until the server closes the connection (the socket's timeout
    bounds the wait: a server that never closes fails the test)."""
    chunks = []
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def exchange(server: WebFormServer, data: bytes, *, half_close: bool = False) -> bytes:
    with socket.create_connection(server.address, timeout=10) as sock:
        sock.sendall(data)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        return read_to_end(sock)


def parsed(raw: bytes) -> tuple[int, dict[str, str], Any]:
    """(status, headers in lower case, the JSON body)."""
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), headers, json.loads(body)


def stored(core: Core) -> int:
    return len(core.callbacks.queue())


# --- the wire format ------------------------------------------------------------


def test_valid_form_makes_exactly_one_request(core: Core, server: WebFormServer) -> None:
    answer = post(server, {**GOOD, "request_id": "sub-1"})
    assert answer.status_code == 201
    created = answer.json()
    assert created["status"] == "open"
    again = post(server, {**GOOD, "request_id": "sub-1"})
    assert (again.status_code, again.json()["id"]) == (200, created["id"])
    [row] = core.callbacks.queue()
    assert (row.phone, row.name, row.source, row.comment) == (
        "+380501234567",
        "Олена",
        "web_form",
        "Про розмір",
    )
    assert row.meta["page_url"] == "https://shop.example/p/123"
    [item] = core.timeline.unlinked()
    assert item.channel == "callback" and item.meta["callback_request_id"] == row.id


@pytest.mark.parametrize(
    ("kwargs", "status", "message"),
    [
        ({"body": GOOD, "token": "wrong-token-0123456789"}, 401, "token"),
        ({"body": GOOD, "token": ""}, 401, "token"),
        ({"raw": b"{not json"}, 400, "not valid UTF-8 JSON"),
        ({"raw": b"\xff\xfe{}"}, 400, "not valid UTF-8 JSON"),
        ({"raw": b"[1, 2]"}, 400, "JSON object"),
        ({"body": GOOD, "content_type": "text/plain"}, 415, "application/json"),
        ({"raw": b"{" + b" " * 20000 + b"}"}, 413, "larger than"),
        ({"body": {**GOOD, "phone": "call me"}}, 422, "not a phone number"),
        ({"body": {**GOOD, "phone": ""}}, 422, "'phone' is required"),
        ({"body": {**GOOD, "consent": False}}, 422, "consent"),
        ({"body": {k: v for k, v in GOOD.items() if k != "consent"}}, 422, "consent"),
        ({"body": {**GOOD, "name": "x" * 301}}, 422, "'name' is longer"),
        ({"body": {**GOOD, "name": 5}}, 422, "'name' must be a string"),
        ({"body": {**GOOD, "preferred_time": {"from": "tomorrow"}}}, 422, "ISO 8601"),
        (
            {
                "body": {
                    **GOOD,
                    "preferred_time": {
                        "from": "2020-01-01T10:00:00+02:00",
                        "to": "2020-01-01T12:00:00+02:00",
                    },
                }
            },
            422,
            "in the past",
        ),
    ],
)
def test_bad_requests_get_a_clear_4xx_and_store_nothing(
    core: Core, server: WebFormServer, kwargs: dict, status: int, message: str
) -> None:
    answer = post(server, **kwargs)
    assert answer.status_code == status
    assert message in answer.json()["error"]
    assert core.callbacks.queue() == []
    assert core.timeline.unlinked() == []


def test_short_token_is_refused(core: Core) -> None:
    with pytest.raises(ValueError, match="at least 16"):
        WebFormServer(core.callbacks, "short")


def test_only_a_new_request_is_announced_as_a_change(core: Core) -> None:
    announced: list[int] = []
    core.db.changes.subscribe(lambda changes: announced.extend(changes.callbacks))
    srv = WebFormServer(core.callbacks, TOKEN)
    srv.start()
    try:
        first = post(srv, {**GOOD, "request_id": "sub-7"}).json()
        assert post(srv, {**GOOD, "request_id": "sub-7"}).status_code == 200  # a repeat
        assert post(srv, GOOD, token="wrong-token-0123456789").status_code == 401
        assert announced == [first["id"]]
    finally:
        srv.stop()


def test_a_server_never_started_stops_at_once(core: Core) -> None:
    srv = WebFormServer(core.callbacks, TOKEN)
    srv.stop()  # would wait forever in socketserver.shutdown()


def test_a_database_gone_answers_503_and_the_server_recovers(sqlite_core: Core) -> None:
    srv = WebFormServer(sqlite_core.callbacks, TOKEN, limiter=RateLimiter(per_minute=600, burst=50))
    srv.start()
    database = Path(str(sqlite_core.db.engine.url.database))
    folder = database.parent
    try:
        sqlite_core.db.engine.dispose()
        folder.rename(folder.with_name("unmounted"))  # a network drive gone, say
        try:
            answer = post(srv, {**GOOD, "request_id": "sub-9"})
        finally:
            folder.with_name("unmounted").rename(folder)
        assert answer.status_code == 503
        assert answer.headers["Retry-After"] == "30"
        assert "try again" in answer.json()["error"]
        assert sqlite_core.callbacks.queue() == []
        # The website's retry, once the database is back: stored once.
        again = post(srv, {**GOOD, "request_id": "sub-9"})
        assert again.status_code == 201
        assert [row.id for row in sqlite_core.callbacks.queue()] == [again.json()["id"]]
    finally:
        srv.stop()


@pytest.mark.parametrize(
    "failure",
    [
        RuntimeError("a bug of ours"),
        ScheduleError(QT_TRANSLATE_NOOP("core", "Unknown time zone {name!r}."), name="Mars/Base"),
    ],
)
def test_any_other_failure_is_a_500_with_a_reason_not_a_dropped_connection(
    core: Core, server: WebFormServer, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(core.callbacks, "request", refuse)
    answer = post(server, GOOD)
    assert answer.status_code == 500
    assert answer.json() == {"error": "The request could not be stored."}
    monkeypatch.undo()
    assert post(server, GOOD).status_code == 201  # the server kept going


# --- the token and the rate limits ----------------------------------------------


def test_rate_limit_answers_429_with_retry_after(core: Core) -> None:
    srv = WebFormServer(core.callbacks, TOKEN, limiter=RateLimiter(per_minute=1, burst=2))
    srv.start()
    try:
        codes = [post(srv, {**GOOD, "phone": f"050100000{i}"}).status_code for i in range(3)]
        assert codes == [201, 201, 429]
        limited = post(srv, GOOD)
        assert int(limited.headers["Retry-After"]) >= 1
        assert len(core.callbacks.queue()) == 2
    finally:
        srv.stop()


def test_token_bucket_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=6, burst=1, clock=lambda: now[0])
    assert limiter.allow("a") == 0
    assert limiter.allow("a") == pytest.approx(10.0)
    assert limiter.allow("b") == 0  # per address
    now[0] = 10.0
    assert limiter.allow("a") == 0


def test_anonymous_posts_never_lock_the_website_out(core: Core, serving: Any) -> None:
    srv = serving()  # the default limits
    guesses = [post(srv, GOOD, token="guess-0123456789abcdef") for _ in range(8)]
    # Guessing the token is slowed down...
    assert [answer.status_code for answer in guesses] == [401] * 5 + [429] * 3
    assert guesses[-1].json() == {"error": "Too many requests without a valid token."}
    assert post(srv, GOOD).status_code == 201  # ...and the website is not
    assert stored(core) == 1


def test_behind_a_proxy_each_forwarded_client_has_its_own_limit(core: Core, serving: Any) -> None:
    srv = serving(limiter=RateLimiter(per_minute=1, burst=2))
    first = [
        post(srv, {**GOOD, "phone": f"050100000{i}"}, forwarded="203.0.113.7, 10.0.0.1")
        for i in range(3)
    ]
    assert [answer.status_code for answer in first] == [201, 201, 429]
    assert int(first[2].headers["Retry-After"]) >= 1
    # Another customer of the same shop, through the same proxy: not held up.
    assert post(srv, {**GOOD, "phone": "0501000009"}, forwarded="198.51.100.4").status_code == 201
    assert stored(core) == 3


def test_the_forwarded_address_counts_only_with_the_token(serving: Any) -> None:
    srv = serving(anonymous_limiter=RateLimiter(per_minute=1, burst=2))
    codes = [
        post(srv, GOOD, token="guess-0123456789abcdef", forwarded=f"203.0.113.{i}").status_code
        for i in range(3)
    ]
    assert codes == [401, 401, 429]  # a forged header is no new address


def test_all_clients_together_meet_the_tokens_ceiling(core: Core, serving: Any) -> None:
    srv = serving(token_limiter=RateLimiter(per_minute=1, burst=3))
    codes = [
        post(srv, {**GOOD, "phone": f"050100000{i}"}, forwarded=f"203.0.113.{i}").status_code
        for i in range(4)
    ]
    assert codes == [201, 201, 201, 429]
    assert stored(core) == 3


def test_a_bucket_per_address_is_forgotten_when_there_are_too_many() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=1, clock=lambda: now[0], max_keys=3)
    for key in "abc":
        assert limiter.allow(key) == 0
    assert limiter.allow("a") > 0  # still empty
    now[0] = 0.5
    assert limiter.allow("d") == 0  # over the ceiling: the oldest half went
    assert len(limiter._buckets) <= 3


# --- slow and incomplete clients -------------------------------------------------


def test_headers_that_never_end_get_408_and_the_connection_closes(core: Core, serving: Any) -> None:
    srv = serving(limits=IMPATIENT)
    with socket.create_connection(srv.address, timeout=10) as sock:
        sock.sendall(f"POST {PATH} HTTP/1.1\r\nHost: shop.example\r\n".encode())
        status, headers, payload = parsed(read_to_end(sock))
    assert (status, headers["connection"]) == (408, "close")
    assert headers["content-type"] == "application/json; charset=utf-8"
    assert "headers did not arrive within 0.5 s" in payload["error"]
    assert stored(core) == 0


def test_headers_sent_a_line_at_a_time_still_meet_one_deadline(serving: Any) -> None:
    """A deadline, not a pause between bytes: a header every 0.1 s is cut off."""
    srv = serving(limits=IMPATIENT)
    cut_off = threading.Event()
    with socket.create_connection(srv.address, timeout=10) as sock:
        sock.sendall(f"POST {PATH} HTTP/1.1\r\n".encode())

        def trickle() -> None:
            for i in range(200):  # 20 s of headers, unless the server ends it
                try:
                    sock.sendall(b"X-Slow-%d: 1\r\n" % i)
                except OSError:
                    cut_off.set()
                    return
                if cut_off.is_set():
                    return
                time.sleep(0.1)

        sender = threading.Thread(target=trickle)
        sender.start()
        try:
            status, _headers, _payload = parsed(read_to_end(sock))
        finally:
            cut_off.set()
            sender.join()
    assert status == 408


def test_a_body_slower_than_its_deadline_gets_408_and_nothing_is_stored(
    core: Core, serving: Any
) -> None:
    srv = serving(limits=IMPATIENT)
    whole = form_request(json.dumps(GOOD).encode())
    with socket.create_connection(srv.address, timeout=10) as sock:
        sock.sendall(whole[:-20])  # the headers and most of the body; the rest never comes
        status, headers, payload = parsed(read_to_end(sock))
    assert (status, headers["connection"]) == (408, "close")
    assert "body did not arrive within 0.5 s" in payload["error"]
    assert stored(core) == 0


def test_a_body_cut_short_of_its_content_length_is_never_stored(
    core: Core, server: WebFormServer
) -> None:
    """The client sends a whole JSON form but promised more, then is gone: its
    request is not the one it meant to send, and nothing of it is kept."""
    body = json.dumps({**GOOD, "request_id": "cut-1"}).encode()
    raw = exchange(server, form_request(body, length=len(body) + 100), half_close=True)
    assert b" 201 " not in raw.split(b"\r\n", 1)[0]
    assert stored(core) == 0
    # The website's retry, whole this time, is stored once.
    assert post(server, raw=body).status_code == 201
    assert stored(core) == 1


# --- many connections at once ----------------------------------------------------


def test_fifty_connections_at_once_are_all_answered(sqlite_core: Core) -> None:
    """Bound but not accepting yet, the server leaves them all to the listen
    backlog: with http.server's 5, the connections past it were dropped."""
    srv = WebFormServer(sqlite_core.callbacks, TOKEN)
    try:

        def connect(_: int) -> socket.socket:
            sock = socket.create_connection(srv.address, timeout=5)
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n")
            return sock

        with ThreadPoolExecutor(50) as pool:
            waiting = list(pool.map(connect, range(50)))
        srv.start()
        answers = []
        for sock in waiting:
            with sock:
                answers.append(parsed(read_to_end(sock))[::2])
    finally:
        srv.stop()
    assert answers == [(200, {"status": "ok"})] * 50


# --- JSON for every refusal ------------------------------------------------------


@pytest.mark.parametrize(
    ("request_bytes", "status", "words"),
    [
        pytest.param(b"GARBAGE\r\n\r\n", 400, "not valid HTTP/1.1", id="malformed"),
        pytest.param(
            b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
            414,
            "request line is longer than 16384 bytes",
            id="request-line-too-long",
        ),
        pytest.param(
            b"GET /health HTTP/1.1\r\nHost: x\r\n"
            + b"".join(b"X-Pad-%d: %s\r\n" % (i, b"p" * 100) for i in range(200))
            + b"\r\n",
            431,
            "headers are larger than 16384 bytes",
            id="headers-too-large",
        ),
        pytest.param(
            f"POST {PATH} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n".encode(),
            501,
            "chunked",
            id="transfer-coding",
        ),
        pytest.param(
            f"POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n".encode(),
            400,
            "not valid HTTP/1.1",
            id="bad-content-length",
        ),
        pytest.param(
            f"BREW {PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode(),
            405,
            "BREW is not allowed here; the form is POSTed to /callback-requests",
            id="unknown-method",
        ),
        pytest.param(
            f"GET {PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode(),
            405,
            "GET is not allowed here",
            id="wrong-method",
        ),
        pytest.param(
            b"POST /wp-login.php HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
            404,
            "Not found",
            id="unknown-path",
        ),
        pytest.param(
            f"POST {PATH} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n"
            "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n".encode(),
            411,
            "Content-Length is required",
            id="no-length",
        ),
    ],
)
def test_every_refusal_is_json(
    sqlite_core: Core, request_bytes: bytes, status: int, words: str
) -> None:
    srv = WebFormServer(sqlite_core.callbacks, TOKEN)
    srv.start()
    try:
        got, headers, payload = parsed(exchange(srv, request_bytes))
    finally:
        srv.stop()
    assert got == status
    assert headers["content-type"] == "application/json; charset=utf-8"
    assert words in payload["error"]
    if status == 405:
        assert headers["allow"] == "POST"


# --- the log ---------------------------------------------------------------------


def test_control_bytes_from_the_client_are_escaped_in_the_log(
    server: WebFormServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    # A raw escape in the request line (refused by the protocol) and escapes
    # sent percent-encoded (decoded into the path the app sees).
    exchange(server, b"GET /\x1b[31mred HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    exchange(server, b"GET /%1b[2J%0d%0aforged HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert post(server, {**GOOD, "request_id": "log-1"}).status_code == 201
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("integrations.")]
    assert all(message.isprintable() for message in ours), ours
    text = "\n".join(ours)
    assert "/\\x1b[2J\\r\\nforged" in text
    assert "-> 201 (request_id log-1)" in text
    # Personal data stays out.
    assert "123 45 67" not in text and "501234567" not in text and "розмір" not in text


# --- client input is never a server error ----------------------------------------

WINDOW = '{"phone": "+380501234567", "consent": true, "preferred_time": '
LATER = (datetime.now(UTC) + timedelta(days=400)).isoformat()


def body(text: str) -> bytes:
    return text.encode()


HOSTILE = [
    pytest.param(
        body('{"phone": "+380501234567", "consent": true, "preferred_time": {"from": ')
        + b"[" * 5000
        + b"]" * 5000
        + b"}}",
        400,
        "'preferred_time' is nested deeper than 8 levels",
        id="deep-field",
    ),
    pytest.param(b"[" * 8000 + b"]" * 8000, 400, "The body is nested deeper", id="deep-body"),
    pytest.param(
        b'{"phone": ' + b"9" * 5000 + b', "consent": true}',
        422,
        "'phone' must be a string",
        id="long-integer-phone",
    ),
    pytest.param(
        b'{"phone": "+380501234567", "consent": ' + b"1" * 5000 + b"}",
        422,
        "'consent' must be true",
        id="long-integer-consent",
    ),
    pytest.param(
        body(WINDOW + '{"from": ' + "7" * 4400 + "}}"),
        422,
        "'preferred_time.from' must be an ISO 8601 string",
        id="long-integer-time",
    ),
    pytest.param(
        body('{"phone": "+380501234567", "consent": true, "name": "\\ud800"}'),
        422,
        "'name' is not valid Unicode text",
        id="lone-surrogate-name",
    ),
    pytest.param(
        body('{"phone": "+380501234567", "consent": true, "comment": "ok \\udfff"}'),
        422,
        "'comment' is not valid Unicode text",
        id="lone-surrogate-comment",
    ),
    pytest.param(
        body('{"phone": "+38050\\ud8001234567", "consent": true}'),
        422,
        "'phone' is not valid Unicode text",
        id="lone-surrogate-phone",
    ),
    pytest.param(
        body('{"phone": "+380501234567", "consent": true, "request_id": "\\udbff"}'),
        422,
        "'request_id' is not valid Unicode text",
        id="lone-surrogate-request-id",
    ),
    pytest.param(
        body(WINDOW + '{"to": "2027-01-01T10:00:00\\ud800"}}'),
        422,
        "'preferred_time.to' is not valid Unicode text",
        id="lone-surrogate-time",
    ),
    pytest.param(
        body('{"phone": "+380501234567", "consent": true, "name": "a\\u0000b"}'),
        422,
        "'name' contains a control character (U+0000)",
        id="nul-in-name",
    ),
    pytest.param(
        body('{"phone": "+380501234567", "consent": true, "request_id": "a\\nb"}'),
        422,
        "'request_id' contains a control character (U+000A)",
        id="newline-in-request-id",
    ),
    pytest.param(
        body(WINDOW + '{"to": "9999-12-31T23:59:59-23:59"}}'),
        422,
        "'preferred_time.to' is more than a year ahead",
        id="calendar-end",
    ),
    pytest.param(
        body(WINDOW + '{"from": "0001-01-01T00:00:00+23:59"}}'),
        422,
        "'preferred_time.from' is more than a year in the past",
        id="calendar-start",
    ),
    pytest.param(
        body(WINDOW + '{"from": "9999-12-31T23:59:59"}}'),
        422,
        "'preferred_time.from' is more than a year ahead",
        id="calendar-end-local",
    ),
    pytest.param(
        body(WINDOW + '{"to": "0001-01-01T00:00:00"}}'),
        422,
        "'preferred_time.to' is more than a year in the past",
        id="calendar-start-local",
    ),
    pytest.param(
        body(WINDOW + f'{{"from": "{LATER}"}}}}'),
        422,
        "'preferred_time.from' is more than a year ahead",
        id="over-a-year-ahead",
    ),
    pytest.param(
        b'{"phone": "+380501234567", "consent": false, "consent": true}',
        400,
        "'consent' appears twice",
        id="duplicate-key",
    ),
    pytest.param(
        body(WINDOW + '{"to": "2027-01-01T10:00:00", "to": "2027-01-02T10:00:00"}}'),
        400,
        "'preferred_time' has the key 'to' twice",
        id="duplicate-nested-key",
    ),
    pytest.param(
        b'{"phone": "380507001236.5", "consent": true}',
        422,
        "'phone' is written as a decimal number (380507001236.5)",
        id="decimal-phone",
    ),
    pytest.param(
        b'{"phone": "0501234567.0", "consent": true}',
        422,
        "'phone' is written as a decimal number",
        id="decimal-phone-zero",
    ),
    pytest.param(
        b'{"phone": "+380501234567", "consent": true, "name": NaN}',
        400,
        "'name' is not valid JSON: NaN is not JSON",
        id="nan",
    ),
    pytest.param(
        body('{"phone": "' + "1" * 65 + '", "consent": true}'),
        422,
        "'phone' is longer than 64 characters",
        id="long-phone",
    ),
    pytest.param(
        body(WINDOW + "[]}"), 422, "'preferred_time' must be an object", id="window-not-object"
    ),
    pytest.param(
        body(WINDOW + '{"from": 5}}'),
        422,
        "'preferred_time.from' must be an ISO 8601 string",
        id="time-not-string",
    ),
]


@pytest.mark.parametrize(("raw", "status", "words"), HOSTILE)
def test_hostile_input_is_a_4xx_naming_the_field(
    core: Core, server: WebFormServer, raw: bytes, status: int, words: str
) -> None:
    answer = post(server, raw=raw)
    assert (answer.status_code, "Retry-After" in answer.headers) == (status, False)
    assert words in answer.json()["error"]
    assert stored(core) == 0
    assert core.timeline.unlinked() == []


@pytest.mark.parametrize(
    "typed",
    ["+380 (50) 123-45-67", "050.123.45.67", "+380.50.123.45.67", "(050) 123-45-67"],
)
def test_numbers_as_ukrainian_websites_send_them_are_accepted(
    core: Core, server: WebFormServer, typed: str
) -> None:
    assert post(server, {**GOOD, "phone": typed}).status_code == 201
    [row] = core.callbacks.queue()
    assert row.phone == "+380501234567"


def _hostile_value(rng: random.Random, depth: int = 0) -> str:
    """A JSON text, some of it invalid, most of it valid but wrong for a field."""
    leaves = [
        "null", "true", "false", "0", "-1", "1.5", "1e309", "NaN", "9" * 40, "7" * 5000,
        '""', '" "', '"\\ud800"', '"\\u0000"', '"\\u001b[31m"', '"' + "a" * 3000 + '"',
        '"+380501234567"', '"380507001236.5"', '"9999-12-31T23:59:59-23:59"',
        '"0001-01-01T00:00:00+23:59"', '"2026-13-45T25:61:00"', '"\\uffff\\ufeff"', '"€"',
        "[", '{"', '"unterminated',
    ]  # fmt: skip
    roll = rng.random()
    if depth < 12 and roll < 0.15:
        return (
            "[" + ",".join(_hostile_value(rng, depth + 1) for _ in range(rng.randint(0, 3))) + "]"
        )
    if depth < 12 and roll < 0.3:
        return _hostile_object(rng, depth + 1)
    return rng.choice(leaves)


def _hostile_object(rng: random.Random, depth: int = 0) -> str:
    keys = ["phone", "consent", "name", "comment", "page_url", "request_id", "preferred_time"]
    keys += ["from", "to", "\\ud800", ""]
    fields = [
        f'"{rng.choice(keys)}": {_hostile_value(rng, depth)}' for _ in range(rng.randint(0, 8))
    ]
    return "{" + ", ".join(fields) + "}"


def test_the_parser_is_total(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of hostile bodies: each is a request with every field in its
    type and range, or an IntakeError with a 4xx, never anything else."""
    rng = random.Random(17)
    now = datetime.now(UTC)
    good = json.dumps({**GOOD, "preferred_time": {"to": (now + timedelta(hours=5)).isoformat()}})
    bodies = [_hostile_object(rng).encode() for _ in range(3000)]
    for _ in range(2000):  # and byte-level damage to a good one
        damaged = bytearray(good.encode())
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(damaged))
            damaged[at : at + rng.randint(0, 3)] = bytes(rng.randrange(256) for _ in range(2))
        bodies.append(bytes(damaged))
    accepted = 0
    for raw in bodies:
        try:
            form = parse_webform(raw, "application/json", now=now)
        except IntakeError as exc:
            assert 400 <= exc.status < 500, (raw[:200], exc)
            json.dumps(str(exc), ensure_ascii=False).encode("utf-8")  # the answer can be sent
            continue
        accepted += 1
        for text in (form.phone, form.name, form.comment, form.page_url, form.request_id or ""):
            text.encode("utf-8")
        for moment in (form.preferred_from, form.preferred_to):
            if moment is not None:
                local = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
                assert abs(local - now) <= timedelta(days=368)
        form.fingerprint()
    assert accepted > 0  # the damaged bodies that stayed well-formed


def test_a_check_missing_from_the_parser_is_still_a_400(
    core: Core, server: WebFormServer, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    """The last guard: a body no check foresaw (here: the Unicode table failing
    under the parser) is the client's problem, never a 5xx the website would
    retry for ever; the log says where, not what the body held."""

    class BrokenUnicodeData:
        @staticmethod
        def category(_ch: str) -> str:
            raise LookupError("no such character: Олена")

    monkeypatch.setattr(webform_intake, "unicodedata", BrokenUnicodeData())
    answer = post(server, GOOD)
    assert (answer.status_code, answer.json()) == (400, {"error": "The request could not be read."})
    assert "Retry-After" not in answer.headers
    assert stored(core) == 0
    [line] = [r.getMessage() for r in caplog.records if r.name == "app.webform_intake"]
    assert "LookupError in _check_text" in line and "of webform_intake.py" in line
    assert "Олена" not in line


# --- exactly once per request_id --------------------------------------------------


def test_fifty_concurrent_posts_of_one_request_id_make_one_request(
    core: Core, serving: Any
) -> None:
    created: list[int] = []  # the requests announced as changes: the new one only
    core.db.changes.subscribe(lambda changes: created.extend(changes.callbacks))
    generous = RateLimiter(per_minute=6000, burst=100)
    srv = serving(limiter=generous, token_limiter=generous)
    raw = json.dumps({**GOOD, "request_id": "burst-1"}).encode()
    start = threading.Barrier(50)

    def send(_: int) -> requests.Response:
        start.wait(timeout=30)
        return post(srv, raw=raw)

    with ThreadPoolExecutor(50) as pool:
        answers = list(pool.map(send, range(50)))
    assert sorted(answer.status_code for answer in answers) == [200] * 49 + [201]
    [row] = core.callbacks.queue()
    assert {answer.json()["id"] for answer in answers} == {row.id}
    [item] = core.timeline.unlinked()
    assert item.meta["callback_request_id"] == row.id
    assert created == [row.id]


def test_a_request_id_reused_for_a_different_request_is_a_409(
    core: Core, server: WebFormServer
) -> None:
    first = post(server, {**GOOD, "request_id": "sub-5"})
    assert first.status_code == 201
    other = post(server, {**GOOD, "comment": "Another question", "request_id": "sub-5"})
    assert other.status_code == 409
    assert other.json() == {
        "error": "request_id 'sub-5' was already used for a different request;"
        " a new request needs a new request_id."
    }
    # The same request spelled otherwise (key order, escapes, spaces) is a repeat.
    respelled = {"request_id": "sub-5", **dict(reversed(list(GOOD.items())))}
    respelled["phone"] = f"  {GOOD['phone']} "
    again = post(server, raw=json.dumps(respelled, ensure_ascii=True, indent=3).encode())
    assert (again.status_code, again.json()["id"]) == (200, first.json()["id"])
    assert stored(core) == 1


def test_the_fingerprint_is_of_the_content_not_the_spelling() -> None:
    now = datetime.now(UTC)
    kyiv = (now + timedelta(hours=3)).astimezone(timezone(timedelta(hours=2)))
    base = {**GOOD, "preferred_time": {"to": kyiv.isoformat()}}
    same_instant = {**GOOD, "preferred_time": {"to": kyiv.astimezone(UTC).isoformat()}}
    one = parse_webform(json.dumps(base).encode(), "application/json", now=now)
    two = parse_webform(json.dumps(same_instant).encode(), "application/json", now=now)
    other = parse_webform(
        json.dumps({**base, "name": "Оксана"}).encode(), "application/json", now=now
    )
    assert one.fingerprint() == two.fingerprint() != other.fingerprint()
    assert len(one.fingerprint()) == 64

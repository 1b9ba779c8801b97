"""The web-form intake over real HTTP on 127.0.0.1."""

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from app.core import Core
from app.messages import QT_TRANSLATE_NOOP
from app.working_hours import ScheduleError
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


def post(
    server: WebFormServer,
    body: object = None,
    *,
    token: str = TOKEN,
    raw: bytes | None = None,
    content_type: str = "application/json",
) -> requests.Response:
    host, port = server.address
    headers = {"Content-Type": content_type}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if raw is None:
        import json

        raw = json.dumps(body).encode()
    return requests.post(f"http://{host}:{port}{PATH}", data=raw, headers=headers, timeout=10)


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


def test_short_token_is_refused(core: Core) -> None:
    with pytest.raises(ValueError, match="at least 16"):
        WebFormServer(core.callbacks, "short")


def test_on_created_hears_new_requests_only(core: Core) -> None:
    created: list[int] = []
    srv = WebFormServer(core.callbacks, TOKEN, on_created=created.append)
    srv.start()
    try:
        first = post(srv, {**GOOD, "request_id": "sub-7"}).json()
        assert post(srv, {**GOOD, "request_id": "sub-7"}).status_code == 200  # a repeat
        assert post(srv, GOOD, token="wrong-token-0123456789").status_code == 401
        assert created == [first["id"]]
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

"""The HTTP runner the web form (and the relay's webhooks) stand on: uvicorn on
a thread with the guards it lacks, against real sockets on 127.0.0.1. What
the web form makes of it is in test_webform.py; this file holds the parts
every endpoint shares and the uvicorn internals the guard relies on."""

import errno
import inspect
import json
import signal
import socket
import threading
from collections.abc import Iterator
from typing import Any

import h11
import pytest
import uvicorn
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from uvicorn.protocols.http.h11_impl import H11Protocol

from integrations.http_server import (
    ConnectionLimits,
    HttpServer,
    JsonResponse,
    forwarded_client,
    json_app,
    loggable,
    read_body,
)


async def echo(request: Request) -> Response:
    return JsonResponse({"length": len(await read_body(request, 1000, 5))})


async def ignore(request: Request) -> Response:
    return JsonResponse({"read": False})


async def boom(request: Request) -> Response:
    raise RuntimeError("a bug of the endpoint")


APP = json_app(
    [
        Route("/echo", echo, methods=["POST"]),
        Route("/ignore", ignore, methods=["POST"]),
        Route("/boom", boom, methods=["GET"]),
    ]
)


@pytest.fixture
def http() -> Iterator[HttpServer]:
    server = HttpServer(APP, label="demo", limits=ConnectionLimits(header_timeout=0.5))
    server.start()
    yield server
    server.stop()


def read_to_end(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def read_answer(sock: socket.socket) -> tuple[int, dict[str, str], Any]:
    """One answer on a connection that stays open: the head, then Content-Length bytes."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, "closed before an answer"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines)}
    while len(body) < int(headers["content-length"]):
        body += sock.recv(65536)
    return int(status_line.split()[1]), headers, json.loads(body)


def test_uvicorn_still_has_what_the_guard_relies_on() -> None:
    """GuardedH11Protocol overrides and replaces parts of uvicorn's h11
    protocol; a uvicorn that changed them would silently undo the guard."""
    assert "self.send_400_response(" in inspect.getsource(H11Protocol.handle_events)
    assert "self.conn = h11.Connection(" in inspect.getsource(H11Protocol.__init__)
    assert "self.conn.receive_data(data)" in inspect.getsource(H11Protocol.data_received)
    assert "self.connections.add(self)" in inspect.getsource(H11Protocol.connection_made)
    assert "sockets" in inspect.signature(uvicorn.Server.startup).parameters
    assert callable(uvicorn.Server.capture_signals)
    assert isinstance(h11.Connection.trailing_data, property)
    assert h11.RemoteProtocolError("x", error_status_hint=431).error_status_hint == 431


def test_a_taken_port_is_an_oserror_from_the_constructor() -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        with pytest.raises(OSError) as raised:
            HttpServer(APP, port=port)
    assert raised.value.errno == errno.EADDRINUSE


def test_it_serves_on_its_own_thread_and_stops_cleanly() -> None:
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    server = HttpServer(APP, label="demo")
    server.start()
    assert [t.name for t in threading.enumerate()].count("demo-http") == 1
    with socket.create_connection(server.address, timeout=10) as sock:
        sock.sendall(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
        assert read_answer(sock)[::2] == (200, {"length": 3})
    server.stop()
    server.stop()  # twice is harmless
    assert "demo-http" not in [t.name for t in threading.enumerate()]
    assert {sig: signal.getsignal(sig) for sig in before} == before  # the app's own
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(server.address, timeout=10)


def test_a_server_never_started_stops_at_once() -> None:
    server = HttpServer(APP)
    server.stop()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(server.address, timeout=10)


def test_an_exception_in_an_endpoint_is_a_json_500(http: HttpServer) -> None:
    with socket.create_connection(http.address, timeout=10) as sock:
        sock.sendall(b"GET /boom HTTP/1.1\r\nHost: x\r\n\r\n")
        status, headers, payload = read_answer(sock)
    assert (status, payload) == (500, {"error": "Internal error."})
    assert headers["content-type"] == "application/json; charset=utf-8"


def test_an_answer_given_before_the_body_was_read_closes_the_connection(
    http: HttpServer,
) -> None:
    """Else a client could trickle a body nobody reads and keep the connection."""
    with socket.create_connection(http.address, timeout=10) as sock:
        sock.sendall(b"POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789")
        status, headers, _payload = read_answer(sock)
        assert (status, headers["connection"]) == (200, "close")
        assert read_to_end(sock) == b""


def test_each_request_on_a_kept_alive_connection_has_its_header_deadline(
    http: HttpServer,
) -> None:
    with socket.create_connection(http.address, timeout=10) as sock:
        sock.sendall(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok")
        status, headers, _payload = read_answer(sock)
        assert status == 200 and "connection" not in headers  # kept alive
        sock.sendall(b"POST /echo HTTP/1.1\r\nHost: x\r\n")  # and the next head never ends
        status, headers, payload = read_answer(sock)
        assert (status, headers["connection"]) == (408, "close")
        assert payload == {"error": "The request's headers did not arrive within 0.5 s."}
        assert read_to_end(sock) == b""


def test_connections_past_the_ceiling_get_a_json_503() -> None:
    server = HttpServer(APP, limits=ConnectionLimits(max_connections=2))
    server.start()
    try:
        held = [socket.create_connection(server.address, timeout=10) for _ in range(2)]
        with socket.create_connection(server.address, timeout=10) as third:
            status, headers, payload = read_answer(third)
        for sock in held:
            sock.close()
    finally:
        server.stop()
    assert (status, headers["retry-after"]) == (503, "5")
    assert payload == {"error": "Too many connections; try again later."}


def test_loggable_escapes_what_a_terminal_or_a_log_reader_would_obey() -> None:
    assert loggable("/ok/путь") == "/ok/путь"
    assert loggable("a\r\nb\x1b[2J\x00\u2028\ud800\\") == "a\\r\\nb\\x1b[2J\\x00\\u2028\\ud800\\\\"
    assert loggable("x" * 300, limit=5) == "xxxxx…"


@pytest.mark.parametrize(
    ("values", "client"),
    [
        ([], None),
        (["203.0.113.7"], "203.0.113.7"),
        (["203.0.113.7, 10.0.0.1", "10.0.0.2"], "203.0.113.7"),
        (["203.0.113.7:4711"], "203.0.113.7"),
        (["[2001:db8::1]:4711"], "2001:db8::1"),
        (["2001:DB8::1"], "2001:db8::1"),
        (["unknown"], None),
        (["\x85evil"], None),
    ],
)
def test_the_forwarded_client_is_an_address_or_nothing(
    values: list[str], client: str | None
) -> None:
    assert forwarded_client(values) == client

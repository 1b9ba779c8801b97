"""What every server fixture needs: free ports, "missing" handling, waiting."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable

import pytest


def require_servers() -> bool:
    return os.environ.get("SWITCHBOARD_REQUIRE_SERVERS") == "1"


def missing(what: str) -> None:
    """A server binary isn't installed: fail under CI, skip on a developer's box."""
    message = f"{what} is not installed (scripts/test.sh installs it)"
    if require_servers():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    raise TimeoutError(f"{what} did not happen within {timeout} s")

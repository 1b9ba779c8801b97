"""Drives tests/sip/peer_engine.py in a subprocess and waits on its events."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


class PeerEngine:
    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.events: list[dict[str, Any]] = []
        self.cond = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("{"):
                with self.cond:
                    self.events.append(json.loads(line))
                    self.cond.notify_all()

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def wait_for(self, event_type: str, timeout: float = 10, **fields: Any) -> dict[str, Any]:
        def find() -> dict[str, Any] | None:
            return next(
                (
                    e
                    for e in self.events
                    if e["type"] == event_type and all(e.get(k) == v for k, v in fields.items())
                ),
                None,
            )

        with self.cond:
            if not self.cond.wait_for(lambda: find() is not None, timeout):
                raise AssertionError(f"peer sent no {event_type} {fields}: {self.events[-10:]}")
            found = find()
            assert found is not None
            return found


@contextmanager
def peer_engine(user: str, password: str, domain: str) -> Iterator[PeerEngine]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.sip.peer_engine", user, password, domain],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    peer = PeerEngine(process)
    try:
        peer.wait_for("RegistrationChanged", status="registered", timeout=20)
        yield peer
    finally:
        with contextlib.suppress(OSError):  # it may be gone already
            peer.send("quit")
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        assert process.returncode == 0, f"peer engine exited with {process.returncode}"

"""The database refusing writes while calls come in: the window says so, the calls
are written once the database takes writes again, and the window says that too."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlmodel import select

from app import db as db_module
from app import inbound_writer
from app.models import Interaction
from sip.events import CallOutcome
from tests.ui.conftest import ended, feed, incoming

NUMBER = "+380671112233"


def test_a_missed_call_during_a_lock_is_announced_and_written_afterwards(
    qtbot: Any, shell: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    core = shell.core
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(inbound_writer, "RETRY_FIRST_S", 0.05)
    core.db.engine.dispose()  # new connections, with the short busy timeout
    status = shell.window.statusBar()
    other = sqlite3.connect(str(core.db.engine.url.database), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        feed(shell.bridge, incoming("c1", NUMBER, "Taras"))
        feed(shell.call_log, incoming("c1", NUMBER, "Taras"))
        feed(shell.bridge, ended("c1", NUMBER, CallOutcome.MISSED))
        feed(shell.call_log, ended("c1", NUMBER, CallOutcome.MISSED))
        qtbot.waitUntil(lambda: "refuses writes" in status.currentMessage(), timeout=10_000)
        assert "Calls are kept" in status.currentMessage()
        other.execute("ROLLBACK")
    finally:
        other.close()
    qtbot.waitUntil(lambda: "again" in status.currentMessage(), timeout=15_000)
    assert shell.call_log.flush(timeout=10)
    with core.db.session() as s:
        rows = list(s.exec(select(Interaction)))
    assert [(row.external_id, row.status) for row in rows] == [("sip-c1", "missed")]
    [request] = core.callbacks.queue()
    assert request.missed_count == 1

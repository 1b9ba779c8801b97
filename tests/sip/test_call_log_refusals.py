"""A database that refuses writes for a while (another program holding SQLite's
write lock) costs a call nothing: the call log writes the same event again once it
can, in order, and exactly once. No engine needed: the events are handed to the log
as the engine hands them."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from app import db as db_module
from app import inbound_writer
from app.core import Core
from app.customers import ContactInput
from app.models import Interaction, utcnow
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings
from sip.adapters.call_log import CallLog
from sip.events import CallDirection, CallEnded, CallOutcome, IncomingCall

NUMBER = "+380501234567"


@pytest.fixture
def core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Core]:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)  # each refusal in 0.1 s, not 5
    monkeypatch.setattr(inbound_writer, "RETRY_FIRST_S", 0.05)
    paths = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    paths.ensure()
    opened = Core.open(paths, Settings(), secrets=SecretStore(MemoryKeyring()))
    yield opened
    opened.close()


def aware(moment: datetime) -> datetime:
    """SQLite gives the stored UTC time back without its zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def missed_call(call_id: str, sip_call_id: str) -> tuple[IncomingCall, CallEnded]:
    uri = f'"Olha" <sip:{NUMBER}@pbx.example>'
    return (
        IncomingCall(call_id, "office", uri, NUMBER, "Olha", sip_call_id),
        CallEnded(
            call_id,
            "office",
            CallDirection.INBOUND,
            CallOutcome.MISSED,
            487,
            "Request Terminated",
            sip_call_id,
            uri,
            NUMBER,
            "Olha",
            connected_seconds=0.0,
            total_seconds=4.0,
        ),
    )


def test_a_missed_call_while_the_database_is_locked_is_written_once_it_is_free(
    core: Core, caplog: pytest.LogCaptureFixture
) -> None:
    customer = core.customers.create("Olha Marchenko", contacts=[ContactInput("phone", NUMBER)])
    log = CallLog(core.timeline, core.callbacks, attach_recording=core.attachments.add)
    other = sqlite3.connect(str(core.db.engine.url.database), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with caplog.at_level(logging.WARNING, logger="sip.adapters.call_log"):
            rang = utcnow()
            for event in missed_call("c1", "sip-call-1@pbx"):
                log(event)
            handed_over = utcnow()
            deadline = time.monotonic() + 10
            while "trying again" not in caplog.text and time.monotonic() < deadline:
                time.sleep(0.05)
        assert "trying again, nothing is dropped" in caplog.text
        time.sleep(0.3)  # a few more refusals and back-offs
        freed = utcnow()
        other.execute("ROLLBACK")
        assert log.flush(timeout=15)
    finally:
        other.close()
        log.close()

    assert log.unwritten == 0
    with core.db.session() as s:
        rows = list(s.exec(select(Interaction)))
    assert len(rows) == 1
    [row] = rows
    assert (row.direction, row.status, row.customer_id) == ("in", "missed", customer.id)
    assert row.external_id == "sip-call-1@pbx" and row.ended_at is not None
    # The call's own times, not the time the database took the write.
    assert rang <= aware(row.started_at) <= aware(row.ended_at) <= handed_over < freed
    [request] = core.callbacks.queue()
    assert request.missed_count == 1
    assert request.meta["missed_interactions"] == [row.id]


def test_events_after_a_refused_one_wait_their_turn(core: Core) -> None:
    """Two calls end while the database is locked: both written, each once, in order."""
    log = CallLog(core.timeline, core.callbacks)
    other = sqlite3.connect(str(core.db.engine.url.database), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        for event in (*missed_call("c1", "sip-1@pbx"), *missed_call("c2", "sip-2@pbx")):
            log(event)
        time.sleep(0.5)
        other.execute("ROLLBACK")
        assert log.flush(timeout=15)
    finally:
        other.close()
        log.close()
    with core.db.session() as s:
        rows = list(s.exec(select(Interaction).order_by(col(Interaction.id))))
    assert [(r.external_id, r.status) for r in rows] == [
        ("sip-1@pbx", "missed"),
        ("sip-2@pbx", "missed"),
    ]
    [request] = core.callbacks.queue()  # one number: one request, two missed calls
    assert request.missed_count == 2
    assert request.meta["missed_interactions"] == [rows[0].id, rows[1].id]


def test_a_call_end_refused_half_way_is_done_again_and_counted_once(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The end's first writes (the row closed) went through; the database then refused
    the missed call's callback (another program took the lock just then): the end is
    done again, the row stays closed once and the missed call counts once."""
    log = CallLog(core.timeline, core.callbacks)
    register = core.callbacks.register_missed_call
    refused: list[bool] = []

    def locked_the_first_time(*args: Any, **kwargs: Any) -> Any:
        if refused:
            return register(*args, **kwargs)
        refused.append(True)
        other = sqlite3.connect(str(core.db.engine.url.database), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            return register(*args, **kwargs)  # refused by the real database: busy
        finally:
            other.execute("ROLLBACK")
            other.close()

    monkeypatch.setattr(core.callbacks, "register_missed_call", locked_the_first_time)
    try:
        for event in missed_call("c1", "sip-1@pbx"):
            log(event)
        assert log.flush(timeout=15)
    finally:
        log.close()
    assert refused == [True] and log.unwritten == 0
    assert log.interaction_of("c1") is None  # forgotten once written, not before
    with core.db.session() as s:
        [row] = list(s.exec(select(Interaction)))
    assert row.status == "missed" and row.ended_at is not None
    [request] = core.callbacks.queue()
    assert request.missed_count == 1
    assert request.meta["missed_interactions"] == [row.id]

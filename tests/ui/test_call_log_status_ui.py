"""The status bar says what the database refuses of the call log for as long as
it refuses (not a message that fades or that the next message replaces), says a
refusal that never passes at once with the driver's words, and says when the
spool found a record cut short by a crash."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlmodel import col, select

from app import db as db_module
from app import spool as spool_module
from app.core import Core
from app.models import Interaction
from app.spool import in_profile
from sip.events import CallOutcome
from tests.ui.conftest import RecordingEngine, ended, feed, incoming

NUMBER = "+380671112233"


@pytest.fixture
def quick_refusals(sqlite_core: Core, monkeypatch: pytest.MonkeyPatch) -> Core:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(spool_module, "RETRY_FIRST_S", 0.05)
    monkeypatch.setattr(spool_module, "RETRY_MAX_S", 0.2)
    sqlite_core.db.engine.dispose()  # new connections, with the short busy timeout
    return sqlite_core


def test_the_refusal_is_shown_while_it_lasts(qtbot: Any, quick_refusals: Core, shell: Any) -> None:
    label = shell.call_log_status
    assert label.isHidden()
    other = sqlite3.connect(str(quick_refusals.db.engine.url.database), isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program holds the database
        feed(shell.call_log, incoming("c1", NUMBER, "Taras"))
        feed(shell.call_log, ended("c1", NUMBER, CallOutcome.MISSED))
        qtbot.waitUntil(lambda: "2 call event(s)" in label.text(), timeout=10_000)
        assert label.isVisible() and label.text().startswith("The database refuses writes")
        assert "database is locked" in label.toolTip()
        # Another message in the status bar doesn't take it away.
        shell.window.show_message("Something else happened")
        qtbot.wait(300)  # a few more refusals and back-offs
        assert label.isVisible()
        other.execute("ROLLBACK")
    finally:
        other.close()
    qtbot.waitUntil(label.isHidden, timeout=10_000)
    assert shell.call_log.flush(10)
    assert [row.status for row in interactions(quick_refusals)] == ["missed"]


def test_a_refusal_for_good_is_said_at_once_with_the_drivers_words(
    qtbot: Any, quick_refusals: Core, shell: Any
) -> None:
    with quick_refusals.db.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER no_calls BEFORE INSERT ON interaction "
            "BEGIN SELECT RAISE(ABORT, 'the call log is switched off here'); END"
        )
    label = shell.call_log_status
    feed(shell.call_log, incoming("c1", NUMBER, "Taras"))
    qtbot.waitUntil(lambda: "for good" in label.text(), timeout=10_000)
    assert label.text() == ("The database refused 1 call event(s) for good: kept on this computer")
    assert "the call log is switched off here" in label.toolTip()
    assert "next start" in label.toolTip()


@pytest.fixture
def torn_spool(sqlite_core: Core) -> Core:
    """The spool as a crash left it: one whole record, then one cut short."""
    spool = in_profile(sqlite_core.paths, sqlite_core.db.url, "call-log")
    assert spool.path is not None
    spool.open()
    spool.append(
        {
            "kind": "incoming",
            "call": "before-the-crash",
            "at": "2024-05-06T10:00:00+00:00",
            "account": "office",
            "remote_uri": f"sip:{NUMBER}@pbx",
            "number": NUMBER,
            "display_name": "Taras",
            "sip_call_id": "crash-1@pbx",
        }
    )
    spool.close()
    with spool.path.open("ab") as out:
        out.write(b'0badc0de {"seq":2,"record":{"kind":"ended","ca')
    return sqlite_core


def test_a_record_cut_short_by_a_crash_is_reported_and_the_rest_written(
    qtbot: Any, torn_spool: Core, engine: RecordingEngine
) -> None:
    from ui.shell.shell import Shell

    built = Shell(torn_spool, phone=engine)
    qtbot.addWidget(built.window)
    built.window.show()
    try:
        label = built.call_log_status
        qtbot.waitUntil(lambda: "cut short" in label.text(), timeout=10_000)
        assert label.text() == "1 call event(s) cut short by a crash were skipped"
        assert built.call_log is not None and built.call_log.flush(10)
        [row] = interactions(torn_spool)
        assert (row.external_id, row.status) == ("crash-1@pbx", "ringing")
    finally:
        shutdown(built)


def shutdown(built: Any) -> None:
    """As the shell fixture ends it (tests/ui/conftest.py)."""
    built.channels.stop()
    built.window.stop_refreshing()
    built.tasks.shutdown()
    built.call_log.close()


def interactions(core: Core) -> list[Interaction]:
    with core.db.session() as s:
        return list(s.exec(select(Interaction).order_by(col(Interaction.id))))

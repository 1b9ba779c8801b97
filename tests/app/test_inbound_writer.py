"""The inbound writer: in order, a refused write done again until it goes
through (a real second SQLite writer holds the lock), the Future resolved only
once the job's transaction committed, a bug costing only its own item."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from app import db as db_module
from app import inbound_writer
from app.db import Database
from app.inbound_writer import InboundWriter, WriterClosed


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)  # a lock refuses at once
    monkeypatch.setattr(inbound_writer, "RETRY_FIRST_S", 0.05)
    database = Database(f"sqlite:///{tmp_path / 'w.db'}", run_migrations=False)
    with database.session() as s:
        s.execute(text("CREATE TABLE item (n INTEGER PRIMARY KEY)"))
    return database


def _insert(database: Database, n: int) -> int:
    with database.transaction() as s:
        s.execute(text("INSERT INTO item (n) VALUES (:n)"), {"n": n})
    return n


def _stored(database: Database) -> list[int]:
    with database.session() as s:
        return [row[0] for row in s.execute(text("SELECT n FROM item ORDER BY rowid"))]


def test_a_refused_write_waits_and_the_later_ones_keep_their_order(
    database: Database, tmp_path: Path
) -> None:
    refusals: list[object] = []
    writer = InboundWriter("test-writer", on_refusal=refusals.append)
    other = sqlite3.connect(tmp_path / "w.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        futures = [writer.put(lambda n=n: _insert(database, n)) for n in range(1, 6)]
        threading.Event().wait(0.5)
        assert not any(f.done() for f in futures)  # nothing acknowledged before commit
        assert len(refusals) == 1 and refusals[0] is not None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [f.result(timeout=10) for f in futures] == [1, 2, 3, 4, 5]
    assert _stored(database) == [1, 2, 3, 4, 5]
    assert refusals[-1] is None  # told that writes go through again
    writer.close()


def test_a_bug_costs_its_own_item_only(database: Database) -> None:
    writer = InboundWriter("test-writer")

    def broken() -> None:
        raise KeyError("a bug")

    failed = writer.put(broken)
    after = writer.put(lambda: _insert(database, 7))
    assert after.result(timeout=10) == 7
    with pytest.raises(KeyError):
        failed.result(timeout=1)
    assert writer.unwritten == 1
    writer.close()
    with pytest.raises(WriterClosed):
        writer.put(lambda: _insert(database, 8)).result(timeout=1)
    assert _stored(database) == [7]

"""A database that refuses a unit of work at run time (locked by another writer,
its folder gone) is a DatabaseError in the operator's words, with nothing changed
and nothing of the statement (customers' data) in the message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app import db as db_module
from app.core import Core
from app.customers import ContactInput
from app.errors import DatabaseError
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings

PHONE = "+380 50 765 43 21"


@pytest.fixture
def sqlite_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Core:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)  # not 5 s of waiting per test
    paths = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    paths.ensure()
    return Core.open(paths, Settings(), secrets=SecretStore(MemoryKeyring()))


def test_a_database_locked_by_another_writer_says_busy_and_changes_nothing(
    sqlite_only: Core,
) -> None:
    core = sqlite_only
    other = sqlite3.connect(str(core.db.engine.url.database), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with pytest.raises(DatabaseError) as refused:
            core.customers.create("Marta Ivanenko", contacts=[ContactInput("phone", PHONE)])
        message = str(refused.value)
        assert message.startswith("The database is busy")
        assert "Marta" not in message and "765" not in message
        # What a traceback in the log shows: the statement, without the values.
        cause = str(refused.value.__cause__)
        assert "INSERT" in cause and "Marta" not in cause and "765" not in cause
        other.execute("ROLLBACK")
        assert core.customers.browse("Marta") == []  # nothing half-written
        # The lock gone, the same work goes through.
        created = core.customers.create("Marta Ivanenko", contacts=[ContactInput("phone", PHONE)])
        assert created.id is not None
    finally:
        other.close()
        core.close()


def test_a_database_whose_folder_is_gone_says_so_and_works_again_when_back(
    sqlite_only: Core,
) -> None:
    core = sqlite_only
    folder = Path(str(core.db.engine.url.database)).parent
    core.db.engine.dispose()
    folder.rename(folder.with_name("unplugged"))
    try:
        with pytest.raises(DatabaseError) as refused:
            core.customers.create("Marta Ivanenko", contacts=[ContactInput("phone", PHONE)])
        message = str(refused.value)
        assert message.startswith("The database is not available right now (unable to open")
        assert "INSERT" not in message and "Marta" not in message
    finally:
        folder.with_name("unplugged").rename(folder)
    try:
        assert core.customers.create("Marta Ivanenko").id is not None
    finally:
        core.close()

"""A refused write is told apart by the driver's own code: the refusals that pass
by themselves (locked, out of reach, a server going down) from the ones that
never will (no such table, read-only, a constraint), with the driver's words and
none of the statement's values. Every refusal here is a real one."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app import db as db_module
from app.db import Database
from app.write_refusals import Refusal, classify
from tests.servers.common import free_port
from tests.servers.postgres import PostgresServer

SECRET_NAME = "Marta Ivanenko"


def refused(database: Database, *statements: str) -> Refusal:
    try:
        with database.session() as s:
            for statement in statements:
                s.exec(text(statement))  # type: ignore[call-overload]
    except Exception as exc:
        refusal = classify(exc)
        assert SECRET_NAME not in refusal.words and "INSERT INTO" not in refusal.words
        return refusal
    raise AssertionError("the database took it")


@pytest.fixture
def sqlite_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    database = Database(f"sqlite:///{tmp_path / 'switchboard.db'}")
    yield database
    database.close()


def insert_customer() -> str:
    return (
        "INSERT INTO customer (name, company, notes, tags, owner, created_at, updated_at) "
        f"VALUES ('{SECRET_NAME}', '', '', '[]', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    )


def test_sqlite_locked_by_another_program_is_for_now(sqlite_db: Database) -> None:
    other = sqlite3.connect(str(sqlite_db.engine.url.database), isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        refusal = refused(sqlite_db, insert_customer())
    finally:
        other.close()
    assert refusal.transient and refusal.words == "database is locked"


def test_sqlite_folder_gone_is_for_now(tmp_path: Path, sqlite_db: Database) -> None:
    sqlite_db.engine.dispose()
    (tmp_path).rename(tmp_path.with_name(tmp_path.name + "-unplugged"))
    try:
        refusal = refused(sqlite_db, insert_customer())
    finally:
        tmp_path.with_name(tmp_path.name + "-unplugged").rename(tmp_path)
    assert refusal.transient and refusal.words == "unable to open database file"


@pytest.mark.parametrize(
    ("statements", "words"),
    [
        (("INSERT INTO nosuch VALUES (1)",), "no such table: nosuch"),
        (("PRAGMA query_only = 1", insert_customer()), "attempt to write a readonly database"),
        (("INSERT INTO interaction (channel) VALUES (NULL)",), "NOT NULL constraint failed"),
    ],
)
def test_sqlite_refusals_that_never_pass(
    sqlite_db: Database, statements: tuple[str, ...], words: str
) -> None:
    refusal = refused(sqlite_db, *statements)
    assert not refusal.transient
    assert refusal.words.startswith(words)


def test_postgresql_out_of_reach_is_for_now() -> None:
    database = Database(
        f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/none", run_migrations=False
    )
    try:
        refusal = refused(database, "SELECT 1")
    finally:
        database.close()
    assert refusal.transient and "Connection refused" in refusal.words


def test_postgresql_ending_the_connection_is_for_now(
    pg_url: str, pg_server: PostgresServer
) -> None:
    database = Database(pg_url)
    try:
        with database.engine.connect() as connection:
            pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            pg_server.psql(f"SELECT pg_terminate_backend({pid})")  # as a shutdown does
            try:
                connection.exec_driver_sql("SELECT 1")
            except Exception as exc:
                refusal = classify(exc)
            else:
                raise AssertionError("the connection survived")
    finally:
        database.close()
    assert refusal.transient
    assert refusal.words == "terminating connection due to administrator command"


@pytest.mark.parametrize(
    ("statements", "words"),
    [
        (("INSERT INTO nosuch VALUES (1)",), 'relation "nosuch" does not exist'),
        (
            ("SET TRANSACTION READ ONLY", insert_customer()),
            "cannot execute INSERT in a read-only transaction",
        ),
        (
            ("INSERT INTO interaction (channel) VALUES (NULL)",),
            'null value in column "channel" of relation "interaction" violates not-null',
        ),
    ],
)
def test_postgresql_refusals_that_never_pass(
    pg_url: str, statements: tuple[str, ...], words: str
) -> None:
    database = Database(pg_url)
    try:
        refusal = refused(database, *statements)
    finally:
        database.close()
    assert not refusal.transient
    assert refusal.words.startswith(words)


def test_a_bug_is_no_refusal_to_wait_for() -> None:
    refusal = classify(KeyError("missing_field"))
    assert not refusal.transient and refusal.words == "KeyError: 'missing_field'"

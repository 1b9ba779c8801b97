"""A crash during the first start or an upgrade never bricks the profile.

A real child process migrates the database and is killed with SIGKILL right
after its n-th statement, for every n until the migration completes; after each
kill the next start must bring the database to head with every stored row
intact. Also: another program's database is refused untouched, and a half-made
schema that an older Switchboard left behind is cleared and made again.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, inspect, text

from app.db import Database, DatabaseError, current_revision, head_revision, make_engine, migrate
from tests.servers.postgres import PostgresServer

EXPECTED = {"customer": 1, "contactpoint": 1, "interaction": 1, "callbackrequest": 1}


def _migrate_and_die_at(url: str, kill_at: int) -> None:
    executed = 0

    def after_statement(*_args: Any) -> None:
        nonlocal executed
        executed += 1
        if executed == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Engine, "after_cursor_execute", after_statement)
    migrate(make_engine(url))
    os._exit(0)


def _store_rows(engine: Engine) -> None:
    """One row in each table the customer's history lives in (at revision 0001)."""
    t = datetime(2026, 11, 1, tzinfo=UTC).replace(tzinfo=None)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO customer (id, name, company, notes, tags, owner, created_at,"
                " updated_at) VALUES (1, 'Стара Клієнтка', '', '', '[]', '', :t, :t)"
            ),
            {"t": t},
        )
        conn.execute(
            text(
                "INSERT INTO contactpoint (id, customer_id, kind, raw, normalized, label,"
                " created_at) VALUES (1, 1, 'phone', '0501234567', '+380501234567', '', :t)"
            ),
            {"t": t},
        )
        conn.execute(
            text(
                "INSERT INTO interaction (id, customer_id, channel, direction, status, started_at,"
                " subject, body, external_id, account, operator, meta, created_at, updated_at)"
                " VALUES (1, 1, 'callback', 'in', 'received', :t, 'Callback requested', 'Про"
                " розмір', 'web_form:f81d4fae', '', '', '{\"callback_request_id\": 1}', :t, :t)"
            ),
            {"t": t},
        )
        conn.execute(
            text(
                "INSERT INTO callbackrequest (id, customer_id, phone, name, source, status,"
                " priority, comment, requested_at, attempts, missed_count, meta, created_at,"
                " updated_at) VALUES (1, 1, '+380501234567', 'Олена', 'web_form', 'open', 0,"
                " 'Про розмір', :t, 0, 0, '{}', :t, :t)"
            ),
            {"t": t},
        )


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in EXPECTED
        }


class Databases:
    """Fresh copies of one prepared database, as files or PostgreSQL clones."""

    def __init__(self, kind: str, tmp_path: Path, pg: PostgresServer | None) -> None:
        self.kind, self.tmp_path, self.pg = kind, tmp_path, pg
        self.made = 0
        self.template = self._new()

    def _new(self) -> str:
        self.made += 1
        if self.kind == "sqlite":
            return f"sqlite:///{self.tmp_path / f'db-{self.made}.db'}"
        assert self.pg is not None
        return self.pg.url(self.pg.create_database())

    def copy(self) -> str:
        if self.kind == "sqlite":
            url = self._new()
            template = Path(self.template.removeprefix("sqlite:///"))
            if template.exists():  # closed, so its WAL is checkpointed into it
                Path(url.removeprefix("sqlite:///")).write_bytes(template.read_bytes())
            return url
        assert self.pg is not None
        name = self.pg.create_database(template=self.template.rsplit("/", 1)[1])
        return self.pg.url(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Databases]:
    pg = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    yield Databases(request.param, tmp_path, pg)


def _kill_at_every_statement(databases: Databases, check: Any) -> int:
    fork = multiprocessing.get_context("fork")
    for kill_at in range(1, 400):
        url = databases.copy()
        child = fork.Process(target=_migrate_and_die_at, args=(url, kill_at))
        child.start()
        child.join(timeout=120)
        assert child.exitcode in (0, -signal.SIGKILL), child.exitcode
        engine = make_engine(url)
        try:
            stored = current_revision(engine)
            # Nothing half-done: the revision before, or head, and nothing else.
            assert stored in (current_revision_of(databases.template), head_revision())
            Database(url).close()  # the next start
            assert current_revision(engine) == head_revision()
            check(engine)
        finally:
            engine.dispose()
        if child.exitcode == 0:
            return kill_at
    raise AssertionError("the migration never finished")


def current_revision_of(url: str) -> str | None:
    engine = make_engine(url)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


def test_a_crash_at_any_step_of_the_first_start_never_bricks_the_profile(
    databases: Databases,
) -> None:
    def check(engine: Engine) -> None:
        assert {"customer", "interaction", "callbackrequest"} <= set(
            inspect(engine).get_table_names()
        )

    steps = _kill_at_every_statement(databases, check)
    assert steps > 20  # the schema is dozens of statements: every one was a kill point


def test_a_crash_at_any_step_of_an_upgrade_keeps_every_row(databases: Databases) -> None:
    engine = make_engine(databases.template)
    migrate(engine, "0001")
    _store_rows(engine)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            for table in EXPECTED:
                conn.execute(text(f"SELECT setval('{table}_id_seq', 1)"))
    engine.dispose()

    def check(engine: Engine) -> None:
        assert _counts(engine) == EXPECTED
        with engine.connect() as conn:  # 0005 took the request's key from its timeline row
            key = conn.execute(text("SELECT external_id FROM callbackrequest")).scalar_one()
        assert key == "f81d4fae"

    steps = _kill_at_every_statement(databases, check)
    assert steps > 20


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "accounting.db"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)"))
        conn.execute(text("INSERT INTO invoices (total) VALUES (12.5)"))
    with pytest.raises(DatabaseError, match=r"not a Switchboard database.*invoices"):
        Database(f"sqlite:///{path}")
    assert inspect(engine).get_table_names() == ["invoices"]  # none of our tables added
    engine.dispose()


def test_a_half_made_first_start_of_an_older_version_is_made_again(tmp_path: Path) -> None:
    """What an interrupted first start of 0.1.0 left: the version table (empty)
    and some tables, because its DDL ran outside a transaction."""
    url = f"sqlite:///{tmp_path / 'half.db'}"
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        conn.execute(
            text(
                "CREATE TABLE channelaccount (id INTEGER PRIMARY KEY, kind VARCHAR(20),"
                " label VARCHAR(200), enabled BOOLEAN, config JSON, created_at DATETIME)"
            )
        )
        conn.execute(text("CREATE TABLE customer (id INTEGER PRIMARY KEY, name VARCHAR(300))"))
    Database(url).close()
    assert current_revision(engine) == head_revision()
    columns = {c["name"] for c in inspect(engine).get_columns("customer")}
    assert {"company", "notes", "tags"} <= columns  # made again, not the half-made table

    with engine.begin() as conn:  # the same, but the half-made tables hold data: refused
        conn.execute(text("DROP TABLE alembic_version"))
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        conn.execute(
            text(
                "INSERT INTO customer (name, company, notes, tags, owner, created_at,"
                " updated_at) VALUES ('Олена', '', '', '[]', '', '2026-11-01', '2026-11-01')"
            )
        )
    with pytest.raises(DatabaseError, match=r"half-made .* holds data \(customer\)"):
        Database(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM customer")).scalar_one() == "Олена"
    engine.dispose()

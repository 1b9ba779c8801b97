"""The account locks themselves (integrations/account_lock.py), on a real
PostgreSQL server and on SQLite; the hosts that use them are in
tests/integrations/test_host_locks.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import Database, serialize_on, sqlite_url
from integrations.account_lock import ACCOUNT_LOCK_SPACE, AccountLocks


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    db = Database(pg_url)
    yield db
    db.close()


def test_an_account_is_held_by_one_host_until_it_lets_go(pg_db: Database) -> None:
    window_a, window_b = AccountLocks(pg_db, "window A"), AccountLocks(pg_db, "window B")
    try:
        a, b = window_a.lock(7), window_b.lock(7)
        assert a.take() and a.take()  # held already: still held
        assert not b.take()
        assert b.holder() == "window A"  # the other host, as it named itself
        assert not b.alive()
        assert window_b.lock(8).take()  # another account, another lock
        a.release()
        assert not a.alive()
        assert b.take() and b.alive()
        assert not a.take()
    finally:
        window_a.close()
        window_b.close()


def test_its_keys_never_meet_the_transaction_locks_of_serialize_on(pg_db: Database) -> None:
    locks = AccountLocks(pg_db)
    try:
        assert locks.lock(7).take()
        # The one-bigint key with the same two halves is another lock.
        same_halves = (ACCOUNT_LOCK_SPACE << 32) | 7
        with pg_db.session() as s:
            taken = s.execute(
                text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": same_halves}
            ).scalar_one()
            serialize_on(s, "callback-phone:+380501234567")  # and it doesn't wait
        assert taken is True
    finally:
        locks.close()


def test_on_sqlite_every_claim_is_granted_and_nothing_is_held(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path / "switchboard.db"))
    try:
        first, second = AccountLocks(db), AccountLocks(db)
        assert not first.shared
        a, b = first.lock(1), second.lock(1)
        assert a.take() and b.take() and a.alive()
        a.release()
        assert a.holder() == ""
    finally:
        db.close()

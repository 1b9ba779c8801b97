"""SQLite's sync level per kind of unit of work: what the serialized engine
commits is acknowledged outside at once (a Telegram offset, a web form's 200),
so it must survive a power cut, not only an app crash."""

from __future__ import annotations

from sqlalchemy import text

from app.db import Database

SYNC_FULL, SYNC_NORMAL = 2, 1


def _sync_level(engine: object) -> int:
    with engine.connect() as conn:  # type: ignore[attr-defined]
        return int(conn.execute(text("PRAGMA synchronous")).scalar_one())


def test_units_that_acknowledge_outside_sync_the_wal_at_each_commit(tmp_path: object) -> None:
    db = Database(f"sqlite:///{tmp_path}/durable.db")
    try:
        assert _sync_level(db.serialized_engine) == SYNC_FULL
        # Ordinary sessions (the window's reads and edits) keep WAL's NORMAL:
        # durable across a crash of the app, and no sync per keystroke-sized write.
        assert _sync_level(db.engine) == SYNC_NORMAL
        with db.transaction() as s:
            level = s.connection().execute(text("PRAGMA synchronous")).scalar_one()
        assert level == SYNC_FULL
    finally:
        db.close()

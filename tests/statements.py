"""Counting the SQL statements a piece of work sends: for the tests that prove
a read is a fixed number of queries, not one per row."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from app.db import Database


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    """The statements sent to ``db`` (both its engines) inside the block, in
    order; the driver's own (a PostgreSQL pre-ping, SQLite's pragmas) are not
    sent through SQLAlchemy's cursor events and are not counted."""
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    engines = {id(e): e for e in (db.engine, db.serialized_engine)}.values()
    for engine in engines:
        event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", before)

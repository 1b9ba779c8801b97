"""The database: one engine per process, one session per unit of work.

SQLite (the default, a file under the user data dir) runs in WAL mode with
foreign keys on and a busy timeout, so the GUI, the SIP thread and the channel
workers can each write without "database is locked". Any other SQLAlchemy URL
(PostgreSQL for a team) is taken as given. The schema is always Alembic's:
opening a database migrates it to head.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class DatabaseError(Exception):
    """The database can't be opened or migrated; the message is for the operator."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # durable in WAL across app crashes
    cur.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Brings the schema to ``revision``; a no-op on an up-to-date database."""
    before: str | None = None
    try:
        before = current_revision(engine)
        command.upgrade(alembic_config(engine), revision)
        after = current_revision(engine)
    except Exception as exc:  # any driver error: say what failed, keep the cause
        raise DatabaseError(
            f"The database {engine.url.render_as_string(hide_password=True)} could not be "
            f"upgraded from revision {before or 'empty'} to {revision}: {exc}"
        ) from exc
    if before != after:
        log.info("database migrated from %s to %s", before or "empty", after)


class Database:
    """Owns the engine; hands out short sessions. Safe to use from any thread."""

    def __init__(self, url: str, *, run_migrations: bool = True) -> None:
        self.url = url
        try:
            self.engine = make_engine(url)
        except Exception as exc:
            raise DatabaseError(f"The database URL is not usable: {exc}") from exc
        if run_migrations:
            migrate(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error.

        expire_on_commit=False so the rows a service returns stay readable after
        the session is gone (the GUI reads them on another thread).
        """
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()

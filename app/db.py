"""The database: one engine per process, one session per unit of work.

SQLite (the default, a file under the user data dir) runs in WAL mode with
foreign keys on and a busy timeout, so the GUI, the SIP thread and the channel
workers can each write without "database is locked". Any other SQLAlchemy URL
(PostgreSQL for a team) is taken as given. The schema is always Alembic's:
opening a database migrates it to head.

Alembic itself (and Mako and Pygments, which it pulls in: ~0.2 s and ~16 MB) is
imported only when there is something to migrate. Opening a database reads its
``alembic_version`` with plain SQLAlchemy and compares it with the head revision
read from the migration files themselves (``head_revision``); only a database
that is empty or behind (or anything unexpected) goes through Alembic.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app.errors import DatabaseError
from app.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
# Alembic's default; migrations/env.py does not change it.
VERSION_TABLE = "alembic_version"


# How long a write waits for another writer (a second window, a colleague's app on
# a shared file) before it gives up with "the database is busy".
BUSY_TIMEOUT_MS = 5000
# How long opening a connection to a database server may take, the server's
# answer included: a port that accepts but never answers (a firewall, a hung
# server) must end in "not reachable", not a window that waits for ever.
CONNECT_TIMEOUT_S = 10

_BUSY = QT_TRANSLATE_NOOP(
    "core",
    "The database is busy: another program is writing to it. Nothing was changed; try again.",
)
_UNAVAILABLE = QT_TRANSLATE_NOOP(
    "core", "The database is not available right now ({error}). Nothing was changed; try again."
)


def unavailable(exc: OperationalError) -> DatabaseError:
    """A unit of work the database refused (locked, gone, disk full), for the
    operator: the driver's own words only, never the statement or its values
    (SQLAlchemy's text carries both, and they hold customers' data)."""
    reason = str(exc.orig or "").strip() or type(exc.orig or exc).__name__
    if "locked" in reason or "busy" in reason:
        return DatabaseError(_BUSY)
    return DatabaseError(_UNAVAILABLE, error=reason)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # durable in WAL across app crashes
    cur.close()


def make_engine(url: str) -> Engine:
    # hide_parameters: a failed statement's text (in tracebacks, so in the log)
    # shows no values; they are customers' names, numbers and messages.
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    return create_engine(
        url, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args
    )


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def alembic_head_revision() -> str:
    """The head as Alembic itself computes it (imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


def _module_constants(path: Path, names: tuple[str, ...]) -> dict[str, object]:
    """The module-level one-line ``NAME = <literal>`` (or ``NAME: T = <literal>``)
    assignments of ``names`` in a migration file. Only those lines are parsed:
    the whole file would cost ~2 ms each."""
    found: dict[str, object] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith(names):
            continue
        try:
            node = ast.parse(line).body[0]
        except SyntaxError:  # a statement over several lines: not understood
            continue
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in names:
            try:
                found[target.id] = ast.literal_eval(value)
            except ValueError:
                found[target.id] = ValueError  # not a literal: not understood
    return found


def _head_from_files() -> str | None:
    """The one revision no other file revises, from the files' ``revision`` and
    ``down_revision``; None when the files say anything else than one plain chain
    or tree with a single head (then Alembic decides)."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in sorted(VERSIONS_DIR.glob("*.py")):
        if path.name.startswith(("__init__", ".#")):  # as Alembic skips them
            continue
        consts = _module_constants(path, ("revision", "down_revision"))
        if "down_revision" not in consts:
            return None
        revision, down = consts.get("revision"), consts["down_revision"]
        if not isinstance(revision, str) or revision in revisions:
            return None
        revisions.add(revision)
        if isinstance(down, str):
            revised.add(down)
        elif isinstance(down, tuple | list) and all(isinstance(d, str) for d in down):
            revised.update(down)
        elif down is not None:
            return None
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 and revised <= revisions else None


@functools.cache
def head_revision() -> str:
    """The newest revision of the schema, read from the migration files without
    importing Alembic (a test checks that it is Alembic's own head); if the files
    are not a simple history, Alembic's answer."""
    return _head_from_files() or alembic_head_revision()


_SEVERAL_REVISIONS = QT_TRANSLATE_NOOP(
    "core",
    "The table {table} of the database {url} holds several revisions ({revisions}); expected one.",
)


def _shown_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _reason(exc: BaseException) -> str:
    """A driver's or Alembic's error as it words it (not ours to translate)."""
    return str(exc) or type(exc).__name__


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the database (None: no schema yet), read with plain
    SQL as Alembic reads it; more than one stored revision is an error, as in
    Alembic's ``get_current_revision``."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        stored = [row[0] for row in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))]
    if len(stored) > 1:
        raise DatabaseError(
            _SEVERAL_REVISIONS,
            table=VERSION_TABLE,
            url=_shown_url(engine),
            revisions=", ".join(stored),
        )
    return stored[0] if stored else None


_UPGRADE_FAILED = QT_TRANSLATE_NOOP(
    "core", "The database {url} could not be upgraded to revision {revision}: {error}"
)
_UPGRADE_FROM_FAILED = QT_TRANSLATE_NOOP(
    "core",
    "The database {url} could not be upgraded from revision {before} to {revision}: {error}",
)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Brings the schema to ``revision``; a no-op on an up-to-date database.

    A database already at head costs one short query and no Alembic import."""
    before: str | None = None
    try:
        before = current_revision(engine)
        if before is not None and before == head_revision() and revision in ("head", before):
            return
        from alembic import command

        command.upgrade(alembic_config(engine), revision)
        after = current_revision(engine)
    except DatabaseError:
        raise  # says what is wrong already
    except Exception as exc:  # any driver error: say what failed, keep the cause
        if before is None:  # empty, or its revision could not even be read
            raise DatabaseError(
                _UPGRADE_FAILED, url=_shown_url(engine), revision=revision, error=_reason(exc)
            ) from exc
        raise DatabaseError(
            _UPGRADE_FROM_FAILED,
            url=_shown_url(engine),
            before=before,
            revision=revision,
            error=_reason(exc),
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
            raise DatabaseError(
                QT_TRANSLATE_NOOP("core", "The database URL is not usable: {error}"),
                error=_reason(exc),
            ) from exc
        if run_migrations:
            migrate(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error.

        A database that refuses the work (locked, gone) raises ``DatabaseError``
        with the reason in the operator's words (``unavailable``).
        expire_on_commit=False so the rows a service returns stay readable after
        the session is gone (the GUI reads them on another thread).
        """
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except OperationalError as exc:
                with contextlib.suppress(Exception):  # the connection may be gone too
                    session.rollback()
                raise unavailable(exc) from exc
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()

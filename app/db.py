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

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

from app.changes import ChangeFeed, track
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


def _commits_survive_power_loss(dbapi_conn: Any, _record: Any) -> None:
    # What these units commit is acknowledged outside at once (a Telegram
    # offset, a web form's 200, an IMAP watermark): in WAL mode NORMAL keeps a
    # commit across an app crash but may lose it in a power cut, after the
    # platform was told it is stored. FULL syncs the WAL at each commit; a
    # channel's batch is one commit, so it costs one sync per batch.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _driver_leaves_transactions_to_us(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite opens a transaction only before INSERT/UPDATE/DELETE: a SELECT
    # before them, and any DDL, runs outside it. That split a check from its
    # insert and left half-made schemas after a crash; here we BEGIN ourselves
    # (SQLAlchemy's documented recipe for the pysqlite driver).
    dbapi_conn.isolation_level = None


def _begin_immediate(conn: Connection) -> None:
    # IMMEDIATE takes the write lock at BEGIN, waiting out the busy timeout: a
    # deferred BEGIN that reads first fails at once ("database is locked") when
    # another writer committed meanwhile, whatever the timeout.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, password: str | None = None) -> Engine:
    """``password``: the server's, from the keyring, set on the parsed URL (the
    engine's URL object holds it; no URL text with it in is ever made)."""
    # hide_parameters: a failed statement's text (in tracebacks, so in the log)
    # shows no values; they are customers' names, numbers and messages.
    parsed = make_url(url)
    if password:
        parsed = parsed.set(password=password)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            parsed, connect_args={"check_same_thread": False}, hide_parameters=True
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    return create_engine(
        parsed, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args
    )


def make_serialized_engine(engine: Engine) -> Engine:
    """An engine on the same database whose every transaction is whole and, on
    SQLite, holds the write lock from its first statement: for units of work
    whose check and write must not interleave with another writer (intake,
    migrations), and whose DDL must roll back with them. On other databases the
    engine itself: their transactions already cover reads and DDL."""
    if engine.dialect.name != "sqlite":
        return engine
    serialized = create_engine(
        engine.url, connect_args={"check_same_thread": False}, hide_parameters=True
    )
    event.listen(serialized, "connect", _sqlite_pragmas)
    event.listen(serialized, "connect", _commits_survive_power_loss)
    event.listen(serialized, "connect", _driver_leaves_transactions_to_us)
    event.listen(serialized, "begin", _begin_immediate)
    return serialized


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
    """The database as the operator knows it: a file's path, a server's URL
    without its password."""
    if engine.dialect.name == "sqlite" and engine.url.database:
        return engine.url.database
    return engine.url.render_as_string(hide_password=True)


def _reason(exc: BaseException) -> str:
    """A driver's or Alembic's error as it words it (not ours to translate).

    For a driver's error, its own message only: SQLAlchemy's text adds the
    statement, which is noise to an operator."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return str(exc.orig).strip() or type(exc.orig).__name__
    return str(exc).strip() or type(exc).__name__


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


_UNREACHABLE = QT_TRANSLATE_NOOP("core", "The database {url} can't be reached: {error}")
_NEEDS_PASSWORD = QT_TRANSLATE_NOOP(
    "core",
    "The database {url} asks for a password, and none is saved for it ({error}). Enter it "
    "under “Change the database”: it is kept in the system keyring.",
)
_NOT_A_DATABASE = QT_TRANSLATE_NOOP("core", "{url} is not a database file: {error}")
_NOT_OURS = QT_TRANSLATE_NOOP(
    "core",
    "The database {url} is not a Switchboard database: it holds other tables ({tables}) and"
    " no Switchboard revision. Nothing was changed; choose an empty database or the one"
    " Switchboard made.",
)
_HALF_MADE = QT_TRANSLATE_NOOP(
    "core",
    "The database {url} was left half-made by an interrupted first start and already holds"
    " data ({tables}). Nothing was changed; restore it from a backup or choose another"
    " database.",
)
_NEWER = QT_TRANSLATE_NOOP(
    "core",
    "The database {url} was upgraded by a newer Switchboard (revision {before}); this one"
    " knows revisions up to {head}. Update Switchboard to open it.",
)
_UPGRADE_FAILED = QT_TRANSLATE_NOOP(
    "core", "The database {url} could not be set up (revision {revision}): {error}"
)
_UPGRADE_FROM_FAILED = QT_TRANSLATE_NOOP(
    "core",
    "The database {url} could not be upgraded from revision {before} to {revision}: {error}."
    " Nothing was changed.",
)
# The full-text and trigram tables of migrations 0002 and 0004 (SQLite) with
# their shadow tables: ours, though no model declares them.
_OUR_TABLE_PREFIXES = ("interaction_fts", "customer_fts", "contactpoint_trgm")


def _known_revisions() -> set[str]:
    revisions = set()
    for path in VERSIONS_DIR.glob("*.py"):
        found = _module_constants(path, ("revision",)).get("revision")
        if isinstance(found, str):
            revisions.add(found)
    return revisions


def _schema_left_by_a_crash(engine: Engine) -> None:
    """Before a first migration: refuse another program's database, and clear a
    half-made schema that a crash left behind in an older Switchboard (its DDL
    ran outside a transaction; the version table was made first and stayed
    empty). Only empty tables are dropped; anything holding data is refused."""
    from app.models import SQLModel

    ours = SQLModel.metadata.tables
    with engine.connect() as conn:
        tables = [t for t in inspect(conn).get_table_names() if not t.startswith("sqlite_")]
        if not tables:
            return
        foreign = [
            t
            for t in tables
            if t != VERSION_TABLE and t not in ours and not t.startswith(_OUR_TABLE_PREFIXES)
        ]
        if VERSION_TABLE not in tables or foreign:
            listed = foreign or tables
            raise DatabaseError(
                _NOT_OURS, url=_shown_url(engine), tables=", ".join(sorted(listed)[:5])
            )
        holding = [
            t
            for t in tables
            if t in ours and conn.execute(text(f"SELECT 1 FROM {t} LIMIT 1")).first()
        ]
    if holding:
        raise DatabaseError(_HALF_MADE, url=_shown_url(engine), tables=", ".join(sorted(holding)))
    log.warning("clearing a half-made schema left by an interrupted first start: %s", tables)
    with make_serialized_engine(engine).begin() as conn:
        for name in (t for t in tables if t.startswith(_OUR_TABLE_PREFIXES)):
            conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}"')
        present = set(tables)
        for table in reversed(SQLModel.metadata.sorted_tables):
            if table.name in present:
                conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{table.name}"')
        conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{VERSION_TABLE}"')


def _asks_for_a_password(exc: OperationalError) -> bool:
    """The server wanted a password and was given none (libpq's
    PQconnectionNeedsPassword, which psycopg keeps on a failed connection's
    error): a fact of the protocol, not of the server's words, which may be in
    any language. A wrong password is the server's own word (``_UNREACHABLE``)."""
    pgconn = getattr(exc.orig, "pgconn", None)
    return bool(getattr(pgconn, "needs_password", False))


def _read_revision(engine: Engine) -> str | None:
    try:
        return current_revision(engine)
    except OperationalError as exc:
        if _asks_for_a_password(exc):
            raise DatabaseError(
                _NEEDS_PASSWORD, url=_shown_url(engine), error=_reason(exc)
            ) from exc
        raise DatabaseError(_UNREACHABLE, url=_shown_url(engine), error=_reason(exc)) from exc
    except SQLAlchemyDatabaseError as exc:  # SQLite: "file is not a database"
        raise DatabaseError(_NOT_A_DATABASE, url=_shown_url(engine), error=_reason(exc)) from exc


def migrate(engine: Engine, revision: str = "head") -> None:
    """Brings the schema to ``revision``; a no-op on an up-to-date database.

    The whole upgrade is one transaction, DDL included (SQLite too, through
    ``make_serialized_engine``), so a crash at any step leaves the database as it
    was before and the next start upgrades it again. A database already at head
    costs one short query and no Alembic import."""
    before = _read_revision(engine)
    if before is not None and before == head_revision() and revision in ("head", before):
        return
    if before is None:
        _schema_left_by_a_crash(engine)
    elif before not in _known_revisions():
        raise DatabaseError(_NEWER, url=_shown_url(engine), before=before, head=head_revision())
    serialized = make_serialized_engine(engine)
    try:
        from alembic import command

        command.upgrade(alembic_config(serialized), revision)
        after = current_revision(engine)
    except DatabaseError:
        raise  # says what is wrong already
    except Exception as exc:  # any driver error: say what failed, keep the cause
        if before is None:
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
    finally:
        if serialized is not engine:
            serialized.dispose()
    if before != after:
        log.info("database migrated from %s to %s", before or "empty", after)


def serialize_on(s: Session, key: str) -> None:
    """Makes the rest of ``s``'s transaction one at a time per ``key`` across
    every process on the database: for a check-then-insert that no unique key
    can guard ("is a request open for this number?"). PostgreSQL takes a
    transaction-scoped advisory lock; SQLite's ``Database.transaction`` holds
    the one write lock already, so there it is a no-op."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key})


class Database:
    """Owns the engines; hands out short sessions. Safe to use from any thread."""

    def __init__(
        self, url: str, *, password: str | None = None, run_migrations: bool = True
    ) -> None:
        """``url`` as configured (never with a password: ``url`` names the
        database for the spools and drafts of a profile); ``password``, the
        server's from the keyring, goes into the engines' URL objects only."""
        self.url = url
        # What every committed unit of work changed (app/changes.py).
        self.changes = ChangeFeed()
        try:
            self.engine = make_engine(url, password)
            self.serialized_engine = make_serialized_engine(self.engine)
        except Exception as exc:
            raise DatabaseError(
                QT_TRANSLATE_NOOP("core", "The database URL is not usable: {error}"),
                error=_reason(exc),
            ) from exc
        if run_migrations:
            try:
                migrate(self.engine)
            except BaseException:
                self.close()  # each "Try again" of the start dialog makes a new one
                raise

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
        with self._unit_of_work(self.engine) as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work whose reads and writes are one transaction, savepoints
        (``session.begin_nested()``) included, and on SQLite one writer at a time
        from its first statement: for a check and the write it decides (is this
        delivery new? then store it) that another writer must not come between.
        Readers are never held up; other writers wait up to the busy timeout.
        PostgreSQL runs it as an ordinary transaction: there the unique keys
        decide a race, and the loser's IntegrityError rolls the whole unit back."""
        with self._unit_of_work(self.serialized_engine) as session:
            yield session

    @contextmanager
    def _unit_of_work(self, engine: Engine) -> Iterator[Session]:
        with Session(engine, expire_on_commit=False) as session:
            track(session, self.changes)
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
        if self.serialized_engine is not self.engine:
            self.serialized_engine.dispose()

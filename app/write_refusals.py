"""Is a write the database refused worth doing again later?

A writer that keeps what the database refused (the call log's spool) must tell
a refusal that passes by itself (another program holds SQLite's lock past the
busy timeout, a PostgreSQL server restarting or out of reach, a disk full for
now) from one that never will (no such table, a read-only database file or
transaction, a constraint the row breaks): the first is tried again with
back-off while what comes after it waits its turn; the second is said at once,
with the driver's words, instead of holding everything behind it for ever.

The decision reads the driver's own error code (``sqlite_errorname`` of
Python's sqlite3, the SQLSTATE of psycopg), not its English text. Anything
that is no database error at all (a bug) counts as permanent: trying it again
would fail the same way.

The words are the driver's first line only: SQLAlchemy's text carries the
statement and its values, and psycopg's DETAIL the row, both customers' data.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError

from app.errors import DatabaseError

# SQLite result codes (https://www.sqlite.org/rescode.html) that pass by
# themselves; the extended codes share their primary code's prefix.
_SQLITE_TRANSIENT = (
    "SQLITE_BUSY",  # another connection writes (past the busy timeout)
    "SQLITE_LOCKED",
    "SQLITE_IOERR",  # a network share gone, a disk that failed a write
    "SQLITE_FULL",  # the disk is full for now
    "SQLITE_CANTOPEN",  # the file's folder is not there (unplugged, unmounted)
    "SQLITE_NOMEM",
    "SQLITE_PROTOCOL",
    "SQLITE_INTERRUPT",
    "SQLITE_SCHEMA",
    # Read-only only while another connection recovers the WAL file.
    "SQLITE_READONLY_RECOVERY",
    "SQLITE_READONLY_CANTLOCK",
    "SQLITE_READONLY_CANTINIT",
)
# PostgreSQL SQLSTATE classes and codes that pass by themselves
# (https://www.postgresql.org/docs/current/errcodes-appendix.html).
_PG_TRANSIENT_CLASSES = (
    "08",  # connection exception
    "40",  # transaction rollback: serialization failure, deadlock
    "53",  # insufficient resources: disk full, out of memory, too many connections
    "57",  # operator intervention: shutdown, restart, cannot connect now, query cancelled
    "58",  # system error: I/O error
)
_PG_TRANSIENT_CODES = ("55P03",)  # lock not available


@dataclass(frozen=True)
class Refusal:
    """What a refused write means for the writer that keeps it."""

    transient: bool
    # The driver's words (its first line), for the operator and the log.
    words: str
    error: Exception


def classify(error: Exception) -> Refusal:
    driver = _driver_error(error)
    if driver is None:
        # app.db said "refused" without a driver error under it (it only does so
        # for an OperationalError), or not a database error at all: a bug.
        if isinstance(error, DatabaseError):
            return Refusal(True, str(error), error)
        return Refusal(False, _first_line(f"{type(error).__name__}: {error}"), error)
    wrapper, original = driver
    words = _words(original)
    sqlite_name = getattr(original, "sqlite_errorname", None)
    if isinstance(sqlite_name, str):
        return Refusal(sqlite_name.startswith(_SQLITE_TRANSIENT), words, error)
    sqlstate = getattr(original, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate:
        transient = sqlstate[:2] in _PG_TRANSIENT_CLASSES or sqlstate in _PG_TRANSIENT_CODES
        return Refusal(transient, words, error)
    # No code: psycopg's connection errors (refused, reset, timed out) have no
    # SQLSTATE; the driver's own OperationalError is its "try again" class.
    return Refusal(wrapper.connection_invalidated or _operational(original), words, error)


def _driver_error(error: BaseException) -> tuple[DBAPIError, BaseException] | None:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DBAPIError) and current.orig is not None:
            return current, current.orig
        current = current.__cause__ or current.__context__
    return None


def _operational(original: BaseException) -> bool:
    return any(cls.__name__ == "OperationalError" for cls in type(original).__mro__)


def _words(original: BaseException) -> str:
    diag = getattr(original, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    if isinstance(primary, str) and primary:
        return _first_line(primary)
    return _first_line(str(original)) or type(original).__name__


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:300]

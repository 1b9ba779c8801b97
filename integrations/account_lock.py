"""One channel account, one host, per database: several windows on one
PostgreSQL database must not all read a bot (Telegram answers the second
reader 409 Conflict, and they fight) nor, when one starts, take another's
``sending`` rows for what a crash left.

On PostgreSQL a host holds a session-level advisory lock per account it runs,
on a connection of its own, for as long as it runs it; the server drops the
lock when that connection ends (the host stops, crashes, is killed). Keys are
the two-int4 form ``(ACCOUNT_LOCK_SPACE, account id)``: PostgreSQL keeps those
apart from the one-bigint keys ``app.db.serialize_on`` takes (objsubid 2
against 1 in pg_locks), whatever its hash gives.

The connection is outside the engine's pool (it would hold a pooled
connection for hours) and in autocommit: an idle open transaction would be
cut by ``idle_in_transaction_session_timeout`` and holds back vacuum. TCP
keepalives and a user timeout bound how long a check waits on a network that
went away silently.

SQLite needs none of this: a profile's database file is one app's (the window
is single-instance per profile), so every claim is granted and nothing is held.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from app.db import CONNECT_TIMEOUT_S, Database, unavailable

log = logging.getLogger(__name__)

ACCOUNT_LOCK_SPACE = int.from_bytes(b"SBch", "big")  # "Switchboard channel", fits an int4
_INT4_MAX = 2**31 - 1
# A dead peer is noticed within about this long (keepalives and unacknowledged data alike).
_LOCK_CONNECT_ARGS: dict[str, Any] = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,  # ms
}
_SERVER_KEEPALIVES = (
    ("tcp_keepalives_idle", 10),
    ("tcp_keepalives_interval", 5),
    ("tcp_keepalives_count", 3),
    ("tcp_user_timeout", 30_000),
)
_HOLDER = text(
    "SELECT a.application_name, l.pid FROM pg_locks l"
    " LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
    " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
    " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    " AND l.classid::bigint = :space AND l.objid::bigint = :account"
)


class AccountLock(Protocol):
    """A host's claim on one account. Safe to use from any thread."""

    account_id: int

    def take(self) -> bool:
        """True when this host holds the account now (held already, or taken);
        False when another host holds it. Raises ``DatabaseError`` when the
        database can't be asked."""
        ...

    def alive(self) -> bool:
        """Still held: False once the connection that holds it broke (the
        server let the lock go then: another host may have it by now)."""
        ...

    def holder(self) -> str:
        """Who holds it, after a ``take`` that failed: the other host's name
        on the database (``application_name``), or "" when unknown."""
        ...

    def release(self) -> None: ...


class AccountLocks:
    """The account locks of one host."""

    def __init__(self, db: Database, name: str | None = None) -> None:
        """``name``: how this host shows in the database's session list, and to
        another host that waits for an account it holds."""
        self.db = db
        # Other dialects than these two are not supported; they get SQLite's rule.
        self.shared = db.dialect == "postgresql"
        self.name = (name or f"Switchboard on {socket.gethostname()}, pid {os.getpid()}")[:63]
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()

    def lock(self, account_id: int) -> AccountLock:
        if not self.shared:
            return _Granted(account_id)
        if not 0 <= account_id <= _INT4_MAX:
            raise ValueError(f"account id {account_id} does not fit a lock key")
        return _AdvisoryLock(self._lock_engine, account_id)

    def close(self) -> None:
        with self._engine_lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None

    def _lock_engine(self) -> Engine:
        with self._engine_lock:
            if self._engine is None:
                self._engine = create_engine(
                    self.db.url,
                    poolclass=NullPool,
                    isolation_level="AUTOCOMMIT",
                    hide_parameters=True,
                    connect_args={**_LOCK_CONNECT_ARGS, "application_name": self.name},
                )
            return self._engine


class _Granted:
    """SQLite: the database is this app's alone."""

    def __init__(self, account_id: int) -> None:
        self.account_id = account_id

    def take(self) -> bool:
        return True

    def alive(self) -> bool:
        return True

    def holder(self) -> str:
        return ""

    def release(self) -> None:
        pass


class _AdvisoryLock:
    def __init__(self, engine: Callable[[], Engine], account_id: int) -> None:
        self._engine_of = engine  # made on first use
        self.account_id = account_id
        self._connection: Connection | None = None
        self._holder = ""
        self._mutex = threading.Lock()

    def take(self) -> bool:
        with self._mutex:
            if self._connection is not None:
                return True
            try:
                connection = self._engine_of().connect()
            except OperationalError as exc:
                raise unavailable(exc) from exc
            try:
                _keep_alive(connection)
                keys = {"space": ACCOUNT_LOCK_SPACE, "account": self.account_id}
                taken = connection.execute(
                    text(
                        "SELECT pg_try_advisory_lock("
                        "CAST(:space AS integer), CAST(:account AS integer))"
                    ),
                    keys,
                ).scalar_one()
                if taken:
                    self._connection, self._holder = connection, ""
                    return True
                row = connection.execute(_HOLDER, keys).first()
                self._holder = str(row[0] or f"pid {row[1]}") if row is not None else ""
            except OperationalError as exc:
                connection.invalidate()
                raise unavailable(exc) from exc
            except BaseException:
                connection.invalidate()
                raise
            # Not held: the connection goes (a waiting host keeps none open).
            connection.close()
            return False

    def alive(self) -> bool:
        with self._mutex:
            if self._connection is None:
                return False
            try:
                self._connection.execute(text("SELECT 1"))
                return True
            except SQLAlchemyError as exc:
                reason = str(getattr(exc, "orig", None) or exc).strip()
                log.warning("account %s: its lock's connection broke: %s", self.account_id, reason)
                self._drop()
                return False

    def holder(self) -> str:
        with self._mutex:
            return self._holder

    def release(self) -> None:
        with self._mutex:
            if self._connection is not None:
                # Unlocked first: the session ends after close() returns, and the
                # next host may ask at once. A broken one has let go already.
                try:
                    self._connection.execute(
                        text(
                            "SELECT pg_advisory_unlock("
                            "CAST(:space AS integer), CAST(:account AS integer))"
                        ),
                        {"space": ACCOUNT_LOCK_SPACE, "account": self.account_id},
                    )
                    self._connection.close()
                except SQLAlchemyError:
                    self._drop()
                self._connection = None

    def _drop(self) -> None:
        if self._connection is not None:
            try:
                self._connection.invalidate()
            except SQLAlchemyError:
                log.debug("account %s: invalidating a broken connection", self.account_id)
            self._connection = None


def _keep_alive(connection: Connection) -> None:
    """The server's side of the same bound: a PC that vanished (power, network)
    lets its accounts go within about half a minute, not the system's default two
    hours of TCP keepalive. Set as statements, not startup options, which a
    connection pooler in front may refuse; a server that refuses them costs only
    this bound."""
    for name, value in _SERVER_KEEPALIVES:
        try:
            connection.execute(text(f"SET {name} = {value}"))
        except OperationalError:
            raise
        except SQLAlchemyError as exc:
            log.info("the account lock's connection: %s not set: %s", name, exc.__class__.__name__)


__all__ = ["ACCOUNT_LOCK_SPACE", "AccountLock", "AccountLocks"]

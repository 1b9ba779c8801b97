"""Fixtures shared by the whole suite.

``core`` is parametrised over both databases the product supports: every core
test runs on SQLite (a temp file) and on PostgreSQL (a real server started once
per test session from Debian's package; each test gets its own database cloned
from a migrated template, which takes ~50 ms instead of migrating again).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core import Core
from app.db import Database
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings
from tests.servers.bot_api import BotApiServer
from tests.servers.common import missing
from tests.servers.dovecot import DovecotServer, dovecot_server
from tests.servers.postgres import PostgresServer, postgres_server
from tests.servers.pulseaudio import pulseaudio_server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    with postgres_server() as server:
        yield server


@pytest.fixture(scope="session")
def pg_template(pg_server: PostgresServer) -> str:
    name = pg_server.create_database()
    Database(pg_server.url(name)).close()  # migrates to head
    return name


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    server: PostgresServer = request.getfixturevalue("pg_server")
    template: str = request.getfixturevalue("pg_template")
    name = server.create_database(template=template)
    yield server.url(name)
    server.drop_database(name)


@dataclass(frozen=True)
class PasswordDatabase:
    """A migrated database whose role must give its password: ``url`` holds none."""

    url: str
    password: str
    role: str
    name: str


# Characters a URL would have to escape, and one outside ASCII.
DATABASE_PASSWORD = "Team pa:ss/w@rd-ї"


@pytest.fixture
def pg_password_db(pg_server: PostgresServer, pg_template: str) -> Iterator[PasswordDatabase]:
    """A database on the session's server (a clone of the migrated template) for
    a new role that must give DATABASE_PASSWORD (scram-sha-256 over TCP); the
    other roles keep logging in without one (tests/servers/postgres.py)."""
    role = pg_server.password_role(DATABASE_PASSWORD)
    name = pg_server.create_database(template=pg_template)
    pg_server.grant_database(name, role)
    yield PasswordDatabase(pg_server.role_url(role, name), DATABASE_PASSWORD, role, name)
    pg_server.drop_database(name)
    pg_server.psql(f"DROP ROLE IF EXISTS {role}")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'switchboard.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no schema at all (the migration tests start from it)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    paths = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    paths.ensure()
    return paths


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, default_region="UA")


@pytest.fixture
def core(app_paths: AppPaths, settings: Settings) -> Iterator[Core]:
    """The wired core on a fresh database. Secrets in memory: the keyring tests
    use a real Secret Service instead (tests/app/test_secrets.py)."""
    opened = Core.open(app_paths, settings, secrets=SecretStore(MemoryKeyring()))
    yield opened
    opened.close()


@pytest.fixture
def bot_api() -> Iterator[BotApiServer]:
    """A Telegram Bot API server on 127.0.0.1 (tests/servers/bot_api) with the real
    server's timings; add bots with ``bot_api.add_bot()``, point the client at
    ``bot_api.base_url``. Stopped after the test, ending any waiting long poll.
    Here for the channel tests and the window's Telegram settings alike."""
    with BotApiServer() as server:
        yield server


@pytest.fixture
def dovecot() -> Iterator[DovecotServer]:
    """An IMAP server on 127.0.0.1 (tests/servers/dovecot.py): STARTTLS on
    ``imap_port``, IMAPS on ``imaps_port``, certificates from a throw-away CA
    (``ca_file``), LMTP delivery with ``deliver``; add users with ``add_user``.
    Started per test (~0.3 s with its certificates), stopped after."""
    with dovecot_server() as server:
        yield server


@pytest.fixture
def sqlite_core(tmp_path: Path) -> Iterator[Core]:
    """The core on SQLite only: for SIP and window tests, whose subject is not
    the database (the core suite covers PostgreSQL)."""
    paths = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    paths.ensure()
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'switchboard.db'}")
    opened = Core.open(paths, settings, secrets=SecretStore(MemoryKeyring()))
    yield opened
    opened.close()


# ----- a sound server for in-process QtMultimedia tests ------------------------------
#
# QtMultimedia connects to PulseAudio once per process, the first time anything
# asks for a device, and never again: a server started later stays invisible
# (and a test that merely opens the settings dialog asks). So when any collected
# test uses ``pulse_audio``, one private server is started after collection,
# before the first test runs, and PULSE_SERVER points the whole session at it.

_pulse_stack = contextlib.ExitStack()
_pulse_env: dict[str, str] | None = None


def pytest_collection_finish(session: pytest.Session) -> None:
    global _pulse_env
    wanted = any("pulse_audio" in getattr(item, "fixturenames", ()) for item in session.items)
    if wanted and shutil.which("pulseaudio") is not None:
        _pulse_env = _pulse_stack.enter_context(pulseaudio_server())
        os.environ["PULSE_SERVER"] = _pulse_env["PULSE_SERVER"]


def pytest_sessionfinish(session: pytest.Session) -> None:
    _pulse_stack.close()


@pytest.fixture
def pulse_audio() -> dict[str, str]:
    """The session's PulseAudio: sink ``sb_null``, source ``sb_mic`` hearing it."""
    if _pulse_env is None:
        missing("PulseAudio (Debian package pulseaudio)")
    assert _pulse_env is not None
    return _pulse_env

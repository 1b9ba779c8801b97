"""Nothing lost when the app closes, or is killed, while the database refuses
the call log's writes: what it refused is in the profile's spool on the disk and
written at the next start, in order, once. A refusal that never passes is said
at once and holds up only its own call.

The app's side runs in a child process (tests/sip/call_log_child.py: the core
and the call log as the shell wires them), handed engine events as the engine
hands them; the database refuses for real (another connection holding SQLite's
write lock, a PostgreSQL server stopped, a trigger, a read-only database)."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from app import db as db_module
from app import spool as spool_module
from app.core import Core
from app.models import CallbackRequest, Interaction
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings
from app.spool import WriterStatus, in_profile
from sip.adapters.call_log import CallLog
from tests.servers.postgres import PostgresServer, _as_user, postgres_server
from tests.sip.call_log_child import (
    OUTBOUND_NUMBER,
    missed_call,
    number_of,
    sip_id,
)

ROOT = Path(__file__).resolve().parents[2]


class Child:
    """tests/sip/call_log_child.py in its own process, its lines read as they come."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.sip.call_log_child", json.dumps(config)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self.cond = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.cond:
                self.lines.append(line.strip())
                self.cond.notify_all()

    def wait(self, check: Callable[[str], bool], timeout: float = 30) -> str:
        def found() -> str | None:
            return next((line for line in self.lines if check(line)), None)

        with self.cond:
            if not self.cond.wait_for(lambda: found() is not None, timeout):
                stderr = ""
                if self.process.poll() is not None and self.process.stderr is not None:
                    stderr = self.process.stderr.read()[-3000:]
                raise AssertionError(f"the child did not say it: {self.lines[-10:]}\n{stderr}")
            line = found()
            assert line is not None
            return line

    def kept(self) -> int:
        """The most the child said its spool holds."""
        with self.cond:
            counts = [int(line.split()[1]) for line in self.lines if line.startswith("kept ")]
        return max(counts, default=0)

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def finish(self) -> None:
        self.send("close")
        self.wait(lambda line: line == "closed")
        assert self.process.wait(20) == 0

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(20)
        self.reader.join(10)  # every line it wrote before it died


def paths_of(root: Path) -> AppPaths:
    paths = AppPaths(root / "config", root / "data", root / "logs")
    paths.ensure()
    return paths


def restarted(root: Path, url: str) -> tuple[Core, CallLog, list[WriterStatus]]:
    """The next start: the core and the call log, which writes the spool first."""
    core = Core.open(
        paths_of(root), Settings(database_url=url), secrets=SecretStore(MemoryKeyring())
    )
    statuses: list[WriterStatus] = []
    log = CallLog(
        core.timeline,
        core.callbacks,
        spool=in_profile(core.paths, core.db.url, "call-log"),
        on_status=statuses.append,
    )
    return core, log, statuses


def calls_stored(core: Core) -> list[tuple[str | None, str]]:
    with core.db.session() as s:
        rows = list(s.exec(select(Interaction).order_by(col(Interaction.id))))
    return [(row.external_id, row.status) for row in rows]


def expected(prefix: str, calls: int) -> list[tuple[str | None, str]]:
    return [
        (f"{prefix}-outbound@pbx.example", "answered"),
        *((sip_id(prefix, i), "missed") for i in range(calls)),
    ]


def spool_file(root: Path, core: Core) -> Path:
    spool = in_profile(core.paths, core.db.url, "call-log")
    assert spool.path is not None and spool.path.parent.is_relative_to(root)
    return spool.path


def check_every_call_once(core: Core, prefix: str, calls: int) -> None:
    assert calls_stored(core) == expected(prefix, calls)
    with core.db.session() as s:
        outbound = s.exec(
            select(Interaction).where(Interaction.contact_value == OUTBOUND_NUMBER)
        ).one()
        requests = list(s.exec(select(CallbackRequest).order_by(col(CallbackRequest.id))))
        missed = list(
            s.exec(
                select(Interaction)
                .where(Interaction.status == "missed")
                .order_by(col(Interaction.id))
            )
        )
    # The times are the events' own, not the replay's: in the order they rang.
    starts = [row.started_at for row in missed]
    assert starts == sorted(starts)
    assert outbound.duration_s == 42.5 and outbound.answered_at is not None
    assert [(r.phone, r.missed_count) for r in requests] == [
        (number_of(i), 1) for i in range(calls)
    ]
    assert [r.meta["missed_interactions"] for r in requests] == [[row.id] for row in missed]


# --- the database refusing for now ------------------------------------------------


@pytest.fixture(scope="module")
def own_pg() -> Iterator[PostgresServer]:
    """A server of this module's own: these tests stop it."""
    with postgres_server() as server:
        yield server


def pg_ctl(server: PostgresServer, *args: str) -> None:
    subprocess.run(
        _as_user(
            [str(server.bindir / "pg_ctl"), "-D", str(server.datadir), "-w", *args], server.run_as
        ),
        check=True,
        capture_output=True,
    )


def stop_pg(server: PostgresServer) -> None:
    pg_ctl(server, "-m", "fast", "stop")


def start_pg(server: PostgresServer) -> None:
    # With the options it was started with (postmaster.opts).
    pg_ctl(server, "-l", str(server.datadir.parent / "restart.log"), "restart")


@pytest.fixture
def pg_database(own_pg: PostgresServer) -> Iterator[str]:
    name = own_pg.create_database()
    yield own_pg.url(name)
    own_pg.drop_database(name)


def test_calls_logged_while_sqlite_is_locked_are_written_once_after_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'switchboard.db'}"
    child = Child({"root": str(tmp_path), "url": url, "calls": 5, "prefix": "lk"})
    child.wait(lambda line: line == "ready")
    other = sqlite3.connect(str(tmp_path / "switchboard.db"), isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program holds the database
        child.send("go")
        child.wait(lambda line: line == "fed")
        # 5 missed calls (2 records each), the outbound call's answer and end.
        child.wait(lambda line: line == "kept 12")
        child.finish()  # the operator closes the window: nothing more is written
        other.execute("ROLLBACK")
    finally:
        other.close()

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    core, log, statuses = restarted(tmp_path, url)
    try:
        assert log.flush(15)
        check_every_call_once(core, "lk", 5)
        assert log.unwritten == 0
        assert statuses[0].waiting == 12  # what was kept was seen at the start
        assert spool_file(tmp_path, core).stat().st_size == 0
    finally:
        log.close()
        core.close()
    # A third start writes nothing again.
    core, log, _ = restarted(tmp_path, url)
    try:
        assert log.flush(15)
        check_every_call_once(core, "lk", 5)
    finally:
        log.close()
        core.close()


def test_calls_logged_while_postgresql_is_stopped_are_written_once_after_a_restart(
    tmp_path: Path, own_pg: PostgresServer, pg_database: str
) -> None:
    child = Child({"root": str(tmp_path), "url": pg_database, "calls": 5, "prefix": "pg"})
    child.wait(lambda line: line == "ready")
    stop_pg(own_pg)
    try:
        child.send("go")
        child.wait(lambda line: line == "fed")
        child.wait(lambda line: line == "kept 12")
        child.finish()
    finally:
        start_pg(own_pg)
    core, log, _ = restarted(tmp_path, pg_database)
    try:
        assert log.flush(15)
        check_every_call_once(core, "pg", 5)
        assert spool_file(tmp_path, core).stat().st_size == 0
    finally:
        log.close()
        core.close()


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_kill_in_the_middle_of_spooling_loses_nothing_kept_and_doubles_nothing(
    database: str, tmp_path: Path, own_pg: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child hands calls over without end while the database refuses and is
    killed -9 once its spool holds 40 records: after the restart the calls stored
    are the ones handed over first, in order, each once; every record the child
    said was kept is among them, and at most the one being written besides."""
    if database == "sqlite":
        url = f"sqlite:///{tmp_path / 'switchboard.db'}"
    else:
        url = own_pg.url(own_pg.create_database())
    child = Child({"root": str(tmp_path), "url": url, "endless": True, "prefix": "k"})
    child.wait(lambda line: line == "ready")
    other: sqlite3.Connection | None = None
    if database == "sqlite":
        other = sqlite3.connect(str(tmp_path / "switchboard.db"), isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
    else:
        stop_pg(own_pg)
    try:
        child.send("go")
        child.wait(lambda line: line.startswith("kept ") and int(line.split()[1]) >= 40)
        # Killed while it goes on handing calls over and keeping them.
        child.kill()
    finally:
        if other is not None:
            other.execute("ROLLBACK")
            other.close()
        else:
            start_pg(own_pg)
    kept = child.kept()

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    core, log, _ = restarted(tmp_path, url)
    try:
        assert log.flush(15)
        assert log.unwritten == 0
        stored = calls_stored(core)
        requests = core.callbacks.queue()
    finally:
        log.close()
        core.close()
    handed = handed_over("k", len(stored) + 1)
    written = [n for n in (kept, kept + 1) if state_after("k", handed[:n]) == stored]
    assert written, (kept, stored[:4], stored[-4:])
    missed = [i for i, (_, status) in enumerate(stored[1:]) if status == "missed"]
    assert sorted((r.phone, r.missed_count) for r in requests) == [
        (number_of(i), 1) for i in missed
    ]


def handed_over(prefix: str, calls: int) -> list[tuple[str, str]]:
    """The records the child hands over, in order: the outbound call's answer,
    two per missed call, the outbound call's end after call 1's."""
    records = [("outbound", "answered")]
    for i in range(calls):
        records += [(sip_id(prefix, i), "ringing"), (sip_id(prefix, i), "missed")]
        if i == 1:
            records.append(("outbound", "ended"))
    return records


def state_after(prefix: str, records: list[tuple[str, str]]) -> list[tuple[str | None, str]]:
    """The rows the database holds once it took ``records`` (and nothing else)."""
    outbound: tuple[str | None, str] = (None, "dialing")
    inbound: dict[str, str] = {}
    for name, state in records:
        if name != "outbound":
            inbound[name] = state
        elif state == "answered":
            outbound = (outbound[0], "answered")
        else:  # its end names it by its Call-ID
            outbound = (f"{prefix}-outbound@pbx.example", "answered")
    return [outbound, *inbound.items()]


def spool_files(root: Path) -> list[Path]:
    return sorted((root / "data" / "spool").glob("*/call-log.spool"))


def test_a_replay_cut_short_after_its_commits_is_not_written_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash after the database took the spool's records but before their
    "done" marks were on the disk: the next start writes them all again, and
    each call is still stored once, each missed call counted once."""
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    url = f"sqlite:///{tmp_path / 'switchboard.db'}"
    child = Child({"root": str(tmp_path), "url": url, "calls": 3, "prefix": "rp"})
    child.wait(lambda line: line == "ready")
    other = sqlite3.connect(str(tmp_path / "switchboard.db"), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        child.send("go")
        child.wait(lambda line: line == "kept 8")
        child.finish()
    finally:
        other.execute("ROLLBACK")
        other.close()
    [path] = spool_files(tmp_path)
    before = path.read_bytes()
    assert before.count(b"\n") == 8
    for _ in range(2):  # written, then the same records "not marked done" again
        core, log, _ = restarted(tmp_path, url)
        try:
            assert log.flush(15)
            check_every_call_once(core, "rp", 3)
        finally:
            log.close()
            core.close()
        path.write_bytes(before)


# --- refusals that never pass -------------------------------------------------------


@pytest.fixture
def sqlite_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(spool_module, "RETRY_FIRST_S", 0.05)
    return tmp_path, f"sqlite:///{tmp_path / 'switchboard.db'}"


def test_a_constraint_that_never_passes_is_said_at_once_and_the_other_calls_go_on(
    sqlite_root: tuple[Path, str],
) -> None:
    root, url = sqlite_root
    core, log, statuses = restarted(root, url)
    refused = number_of(1)
    with core.db.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER no_calls_from_1 BEFORE INSERT ON interaction "
            f"WHEN NEW.contact_value = '{refused}' "
            "BEGIN SELECT RAISE(ABORT, 'calls from this number are not stored'); END"
        )
    try:
        for i in range(3):
            for event in missed_call("pm", i):
                log(event)
        # No waiting for ever: the refused call is set aside, the others written.
        assert log.flush(10)
        assert calls_stored(core) == [(sip_id("pm", 0), "missed"), (sip_id("pm", 2), "missed")]
        status = log.status
        assert status.parked == 2 and status.waiting == 0 and status.refusing is None
        assert status.permanent is not None
        assert status.permanent.words == "calls from this number are not stored"
        # Said with its first record, not once the call's end came too.
        first = next(s for s in statuses if s.permanent is not None)
        assert first.parked == 1
    finally:
        log.close()
        core.close()
    # Fixed (the trigger dropped): the next start writes the call once.
    with sqlite3.connect(str(root / "switchboard.db")) as fix:
        fix.execute("DROP TRIGGER no_calls_from_1")
    core, log, _ = restarted(root, url)
    try:
        assert log.flush(10)
        assert calls_stored(core) == [
            (sip_id("pm", 0), "missed"),
            (sip_id("pm", 2), "missed"),
            (sip_id("pm", 1), "missed"),
        ]
        assert log.unwritten == 0
        assert [r.missed_count for r in core.callbacks.queue()] == [1, 1, 1]
    finally:
        log.close()
        core.close()


def test_a_read_only_postgresql_database_is_said_at_once_and_nothing_is_lost(
    tmp_path: Path, own_pg: PostgresServer, pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spool_module, "RETRY_FIRST_S", 0.05)
    core, log, _ = restarted(tmp_path, pg_database)
    name = pg_database.rsplit("/", 1)[1]
    own_pg.psql(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    core.db.engine.dispose()  # new connections: read-only from their first statement
    try:
        for i in range(2):
            for event in missed_call("ro", i):
                log(event)
        assert log.flush(10)  # not held up: refused for good, kept
        status = log.status
        assert status.parked == 4 and status.refusing is None
        assert status.permanent is not None
        assert status.permanent.words == "cannot execute INSERT in a read-only transaction"
        assert calls_stored(core) == []
    finally:
        log.close()
        core.close()
    own_pg.psql(f"ALTER DATABASE {name} SET default_transaction_read_only = off")
    core, log, _ = restarted(tmp_path, pg_database)
    try:
        assert log.flush(10)
        assert calls_stored(core) == [(sip_id("ro", 0), "missed"), (sip_id("ro", 1), "missed")]
    finally:
        log.close()
        core.close()


def test_a_spool_that_cant_be_written_keeps_the_calls_in_memory_and_says_so(
    sqlite_root: tuple[Path, str],
) -> None:
    root, url = sqlite_root
    core = Core.open(
        paths_of(root), Settings(database_url=url), secrets=SecretStore(MemoryKeyring())
    )
    blocker = root / "not-a-folder"
    blocker.write_text("a file where the spool's folder should be")
    log = CallLog(core.timeline, core.callbacks, spool=spool_module.Spool(blocker / "x.spool"))
    other = sqlite3.connect(str(root / "switchboard.db"), isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        for event in missed_call("mem", 0):
            log(event)
        assert not log.flush(1)
        assert log.status.spool_problem and log.status.waiting == 2
        other.execute("ROLLBACK")
        assert log.flush(10)
        assert calls_stored(core) == [(sip_id("mem", 0), "missed")]
    finally:
        other.close()
        log.close()
        core.close()
    shutil.rmtree(root / "data", ignore_errors=True)

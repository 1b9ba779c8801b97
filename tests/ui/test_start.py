"""The start (ui/shell/main.py): the window is painted before the database is opened,
which then happens on the task worker. What can stop a start is said, with the
ways out, and never papered over: a settings file that can't say which database
to use (never the local file in its place), a database that can't be opened or
never answers (try again, change it: exit 2 on quit), folders that can't be
written (exit 3). One instance per profile. Each case in a fresh process, as the
operator starts it (tests/ui/start_driver.py watches main() and answers the
start's dialogs)."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from app.core import Core
from app.customers import ContactInput
from app.secrets import MemoryKeyring, SecretKind, SecretStore, database_secret_id
from app.settings import AppPaths, Settings
from tests.conftest import PasswordDatabase
from tests.read_only import read_only_folder
from tests.servers.secret_service import secret_service

ROOT = Path(__file__).resolve().parents[2]
DATABASE_SIDE = ("sqlalchemy", "sqlmodel", "pydantic", "alembic")
LATER_SIDE = ("phonenumbers",)  # ~20 ms of import the first picture doesn't need
# What main() imports before the window's first paint.
BEFORE_PAINT = (
    "ui.shell.main",
    "ui.shell.shell",
    "ui.shell.main_window",
    "ui.shell.i18n",
    "ui.shell.single_instance",
    "ui.shell.first_paint",
    "app.core",
    "app.errors",
    "app.enums",
    "app.settings",
)


def environment(tmp_path: Path, home: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        SWITCHBOARD_HOME=str(home or tmp_path / "home"),
        TMPDIR=str(tmp_path),  # the single-instance socket: no other Switchboard answers
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return env


def home_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.setenv("SWITCHBOARD_HOME", str(tmp_path / "home"))
    paths = AppPaths.default()
    paths.ensure()
    return paths


def run_main(
    tmp_path: Path,
    answers: list[Any] | None = None,
    home: Path | None = None,
    timeout: float = 120,
    keyring: bool = False,
) -> tuple[int, dict[str, Any], str]:
    """main() in a fresh process; ``answers``: the ways out the driver clicks, in
    order, in the start's problem dialogs (tests/ui/start_driver.py). ``keyring``:
    the Secret Service this process uses (tests/servers/secret_service.py), not
    keyring's fail backend."""
    env = {**environment(tmp_path, home), "START_DRIVER_ANSWERS": json.dumps(answers or [])}
    if keyring:
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.SecretService.Keyring"
    out = subprocess.run(
        [sys.executable, "-m", "tests.ui.start_driver"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = out.stdout.strip().splitlines()
    assert lines, out.stderr[-3000:]
    return out.returncode, json.loads(lines[-1]), out.stderr


def test_what_main_imports_before_the_first_paint_brings_no_sqlalchemy_nor_phonenumbers(
    tmp_path: Path,
) -> None:
    code = (
        "import importlib, json, sys\n"
        f"for name in {BEFORE_PAINT!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    imported = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert "PySide6" in imported  # the check itself sees imports
    assert imported.isdisjoint(DATABASE_SIDE), sorted(imported & set(DATABASE_SIDE))
    assert imported.isdisjoint(LATER_SIDE), sorted(imported & set(LATER_SIDE))


def test_window_first_then_the_database_on_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = home_paths(tmp_path, monkeypatch)
    # A saved config, as any operator who opened Settings has: reading it must not
    # bring phonenumbers before the paint either.
    Settings(default_region="RU").save(paths.config_file)
    core = Core.open(paths, Settings.load(paths.config_file), SecretStore(MemoryKeyring()))
    core.customers.create("Олена Коваль", [ContactInput("phone", "+380501234567")])
    core.close()

    code, seen, stderr = run_main(tmp_path)

    assert code == 0, stderr[-3000:]
    assert seen["open_at_build"] is False
    paint = seen["paint"]
    assert paint is not None, "the window was never painted"
    assert paint["core_open"] is False
    assert paint["database_side_imported"] == []
    assert paint["later_side_imported"] == []
    assert paint["list_status"] == "Loading customers…" and paint["list_status_visible"]
    assert paint["edit_customer_enabled"] is False  # needs the database
    assert paint["dial_field_enabled"] is True
    assert seen["core_open_when_ready"] is True
    assert seen["customers"] == ["Олена Коваль"]
    assert seen["list_status_visible_after"] is False
    assert seen["edit_customer_enabled_after"] is True
    assert seen["engine_started"] and seen["engine_started_with_open_core"]
    assert seen["messages"] == []


def customer_database(path: Path, name: str) -> str:
    """A SQLite database with one customer, as a team's would be: its URL."""
    url = f"sqlite:///{path}"
    paths = AppPaths(path.parent / "config", path.parent / "data", path.parent / "logs")
    core = Core.open(paths, Settings(database_url=url), SecretStore(MemoryKeyring()))
    core.customers.create(name, [ContactInput("phone", "+380501234567")])
    core.close()
    return url


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("nosuchdriver://somewhere/db", "The database URL is not usable"),
        ("sqlite:///{home}/not-a-database.db", "not a database"),
    ],
)
def test_an_unusable_database_says_why_and_exits_2_on_quit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, says: str
) -> None:
    paths = home_paths(tmp_path, monkeypatch)
    home = tmp_path / "home"
    (home / "not-a-database.db").write_bytes(b"this is not SQLite " * 100)
    Settings(database_url=url.format(home=home)).save(paths.config_file)

    code, seen, stderr = run_main(tmp_path, ["quit"])

    assert code == 2, stderr[-3000:]
    assert [d["name"] for d in seen["dialogs"]] == ["databaseProblem"]
    dialog = seen["dialogs"][0]
    assert dialog["texts"][0] == "Switchboard can't open its database"
    assert says in dialog["texts"][1]
    assert {"retry", "change", "quit"} <= set(dialog["actions"])
    assert "customers" not in seen and not seen["engine_started"]
    assert seen["messages"] == []


BROKEN_TEAM_CONFIG = (
    '{\n  "database_url": "postgresql+psycopg://team@db.shop.example/switchboard",\n'
    '  "language": "en"\n  "operator_name": "Iryna"\n}\n'
)


def test_a_broken_config_with_a_team_url_is_said_and_no_local_database_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = home_paths(tmp_path, monkeypatch)
    paths.config_file.write_text(BROKEN_TEAM_CONFIG, encoding="utf-8")

    code, seen, stderr = run_main(tmp_path, ["quit"])

    assert code == 2, stderr[-3000:]
    assert [d["name"] for d in seen["dialogs"]] == ["configProblem"]
    heading, problem, kept, *_ = seen["dialogs"][0]["texts"]
    assert heading == "Switchboard can't tell which database to use"
    assert problem == (
        f"The settings file {paths.config_file} is not valid JSON: "
        "Expecting ',' delimiter at line 4, column 3."
    )
    assert kept == f"A copy of the file as it was is kept as {paths.config_file}.broken."
    assert {"retry", "change", "local", "openFile", "quit"} <= set(seen["dialogs"][0]["actions"])
    assert seen["paint"] is None and "open_at_build" not in seen  # asked before any window
    assert not paths.database_file.exists()  # no local database in the team's place
    assert paths.config_file.read_text(encoding="utf-8") == BROKEN_TEAM_CONFIG


def test_the_local_database_after_a_broken_config_is_an_explicit_choice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = home_paths(tmp_path, monkeypatch)
    paths.config_file.write_text(BROKEN_TEAM_CONFIG, encoding="utf-8")

    code, seen, stderr = run_main(tmp_path, ["local"])

    assert code == 0, stderr[-3000:]
    assert [d["name"] for d in seen["dialogs"]] == ["configProblem"]
    assert seen["customers"] == [] and paths.database_file.exists()
    # Chosen for this start only: the next one asks again until the file is fixed.
    assert paths.config_file.read_text(encoding="utf-8") == BROKEN_TEAM_CONFIG


def test_a_broken_config_is_fixed_from_its_dialog_by_entering_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = home_paths(tmp_path, monkeypatch)
    team_url = customer_database(tmp_path / "team" / "team.db", "Олена Коваль")
    paths.config_file.write_text(BROKEN_TEAM_CONFIG, encoding="utf-8")

    code, seen, stderr = run_main(tmp_path, [{"change": team_url}])

    assert code == 0, stderr[-3000:]
    # The editor offered the URL the broken file still held, to confirm.
    assert seen["url_editor"] == [
        {"shown": "postgresql+psycopg://team@db.shop.example/switchboard"}
    ]
    assert seen["customers"] == ["Олена Коваль"]
    assert json.loads(paths.config_file.read_text(encoding="utf-8"))["database_url"] == team_url
    assert (paths.config_dir / "config.json.broken").read_text(encoding="utf-8") == (
        BROKEN_TEAM_CONFIG
    )
    assert not paths.database_file.exists()


@contextlib.contextmanager
def silent_port() -> Iterator[int]:
    """A port that takes connections and never answers: a hung server, or a
    firewall that lets the handshake through."""
    server = socket.create_server(("127.0.0.1", 0), backlog=50)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                accepted.append(server.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        server.close()


def closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


def test_a_database_port_that_never_answers_ends_in_the_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.db import CONNECT_TIMEOUT_S

    paths = home_paths(tmp_path, monkeypatch)
    with silent_port() as port:
        url = f"postgresql+psycopg://switchboard@127.0.0.1:{port}/switchboard"
        Settings(database_url=url).save(paths.config_file)
        # The wait is bounded by the connect timeout, plus a start's worth of margin.
        code, seen, stderr = run_main(tmp_path, ["quit"], timeout=CONNECT_TIMEOUT_S + 60)

    assert code == 2, stderr[-3000:]
    assert seen["paint"]["list_status"] == "Loading customers…"
    assert [d["name"] for d in seen["dialogs"]] == ["databaseProblem"]
    assert "timeout" in seen["dialogs"][0]["texts"][1]
    assert "customers" not in seen and not seen["engine_started"]


def test_a_bad_database_url_is_fixed_from_the_error_dialog_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 21: the server refuses (nothing listens there); trying again says so
    again; the URL changed in the dialog is saved and the window opens on it."""
    paths = home_paths(tmp_path, monkeypatch)
    team_url = customer_database(tmp_path / "team" / "team.db", "Олена Коваль")
    url = f"postgresql+psycopg://switchboard@127.0.0.1:{closed_port()}/switchboard"
    Settings(database_url=url, language="en", operator_name="Iryna").save(paths.config_file)

    code, seen, stderr = run_main(tmp_path, ["retry", {"change": team_url}])

    assert code == 0, stderr[-3000:]
    dialogs = seen["dialogs"]
    assert [d["name"] for d in dialogs] == ["databaseProblem", "databaseProblem"]
    assert all("refused" in d["texts"][1] for d in dialogs), dialogs
    assert seen["url_editor"] == [{"shown": url}]
    assert seen["customers"] == ["Олена Коваль"]
    assert seen["engine_started"] and seen["engine_started_with_open_core"]
    saved = json.loads(paths.config_file.read_text(encoding="utf-8"))
    assert (saved["database_url"], saved["operator_name"]) == (team_url, "Iryna")


@pytest.mark.postgres
@pytest.mark.keyring
def test_a_database_that_refuses_the_password_is_fixed_from_the_start_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pg_password_db: PasswordDatabase
) -> None:
    """Issue 21: the keyring's password for the team database is wrong (changed
    on the server); the start's dialog says the server's word, again on a retry;
    the password typed in its editor goes to the keyring, and the window opens."""
    paths = home_paths(tmp_path, monkeypatch)
    db = pg_password_db
    stale = "Stale-pw-2024"
    with secret_service():
        from keyring.backends.SecretService import Keyring

        store = SecretStore(Keyring())
        key = database_secret_id(db.url)
        assert key is not None
        store.set(SecretKind.DATABASE, key, stale)
        Settings(database_url=db.url, operator_name="Iryna").save(paths.config_file)

        code, seen, stderr = run_main(
            tmp_path, ["retry", {"change": db.url, "password": db.password}], keyring=True
        )
        stored = store.get(SecretKind.DATABASE, key)

    assert code == 0, stderr[-3000:]
    dialogs = seen["dialogs"]
    assert [d["name"] for d in dialogs] == ["databaseProblem", "databaseProblem"]
    refused = f'password authentication failed for user "{db.role}"'
    assert all(refused in d["texts"][1] for d in dialogs), dialogs
    assert seen["url_editor"] == [{"shown": db.url}]
    assert seen["customers"] == []  # the team's database, opened
    assert seen["engine_started"] and seen["engine_started_with_open_core"]
    assert stored == db.password
    saved = json.loads(paths.config_file.read_text(encoding="utf-8"))
    assert (saved["database_url"], saved["operator_name"]) == (db.url, "Iryna")
    assert paths.log_file.read_text(encoding="utf-8")
    written = [path for path in (tmp_path / "home").rglob("*") if path.is_file()]
    for secret in (db.password, stale):
        assert [path for path in written if _holds(path, secret)] == []
    assert not paths.database_file.exists()


def _holds(path: Path, secret: str) -> bool:
    data = path.read_bytes()
    return secret.encode("utf-8") in data or quote(secret, safe="").encode("ascii") in data


@pytest.mark.parametrize("which", ["home", "data"])
def test_a_read_only_home_is_said_in_a_dialog_and_exits_3(tmp_path: Path, which: str) -> None:
    home = tmp_path / "home"
    if which == "data":  # a profile that was working: its data folder turned read-only
        AppPaths(home / "config", home / "data", home / "logs").ensure()
    folder = home if which == "home" else home / "data"
    with read_only_folder(folder):
        code, seen, stderr = run_main(tmp_path, ["quit"])

    assert code == 3, stderr[-3000:]
    assert "Traceback" not in stderr
    assert [d["name"] for d in seen["dialogs"]] == ["homeProblem"]
    heading, problem, *notes = seen["dialogs"][0]["texts"]
    assert heading == "Switchboard can't write to its folders"
    named = home / "config" if which == "home" else home / "data"
    verb = "created" if which == "home" else "written"
    assert problem.startswith(f"The folder {named} can't be {verb}: ")
    assert problem.endswith(("Permission denied.", "Operation not permitted."))
    assert f"SWITCHBOARD_HOME is {home}." in notes
    assert seen["paint"] is None


def wait_for_listening(process: subprocess.Popen[str], socket_file: Path) -> None:
    """The running window listens after its first paint; its socket file (in
    TMPDIR, where Qt puts it) is what a second start looks for first."""
    deadline = time.monotonic() + 60
    while not socket_file.exists() and process.poll() is None:
        assert time.monotonic() < deadline, "the first start never listened"
        time.sleep(0.05)


def start_with_link(tmp_path: Path, home: Path, link: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from ui.shell.main import main; sys.exit(main(sys.argv[1:]))",
            link,
        ],
        cwd=ROOT,
        env=environment(tmp_path, home),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_second_start_hands_its_link_to_the_running_window(tmp_path: Path) -> None:
    from ui.shell.single_instance import server_name

    home = tmp_path / "home"
    env = {**environment(tmp_path, home), "START_DRIVER_WAIT_FOR_LINK": "1"}
    first = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.start_driver"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_listening(first, tmp_path / server_name(home / "data"))
        second = start_with_link(tmp_path, home, "tel:+380 50 123 45 67")
        assert second.returncode == 0, second.stderr[-3000:]
        out, err = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    assert first.returncode == 0, err[-3000:]
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["links"] == ["tel:+380 50 123 45 67"]
    assert seen["messages"] == []


def test_two_profiles_run_side_by_side(tmp_path: Path) -> None:
    """Two SWITCHBOARD_HOMEs, one machine, one user, one temp folder: the second
    profile starts its own window instead of handing over to the first; a start
    of the first profile still hands over to the first."""
    from ui.shell.single_instance import server_name

    first_home, second_home = tmp_path / "first", tmp_path / "second"
    env = {**environment(tmp_path, first_home), "START_DRIVER_WAIT_FOR_LINK": "1"}
    first = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.start_driver"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_listening(first, tmp_path / server_name(first_home / "data"))
        code, seen, stderr = run_main(tmp_path, home=second_home)
        assert code == 0, stderr[-3000:]
        assert seen["paint"] is not None, "the second profile handed over instead of starting"
        assert seen["customers"] == [] and seen["links"] == []
        assert first.poll() is None  # the first still runs
        third = start_with_link(tmp_path, first_home, "tel:+380501234567")
        assert third.returncode == 0, third.stderr[-3000:]
        out, err = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    assert first.returncode == 0, err[-3000:]
    assert json.loads(out.strip().splitlines()[-1])["links"] == ["tel:+380501234567"]

"""The start (ui/main.py): the window is painted before the database is opened,
which then happens on the task worker; an unusable database still stops the app
with a message and exit code 2. Each case in a fresh process, as the operator
starts it (tests/ui/start_driver.py watches main())."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from app.core import Core
from app.customers import ContactInput
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings

ROOT = Path(__file__).resolve().parents[2]
DATABASE_SIDE = ("sqlalchemy", "sqlmodel", "pydantic", "alembic")
LATER_SIDE = ("phonenumbers",)  # ~20 ms of import the first picture doesn't need
# What main() imports before the window's first paint.
BEFORE_PAINT = (
    "ui.main",
    "ui.shell",
    "ui.main_window",
    "ui.i18n",
    "ui.single_instance",
    "ui.first_paint",
    "app.core",
    "app.errors",
    "app.enums",
    "app.settings",
)


def environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        SWITCHBOARD_HOME=str(tmp_path / "home"),
        TMPDIR=str(tmp_path),  # the single-instance socket: no other Switchboard answers
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return env


def home_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.setenv("SWITCHBOARD_HOME", str(tmp_path / "home"))
    paths = AppPaths.default()
    paths.ensure()
    return paths


def run_main(tmp_path: Path) -> tuple[int, dict[str, Any], str]:
    out = subprocess.run(
        [sys.executable, "-m", "tests.ui.start_driver"],
        cwd=ROOT,
        env=environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
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


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("nosuchdriver://somewhere/db", "The database URL is not usable"),
        ("sqlite:///{home}/not-a-database.db", "could not be upgraded"),
    ],
)
def test_an_unusable_database_says_why_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, says: str
) -> None:
    paths = home_paths(tmp_path, monkeypatch)
    home = tmp_path / "home"
    (home / "not-a-database.db").write_bytes(b"this is not SQLite " * 100)
    Settings(database_url=url.format(home=home)).save(paths.config_file)

    code, seen, stderr = run_main(tmp_path)

    assert code == 2, stderr[-3000:]
    assert len(seen["messages"]) == 1
    title, text = seen["messages"][0]
    assert title == "Switchboard" and says in text
    assert "customers" not in seen and not seen["engine_started"]


def test_a_second_start_hands_its_link_to_the_running_window(tmp_path: Path) -> None:
    from ui.single_instance import server_name

    env = {**environment(tmp_path), "START_DRIVER_WAIT_FOR_LINK": "1"}
    first = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.start_driver"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The running window listens after its first paint; its socket file (in
        # TMPDIR, where Qt puts it) is what the second start looks for first.
        socket_file = tmp_path / server_name()
        deadline = time.monotonic() + 60
        while not socket_file.exists() and first.poll() is None:
            assert time.monotonic() < deadline, "the first start never listened"
            time.sleep(0.05)
        second = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from ui.main import main; sys.exit(main(sys.argv[1:]))",
                "tel:+380 50 123 45 67",
            ],
            cwd=ROOT,
            env=environment(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
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

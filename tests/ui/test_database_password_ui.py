"""The team database's password in the window (issue 21, item 6): Settings >
General saves it to the keyring only, moves a password typed into the URL there
(the URL saved without it), refuses a URL that can't work with nothing saved;
the start's database dialog takes the password a server asks for, and the
window opens. Real PostgreSQL (a role that needs its password), a real Secret
Service where the keyring itself is the point. The fresh-process start with a
wrong password is in test_start.py."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from keyring.backends import fail
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit

from app.core import Core
from app.secrets import MemoryKeyring, SecretKind, SecretStore, database_secret_id
from app.settings import AppPaths, Settings
from tests.conftest import PasswordDatabase
from tests.servers.secret_service import secret_service
from ui.common.tasks import TaskRunner
from ui.settings.settings_dialog import SettingsDialog
from ui.shell.start_problem_dialog import (
    DatabaseProblemDialog,
    DatabaseUrlDialog,
    show_database_problem,
)

TEAM = "postgresql+psycopg://team@db.shop.example/switchboard"
TEAM_ID = "postgresql://team@db.shop.example:5432/switchboard"


@pytest.fixture(scope="module")
def real_keyring() -> Iterator[SecretStore]:
    with secret_service():
        from keyring.backends.SecretService import Keyring

        yield SecretStore(Keyring())


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    made = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    made.ensure()
    return made


@contextlib.contextmanager
def settings_dialog(qtbot: Any, paths: AppPaths, secrets: SecretStore) -> Iterator[SettingsDialog]:
    """The dialog over a core on this computer's file, with ``secrets``; the
    config file as a first save left it."""
    core = Core.open(paths, Settings(operator_name="Iryna"), secrets)
    core.settings.save(paths.config_file)
    tasks = TaskRunner()
    dialog = SettingsDialog(core, tasks)
    qtbot.addWidget(dialog)
    try:
        yield dialog
    finally:
        dialog.close()
        tasks.shutdown()
        core.close()


@pytest.fixture
def memory_dialog(qtbot: Any, paths: AppPaths) -> Iterator[SettingsDialog]:
    with settings_dialog(qtbot, paths, SecretStore(MemoryKeyring())) as dialog:
        yield dialog


def save(qtbot: Any, dialog: SettingsDialog) -> None:
    with qtbot.waitSignal(dialog.settingsSaved, timeout=10_000):
        dialog.save()


def config(paths: AppPaths) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(paths.config_file.read_text(encoding="utf-8"))
    return data


def holds(path: Path, secret: str) -> bool:
    data = path.read_bytes()
    return secret.encode("utf-8") in data or quote(secret, safe="").encode("ascii") in data


@pytest.mark.postgres
@pytest.mark.keyring
def test_a_url_typed_with_its_password_is_saved_without_it_and_the_core_opens_with_it(
    qtbot: Any, paths: AppPaths, pg_password_db: PasswordDatabase, real_keyring: SecretStore
) -> None:
    db = pg_password_db
    key = database_secret_id(db.url)
    assert key is not None
    with settings_dialog(qtbot, paths, real_keyring) as dialog:
        dialog.database.setText(db.url.replace("@", f":{quote(db.password, safe='')}@", 1))
        save(qtbot, dialog)
        assert "moved to the system keyring" in dialog.status.text()
        assert dialog.database.text() == db.url and dialog.database_password.text() == ""
        assert dialog.core.settings.database_url == db.url
    try:
        assert config(paths)["database_url"] == db.url
        assert real_keyring.get(SecretKind.DATABASE, key) == db.password
        # The next start: the core opens the team's database with the keyring's password.
        core = Core.open(paths, Settings.load(paths.config_file), real_keyring)
        assert core.db.dialect == "postgresql"
        core.close()
    finally:
        real_keyring.delete(SecretKind.DATABASE, key)
    written = [p for p in paths.config_dir.parent.rglob("*") if p.is_file()]
    assert paths.config_file in written
    assert [p for p in written if holds(p, db.password)] == []


def test_the_password_field_saves_keeps_and_forgets(
    qtbot: Any, paths: AppPaths, memory_dialog: SettingsDialog
) -> None:
    dialog, secrets = memory_dialog, memory_dialog.core.secrets
    assert dialog.database_password.echoMode() == QLineEdit.EchoMode.Password
    dialog.database.setText(f" {TEAM} ")
    dialog.database_password.setText("s3cret-Team-pw")
    save(qtbot, dialog)
    assert dialog.status.text() == "Settings saved."
    assert dialog.database_password.text() == ""  # not kept in the widget
    assert secrets.get(SecretKind.DATABASE, TEAM_ID) == "s3cret-Team-pw"
    assert config(paths)["database_url"] == TEAM
    assert not holds(paths.config_file, "s3cret-Team-pw")

    dialog.operator.setText("Iryna K.")  # another change; the field left empty
    save(qtbot, dialog)
    assert secrets.get(SecretKind.DATABASE, TEAM_ID) == "s3cret-Team-pw"

    dialog.database_password.setText("typed, then forgotten")
    dialog.forget_database_password.setChecked(True)
    assert dialog.database_password.text() == "" and not dialog.database_password.isEnabled()
    save(qtbot, dialog)
    assert secrets.get(SecretKind.DATABASE, TEAM_ID) is None
    assert not dialog.forget_database_password.isChecked()
    assert dialog.database_password.isEnabled()
    assert config(paths)["database_url"] == TEAM


@pytest.mark.parametrize(
    ("url", "password", "says"),
    [
        ("postgresql+psycopg://team@db.shop.example:54x2/switchboard", "", "not a database URL"),
        ("postgresql+psycopg://team:pw@db.shop.example:54x2/sb", "", "not a database URL"),
        ("mysql://team@db.shop.example/switchboard", "pw", "not mysql"),
        ("sqlite:///", "", "names no file"),
        ("sqlite:///team.db", "s3cret", "Only a PostgreSQL server takes a password"),
        (f"{TEAM.replace('team@', 'team:one@')}", "two", "field another"),
    ],
)
def test_a_url_that_cant_work_is_refused_with_nothing_saved(
    qtbot: Any, paths: AppPaths, memory_dialog: SettingsDialog, url: str, password: str, says: str
) -> None:
    dialog = memory_dialog
    before = paths.config_file.read_bytes()
    dialog.operator.setText("Someone else")
    dialog.database.setText(url)
    dialog.database_password.setText(password)
    dialog.save()  # refused at once, before anything goes to the worker
    assert dialog.status.text().startswith("Not saved: ") and says in dialog.status.text()
    qtbot.wait(50)
    assert dialog.tasks.pending == 0
    assert paths.config_file.read_bytes() == before
    assert dialog.core.settings.operator_name == "Iryna"
    assert dialog.database.text() == url and dialog.database_password.text() == password
    assert dialog.core.secrets.backend._store == {}  # type: ignore[attr-defined]


def test_without_a_keyring_a_password_is_not_saved_nor_the_url(qtbot: Any, paths: AppPaths) -> None:
    with settings_dialog(qtbot, paths, SecretStore(fail.Keyring())) as dialog:
        before = paths.config_file.read_bytes()
        dialog.database.setText(TEAM.replace("team@", "team:s3cret-pw@"))
        dialog.save()
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Not saved: "), timeout=10_000)
        assert "No password store" in dialog.status.text()
        assert paths.config_file.read_bytes() == before
        # No password to save: no keyring needed.
        dialog.database.setText(TEAM)
        save(qtbot, dialog)
        assert config(paths)["database_url"] == TEAM


@pytest.mark.postgres
def test_the_start_dialog_takes_the_password_the_server_asks_for(
    qtbot: Any, paths: AppPaths, pg_password_db: PasswordDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real start path in the window's process (Shell.open_core on the task
    worker, show_database_problem): no password saved; the dialog says the
    server asks for one; typed in its editor, it goes to the keyring, and the
    retry opens the window."""
    from ui.shell.shell import Shell

    db = pg_password_db
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(paths.data_dir / "no-such-pgpass"))
    monkeypatch.setattr(Shell, "start_engine", lambda self: None)
    Settings(database_url=db.url).save(paths.config_file)
    secrets = SecretStore(MemoryKeyring())
    core = Core.prepare(paths, Settings.load(paths.config_file), secrets)
    shell = Shell(core)
    qtbot.addWidget(shell.window)
    exits: list[int] = []
    shell.coreFailed.connect(lambda exc: show_database_problem(shell, exc, exits.append))
    shell.window.show()
    try:
        shell.open_core()
        qtbot.waitUntil(lambda: _dialog(shell) is not None, timeout=10_000)
        dialog = _dialog(shell)
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)
        assert "asks for a password, and none is saved" in dialog.problem.text()
        assert "no password supplied" in dialog.problem.text()  # libpq's own word

        shown: list[tuple[str, str]] = []

        def type_password() -> None:
            editor = dialog.findChild(DatabaseUrlDialog)
            if editor is None or not editor.isVisible():
                QTimer.singleShot(20, type_password)
                return
            shown.append((editor.field.text(), editor.password.text()))
            editor.password.setText(db.password)
            editor.save_button.click()

        QTimer.singleShot(0, type_password)
        with qtbot.waitSignal(shell.coreReady, timeout=20_000):
            dialog.action("change").click()  # the editor's exec() returns once saved
        qtbot.waitUntil(lambda: _dialog(shell) is None)
        assert shown == [(db.url, "")]
        assert core.is_open and core.db.dialect == "postgresql" and exits == []
        assert secrets.get(SecretKind.DATABASE, database_secret_id(db.url) or "") == db.password
        assert config(paths)["database_url"] == db.url
        assert not holds(paths.config_file, db.password)
    finally:
        shell.tasks.shutdown()
        if shell.call_log is not None:
            shell.call_log.close()
        shell.window.callbacks.stop()
        core.close()


def _dialog(shell: Any) -> DatabaseProblemDialog | None:
    return shell.window.findChild(DatabaseProblemDialog, "databaseProblem")

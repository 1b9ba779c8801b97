"""The start's problem dialogs (ui/shell/start_problem_dialog.py), in the window's
process: the database dialog over a real shell whose database can't be opened,
then is; the URL editor's checks and its atomic save; the settings-file dialog's
ways out; and every dialog's text whole (no label cut) in each language.
The fresh-process starts are in test_start.py."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QWidget

from app.core import Core
from app.errors import DatabaseError
from app.secrets import MemoryKeyring, SecretKind, SecretStore
from app.settings import _CANT_WRITE, AppPaths, HomeNotWritable, Settings
from ui.shell.i18n import Translations
from ui.shell.start_problem_dialog import (
    ConfigProblemDialog,
    DatabaseProblemDialog,
    DatabaseUrlDialog,
    HomeProblemDialog,
    StartProblemDialog,
    show_database_problem,
)

BROKEN = '{"database_url": "postgresql+psycopg://team@db.shop.example/switchboard",\n "x" 1}'
TEAM_ID = "postgresql://team@db.shop.example:5432/switchboard"  # its password's keyring id


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    made = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    made.ensure()
    return made


@pytest.fixture
def closed(qtbot: Any) -> Iterator[list[QWidget]]:
    """Dialogs a test made, closed after it (a modal one left open would block)."""
    made: list[QWidget] = []
    yield made
    for widget in made:
        widget.close()


def test_the_database_dialog_stays_until_a_retry_opens_the_database(
    qtbot: Any, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.shell.shell import Shell

    started: list[bool] = []
    monkeypatch.setattr(Shell, "start_engine", lambda self: started.append(True))
    broken = paths.data_dir / "team.db"
    broken.write_bytes(b"this is not SQLite " * 100)
    core = Core.prepare(
        paths, Settings(database_url=f"sqlite:///{broken}"), SecretStore(MemoryKeyring())
    )
    shell = Shell(core)
    qtbot.addWidget(shell.window)
    exits: list[int] = []
    shell.coreFailed.connect(lambda exc: show_database_problem(shell, exc, exits.append))
    shell.window.show()
    try:
        shell.open_core()
        qtbot.waitUntil(lambda: _dialog(shell) is not None)
        dialog = _dialog(shell)
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.isModal() and dialog.parent() is shell.window
        assert "not a database" in dialog.problem.text()
        first_problem = dialog.problem.text()

        with qtbot.waitSignal(dialog.problemChanged, timeout=10_000):
            dialog.action("retry").click()  # nothing fixed yet: said again
        assert dialog.problem.text() == first_problem and dialog.isVisible()
        assert dialog.action("retry").isEnabled()

        broken.unlink()  # the operator moved the damaged file away
        with qtbot.waitSignal(shell.coreReady, timeout=10_000):
            dialog.action("retry").click()
        qtbot.waitUntil(lambda: _dialog(shell) is None)
        assert core.is_open and started == [True] and exits == []
    finally:
        shell.tasks.shutdown()
        if shell.call_log is not None:
            shell.call_log.close()
        shell.window.callbacks.stop()
        core.close()


def _dialog(shell: Any) -> DatabaseProblemDialog | None:
    return shell.window.findChild(DatabaseProblemDialog, "databaseProblem")


def test_quitting_the_database_dialog_gives_the_exit_code(
    qtbot: Any, paths: AppPaths, closed: list[QWidget]
) -> None:
    dialog = DatabaseProblemDialog(paths, Settings(database_url="postgresql://team@db/sb"))
    closed.append(dialog)
    dialog.show_failure(DatabaseError("The database is not there."))
    dialog.show()
    with qtbot.waitSignal(dialog.quitRequested) as quit_with:
        dialog.action("quit").click()
    assert quit_with.args == [2]
    dialog.show_failure(RuntimeError("a bug"))  # not the database's fault: another code
    dialog.show()
    with qtbot.waitSignal(dialog.quitRequested) as quit_with:
        dialog.reject()  # Esc, the title bar's close
    assert quit_with.args == [1]


def test_the_database_dialog_shows_no_password(
    qtbot: Any, paths: AppPaths, closed: list[QWidget]
) -> None:
    dialog = DatabaseProblemDialog(paths, Settings(database_url="postgresql://team:s3cret@db/sb"))
    closed.append(dialog)
    dialog.show_failure(DatabaseError("The database server refused the connection."))
    assert "Database: postgresql://team:***@db/sb" in dialog.texts()
    assert all("s3cret" not in text for text in dialog.texts())


def test_the_url_editor_refuses_a_bad_url_and_saves_a_good_url_alone(
    qtbot: Any, paths: AppPaths, closed: list[QWidget]
) -> None:
    original = {"database_url": "nosuchdriver://x", "language": "uk", "operator_name": "Iryna"}
    paths.config_file.write_text(json.dumps(original), encoding="utf-8")
    secrets = SecretStore(MemoryKeyring())
    editor = DatabaseUrlDialog(paths, original["database_url"], Settings(), secrets=secrets)
    closed.append(editor)
    editor.show()

    editor.field.setText("mysql://team@db.shop.example/switchboard")
    editor.save_button.click()
    assert editor.isVisible() and editor.problem.isVisible()
    assert "not mysql" in editor.problem.text()
    editor.field.setText("sqlite:///team.db")
    editor.password.setText("s3cret")
    editor.save_button.click()
    assert "Only a PostgreSQL server takes a password" in editor.problem.text()
    assert json.loads(paths.config_file.read_text(encoding="utf-8")) == original

    url = "postgresql+psycopg://team@db.shop.example/switchboard"
    editor.field.setText(f"  {url}  ")
    editor.password.clear()
    editor.save_button.click()
    assert editor.result() == QDialog.DialogCode.Accepted and editor.url == url
    assert json.loads(paths.config_file.read_text(encoding="utf-8")) == {
        **original,
        "database_url": url,
    }
    assert secrets.get(SecretKind.DATABASE, TEAM_ID) is None  # no password given


def test_the_url_editor_moves_a_password_in_the_url_to_the_keyring(
    qtbot: Any, paths: AppPaths, closed: list[QWidget]
) -> None:
    """Issue 21: an old config's URL with its password in it is shown without it
    (the password masked in its own field), and saved without it; the password
    lands in the keyring under the server's id."""
    old = "postgresql+psycopg://team:s3cret%40x@DB.shop.example/switchboard"
    paths.config_file.write_text(json.dumps({"database_url": old}), encoding="utf-8")
    secrets = SecretStore(MemoryKeyring())
    editor = DatabaseUrlDialog(paths, old, Settings(), secrets=secrets)
    closed.append(editor)
    editor.show()
    assert editor.field.text() == "postgresql+psycopg://team@DB.shop.example/switchboard"
    assert editor.password.text() == "s3cret@x"
    assert editor.password.echoMode() == QLineEdit.EchoMode.Password

    editor.field.setText("postgresql+psycopg://team:other@db.shop.example/switchboard")
    editor.save_button.click()  # two passwords: which one? refused
    assert "holds one password and the password field another" in editor.problem.text()
    assert secrets.get(SecretKind.DATABASE, TEAM_ID) is None

    editor.field.setText(old)
    editor.save_button.click()
    assert editor.result() == QDialog.DialogCode.Accepted
    saved = json.loads(paths.config_file.read_text(encoding="utf-8"))["database_url"]
    assert saved == editor.url == "postgresql+psycopg://team@DB.shop.example/switchboard"
    assert "s3cret" not in paths.config_file.read_text(encoding="utf-8")
    assert secrets.get(SecretKind.DATABASE, TEAM_ID) == "s3cret@x"
    assert editor.password.text() == ""


def test_the_url_editor_without_a_keyring_saves_nothing(
    qtbot: Any, paths: AppPaths, closed: list[QWidget]
) -> None:
    from keyring.backends import fail

    paths.config_file.write_text(json.dumps({"language": "uk"}), encoding="utf-8")
    editor = DatabaseUrlDialog(paths, "", Settings(), secrets=SecretStore(fail.Keyring()))
    closed.append(editor)
    editor.show()
    editor.field.setText("postgresql+psycopg://team@db.shop.example/switchboard")
    editor.password.setText("s3cret")
    editor.save_button.click()
    assert editor.isVisible() and "No password store" in editor.problem.text()
    assert json.loads(paths.config_file.read_text(encoding="utf-8")) == {"language": "uk"}


def test_the_settings_dialog_tries_again_once_the_file_is_fixed(
    qtbot: Any, paths: AppPaths, closed: list[QWidget]
) -> None:
    paths.config_file.write_text(BROKEN, encoding="utf-8")
    dialog = ConfigProblemDialog(paths, Settings.read(paths.config_file))
    closed.append(dialog)
    dialog.show()
    assert "line 2, column 6" in dialog.problem.text()

    dialog.action("retry").click()  # not fixed yet
    assert dialog.isVisible() and dialog.status.isVisible()
    assert dialog.settings is None

    fixed = {"database_url": "postgresql+psycopg://team@db/switchboard", "language": "uk"}
    paths.config_file.write_text(json.dumps(fixed), encoding="utf-8")
    dialog.action("retry").click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.settings is not None
    assert (dialog.settings.database_url, dialog.settings.language) == (
        fixed["database_url"],
        "uk",
    )


def test_the_local_database_is_chosen_only_by_its_button(
    qtbot: Any, paths: AppPaths, closed: list[QWidget]
) -> None:
    paths.config_file.write_text(BROKEN, encoding="utf-8")
    dialog = ConfigProblemDialog(paths, Settings.read(paths.config_file))
    closed.append(dialog)
    dialog.show()
    dialog.reject()  # closing it is quitting, never the local file
    assert dialog.settings is None
    dialog.show()
    dialog.action("local").click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.settings is not None and dialog.settings.database_url == ""
    assert paths.config_file.read_text(encoding="utf-8") == BROKEN  # not rewritten


def test_what_the_files_say_is_shown_as_text_not_markup(
    qtbot: Any, tmp_path: Path, closed: list[QWidget]
) -> None:
    folder = tmp_path / "<b>shop</b><img src='x.png'>"
    paths = AppPaths(folder / "config", folder / "data", folder / "logs")
    paths.ensure()
    paths.config_file.write_text('{"database_url": ["<i>team</i>"]}', encoding="utf-8")
    dialog = ConfigProblemDialog(paths, Settings.read(paths.config_file))
    closed.append(dialog)
    labels = dialog.findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels if label.text())
    assert '["<i>team</i>"]' in dialog.problem.text()


ENGLISH_HEADINGS = {
    "Switchboard can't tell which database to use",
    "Switchboard can't open its database",
    "Switchboard can't write to its folders",
}


def _built_dialogs(paths: AppPaths) -> list[QDialog]:
    paths.config_file.write_text(BROKEN, encoding="utf-8")
    config = ConfigProblemDialog(paths, Settings.read(paths.config_file))
    database = DatabaseProblemDialog(
        paths, Settings(database_url="postgresql+psycopg://operator@db.shop.example/switchboard")
    )
    database.show_failure(
        DatabaseError(
            "The database postgresql+psycopg://operator@db.shop.example/switchboard can't be "
            "reached: connection timeout expired"
        )
    )
    home = HomeProblemDialog(
        HomeNotWritable(_CANT_WRITE, path=str(paths.data_dir), error="Read-only file system"),
        str(paths.data_dir.parent),
    )
    editor = DatabaseUrlDialog(
        paths, "", Settings(), rewrites_file=True, secrets=SecretStore(MemoryKeyring())
    )
    editor.field.setText("mysql://team@db/sb")
    editor.save()  # refused: its red line is shown too
    return [config, database, home, editor]


@pytest.mark.parametrize("language", ["en", "ru", "uk"])
def test_no_text_of_a_dialog_is_cut(
    qtbot: Any, paths: AppPaths, language: str, closed: list[QWidget]
) -> None:
    translations = Translations()
    translations.install(language)
    try:
        dialogs = _built_dialogs(paths)
        closed.extend(dialogs)
        for dialog in dialogs:
            dialog.show()
            QApplication.processEvents()
            if isinstance(dialog, StartProblemDialog) and language != "en":
                assert dialog.heading.text() not in ENGLISH_HEADINGS, "not translated"
            for label in dialog.findChildren(QLabel):
                if label.isVisible() and label.wordWrap():
                    needed = label.heightForWidth(label.width())
                    assert label.height() >= needed, (language, label.text())
            for button in dialog.findChildren(QPushButton):  # choices are push buttons too
                if button.isVisible():
                    assert button.height() >= button.minimumSizeHint().height(), button.text()
                    if button.hasHeightForWidth():
                        assert button.height() >= button.heightForWidth(button.width())
            assert dialog.height() <= 800  # fits a small laptop's screen
    finally:
        translations.install("en")

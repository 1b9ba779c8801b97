"""What keeps Switchboard from starting, said with the ways out.

Three problems stop a start, each before the operator could work unaware of it:

* the settings file can't say which database to use (``ConfigProblemDialog``,
  before any database is opened): falling back to the local file would keep this
  computer's calls out of a team's database, so the local file is only ever an
  explicit choice;
* the database can't be opened (``DatabaseProblemDialog``, over the window,
  after the first paint): try again, or change the URL or the server's password
  (to the keyring) right there;
* a folder Switchboard writes to can't be written (``home_problem_dialog``).

The texts shown may quote a path, a URL or a JSON error from the operator's
files: every label is plain text. Nothing here imports SQLAlchemy: the settings
dialog comes before the window's first paint.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.errors import DatabaseError
from app.messages import OperatorError
from app.secrets import DatabaseLogin, SecretStore
from app.settings import (
    AppPaths,
    HomeNotWritable,
    LoadedSettings,
    Settings,
    salvaged_database_url,
    save_database_url,
    split_database_password,
    without_password,
)
from ui.common.core_text import error_text
from ui.common.dialog_parts import ERROR_COLOR

if TYPE_CHECKING:
    from ui.shell.shell import Shell

log = logging.getLogger(__name__)

# main()'s exit codes for a start that ended in one of these dialogs.
EXIT_UNEXPECTED = 1  # the core failed for a reason that is no DatabaseError (a bug)
EXIT_NO_DATABASE = 2  # no usable database, and the operator quit
EXIT_HOME_NOT_WRITABLE = 3


def _text_label(parent: QWidget, name: str = "") -> QLabel:
    """A wrapping, selectable label that shows its text as it is (it may quote the
    operator's files: never markup)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def fit_height(dialog: QDialog) -> None:
    """The height the wrapped texts need at the dialog's width (a dialog's own
    size takes them at another width: gaps between them, or cuts)."""
    layout = dialog.layout()
    assert layout is not None
    layout.activate()
    height = layout.totalHeightForWidth(dialog.width())
    if height > 0:
        dialog.resize(dialog.width(), height)


class ChoiceButton(QCommandLinkButton):
    """A way out: its name in bold, a line on what it does. As tall as its text is
    at the width it has (QCommandLinkButton's own size wraps the line at a width
    of its choosing, leaving a gap under it)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.width() > hint.width():
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


class StartProblemDialog(QDialog):
    """A problem that stops the start: a heading, what is wrong, notes, the ways
    out as large choices with a line each, and buttons along the bottom.
    Closing it (Esc, the title bar) is Quit."""

    # The problem shown changed (a new one, or the same after a failed retry).
    problemChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startProblem")
        self.setWindowTitle(self.tr("Switchboard"))
        self.setMinimumWidth(560)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = _text_label(self, "heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.problem = _text_label(self, "problem")
        self.notes = QVBoxLayout()
        self._notes: list[QLabel] = []
        self.choices = QVBoxLayout()
        self.choices.setSpacing(2)
        self.status = _text_label(self, "status")
        self.status.hide()
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)

        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.problem)
        text.addLayout(self.notes)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addLayout(self.choices)
        layout.addWidget(self.status)
        layout.addLayout(self.buttons)

    def set_heading(self, text: str) -> None:
        self.heading.setText(text)

    def set_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problemChanged.emit(text)

    def add_note(self, text: str, name: str = "") -> QLabel:
        note = _text_label(self, name)
        note.setText(text)
        self.notes.addWidget(note)
        self._notes.append(note)
        return note

    def add_choice(
        self, name: str, text: str, description: str, chosen: Callable[[], None]
    ) -> ChoiceButton:
        choice = ChoiceButton(text, description, self)
        choice.setObjectName(name)
        choice.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        choice.setAutoDefault(False)
        choice.clicked.connect(chosen)
        self.choices.addWidget(choice)
        return choice

    def add_button(
        self, name: str, text: str, pressed: Callable[[], None], *, left: bool = False
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(pressed)
        if left:
            self.buttons.insertWidget(0, button)
        else:
            self.buttons.addWidget(button)
        return button

    def set_status(self, text: str, *, problem: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOR};" if problem else "")
        self.status.setVisible(bool(text))
        if self.isVisible():
            fit_height(self)

    def action(self, name: str) -> QAbstractButton:
        """A choice or a button by its name ("retry", "change", "local", "quit", ...)."""
        found = self.findChild(QAbstractButton, name)
        assert found is not None, name
        return found

    def texts(self) -> list[str]:
        """What the dialog says, in order (the heading first); for the start's tests."""
        labels = [self.heading, self.problem, *self._notes, self.status]
        return [label.text() for label in labels if label.text() and not label.isHidden()]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_height(self)


class DatabaseUrlDialog(QDialog):
    """The database URL and its server's password, edited right where the start
    failed: checked, the password saved to the keyring, then the URL into
    config.json (only that key; atomically; never with a password) before the
    caller tries it. A URL shown or typed with its password in it gets it
    moved to the password field, and so to the keyring."""

    def __init__(
        self,
        paths: AppPaths,
        current: str,
        fallback: Settings,
        parent: QWidget | None = None,
        *,
        rewrites_file: bool = False,
        secrets: SecretStore | None = None,
    ) -> None:
        """``fallback``: the settings written with the URL when the file holds none
        (``rewrites_file``: it can't be read, and the operator is told so).
        ``secrets``: where a password goes (the core's; the system's keyring when
        None)."""
        super().__init__(parent)
        self.setObjectName("databaseUrlDialog")
        self.setWindowTitle(self.tr("Change the database"))
        self.setMinimumWidth(560)
        self.paths = paths
        self.fallback = fallback
        self.secrets = secrets if secrets is not None else SecretStore()
        self.url = ""  # what was saved, once accepted
        current, password_in_url = split_database_password(current)
        self.field = QLineEdit(current, self)
        self.field.setObjectName("databaseUrl")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(
            self.tr("Empty: this computer's file, %1").replace("%1", str(paths.database_file))
        )
        self.password = QLineEdit(password_in_url, self)
        self.password.setObjectName("databasePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Empty: keep the saved one, if any"))
        hint = _text_label(self)
        hint.setText(
            self.tr(
                "A team shares one PostgreSQL database: "
                "postgresql+psycopg://user@server/switchboard, its password in the field "
                "below (kept in the system keyring, never in the settings file). Leave the "
                "URL empty for this computer's own file."
            )
        )
        where = _text_label(self, "savedIn")
        where.setText(self.tr("Saved in %1.").replace("%1", str(paths.config_file)))
        anew = _text_label(self, "writtenAnew")
        anew.setText(
            self.tr(
                "The settings file can't be read, so it is written anew with this database: "
                "the other settings start from their defaults (the copy keeps them as they were)."
            )
        )
        anew.setVisible(rewrites_file)
        self.problem = _text_label(self, "databaseUrlProblem")
        self.problem.setStyleSheet(f"color: {ERROR_COLOR};")
        self.problem.hide()
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Save and try again"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Database URL:"), self))
        layout.addWidget(self.field)
        layout.addWidget(QLabel(self.tr("Database password:"), self))
        layout.addWidget(self.password)
        layout.addWidget(hint)
        layout.addWidget(where)
        layout.addWidget(anew)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def save(self) -> None:
        """On the GUI thread, as the start's other steps here: a keyring call and
        one small file, while the operator waits for them anyway."""
        try:
            login = DatabaseLogin.of(self.field.text(), self.password.text())
            login.store(self.secrets)  # before the URL that needs it
            self.url = save_database_url(self.paths.config_file, login.url, self.fallback)
        except OperatorError as exc:  # a URL that can't work; no keyring
            self._refused(error_text(exc))
            return
        except OSError as exc:
            self._refused(self.tr("Not saved: %1").replace("%1", str(exc)))
            return
        self.field.setText(self.url)
        self.password.clear()  # never kept in the widget longer than needed
        log.info(
            "database changed from the start's dialog to %s%s",
            self.url,
            " (its password saved in the keyring)" if login.password else "",
        )
        self.accept()

    def _refused(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        fit_height(self)
        self.field.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_height(self)


class ConfigProblemDialog(StartProblemDialog):
    """The settings file can't say which database to use. The ways out: fix the
    file and try again, enter the database, start on the local file (an explicit
    choice, never a fallback), or quit. Accepted, ``settings`` is what to start
    with."""

    def __init__(
        self, paths: AppPaths, loaded: LoadedSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("configProblem")
        self.set_heading(self.tr("Switchboard can't tell which database to use"))
        self.paths = paths
        self.loaded = loaded
        self.settings: Settings | None = None
        self.kept = self.add_note("", "keptAs")
        self.add_note(
            self.tr(
                "Switchboard does not pick a database by itself: on the local database, this "
                "computer's calls would not reach a team's database. Fix the file and try "
                "again, enter the database to use, or start with the local database if this "
                "computer has no team database."
            )
        )
        self.add_choice(
            "retry",
            self.tr("Try again"),
            self.tr("Read the settings file again, once it is fixed."),
            self.retry,
        )
        self.add_choice(
            "change",
            self.tr("Change the database…"),
            self.tr("Enter the database to use; it is saved in the settings file."),
            self.change,
        )
        self.add_choice(
            "local",
            self.tr("Start with the local database"),
            self.tr("This computer's own file, %1. What is done here stays here.").replace(
                "%1", str(paths.database_file)
            ),
            self.start_local,
        )
        self.add_button("openFile", self.tr("Open the file"), self.open_file, left=True)
        self.add_button("quit", self.tr("Quit"), self.reject)
        self._show(loaded)

    def _show(self, loaded: LoadedSettings) -> None:
        self.loaded = loaded
        kept_as = loaded.kept_as
        self.kept.setText(
            self.tr("A copy of the file as it was is kept as %1.").replace("%1", str(kept_as))
            if kept_as is not None
            else ""
        )
        self.kept.setVisible(kept_as is not None)
        assert loaded.database_problem is not None
        self.set_problem(error_text(loaded.database_problem))

    def retry(self) -> None:
        loaded = Settings.read(self.paths.config_file)
        if loaded.database_problem is None:
            self.settings = loaded.settings
            self.accept()
            return
        self._show(loaded)
        self.set_status(self.tr("The file still can't say which database to use."), problem=True)

    def change(self) -> None:
        editor = DatabaseUrlDialog(
            self.paths,
            salvaged_database_url(self.paths.config_file),
            self.loaded.settings,
            self,
            rewrites_file=self.loaded.unreadable,
        )
        if editor.exec() == QDialog.DialogCode.Accepted:
            self.retry()

    def start_local(self) -> None:
        log.warning(
            "config %s can't say which database to use; the operator chose the local file",
            self.paths.config_file,
        )
        self.settings = dataclasses.replace(self.loaded.settings, database_url="")
        self.accept()

    def open_file(self) -> None:
        path = self.paths.config_file
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.set_status(
                self.tr("No program opened it: open %1 in a text editor.").replace("%1", str(path)),
                problem=True,
            )


def ask_about_config(paths: AppPaths, loaded: LoadedSettings) -> Settings | None:
    """The settings to start with once the operator chose; None: quit."""
    dialog = ConfigProblemDialog(paths, loaded)
    dialog.exec()
    return dialog.settings if dialog.result() == QDialog.DialogCode.Accepted else None


class DatabaseProblemDialog(StartProblemDialog):
    """The database could not be opened: why (the core's words), which database,
    and the ways out: try again, change the database (then try it), quit.
    Stays open while a retry runs; the caller reports each new failure
    (``show_failure``) or the success (``accept``)."""

    retryRequested = Signal()
    quitRequested = Signal(int)  # the exit code

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        secrets: SecretStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("databaseProblem")
        self.set_heading(self.tr("Switchboard can't open its database"))
        self.paths = paths
        self.settings = settings
        self.secrets = secrets
        self.exit_code = EXIT_NO_DATABASE
        self.which = self.add_note("", "database")
        self.retry_choice = self.add_choice(
            "retry",
            self.tr("Try again"),
            self.tr("Once the database server or the network is back."),
            self.retry,
        )
        self.change_choice = self.add_choice(
            "change",
            self.tr("Change the database…"),
            self.tr(
                "Enter another database URL or the server's password; they are saved (the "
                "password in the system keyring) and tried."
            ),
            self.change,
        )
        self.add_button("quit", self.tr("Quit"), self.reject)
        self.rejected.connect(lambda: self.quitRequested.emit(self.exit_code))

    def show_failure(self, exc: BaseException) -> None:
        self.exit_code = EXIT_NO_DATABASE if isinstance(exc, DatabaseError) else EXIT_UNEXPECTED
        url = self.settings.database_url
        shown = without_password(url) if url else str(self.paths.database_file)
        problem = error_text(exc)
        self.which.setText(
            self.tr("Database: %1").replace("%1", shown)
            if url
            else self.tr("Database: this computer's file, %1").replace("%1", shown)
        )
        self.which.setVisible(shown not in problem)  # said already
        self._trying(False)
        self.set_status("")
        self.set_problem(problem)

    def retry(self) -> None:
        self._trying(True)
        self.set_status(self.tr("Opening the database…"))
        self.retryRequested.emit()

    def change(self) -> None:
        editor = DatabaseUrlDialog(
            self.paths, self.settings.database_url, self.settings, self, secrets=self.secrets
        )
        if editor.exec() == QDialog.DialogCode.Accepted:
            self.settings.database_url = editor.url
            self.retry()

    def _trying(self, trying: bool) -> None:
        self.retry_choice.setEnabled(not trying)
        self.change_choice.setEnabled(not trying)


def show_database_problem(
    shell: Shell, exc: BaseException, quit_app: Callable[[int], None]
) -> DatabaseProblemDialog:
    """The shell's coreFailed, answered: the dialog over the window (one, reused
    for each failed retry) until the database opens or the operator quits."""
    window = shell.window
    dialog = window.findChild(DatabaseProblemDialog, "databaseProblem")
    if dialog is None:
        dialog = DatabaseProblemDialog(
            shell.core.paths, shell.core.settings, window, secrets=shell.core.secrets
        )
        dialog.retryRequested.connect(shell.open_core)
        dialog.quitRequested.connect(quit_app)
        shell.coreReady.connect(dialog.accept)
        dialog.accepted.connect(dialog.deleteLater)
    dialog.show_failure(exc)
    if not dialog.isVisible():
        dialog.open()  # window-modal: the window stays painted behind it
    return dialog


class HomeProblemDialog(StartProblemDialog):
    """A folder Switchboard writes to can't be written: which, why, what to do;
    the only way out is to quit and fix it."""

    def __init__(
        self, problem: HomeNotWritable, home: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("homeProblem")
        self.set_heading(self.tr("Switchboard can't write to its folders"))
        self.add_note(
            self.tr(
                "Switchboard keeps its database, call recordings and log there. Make the "
                "folder writable, or start Switchboard with SWITCHBOARD_HOME set to a folder "
                "you can write to; then start it again."
            )
        )
        if home:
            self.add_note(self.tr("SWITCHBOARD_HOME is %1.").replace("%1", home), "home")
        self.add_button("quit", self.tr("Quit"), self.reject)
        self.set_problem(error_text(problem))

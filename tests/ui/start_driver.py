"""Runs ``ui.shell.main.main()`` as the operator's start does, watching it; prints what
it saw as JSON on the last line of stdout and exits with main()'s code.

Run by test_start.py in its own process (SWITCHBOARD_HOME, TMPDIR and
QT_QPA_PLATFORM=offscreen come from the test). Watched: the window at its first
paint (the core not yet open, neither SQLAlchemy nor phonenumbers imported, the
list saying it is loading, the dial field usable), then the core opened on the
task worker and the customers listed, then the window quits as the File menu's Quit does. The engine
is not started (start_engine only records that it was asked to): it has tests of
its own, and a quit during its boot would race with it. A message box is
recorded instead of shown.

The start's problem dialogs (ui/shell/start_problem_dialog.py) are real: each problem
they show is recorded (which dialog, what it says, when, in seconds since the
driver started) and answered by clicking one of its ways out, in the order
START_DRIVER_ANSWERS (a JSON list) gives them: "retry", "local", "quit", or
{"change": URL} (the URL typed into the database editor and saved; with
"password": PASSWORD, that typed into its password field too); "quit" once the
list is used up.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

import ui.shell.main
import ui.shell.main_window
import ui.shell.shell
import ui.shell.start_problem_dialog as start_problem

DATABASE_SIDE = ("sqlalchemy", "sqlmodel", "pydantic", "alembic")
# Not needed for the first picture and slow to import: loaded after the paint.
LATER_SIDE = ("phonenumbers",)
seen: dict[str, Any] = {
    "messages": [],
    "engine_started": False,
    "paint": None,
    "links": [],
    "dialogs": [],
}
STARTED = time.monotonic()
ANSWERS: list[Any] = json.loads(os.environ.get("START_DRIVER_ANSWERS") or "[]")
# The {"change": URL, "password": ...} answers, for the database editor each opens.
typed_urls: list[dict[str, str]] = []
# Set by a test that starts a second Switchboard with a link: quit once it came.
WAIT_FOR_LINK = bool(os.environ.get("START_DRIVER_WAIT_FOR_LINK"))


def database_side_imported() -> list[str]:
    return sorted({m.split(".")[0] for m in list(sys.modules)} & set(DATABASE_SIDE))


def later_side_imported() -> list[str]:
    return sorted({m.split(".")[0] for m in list(sys.modules)} & set(LATER_SIDE))


class FirstPaint(QObject):
    """Looks at the window during its first paint (an event filter, so before
    anything main() queued for after the paint has run)."""

    def __init__(self, shell: ui.shell.shell.Shell) -> None:
        super().__init__(shell)
        self.shell = shell
        shell.window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and seen["paint"] is None:
            window = self.shell.window
            seen["paint"] = {
                "at": time.monotonic() - STARTED,
                "core_open": self.shell.core.is_open,
                "database_side_imported": database_side_imported(),
                "later_side_imported": later_side_imported(),
                "list_status": window.customers.status.text(),
                "list_status_visible": window.customers.status.isVisible(),
                "edit_customer_enabled": window.actions_by_name["edit_customer"].isEnabled(),
                "dial_field_enabled": window.dialpad.field.isEnabled(),
            }
        return False


original_init = ui.shell.shell.Shell.__init__


def watched_init(self: ui.shell.shell.Shell, *args: Any, **kwargs: Any) -> None:
    original_init(self, *args, **kwargs)
    FirstPaint(self)
    seen["open_at_build"] = self.core.is_open
    window = self.window

    loading = window.customers.status.text()

    def listed() -> None:
        customers = window.customers
        if not customers.results.count() and customers.status.text() == loading:
            QTimer.singleShot(20, listed)  # the list's first answer is not in yet
            return
        results = window.customers.results
        seen["customers"] = [results.item(i).text() for i in range(results.count())]
        seen["list_status_visible_after"] = window.customers.status.isVisible()
        seen["edit_customer_enabled_after"] = window.actions_by_name["edit_customer"].isEnabled()
        if not WAIT_FOR_LINK or seen["links"]:
            window.quitRequested.emit()

    def link_received(link: str) -> None:
        seen["links"].append(link)
        if "customers" in seen:
            window.quitRequested.emit()

    window.dial_link = link_received  # type: ignore[method-assign]

    def ready() -> None:
        seen["core_open_when_ready"] = self.core.is_open
        listed()

    self.coreReady.connect(ready)


def record_start_engine(self: ui.shell.shell.Shell) -> None:
    seen["engine_started"] = True
    seen["engine_started_with_open_core"] = self.core.is_open


def record_message(parent: QWidget | None, title: str, text: str, *args: Any) -> Any:
    seen["messages"].append([title, text])
    return QMessageBox.StandardButton.Ok


original_problem_init = start_problem.StartProblemDialog.__init__


def watched_problem_init(self: start_problem.StartProblemDialog, *args: Any, **kwargs: Any) -> None:
    original_problem_init(self, *args, **kwargs)
    # After the event loop (the dialog's own exec, or the window's) has it shown.
    self.problemChanged.connect(lambda _text: QTimer.singleShot(0, lambda: answer(self)))


def answer(dialog: start_problem.StartProblemDialog) -> None:
    if not shiboken6.isValid(dialog) or not dialog.isVisible():
        return
    seen["dialogs"].append(
        {
            "name": dialog.objectName(),
            "texts": dialog.texts(),
            "actions": [b.objectName() for b in dialog.findChildren(QAbstractButton)],
            "at": time.monotonic() - STARTED,
        }
    )
    step = ANSWERS.pop(0) if ANSWERS else "quit"
    if isinstance(step, dict):
        typed_urls.append(step)
        step = "change"
    dialog.action(step).click()


original_url_show = start_problem.DatabaseUrlDialog.showEvent


def watched_url_show(self: start_problem.DatabaseUrlDialog, event: QShowEvent) -> None:
    original_url_show(self, event)
    QTimer.singleShot(0, lambda: type_url(self))


def type_url(editor: start_problem.DatabaseUrlDialog) -> None:
    seen.setdefault("url_editor", []).append({"shown": editor.field.text()})
    typed = typed_urls.pop(0) if typed_urls else {}
    editor.field.setText(typed.get("change", ""))
    editor.password.setText(typed.get("password", ""))
    editor.save_button.click()
    if editor.isVisible():  # refused: say why, and give up on this answer
        seen["url_editor"][-1]["refused"] = editor.problem.text()
        editor.reject()


def main() -> int:
    start_problem.StartProblemDialog.__init__ = watched_problem_init  # type: ignore[method-assign]
    start_problem.DatabaseUrlDialog.showEvent = watched_url_show  # type: ignore[method-assign,assignment]
    ui.shell.shell.Shell.__init__ = watched_init  # type: ignore[method-assign]
    ui.shell.shell.Shell.start_engine = record_start_engine  # type: ignore[method-assign]
    QMessageBox.critical = record_message  # type: ignore[method-assign,assignment]
    code = ui.shell.main.main([])
    seen["code"] = code
    print(json.dumps(seen))
    return code


if __name__ == "__main__":
    sys.exit(main())

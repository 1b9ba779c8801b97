"""Runs ``ui.main.main()`` as the operator's start does, watching it; prints what
it saw as JSON on the last line of stdout and exits with main()'s code.

Run by test_start.py in its own process (SWITCHBOARD_HOME, TMPDIR and
QT_QPA_PLATFORM=offscreen come from the test). Watched: the window at its first
paint (the core not yet open, neither SQLAlchemy nor phonenumbers imported, the
list saying it is loading, the dial field usable), then the core opened on the
task worker and the customers listed, then the window quits as the File menu's Quit does. The engine
is not started (start_engine only records that it was asked to): it has tests of
its own, and a quit during its boot would race with it. A message box (the
database unusable) is recorded instead of shown.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

import ui.main
import ui.main_window
import ui.shell

DATABASE_SIDE = ("sqlalchemy", "sqlmodel", "pydantic", "alembic")
# Not needed for the first picture and slow to import: loaded after the paint.
LATER_SIDE = ("phonenumbers",)
seen: dict[str, Any] = {"messages": [], "engine_started": False, "paint": None, "links": []}
# Set by a test that starts a second Switchboard with a link: quit once it came.
WAIT_FOR_LINK = bool(os.environ.get("START_DRIVER_WAIT_FOR_LINK"))


def database_side_imported() -> list[str]:
    return sorted({m.split(".")[0] for m in list(sys.modules)} & set(DATABASE_SIDE))


def later_side_imported() -> list[str]:
    return sorted({m.split(".")[0] for m in list(sys.modules)} & set(LATER_SIDE))


class FirstPaint(QObject):
    """Looks at the window during its first paint (an event filter, so before
    anything main() queued for after the paint has run)."""

    def __init__(self, shell: ui.shell.Shell) -> None:
        super().__init__(shell)
        self.shell = shell
        shell.window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and seen["paint"] is None:
            window = self.shell.window
            seen["paint"] = {
                "core_open": self.shell.core.is_open,
                "database_side_imported": database_side_imported(),
                "later_side_imported": later_side_imported(),
                "list_status": window.customers.status.text(),
                "list_status_visible": window.customers.status.isVisible(),
                "edit_customer_enabled": window.actions_by_name["edit_customer"].isEnabled(),
                "dial_field_enabled": window.dialpad.field.isEnabled(),
            }
        return False


original_init = ui.shell.Shell.__init__


def watched_init(self: ui.shell.Shell, *args: Any, **kwargs: Any) -> None:
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


def record_start_engine(self: ui.shell.Shell) -> None:
    seen["engine_started"] = True
    seen["engine_started_with_open_core"] = self.core.is_open


def record_message(parent: QWidget | None, title: str, text: str, *args: Any) -> Any:
    seen["messages"].append([title, text])
    return QMessageBox.StandardButton.Ok


def main() -> int:
    ui.shell.Shell.__init__ = watched_init  # type: ignore[method-assign]
    ui.shell.Shell.start_engine = record_start_engine  # type: ignore[method-assign]
    QMessageBox.critical = record_message  # type: ignore[method-assign,assignment]
    code = ui.main.main([])
    seen["code"] = code
    print(json.dumps(seen))
    return code


if __name__ == "__main__":
    sys.exit(main())

"""Text from outside is shown as text (issue 17, item 5).

Each test puts markup where outside text comes in (a customer's record, a
caller's display name, a timeline row, a callback request, an import file, a
SIP account and a SIP server's reason), opens the views that show it, then
walks every widget of every open window: whatever shows the text must show it
as it is, tags and entities and all. The walk knows widget kinds, not views
(labels, buttons, tooltips, text edits, item views, menus, tabs, charts), so a
new view is covered without a change here. The image the markup names is a
real PNG in a colour the window never uses: no pixel of it may be painted.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import re
import select
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStatusBar,
    QSystemTrayIcon,
    QTabBar,
    QTextEdit,
    QWidget,
)
from sqlalchemy import update

from app.core import Core
from app.customers import ContactInput
from app.models import CallbackRequest, Channel, Direction, InteractionStatus
from app.timeline import InteractionDraft
from sip.events import (
    CallDirection,
    CallOutcome,
    CallPhase,
    RegistrationChanged,
    RegistrationStatus,
)
from tests.ui.conftest import RecordingEngine, ended, feed, incoming, state
from ui.callbacks.callback_report_dialog import CallbackReportDialog
from ui.customers.import_dialog import ImportDialog, Stage
from ui.shell.tray import Tray, notification_body

ROOT = Path(__file__).resolve().parents[2]
PROBE_COLOUR = QColor("#ff00ff")  # nothing in the window is this colour
MARK = "Bold"  # in every hostile text: a place showing it shows outside text


@pytest.fixture
def hostile(tmp_path: Path) -> str:
    """Markup naming a real image, a tag and an entity: shown as text, all of it
    is seen as typed; read as HTML, the image is painted and the rest changes."""
    probe = tmp_path / "probe.png"
    image = QImage(24, 24, QImage.Format.Format_RGB32)
    image.fill(PROBE_COLOUR)
    assert image.save(str(probe))
    return f'<img src="{probe}"><b>{MARK}</b> Tom &amp; Jerry'


# --- what a widget shows ------------------------------------------------------------


def as_html(text: str) -> str:
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def label_shows(label: QLabel) -> str:
    text, form = label.text(), label.textFormat()
    if form == Qt.TextFormat.MarkdownText:
        document = QTextDocument()
        document.setMarkdown(text)
        return document.toPlainText()
    rich = form == Qt.TextFormat.RichText or (
        form == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    return as_html(text) if rich else text


def tooltip_shows(tip: str) -> str:
    """Qt shows a tooltip as rich text when it looks like it (QToolTip)."""
    return as_html(tip) if QtGui.Qt.mightBeRichText(tip) else tip


def mnemonic_shows(text: str) -> str:
    """A button's, a menu entry's or a tab's text: "&x" marks a shortcut key."""
    return re.sub(r"&(.)", r"\1", text)


def columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    # A list model keeps columnCount to itself (it is one column).
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def items_show(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    if isinstance(view, QHeaderView):
        top = QModelIndex()
        horizontal = view.orientation() == Qt.Orientation.Horizontal
        count = columns(model, top) if horizontal else model.rowCount(top)
        for section in range(count):
            title = model.headerData(section, view.orientation(), Qt.ItemDataRole.DisplayRole)
            tip = model.headerData(section, view.orientation(), Qt.ItemDataRole.ToolTipRole)
            if isinstance(title, str):
                yield "header", title
            if isinstance(tip, str):
                yield "header tooltip", tooltip_shows(tip)
        return
    delegates = [view.itemDelegate()]
    delegates += [view.itemDelegateForColumn(c) for c in range(columns(model, QModelIndex()))]
    painters = []
    for delegate in delegates:
        if delegate is None or type(delegate).__module__.startswith("PySide6"):
            continue  # Qt's delegates draw the text as it is
        # One of ours paints the items itself (and may read markup, a QTextDocument
        # with setHtml): it says what it paints, each text as the operator sees it.
        assert hasattr(delegate, "painted_texts"), (
            f"{type(delegate).__name__} paints {view.objectName() or type(view).__name__}"
        )
        painters.append(delegate)

    def walk(parent: QModelIndex) -> Iterator[tuple[str, str]]:
        for row in range(model.rowCount(parent)):
            for column in range(columns(model, parent)):
                index = model.index(row, column, parent)
                text = model.data(index, Qt.ItemDataRole.DisplayRole)
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(text, str):
                    yield f"item {row},{column}", text
                if isinstance(tip, str):
                    yield f"item {row},{column} tooltip", tooltip_shows(tip)
                for delegate in painters:
                    for painted in delegate.painted_texts(index):
                        yield f"item {row},{column} painted", painted
                if column == 0 and model.rowCount(index):
                    yield from walk(index)

    yield from walk(QModelIndex())


def chart_shows(view: QChartView) -> Iterator[tuple[str, str]]:
    """Qt Charts reads its title, axis titles and category labels as HTML."""
    chart = view.chart()
    yield "chart title", as_html(chart.title())
    for axis in chart.axes():
        yield "axis title", as_html(axis.titleText())
        if isinstance(axis, QBarCategoryAxis):
            for category in axis.categories():
                yield "axis label", as_html(category)


def widget_shows(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(what, the text as the operator sees it) for everything the widget shows."""
    if widget.toolTip():
        yield "tooltip", tooltip_shows(widget.toolTip())
    if widget.isWindow():
        yield "window title", widget.windowTitle()
    if isinstance(widget, QLabel):
        yield "text", label_shows(widget)
    elif isinstance(widget, QAbstractButton):
        yield "text", mnemonic_shows(widget.text())
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        yield "text", widget.toPlainText()
    elif isinstance(widget, QLineEdit):
        yield "text", widget.text()
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"entry {i}", widget.itemText(i)
            tip = widget.itemData(i, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield f"entry {i} tooltip", tooltip_shows(tip)
    elif isinstance(widget, QStatusBar):
        yield "message", widget.currentMessage()
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"tab {i}", mnemonic_shows(widget.tabText(i))
            yield f"tab {i} tooltip", tooltip_shows(widget.tabToolTip(i))
    elif isinstance(widget, QMenu):
        for action in widget.actions():
            yield f"entry {action.text()!r}", mnemonic_shows(action.text())
            if widget.toolTipsVisible():
                yield "entry tooltip", tooltip_shows(action.toolTip())
    if isinstance(widget, QAbstractItemView):
        yield from items_show(widget)
    if isinstance(widget, QChartView):
        yield from chart_shows(widget)


# --- the walk -------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    widget: QObject
    what: str
    text: str


def open_windows(*also: QWidget) -> list[QWidget]:
    """Every window on screen (the main window, popups, dialogs, message boxes),
    and ``also`` (a window closed to the tray, say)."""
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    return windows + [w for w in also if w not in windows]


def probe_painted(window: QWidget) -> bool:
    """Whether any pixel of the window, as drawn now, is the probe image's colour."""
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixel = PROBE_COLOUR.rgb().to_bytes(4, "little")  # one RGB32 pixel, as stored
    data = bytes(image.constBits())
    at = data.find(pixel)
    while at >= 0 and at % 4:  # a match across two pixels is not one
        at = data.find(pixel, at + 1)
    return at >= 0


def assert_shown_as_text(hostile: str, *also: QWidget, pieces: Sequence[str] = ()) -> list[Shown]:
    """Walks every widget of every open window: each text that holds outside
    text shows all of it (or one of the ``pieces`` the core cut it into)
    literally; no window paints the image. Returns where it was seen, for the
    test to check that its views were among them."""
    QApplication.processEvents()
    windows = open_windows(*also)
    widgets: dict[int, QWidget] = {}
    for window in windows:
        for widget in [window, *window.findChildren(QWidget)]:
            widgets.setdefault(id(widget), widget)
    seen: list[Shown] = []
    wrong: list[str] = []
    for widget in widgets.values():
        for what, text in widget_shows(widget):
            if MARK not in text:
                continue
            if any(literal in text for literal in (hostile, *pieces)):
                seen.append(Shown(widget, what, text))
            else:
                name = widget.objectName() or type(widget).__name__
                wrong.append(f"{name} ({what}) shows {text!r}")
    assert wrong == []
    painted = [w.objectName() or type(w).__name__ for w in windows if probe_painted(w)]
    assert painted == []
    return seen


def shown_by(seen: list[Shown], *widgets: QObject) -> list[QObject]:
    """The widgets among ``widgets`` that showed the outside text (literally)."""
    return [w for w in widgets if any(s.widget is w for s in seen)]


# --- a customer's record and timeline -------------------------------------------------


def hostile_customer(core: Core, hostile: str) -> int:
    customer = core.customers.create(
        hostile,
        [ContactInput("phone", "+380501234567", hostile), ContactInput("email", "a@example.com")],
        company=hostile,
        notes=f"{hostile}\nsecond line",
        tags=[hostile, "vip"],
        owner=hostile,
    )
    assert customer.id is not None
    start = datetime.now(UTC) - timedelta(hours=3)
    for i, (subject, body) in enumerate(((hostile, ""), ("", hostile))):
        core.timeline.record(
            InteractionDraft(
                channel=Channel.EMAIL if i else Channel.TELEGRAM,
                direction=Direction.INBOUND,
                status=InteractionStatus.RECEIVED,
                started_at=start + timedelta(minutes=i),
                subject=subject,
                body=body,
                customer_id=customer.id,
            )
        )
    return customer.id


def test_a_customer_card_list_editor_and_questions_show_markup_as_text(
    qtbot: Any, shell: Any, sqlite_core: Core, hostile: str
) -> None:
    customer_id = hostile_customer(sqlite_core, hostile)
    window, card = shell.window, shell.window.card
    window.customers.refresh()
    window.open_customer(customer_id)
    qtbot.waitUntil(lambda: card.customer is not None and card.timeline.list.count() == 2)
    qtbot.waitUntil(lambda: window.customers.results.count() == 1)
    editor = card.edit_customer()
    request = card.request_callback()
    question = card.delete_question()
    assert editor is not None and request is not None and question is not None
    question.open()
    for dialog in (editor, request, question):
        qtbot.waitExposed(dialog)

    seen = assert_shown_as_text(hostile)
    contact = [p for p in card.contacts_box.findChildren(QLabel) if "+380" in p.text()]
    views = (card.name, card.company, card.owner, card.tags, card.notes, *contact)
    assert shown_by(seen, *views) == list(views)
    assert shown_by(seen, card.timeline.list, window.customers.results) == [
        card.timeline.list,
        window.customers.results,
    ]
    assert shown_by(seen, editor.name, editor.notes, editor.table) == [
        editor.name,
        editor.notes,
        editor.table,
    ]
    assert any(s.widget in request.findChildren(QLabel) for s in seen)
    assert any(s.widget in question.findChildren(QLabel) for s in seen)
    question.close()
    editor.close()
    request.close()

    # Deleted: the card says whose data went.
    card.delete_now()
    qtbot.waitUntil(lambda: card.customer is None)
    qtbot.waitUntil(lambda: MARK in card.placeholder.text())
    assert shown_by(assert_shown_as_text(hostile), card.placeholder) == [card.placeholder]


# --- a caller -------------------------------------------------------------------------


def test_a_callers_display_name_shows_as_text_in_the_pop_the_panel_and_the_tray(
    qtbot: Any, shell: Any, sqlite_core: Core, hostile: str, monkeypatch: Any
) -> None:
    window = shell.window
    tray = Tray(
        shell.bridge,
        window=window,
        tasks=shell.tasks,
    )
    # The offscreen platform has no tray: stand in for a desktop that shows messages.
    handed: list[tuple[Any, ...]] = []
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    tray.icon.isVisible = lambda: True  # type: ignore[method-assign]
    tray.icon.showMessage = lambda *args: handed.append(args)  # type: ignore[method-assign]
    notified: list[str] = []
    tray.notified.connect(lambda _title, text: notified.append(text))

    window.hide()  # closed to the tray: the call is notified
    feed(shell.bridge, incoming("in-1", "+380671112233", hostile))
    qtbot.waitUntil(lambda: "in-1" in window.pops and window.pops["in-1"].info is not None)
    qtbot.waitUntil(lambda: len(handed) == 1)
    window.show()
    pop = window.pops["in-1"]
    qtbot.waitExposed(pop)
    seen = assert_shown_as_text(hostile, window)
    assert shown_by(seen, pop.name) == [pop.name]

    # Answered, and a second (known, hostile) caller: both in the call panel.
    hostile_customer(sqlite_core, hostile)
    feed(shell.bridge, state("in-1", CallPhase.CONFIRMED))
    feed(shell.bridge, incoming("in-2", "+380501234567", "Petro"))
    qtbot.waitUntil(lambda: "in-2" in window.pops and window.pops["in-2"].info is not None)
    feed(shell.bridge, state("in-2", CallPhase.CONFIRMED))
    qtbot.waitUntil(lambda: shell.book.get("in-2").customer_name == hostile)
    qtbot.waitUntil(lambda: shell.book.active_id == "in-2")  # in-1 is the other call now
    panel = window.call_panel
    panel.refresh()
    panel._fill_transfer_menu()  # "Attended transfer to <the other caller>"
    seen = assert_shown_as_text(hostile)
    assert shown_by(seen, panel.who, panel.calls, panel.transfer_menu) == [
        panel.who,
        panel.calls,
        panel.transfer_menu,
    ]
    assert any(s.what.endswith("tooltip") for s in seen if s.widget is panel.calls)

    # The tray: the text as given, and the body as the desktop shows it.
    missed = ended("in-3", "+380671112299", CallOutcome.MISSED, CallDirection.INBOUND)
    feed(shell.bridge, incoming("in-3", "+380671112299", hostile))
    feed(shell.bridge, dataclasses.replace(missed, display_name=hostile))
    qtbot.waitUntil(lambda: len(notified) >= 2)
    assert all(hostile in text for text in notified)
    for _title, body, *_ in handed:
        shown = as_html(body) if tray.body_is_markup else body
        assert hostile in shown


def test_a_notification_body_is_escaped_only_for_a_desktop_that_reads_markup(
    hostile: str,
) -> None:
    assert notification_body(hostile, markup=False) == hostile
    escaped = notification_body(hostile, markup=True)
    assert "<img" not in escaped and as_html(escaped) == hostile


DESKTOP = r"""
import json, sys
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

app = QCoreApplication(sys.argv[:1])
bus = QDBusConnection.sessionBus()

@ClassInfo({"D-Bus Interface": "org.kde.StatusNotifierWatcher"})
class Watcher(QObject):
    @Slot(str)
    def RegisterStatusNotifierItem(self, service):
        pass

@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class Notifications(QObject):
    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app_name, replaces, icon, summary, body, actions, hints, timeout):
        print(json.dumps({"summary": summary, "body": body}), flush=True)
        return 1

watcher, server = Watcher(), Notifications()
exported = QDBusConnection.RegisterOption.ExportAllSlots
assert bus.registerObject("/StatusNotifierWatcher", watcher, exported)
assert bus.registerObject("/org/freedesktop/Notifications", server, exported)
assert bus.registerService("org.freedesktop.Notifications")
assert bus.registerService("org.kde.StatusNotifierWatcher")
print("ready", flush=True)
app.exec()
"""

APP = r"""
import json, os, sys, time
from PySide6.QtWidgets import QApplication

from ui.common.bridge import EngineBridge
from ui.shell.tray import Tray

app = QApplication(sys.argv[:1])
tray = Tray(EngineBridge())
tray.show()
tray.notify("Incoming call", os.environ["HOSTILE"])
for _ in range(100):  # the notification goes out from the event loop
    app.processEvents()
    time.sleep(0.01)
print(json.dumps({"markup": tray.body_is_markup}))
"""


@contextmanager
def running(args: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def line_from(proc: subprocess.Popen[str], timeout: float) -> str:
    """The next line the process prints; "" when none comes within ``timeout``."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    return proc.stdout.readline() if ready else ""


def test_a_desktop_notification_server_gets_the_callers_name_escaped(hostile: str) -> None:
    """The real path on Linux: Qt's D-Bus tray hands the body as it is to the
    session's notification server, which reads it as markup. Here the desktop
    is a tray host and a notification server on a private session bus."""
    if not sys.platform.startswith("linux"):
        pytest.skip("freedesktop notifications are Linux's")
    from tests.packaging.helpers import require_tools, xvfb

    require_tools("dbus-daemon", "Xvfb")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOSTILE": hostile}
    env.pop("QT_QPA_PLATFORM", None)
    daemon = ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"]
    with running(daemon, env) as bus, xvfb() as display:
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        with running([sys.executable, "-c", DESKTOP], env) as desktop:
            assert line_from(desktop, timeout=20).strip() == "ready"
            app = subprocess.run(
                [sys.executable, "-c", APP],
                env={**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert app.returncode == 0, app.stderr[-2000:]
            got = json.loads(line_from(desktop, timeout=20))
    assert got["summary"] == "Incoming call"
    assert "<img" not in got["body"] and as_html(got["body"]) == hostile
    assert json.loads(app.stdout.strip().splitlines()[-1]) == {"markup": True}


# --- SIP accounts and a server's reason -----------------------------------------------


def test_an_account_label_and_a_registration_reason_show_as_text(
    qtbot: Any, shell: Any, hostile: str
) -> None:
    bar = shell.window.registration
    bar.set_accounts({"office": hostile})
    feed(shell.bridge, RegistrationChanged("office", RegistrationStatus.FAILED, 403, hostile))
    label = bar.findChild(QLabel, "registration_office")
    qtbot.waitUntil(lambda: MARK in label.toolTip())
    seen = assert_shown_as_text(hostile)
    assert [s.what for s in seen if s.widget is label] == ["tooltip", "text"]


# --- callback requests ------------------------------------------------------------------


def hostile_request(core: Core, hostile: str) -> CallbackRequest:
    row = core.callbacks.request(
        "+380501112233",
        "web_form",
        name=hostile,
        comment=hostile,
        meta={"page_url": f"https://shop.example/{hostile}"},
    )
    now = datetime.now(UTC)
    with core.db.session() as s:
        s.execute(
            update(CallbackRequest)
            .where(CallbackRequest.id == row.id)  # type: ignore[arg-type]
            .values(due_at=now - timedelta(minutes=30), sla_deadline=now + timedelta(minutes=10))
        )
    return core.callbacks.get(row.id or 0)


def test_a_callback_request_shows_as_text_in_the_queue_desk_outcome_and_report(
    qtbot: Any, shell: Any, engine: RecordingEngine, hostile: str
) -> None:
    core, window = shell.core, shell.window
    core.settings.operator_name = hostile  # the report names the operator
    request = hostile_request(core, hostile)
    window.callbacks.refresh()
    window.show_callbacks()
    qtbot.waitUntil(lambda: len(window.callback_panel.model.rows) == 1)
    seen = assert_shown_as_text(hostile)
    assert shown_by(seen, window.callback_panel.table) == [window.callback_panel.table]

    window.next_callback()
    qtbot.waitUntil(lambda: "out-1" in window.callbacks.calls)
    qtbot.waitUntil(lambda: MARK in window.statusBar().currentMessage())  # "Calling back …"
    assert_shown_as_text(hostile)
    no_answer = ended("out-1", "+380501112233", CallOutcome.NO_ANSWER, CallDirection.OUTBOUND)
    feed(shell.call_log, no_answer)
    feed(shell.bridge, no_answer)
    qtbot.waitUntil(lambda: "out-1" in window.callbacks.outcome_dialogs)
    dialog = window.callbacks.outcome_dialogs["out-1"]
    qtbot.waitExposed(dialog)
    seen = assert_shown_as_text(hostile)
    assert any(s.widget in dialog.findChildren(QLabel) for s in seen)

    # Someone else holds the claim now: the warning names the customer.
    with core.db.session() as s:
        s.execute(
            update(CallbackRequest)
            .where(CallbackRequest.id == request.id)  # type: ignore[arg-type]
            .values(claimed_by="Petro")
        )
    dialog.box.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.callbacks.problem is not None)
    box = window.callbacks.problem
    qtbot.waitExposed(box)
    assert MARK in box.text()
    seen = assert_shown_as_text(hostile)
    assert any(s.widget in box.findChildren(QLabel) for s in seen)
    box.close()

    # The report: the operator's row, and an outcome another program stored.
    with core.db.session() as s:
        s.execute(
            update(CallbackRequest)
            .where(CallbackRequest.id == request.id)  # type: ignore[arg-type]
            .values(outcome=hostile)
        )
    report = window.show_callback_report()
    assert isinstance(report, CallbackReportDialog)
    qtbot.waitUntil(lambda: report.report is not None)
    qtbot.waitExposed(report)
    seen = assert_shown_as_text(hostile)
    assert shown_by(seen, report.view.table, report.view.chart_view) == [
        report.view.table,
        report.view.chart_view,
    ]
    report.close()


# --- an import file ---------------------------------------------------------------------


def test_import_problems_show_the_files_text_as_text(
    qtbot: Any, shell: Any, hostile: str, tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    first_phone = hostile.partition(";")[0]  # ";" parts phones in a cell: the core reads each
    with path.open("w", encoding="utf-8", newline="") as out:
        rows = csv.writer(out)
        rows.writerow(["Name", "Phone", hostile])
        rows.writerow([hostile, "+380501000001", "x"])
        rows.writerow(["Ivan", "+380501000001", "y"])  # the same phone again: a problem
        rows.writerow(["Olena", hostile, "z"])
    dialog = shell.window.import_customers(path)
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.stage is Stage.CHECKED, timeout=10_000)
    qtbot.waitExposed(dialog)
    seen = assert_shown_as_text(hostile, pieces=[first_phone])
    assert shown_by(seen, dialog.summary, dialog.issues) == [dialog.summary, dialog.issues]
    dialog.close()

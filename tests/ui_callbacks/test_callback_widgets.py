"""The queue panel, the outcome dialog and the report view, driven like an operator."""

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.callback_report import CallbackReport, Figures
from app.models import CallbackOutcome
from ui.callbacks.callback_outcome_dialog import CallbackOutcomeDialog
from ui.callbacks.callback_queue_panel import (
    OVERDUE_COLOR,
    CallbackQueuePanel,
    QueueRow,
    countdown_text,
)
from ui.callbacks.callback_report_view import CallbackReportView

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def row(request_id: int, deadline_min: float, **kw: object) -> QueueRow:
    base = dict(
        phone="+380501234567",
        name="Ольга",
        source="web_form",
        due_at=NOW,
        sla_deadline=NOW + timedelta(minutes=deadline_min),
        attempts=0,
        missed_count=0,
        claimed_by=None,
        priority=0,
    )
    base.update(kw)
    return QueueRow(request_id, **base)  # type: ignore[arg-type]


def test_countdown_text() -> None:
    assert countdown_text(NOW + timedelta(minutes=12, seconds=4), NOW) == "12:04"
    assert countdown_text(NOW - timedelta(minutes=3, seconds=10), NOW) == "-3:10"
    assert countdown_text(NOW + timedelta(hours=2, seconds=5), NOW) == "2:00:05"
    assert countdown_text(None, NOW) == ""


def test_queue_panel_shows_countdown_overdue_colour_and_summary(qtbot: QtBot) -> None:
    panel = CallbackQueuePanel()
    qtbot.addWidget(panel)
    panel.timer.stop()  # the test moves the clock itself
    panel.set_requests(
        [row(1, -2), row(2, 14, source="missed_call", missed_count=3, name="", claimed_by="anna")],
        NOW,
    )
    model = panel.model
    cell = lambda r, c, role=Qt.ItemDataRole.DisplayRole: model.data(model.index(r, c), role)  # noqa: E731
    assert cell(0, 0) == "-2:00"
    assert cell(0, 0, Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOR
    assert (cell(1, 1), cell(1, 2), cell(1, 3), cell(1, 5)) == (
        "Unknown",
        "+380 50 123 4567",
        "Missed call ×3",
        "anna",
    )
    assert panel.summary.text() == "2 waiting · 1 overdue"
    panel.refresh_clock(NOW + timedelta(minutes=15))
    assert cell(1, 0) == "-1:00"
    assert panel.summary.text() == "2 waiting · 2 overdue"


def test_queue_panel_keyboard(qtbot: QtBot) -> None:
    panel = CallbackQueuePanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_requests([row(7, 5), row(8, 9)], NOW)
    with qtbot.waitSignal(panel.callNextRequested):
        panel.call_next.click()
    panel.table.setFocus()
    panel.table.selectRow(1)
    with qtbot.waitSignal(panel.callRequested) as called:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert called.args == [8]
    with qtbot.waitSignal(panel.viewChanged) as changed:
        panel.view.setCurrentIndex(2)
    assert changed.args == ["overdue"]
    panel.set_requests([], NOW)
    assert not panel.call_next.isEnabled()


def test_outcome_dialog_preselects_and_takes_digit_keys(qtbot: QtBot) -> None:
    dialog = CallbackOutcomeDialog("Ольга", CallbackOutcome.BUSY, attempts_left=2, now=NOW)
    qtbot.addWidget(dialog)
    assert dialog.outcome() is CallbackOutcome.BUSY
    assert "2 more attempt" in dialog.note.text()
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    assert dialog.outcome() is CallbackOutcome.REACHED
    assert dialog.call_later_at() is None
    ok = dialog.box.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()


def test_outcome_dialog_call_later_must_be_in_the_future(qtbot: QtBot) -> None:
    from PySide6.QtCore import QDateTime

    dialog = CallbackOutcomeDialog("Ольга", None, attempts_left=0, now=NOW)
    qtbot.addWidget(dialog)
    ok = dialog.box.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.outcome() is None and not ok.isEnabled()  # no guess: the operator chooses
    assert "last attempt" in dialog.note.text()
    dialog.buttons[CallbackOutcome.CALL_LATER].setChecked(True)
    dialog.later.setDateTime(QDateTime((NOW - timedelta(hours=1)).astimezone()))
    assert not ok.isEnabled() and "past" in dialog.error.text()
    later = NOW + timedelta(hours=3)
    dialog.later.setDateTime(QDateTime(later.astimezone()))
    assert ok.isEnabled() and dialog.error.text() == ""
    assert dialog.call_later_at() == later


def test_report_view_shows_figures_and_chart(qtbot: QtBot) -> None:
    def figures(requests: int, reached: int, outcomes: dict[str, int]) -> Figures:
        return Figures(
            requests,
            requests,
            reached,
            0,
            0,
            600.0,
            1200.0,
            900.0,
            1500.0,
            reached,
            requests,
            outcomes,
        )

    report = CallbackReport(
        NOW - timedelta(days=1),
        NOW,
        figures(4, 3, {"reached": 3, "no_answer": 1}),
        {"anna": figures(3, 3, {"reached": 3})},
    )
    view = CallbackReportView()
    qtbot.addWidget(view)
    view.set_report(report)
    assert "4 requests · 3 reached · median to first attempt 10.0 min" in view.headline.text()
    assert view.table.rowCount() == 2
    assert [view.table.item(1, c).text() for c in range(7)] == [
        "anna",
        "3",
        "3",
        "10.0",
        "20.0",
        "15.0",
        "100%",
    ]
    [series] = view.chart.series()
    assert [series.barSets()[0].at(i) for i in range(2)] == [3.0, 1.0]
    assert view.export.isEnabled()

"""The callback queue in the window: the panel reads the database, "next
callback" claims and dials, the call's end asks the outcome, the report shows
figures. The engine is RecordingEngine; events come in from a plain thread."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import update

from app.core import Core
from app.models import CallbackAttempt, CallbackOutcome, CallbackRequest, CallbackStatus
from sip.events import CallDirection, CallOutcome
from tests.ui.conftest import RecordingEngine, ended, feed
from ui.callbacks.callback_outcome_dialog import CallbackOutcomeDialog


def due_request(core: Core, phone: str, name: str, overdue: bool = False) -> CallbackRequest:
    """A request that is due now, whatever the clock says about working hours."""
    row = core.callbacks.request(phone, "web_form", name=name)
    now = datetime.now(UTC)
    with core.db.session() as s:
        s.execute(
            update(CallbackRequest)
            .where(CallbackRequest.id == row.id)  # type: ignore[arg-type]
            .values(
                due_at=now - timedelta(minutes=30),
                sla_deadline=now + timedelta(minutes=-5 if overdue else 10),
            )
        )
    return core.callbacks.get(row.id or 0)


def queue_names(window: Any) -> list[str]:
    return [r.name for r in window.callback_panel.model.rows]


def test_panel_shows_requests_from_the_database(qtbot: Any, shell: Any) -> None:
    core, window = shell.core, shell.window
    due_request(core, "+380501112233", "Olha", overdue=True)
    due_request(core, "+380502223344", "Petro")
    window.callbacks.refresh()
    qtbot.waitUntil(lambda: len(window.callback_panel.model.rows) == 2)
    assert queue_names(window) == ["Olha", "Petro"]  # the overdue one first
    assert window.callback_dock.windowTitle() == "Callbacks (2)"
    assert "1 overdue" in window.callback_panel.summary.text()
    with qtbot.waitSignal(window.callback_panel.model.modelReset):
        window.callback_panel.view.setCurrentIndex(1)  # "mine": nothing claimed yet
    assert window.callback_panel.model.rows == []


def test_next_callback_claims_dials_and_says_when_nothing_is_due(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    core, window = shell.core, shell.window
    core.settings.operator_name = "Iryna"
    core.settings.dial_format = "national"
    request = due_request(core, "+380501112233", "Olha")
    window.show_callbacks()
    qtbot.keyClick(window.callback_panel.table, Qt.Key.Key_F9)  # the action's alternate key
    qtbot.waitUntil(lambda: "dial" in engine.names())
    assert engine.commands[0][:3] == ("dial", "office", "0501112233")
    qtbot.waitUntil(lambda: shell.book.active is not None)
    assert shell.book.active.customer_name == "Olha"
    claimed = core.callbacks.get(request.id)
    assert (claimed.status, claimed.claimed_by, claimed.attempts) == ("claimed", "Iryna", 1)

    feed(shell.bridge, ended("out-1", "0501112233", CallOutcome.ANSWERED, CallDirection.OUTBOUND))
    qtbot.waitUntil(lambda: bool(window.callbacks.outcome_dialogs))
    window.callbacks.outcome_dialogs["out-1"].reject()  # not saved: the claim runs out
    qtbot.waitUntil(lambda: shell.book.active is None)

    with qtbot.waitSignal(window.statusBar().messageChanged):
        window.actions_by_name["next_callback"].trigger()  # Ctrl+Shift+N: the same action
    qtbot.waitUntil(lambda: "No callback is due" in window.statusBar().currentMessage())
    assert engine.names().count("dial") == 1


def test_enter_on_a_row_calls_that_request(qtbot: Any, shell: Any, engine: RecordingEngine) -> None:
    core, window = shell.core, shell.window
    core.settings.operator_name = "Iryna"
    due_request(core, "+380501112233", "Olha", overdue=True)
    due_request(core, "+380502223344", "Petro")
    window.callbacks.refresh()
    qtbot.waitUntil(lambda: len(window.callback_panel.model.rows) == 2)
    window.show_callbacks()
    table = window.callback_panel.table
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "dial" in engine.names())
    assert engine.commands[0][2] == "+380502223344"  # e164, the default format


def test_call_end_asks_the_outcome_and_records_it(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    core, window = shell.core, shell.window
    core.settings.operator_name = "Iryna"
    request = due_request(core, "+380501112233", "Olha")
    window.next_callback()
    qtbot.waitUntil(lambda: "out-1" in window.callbacks.calls)
    no_answer = ended("out-1", "+380501112233", CallOutcome.NO_ANSWER, CallDirection.OUTBOUND)
    feed(shell.call_log, no_answer)  # the engine tells both listeners
    feed(shell.bridge, no_answer)
    qtbot.waitUntil(lambda: "out-1" in window.callbacks.outcome_dialogs)
    dialog: CallbackOutcomeDialog = window.callbacks.outcome_dialogs["out-1"]
    assert dialog.outcome() is CallbackOutcome.NO_ANSWER
    assert "3 more attempt" in dialog.note.text()  # 4 attempts in all, one made

    with qtbot.waitSignal(window.statusBar().messageChanged):
        dialog.box.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "outcome saved" in window.statusBar().currentMessage())
    (attempt,) = core.callbacks.attempts(request.id)
    assert isinstance(attempt, CallbackAttempt)
    assert (attempt.operator, attempt.outcome) == ("Iryna", "no_answer")
    assert attempt.ended_at is not None and attempt.interaction_id is not None
    interaction = core.timeline.get(attempt.interaction_id)
    assert interaction.meta["callback_request_id"] == request.id
    after = core.callbacks.get(request.id)
    assert after.status == CallbackStatus.OPEN.value and after.claimed_by is None


def test_no_operator_name_explains_and_offers_the_settings(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    window = shell.window
    shell.core.settings.operator_name = ""
    due_request(shell.core, "+380501112233", "Olha")
    window.next_callback()
    box = window.callbacks.problem
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "operator's name" in box.text()
    settings_button = next(b for b in box.buttons() if "settings" in b.text())
    opened: list[bool] = []
    window.settingsRequested.disconnect()  # not the real dialog: just that it is asked for
    window.settingsRequested.connect(lambda: opened.append(True))
    settings_button.click()
    assert opened == [True]
    assert engine.commands == []


def test_report_dialog_shows_figures(qtbot: Any, shell: Any, engine: RecordingEngine) -> None:
    core = shell.core
    core.settings.operator_name = "Iryna"
    first = due_request(core, "+380501112233", "Olha")
    due_request(core, "+380502223344", "Petro")
    core.callbacks.claim(first.id, "Iryna")
    core.callbacks.start_attempt(first.id, "Iryna")
    core.callbacks.finish_attempt(first.id, "Iryna", CallbackOutcome.REACHED)
    dialog = shell.window.show_callback_report()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None)
    view = dialog.view
    assert view.headline.text().startswith("2 requests · 1 reached")
    assert [view.table.item(r, 0).text() for r in range(view.table.rowCount())] == [
        "Everyone",
        "Iryna",
    ]
    assert view.export.isEnabled()


def test_report_exports_csv(qtbot: Any, shell: Any, tmp_path: Any) -> None:
    due_request(shell.core, "+380501112233", "Olha")
    dialog = shell.window.show_callback_report()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None)
    path = tmp_path / "report.csv"
    dialog.view.exportRequested.emit(str(path))
    qtbot.waitUntil(lambda: "Saved" in dialog.status.text())
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("operator,requests") and lines[1].startswith("(all),1")

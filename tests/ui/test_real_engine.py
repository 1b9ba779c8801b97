"""The window with the real SIP engine: start it, call the built-in demo line,
hang up from the call panel, and find the call on the demo line customer's card.

pjsua is one library per process; this test starts and stops its own Engine,
so it must not overlap another engine test (pytest runs tests one at a time).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.core import Core
from ui.calls.calls import format_duration

WAIT_MS = 20_000  # an upper bound for a slow machine, not a speed requirement


def test_demo_line_call_through_the_real_engine(qtbot: Any, sqlite_core: Core) -> None:
    from ui.shell.shell import Shell

    shell = Shell(sqlite_core)
    qtbot.addWidget(shell.window)
    try:
        with qtbot.waitSignal(shell.engineReady, timeout=WAIT_MS):
            shell.start_engine()
        assert "No SIP account configured" in shell.window.registration.text()

        shell.call_demo_line()
        qtbot.waitUntil(
            lambda: shell.book.active is not None and shell.book.active.talking, timeout=WAIT_MS
        )
        active = shell.book.active
        assert active is not None and active.label() == "Switchboard demo line"
        # The first demo call made the demo line a customer and opened its card.
        card = shell.window.card
        qtbot.waitUntil(
            lambda: card.customer is not None and card.customer.name == "Switchboard demo line",
            timeout=WAIT_MS,
        )
        assert card.customer is not None and card.customer.id is not None
        customer_id = card.customer.id
        panel = shell.window.call_panel
        assert panel.hold_button.isEnabled()
        qtbot.mouseClick(panel.hangup_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: shell.book.active is None, timeout=WAIT_MS)

        assert shell.call_log is not None and shell.call_log.flush()
        assert sqlite_core.timeline.unlinked() == []
        (row,) = sqlite_core.timeline.page(customer_id)
        assert (row.channel, row.direction, row.status) == ("call", "out", "answered")
        assert row.duration_s is not None and row.duration_s > 0
        # ...and the open card's timeline shows it once the call log has written it.
        timeline = card.timeline
        shown = f"answered · {format_duration(row.duration_s)}"
        qtbot.waitUntil(
            lambda: timeline.list.count() == 1 and shown in timeline.list.item(0).text(),
            timeout=WAIT_MS,
        )
        assert timeline.list.item(0).data(Qt.ItemDataRole.UserRole) == row.id
    finally:
        shell.shutdown()

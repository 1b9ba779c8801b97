"""The call panel's local 3-way conference: "Conference" joins the active call
with the held one, "Split" takes them apart again; both only with two calls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from sip.events import CallPhase
from tests.ui.conftest import RecordingEngine, ended, feed, incoming, state


def two_calls(qtbot: Any, shell: Any, engine: RecordingEngine) -> None:
    """A talking with "a", then "b" rings and is answered: "a" goes on hold."""
    panel = shell.window.call_panel
    feed(shell.bridge, incoming("a", "+380501111111"), state("a", CallPhase.CONFIRMED))
    qtbot.waitUntil(lambda: shell.book.active_id == "a" and shell.book.active.talking)
    qtbot.waitUntil(lambda: "Talking" in panel.state.text())  # the panel has caught up
    assert not panel.conference_button.isEnabled()  # one call: nothing to join
    assert not panel.split_button.isEnabled()
    feed(shell.bridge, incoming("b", "+380502222222"))
    qtbot.waitUntil(lambda: shell.book.get("b") is not None)
    shell.control.answer("b")
    feed(shell.bridge, state("b", CallPhase.CONFIRMED))
    qtbot.waitUntil(lambda: shell.book.get("b").talking)
    assert shell.book.active_id == "b" and shell.book.get("a").held


def test_conference_joins_the_active_call_with_the_held_one(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    panel = shell.window.call_panel
    two_calls(qtbot, shell, engine)
    qtbot.waitUntil(panel.conference_button.isEnabled)
    assert not panel.split_button.isEnabled()
    engine.commands.clear()

    qtbot.mouseClick(panel.conference_button, Qt.MouseButton.LeftButton)
    assert engine.commands == [("unhold", "a"), ("join_calls", "b", "a")]
    assert all(c.conference and not c.held for c in shell.book.calls())
    qtbot.waitUntil(panel.split_button.isEnabled)
    assert not panel.conference_button.isEnabled()
    assert "In conference" in panel.state.text()

    # Picking the other call in the list keeps the conference (nobody is held).
    engine.commands.clear()
    shell.control.switch_to("a")
    assert engine.commands == [] and shell.book.active_id == "a"

    qtbot.mouseClick(panel.split_button, Qt.MouseButton.LeftButton)
    assert engine.commands == [("split_calls", "a", "b"), ("hold", "b")]
    assert shell.book.get("b").held and not shell.book.get("a").held
    qtbot.waitUntil(panel.conference_button.isEnabled)
    assert not panel.split_button.isEnabled()


def test_conference_needs_two_answered_calls(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    panel = shell.window.call_panel
    feed(shell.bridge, incoming("a", "+380501111111"), state("a", CallPhase.CONFIRMED))
    qtbot.waitUntil(lambda: shell.book.active is not None and shell.book.active.talking)
    feed(shell.bridge, incoming("b", "+380502222222"))  # ringing, not answered
    qtbot.waitUntil(lambda: len(shell.book.calls()) == 2)
    qtbot.waitUntil(panel.calls.isVisible)  # the panel shows both calls
    assert not panel.conference_button.isEnabled()
    assert not shell.control.join_conference()
    assert "join_calls" not in engine.names()


def test_a_conference_ends_with_one_of_its_calls(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    panel = shell.window.call_panel
    two_calls(qtbot, shell, engine)
    qtbot.waitUntil(panel.conference_button.isEnabled)
    qtbot.mouseClick(panel.conference_button, Qt.MouseButton.LeftButton)
    feed(shell.bridge, ended("b", "+380502222222"))
    qtbot.waitUntil(lambda: shell.book.get("b") is None)
    assert not shell.book.get("a").conference
    qtbot.waitUntil(lambda: "Talking" in panel.state.text())
    assert not panel.conference_button.isEnabled() and not panel.split_button.isEnabled()

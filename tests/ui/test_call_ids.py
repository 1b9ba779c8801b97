"""A call's id is minted in the window (the engine's ``new_call_id``) and the
call is in the call book under it before the dial goes to the task worker:
whatever the engine says about the call first — it rings, it is answered, it
fails at once — finds it there, with no buffer for events that came too early.
A dial the engine refuses, or one whose record could not be written, leaves no
call behind. The engine is RecordingEngine; its events come from a plain
thread, as the SIP thread sends them; the worker is held to make the race."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from app.core import Core
from app.models import CallbackOutcome
from sip.events import CallDirection, CallOutcome, CallPhase, CommandFailed
from tests.ui.conftest import RecordingEngine, ended, feed, state
from tests.ui.test_callbacks_window import due_request


@pytest.fixture(autouse=True)
def call_log_wired(shell: Any) -> None:
    """Dials go through the call log on the worker, as once the engine started."""
    shell.control.call_log = shell.call_log


@pytest.fixture
def held_worker(shell: Any) -> Iterator[threading.Event]:
    """The task worker busy until the event is set: a dial asked for meanwhile
    waits behind it, as it does behind a slow database."""
    release = threading.Event()
    shell.tasks.run(lambda: release.wait(30))
    yield release
    release.set()


def test_an_outgoing_call_is_in_the_book_and_follows_the_engine_before_its_dial_ran(
    qtbot: Any, shell: Any, engine: RecordingEngine, held_worker: threading.Event
) -> None:
    dialpad = shell.window.dialpad
    dialpad.field.setText("0501112233")
    dialpad.call_button.click()
    call = shell.book.active
    assert call is not None and call.call_id == "out-1" and call.number == "+380501112233"
    assert engine.names() == []  # the dial's task has not run
    feed(shell.bridge, state("out-1", CallPhase.EARLY, 180), state("out-1", CallPhase.CONFIRMED))
    qtbot.waitUntil(lambda: call.phase is CallPhase.CONFIRMED)
    assert call.connected_at is not None
    assert shell.window.dialpad.field.text() == "0501112233"  # cleared once it is recorded

    held_worker.set()
    qtbot.waitUntil(lambda: engine.commands == [("dial", "office", "+380501112233", "out-1")])
    qtbot.waitUntil(lambda: shell.window.dialpad.field.text() == "")


def test_a_call_that_ends_before_its_dial_reported_is_gone_from_the_book(
    qtbot: Any, shell: Any, engine: RecordingEngine, held_worker: threading.Event
) -> None:
    shell.control.dial("0501112233")
    feed(shell.bridge, ended("out-1", "0501112233", CallOutcome.FAILED, CallDirection.OUTBOUND))
    qtbot.waitUntil(lambda: shell.book.calls() == [])
    held_worker.set()
    qtbot.waitUntil(lambda: engine.names() == ["dial"])
    qtbot.wait(50)
    assert shell.book.calls() == []  # the dial's report brings nothing back


def test_a_dial_the_engine_refuses_leaves_no_call(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    shell.control.dial("0501112233")
    qtbot.waitUntil(lambda: engine.names() == ["dial"])
    refused = CommandFailed("Dial", "account 'office' is not registered", call_id="out-1")
    feed(shell.bridge, refused)
    qtbot.waitUntil(lambda: shell.book.calls() == [])
    assert shell.book.active is None


def test_a_dial_whose_record_could_not_be_written_leaves_no_call_and_says_why(
    qtbot: Any, shell: Any, engine: RecordingEngine, monkeypatch: Any
) -> None:
    def refused(*args: Any, **kwargs: Any) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(shell.call_log, "dial", refused)
    dialpad = shell.window.dialpad
    dialpad.field.setText("0501112233")
    dialpad.call_button.click()
    assert shell.book.active is not None  # at once, as any call
    qtbot.waitUntil(lambda: shell.book.calls() == [])
    assert "The call could not be placed" in shell.window.statusBar().currentMessage()
    assert shell.window.dialpad.field.text() == "0501112233"  # the number is kept to retry
    assert engine.names() == []


def test_a_callback_that_ends_before_its_dial_reported_still_asks_the_outcome(
    qtbot: Any, shell: Any, sqlite_core: Core, engine: RecordingEngine
) -> None:
    core, window = shell.core, shell.window
    core.settings.operator_name = "Iryna"
    due_request(core, "+380501112233", "Olha")
    release = threading.Event()
    # The claim is read; the dial is then held behind a slow worker.
    shell.book.callAdded.connect(lambda _: shell.tasks.run(lambda: release.wait(30)))
    window.next_callback()
    qtbot.waitUntil(lambda: "out-1" in window.callbacks.calls)
    assert shell.book.get("out-1") is not None
    no_answer = ended("out-1", "+380501112233", CallOutcome.NO_ANSWER, CallDirection.OUTBOUND)
    feed(shell.bridge, no_answer)
    qtbot.wait(50)
    assert window.callbacks.outcome_dialogs == {}  # the dial has not reported
    release.set()
    qtbot.waitUntil(lambda: "out-1" in window.callbacks.outcome_dialogs)
    assert window.callbacks.outcome_dialogs["out-1"].outcome() is CallbackOutcome.NO_ANSWER

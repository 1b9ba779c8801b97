"""UI tests: one offscreen QApplication for the whole suite (pytest-qt's
``qapp``), created after QT_QPA_PLATFORM=offscreen is set here, so the tests
need no display and never pop windows on a developer's screen.

The window is driven the way the engine drives it: events are fed into the
bridge from a plain Python thread (as the SIP thread would), and commands land
in ``RecordingEngine``, a test double that records what the window asked for.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from app.core import Core
from sip.events import (
    CallDirection,
    CallEnded,
    CallOutcome,
    CallPhase,
    CallStateChanged,
    EngineEvent,
    IncomingCall,
)


class RecordingEngine:
    """Test double for sip.engine.Engine's command side: records every command."""

    def __init__(self) -> None:
        self.commands: list[tuple[Any, ...]] = []
        self._next = 0

    def names(self) -> list[str]:
        return [c[0] for c in self.commands]

    def new_call_id(self) -> str:
        self._next += 1
        return f"out-{self._next}"

    def dial(self, account_id: str, target: str, call_id: str | None = None) -> str:
        call_id = call_id or self.new_call_id()
        self.commands.append(("dial", account_id, target, call_id))
        return call_id

    def answer(self, call_id: str) -> None:
        self.commands.append(("answer", call_id))

    def reject(self, call_id: str, code: int = 486) -> None:
        self.commands.append(("reject", call_id))

    def hangup(self, call_id: str) -> None:
        self.commands.append(("hangup", call_id))

    def hold(self, call_id: str) -> None:
        self.commands.append(("hold", call_id))

    def unhold(self, call_id: str) -> None:
        self.commands.append(("unhold", call_id))

    def set_mute(self, call_id: str, mute: bool) -> None:
        self.commands.append(("set_mute", call_id, mute))

    def send_dtmf(self, call_id: str, digits: str) -> None:
        self.commands.append(("send_dtmf", call_id, digits))

    def set_do_not_disturb(self, on: bool) -> None:
        self.commands.append(("set_do_not_disturb", on))

    def blind_transfer(self, call_id: str, target: str) -> None:
        self.commands.append(("blind_transfer", call_id, target))

    def attended_transfer(self, call_id: str, to_call_id: str) -> None:
        self.commands.append(("attended_transfer", call_id, to_call_id))

    def join_calls(self, call_id: str, other_call_id: str) -> None:
        self.commands.append(("join_calls", call_id, other_call_id))

    def split_calls(self, call_id: str, other_call_id: str) -> None:
        self.commands.append(("split_calls", call_id, other_call_id))

    def start_recording(self, call_id: str, path: str) -> None:
        self.commands.append(("start_recording", call_id, path))

    def pause_recording(self, call_id: str, paused: bool) -> None:
        self.commands.append(("pause_recording", call_id, paused))


def feed(listener: Callable[[EngineEvent], None], *events: EngineEvent) -> None:
    """Delivers events from another thread, as the SIP thread does."""
    thread = threading.Thread(target=lambda: [listener(e) for e in events], name="fake-sip")
    thread.start()
    thread.join()


def incoming(call_id: str, number: str, name: str = "") -> IncomingCall:
    return IncomingCall(
        call_id=call_id,
        account_id="office",
        remote_uri=f'"{name}" <sip:{number}@pbx.example>',
        number=number,
        display_name=name,
        sip_call_id=f"sip-{call_id}",
    )


def state(call_id: str, phase: CallPhase, code: int = 200) -> CallStateChanged:
    return CallStateChanged(call_id=call_id, phase=phase, code=code, reason="")


def ended(
    call_id: str,
    number: str,
    outcome: CallOutcome = CallOutcome.ANSWERED,
    direction: CallDirection = CallDirection.INBOUND,
) -> CallEnded:
    return CallEnded(
        call_id=call_id,
        account_id="office",
        direction=direction,
        outcome=outcome,
        code=200 if outcome is CallOutcome.ANSWERED else 487,
        reason="",
        sip_call_id=f"sip-{call_id}",
        remote_uri=f"sip:{number}@pbx.example",
        number=number,
        display_name="",
        connected_seconds=12.0 if outcome is CallOutcome.ANSWERED else 0.0,
        total_seconds=15.0,
    )


@pytest.fixture
def engine() -> RecordingEngine:
    return RecordingEngine()


@pytest.fixture
def shell(qtbot: Any, sqlite_core: Core, engine: RecordingEngine) -> Iterator[Any]:
    """The app's window on a fresh SQLite core, commands going to RecordingEngine,
    with one account ("office") to dial through."""
    from ui.shell.shell import Shell

    built = Shell(sqlite_core, phone=engine)
    built.control.account_id = "office"
    qtbot.addWidget(built.window)
    built.window.show()
    yield built
    for pop in list(built.window.pops.values()):
        pop.close()
    built.channels.stop()  # as Shell.shutdown: the bots, before the core closes
    built.window.stop_refreshing()  # as Shell.shutdown, before the task runner goes
    built.tasks.shutdown()
    built.call_log.close()

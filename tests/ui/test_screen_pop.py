"""The screen-pop's life over several calls: one popup per ringing call, popups
reused without anything of the previous caller, shown once the lookup has
answered (or at the deadline), and the call panel redrawn once per burst of
changes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.core import Core
from app.customers import ContactInput
from sip.events import CallPhase
from tests.ui.conftest import RecordingEngine, ended, feed, incoming, state
from ui.calls.call_control import CallControl
from ui.calls.call_panel import CallPanel
from ui.calls.calls import CallBook
from ui.calls.screen_pop import ScreenPop
from ui.common.bridge import EngineBridge
from ui.common.tasks import TaskRunner
from ui.shell.main_window import SPARE_POPS


def add_customer(core: Core, name: str, phone: str, company: str = "") -> int:
    customer = core.customers.create(name, [ContactInput("phone", phone)], company=company)
    assert customer.id is not None
    return customer.id


@pytest.fixture
def block_worker(shell: Any) -> Iterator[Callable[[], threading.Event]]:
    """``block_worker()`` holds the task worker until the returned event is set:
    the lookups asked for meanwhile queue up behind it."""
    events: list[threading.Event] = []

    def block() -> threading.Event:
        release = threading.Event()
        events.append(release)
        shell.tasks.run(lambda: release.wait(10))
        return release

    yield block
    for release in events:
        release.set()


def test_two_ringing_calls_each_get_their_own_popup(
    qtbot: Any, shell: Any, engine: RecordingEngine, sqlite_core: Core
) -> None:
    add_customer(sqlite_core, "Olena Kovalenko", "+380501111111", "Kvitka Flowers")
    add_customer(sqlite_core, "Petro Bondar", "+380502222222")
    feed(shell.bridge, incoming("a", "+380501111111"), incoming("b", "+380502222222"))
    pops = shell.window.pops
    qtbot.waitUntil(lambda: {"a", "b"} <= set(pops) and all(p.isVisible() for p in pops.values()))
    first, second = pops["a"], pops["b"]
    assert first is not second
    qtbot.waitUntil(lambda: first.info is not None and second.info is not None)
    assert (first.name.text(), first.company.text()) == ("Olena Kovalenko", "Kvitka Flowers")
    assert (second.name.text(), second.number.text()) == ("Petro Bondar", "+380 50 222 2222")
    assert shell.book.get("a").customer_name == "Olena Kovalenko"
    assert shell.book.get("b").customer_name == "Petro Bondar"

    qtbot.mouseClick(second.reject_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(first.answer_button, Qt.MouseButton.LeftButton)
    assert engine.commands == [("reject", "b"), ("answer", "a")]
    feed(shell.bridge, ended("b", "+380502222222"))
    qtbot.waitUntil(lambda: "b" not in pops and not second.isVisible())
    assert first.isVisible() and first.name.text() == "Olena Kovalenko"


def test_a_reused_popup_shows_nothing_of_the_previous_caller(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    add_customer(sqlite_core, "Olena Kovalenko", "+380501111111", "Kvitka Flowers")
    window = shell.window
    feed(shell.bridge, incoming("a", "+380501111111"))
    qtbot.waitUntil(lambda: "a" in window.pops and window.pops["a"].info is not None)
    pop = window.pops["a"]
    assert pop.open_button.isVisible() and pop.recent.isVisible()
    feed(shell.bridge, ended("a", "+380501111111"))
    qtbot.waitUntil(lambda: "a" not in window.pops)
    assert not pop.isVisible()

    feed(shell.bridge, incoming("b", "+380679999999", "Front desk"))
    qtbot.waitUntil(lambda: "b" in window.pops)
    assert window.pops["b"] is pop  # the same widgets, filled again
    qtbot.waitUntil(lambda: pop.info is not None and pop.isVisible())
    assert pop.name.text() == "Front desk"  # the SIP display name: not a customer
    assert pop.number.text() == "+380 67 999 9999"
    assert pop.company.text() == "Not in your customers yet."
    assert not pop.open_button.isVisible() and not pop.recent.isVisible()
    assert pop.create_button.isVisible()
    assert shell.book.get("b").customer_name == ""


def test_a_late_answer_for_an_earlier_call_is_not_shown(
    qtbot: Any, shell: Any, sqlite_core: Core, block_worker: Callable[[], threading.Event]
) -> None:
    """Call "a" ends before its lookup answers; the popup is reused for "b"; the
    answer about "a" then arrives first and must not land on "b"'s popup."""
    add_customer(sqlite_core, "Olena Kovalenko", "+380501111111")
    add_customer(sqlite_core, "Petro Bondar", "+380502222222")
    window = shell.window
    release_a = block_worker()
    feed(shell.bridge, incoming("a", "+380501111111"))
    qtbot.waitUntil(lambda: "a" in window.pops)
    pop = window.pops["a"]
    feed(shell.bridge, ended("a", "+380501111111"))
    qtbot.waitUntil(lambda: "a" not in window.pops)
    release_b = block_worker()  # "b"'s lookup waits behind this one
    feed(shell.bridge, incoming("b", "+380502222222"))
    qtbot.waitUntil(lambda: "b" in window.pops)
    assert window.pops["b"] is pop
    release_a.set()  # "a"'s answer comes back now
    qtbot.waitUntil(lambda: shell.tasks.pending == 2)  # only "b"'s lookup and its blocker left
    qtbot.wait(50)
    assert pop.info is None and pop.name.text() == "Looking up the caller…"
    assert not pop.open_button.isVisible()
    release_b.set()
    qtbot.waitUntil(lambda: pop.info is not None)
    assert pop.name.text() == "Petro Bondar"
    assert shell.book.get("b").customer_name == "Petro Bondar"


def ring_with_lookup_held(
    qtbot: Any, shell: Any, core: Core, block_worker: Callable[[], threading.Event]
) -> tuple[ScreenPop, threading.Event]:
    """A known customer calls while the worker (and so the lookup) is held;
    (the popup, the event that lets the worker go)."""
    release = block_worker()
    add_customer(core, "Olena Kovalenko", "+380501111111")
    feed(shell.bridge, incoming("a", "+380501111111"))
    qtbot.waitUntil(lambda: "a" in shell.window.pops)
    return shell.window.pops["a"], release


def test_the_popup_waits_for_the_lookup_then_shows_with_the_name(
    qtbot: Any,
    shell: Any,
    sqlite_core: Core,
    block_worker: Callable[[], threading.Event],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ScreenPop, "show_deadline_ms", 10_000)
    pop, release = ring_with_lookup_held(qtbot, shell, sqlite_core, block_worker)
    qtbot.wait(100)
    assert not pop.isVisible()  # not shown as "Looking up the caller…" first
    release.set()
    qtbot.waitUntil(pop.isVisible)
    assert pop.name.text() == "Olena Kovalenko"  # its first paint has the name


def test_a_slow_lookup_does_not_hold_the_popup_back(
    qtbot: Any,
    shell: Any,
    sqlite_core: Core,
    block_worker: Callable[[], threading.Event],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ScreenPop, "show_deadline_ms", 20)
    pop, release = ring_with_lookup_held(qtbot, shell, sqlite_core, block_worker)
    qtbot.waitUntil(pop.isVisible)  # the deadline: the number alone, the lookup pending
    assert pop.info is None
    assert pop.number.text() == "+380 50 111 1111"
    assert pop.name.text() == "Looking up the caller…"
    release.set()
    qtbot.waitUntil(lambda: pop.name.text() == "Olena Kovalenko")


def test_a_popup_closed_by_the_operator_is_forgotten_and_reused(
    qtbot: Any, shell: Any, engine: RecordingEngine, sqlite_core: Core
) -> None:
    add_customer(sqlite_core, "Olena Kovalenko", "+380501111111")
    window = shell.window
    window.prepare_pop()  # as the window does a moment after it starts
    spare = window._spare_pops[0]
    feed(shell.bridge, incoming("a", "+380501111111"))
    qtbot.waitUntil(lambda: "a" in window.pops and window.pops["a"].info is not None)
    assert window.pops["a"] is spare and spare.isVisible()
    spare.close()  # the popup's own close button: the call keeps ringing
    assert "a" not in window.pops and window._spare_pops == [spare]
    feed(shell.bridge, state("a", CallPhase.CONFIRMED))
    qtbot.waitUntil(lambda: shell.book.get("a").talking)
    qtbot.wait(50)
    assert window.card.customer is None  # the popup was closed: its customer is not opened
    assert engine.commands == []


def test_more_calls_at_once_than_spare_popups(qtbot: Any, shell: Any) -> None:
    window = shell.window
    numbers = {f"c{i}": f"+38050111111{i}" for i in range(4)}
    feed(shell.bridge, *(incoming(cid, number) for cid, number in numbers.items()))
    qtbot.waitUntil(lambda: len(window.pops) == 4)
    assert len({id(pop) for pop in window.pops.values()}) == 4
    qtbot.waitUntil(lambda: all(p.isVisible() and p.info is not None for p in window.pops.values()))
    assert [p.number.text() for p in window.pops.values()] == [
        f"+380 50 111 111{i}" for i in range(4)
    ]
    feed(shell.bridge, *(ended(cid, number) for cid, number in numbers.items()))
    qtbot.waitUntil(lambda: not window.pops)
    assert len(window._spare_pops) == SPARE_POPS  # the others are deleted


def test_the_call_panel_redraws_once_per_turn_with_the_final_state(qtbot: Any) -> None:
    class CountingPanel(CallPanel):
        refreshes = 0

        def refresh(self) -> None:
            self.refreshes += 1
            super().refresh()

    bridge = EngineBridge()
    book = CallBook(bridge)
    tasks = TaskRunner()
    panel = CountingPanel(book, CallControl(book, tasks, phone=RecordingEngine()))
    qtbot.addWidget(panel)
    panel.show()
    panel.refreshes = 0
    # On the GUI thread the bridge's signals are direct: all of this in one turn.
    bridge(incoming("a", "+380501111111"))
    bridge(state("a", CallPhase.CONFIRMED))
    book.set_customer_name("a", "Olena Kovalenko")
    book.mark("a", muted=True)
    assert panel.refreshes == 0 and panel.empty.isVisible()  # not redrawn yet
    qtbot.waitUntil(lambda: panel.refreshes > 0)
    qtbot.wait(20)
    assert panel.refreshes == 1
    assert panel.who.text() == "Olena Kovalenko"
    assert panel.state.text() == "Talking · muted · +380 50 111 1111"
    assert panel.mute_button.text() == "Unmute" and panel.hold_button.isEnabled()
    tasks.shutdown()

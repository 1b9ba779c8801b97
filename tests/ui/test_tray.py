"""The tray: registration state in the tooltip and icon, and a desktop
notification for a call ringing while the window is out of sight. Driven
through the bridge, as the engine drives it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app.core import Core
from app.customers import ContactInput
from sip.events import (
    CallDirection,
    CallOutcome,
    EngineStarted,
    RegistrationChanged,
    RegistrationStatus,
)
from tests.ui.conftest import ended, feed, incoming
from ui.shell.tray import DOT_COLOURS, Registration, Tray


def dot_colour(tray: Tray) -> QColor:
    """The colour in the middle of the registration dot of the drawn icon."""
    image = tray.icon.icon().pixmap(64, 64).toImage()
    return image.pixelColor(12, 51)


def reg(account_id: str, status: RegistrationStatus, code: int = 0) -> RegistrationChanged:
    return RegistrationChanged(account_id, status, code, "")


def test_registration_state_in_tooltip_and_icon(qtbot: Any, shell: Any) -> None:
    tray = Tray(shell.bridge)
    assert tray.tooltip() == "Switchboard"  # engine not started: nothing to claim

    feed(shell.bridge, EngineStarted({"udp": 5060}))
    qtbot.waitUntil(lambda: tray.registration is Registration.NO_ACCOUNT)
    assert tray.tooltip() == "Switchboard\nNo SIP account"
    assert dot_colour(tray) == QColor(DOT_COLOURS[Registration.NO_ACCOUNT])

    feed(shell.bridge, reg("office", RegistrationStatus.REGISTERING))
    qtbot.waitUntil(lambda: tray.registration is Registration.REGISTERING)
    feed(shell.bridge, reg("office", RegistrationStatus.REGISTERED, 200))
    qtbot.waitUntil(lambda: tray.registration is Registration.REGISTERED)
    assert tray.icon.toolTip() == "Switchboard\nRegistered"
    assert dot_colour(tray) == QColor(DOT_COLOURS[Registration.REGISTERED])

    # A second account that fails: the operator is not reachable on it.
    feed(shell.bridge, reg("shop", RegistrationStatus.FAILED, 403))
    qtbot.waitUntil(lambda: tray.registration is Registration.NOT_REGISTERED)
    assert dot_colour(tray) == QColor(DOT_COLOURS[Registration.NOT_REGISTERED])

    # ...alongside the missed-call count.
    feed(
        shell.bridge,
        incoming("m", "+380504444444"),
        ended("m", "+380504444444", CallOutcome.MISSED, CallDirection.INBOUND),
    )
    qtbot.waitUntil(lambda: tray.missed == 1)
    assert tray.icon.toolTip() == "Switchboard: 1 missed call(s)\nNot registered"

    # The settings dropped the failing account: its state no longer counts.
    tray.set_accounts(["office"])
    assert tray.registration is Registration.REGISTERED
    feed(shell.bridge, reg("shop", RegistrationStatus.UNREGISTERED, 200))  # its last word
    qtbot.wait(50)
    assert tray.registration is Registration.REGISTERED
    tray.set_accounts([])
    assert tray.registration is Registration.NO_ACCOUNT


def test_the_window_tells_the_tray_which_accounts_exist(qtbot: Any, shell: Any) -> None:
    tray = Tray(shell.bridge)
    shell.window.registration.accountsChanged.connect(tray.set_accounts)
    shell.apply_accounts([])
    assert tray.registration is Registration.NO_ACCOUNT


def notifications(tray: Tray) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    tray.notified.connect(lambda title, text: seen.append((title, text)))
    return seen


@pytest.fixture
def customer(sqlite_core: Core) -> str:
    sqlite_core.customers.create("Olena Kovalenko", [ContactInput("phone", "+380501234567")])
    return "+380501234567"


def test_incoming_call_with_the_window_hidden_is_notified_with_the_customer(
    qtbot: Any, shell: Any, sqlite_core: Core, customer: str, monkeypatch: Any
) -> None:
    tray = Tray(
        shell.bridge,
        window=shell.window,
        tasks=shell.tasks,
    )
    # The offscreen platform has no tray: stand in for a desktop that shows messages.
    shown: list[tuple[Any, ...]] = []
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    tray.icon.isVisible = lambda: True  # type: ignore[method-assign]
    tray.icon.showMessage = lambda *args: shown.append(args)  # type: ignore[method-assign]
    seen = notifications(tray)
    shell.window.hide()  # closed to the tray

    feed(shell.bridge, incoming("c1", customer))
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen == [("Incoming call", "Olena Kovalenko (+380 50 123 4567)")]
    assert shown[0][:2] == seen[0]

    # An unknown caller: the number (and the name the caller sent) is all there is.
    feed(shell.bridge, incoming("c2", "+380509999999", "Petro"))
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[1] == ("Incoming call", "Petro (+380 50 999 9999)")


def test_one_lookup_per_ring_names_the_caller_in_the_pop_the_call_panel_and_the_tray(
    qtbot: Any, shell: Any, sqlite_core: Core, customer: str, monkeypatch: Any
) -> None:
    tray = Tray(shell.bridge, window=shell.window, tasks=shell.tasks)
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    tray.icon.isVisible = lambda: True  # type: ignore[method-assign]
    tray.icon.showMessage = lambda *args: None  # type: ignore[method-assign]
    seen = notifications(tray)
    finds: list[tuple[Any, ...]] = []
    find = sqlite_core.customers.find

    def counted(*args: Any, **kwargs: Any) -> Any:
        finds.append(args)
        return find(*args, **kwargs)

    monkeypatch.setattr(sqlite_core.customers, "find", counted)
    shell.window.hide()
    feed(shell.bridge, incoming("c1", customer))
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen == [("Incoming call", "Olena Kovalenko (+380 50 123 4567)")]
    pop = shell.window.pops["c1"]
    assert pop.name.text() == "Olena Kovalenko"
    qtbot.waitUntil(lambda: shell.book.get("c1").customer_name == "Olena Kovalenko")
    qtbot.waitUntil(lambda: shell.tasks.pending == 0)
    assert len(finds) == 1


def test_no_notification_while_the_operator_looks_at_the_window(
    qtbot: Any, shell: Any, sqlite_core: Core, customer: str
) -> None:
    tray = Tray(
        shell.bridge,
        window=shell.window,
        tasks=shell.tasks,
    )
    seen = notifications(tray)
    shell.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    feed(shell.bridge, incoming("c1", customer))
    qtbot.waitUntil(lambda: shell.book.get("c1") is not None)
    qtbot.wait(100)
    assert seen == []


def test_a_call_over_before_the_lookup_is_not_announced(qtbot: Any, shell: Any) -> None:
    tray = Tray(shell.bridge, window=shell.window, tasks=shell.tasks)
    seen = notifications(tray)
    shell.window.hide()
    feed(
        shell.bridge,
        incoming("c1", "+380501112233"),
        ended("c1", "+380501112233", CallOutcome.REJECTED, CallDirection.INBOUND),
    )
    qtbot.waitUntil(lambda: shell.tasks.pending == 0)
    qtbot.wait(50)
    assert seen == []

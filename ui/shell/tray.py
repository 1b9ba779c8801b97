"""The tray icon: the app keeps running (and ringing) with the window closed.

The icon's badge counts what waits for the operator: calls missed since they
last looked and unread messages; a dot shows the SIP registration (green:
registered, red: not registered, grey: no account); the tooltip says all of it
in words, and how the messengers are. An incoming call while the window is
hidden or in the background also gets a desktop notification with the caller's
number and, once looked up on the task worker, the customer's name; new
messages get theirs from ui/conversations/notifier.py. Clicking a message's
notification opens its conversation (``conversationClicked``), any other one
shows the window.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from app.contacts import format_phone
from sip.events import (
    CallDirection,
    CallEnded,
    CallOutcome,
    EngineStarted,
    IncomingCall,
    RegistrationChanged,
    RegistrationStatus,
)
from ui.common.bridge import EngineBridge
from ui.common.tasks import TaskRunner

NOTIFY_MS = 8000
# Qt hands notifications to a freedesktop notification server (D-Bus) when a
# StatusNotifierItem host has this name on the session bus as the icon is made.
SNI_WATCHER = "org.kde.StatusNotifierWatcher"


class Registration(StrEnum):
    UNKNOWN = ""  # the engine has not started (yet): nothing to say
    NO_ACCOUNT = "no_account"
    REGISTERING = "registering"
    REGISTERED = "registered"
    NOT_REGISTERED = "not_registered"


DOT_COLOURS = {
    Registration.NO_ACCOUNT: "#9e9e9e",
    Registration.REGISTERING: "#f9a825",
    Registration.REGISTERED: "#2e7d32",
    Registration.NOT_REGISTERED: "#d32f2f",
}


def app_icon(missed: int = 0, size: int = 64, registration: str = "") -> QIcon:
    """A handset-less, font-free icon: a blue disc, a red badge with the count,
    and a registration dot in the lower left corner."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1565c0"))
    painter.drawEllipse(QRectF(4, 4, size - 8, size - 8))
    painter.setBrush(QColor("white"))
    painter.drawRoundedRect(QRectF(size * 0.3, size * 0.25, size * 0.4, size * 0.5), 6, 6)
    dot = DOT_COLOURS.get(Registration(registration)) if registration else None
    if dot:
        painter.setPen(QColor("white"))  # a ring keeps the dot apart from the disc
        painter.setBrush(QColor(dot))
        painter.drawEllipse(QRectF(1, size * 0.62, size * 0.36, size * 0.36))
        painter.setPen(Qt.PenStyle.NoPen)
    if missed:
        badge = QRectF(size * 0.45, 0, size * 0.55, size * 0.55)
        painter.setBrush(QColor("#d32f2f"))
        painter.drawEllipse(badge)
        painter.setPen(QColor("white"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.32))
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "9+" if missed > 9 else str(missed))
    painter.end()
    return QIcon(pixmap)


def window_in_sight(window: QWidget) -> bool:
    """The operator is looking at us: the window is shown, not minimised, and
    it (or one of our dialogs over it) has the focus."""
    if not window.isVisible() or window.isMinimized():
        return False
    return window.isActiveWindow() or QApplication.activeWindow() is not None


def notifications_read_markup() -> bool:
    """Whether a notification's body will be read as markup. Qt sends it as it
    is to the freedesktop notification server when the tray is a D-Bus
    StatusNotifierItem (decided like Qt does, when the icon is made), and those
    servers render a subset of HTML in the body (body-markup: <b>, <a>, <img>).
    Windows and Qt's own balloon (an XEmbed tray) show it as plain text."""
    if sys.platform in ("win32", "darwin"):
        return False
    from PySide6.QtDBus import QDBusConnection  # on Linux only, when the tray is made

    bus = QDBusConnection.sessionBus()
    interface = bus.interface() if bus.isConnected() else None
    return interface is not None and bool(interface.isServiceRegistered(SNI_WATCHER).value())


def notification_body(text: str, markup: bool) -> str:
    """The body handed to the desktop, so that it shows ``text`` as it is."""
    return html.escape(text, quote=False) if markup else text


def summarize(statuses: Iterable[RegistrationStatus]) -> Registration:
    """Several accounts, one word: registered only when every account is."""
    found = set(statuses)
    if not found:
        return Registration.NO_ACCOUNT
    if found & {RegistrationStatus.FAILED, RegistrationStatus.UNREGISTERED}:
        return Registration.NOT_REGISTERED
    if RegistrationStatus.REGISTERING in found:
        return Registration.REGISTERING
    return Registration.REGISTERED


class Tray(QObject):
    showRequested = Signal()
    quitRequested = Signal()
    notified = Signal(str, str)  # title, text of each desktop notification
    conversationClicked = Signal(int)  # the notification of this conversation was clicked

    def __init__(
        self,
        bridge: EngineBridge,
        parent: QObject | None = None,
        window: QWidget | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        """A ringing call is announced with the customer's name from the
        window's one lookup per ring (its ``callerLookedUp``, the screen-pop's);
        with no such window, with the number alone."""
        super().__init__(parent)
        self.missed = 0
        self.unread = 0  # unread messages over every conversation
        self.window = window
        self.tasks = tasks
        self._awaiting_name: dict[str, IncomingCall] = {}  # rings out of sight, before the lookup
        looked_up = getattr(window, "callerLookedUp", None)
        if looked_up is not None:
            looked_up.connect(self._caller_looked_up)
        self._named_by_window = looked_up is not None
        self._engine_started = False
        self._accounts: set[str] | None = None  # None: not told, take any account's events
        self._statuses: dict[str, RegistrationStatus] = {}
        self._ringing: set[str] = set()
        self._channels = ""  # the messengers' state in words (ui/shell/channel_service.py)
        # What the last notification was about: a click on it opens that conversation.
        self.notified_conversation: int | None = None
        self.icon = QSystemTrayIcon(app_icon(), self)
        # Callers' names go into the body: escaped where the desktop reads markup.
        self.body_is_markup = notifications_read_markup()
        self.menu = QMenu()
        show = QAction(self.tr("Show Switchboard"), self.menu)
        show.triggered.connect(self.showRequested.emit)
        quit_action = QAction(self.tr("Quit"), self.menu)
        quit_action.triggered.connect(self.quitRequested.emit)
        self.menu.addAction(show)
        self.menu.addSeparator()
        self.menu.addAction(quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.message_clicked)
        bridge.callEnded.connect(self._on_call_ended)
        bridge.incomingCall.connect(self._on_incoming)
        bridge.engineStarted.connect(self._on_engine_started)
        bridge.engineStopped.connect(self._on_engine_stopped)
        bridge.registrationChanged.connect(self._on_registration)
        self._update()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.showRequested.emit()

    # --- notifications -----------------------------------------------------------

    def notify(self, title: str, text: str, conversation_id: int | None = None) -> None:
        """A desktop notification, where the desktop shows them. ``text`` is
        plain text (it may hold a caller's name or a customer's words); the
        title is ours. ``conversation_id``: a message's, opened by a click."""
        # Qt shows one message at a time: a click is on the last one.
        self.notified_conversation = conversation_id
        if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            body = notification_body(text, self.body_is_markup)
            self.icon.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, NOTIFY_MS)
        self.notified.emit(title, text)

    def message_clicked(self) -> None:
        """The last notification was clicked: its conversation, or the window."""
        conversation_id = self.notified_conversation
        if conversation_id is not None:
            self.conversationClicked.emit(conversation_id)
        self.showRequested.emit()

    def window_in_sight(self) -> bool:
        """The operator is looking at us (``window_in_sight``)."""
        return self.window is not None and window_in_sight(self.window)

    def _on_incoming(self, event: IncomingCall) -> None:
        if event.handled:
            return  # busy at once (do not disturb) or answered at once: nothing rings
        self._ringing.add(event.call_id)
        if self.window_in_sight():
            return  # the screen-pop says it already, where the operator is looking
        if not self._named_by_window or not event.number:
            self._notify_incoming(event, "")
            return
        self._awaiting_name[event.call_id] = event

    def _caller_looked_up(self, call_id: str, customer_name: str) -> None:
        event = self._awaiting_name.pop(call_id, None)
        if event is not None:
            self._notify_incoming(event, customer_name)  # "": the number alone still helps

    def _notify_incoming(self, event: IncomingCall, customer_name: str) -> None:
        if event.call_id not in self._ringing:
            return  # over before the lookup came back: nothing to announce
        number = event.number or self.tr("unknown number")
        if number.startswith("+"):
            number = format_phone(number)
        who = customer_name or event.display_name
        text = self.tr("%1 (%2)").replace("%1", who).replace("%2", number) if who else number
        self.notify(self.tr("Incoming call"), text)

    def _on_call_ended(self, event: CallEnded) -> None:
        self._ringing.discard(event.call_id)
        self._awaiting_name.pop(event.call_id, None)
        if event.direction is CallDirection.INBOUND and event.outcome is CallOutcome.MISSED:
            self.missed += 1
            self._update()
            who = event.display_name or event.number or self.tr("unknown number")
            self.notify(self.tr("Missed call"), self.tr("Missed call from %1").replace("%1", who))

    def set_unread(self, total: int) -> None:
        """Unread messages over every conversation (ui/conversations/notifier.py)."""
        if total != self.unread:
            self.unread = total
            self._update()

    def reset_missed(self) -> None:
        """The operator has seen the window: the count starts over."""
        if self.missed:
            self.missed = 0
            self._update()

    # --- registration ------------------------------------------------------------

    def set_accounts(self, account_ids: Iterable[str]) -> None:
        """The accounts handed to the engine (at start and after the settings
        changed): a removed account's last word no longer counts."""
        self._accounts = set(account_ids)
        self._statuses = {k: v for k, v in self._statuses.items() if k in self._accounts}
        for account_id in self._accounts - set(self._statuses):
            self._statuses[account_id] = RegistrationStatus.REGISTERING
        self._engine_started = True
        self._update()

    def _on_engine_started(self, _event: EngineStarted) -> None:
        self._engine_started = True
        self._update()

    def _on_engine_stopped(self, _event: object) -> None:
        self._engine_started = False
        self._statuses.clear()
        self._update()

    def _on_registration(self, event: RegistrationChanged) -> None:
        if self._accounts is not None and event.account_id not in self._accounts:
            return
        self._statuses[event.account_id] = event.status
        self._engine_started = True
        self._update()

    @property
    def registration(self) -> Registration:
        if not self._engine_started:
            return Registration.UNKNOWN
        return summarize(self._statuses.values())

    def registration_text(self) -> str:
        return {
            Registration.UNKNOWN: "",
            Registration.NO_ACCOUNT: self.tr("No SIP account"),
            Registration.REGISTERING: self.tr("Registering…"),
            Registration.REGISTERED: self.tr("Registered"),
            Registration.NOT_REGISTERED: self.tr("Not registered"),
        }[self.registration]

    def set_channels(self, summary: str) -> None:
        """The messengers' state: "" (no bot), connected, or each bot's problem."""
        self._channels = summary
        self._update()

    # --- showing -------------------------------------------------------------------

    def tooltip(self) -> str:
        head = (
            self.tr("Switchboard: %n missed call(s)", "", self.missed)
            if self.missed
            else self.tr("Switchboard")
        )
        unread = self.tr("%n unread message(s)", "", self.unread) if self.unread else ""
        lines = [head, unread, self.registration_text(), self._channels]
        return "\n".join(line for line in lines if line)

    def _update(self) -> None:
        # One badge for everything that waits for the operator.
        waiting = self.missed + self.unread
        self.icon.setIcon(app_icon(waiting, registration=self.registration.value))
        self.icon.setToolTip(self.tooltip())

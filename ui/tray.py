"""The tray icon: the app keeps running (and ringing) with the window closed,
and the icon shows how many calls were missed since the operator last looked."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from sip.events import CallDirection, CallEnded, CallOutcome
from ui.bridge import EngineBridge


def app_icon(missed: int = 0, size: int = 64) -> QIcon:
    """A handset-less, font-free icon: a blue disc, and a red badge with the count."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1565c0"))
    painter.drawEllipse(QRectF(4, 4, size - 8, size - 8))
    painter.setBrush(QColor("white"))
    painter.drawRoundedRect(QRectF(size * 0.3, size * 0.25, size * 0.4, size * 0.5), 6, 6)
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


class Tray(QObject):
    showRequested = Signal()
    quitRequested = Signal()

    def __init__(self, bridge: EngineBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.missed = 0
        self.icon = QSystemTrayIcon(app_icon(), self)
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
        bridge.callEnded.connect(self._on_call_ended)
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

    def _on_call_ended(self, event: CallEnded) -> None:
        if event.direction is CallDirection.INBOUND and event.outcome is CallOutcome.MISSED:
            self.missed += 1
            self._update()
            who = event.display_name or event.number or self.tr("unknown number")
            if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
                self.icon.showMessage(
                    self.tr("Missed call"),
                    self.tr("Missed call from %1").replace("%1", who),
                    QSystemTrayIcon.MessageIcon.Information,
                    8000,
                )

    def reset_missed(self) -> None:
        """The operator has seen the window: the count starts over."""
        if self.missed:
            self.missed = 0
            self._update()

    def tooltip(self) -> str:
        if not self.missed:
            return self.tr("Switchboard")
        return self.tr("Switchboard: %n missed call(s)", "", self.missed)

    def _update(self) -> None:
        self.icon.setIcon(app_icon(self.missed))
        self.icon.setToolTip(self.tooltip())

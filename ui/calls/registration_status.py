"""Registration status per SIP account, for the status bar.

One small label per account ("Office: registered"), coloured by state; with no
account at all it says so and where to add one.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from sip.events import RegistrationChanged, RegistrationStatus
from ui.common.plain_text import plain_label, plain_tooltip

COLOURS = {
    RegistrationStatus.REGISTERED: "#1e7d32",
    RegistrationStatus.REGISTERING: "#8a6d00",
    RegistrationStatus.UNREGISTERED: "#666666",
    RegistrationStatus.FAILED: "#b3261e",
}


class RegistrationStatusBar(QWidget):
    accountsChanged = Signal(list)  # the account ids handed to the engine (the tray follows)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationStatus")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._labels: dict[str, QLabel] = {}
        self._names: dict[str, str] = {}
        self.none = plain_label(self)
        self.none.setObjectName("noAccount")
        self._layout.addWidget(self.none)
        self.set_engine_problem("")
        self.set_accounts({})

    def status_text(self, status: RegistrationStatus) -> str:
        return {
            RegistrationStatus.REGISTERING: self.tr("registering…"),
            RegistrationStatus.REGISTERED: self.tr("registered"),
            RegistrationStatus.UNREGISTERED: self.tr("not registered"),
            RegistrationStatus.FAILED: self.tr("registration failed"),
        }[status]

    def set_engine_problem(self, text: str) -> None:
        """A reason the engine is not running at all ("" when it is)."""
        self._engine_problem = text
        self._update_none()

    def set_accounts(self, names: dict[str, str]) -> None:
        """account id -> label, for every account handed to the engine."""
        for label in self._labels.values():
            self._layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self._labels = {}
        self._names = dict(names)
        for account_id in names:
            label = plain_label(self)
            label.setObjectName(f"registration_{account_id}")
            self._labels[account_id] = label
            self._layout.addWidget(label)
            self._show(account_id, RegistrationStatus.REGISTERING, "")
        self._update_none()
        self.accountsChanged.emit(list(names))

    def _update_none(self) -> None:
        if self._engine_problem:
            self.none.setText(self._engine_problem)
        else:
            self.none.setText(
                self.tr(
                    "No SIP account configured (File > Settings > Accounts); "
                    "Call > Call the demo line tries a call"
                )
            )
        self.none.setVisible(bool(self._engine_problem) or not self._labels)

    def _show(self, account_id: str, status: RegistrationStatus, reason: str) -> None:
        label = self._labels[account_id]
        name = self._names.get(account_id, account_id)
        label.setText(f"● {name}: {self.status_text(status)}")
        label.setStyleSheet(f"color: {COLOURS[status]};")
        label.setToolTip(plain_tooltip(reason))  # the SIP server's words

    def on_registration(self, event: RegistrationChanged) -> None:
        if event.account_id not in self._labels:
            self._names.setdefault(event.account_id, event.account_id)
            label = plain_label(self)
            self._labels[event.account_id] = label
            self._layout.addWidget(label)
            self._update_none()
        reason = f"{event.code} {event.reason}".strip() if event.code else event.reason
        self._show(event.account_id, event.status, reason)

    def text(self) -> str:
        """Everything the bar says (tests read this)."""
        parts = [self.none.text()] if self.none.isVisibleTo(self) else []
        return " | ".join(parts + [label.text() for label in self._labels.values()])

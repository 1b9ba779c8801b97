"""Which line an outgoing call goes through, beside the dial field.

Shown only with two accounts or more. The operator's pick is the default
from then on (Settings.outgoing_account, saved off the GUI thread); opening a
customer's card moves the picker to the line of that customer's latest call,
when it is one of ours (they know the shop by that number), without changing
the default, and another card without one puts the default back. Every dial
path (the field, the card, a chat, the callback queue) goes through
CallControl.account_id, which the picker sets.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.core import Core
from ui.calls.call_control import CallControl
from ui.common.tasks import TaskRunner


class LinePicker(QWidget):
    lineChosen = Signal(str)  # the operator picked an account (its id)

    def __init__(
        self, core: Core, tasks: TaskRunner, control: CallControl, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linePicker")
        self.core = core
        self.tasks = tasks
        self.control = control
        self.lines = QComboBox(self)
        self.lines.setObjectName("lineCombo")
        self.lines.setAccessibleName(self.tr("Line for outgoing calls"))
        self.lines.setToolTip(self.tr("The account outgoing calls go through"))
        self.lines.activated.connect(self._picked)
        label = QLabel(self.tr("&Line:"), self)
        label.setBuddy(self.lines)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.lines, 1)
        self._customer: int | None = None
        self.hide()

    @property
    def default(self) -> str:
        ids = self.ids()
        wanted = self.core.settings.outgoing_account
        return wanted if wanted in ids else (ids[0] if ids else "")

    def ids(self) -> list[str]:
        return [str(self.lines.itemData(i)) for i in range(self.lines.count())]

    def set_accounts(self, names: dict[str, str]) -> None:
        """The engine's accounts (id -> label), in their order."""
        self.lines.clear()
        for account_id, label in names.items():
            self.lines.addItem(label, account_id)
        self.setVisible(len(names) > 1)
        self._use(self.default)
        if self._customer is not None:
            self.show_customer(self._customer)

    def show_customer(self, customer_id: int | None) -> None:
        """The open card's customer: their line, or the default."""
        self._customer = customer_id
        if self.lines.count() < 2:
            return  # one line or none: nothing to choose (set_accounts set it)
        if customer_id is None:
            self._use(self.default)
            return
        timeline, among = self.core.timeline, self.ids()
        self.tasks.run(
            lambda: timeline.last_call_account(customer_id, among),
            lambda found: self._customer_line(customer_id, found),
            lambda _: self._use(self.default),
            owner=self,
        )

    def _customer_line(self, customer_id: int, found: str | None) -> None:
        if customer_id != self._customer:
            return  # another card opened meanwhile
        self._use(found if found in self.ids() else self.default)

    def _use(self, account_id: str) -> None:
        index = self.lines.findData(account_id)
        if index >= 0:
            self.lines.setCurrentIndex(index)
        self.control.account_id = account_id

    def _picked(self, index: int) -> None:
        account_id = str(self.lines.itemData(index))
        self.control.account_id = account_id
        settings, path = self.core.settings, self.core.paths.config_file
        if settings.outgoing_account == account_id:
            return
        settings.outgoing_account = account_id
        self.tasks.run(lambda: settings.save(path), owner=self)
        self.lineChosen.emit(account_id)

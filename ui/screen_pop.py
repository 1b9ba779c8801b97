"""The screen-pop: who is calling, before the operator answers.

On IncomingCall the window opens one of these per ringing call. It shows the
number at once, then (looked up on the task worker) the customer's name and
company and their last few interactions. Answer and Reject act on this call;
an unknown number offers "Create customer" with the number filled in.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.contacts import format_phone
from app.core import Core
from app.models import ContactKind, Customer, Interaction
from sip.events import IncomingCall
from ui.tasks import TaskRunner
from ui.timeline_view import interaction_text

RECENT = 4


@dataclass(frozen=True)
class CallerInfo:
    customer: Customer | None
    recent: list[Interaction]


def look_up_caller(core: Core, number: str) -> CallerInfo:
    """Runs on the task worker: one indexed lookup, one short timeline page."""
    customer = core.customers.find(ContactKind.PHONE, number) if number else None
    if customer is None or customer.id is None:
        return CallerInfo(None, [])
    return CallerInfo(customer, core.timeline.page(customer.id, RECENT))


class ScreenPop(QWidget):
    answerRequested = Signal(str)  # call id
    rejectRequested = Signal(str)  # call id
    createCustomerRequested = Signal(str)  # the caller's number
    openCustomerRequested = Signal(int)  # customer id
    customerFound = Signal(str, str)  # call id, customer name

    def __init__(
        self, core: Core, tasks: TaskRunner, event: IncomingCall, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("screenPop")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Incoming call"))
        self.core = core
        self.tasks = tasks
        self.call = event
        self.info: CallerInfo | None = None

        self.heading = QLabel(self.tr("Incoming call"), self)
        self.number = QLabel(self._shown_number(), self)
        self.number.setObjectName("popNumber")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.number.setFont(font)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name = QLabel(self.tr("Looking up the caller…"), self)
        self.name.setObjectName("popName")
        nfont = self.name.font()
        nfont.setPointSizeF(nfont.pointSizeF() * 1.5)
        nfont.setBold(True)
        self.name.setFont(nfont)
        self.name.setWordWrap(True)
        self.company = QLabel(self)
        self.company.setObjectName("popCompany")
        self.recent_title = QLabel(self.tr("Last contacts:"), self)
        self.recent = QListWidget(self)
        self.recent.setObjectName("popRecent")
        self.recent.setWordWrap(True)
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent.setMinimumHeight(120)

        self.answer_button = QPushButton(self.tr("&Answer"), self)
        self.answer_button.setObjectName("popAnswer")
        self.answer_button.setStyleSheet("background: #1e7d32; color: white; padding: 6px;")
        self.answer_button.clicked.connect(lambda: self.answerRequested.emit(event.call_id))
        self.reject_button = QPushButton(self.tr("&Reject"), self)
        self.reject_button.setObjectName("popReject")
        self.reject_button.setStyleSheet("background: #b3261e; color: white; padding: 6px;")
        self.reject_button.clicked.connect(lambda: self.rejectRequested.emit(event.call_id))
        self.create_button = QPushButton(self.tr("&Create customer"), self)
        self.create_button.setObjectName("popCreate")
        self.create_button.clicked.connect(self._create)
        self.create_button.hide()
        self.open_button = QPushButton(self.tr("&Open card"), self)
        self.open_button.setObjectName("popOpen")
        self.open_button.clicked.connect(self._open)
        self.open_button.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.reject_button)
        extra = QHBoxLayout()
        extra.addWidget(self.create_button)
        extra.addWidget(self.open_button)
        extra.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.name)
        layout.addWidget(self.company)
        layout.addWidget(self.number)
        layout.addWidget(self.recent_title)
        layout.addWidget(self.recent, 1)
        layout.addLayout(extra)
        layout.addLayout(buttons)
        self.setMinimumWidth(340)
        self.resize(420, 360)
        self.answer_button.setDefault(True)

        number = event.number
        core_ = core
        tasks.run(lambda: look_up_caller(core_, number), self._fill, self._failed, owner=self)

    def _shown_number(self) -> str:
        number = self.call.number or self.tr("Unknown number")
        if number.startswith("+"):
            number = format_phone(number)
        return number

    def _fill(self, info: CallerInfo) -> None:
        self.info = info
        self.recent.clear()
        if info.customer is None:
            self.name.setText(self.call.display_name or self.tr("Unknown caller"))
            self.company.setText(self.tr("Not in your customers yet."))
            self.recent_title.hide()
            self.recent.hide()
            self.create_button.setVisible(bool(self.call.number))
            self.adjustSize()
            return
        customer = info.customer
        self.name.setText(customer.name)
        self.company.setText(customer.company)
        self.company.setVisible(bool(customer.company))
        self.open_button.show()
        if info.recent:
            for row in info.recent:
                self.recent.addItem(interaction_text(row))
        else:
            self.recent.addItem(self.tr("No earlier contacts."))
        self.customerFound.emit(self.call.call_id, customer.name)

    def _failed(self, exc: Exception) -> None:
        self.name.setText(self.call.display_name or self.tr("Unknown caller"))
        self.company.setText(self.tr("The customer lookup failed: %1").replace("%1", str(exc)))

    def _create(self) -> None:
        self.createCustomerRequested.emit(self.call.number)

    def _open(self) -> None:
        if self.info is not None and self.info.customer is not None:
            assert self.info.customer.id is not None
            self.openCustomerRequested.emit(self.info.customer.id)

    def place(self) -> None:
        """Top-right corner of the screen, where notifications usually are."""
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        self.move(area.right() - self.width() - 16, area.top() + 16)

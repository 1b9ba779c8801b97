"""A callback request made by hand: the card's "Request callback…" (its phones
offered) and Callbacks > New callback request… (any number).

Saved through CallbackQueue.request with source "manual" on the task worker; the
core's refusals (a number that can't be parsed, a deleted customer) are shown
in the dialog in red, and the dialog stays open to fix them. The preferred
window is typed in the shop's time (Settings.shop_timezone): that is the clock
the operator works by; the core stores the instants.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.contacts import format_phone
from app.core import Core
from app.enums import CallbackSource
from app.models import CallbackRequest
from app.working_hours import zone
from ui.common.core_text import error_text
from ui.common.dialog_parts import error_label, save_cancel_buttons
from ui.common.plain_text import plain_label
from ui.common.tasks import TaskRunner

TIME_FORMAT = "dd.MM.yyyy HH:mm"


@dataclass(frozen=True)
class ManualRequest:
    phone: str
    customer_id: int | None
    name: str
    comment: str
    priority: int
    preferred_from: datetime | None
    preferred_to: datetime | None
    operator: str
    conversation_id: int | None = None  # asked from a chat: the queue links back to it


def submit(core: Core, request: ManualRequest) -> CallbackRequest:
    """Runs on the task worker."""
    return core.callbacks.request(
        request.phone,
        CallbackSource.MANUAL,
        name=request.name,
        comment=request.comment,
        customer_id=request.customer_id,
        preferred_from=request.preferred_from,
        preferred_to=request.preferred_to,
        priority=request.priority,
        meta=request_meta(request) or None,
    )


def request_meta(request: ManualRequest) -> dict[str, object]:
    meta: dict[str, object] = {}
    if request.operator:
        meta["requested_by"] = request.operator
    if request.conversation_id is not None:
        meta["conversation_id"] = request.conversation_id
    return meta


def next_half_hour(now: datetime) -> datetime:
    return now.replace(second=0, microsecond=0) + timedelta(minutes=30 - now.minute % 30)


def to_qt(value: datetime) -> QDateTime:
    """The wall-clock time of ``value`` as shown (no zone conversion by Qt)."""
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


class CallbackRequestDialog(QDialog):
    requested = Signal(int)  # the new request's id

    def __init__(
        self,
        core: Core,
        tasks: TaskRunner,
        phones: Sequence[str] = (),
        customer_id: int | None = None,
        customer_name: str = "",
        parent: QWidget | None = None,
        conversation_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callbackRequestDialog")
        self.conversation_id = conversation_id
        self.setWindowTitle(self.tr("Request a callback"))
        self.core = core
        self.tasks = tasks
        self.customer_id = customer_id
        self.customer_name = customer_name
        self.shop_zone = zone(core.settings.shop_timezone)

        # Several phones: a choice (still editable); one or none: a plain field.
        self.number_choice: QComboBox | None = None
        self.number_field: QLineEdit | None = None
        shown = [format_phone(p) for p in phones]
        if len(shown) > 1:
            self.number_choice = QComboBox(self)
            self.number_choice.setObjectName("callbackNumber")
            self.number_choice.setEditable(True)
            self.number_choice.addItems(shown)
            number: QWidget = self.number_choice
        else:
            self.number_field = QLineEdit(shown[0] if shown else "", self)
            self.number_field.setObjectName("callbackNumber")
            self.number_field.setPlaceholderText(self.tr("+380 50 123 45 67"))
            number = self.number_field

        self.use_window = QCheckBox(self.tr("Only within this time"), self)
        self.use_window.setObjectName("callbackUseWindow")
        start = next_half_hour(datetime.now(self.shop_zone))
        self.window_from = self._time_edit("callbackFrom", start)
        self.window_to = self._time_edit("callbackTo", start + timedelta(hours=2))
        window_row = QHBoxLayout()
        window_row.addWidget(self.window_from)
        window_row.addWidget(plain_label(self, self.tr("to")))
        window_row.addWidget(self.window_to)
        window_row.addStretch(1)
        zone_note = plain_label(
            self, self.tr("Shop time (%1)").replace("%1", core.settings.shop_timezone)
        )
        zone_note.setStyleSheet("color: palette(mid);")
        self.use_window.toggled.connect(self._sync)

        self.priority = QComboBox(self)
        self.priority.setObjectName("callbackPriority")
        self.priority.addItem(self.tr("Normal"), 0)
        self.priority.addItem(self.tr("High"), 1)
        self.priority.addItem(self.tr("Urgent"), 2)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("callbackComment")
        self.comment.setPlaceholderText(self.tr("What the customer wants, what to prepare"))
        self.comment.setMaximumHeight(90)
        self.error = error_label(self, "callbackRequestError")

        form = QFormLayout()
        if customer_name:
            form.addRow(self.tr("Customer:"), plain_label(self, customer_name))
        form.addRow(self.tr("Number:"), number)
        form.addRow(self.tr("Preferred time:"), self.use_window)
        form.addRow("", window_row)
        form.addRow("", zone_note)
        form.addRow(self.tr("Priority:"), self.priority)
        form.addRow(self.tr("Comment:"), self.comment)
        self.buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._sync()
        self.resize(max(440, self.sizeHint().width()), self.sizeHint().height())

    def _time_edit(self, name: str, value: datetime) -> QDateTimeEdit:
        edit = QDateTimeEdit(to_qt(value), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(TIME_FORMAT)
        return edit

    def _sync(self) -> None:
        on = self.use_window.isChecked()
        self.window_from.setEnabled(on)
        self.window_to.setEnabled(on)

    # --- reading the fields ------------------------------------------------------------

    def number(self) -> str:
        if self.number_choice is not None:
            return self.number_choice.currentText().strip()
        assert self.number_field is not None
        return self.number_field.text().strip()

    def shop_time(self, edit: QDateTimeEdit) -> datetime:
        """The edit's wall-clock time in the shop's zone."""
        value = edit.dateTime()
        day, time = value.date(), value.time()
        return datetime(
            day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=self.shop_zone
        )

    def preferred_window(self) -> tuple[datetime | None, datetime | None]:
        if not self.use_window.isChecked():
            return None, None
        return self.shop_time(self.window_from), self.shop_time(self.window_to)

    # --- saving ----------------------------------------------------------------------

    def save(self) -> None:
        phone = self.number()
        if not phone:
            self.show_error(self.tr("Type the number to call back."))
            return
        start, end = self.preferred_window()
        if start is not None and end is not None:
            if end <= start:
                self.show_error(self.tr("The preferred time ends before it starts."))
                return
            if end <= datetime.now(self.shop_zone):
                self.show_error(
                    self.tr("The preferred time is already over: choose one that ends later.")
                )
                return
        request = ManualRequest(
            phone=phone,
            customer_id=self.customer_id,
            name=self.customer_name,
            comment=self.comment.toPlainText().strip(),
            priority=int(self.priority.currentData()),
            preferred_from=start,
            preferred_to=end,
            operator=self.core.settings.operator_name.strip(),
            conversation_id=self.conversation_id,
        )
        core = self.core
        self.buttons.setEnabled(False)
        self.error.hide()
        self.tasks.run(lambda: submit(core, request), self._saved, self._failed, owner=self)

    def _saved(self, row: CallbackRequest) -> None:
        assert row.id is not None
        self.requested.emit(row.id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.show_error(self.tr("Not saved: %1").replace("%1", error_text(exc)))

    def show_error(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(text)
        self.error.show()

"""The settings dialog's Callbacks page: the callback policy (issue 21, item 5a).

The shop's time zone, its shifts per weekday, its holidays, the SLA, the retry
schedule and how long a taken request stays its operator's. Everything is typed
as text, one line per weekday ("09:00-13:00, 14:00-18:00"; empty: closed), so
the page is used from the keyboard alone. A line under the fields says when the
shop opens next by what is typed (in the shop's zone), or why what is typed
can't be used, as the operator types and once a minute.

The checks are the core's own (app/working_hours.py): the page only names the
field a message is about. ``check`` runs before the dialog saves; the dialog
then puts the new policy into the running core (ui/settings/settings_dialog.py).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import zoneinfo
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLineEdit,
    QSpacerItem,
    QSpinBox,
    QWidget,
)

from app.settings import Settings
from app.working_hours import RetryStep, ScheduleError, WorkingHours, parse_shift, zone
from ui.common.core_text import error_text
from ui.common.dialog_parts import ERROR_COLOR
from ui.common.plain_text import plain_label

# The Settings fields this page edits.
FIELDS = (
    "shop_timezone",
    "working_hours",
    "holidays",
    "callback_sla_minutes",
    "callback_retry_schedule",
    "callback_claim_minutes",
)
# As Settings' own checks allow (app/settings.py: _check_sla, _check_claim).
SLA_MINUTES = (1, 7 * 24 * 60)
CLAIM_MINUTES = (1, 24 * 60)
REFRESH_MS = 60_000  # "in 2 h 10 min" counts minutes
# Holidays are dates: any of these separate them. Shifts and retry steps hold
# spaces of their own ("09:00 - 13:00", "15 m"), so only commas part those.
_DATE_SEPARATORS = re.compile(r"[\s,;]+")

T = TypeVar("T")


class PolicyInputError(ValueError):
    """What is typed on the page can't be used; the message (already in the
    operator's language) names the field, ``field`` is where to fix it."""

    def __init__(self, message: str, field: QWidget) -> None:
        super().__init__(message)
        self.field = field


@functools.cache
def time_zone_names() -> list[str]:
    """The zones this computer knows, sorted (~40 ms to list: read once)."""
    return sorted(zoneinfo.available_timezones())


def comma_items(text: str) -> list[str]:
    """ "09:00-13:00, 14:00-18:00" -> ["09:00-13:00", "14:00-18:00"]; "" -> []."""
    return [item.strip() for item in text.split(",") if item.strip()]


def date_items(text: str) -> list[str]:
    """Dates separated by commas or spaces, each written as 2026-01-01 when it
    is a date (Python also reads 20260101); what is not a date stays as typed,
    for the check to name."""
    items = [item for item in _DATE_SEPARATORS.split(text) if item]
    return [_iso_date(item) for item in items]


def _iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return text


class CallbackPolicyPage(QWidget):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callbackPolicyPage")
        self.now = now  # the clock the next opening is counted from (tests fix it)
        self.weekday_names = (
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        )
        self.weekday_short = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        self.zone_name = self.tr("Shop time zone")
        self.holidays_name = self.tr("Holidays")
        self.retry_name = self.tr("Retry schedule")

        # Made in the order they are shown: the tab order follows it.
        self.timezone = self._zone_combo(settings.shop_timezone)
        self.days: list[QLineEdit] = []
        for day in range(7):
            edit = QLineEdit(", ".join(settings.working_hours.get(str(day), [])), self)
            edit.setObjectName(f"shifts{day}")
            edit.setPlaceholderText(self.tr("closed"))
            edit.setToolTip(
                self.tr(
                    "Shifts separated by commas, e.g. 09:00-13:00, 14:00-18:00. A shift may "
                    "end after midnight (22:00-02:00). Empty: closed all day."
                )
            )
            self.days.append(edit)
        self.holidays = QLineEdit(", ".join(settings.holidays), self)
        self.holidays.setObjectName("holidays")
        self.holidays.setPlaceholderText(self.tr("e.g. 2026-01-01, 2026-01-07"))
        self.holidays.setToolTip(
            self.tr("Days the shop is closed, as 2026-12-25, separated by commas or spaces.")
        )
        self.sla = self._minutes_box("callbackSla", SLA_MINUTES, settings.callback_sla_minutes)
        self.sla.setToolTip(
            self.tr(
                "Working time from a request to its first call. Only open hours count: "
                "15 minutes asked at 17:55 on a Friday, with the shop closing at 18:00, "
                "end at 09:10 on Monday."
            )
        )
        self.retry = QLineEdit(", ".join(settings.callback_retry_schedule), self)
        self.retry.setObjectName("retrySchedule")
        self.retry.setPlaceholderText(self.tr("none: one call only"))
        self.retry.setToolTip(
            self.tr(
                "The waits after each call that did not reach the customer: 15m, 1h, 2d, "
                "or next_day (the next working day's opening). After the last one, a "
                "message is proposed instead."
            )
        )
        self.claim = self._minutes_box(
            "callbackClaim", CLAIM_MINUTES, settings.callback_claim_minutes
        )
        self.claim.setToolTip(
            self.tr(
                "How long a request you took stays yours before a colleague may take it; "
                "a call in progress keeps it."
            )
        )
        width = max(self.sla.sizeHint().width(), self.claim.sizeHint().width())
        for box in (self.sla, self.claim):
            box.setFixedWidth(width)  # the two numbers of minutes one under the other
        self.next_opening = plain_label(self)  # it may quote what was typed
        self.next_opening.setObjectName("nextOpening")
        self.next_opening.setWordWrap(True)
        hint = plain_label(
            self,
            self.tr(
                "Changes apply when you save, to new requests and the next retries; "
                "requests already in the queue keep their deadlines."
            ),
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")

        form = QFormLayout(self)
        form.addRow(self._label(self.zone_name), self.timezone)
        for name, edit in zip(self.weekday_names, self.days, strict=True):
            form.addRow(self._label(name), edit)
        form.addRow(self._label(self.holidays_name), self.holidays)
        form.addItem(QSpacerItem(0, 8))  # the hours above, the queue's rules below
        form.addRow(self.tr("Call back within (SLA):"), self.sla)
        form.addRow(self._label(self.retry_name), self.retry)
        form.addRow(self.tr("A taken request stays yours for:"), self.claim)
        form.addRow(self.next_opening)
        form.addRow(hint)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.update_next_opening)
        self.timezone.editTextChanged.connect(self.update_next_opening)
        for edit in (*self.days, self.holidays):
            edit.textChanged.connect(self.update_next_opening)
        self.update_next_opening()

    def _label(self, name: str) -> str:
        return self.tr("%1:").replace("%1", name)

    def _zone_combo(self, current: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("shopTimezone")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Enter adds no zone
        names = time_zone_names()
        combo.addItems(names)
        # "kyiv" finds Europe/Kyiv: the part after the slash is what people type.
        completer = QCompleter(names, combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        combo.setCompleter(completer)
        # A zone this computer doesn't know (a hand edit) is shown as it is, for
        # the check to say so, rather than silently swapped for the first one.
        combo.setCurrentText(current)
        return combo

    def _minutes_box(self, name: str, limits: tuple[int, int], value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(*limits)
        box.setSuffix(self.tr(" min"))
        box.setValue(value)
        return box

    # --- what the dialog saves ---------------------------------------------------------

    def edited(self, settings: Settings) -> Settings:
        """``settings`` with this page's choices, as typed (``check`` says
        whether they can be used; the dialog saves the result)."""
        return dataclasses.replace(
            settings,
            shop_timezone=self.timezone.currentText().strip(),
            working_hours={str(day): comma_items(self.days[day].text()) for day in range(7)},
            holidays=date_items(self.holidays.text()),
            callback_sla_minutes=self.sla.value(),
            callback_retry_schedule=comma_items(self.retry.text()),
            callback_claim_minutes=self.claim.value(),
        )

    def check(self) -> None:
        """PolicyInputError naming the first field that can't be used; before
        the dialog saves anything."""
        hours = self.working_hours()
        steps = comma_items(self.retry.text())
        self._checked(self.retry_name, self.retry, lambda: [RetryStep(step) for step in steps])
        self._opening(hours, self.now())

    def working_hours(self) -> WorkingHours:
        """The schedule as typed; PolicyInputError naming the field that is wrong."""
        timezone = self.timezone.currentText().strip()
        self._checked(self.zone_name, self.timezone, lambda: zone(timezone))
        week = {day: self._shifts(day) for day in range(7)}
        holidays = date_items(self.holidays.text())
        # The zone and shifts are checked: only a holiday can fail here.
        return self._checked(
            self.holidays_name,
            self.holidays,
            lambda: WorkingHours.from_text(timezone, week, holidays),
        )

    def _shifts(self, day: int) -> list[str]:
        """The weekday's shifts as typed; PolicyInputError naming the day."""
        edit = self.days[day]
        shifts = comma_items(edit.text())
        self._checked(self.weekday_names[day], edit, lambda: [parse_shift(s) for s in shifts])
        return shifts

    def _opening(self, hours: WorkingHours, now: datetime) -> datetime:
        """The next opening from ``now``; PolicyInputError when there is none (every
        day closed, or holidays over all the open days): every request's
        deadline would fail. The message names the working hours itself."""
        try:
            return hours.next_open(now)
        except ScheduleError as exc:
            raise PolicyInputError(error_text(exc), self.days[0]) from exc

    def _checked(self, name: str, field: QWidget, check: Callable[[], T]) -> T:
        try:
            return check()
        except ScheduleError as exc:
            # %1 first: the message may quote what was typed, "%1" included.
            message = self.tr("%1: %2").replace("%1", name).replace("%2", error_text(exc))
            raise PolicyInputError(message, field) from exc

    # --- the next opening --------------------------------------------------------------

    def update_next_opening(self) -> None:
        now = self.now()
        try:
            hours = self.working_hours()
            text, style = self.opening_text(hours, self._opening(hours, now), now), ""
        except PolicyInputError as exc:
            text, style = str(exc), f"color: {ERROR_COLOR};"
        self.next_opening.setText(text)
        self.next_opening.setStyleSheet(style)

    def opening_text(self, hours: WorkingHours, opening: datetime, now: datetime) -> str:
        """ "Next opening: Mon 09:00 (in 2 h 10 min)", in the shop's zone; the
        date too when it is a week or more away (holidays), where a weekday
        alone would be read as this week's."""
        if opening <= now:
            return self.tr("Open now.")
        local = opening.astimezone(hours.tz)
        day = self.weekday_short[local.weekday()]
        if opening - now >= timedelta(days=6):
            day = f"{day} {local.date().isoformat()}"
        shown = f"{day} {local:%H:%M}"
        return (
            self.tr("Next opening: %1 (%2)")
            .replace("%1", shown)
            .replace("%2", self.tr("in %1").replace("%1", self.duration_text(opening - now)))
        )

    def duration_text(self, wait: timedelta) -> str:
        """ "2 h 10 min", "45 min", "3 d 4 h": minutes rounded up (a wait of 30
        seconds is "1 min", never "0 min"); minutes left out beyond a day."""
        minutes = math.ceil(wait.total_seconds() / 60)
        days, minutes = divmod(minutes, 24 * 60)
        hours, minutes = divmod(minutes, 60)
        parts = []
        if days:
            parts.append(self.tr("%1 d").replace("%1", str(days)))
        if hours:
            parts.append(self.tr("%1 h").replace("%1", str(hours)))
        if minutes and not days:
            parts.append(self.tr("%1 min").replace("%1", str(minutes)))
        return " ".join(parts)

    # The minute timer runs while the page is on screen; showing it again
    # brings the line up to date at once.

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.update_next_opening()
        self.refresh_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.refresh_timer.stop()
        super().hideEvent(event)

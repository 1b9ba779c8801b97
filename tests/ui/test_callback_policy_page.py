"""Settings > Callbacks (issue 21, item 5a): the callback policy typed in the
window, refused with a message naming the field (and nothing saved) when it
can't be used, saved to config.json and used by the running core at once; the
next opening said as it is typed, by a clock the test sets."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from app.core import Core
from app.models import CallbackSource
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings
from ui.common.tasks import TaskRunner
from ui.settings.callback_policy_page import CallbackPolicyPage
from ui.settings.settings_dialog import SettingsDialog

KYIV = ZoneInfo("Europe/Kyiv")
# Every day round the clock, through a shift that crosses midnight: a request's
# SLA deadline is then its time plus the SLA, whenever the test runs.
ROUND_THE_CLOCK = "09:00-18:00, 18:00-09:00"
PHONE = "+380501234567"


class Clock:
    """A clock the test moves."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def kyiv(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=KYIV).astimezone(UTC)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    made = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    made.ensure()
    return made


@pytest.fixture
def dialog(qtbot: Any, paths: AppPaths) -> Iterator[SettingsDialog]:
    """The dialog over a real core on a fresh profile, config.json as a first
    save left it."""
    core = Core.open(paths, Settings(operator_name="Iryna"), SecretStore(MemoryKeyring()))
    core.settings.save(paths.config_file)
    tasks = TaskRunner()
    made = SettingsDialog(core, tasks)
    qtbot.addWidget(made)
    try:
        yield made
    finally:
        made.close()
        tasks.shutdown()
        core.close()


def page_over(qtbot: Any, settings: Settings, clock: Clock) -> CallbackPolicyPage:
    page = CallbackPolicyPage(settings, now=clock)
    qtbot.addWidget(page)
    return page


def only(page: CallbackPolicyPage, shifts: dict[int, str]) -> None:
    """These weekdays' shifts, the other days closed."""
    for day, edit in enumerate(page.days):
        edit.setText(shifts.get(day, ""))


def save(qtbot: Any, dialog: SettingsDialog) -> None:
    with qtbot.waitSignal(dialog.settingsSaved, timeout=10_000):
        dialog.save()


# --- refused --------------------------------------------------------------------------


def _monday(page: CallbackPolicyPage, text: str) -> None:
    page.days[0].setText(text)


def _holidays(page: CallbackPolicyPage, text: str) -> None:
    page.holidays.setText(text)


def _retry(page: CallbackPolicyPage, text: str) -> None:
    page.retry.setText(text)


def _zone(page: CallbackPolicyPage, text: str) -> None:
    page.timezone.setEditText(text)


def _all_closed(page: CallbackPolicyPage, _: str) -> None:
    only(page, {})


REFUSED = [
    (_monday, "25:00-26:00", "Monday: '25:00-26:00' is not a shift like 09:00-18:00."),
    (_holidays, "2026-13-01", "Holidays: The holiday '2026-13-01' is not a date like 2026-01-01."),
    (_holidays, "2026-12-25 tomorrow", "Holidays: The holiday 'tomorrow' is not a date like"),
    (_retry, "15m, -5m", "Retry schedule: Retry step '-5m' is not like 15m, 1h, 2d or next_day."),
    (_zone, "Mars/Olympus", "Shop time zone: Unknown time zone 'Mars/Olympus'."),
    (_all_closed, "", "The working hours have no open time in the coming year."),
]
# Where the dialog puts the cursor for each, to fix it.
FIELD_OF = {
    _monday: lambda page: page.days[0],
    _holidays: lambda page: page.holidays,
    _retry: lambda page: page.retry,
    _zone: lambda page: page.timezone,
    _all_closed: lambda page: page.days[0],
}


@pytest.mark.parametrize(
    ("enter", "text", "message"), REFUSED, ids=["hour", "date", "word", "retry", "zone", "closed"]
)
def test_what_cant_be_used_is_refused_naming_the_field_and_nothing_is_saved(
    qtbot: Any, paths: AppPaths, dialog: SettingsDialog, enter: Any, text: str, message: str
) -> None:
    core, page = dialog.core, dialog.callback_policy
    qtbot.waitUntil(lambda: dialog.tasks.pending == 0)  # the dialog's own loading
    before = paths.config_file.read_bytes()
    policy, settings = core.callbacks.policy, dataclasses.asdict(core.settings)
    dialog.operator.setText("Olena")  # a good change elsewhere: not saved either
    enter(page, text)
    dialog.tabs.setCurrentIndex(1)  # Save pressed on the General tab
    dialog.save()
    assert dialog.tabs.currentWidget() is page
    assert dialog.focusWidget() is FIELD_OF[enter](page)
    assert dialog.status.text().startswith("Not saved: ")
    assert message in dialog.status.text()
    if enter is not _retry:  # the line is about the hours; the retry steps don't change them
        assert message in page.next_opening.text()
    assert dialog.tasks.pending == 0  # refused before anything was started
    assert paths.config_file.read_bytes() == before
    assert core.callbacks.policy is policy
    assert dataclasses.asdict(core.settings) == settings


def test_the_live_line_says_why_what_is_typed_cant_be_used(qtbot: Any) -> None:
    page = page_over(qtbot, Settings(), Clock(kyiv("2026-03-09T06:50")))
    assert page.next_opening.text() == "Next opening: Mon 09:00 (in 2 h 10 min)"
    page.days[0].setText("25:00-26:00")
    assert page.next_opening.text() == "Monday: '25:00-26:00' is not a shift like 09:00-18:00."
    page.days[0].setText("09:00-18:00")
    page.holidays.setText("tomorrow")
    assert page.next_opening.text().startswith("Holidays: The holiday 'tomorrow'")
    page.holidays.clear()
    only(page, {})
    assert page.next_opening.text() == "The working hours have no open time in the coming year."
    page.days[4].setText("10:00-11:00")  # Friday
    assert page.next_opening.text() == "Next opening: Fri 10:00 (in 4 d 3 h)"


# --- saved and used at once -----------------------------------------------------------


def test_a_good_policy_is_saved_and_the_running_core_uses_it_at_once(
    qtbot: Any, paths: AppPaths, dialog: SettingsDialog
) -> None:
    core, page = dialog.core, dialog.callback_policy
    earlier = core.callbacks.request(PHONE, CallbackSource.MANUAL)  # under the old policy
    page.timezone.setEditText("Asia/Almaty")
    for edit in page.days:
        edit.setText(ROUND_THE_CLOCK)
    page.holidays.setText("2020-12-25 2021-01-01,20210107")
    page.sla.setValue(45)
    page.retry.setText(" 30m , next_day ")
    page.claim.setValue(20)
    save(qtbot, dialog)
    assert dialog.status.text() == "Settings saved."

    saved = json.loads(paths.config_file.read_text(encoding="utf-8"))
    assert saved["shop_timezone"] == "Asia/Almaty"
    assert saved["working_hours"] == {str(d): ["09:00-18:00", "18:00-09:00"] for d in range(7)}
    assert saved["holidays"] == ["2020-12-25", "2021-01-01", "2021-01-07"]
    assert saved["callback_sla_minutes"] == 45
    assert saved["callback_retry_schedule"] == ["30m", "next_day"]
    assert saved["callback_claim_minutes"] == 20
    assert saved["operator_name"] == "Iryna"  # the rest as it was
    assert Settings.load(paths.config_file).working_hours == saved["working_hours"]

    policy = core.callbacks.policy
    assert core.settings.shop_timezone == policy.hours.timezone == "Asia/Almaty"
    assert policy.sla == timedelta(minutes=45) and policy.claim_ttl == timedelta(minutes=20)
    assert [step.text for step in policy.retry_schedule] == ["30m", "next_day"]
    assert policy.max_attempts == 3
    later = core.callbacks.request("+380671234567", CallbackSource.MANUAL)
    assert later.sla_deadline - later.requested_at == timedelta(minutes=45)
    assert later.due_at == later.requested_at  # open round the clock
    # What was stored before keeps the deadline it was given.
    assert earlier.id is not None
    assert core.callbacks.get(earlier.id).sla_deadline == earlier.sla_deadline

    again = SettingsDialog(core, dialog.tasks)
    qtbot.addWidget(again)
    shown = again.callback_policy
    assert shown.timezone.currentText() == "Asia/Almaty"
    assert [edit.text() for edit in shown.days] == [ROUND_THE_CLOCK] * 7
    assert shown.holidays.text() == "2020-12-25, 2021-01-01, 2021-01-07"
    assert (shown.sla.value(), shown.retry.text(), shown.claim.value()) == (
        45,
        "30m, next_day",
        20,
    )


def test_a_weekday_left_empty_is_closed_and_a_night_shift_is_saved(
    qtbot: Any, paths: AppPaths, dialog: SettingsDialog
) -> None:
    page = dialog.callback_policy
    only(page, {0: "18:00-09:00"})
    save(qtbot, dialog)
    saved = json.loads(paths.config_file.read_text(encoding="utf-8"))
    assert saved["working_hours"] == {"0": ["18:00-09:00"], **{str(d): [] for d in range(1, 7)}}
    hours = dialog.core.callbacks.policy.hours
    assert hours.week[0] and not any(hours.week[d] for d in range(1, 7))
    # Tuesday 03:00 is still Monday's night; Tuesday 10:00 waits for next Monday.
    assert hours.is_open(kyiv("2026-03-10T03:00"))
    assert hours.next_open(kyiv("2026-03-10T10:00")) == kyiv("2026-03-16T18:00")


# --- the next opening -----------------------------------------------------------------


def test_the_next_opening_is_said_in_the_shops_zone_for_a_night_shift(qtbot: Any) -> None:
    clock = Clock(kyiv("2026-03-09T10:00"))  # a Monday
    page = page_over(qtbot, Settings(), clock)
    only(page, {0: "18:00-09:00"})
    assert page.next_opening.text() == "Next opening: Mon 18:00 (in 8 h)"
    clock.at = kyiv("2026-03-10T03:00")  # Monday's night shift goes on
    page.update_next_opening()
    assert page.next_opening.text() == "Open now."
    clock.at = kyiv("2026-03-10T09:00")  # it ended: next Monday, a week less 15 h away
    page.update_next_opening()
    assert page.next_opening.text() == "Next opening: Mon 2026-03-16 18:00 (in 6 d 9 h)"

    # The same clock, a shop in New York: its own 09:00 (13:00 UTC, EDT).
    clock.at = datetime(2026, 3, 9, 12, 0, 30, tzinfo=UTC)
    page.timezone.setEditText("America/New_York")
    page.days[0].setText("09:00-18:00")
    assert page.next_opening.text() == "Next opening: Mon 09:00 (in 1 h)"  # 59.5 min: rounded up


def test_the_line_follows_the_clock_while_the_page_is_shown(qtbot: Any) -> None:
    clock = Clock(kyiv("2026-03-09T08:00"))
    page = page_over(qtbot, Settings(), clock)
    assert page.next_opening.text() == "Next opening: Mon 09:00 (in 1 h)"
    assert page.refresh_timer.interval() == 60_000 and not page.refresh_timer.isActive()
    page.show()
    assert page.refresh_timer.isActive()
    page.refresh_timer.setInterval(10)  # the minute, shortened for the test
    clock.at = kyiv("2026-03-09T08:59:10")
    qtbot.waitUntil(lambda: page.next_opening.text() == "Next opening: Mon 09:00 (in 1 min)")
    page.hide()
    assert not page.refresh_timer.isActive()


# --- the keyboard ---------------------------------------------------------------------


def test_every_field_has_its_label_and_tab_goes_down_the_page(qtbot: Any) -> None:
    page = page_over(qtbot, Settings(), Clock(kyiv("2026-03-09T08:00")))
    fields: list[QWidget] = [
        page.timezone,
        *page.days,
        page.holidays,
        page.sla,
        page.retry,
        page.claim,
    ]
    form = page.layout()
    assert isinstance(form, QFormLayout)
    labels = []
    for field in fields:
        label = form.labelForField(field)
        assert isinstance(label, QLabel) and label.buddy() is field
        labels.append(label.text())
    assert labels[:9] == [
        "Shop time zone:",
        "Monday:",
        "Tuesday:",
        "Wednesday:",
        "Thursday:",
        "Friday:",
        "Saturday:",
        "Sunday:",
        "Holidays:",
    ]
    order: list[QWidget] = []
    widget = page.timezone.nextInFocusChain()
    while widget is not page.timezone and len(order) < 100:
        if widget in fields:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == fields[1:]

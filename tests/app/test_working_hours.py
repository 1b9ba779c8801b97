"""Working hours: weekends, holidays, shifts across midnight, DST changes."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from app.working_hours import ScheduleError, WorkingHours

KYIV = "Europe/Kyiv"
SHOP = WorkingHours.from_text(KYIV, {d: ["09:00-18:00"] for d in range(5)}, ["2026-12-25"])


def kyiv(*args: int) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime(*args, tzinfo=ZoneInfo(KYIV)).astimezone(UTC)  # type: ignore[misc]


def test_open_and_next_open_on_a_weekday() -> None:
    assert SHOP.is_open(kyiv(2026, 11, 23, 10, 0))  # Monday
    assert not SHOP.is_open(kyiv(2026, 11, 23, 18, 0))  # closing time is closed
    assert SHOP.next_open(kyiv(2026, 11, 23, 7, 30)) == kyiv(2026, 11, 23, 9, 0)
    assert SHOP.next_open(kyiv(2026, 11, 23, 19, 0)) == kyiv(2026, 11, 24, 9, 0)


def test_friday_evening_and_weekend_go_to_monday() -> None:
    assert SHOP.next_open(kyiv(2026, 11, 27, 18, 30)) == kyiv(2026, 11, 30, 9, 0)
    assert SHOP.next_open(kyiv(2026, 11, 29, 12, 0)) == kyiv(2026, 11, 30, 9, 0)
    # 15 working minutes from 17:55 Friday: 5 on Friday, 10 on Monday
    assert SHOP.add_working_time(kyiv(2026, 11, 27, 17, 55), timedelta(minutes=15)) == kyiv(
        2026, 11, 30, 9, 10
    )


def test_holidays_are_closed() -> None:
    assert SHOP.next_open(kyiv(2026, 12, 24, 18, 0)) == kyiv(2026, 12, 28, 9, 0)


def test_shift_across_midnight() -> None:
    night = WorkingHours(KYIV, {d: ((time(22), time(2)),) for d in range(7)})
    assert night.is_open(kyiv(2026, 11, 24, 1, 0))  # Monday's shift, Tuesday 01:00
    assert night.next_open(kyiv(2026, 11, 24, 3, 0)) == kyiv(2026, 11, 24, 22, 0)
    assert night.add_working_time(kyiv(2026, 11, 24, 1, 30), timedelta(hours=1)) == kyiv(
        2026, 11, 24, 22, 30
    )
    assert night.working_time_between(kyiv(2026, 11, 24, 0, 0), kyiv(2026, 11, 25, 0, 0)) == (
        timedelta(hours=4)
    )


def test_dst_change_keeps_local_opening_times() -> None:
    # Kyiv moves to summer time on 2026-03-29: 09:00 local is 07:00 UTC before, 06:00 after.
    every_day = WorkingHours(KYIV, {d: ((time(9), time(18)),) for d in range(7)})
    assert every_day.next_open(kyiv(2026, 3, 28, 20, 0)) == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)
    assert every_day.next_open(datetime(2026, 3, 27, 20, 0, tzinfo=UTC)) == datetime(
        2026, 3, 28, 7, 0, tzinfo=UTC
    )
    # a night shift over the spring-forward hour is one hour shorter in real time
    night = WorkingHours(KYIV, {5: ((time(22), time(6)),)})  # Saturday 22:00 -> Sunday 06:00
    assert night.working_time_between(kyiv(2026, 3, 28, 0, 0), kyiv(2026, 3, 30, 0, 0)) == (
        timedelta(hours=7)
    )


def test_next_working_day() -> None:
    assert SHOP.next_day_opening(kyiv(2026, 11, 23, 8, 0)) == kyiv(2026, 11, 24, 9, 0)
    assert SHOP.next_day_opening(kyiv(2026, 11, 27, 10, 0)) == kyiv(2026, 11, 30, 9, 0)


@pytest.mark.parametrize(
    ("zone", "week", "holidays", "message"),
    [
        ("Mars/Olympus", {0: ["09:00-18:00"]}, [], "Unknown time zone"),
        (KYIV, {0: ["9 to 6"]}, [], "not a shift"),
        (KYIV, {0: ["09:00-09:00"]}, [], "same time"),
        (KYIV, {7: ["09:00-18:00"]}, [], "Weekday 7"),
        (KYIV, {0: ["09:00-18:00"]}, ["25.12.2026"], "not a date"),
    ],
)
def test_bad_schedules_are_refused(zone: str, week: dict, holidays: list, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        WorkingHours.from_text(zone, week, holidays)


def test_a_schedule_with_no_open_time_says_so() -> None:
    closed = WorkingHours(KYIV, {}, frozenset({date(2026, 1, 1)}))
    with pytest.raises(ScheduleError, match="no open time"):
        closed.next_open(kyiv(2026, 11, 23, 10, 0))

"""The shop's working hours, in the shop's time zone.

Callbacks are due "as soon as possible within working hours" and SLA deadlines
count working time only ("15 minutes" asked at 17:55 on a Friday of a shop closing
at 18:00 ends at 09:10 on Monday). Shifts may cross midnight (a night desk from
22:00 to 02:00) and days around a DST change are computed in local time, then
converted, so an interval is never an hour off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.messages import QT_TRANSLATE_NOOP, OperatorError

Shift = tuple[time, time]  # end <= start means the shift ends the next day

# How far ahead to look for an open moment before deciding there is none
# (a schedule with no shifts at all, or holidays covering everything).
_SEARCH_DAYS = 400
_STEP_RE = re.compile(r"^\s*(\d+)\s*([mhd])\s*$")


class ScheduleError(OperatorError, ValueError):
    """A schedule that can't be used, or no open time in it; the message says why."""


_NO_OPEN_TIME = QT_TRANSLATE_NOOP("core", "The working hours have no open time in the coming year.")


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ScheduleError(
            QT_TRANSLATE_NOOP("core", "Unknown time zone {name!r}."), name=name
        ) from exc


def parse_shift(text: str) -> Shift:
    """ "09:00-18:00" -> (09:00, 18:00)."""
    try:
        start_s, end_s = (part.strip() for part in text.split("-"))
        start, end = time.fromisoformat(start_s), time.fromisoformat(end_s)
    except ValueError as exc:
        raise ScheduleError(
            QT_TRANSLATE_NOOP("core", "{text!r} is not a shift like 09:00-18:00."), text=text
        ) from exc
    if start == end:
        raise ScheduleError(
            QT_TRANSLATE_NOOP("core", "The shift {text!r} starts and ends at the same time."),
            text=text,
        )
    return start, end


@dataclass(frozen=True)
class WorkingHours:
    timezone: str = "Europe/Kyiv"
    # weekday (Monday = 0) -> shifts
    week: Mapping[int, tuple[Shift, ...]] = field(
        default_factory=lambda: {d: ((time(9), time(18)),) for d in range(5)}
    )
    holidays: frozenset[date] = frozenset()

    @classmethod
    def from_text(
        cls, timezone: str, week: Mapping[int, Iterable[str]], holidays: Iterable[str] = ()
    ) -> WorkingHours:
        """From what a settings page holds: {0: ["09:00-13:00", "14:00-18:00"], ...}."""
        zone(timezone)
        parsed = {}
        for day, shifts in week.items():
            if not 0 <= int(day) <= 6:
                raise ScheduleError(
                    QT_TRANSLATE_NOOP("core", "Weekday {day} is not 0 (Monday) to 6 (Sunday)."),
                    day=day,
                )
            parsed[int(day)] = tuple(parse_shift(s) for s in shifts)
        days_off: set[date] = set()
        for d in holidays:
            try:
                days_off.add(date.fromisoformat(d))
            except ValueError as exc:
                raise ScheduleError(
                    QT_TRANSLATE_NOOP(
                        "core", "The holiday {value!r} is not a date like 2026-01-01."
                    ),
                    value=d,
                ) from exc
        return cls(timezone, parsed, frozenset(days_off))

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.timezone)

    def intervals(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Open intervals in UTC, in order, from the one containing ``start`` on."""
        tz = self.tz
        day = start.astimezone(tz).date() - timedelta(days=1)  # yesterday's night shift
        for _ in range(_SEARCH_DAYS):
            if day not in self.holidays:
                for open_t, close_t in sorted(self.week.get(day.weekday(), ())):
                    close_day = day if close_t > open_t else day + timedelta(days=1)
                    begin = datetime.combine(day, open_t, tz).astimezone(UTC)
                    end = datetime.combine(close_day, close_t, tz).astimezone(UTC)
                    if end > start:
                        yield begin, end
            day += timedelta(days=1)

    def is_open(self, at: datetime) -> bool:
        return self.next_open(at) == at

    def next_open(self, at: datetime) -> datetime:
        """``at`` itself when open, else the next opening."""
        for begin, _end in self.intervals(at):
            return max(begin, at)
        raise ScheduleError(_NO_OPEN_TIME)

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The moment when ``amount`` of working time has passed since ``start``."""
        left, cursor = amount, start
        for begin, end in self.intervals(start):
            begin = max(begin, cursor)  # overlapping shifts count once
            if end <= begin:
                continue
            if begin + left <= end:
                return begin + left
            left -= end - begin
            cursor = end
        raise ScheduleError(_NO_OPEN_TIME)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        total, cursor = timedelta(), start
        for begin, close in self.intervals(start):
            if begin >= end or cursor >= end:
                break
            begin, close = max(begin, cursor), min(close, end)
            if close > begin:
                total += close - begin
                cursor = close
        return total

    def next_day_opening(self, at: datetime) -> datetime:
        """The first opening on a later local day than ``at`` ("next working day")."""
        tz = self.tz
        tomorrow = datetime.combine(at.astimezone(tz).date() + timedelta(days=1), time(0), tz)
        return self.next_open(tomorrow.astimezone(UTC))


@dataclass(frozen=True)
class RetryStep:
    """One step of the retry schedule: a delay ("15m", "1h", "2d") or "next_day"."""

    text: str

    def __post_init__(self) -> None:
        if self.text != "next_day" and not _STEP_RE.match(self.text):
            raise ScheduleError(
                QT_TRANSLATE_NOOP(
                    "core", "Retry step {step!r} is not like 15m, 1h, 2d or next_day."
                ),
                step=self.text,
            )

    def due_after(self, now: datetime, hours: WorkingHours) -> datetime:
        if self.text == "next_day":
            return hours.next_day_opening(now)
        match = _STEP_RE.match(self.text)
        assert match is not None
        amount, unit = int(match[1]), match[2]
        delta = {
            "m": timedelta(minutes=amount),
            "h": timedelta(hours=amount),
            "d": timedelta(days=amount),
        }[unit]
        return hours.next_open(now + delta)

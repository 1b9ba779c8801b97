"""The callback queue's tests' clock: Monday 10:00 in Kyiv (the shop's default
hours open), moved by the test. tests/app/conftest.py's ``clock`` fixture puts
it into the core's queue; ``queue`` is that queue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

KYIV = ZoneInfo("Europe/Kyiv")
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=KYIV).astimezone(UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)

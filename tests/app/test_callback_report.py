"""The callback report: exact figures from a scripted day."""

import csv
import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.callback_report import build_report, report_csv
from app.core import Core

KYIV = ZoneInfo("Europe/Kyiv")
MON_9 = datetime(2026, 11, 23, 9, 0, tzinfo=KYIV).astimezone(UTC)


class Clock:
    def __init__(self) -> None:
        self.now = MON_9

    def __call__(self) -> datetime:
        return self.now


def test_report_from_a_scripted_day(core: Core) -> None:
    clock = Clock()
    q = core.callbacks
    q.clock = clock
    a = q.request("0501000001", "web_form")  # 09:00
    b = q.request("0501000002", "manual")  # 09:00
    clock.now = MON_9 + timedelta(minutes=5)
    c = q.request("0501000003", "web_form")  # 09:05
    q.request("0501000004", "web_form")  # 09:05, nobody ever tries it

    clock.now = MON_9 + timedelta(minutes=10)  # anna: a after 10 min, reached
    q.claim(a.id, "anna")
    q.start_attempt(a.id, "anna")
    q.finish_attempt(a.id, "anna", "reached")
    clock.now = MON_9 + timedelta(minutes=20)  # ivan: b after 20 min (SLA 15 missed), no answer
    q.claim(b.id, "ivan")
    q.start_attempt(b.id, "ivan")
    q.finish_attempt(b.id, "ivan", "no_answer")
    clock.now = MON_9 + timedelta(minutes=35)  # b retried after 15 min by anna, reached
    q.claim(b.id, "anna")
    q.start_attempt(b.id, "anna")
    q.finish_attempt(b.id, "anna", "reached")
    clock.now = MON_9 + timedelta(minutes=11)  # ivan: c after 6 min, wrong number
    q.claim(c.id, "ivan")
    q.finish_attempt(c.id, "ivan", "wrong_number")

    clock.now = MON_9 + timedelta(hours=2)
    report = build_report(
        core.db, q.policy.hours, MON_9 - timedelta(hours=1), MON_9 + timedelta(hours=1), clock.now
    )
    all_ = report.overall
    assert (all_.requests, all_.attempted, all_.reached, all_.failed, all_.still_open) == (
        4,
        3,
        2,
        1,
        1,
    )
    assert all_.median_to_first_attempt_s == 600  # 10, 20, 6 min
    assert all_.median_to_reach_s == (600 + 2100) / 2
    assert (all_.within_sla, all_.sla_judged) == (2, 4)  # a, c in time; b late; d never tried
    assert all_.within_sla_share == 0.5
    assert all_.outcomes == {"reached": 2, "wrong_number": 1}
    anna, ivan = report.per_operator["anna"], report.per_operator["ivan"]
    assert (anna.requests, anna.reached, anna.outcomes) == (2, 2, {"reached": 2})
    assert (ivan.requests, ivan.outcomes) == (2, {"no_answer": 1, "wrong_number": 1})

    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert [r["operator"] for r in rows] == ["(all)", "anna", "ivan"]
    assert rows[0]["within_sla_share"] == "0.500"
    assert rows[0]["median_to_first_attempt_s"] == "600"
    assert rows[2]["outcome_no_answer"] == "1"


def test_waiting_overnight_counts_working_time_only(core: Core) -> None:
    clock = Clock()
    q = core.callbacks
    q.clock = clock
    clock.now = datetime(2026, 11, 23, 20, 0, tzinfo=KYIV).astimezone(UTC)  # after closing
    req = q.request("0501000001", "web_form")
    clock.now = datetime(2026, 11, 24, 9, 5, tzinfo=KYIV).astimezone(UTC)
    q.claim_next("anna")
    q.finish_attempt(req.id, "anna", "reached")
    report = build_report(core.db, q.policy.hours, MON_9, MON_9 + timedelta(days=2), clock.now)
    assert report.overall.median_to_first_attempt_s == 300
    assert report.overall.within_sla == 1


def test_empty_and_inverted_periods(core: Core) -> None:
    report = build_report(
        core.db, core.callbacks.policy.hours, MON_9, MON_9 + timedelta(days=1), MON_9
    )
    assert report.overall.requests == 0 and report.overall.within_sla_share is None
    assert report.per_operator == {}
    with pytest.raises(ValueError, match="ends before it starts"):
        build_report(core.db, core.callbacks.policy.hours, MON_9, MON_9, MON_9)

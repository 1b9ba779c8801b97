"""The figures a manager judges callbacks by: how fast, how often within SLA,
how they ended; for a period, for everyone and per operator.

Speeds are measured in working time (a request left at 20:00 and called at 09:05
next morning waited five minutes of the shop's time, not thirteen hours), which
is also how the SLA is counted.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import col, select

from app.db import Database
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import CallbackAttempt, CallbackRequest, CallbackStatus
from app.working_hours import WorkingHours


class ReportError(OperatorError, ValueError):
    """A report that can't be made as asked; the message says why."""


@dataclass(frozen=True)
class Figures:
    requests: int
    attempted: int
    reached: int
    failed: int
    still_open: int
    median_to_first_attempt_s: float | None
    p90_to_first_attempt_s: float | None
    median_to_reach_s: float | None
    p90_to_reach_s: float | None
    within_sla: int
    sla_judged: int  # requests whose SLA is decided: attempted, or past the deadline
    outcomes: dict[str, int] = field(default_factory=dict)

    @property
    def within_sla_share(self) -> float | None:
        return self.within_sla / self.sla_judged if self.sla_judged else None


@dataclass(frozen=True)
class CallbackReport:
    start: datetime
    end: datetime
    overall: Figures
    per_operator: dict[str, Figures]


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _figures(
    rows: list[CallbackRequest], hours: WorkingHours, now: datetime, outcomes: Counter[str]
) -> Figures:
    to_first: list[float] = []
    to_reach: list[float] = []
    within = judged = 0
    for r in rows:
        if r.first_attempt_at is not None:
            to_first.append(
                hours.working_time_between(r.requested_at, r.first_attempt_at).total_seconds()
            )
        if r.reached_at is not None:
            to_reach.append(
                hours.working_time_between(r.requested_at, r.reached_at).total_seconds()
            )
        if r.sla_deadline is not None:
            if r.first_attempt_at is not None:
                judged += 1
                within += r.first_attempt_at <= r.sla_deadline
            elif r.sla_deadline < now:
                judged += 1  # nobody tried in time: a miss, even if still open
    return Figures(
        requests=len(rows),
        attempted=sum(r.first_attempt_at is not None for r in rows),
        reached=sum(r.reached_at is not None for r in rows),
        failed=sum(r.status == CallbackStatus.FAILED.value for r in rows),
        still_open=sum(
            r.status in (CallbackStatus.OPEN.value, CallbackStatus.CLAIMED.value) for r in rows
        ),
        median_to_first_attempt_s=statistics.median(to_first) if to_first else None,
        p90_to_first_attempt_s=_percentile(to_first, 90),
        median_to_reach_s=statistics.median(to_reach) if to_reach else None,
        p90_to_reach_s=_percentile(to_reach, 90),
        within_sla=within,
        sla_judged=judged,
        outcomes=dict(sorted(outcomes.items())),
    )


def build_report(
    db: Database, hours: WorkingHours, start: datetime, end: datetime, now: datetime
) -> CallbackReport:
    """Requests made in [start, end). An operator's figures cover the requests
    they tried at least once; outcomes count their own attempts."""
    if end <= start:
        raise ReportError(QT_TRANSLATE_NOOP("core", "The report period ends before it starts."))
    with db.session() as s:
        rows = list(
            s.exec(
                select(CallbackRequest).where(
                    col(CallbackRequest.requested_at) >= start,
                    col(CallbackRequest.requested_at) < end,
                )
            )
        )
        ids = [r.id for r in rows]
        attempts = (
            list(s.exec(select(CallbackAttempt).where(col(CallbackAttempt.request_id).in_(ids))))
            if ids
            else []
        )
    by_id = {r.id: r for r in rows}
    per_operator_rows: dict[str, dict[int, CallbackRequest]] = defaultdict(dict)
    per_operator_outcomes: dict[str, Counter[str]] = defaultdict(Counter)
    for a in attempts:
        per_operator_rows[a.operator][a.request_id] = by_id[a.request_id]
        if a.outcome:
            per_operator_outcomes[a.operator][a.outcome] += 1
    overall_outcomes = Counter(r.outcome for r in rows if r.outcome)
    return CallbackReport(
        start=start,
        end=end,
        overall=_figures(rows, hours, now, overall_outcomes),
        per_operator={
            name: _figures(list(reqs.values()), hours, now, per_operator_outcomes[name])
            for name, reqs in sorted(per_operator_rows.items())
        },
    )


def _fmt(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds:.0f}"


def report_csv(report: CallbackReport) -> str:
    """One row per operator and one for everyone; times in seconds of working time."""
    out = io.StringIO()
    writer = csv.writer(out)
    outcome_names = sorted(
        {k for f in [report.overall, *report.per_operator.values()] for k in f.outcomes}
    )
    writer.writerow(
        [
            "operator",
            "requests",
            "attempted",
            "reached",
            "failed",
            "open",
            "median_to_first_attempt_s",
            "p90_to_first_attempt_s",
            "median_to_reach_s",
            "p90_to_reach_s",
            "within_sla",
            "sla_judged",
            "within_sla_share",
            *[f"outcome_{name}" for name in outcome_names],
        ]
    )
    for name, f in [("(all)", report.overall), *report.per_operator.items()]:
        share = f.within_sla_share
        writer.writerow(
            [
                name,
                f.requests,
                f.attempted,
                f.reached,
                f.failed,
                f.still_open,
                _fmt(f.median_to_first_attempt_s),
                _fmt(f.p90_to_first_attempt_s),
                _fmt(f.median_to_reach_s),
                _fmt(f.p90_to_reach_s),
                f.within_sla,
                f.sla_judged,
                "" if share is None else f"{share:.3f}",
                *[f.outcomes.get(n, 0) for n in outcome_names],
            ]
        )
    return out.getvalue()

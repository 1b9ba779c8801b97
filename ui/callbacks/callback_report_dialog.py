"""Callbacks > Callback report: the report view for a chosen period, read and
exported on the task worker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from app.callback_report import CallbackReport, build_report, report_csv
from app.core import Core
from app.working_hours import zone
from ui.callbacks.callback_report_view import CallbackReportView
from ui.common.core_text import error_text
from ui.common.plain_text import plain_label
from ui.common.tasks import TaskRunner

PERIODS = ("today", "7d", "30d")


def period_bounds(period: str, now: datetime, timezone: str) -> tuple[datetime, datetime]:
    """[start, end) in UTC; "today" is the shop's calendar day."""
    if period == "today":
        local = now.astimezone(zone(timezone))
        start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    else:
        start = now - timedelta(days=7 if period == "7d" else 30)
    return start.astimezone(UTC), now + timedelta(seconds=1)


class CallbackReportDialog(QDialog):
    def __init__(self, core: Core, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callbackReportDialog")
        self.setWindowTitle(self.tr("Callback report"))
        self.core = core
        self.tasks = tasks
        self.report: CallbackReport | None = None
        self._generation = 0
        self.period = QComboBox(self)
        self.period.setObjectName("reportPeriod")
        for key, label in zip(
            PERIODS,
            (self.tr("Today"), self.tr("Last 7 days"), self.tr("Last 30 days")),
            strict=True,
        ):
            self.period.addItem(label, key)
        self.period.currentIndexChanged.connect(lambda _: self.load())
        self.view = CallbackReportView(self)
        self.view.exportRequested.connect(self.export)
        self.status = plain_label(self)
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(plain_label(self, self.tr("Period:")))
        top.addWidget(self.period)
        top.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(760, 620)
        self.load()

    def load(self) -> None:
        self._generation += 1
        generation = self._generation
        core = self.core
        hours = core.callbacks.policy.hours
        now = datetime.now(UTC)
        start, end = period_bounds(self.period.currentData(), now, hours.timezone)
        self.status.setText(self.tr("Counting…"))

        def shown(report: CallbackReport) -> None:
            if generation != self._generation:
                return  # an older period's answer
            self.report = report
            self.view.set_report(report)
            self.status.setText("")

        self.tasks.run(
            lambda: build_report(core.db, hours, start, end, now),
            shown,
            lambda exc: self.status.setText(
                self.tr("The report could not be made: %1").replace("%1", error_text(exc))
            ),
            owner=self,
        )

    def export(self, path: str) -> None:
        report = self.report
        if report is None:
            return

        def write() -> None:
            Path(path).write_text(report_csv(report), encoding="utf-8", newline="")

        self.tasks.run(
            write,
            lambda _: self.status.setText(self.tr("Saved to %1").replace("%1", path)),
            lambda exc: self.status.setText(
                self.tr("The report could not be saved: %1").replace("%1", error_text(exc))
            ),
            owner=self,
        )

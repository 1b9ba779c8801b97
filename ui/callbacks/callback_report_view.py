"""The callback report a manager reads: speed, SLA share, outcomes, per operator;
a chart of outcomes and a CSV export. A pure view over app.callback_report."""

from __future__ import annotations

import html

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.callback_report import CallbackReport, Figures
from ui.common.plain_text import plain_label


def minutes_text(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds / 60:.1f}"


class CallbackReportView(QWidget):
    exportRequested = Signal(str)  # the CSV path the manager chose; the window writes it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: CallbackReport | None = None
        self.headline = plain_label(self)
        self.headline.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        headers = [
            (self.tr("Operator"), ""),
            (self.tr("Requests"), ""),
            (self.tr("Reached"), ""),
            (self.tr("1st try, median"), self.tr("Median time to the first attempt, minutes")),
            (self.tr("1st try, p90"), self.tr("90% of requests were tried within, minutes")),
            (self.tr("Reach, median"), self.tr("Median time to reach the customer, minutes")),
            (self.tr("In SLA"), self.tr("Share of requests first tried within the SLA")),
        ]
        for column, (title, tip) in enumerate(headers):
            item = QTableWidgetItem(title)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(column, item)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.note = plain_label(self, self.tr("Times are minutes of working time."))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chart = QChart()
        self.chart.setTitle(self.tr("Outcomes"))
        self.chart.legend().setVisible(False)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self.export = QPushButton(self.tr("Export CSV…"), self)
        self.export.clicked.connect(self._choose_export)
        self.export.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(self.chart_view)
        layout.addLayout(bottom)

    def outcome_text(self, outcome: str) -> str:
        return {
            "reached": self.tr("Reached"),
            "no_answer": self.tr("No answer"),
            "busy": self.tr("Busy"),
            "voicemail": self.tr("Voicemail"),
            "wrong_number": self.tr("Wrong number"),
            "call_later": self.tr("Call later"),
            "cancelled": self.tr("Cancelled"),
        }.get(outcome, outcome)

    def set_report(self, report: CallbackReport) -> None:
        self.report = report
        overall = report.overall
        share = overall.within_sla_share
        self.headline.setText(
            self.tr(
                "{0} requests · {1} reached · median to first attempt {2} min · within SLA {3}"
            ).format(
                overall.requests,
                overall.reached,
                minutes_text(overall.median_to_first_attempt_s),
                "—" if share is None else f"{share:.0%}",
            )
        )
        rows: list[tuple[str, Figures]] = [
            (self.tr("Everyone"), overall),
            *report.per_operator.items(),
        ]
        self.table.setRowCount(len(rows))
        for r, (name, f) in enumerate(rows):
            share = f.within_sla_share
            values = [
                name,
                str(f.requests),
                str(f.reached),
                minutes_text(f.median_to_first_attempt_s),
                minutes_text(f.p90_to_first_attempt_s),
                minutes_text(f.median_to_reach_s),
                "—" if share is None else f"{share:.0%}",
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        # As tall as its rows: the chart gets the rest of the space.
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + sum(self.table.rowHeight(r) for r in range(len(rows)))
            + 2 * self.table.frameWidth()
        )
        self._draw_outcomes(overall)
        self.export.setEnabled(True)

    def _draw_outcomes(self, figures: Figures) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        names = list(figures.outcomes)
        bars = QBarSet(self.tr("Requests"))
        bars.setLabelColor(QColor("#333333"))  # the default white vanishes above the bars
        bars.append([float(figures.outcomes[n]) for n in names])
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        # Qt Charts reads axis labels as HTML; an outcome it has no name for is
        # the stored value as it is, which another program may have written.
        categories.append([html.escape(self.outcome_text(n), quote=False) for n in names])
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setRange(0, max([1, *figures.outcomes.values()]) * 1.15)  # room for labels
        values.applyNiceNumbers()
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export callback report"), "callbacks.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self.exportRequested.emit(path)

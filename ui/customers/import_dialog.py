"""Customers > Import customers: a CSV or vCard file checked, shown, then written.

The operator sees every problem (line and column, as the file spells them)
before anything is stored, and chooses: fix the file, or import the rows that
are fine and skip the rest. Progress is shown for both steps and Cancel works
in both; a cancelled write keeps the batches already stored and says how many.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import Core
from app.import_common import ImportIssue
from app.importers import CustomerImporter, ImportPlan, ImportReport
from app.messages import OperatorError
from ui.common.core_text import error_text
from ui.common.dialog_parts import ERROR_COLOR, error_label
from ui.common.plain_text import plain_label, plain_tooltip
from ui.customers.import_job import CHECK, ImportJob

# (codec, label); None: found out from the bytes (UTF-8, UTF-16 or Windows-1251).
ENCODINGS: tuple[tuple[str | None, str], ...] = (
    (None, "Automatic"),
    ("utf-8", "UTF-8"),
    ("cp1251", "Windows-1251"),
    ("koi8-r", "KOI8-R"),
    ("koi8-u", "KOI8-U"),
    ("cp866", "DOS (866)"),
    ("utf-16", "UTF-16"),
)
# A table of 50,000 problems helps nobody and takes seconds to fill: the first
# ones are shown, all of them can be copied.
SHOWN_ISSUES = 1000
# How long closing the window waits for the import thread to stop at a batch.
STOP_WAIT_S = 30.0


class Stage(Enum):
    CHECKING = "checking"
    CHECKED = "checked"
    WRITING = "writing"
    DONE = "done"
    FAILED = "failed"


def issue_text(issue: ImportIssue) -> str:
    """The problem in the operator's language: the core's template translated and
    filled in (ui/common/core_text.py), or the message as it is when it has no template
    (a text that is not ours, such as a library's)."""
    if not issue.template:
        return issue.message
    return error_text(OperatorError(issue.template, **issue.fields))


def choose_import_file(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Import customers"),
        "",
        QCoreApplication.translate(
            "ImportDialog", "Contacts (*.csv *.txt *.vcf *.vcard);;All files (*)"
        ),
    )
    return Path(path) if path else None


class ImportDialog(QDialog):
    imported = Signal(int)  # customers stored (the list refreshes)

    def __init__(
        self,
        core: Core,
        path: Path,
        owner: str,
        parent: QWidget | None = None,
        *,
        importer: CustomerImporter | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import customers"))
        self.path = path
        self.stage = Stage.CHECKING
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self.job = ImportJob(importer or CustomerImporter(core.customers, owner=owner), self)
        self.job.progressed.connect(self._on_progress)
        self.job.checked.connect(self._on_checked)
        self.job.written.connect(self._on_written)
        self.job.failed.connect(self._on_failed)
        self._leaving = False  # Cancel pressed while checking: close once stopped

        self.file_label = plain_label(self, self.tr("File: %1").replace("%1", path.name))
        self.file_label.setToolTip(plain_tooltip(str(path)))
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("importEncoding")
        for codec, label in ENCODINGS:
            self.encoding.addItem(self.tr("Automatic") if codec is None else label, codec)
        self.encoding.setToolTip(
            self.tr("Choose the file's encoding if names look garbled, and it is read again")
        )
        self.encoding.currentIndexChanged.connect(lambda _: self.check())
        self.stage_label = plain_label(self)
        self.stage_label.setObjectName("importStage")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.summary = plain_label(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.error = error_label(self, "importError")
        self.issues = QTableWidget(0, 3, self)
        self.issues.setObjectName("importIssues")
        self.issues.setHorizontalHeaderLabels(
            [self.tr("Where"), self.tr("Column"), self.tr("Problem")]
        )
        self.issues.verticalHeader().hide()
        self.issues.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issues.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.issues.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.issues.hide()

        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.copy_button = QPushButton(self.tr("Copy the problems"), self)
        self.copy_button.setObjectName("copyIssues")
        self.copy_button.hide()
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.close_button.setObjectName("importClose")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.start_writing)
        self.copy_button.clicked.connect(self.copy_issues)
        self.close_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(plain_label(self, self.tr("Encoding:")))
        top.addWidget(self.encoding)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.issues, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 460)

    # --- the two steps -------------------------------------------------------

    def check(self) -> None:
        """Reads and checks the file (again, after an encoding change)."""
        if self.job.running:
            return
        self.plan = None
        self._set_stage(Stage.CHECKING)
        self.summary.clear()
        self.error.hide()
        self._show_issues([], [])
        self.stage_label.setText(self.tr("Reading %1…").replace("%1", self.path.name))
        self.progress.setRange(0, 0)  # reading has no count yet: a busy bar
        self.job.check(self.path, self.encoding.currentData())

    def start_writing(self) -> None:
        plan = self.plan
        if plan is None or self.job.running or not plan.report.valid:
            return
        self._set_stage(Stage.WRITING)
        self.stage_label.setText(self.tr("Importing…"))
        self.progress.setRange(0, max(plan.report.valid, 1))
        self.progress.setValue(0)
        self.job.write(plan, skip_invalid=bool(plan.report.errors))

    def copy_issues(self) -> None:
        report = self.report or (self.plan.report if self.plan else None)
        if report is None:
            return
        lines = [self._copied(issue) for issue in report.errors]
        note = self.tr("note")
        lines += [f"{self._copied(issue)} ({note})" for issue in report.warnings]
        QGuiApplication.clipboard().setText("\n".join(lines))
        self.stage_label.setText(self.tr("The list is copied: paste it where you fix the file."))

    # --- what the import thread says -----------------------------------------

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        template = (
            self.tr("Checking: %1 of %2 rows") if phase == CHECK else self.tr("Importing: %1 of %2")
        )
        self.stage_label.setText(
            template.replace("%1", self._number(done)).replace("%2", self._number(total))
        )

    def _on_checked(self, plan: ImportPlan) -> None:
        if self._leaving or plan.report.cancelled:
            self._leave()
            return
        self.plan = plan
        report = plan.report
        self._set_stage(Stage.CHECKED)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.stage_label.setText(self._described(report))
        self.summary.setText(self._check_summary(report))
        self._show_issues(report.errors, report.warnings)
        valid, bad = report.valid, report.total - report.valid
        if report.errors and valid:
            self.import_button.setText(
                self.tr("Import %1, skip %2")
                .replace("%1", self._number(valid))
                .replace("%2", self._number(bad))
            )
        else:
            self.import_button.setText(self.tr("Import %1").replace("%1", self._number(valid)))
        self.import_button.setEnabled(valid > 0)
        if valid > 0:
            self.import_button.setDefault(True)
            self.import_button.setFocus()

    def _on_written(self, report: ImportReport) -> None:
        self.report = report
        self._set_stage(Stage.DONE)
        self.progress.setRange(0, max(report.valid, 1))
        self.progress.setValue(report.imported)
        self.stage_label.setText(
            self.tr("Cancelled.") if report.cancelled else self.tr("Import finished.")
        )
        self.summary.setText(self._written_summary(report))
        self._show_issues(report.errors, report.warnings)
        if report.imported:
            self.imported.emit(report.imported)

    def _on_failed(self, message: str) -> None:
        stage = self.stage
        self._set_stage(Stage.FAILED)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if self._leaving:
            self._leave()
            return
        if stage is Stage.WRITING and self.plan is not None:
            # The batches committed before the failure stay: say how many.
            stored = self.plan.report.imported
            self.stage_label.setText(self.tr("The import stopped."))
            self.summary.setText(
                self.tr(
                    "Customers imported before it stopped: %1. The others were not imported."
                ).replace("%1", self._number(stored))
            )
            if stored:
                self.imported.emit(stored)
        else:
            self.stage_label.setText(self.tr("The file can't be imported."))
        self.error.setText(message)
        self.error.show()

    # --- texts ---------------------------------------------------------------

    def _described(self, report: ImportReport) -> str:
        kind = "vCard" if report.format == "vcard" else "CSV"
        return (
            self.tr("%1 file, %2, records: %3")
            .replace("%1", kind)
            .replace("%2", report.encoding)
            .replace("%3", self._number(report.total))
        )

    def _check_summary(self, report: ImportReport) -> str:
        parts: list[str] = []
        if report.total == 0 and not report.errors:
            parts.append(self.tr("The file has no customers in it."))
        elif not report.errors:
            parts.append(
                self.tr("Customers ready to import: %1.").replace("%1", self._number(report.valid))
            )
        elif report.valid:
            parts.append(
                self.tr(
                    "Problems: %1 (listed below). Rows that are fine: %2. Fix the file and "
                    "import it again, or import the rows that are fine now and skip the rest."
                )
                .replace("%1", self._number(len(report.errors)))
                .replace("%2", self._number(report.valid))
            )
        else:
            parts.append(
                self.tr("No row can be imported: see the problems below. Nothing was changed.")
            )
        if report.warnings:
            parts.append(
                self.tr("Notes: %1 (imported as described).").replace(
                    "%1", self._number(len(report.warnings))
                )
            )
        if report.ignored_columns:
            parts.append(
                self.tr("Columns not imported: %1.").replace(
                    "%1", ", ".join(report.ignored_columns)
                )
            )
        return " ".join(parts)

    def _written_summary(self, report: ImportReport) -> str:
        imported = self._number(report.imported)
        if report.cancelled:
            return self.tr(
                "Customers imported before you cancelled: %1. The others were not imported."
            ).replace("%1", imported)
        text = self.tr("Customers imported: %1.").replace("%1", imported)
        skipped = report.total - report.imported
        if skipped > 0:
            text += " " + self.tr("Rows skipped: %1 (see below).").replace(
                "%1", self._number(skipped)
            )
        return text

    def _where(self, issue: ImportIssue) -> str:
        """The place in the operator's language (ImportIssue.where is English)."""
        line = self._number(issue.line) if issue.line is not None else ""
        if issue.card is not None:
            card = self._number(issue.card)
            if line:
                return self.tr("card %1 (line %2)").replace("%1", card).replace("%2", line)
            return self.tr("card %1").replace("%1", card)
        return self.tr("line %1").replace("%1", line) if line else self.tr("whole file")

    def _copied(self, issue: ImportIssue) -> str:
        """One problem as a line of text, as the table shows it: "line 3, Phone: …"."""
        where, problem = self._where(issue), issue_text(issue)
        return f"{where}, {issue.field}: {problem}" if issue.field else f"{where}: {problem}"

    def _number(self, value: int) -> str:
        return QLocale().toString(value)

    # --- the dialog's state ----------------------------------------------------

    def _set_stage(self, stage: Stage) -> None:
        self.stage = stage
        # After the check the bar says nothing the summary doesn't.
        self.progress.setVisible(stage is not Stage.CHECKED)
        self.encoding.setEnabled(stage in (Stage.CHECKED, Stage.FAILED) and self.report is None)
        if stage is not Stage.CHECKED:
            self.import_button.setEnabled(False)
        self.import_button.setVisible(stage in (Stage.CHECKING, Stage.CHECKED))
        done = stage is Stage.DONE or (stage is Stage.FAILED and self.plan is not None)
        self.close_button.setText(self.tr("Close") if done else self.tr("Cancel"))

    def _show_issues(self, errors: list[ImportIssue], warnings: list[ImportIssue]) -> None:
        rows = [(issue, False) for issue in errors] + [(issue, True) for issue in warnings]
        shown = rows[:SHOWN_ISSUES]
        self.issues.setRowCount(len(shown))
        for row, (issue, is_note) in enumerate(shown):
            text = issue_text(issue)
            problem = self.tr("Note: %1").replace("%1", text) if is_note else text
            for column, text in enumerate((self._where(issue), issue.field, problem)):
                item = QTableWidgetItem(text)
                if column == 2 and not is_note:
                    item.setForeground(QColor(ERROR_COLOR))
                self.issues.setItem(row, column, item)
        self.issues.setVisible(bool(rows))
        self.copy_button.setVisible(bool(rows))
        if len(rows) > len(shown):
            self.issues.setToolTip(
                self.tr("The first %1 of %2 are shown; Copy the problems copies them all.")
                .replace("%1", self._number(len(shown)))
                .replace("%2", self._number(len(rows)))
            )
        else:
            self.issues.setToolTip("")

    def reject(self) -> None:
        """Cancel: stops the running step. A cancelled check closes the dialog;
        a cancelled write stays open to say what was stored."""
        # By stage, not by thread: the thread may have ended with its result
        # still queued, and that result must still be shown (or dropped).
        if self.stage is Stage.CHECKING:
            self._leaving = True
            self.job.cancel()
            return
        if self.stage is Stage.WRITING:
            self.job.cancel()
            self.stage_label.setText(self.tr("Cancelling after the current batch…"))
            return
        super().reject()

    def _leave(self) -> None:
        self._leaving = False
        super().reject()

    def done(self, result: int) -> None:
        # The window may close under a running import (quit): stop it at the
        # next batch before the dialog and its signals are gone.
        if self.job.running:
            self.job.cancel()
            self.job.wait(STOP_WAIT_S)
        super().done(result)

"""Customers > Import customers: check, show problems, write, cancel, refuse.

The dialog runs the real importer on its own thread against the test's SQLite
core; the tests wait for the thread's signals the way the operator waits for
the progress bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from sqlmodel import func, select

from app.core import Core
from app.customers import ContactInput
from app.importers import CustomerImporter
from app.models import Customer
from ui.customers.import_dialog import ImportDialog, Stage

GOOD = "Name,Phone,Email\nIvan Petrenko,050 100 00 01,ivan@shop.ua\nOlena Koval,+380501000002,\n"


def customer_count(core: Core) -> int:
    with core.db.session() as s:
        return int(s.exec(select(func.count()).select_from(Customer)).one())


def open_import(qtbot: Any, shell: Any, path: Path) -> ImportDialog:
    dialog = shell.window.import_customers(path)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.stage is not Stage.CHECKING, timeout=10_000)
    return dialog


def test_a_clean_file_is_checked_then_imported_and_listed(
    qtbot: Any, shell: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    path = tmp_path / "shop.csv"
    path.write_text(GOOD, encoding="utf-8")
    dialog = open_import(qtbot, shell, path)
    assert dialog.stage is Stage.CHECKED
    assert customer_count(sqlite_core) == 0  # checking writes nothing
    assert dialog.summary.text() == "Customers ready to import: 2."
    assert dialog.stage_label.text() == "CSV file, utf-8, records: 2"
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Import 2"
    assert dialog.issues.isHidden()

    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        dialog.import_button.click()
    assert imported.args == [2]
    assert dialog.stage is Stage.DONE
    assert dialog.summary.text() == "Customers imported: 2."
    assert dialog.close_button.text() == "Close"
    found = sqlite_core.customers.find("phone", "0501000001")
    assert found is not None and found.name == "Ivan Petrenko"
    assert found.owner == shell.window.operator
    # The list on the left refreshes with the new customers.
    list_view = shell.window.customers
    qtbot.waitUntil(lambda: list_view.results.count() == 2, timeout=5_000)


def test_problems_are_listed_by_line_and_the_fine_rows_can_be_imported(
    qtbot: Any, shell: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    sqlite_core.customers.create("Owner", [ContactInput("phone", "050 999 99 99")])
    path = tmp_path / "mixed.csv"
    path.write_text(
        "Name,Phone\nGood One,0501000001\nLetters,050-CALL-ME\n"
        "Taken,0509999999\nGood Two,0501000003\n",
        encoding="utf-8",
    )
    dialog = open_import(qtbot, shell, path)
    assert dialog.stage is Stage.CHECKED
    assert customer_count(sqlite_core) == 1
    assert dialog.summary.text().startswith("Problems: 2 (listed below). Rows that are fine: 2.")
    assert dialog.issues.isVisible() and dialog.issues.rowCount() == 2
    rows = [
        tuple(dialog.issues.item(r, c).text() for c in range(3))
        for r in range(dialog.issues.rowCount())
    ]
    assert rows[0] == (
        "line 3",
        "Phone",
        "'050-CALL-ME' is not a phone number: it has letters or symbols.",
    )
    assert rows[1][:2] == ("line 4", "Phone")
    assert "already belongs to customer" in rows[1][2]
    assert dialog.import_button.text() == "Import 2, skip 2"

    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0].startswith("line 3, Phone: '050-CALL-ME'")
    assert len(copied) == 2

    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    assert dialog.summary.text() == "Customers imported: 2. Rows skipped: 2 (see below)."
    assert customer_count(sqlite_core) == 3
    owner = sqlite_core.customers.find("phone", "0509999999")
    assert owner is not None and owner.name == "Owner"  # the existing customer is untouched


def test_an_unreadable_file_is_explained_and_a_chosen_encoding_reads_it(
    qtbot: Any, shell: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    path = tmp_path / "old.csv"
    # KOI8-R is not detected (UTF-8 and Windows-1251 are): read as Windows-1251 it is garbage.
    path.write_bytes("Имя;Телефон\nИван ЩУКИН;0501000001\n".encode("koi8-r"))
    dialog = open_import(qtbot, shell, path)
    assert dialog.stage is Stage.FAILED
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith("The file is not UTF-8 (line 1 has byte 0xE9)")
    assert "choose its encoding" in dialog.error.text()
    assert not dialog.import_button.isVisible()
    assert dialog.encoding.isEnabled()

    dialog.encoding.setCurrentIndex(dialog.encoding.findData("koi8-r"))
    qtbot.waitUntil(lambda: dialog.stage is Stage.CHECKED, timeout=10_000)
    assert dialog.error.isHidden()
    assert dialog.stage_label.text() == "CSV file, koi8-r, records: 1"
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    found = sqlite_core.customers.find("phone", "0501000001")
    assert found is not None and found.name == "Иван ЩУКИН"


def test_cancel_while_importing_keeps_the_stored_batches_and_says_how_many(
    qtbot: Any, shell: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    total = 20_000
    path = tmp_path / "big.csv"
    path.write_text(
        "Name,Phone\n" + "".join(f"Customer {i},+38050{i:07d}\n" for i in range(total)),
        encoding="utf-8",
    )
    importer = CustomerImporter(sqlite_core.customers, batch_size=200)
    dialog = ImportDialog(sqlite_core, path, "op", shell.window, importer=importer)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.check()
    qtbot.waitUntil(lambda: dialog.stage is Stage.CHECKED, timeout=60_000)
    assert dialog.import_button.text() == f"Import {QLocale().toString(total)}"

    # Cancel as soon as the first batch is reported: the worker stops at the next batch.
    dialog.job.progressed.connect(
        lambda phase, done, _: dialog.reject() if phase == "write" and done > 0 else None
    )
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.stage is Stage.DONE, timeout=60_000)
    report = dialog.report
    assert report is not None and report.cancelled
    assert 0 < report.imported < total
    assert customer_count(sqlite_core) == report.imported  # what it says is what is stored
    assert dialog.summary.text() == (
        f"Customers imported before you cancelled: {QLocale().toString(report.imported)}. "
        "The others were not imported."
    )
    assert dialog.isVisible()  # stays open to say so; Close closes it
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_cancel_while_checking_closes_and_writes_nothing(
    qtbot: Any, shell: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    path.write_text(
        "Name,Phone\n" + "".join(f"C {i},+38050{i:07d}\n" for i in range(30_000)),
        encoding="utf-8",
    )
    dialog = ImportDialog(sqlite_core, path, "op", shell.window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.job.progressed.connect(
        lambda phase, done, _: dialog.reject() if phase == "check" and done > 0 else None
    )
    with qtbot.waitSignal(dialog.finished, timeout=60_000):
        dialog.check()
    assert not dialog.isVisible()
    assert customer_count(sqlite_core) == 0


def test_the_next_step_can_start_the_moment_the_check_is_announced(
    qtbot: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    # A direct connection runs the slot on the import thread itself, still alive
    # while it emits: the job must already count as done by then (the operator's
    # Import click can land before the thread has ended).
    from PySide6.QtCore import Qt

    from ui.customers.import_job import ImportJob

    path = tmp_path / "shop.csv"
    path.write_text(GOOD, encoding="utf-8")
    job = ImportJob(CustomerImporter(sqlite_core.customers, owner="test"))
    started: list[bool] = []

    def write_at_once(plan: Any) -> None:
        started.append(not job.running)
        job.write(plan, skip_invalid=False)

    job.checked.connect(write_at_once, Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(job.written, timeout=10_000) as written:
        job.check(path)
    assert started == [True]
    assert written.args[0].imported == 2
    assert job.wait(5)
    assert customer_count(sqlite_core) == 2

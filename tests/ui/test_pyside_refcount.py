"""PySide6 6.12.0 on CPython 3.11 dropped one reference to None (and to True/False)
on every call of a Qt method returning nothing; the app aborted in none_dealloc
after a few hundred calls. pyproject pins PySide6 below 6.12; this test fails if a
PySide6 with that bug is installed again. On CPython 3.12+ None is immortal and
the bug cannot be seen (nor can it crash), so the test only runs on 3.11."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

CALLS = 2000


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from CPython 3.12")
def test_void_qt_calls_keep_references_to_none_and_bools(qapp: object) -> None:
    label = QLabel()
    before = {name: sys.getrefcount(value) for name, value in _singletons()}
    for i in range(CALLS):
        label.setText(str(i))  # a void member call
        label.update()
        label.setVisible(False)  # a void call with a bool argument
        QCoreApplication.processEvents()  # a void static call
    after = {name: sys.getrefcount(value) for name, value in _singletons()}
    # Ordinary interpreter churn moves these by a handful; the bug moved None by
    # one per call (thousands here).
    for name, count in before.items():
        assert after[name] > count - 100, f"{name} lost {count - after[name]} references"


def _singletons() -> list[tuple[str, object]]:
    return [("None", None), ("True", True), ("False", False)]

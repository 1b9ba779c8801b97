"""Spare PySide6's source scan of every module imported after it.

To support ``from __feature__ import snake_case`` (PYSIDE-2029), PySide6 asks
after every import whether the new module uses PySide6, by reading the module's
whole source through ``inspect.getsource`` and looking for the word. Each file
read stays in ``linecache``: with SQLAlchemy, SQLModel, pydantic and the
standard library imported after Qt that is ~20 MB of source text kept all day,
and ~100 ms of reading on the database worker when the core opens (the same
cost napari found, napari#8584). bench/README.md, "The window".

The answer only decides whether a module takes part in switching ``__feature__``
selections, and Switchboard never selects one (tests/ui/test_source_scan.py
checks that no source does). So the answer here comes from the module's name:
the packages that use Qt say yes, everything else no, without reading a file.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType

import shiboken6  # noqa: F401 - loads shibokensupport.feature, adjusted below

log = logging.getLogger(__name__)

QT_USERS = frozenset({"PySide6", "shiboken6", "ui", "tests", "bench", "pytestqt", "__main__"})


def uses_pyside(module: ModuleType) -> bool:
    name = getattr(module, "__name__", None)
    return isinstance(name, str) and name.partition(".")[0] in QT_USERS


def spare_source_scan() -> bool:
    """Answers PySide6's "does this module use PySide6?" by name; False when this
    PySide6 asks differently (then it keeps its own way, nothing breaks)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.info("PySide6 has no source scan to spare here")
        return False
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 - a private hook
    return True

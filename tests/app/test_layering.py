"""The core is Qt-free and pjsua2-free: importing all of it pulls in neither."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import app

ROOT = Path(__file__).resolve().parents[2]


def test_core_imports_neither_qt_nor_pjsua2() -> None:
    modules = [
        m.name for m in pkgutil.walk_packages(app.__path__, "app.") if ".migrations" not in m.name
    ]
    assert "app.timeline" in modules and "app.core" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pjsua2', 'ui', 'sip', 'integrations'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_the_engines_core_adapters_import_neither_pjsua2_nor_the_engine() -> None:
    """sip/adapters/ (the call log, the callback dialer, the account rows) work
    with the core and the engine's plain types only: no pjsua2, no Qt."""
    import sip.adapters

    modules = [m.name for m in pkgutil.walk_packages(sip.adapters.__path__, "sip.adapters.")]
    assert "sip.adapters.call_log" in modules and "sip.adapters.account_rows" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pjsua2', 'ui', 'integrations') or m == 'sip.engine')\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""

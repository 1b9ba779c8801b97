"""ui/shell/source_scan.py: PySide6 no longer reads (and keeps) the source of every
module imported after it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_modules_imported_after_qt_are_not_read_into_linecache(tmp_path: Path) -> None:
    # A fresh process: this suite's own process imported everything long ago.
    (tmp_path / "plain_module.py").write_text("VALUE = 1  # no Qt here\n", encoding="utf-8")
    code = (
        "import json, linecache, sys\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "import ui\n"
        "import plain_module, ui.common.labels\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "print(json.dumps({\n"
        "    'cached': [f for f in linecache.cache if f.endswith('plain_module.py')],\n"
        "    'plain': feature.pyside_feature_dict.get('plain_module'),\n"
        "    'ui': feature.pyside_feature_dict.get('ui'),\n"
        "}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["cached"] == []  # PySide6's own scan would have read and kept it
    assert seen["plain"] == -1  # "ignore in __feature__ switching", as the scan says
    assert seen["ui"] == 0  # a module of ours that uses Qt


def test_no_source_selects_a_pyside_feature() -> None:
    # Why answering by name is harmless: the answer only matters to modules that
    # switch __feature__ selections (snake_case, true_property), and none does.
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("app", "ui", "sip", "integrations", "tests", "bench")
        for path in (ROOT / folder).rglob("*.py")
        if any(
            line.lstrip().startswith(("from __feature__", "import __feature__"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []

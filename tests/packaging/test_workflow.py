"""The Windows workflow can't run here; check what can be checked of it statically."""

from __future__ import annotations

import re

from tests.packaging.helpers import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
ALLOWED_ACTIONS = {"actions/checkout@v4", "actions/setup-python@v5", "actions/upload-artifact@v4"}


def test_uses_only_real_pinned_actions() -> None:
    text = WORKFLOW.read_text()
    used = set(re.findall(r"^\s*-?\s*uses:\s*(\S+)", text, re.M))
    assert used == ALLOWED_ACTIONS
    assert "\t" not in text


def test_builds_with_python_312_on_windows_and_checks_the_frozen_app() -> None:
    text = WORKFLOW.read_text()
    assert "runs-on: windows-latest" in text
    assert 'python-version: "3.12"' in text
    assert "-c packaging/constraints.txt" in text
    assert "packaging/switchboard.spec" in text
    assert r"packaging\windows\switchboard.nsi" in text
    assert r"dist\switchboard\switchboard-selfcheck.exe" in text
    assert '-ArgumentList "--self-check"' in text


def test_constraints_pin_what_the_build_needs() -> None:
    pins = dict(
        line.split("==", 1)
        for line in (ROOT / "packaging" / "constraints.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    for name in ("pjsua2-python", "PySide6_Essentials", "PySide6_Addons", "pyinstaller"):
        assert name in pins, name
    assert pins["pjsua2-python"] == "2.15.1.post1"

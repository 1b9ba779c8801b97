"""The self-check from source, in a fresh process (as the frozen app runs it)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers.secret_service import secret_service

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = ("qt-widgets", "qt-multimedia", "pjsua2", "database", "core-data", "resources")
OPTIONAL = ("sip-tls", "keyring", "audio-devices")
ENTRY_POINT = "import sys; from ui.shell.main import main; sys.exit(main())"
LINE = re.compile(r"^([a-z0-9-]+): (OK - |MISSING: |UNAVAILABLE: )(.*)$")


def parts(stdout: str) -> dict[str, str]:
    found = {}
    for line in stdout.splitlines():
        m = LINE.match(line)
        if m and m.group(1) != "self-check":
            found[m.group(1)] = m.group(2).rstrip(" -:")
    return found


def run_check(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    environ.update(SWITCHBOARD_HOME=str(tmp_path), **env)
    return subprocess.run(
        # The same command line an operator types: `switchboard --self-check`.
        [sys.executable, "-c", ENTRY_POINT, "--self-check"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_self_check_from_source_all_parts_ok(tmp_path: Path) -> None:
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    found = parts(result.stdout)
    for part in REQUIRED:
        assert found.get(part) == "OK", result.stdout
    for part in OPTIONAL:
        assert found.get(part) in ("OK", "UNAVAILABLE"), result.stdout
    # pjsua2 on Linux links OpenSSL: TLS must be there (on Windows it may not be).
    assert found["sip-tls"] == "OK", result.stdout
    assert "platform offscreen" in result.stdout
    # Nothing else on stdout (pjlib's start-up lines are silenced on Linux).
    for line in result.stdout.splitlines():
        assert LINE.match(line) or line.startswith(("Switchboard ", "self-check: ")), line
    assert "self-check: all required parts OK" in result.stdout
    assert re.search(r"^Switchboard \d+\.\d+\.\d+\S* self-check \(from source", result.stdout, re.M)


def test_headless_keyring_is_reported_not_failed(tmp_path: Path) -> None:
    result = run_check(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("keyring:"))
    assert line.startswith("keyring: UNAVAILABLE:") and "passwords can't be saved" in line


def test_a_broken_required_part_fails_the_check(tmp_path: Path) -> None:
    # A pjsua2 that can't be imported (as in a bundle without its binding).
    blocker = tmp_path / "block"
    (blocker / "pjsua2").mkdir(parents=True)
    (blocker / "pjsua2" / "__init__.py").write_text("raise ImportError('bindings are not staged')")
    result = run_check(tmp_path, PYTHONPATH=str(blocker))
    assert result.returncode == 1
    assert "pjsua2: MISSING: ImportError: bindings are not staged" in result.stdout
    assert "self-check: FAILED: pjsua2" in result.stdout


@pytest.mark.keyring
def test_real_secret_service_is_reported(tmp_path: Path) -> None:
    with secret_service() as exported:
        # Not pinned: keyring's own choice (a chain of the viable backends) as the app sees it.
        result = run_check(tmp_path, **exported)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "keyring: OK - keyring.backends.SecretService.Keyring" in result.stdout


def test_an_unusable_display_still_reports_the_other_parts(tmp_path: Path) -> None:
    # Qt aborts the process when the display can't be opened: the check fails (non-zero)
    # and the parts checked before Qt have printed their lines.
    result = run_check(tmp_path, DISPLAY=":4242")
    assert result.returncode != 0
    found = parts(result.stdout)
    for part in ("pjsua2", "database", "resources"):
        assert found.get(part) == "OK", result.stdout

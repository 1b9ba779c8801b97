"""resource_path from source and as a frozen bundle sees it; the version."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import resources
from app.version import app_version, version_from_pyproject
from resources import resource_path
from tests.servers.common import missing

ROOT = Path(__file__).resolve().parents[2]


def test_from_source_points_into_the_package() -> None:
    icon = resource_path("icons", "switchboard.png")
    assert icon == ROOT / "resources" / "icons" / "switchboard.png"
    assert icon.is_file()
    assert resource_path("switchboard.desktop").is_file()
    assert resource_path("icons", "switchboard.svg").read_text().lstrip().startswith("<?xml")


def test_frozen_uses_the_bundle_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_root() == tmp_path / "resources"
    assert resource_path("icons", "x.png") == tmp_path / "resources" / "icons" / "x.png"


def test_parts_cannot_escape() -> None:
    with pytest.raises(ValueError):
        resource_path("..", "pyproject.toml")
    with pytest.raises(ValueError):
        resource_path("/etc/passwd")


def test_desktop_entry_handles_call_links() -> None:
    text = resource_path("switchboard.desktop").read_text()
    assert "MimeType=x-scheme-handler/tel;x-scheme-handler/sip;x-scheme-handler/callto;" in text
    assert "Exec=switchboard %u" in text


def test_version_is_pyprojects() -> None:
    expected = version_from_pyproject(ROOT / "pyproject.toml")
    assert expected and app_version() == expected


def test_version_from_pyproject_ignores_other_projects(tmp_path: Path) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "other"\nversion = "9.9"\n')
    assert version_from_pyproject(other) is None
    assert version_from_pyproject(tmp_path / "missing.toml") is None


def test_desktop_entry_is_valid() -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        missing("desktop-file-validate (Debian package desktop-file-utils)")
    result = subprocess.run(
        [validate, str(resource_path("switchboard.desktop"))], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr

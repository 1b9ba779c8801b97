"""The app's version: pyproject.toml is the one place it is written.

Installed (pip, or a frozen bundle that carries the package metadata) it comes
from importlib.metadata; run from a source checkout that was never installed, it
is read from pyproject.toml next to the code.
"""

from __future__ import annotations

import sys
import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

DIST_NAME = "switchboard"
UNKNOWN = "0+unknown"


def _pyproject_candidates() -> list[Path]:
    here = Path(__file__).resolve().parent.parent
    paths = [here / "pyproject.toml"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        paths.append(Path(bundle) / "pyproject.toml")
    return paths


def version_from_pyproject(path: Path) -> str | None:
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return None
    project = data.get("project", {})
    if project.get("name") != DIST_NAME:
        return None
    version = project.get("version")
    return str(version) if version else None


@cache
def app_version() -> str:
    try:
        return metadata.version(DIST_NAME)
    except metadata.PackageNotFoundError:
        pass
    for path in _pyproject_candidates():
        found = version_from_pyproject(path)
        if found:
            return found
    return UNKNOWN

"""Icons, sounds, translations, the desktop entry: files shipped beside the code.

``resource_path("icons", "switchboard.png")`` finds a file both when run from a
source checkout (this folder) and from a frozen PyInstaller bundle, where the
folder is copied to ``<bundle>/resources`` (``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """The path of a shipped file (it may not exist: callers check)."""
    for part in parts:
        if Path(part).is_absolute() or ".." in Path(part).parts:
            raise ValueError(f"resource path parts must be relative and stay inside: {part!r}")
    return resources_root().joinpath(*parts)

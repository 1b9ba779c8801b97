"""The window's layout kept between starts: where the docks are (the callback
queue, the waiting chats: tabbed, side by side, floating, hidden) and the
window's size and place, in one small file of the profile's config folder.

Written atomically when the window closes; a file that is missing, damaged or
from another layout version is ignored (the default layout stays), never an
error: it is a convenience, not data.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

log = logging.getLogger(__name__)

# Raised when the docks change in a way an older saved state would put wrongly.
LAYOUT_VERSION = 2  # 1: the callback dock alone (never saved); 2: + the chats dock
FILE_NAME = "window-layout.json"


def save_layout(window: QMainWindow, path: Path) -> None:
    data = {
        "version": LAYOUT_VERSION,
        "state": base64.b64encode(bytes(window.saveState(LAYOUT_VERSION).data())).decode(),
        "geometry": base64.b64encode(bytes(window.saveGeometry().data())).decode(),
    }
    temp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temp, path)
    except OSError as exc:
        log.warning("the window's layout was not saved to %s: %s", path, exc)


def restore_layout(window: QMainWindow, path: Path) -> bool:
    """Puts the docks and the window where they were; False when there was
    nothing usable to restore."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("version") != LAYOUT_VERSION:
            return False
        state = base64.b64decode(str(data["state"]), validate=True)
        geometry = base64.b64decode(str(data["geometry"]), validate=True)
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, binascii.Error) as exc:
        log.warning("the window's layout in %s is not usable: %s", path, exc)
        return False
    window.restoreGeometry(QByteArray(geometry))
    return bool(window.restoreState(QByteArray(state), LAYOUT_VERSION))

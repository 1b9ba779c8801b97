"""Starts the real shell where QtMultimedia finds no audio device; prints what
the status bar says and whether the engine runs, as JSON.

Run by test_audio.py in its own process (SWITCHBOARD_HOME, PULSE_SERVER pointing
nowhere and QT_QPA_PLATFORM=offscreen come from the test).
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.core import Core
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings


def main() -> int:
    app = QApplication([])
    paths = AppPaths.default()
    paths.ensure()
    core = Core.open(paths, Settings(), SecretStore(MemoryKeyring()))
    from ui.shell import Shell

    shell = Shell(core)
    ready: list[bool] = []
    shell.engineReady.connect(lambda: ready.append(True))
    shell.start_engine()
    deadline = time.monotonic() + 20
    while not ready and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    result = {
        "engine_running": bool(ready) and shell.engine.running,
        "status": shell.audio_status.text(),
        "status_visible": not shell.audio_status.isHidden(),
    }
    shell.shutdown()
    core.close()
    del app
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Starts the real shell where QtMultimedia finds no audio device; prints, as
JSON, what the status bar says and whether QtMultimedia is loaded, once the
engine has started (idle: audio is not loaded yet) and once a call rings (the
engine's local account calls itself over loopback: the first ring loads it).

Run by test_audio.py in its own process (SWITCHBOARD_HOME, PULSE_SERVER pointing
nowhere and QT_QPA_PLATFORM=offscreen come from the test).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.core import Core
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings

MULTIMEDIA = "PySide6.QtMultimedia"


def wait(until: Callable[[], bool], seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    return until()


def main() -> int:
    app = QApplication([])
    paths = AppPaths.default()
    paths.ensure()
    core = Core.open(paths, Settings(), SecretStore(MemoryKeyring()))
    from sip.config import AccountConfig
    from ui.shell.shell import Shell

    shell = Shell(core)
    ready: list[bool] = []
    shell.engineReady.connect(lambda: ready.append(True))
    shell.start_engine()
    wait(lambda: bool(ready))
    wait(lambda: False, 0.5)  # idle a little: nothing may load audio meanwhile
    result: dict[str, object] = {
        "engine_running": bool(ready) and shell.engine.running,
        "multimedia_at_start": MULTIMEDIA in sys.modules,
        "status_at_start": shell.audio_status.text(),
        "status_visible_at_start": not shell.audio_status.isHidden(),
    }
    shell.engine.add_account(
        AccountConfig("local", "operator", "127.0.0.1", register=False)
    ).result(10)
    port = shell.engine.sip_ports["udp"]
    # Straight to the engine: through the call log, both legs of a call to
    # ourselves would be written under the same SIP Call-ID.
    shell.engine.dial("local", f"sip:operator@127.0.0.1:{port}")
    result["rang"] = wait(lambda: shell.book.ringing() is not None)
    wait(lambda: shell.audio.loaded)
    result.update(
        {
            "multimedia_after_ring": MULTIMEDIA in sys.modules,
            "status": shell.audio_status.text(),
            "status_visible": not shell.audio_status.isHidden(),
            "message": shell.window.statusBar().currentMessage(),
        }
    )
    shell.shutdown()
    core.close()
    del app
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

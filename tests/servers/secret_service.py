"""A real Secret Service: a private dbus-daemon and gnome-keyring-daemon,
unlocked with a throw-away password, in a temp HOME (see shared TEST-WORLD.md).

The test process points DBUS_SESSION_BUS_ADDRESS at the private bus while the
fixture is alive, so keyring's SecretService backend talks to it and nothing
touches the developer's own keyring.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.servers.common import missing


@contextmanager
def secret_service() -> Iterator[dict[str, str]]:
    for binary in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(binary) is None:
            missing(f"{binary} (Debian packages dbus, gnome-keyring)")
    home = Path(tempfile.mkdtemp(prefix="sb-keyring-"))
    runtime = home / "run"
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(home / "share"),
    }
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    keyring_daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert keyring_daemon.stdin is not None and keyring_daemon.stdout is not None
    keyring_daemon.stdin.write("test-keyring-password")
    keyring_daemon.stdin.close()
    exported: dict[str, str] = {"DBUS_SESSION_BUS_ADDRESS": address}
    for _ in range(4):  # it prints GNOME_KEYRING_CONTROL=... once ready
        line = keyring_daemon.stdout.readline().strip()
        if not line:
            break
        key, _, value = line.partition("=")
        exported[key] = value
        if key == "GNOME_KEYRING_CONTROL":
            break
    saved = {k: os.environ.get(k) for k in exported}
    os.environ.update(exported)
    try:
        yield exported
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        for proc in (keyring_daemon, bus):
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(home, ignore_errors=True)

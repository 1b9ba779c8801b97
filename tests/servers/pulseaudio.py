"""A private PulseAudio daemon with a null sink and a "microphone" that hears it.

Debian's ``pulseaudio`` started without systemd or D-Bus in a temp
XDG_RUNTIME_DIR: ``sb_null`` is a null output, ``sb_mic`` remaps that output's
monitor as an input (Qt hides monitor sources), so whatever is played to
``sb_null`` can be recorded from ``sb_mic``. Clients reach it through
``PULSE_SERVER``; nothing else on the machine is touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.servers.common import missing, wait_until

SINK = "sb_null"
SOURCE = "sb_mic"


@contextmanager
def pulseaudio_server() -> Iterator[dict[str, str]]:
    """Yields the environment variables a client needs to use it."""
    binary = shutil.which("pulseaudio")
    if binary is None:
        missing("PulseAudio (Debian package pulseaudio)")
        raise AssertionError("unreachable")
    home = Path(tempfile.mkdtemp(prefix="sb-pulse-"))
    runtime = home / "run"
    runtime.mkdir(mode=0o700)
    socket_path = runtime / "native"
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    log_file = (home / "pulseaudio.log").open("wb")
    process = subprocess.Popen(
        [
            binary,
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--disable-shm=yes",
            "-L",
            f"module-null-sink sink_name={SINK}",
            "-L",
            f"module-remap-source source_name={SOURCE} master={SINK}.monitor",
            "-L",
            f"module-native-protocol-unix socket={socket_path} auth-anonymous=1",
        ],
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until(
            lambda: process.poll() is not None or socket_path.exists(),
            timeout=20,
            what="pulseaudio's socket",
        )
        if process.poll() is not None:
            raise RuntimeError((home / "pulseaudio.log").read_text(errors="replace")[-2000:])
        yield {
            "PULSE_SERVER": f"unix:{socket_path}",
            "XDG_RUNTIME_DIR": str(runtime),
            "HOME": str(home),
        }
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        log_file.close()
        shutil.rmtree(home, ignore_errors=True)

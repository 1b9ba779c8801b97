"""The .deb, end to end: build it, install it with apt, self-check the installed
app, start it on a real X screen and see its window, remove it and check the
program is gone while the user's data stays.

Slow (a PyInstaller build, ~1-3 min) and it installs a package system-wide: marked
``packaging``, and it needs root. Run alone with ``pytest -m packaging``. Set
SWITCHBOARD_SCREENSHOT_DIR to keep the screenshot of the installed app's window.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.packaging.helpers import (
    REQUIRED_PARTS,
    ROOT,
    debian_package_of,
    require_build_tools,
    require_root,
    require_tools,
    self_check_parts,
    stop,
    system_libraries,
    xvfb,
)
from tests.servers.common import missing
from tests.servers.secret_service import secret_service

pytestmark = pytest.mark.packaging

INSTALL_DIR = Path("/opt/switchboard")
LAUNCHER = Path("/usr/bin/switchboard")


def apt(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["apt-get", "-y", "-q", *args],
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        capture_output=True,
        text=True,
        timeout=600,
    )


def build_deb() -> Path:
    require_build_tools()
    for old in (ROOT / "dist").glob("switchboard_*.deb"):
        old.unlink()
    subprocess.run(
        ["bash", "packaging/build_linux.sh"],
        cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable, "FORMATS": "deb"},
        check=True,
        timeout=900,
    )
    (deb,) = (ROOT / "dist").glob("switchboard_*.deb")
    return deb


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """A user with an empty home: the app's data goes to its usual XDG folders."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "SWITCHBOARD_", "QT_", "DBUS_", "PYTHON")) and k != "DISPLAY"
    }
    env.update(HOME=str(home), **extra)
    return env


def window_ids(display: str, name: str) -> list[str]:
    out = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
    )
    return out.stdout.split()


def test_deb_installs_runs_and_removes_keeping_user_data(tmp_path: Path) -> None:
    require_root()
    require_tools("apt-get", "dpkg", "Xvfb", "xdotool", "import", "dbus-run-session")
    deb = build_deb()

    # Every library the bundle takes from the system is in a package the .deb depends on.
    control = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True, text=True, check=True
    ).stdout
    depends = {d.strip().split(" ")[0] for d in control.split(",")}
    libraries = system_libraries(ROOT / "dist" / "switchboard")
    assert "libc.so.6" in libraries and "libxcb.so.1" in libraries
    uncovered = {
        lib: debian_package_of(lib) for lib in libraries if debian_package_of(lib) not in depends
    }
    assert not uncovered, f"system libraries not covered by Depends: {uncovered}"

    if subprocess.run(["dpkg", "-s", "switchboard"], capture_output=True).returncode == 0:
        assert apt("remove", "switchboard").returncode == 0
    installed = apt("install", "--no-install-recommends", str(deb))
    assert installed.returncode == 0, installed.stdout + installed.stderr
    try:
        assert LAUNCHER.is_symlink() and LAUNCHER.resolve() == INSTALL_DIR / "switchboard"
        assert Path("/usr/share/applications/switchboard.desktop").is_file()
        assert Path("/usr/share/icons/hicolor/256x256/apps/switchboard.png").is_file()
        if shutil.which("update-desktop-database"):  # the postinst ran it: links reach us
            cache = Path("/usr/share/applications/mimeinfo.cache").read_text()
            for scheme in ("tel", "sip", "callto"):
                assert f"x-scheme-handler/{scheme}=switchboard.desktop" in cache, scheme
        else:
            missing("update-desktop-database (Debian package desktop-file-utils)")

        # 1. The installed bundle checks itself (no display: offscreen Qt).
        home = tmp_path / "home"
        home.mkdir()
        check = subprocess.run(
            [str(LAUNCHER), "--self-check"],
            env=user_env(home),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert check.returncode == 0, check.stdout + check.stderr
        parts = self_check_parts(check.stdout)
        for part in REQUIRED_PARTS:
            assert parts.get(part) == "OK", check.stdout
        assert parts.get("sip-tls") == "OK", check.stdout
        assert "(frozen," in check.stdout
        assert f"found in {INSTALL_DIR}/_internal/resources" in check.stdout

        # keyring finds its backends through package metadata: the bundle must carry it.
        with secret_service() as exported:
            check = subprocess.run(
                [str(LAUNCHER), "--self-check"],
                env=user_env(home, **exported),
                capture_output=True,
                text=True,
                timeout=120,
            )
        assert check.returncode == 0, check.stdout + check.stderr
        assert "keyring: OK - keyring.backends.SecretService.Keyring" in check.stdout

        # 2. The installed app on a real X screen, as a user starts it.
        data_dir = home / ".local" / "share" / "Switchboard"
        with xvfb() as display:
            app = subprocess.Popen(
                ["dbus-run-session", "--", "switchboard"],
                env=user_env(home, DISPLAY=display, PATH="/usr/bin:/bin"),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                # A hang guard, not a speed check: the window normally shows in ~1 s.
                hang_guard = time.monotonic() + 300
                while not window_ids(display, "^Switchboard$"):
                    assert app.poll() is None, app.communicate()[0]
                    assert time.monotonic() < hang_guard, "the window never showed"
                    time.sleep(0.1)
                # The window is mapped; give it a moment to paint before the screenshot.
                time.sleep(1.0)
                shot = tmp_path / "installed-app.png"
                subprocess.run(
                    ["import", "-display", display, "-window", "root", str(shot)],
                    check=True,
                    timeout=60,
                )
                keep = os.environ.get("SWITCHBOARD_SCREENSHOT_DIR")
                if keep:
                    Path(keep).mkdir(parents=True, exist_ok=True)
                    shutil.copy(shot, Path(keep) / shot.name)
                colours = subprocess.run(
                    ["identify", "-format", "%k", str(shot)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                assert int(colours) > 2, "the screenshot is blank"
            finally:
                stop(app)
        assert (data_dir / "switchboard.db").is_file()
        user_file = data_dir / "keep-me.txt"
        user_file.write_text("the user's own data")
    finally:
        removed = apt("remove", "switchboard")
    assert removed.returncode == 0, removed.stdout + removed.stderr

    # 3. The program is gone; the user's data is not (it is in the user's home, which
    # no package touches), not even after a purge.
    assert not INSTALL_DIR.exists()
    assert not LAUNCHER.exists() and not LAUNCHER.is_symlink()
    assert not Path("/usr/share/applications/switchboard.desktop").exists()
    assert (data_dir / "switchboard.db").is_file()
    assert user_file.read_text() == "the user's own data"
    purged = apt("purge", "switchboard")
    assert purged.returncode == 0, purged.stdout + purged.stderr
    assert (data_dir / "switchboard.db").is_file()
    assert user_file.read_text() == "the user's own data"

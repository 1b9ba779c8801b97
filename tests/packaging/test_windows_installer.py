"""The Windows installer script, compiled with Debian's makensis and installed,
checked and uninstalled under wine in a throw-away WINEPREFIX.

The payload is a STAND-IN: a small folder shaped like the PyInstaller bundle
(switchboard.exe, switchboard-selfcheck.exe, _internal/) whose "executables" are
text files. No Windows Python exists here, so the real frozen app is built and
self-checked only by .github/workflows/windows.yml on a Windows runner; this test
covers the installer's own logic: files, Start-menu shortcut, URL handlers,
uninstall entry, and an uninstaller that keeps the user's data.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.helpers import ROOT, require_tools
from tests.servers.common import missing

pytestmark = pytest.mark.packaging

NSI = ROOT / "packaging" / "windows" / "switchboard.nsi"
SCHEMES = ("tel", "sip", "callto")


def wine_binary() -> str:
    for candidate in ("/usr/lib/wine/wine64", shutil.which("wine64"), shutil.which("wine")):
        if candidate and Path(candidate).exists():
            return candidate
    missing("wine64 (Debian package wine64)")
    raise AssertionError  # unreachable


def make_standin_payload(folder: Path) -> Path:
    (folder / "_internal" / "resources").mkdir(parents=True)
    for exe in ("switchboard.exe", "switchboard-selfcheck.exe"):
        (folder / exe).write_text("STAND-IN: not a program, only the installer is tested\n")
    (folder / "_internal" / "python312.dll").write_text("stand-in\n")
    (folder / "_internal" / "resources" / "switchboard.desktop").write_text("stand-in\n")
    return folder


def compile_installer(payload: Path, out: Path, version: str = "0.1.0") -> Path:
    require_tools("makensis")
    result = subprocess.run(
        [
            "makensis",
            "-V2",
            f"-DVERSION={version}",
            f"-DSOURCE_DIR={payload}",
            f"-DOUTFILE={out}",
            str(NSI),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"
    return out


class Wine:
    def __init__(self, binary: str, prefix: Path) -> None:
        self.binary = binary
        self.prefix = prefix
        self.server = str(Path(binary).with_name("wineserver"))
        if not Path(self.server).exists():
            self.server = shutil.which("wineserver") or "wineserver"
        self.env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        self.env.update(
            WINEPREFIX=str(prefix),
            WINEDEBUG="-all",
            # No Mono/Gecko install prompts, no menu entries leaking into the host desktop.
            WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d",
            HOME=str(prefix.parent),
        )

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [self.binary, *args], env=self.env, capture_output=True, text=True, timeout=300
        )
        self.wait()
        return result

    def wait(self) -> None:
        """Until every process in the prefix has ended (the uninstaller re-spawns
        itself from a temp copy, so its own exit code comes early)."""
        subprocess.run([self.server, "-w"], env=self.env, timeout=300, check=False)

    def reg_query(self, key: str, value: str | None = None) -> str | None:
        args = ["reg", "query", key] + (["/v", value] if value else [])
        result = self.run(*args)
        return result.stdout if result.returncode == 0 else None

    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    def user_dir(self) -> Path:
        users = [p for p in (self.drive_c() / "users").iterdir() if p.name != "Public"]
        assert len(users) == 1, users
        return users[0]

    def stop(self) -> None:
        subprocess.run([self.server, "-k"], env=self.env, timeout=60, check=False)


@pytest.fixture(scope="module")
def installer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("nsis")
    payload = make_standin_payload(base / "payload")
    return compile_installer(payload, base / "Switchboard-0.1.0-setup.exe")


@pytest.fixture(scope="module")
def newer_installer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("nsis-newer")
    payload = make_standin_payload(base / "payload")
    (payload / "_internal" / "python312.dll").write_text("stand-in, newer\n")
    return compile_installer(payload, base / "Switchboard-0.2.0-setup.exe", "0.2.0")


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    binary = wine_binary()
    base = tmp_path_factory.mktemp("wine")
    w = Wine(binary, base / "prefix")
    try:
        booted = w.run("wineboot", "--init")
        if not (w.drive_c() / "windows").is_dir():
            pytest.fail(f"wineboot did not create a prefix: {booted.stderr[-2000:]}")
        yield w
    finally:
        w.stop()


def test_installer_compiles_with_makensis(installer: Path) -> None:
    assert installer.stat().st_size > 10_000


def test_install_upgrade_uninstall_under_wine(
    installer: Path, newer_installer: Path, wine: Wine
) -> None:
    installed = wine.run(str(installer), "/S", r"/D=C:\Switchboard")
    assert installed.returncode == 0, installed.stderr[-2000:]

    app_dir = wine.drive_c() / "Switchboard"
    for name in ("switchboard.exe", "switchboard-selfcheck.exe", "uninstall.exe"):
        assert (app_dir / name).is_file(), name
    assert (app_dir / "_internal" / "resources" / "switchboard.desktop").is_file()
    assert (app_dir / "switchboard.exe").read_text().startswith("STAND-IN")

    start_menu = (
        wine.user_dir() / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Switchboard.lnk"
    )
    assert start_menu.is_file()

    command = r'"C:\Switchboard\switchboard.exe" "%1"'
    for scheme in SCHEMES:
        out = wine.reg_query(rf"HKCU\Software\Classes\{scheme}\shell\open\command")
        assert out is not None and command in out, (scheme, out)
        out = wine.reg_query(rf"HKCU\Software\Classes\{scheme}", "URL Protocol")
        assert out is not None and "URL Protocol" in out, (scheme, out)
        out = wine.reg_query(r"HKCU\Software\Switchboard\Capabilities\URLAssociations", scheme)
        assert out is not None and "Switchboard.URL" in out, (scheme, out)
    out = wine.reg_query(r"HKCU\Software\RegisteredApplications", "Switchboard")
    assert out is not None and r"Software\Switchboard\Capabilities" in out
    uninstall_key = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Switchboard"
    out = wine.reg_query(uninstall_key)
    assert out is not None
    assert r'"C:\Switchboard\uninstall.exe" /S' in out and "0.1.0" in out

    # The user's data, as the app keeps it, and a file of the user's in the program folder.
    data_dir = wine.user_dir() / "AppData" / "Local" / "Switchboard"
    data_dir.mkdir(parents=True)
    (data_dir / "switchboard.db").write_text("the user's customers")
    (data_dir / "config.json").write_text("{}")
    (app_dir / "my-notes.txt").write_text("not the installer's")

    # An upgrade over it: the new version's files, nothing left of the old libraries,
    # the user's files kept.
    (app_dir / "_internal" / "from-the-old-version.dll").write_text("stale")
    upgraded = wine.run(str(newer_installer), "/S", r"/D=C:\Switchboard")
    assert upgraded.returncode == 0, upgraded.stderr[-2000:]
    assert (app_dir / "_internal" / "python312.dll").read_text() == "stand-in, newer\n"
    assert not (app_dir / "_internal" / "from-the-old-version.dll").exists()
    out = wine.reg_query(uninstall_key, "DisplayVersion")
    assert out is not None and "0.2.0" in out
    assert (app_dir / "my-notes.txt").is_file()
    assert (data_dir / "switchboard.db").read_text() == "the user's customers"

    removed = wine.run(r"C:\Switchboard\uninstall.exe", "/S")
    assert removed.returncode == 0, removed.stderr[-2000:]

    for name in ("switchboard.exe", "switchboard-selfcheck.exe", "uninstall.exe", "_internal"):
        assert not (app_dir / name).exists(), name
    assert sorted(p.name for p in app_dir.iterdir()) == ["my-notes.txt"]
    assert not start_menu.exists()
    for scheme in SCHEMES:
        assert wine.reg_query(rf"HKCU\Software\Classes\{scheme}") is None, scheme
    assert wine.reg_query(r"HKCU\Software\Classes\Switchboard.URL") is None
    assert wine.reg_query(r"HKCU\Software\Switchboard") is None
    assert wine.reg_query(uninstall_key) is None
    assert (data_dir / "switchboard.db").read_text() == "the user's customers"
    assert (data_dir / "config.json").is_file()


def test_refuses_the_user_data_folder_as_program_folder(installer: Path, wine: Wine) -> None:
    data_dir = wine.user_dir() / "AppData" / "Local" / "Switchboard"
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "switchboard.db").write_text("the user's customers")
    target = rf"C:\users\{wine.user_dir().name}\AppData\Local\Switchboard"
    result = wine.run(str(installer), "/S", f"/D={target}")
    assert result.returncode != 0
    assert not (data_dir / "switchboard.exe").exists()
    assert not (data_dir / "uninstall.exe").exists()
    assert (data_dir / "switchboard.db").read_text() == "the user's customers"

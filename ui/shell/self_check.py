"""`switchboard --self-check`: proves every native part of an installed build loads.

An installer can copy files that then fail at run time (a missing Qt plugin, a
pjsua2 binding left out of the bundle, Alembic migrations not shipped), so the
packaged app checks itself: Qt widgets, QtMultimedia, pjsua2 (a null-device
Endpoint through its whole life), the database with migrations on a temporary
SQLite file, the time-zone and phone-number data, the resources, and the keyring.
One line per part::

    qt-widgets: OK - platform offscreen, Qt 6.12.0
    pjsua2: MISSING: No module named 'pjsua2'

Required parts say OK or MISSING; the exit code is 0 only when all of them are OK.
Optional parts (SIP over TLS, the password store, audio devices) say OK or
UNAVAILABLE with what that means for the operator, and never fail the check.

Where pjsua2 still prints start-up lines of its own (the Windows binding), the
check's lines are the ones shaped ``<part>: ...``.
"""

from __future__ import annotations

import ctypes
import importlib
import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

OK = "OK"
MISSING = "MISSING"
UNAVAILABLE = "UNAVAILABLE"


@dataclass(frozen=True)
class PartResult:
    part: str
    status: str  # OK, MISSING (a required part failed) or UNAVAILABLE (optional)
    detail: str
    required: bool = True

    def line(self) -> str:
        if self.status == OK:
            return f"{self.part}: OK - {self.detail}"
        return f"{self.part}: {self.status}: {self.detail}"


def _error_text(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text != type(exc).__name__ else text


def _check_qt_widgets() -> list[PartResult]:
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6 import __version__ as pyside_version
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "switchboard"])
    label = QLabel("Switchboard self-check")
    label.resize(200, 40)
    label.show()
    app.processEvents()
    pixmap = label.grab()
    label.close()
    if pixmap.isNull():
        raise RuntimeError("a widget could not be drawn")
    platform_name = QApplication.platformName()
    return [PartResult("qt-widgets", OK, f"platform {platform_name}, Qt {pyside_version}")]


def _check_qt_multimedia() -> list[PartResult]:
    from PySide6.QtMultimedia import QMediaDevices

    outputs = QMediaDevices.audioOutputs()
    inputs = QMediaDevices.audioInputs()
    results = [PartResult("qt-multimedia", OK, "QtMultimedia loaded")]
    if outputs or inputs:
        results.append(
            PartResult(
                "audio-devices",
                OK,
                f"{len(outputs)} output(s), {len(inputs)} input(s)",
                required=False,
            )
        )
    else:
        results.append(
            PartResult(
                "audio-devices",
                UNAVAILABLE,
                "no sound devices listed (no sound server running?): calls connect but "
                "nothing is heard until one is",
                required=False,
            )
        )
    return results


def _quiet_pjlib() -> None:
    """pjlib logs a few lines to stdout inside libCreate, before EpConfig's log levels
    apply. Its pj_log_set_level is exported by the Linux binding (not by the Windows
    one: there the lines stay)."""
    try:
        binding = importlib.import_module("pjsua2._pjsua2")
        ctypes.CDLL(binding.__file__).pj_log_set_level(0)
    except (ImportError, OSError, AttributeError, TypeError):
        pass


def _check_pjsua2() -> list[PartResult]:
    import pjsua2 as pj

    _quiet_pjlib()
    ep = pj.Endpoint()
    ep.libCreate()
    results: list[PartResult] = []
    try:
        epc = pj.EpConfig()
        epc.uaConfig.threadCnt = 0
        epc.uaConfig.mainThreadOnly = True
        epc.logConfig.level = 0
        epc.logConfig.consoleLevel = 0
        ep.libInit(epc)
        udp = pj.TransportConfig()
        udp.port = 0
        udp.boundAddress = "127.0.0.1"
        ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, udp)
        tls_result: PartResult
        try:
            tls = pj.TransportConfig()
            tls.port = 0
            tls.boundAddress = "127.0.0.1"
            ep.transportCreate(pj.PJSIP_TRANSPORT_TLS, tls)
            tls_result = PartResult("sip-tls", OK, "a TLS transport can be created", False)
        except pj.Error as exc:
            reason = str(exc.info()).strip().splitlines()[0] if exc.info() else "pjsua2 error"
            tls_result = PartResult(
                "sip-tls",
                UNAVAILABLE,
                f"this build of pjsua2 can't create a TLS transport ({reason}): "
                "SIP over TLS is not available, use UDP or TCP",
                required=False,
            )
        ep.libStart()
        ep.audDevManager().setNullDev()
        version = ep.libVersion().full
        results.append(PartResult("pjsua2", OK, f"pjsip {version}, null sound device, UDP"))
        results.append(tls_result)
    finally:
        ep.libDestroy()
        del ep
    return results


def _check_database() -> list[PartResult]:
    from app.db import Database, alembic_head_revision, current_revision, head_revision

    with tempfile.TemporaryDirectory(prefix="switchboard-selfcheck-") as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'selfcheck.db'}")
        try:
            revision = current_revision(db.engine)
        finally:
            db.close()
    head = head_revision()
    if revision != head:
        raise RuntimeError(f"migrated to {revision}, expected {head}")
    # A start skips Alembic when the database is at the head read from the files:
    # the bundle's files must give Alembic's own head.
    alembic_head = alembic_head_revision()
    if head != alembic_head:
        raise RuntimeError(f"head {head} from the migration files, Alembic's {alembic_head}")
    return [PartResult("database", OK, f"SQLite migrated to {revision}")]


def _check_core_data() -> list[PartResult]:
    """Data files the core loads lazily: the time-zone database (Windows has none of
    its own: the tzdata package) and phonenumbers' region metadata."""
    from app.contacts import format_phone, normalize_phone
    from app.settings import Settings
    from app.working_hours import zone

    shop_zone = Settings().shop_timezone
    zone(shop_zone)
    number = normalize_phone("050 123 45 67", "UA")
    if number != "+380501234567":
        raise RuntimeError(f"050 123 45 67 in UA normalised to {number!r}")
    return [PartResult("core-data", OK, f"time zone {shop_zone}, {format_phone(number)}")]


def _check_resources() -> list[PartResult]:
    from resources import resource_path

    wanted = [
        resource_path("icons", "switchboard.png"),
        resource_path("translations", "switchboard_ru.qm"),
        resource_path("translations", "switchboard_uk.qm"),
    ]
    absent = [str(path) for path in wanted if not path.is_file()]
    if absent:
        raise FileNotFoundError(f"not there: {', '.join(absent)}")
    return [PartResult("resources", OK, f"icon and translations found in {wanted[0].parents[1]}")]


def _check_keyring() -> list[PartResult]:
    from keyring.backends import fail

    from app.secrets import MemoryKeyring, SecretStore, SecretsUnavailable

    store = SecretStore()
    try:
        store.check()
    except SecretsUnavailable:
        real: list[str] = []
    else:
        # keyring may pick its ChainerBackend (several viable backends); and it takes any
        # loaded backend class by priority, the in-memory test double of app.secrets
        # included, which would lose every password at exit: only real stores count.
        backends = getattr(store.backend, "backends", None) or [store.backend]
        real = [
            f"{type(b).__module__}.{type(b).__name__}"
            for b in backends
            if not isinstance(b, MemoryKeyring | fail.Keyring)
        ]
    if not real:
        return [
            PartResult(
                "keyring",
                UNAVAILABLE,
                f"no password store ({store.describe()}): passwords can't be saved until a "
                "Secret Service (GNOME Keyring, KWallet) runs in the desktop session",
                required=False,
            )
        ]
    return [PartResult("keyring", OK, ", ".join(real), required=False)]


# Qt last: with a display that can't be opened Qt aborts the whole process (no
# exception to catch), and the other parts' lines are out by then.
CHECKS: list[tuple[str, Callable[[], list[PartResult]]]] = [
    ("pjsua2", _check_pjsua2),
    ("database", _check_database),
    ("core-data", _check_core_data),
    ("resources", _check_resources),
    ("keyring", _check_keyring),
    ("qt-widgets", _check_qt_widgets),
    ("qt-multimedia", _check_qt_multimedia),
]
# Parts whose failure does not fail the check (the app runs without them).
OPTIONAL_PARTS = {"keyring"}


def collect(report: Callable[[PartResult], None] | None = None) -> list[PartResult]:
    """Runs every check; ``report`` sees each result as soon as it is known."""
    results: list[PartResult] = []
    for part, check in CHECKS:
        try:
            found = check()
        except Exception as exc:
            if part in OPTIONAL_PARTS:
                found = [PartResult(part, UNAVAILABLE, _error_text(exc), required=False)]
            else:
                detail = _error_text(exc)
                if os.environ.get("SWITCHBOARD_SELF_CHECK_DEBUG"):
                    detail += "\n" + traceback.format_exc()
                found = [PartResult(part, MISSING, detail)]
        for result in found:
            results.append(result)
            if report is not None:
                report(result)
    return results


def run_self_check(out: TextIO | None = sys.stdout) -> int:
    """Prints one line per part to ``out``; 0 when every required part works, else 1.

    ``out`` may be None (a windowed Windows build has no console): only the exit
    code tells then.
    """
    from app.version import app_version

    def emit(text: str) -> None:
        if out is not None:
            print(text, file=out, flush=True)

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    emit(
        f"Switchboard {app_version()} self-check ({frozen}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()})"
    )
    results = collect(lambda result: emit(result.line()))
    failed = [r.part for r in results if r.required and r.status != OK]
    emit(f"self-check: {'FAILED: ' + ', '.join(failed) if failed else 'all required parts OK'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(run_self_check())

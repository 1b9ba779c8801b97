"""The `switchboard` command: opens the core, then the window.

The full operator window arrives with its own issue; until then this shows a
placeholder that proves the installed app starts, finds its database and
migrates it.
"""

from __future__ import annotations

import argparse
import logging
import sys

from app.core import Core
from app.db import DatabaseError
from app.settings import AppPaths, setup_logging

log = logging.getLogger(__name__)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="switchboard", description="Call-and-chat softphone")
    parser.add_argument("link", nargs="?", help="a tel:, sip: or callto: link to dial")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    paths = AppPaths.default()
    paths.ensure()
    setup_logging(paths)

    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationName("Switchboard")
    try:
        core = Core.open(paths)
    except DatabaseError as exc:
        log.error("database unusable: %s", exc)
        QMessageBox.critical(None, "Switchboard", str(exc))
        return 2
    window = QMainWindow()
    window.setWindowTitle("Switchboard")
    label = QLabel(
        f"Switchboard is starting up.\n\nDatabase: {core.db.dialect} "
        f"({core.settings.resolved_database_url(paths)})"
        + (f"\nLink to dial: {args.link}" if args.link else "")
    )
    label.setMargin(24)
    window.setCentralWidget(label)
    window.resize(640, 360)
    window.show()
    try:
        return qt_app.exec()
    finally:
        core.close()


if __name__ == "__main__":
    sys.exit(main())

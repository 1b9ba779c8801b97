"""The `switchboard` command: one instance per user, the window, the engine.

``switchboard tel:+380501234567`` dials the link; when Switchboard already
runs with the same profile, the link goes to the running instance
(ui/shell/single_instance.py) and this process exits.

The window is shown before the database is opened: importing SQLAlchemy and
SQLModel alone takes longer than a whole bare PySide6 window, so the core is
opened on the task worker after the window's first paint (Shell.open_core),
and nothing imported before that paint may bring SQLAlchemy (a test checks).
bench/README.md, "The window".

A start that can't go on says why, with the ways out (ui/shell/start_problem_dialog.py):
folders that can't be written (exit 3), a settings file that can't say which
database to use (asked before any database is opened: never the local file in
its place), a database that can't be opened (over the window; try again, change
it, or quit: exit 2).
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass

from app.core import Core
from app.errors import DatabaseError
from app.settings import AppPaths, HomeNotWritable, Settings, setup_logging
from ui.calls.dial_input import is_call_link

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartArgs:
    link: str | None = None
    self_check: bool = False


def parse_args(argv: list[str]) -> StartArgs:
    if not argv:
        # The everyday start (the menu, autostart): argparse's import alone is a
        # few ms before the window, spent only when there is something to parse.
        return StartArgs()
    import argparse

    parser = argparse.ArgumentParser(prog="switchboard", description="Call-and-chat softphone")
    parser.add_argument("link", nargs="?", help="a tel:, sip: or callto: link to dial")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check that Qt, pjsua2, the database and the resources load, then exit",
    )
    parsed = parser.parse_args(argv)
    return StartArgs(link=parsed.link, self_check=parsed.self_check)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_check:
        from ui.shell.self_check import run_self_check

        return run_self_check(sys.stdout)
    paths = AppPaths.default()
    try:
        paths.ensure()
        setup_logging(paths)
    except HomeNotWritable as problem:
        return home_not_writable(paths, problem)

    from PySide6.QtWidgets import QApplication

    from ui.shell.i18n import Translations
    from ui.shell.single_instance import (
        ACTIVATE,
        SingleInstance,
        forward,
        may_be_running,
        server_name,
    )

    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationName("Switchboard")
    qt_app.setQuitOnLastWindowClosed(False)
    link = args.link if args.link and is_call_link(args.link) else ""
    instance_name = server_name(paths.data_dir)  # one instance per profile
    if may_be_running(instance_name) and forward(link or ACTIVATE, instance_name):
        log.info("handed %r to the running instance", link or ACTIVATE)
        return 0

    loaded = Settings.read(paths.config_file)
    translations = Translations()
    translations.install(loaded.settings.language)
    settings = loaded.settings
    if loaded.database_problem is not None:
        from ui.shell.start_problem_dialog import EXIT_NO_DATABASE, ask_about_config

        chosen = ask_about_config(paths, loaded)
        if chosen is None:
            return EXIT_NO_DATABASE
        if chosen.language != settings.language:
            translations.install(chosen.language)
        settings = chosen
    core = Core.prepare(paths, settings)  # the database is opened after the first paint

    from ui.shell.shell import Shell

    shell = Shell(core)
    window = shell.window
    instance = SingleInstance(instance_name)  # listens after the first paint

    def quit_app() -> None:
        window.quitting = True
        window.close()
        qt_app.quit()

    window.quitRequested.connect(quit_app)
    window.destroyed.connect(qt_app.quit)

    def received(message: str) -> None:
        if message and message != ACTIVATE and is_call_link(message):
            window.dial_link(message)
        else:
            window.bring_to_front()

    instance.received.connect(received)

    def add_tray_and_listen() -> None:
        """What the first picture does not need (~30 ms before it otherwise): the
        single-instance server, the tray icon and the icons it paints."""
        if not instance.listen():
            log.warning("single-instance server did not start: %s", instance.error())
        from ui.shell.tray import Tray, app_icon

        qt_app.setWindowIcon(app_icon())
        tray = Tray(shell.bridge, window=window, tasks=shell.tasks)
        window.registration.accountsChanged.connect(tray.set_accounts)
        window.notifier.attach_tray(tray)  # new messages' notifications, the unread badge
        tray.set_channels(shell.channels.summary())
        shell.channels.summaryChanged.connect(tray.set_channels)
        tray.showRequested.connect(window.bring_to_front)
        tray.showRequested.connect(tray.reset_missed)
        window.activated.connect(tray.reset_missed)
        instance.received.connect(lambda _message: tray.reset_missed())
        tray.quitRequested.connect(quit_app)
        if Tray.available():
            tray.show()
            window.hide_on_close = True
        else:
            qt_app.lastWindowClosed.connect(qt_app.quit)
            if not window.isVisible():  # closed before this ran: nothing would quit
                qt_app.quit()

    def core_failed(exc: Exception) -> None:
        if isinstance(exc, DatabaseError):
            log.error("database unusable: %s", exc)
        else:
            log.error("the database could not be opened", exc_info=exc)
        # Over the window (hiding it first could end the event loop through
        # lastWindowClosed, with code 0), until it opens or the operator quits.
        from ui.shell.start_problem_dialog import show_database_problem

        show_database_problem(shell, exc, qt_app.exit)

    shell.coreFailed.connect(core_failed)
    from ui.shell.first_paint import after_first_paint

    # The database, then the engine (pjsua2; QtMultimedia waits for the first call), once the
    # window is up; meanwhile the dial field takes typing and the window's
    # database actions wait disabled (MainWindow.core_opened).
    after_first_paint(window, shell.open_core)
    after_first_paint(window, add_tray_and_listen)
    window.show()
    if link:
        shell.engineReady.connect(lambda: window.dial_link(link))
    try:
        return qt_app.exec()
    finally:
        instance.close()
        shell.shutdown()
        core.close()


def home_not_writable(paths: AppPaths, problem: HomeNotWritable) -> int:
    """Says which folder can't be written and why, in a dialog (there is no log
    to read: it may be the folder that can't be written), then exit code 3."""
    print(f"switchboard: {problem}", file=sys.stderr)
    from PySide6.QtWidgets import QApplication

    from ui.shell.i18n import Translations
    from ui.shell.start_problem_dialog import EXIT_HOME_NOT_WRITABLE, HomeProblemDialog

    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationName("Switchboard")
    translations = Translations()
    translations.install(Settings.read(paths.config_file).settings.language)
    dialog = HomeProblemDialog(problem, os.environ.get("SWITCHBOARD_HOME"))
    dialog.exec()
    return EXIT_HOME_NOT_WRITABLE


if __name__ == "__main__":
    sys.exit(main())

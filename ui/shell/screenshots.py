"""Renders the window's main states offscreen into docs/screenshots/*.png.

``python -m ui.shell.screenshots [--out DIR] [--language uk]``: builds a core on a
temporary SQLite file with demo data, feeds engine events into the bridge the
way the SIP thread would, and grabs each state. Run it after changing the UI
and look at every picture: clipped or overlapping text shows up here first.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _settle(app: object, until: Callable[[], bool], timeout: float = 10.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise RuntimeError("the window did not settle in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QCoreApplication.processEvents()


IMPORT_SAMPLE = "\r\n".join(
    [
        "ФИО;Телефон;Email;Компания",
        "Гончаренко Марина;050 311 22 41;marina.h@ukr.net;",
        "Савчук Олег;(067) 402-18-90;;ФОП Савчук",
        "Левченко Дарья;+380 93 555 10 02;darya.l@gmail.com;",
        "Ковальчук Ігор;050-ПЕРЕЗВОН;;",
        "Мороз Віктор;+380 50 123 45 67;;",
        "Бондар Анна;066 777 30 12;anna@@mail;",
        "Ткаченко Петро;097 410 55 20;;ТОВ Зерно",
        "Шевчук Олена;073 200 11 90;olena.sh@i.ua;",
    ]
)


def render(out: Path, language: str = "") -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    from app.accounts import save_sip_account
    from app.core import Core
    from app.models import CallbackOutcome, SipAccount
    from app.secrets import MemoryKeyring, SecretStore
    from app.settings import AppPaths, Settings
    from sip.events import (
        CallDirection,
        CallEnded,
        CallOutcome,
        CallPhase,
        CallStateChanged,
        IncomingCall,
        RegistrationChanged,
        RegistrationStatus,
    )
    from ui.callbacks.callback_outcome_dialog import CallbackOutcomeDialog
    from ui.settings.settings_dialog import SettingsDialog
    from ui.shell.demo_data import FEATURED_PHONE, seed, seed_callbacks
    from ui.shell.i18n import Translations
    from ui.shell.shell import Shell
    from ui.shell.shortcuts_dialog import ShortcutsDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    translations = Translations()
    translations.install(language or "en")
    suffix = f"-{language}" if language else ""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path), "PNG")
        written.append(path)

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = AppPaths(root / "config", root / "data", root / "logs")
        paths.ensure()
        settings = Settings(database_url=f"sqlite:///{root / 'demo.db'}", operator_name="Iryna")
        core = Core.open(paths, settings, SecretStore(MemoryKeyring()))
        featured = seed(core)
        account = save_sip_account(
            core,
            SipAccount(label="Office 1001", username="1001", domain="pbx.kvitka.example"),
            "demo-password",
        )
        shell = Shell(core)
        window = shell.window
        shell.control.account_id = str(account.id)
        window.registration.set_accounts({str(account.id): account.label})
        account_id = str(account.id)
        shell.bridge(RegistrationChanged(account_id, RegistrationStatus.REGISTERED, 200, "OK"))
        window.resize(1280, 800)
        window.show()
        window.open_customer(featured)
        tasks = shell.tasks
        _settle(app, lambda: tasks.pending == 0 and window.card.timeline.list.count() >= 50)
        save(window, "main-window")

        editor = window.card.edit_customer()
        assert editor is not None
        _settle(app, lambda: True)
        save(editor, "edit-customer")
        editor.close()

        # A conversation in the side panel, from the real feed: a photo, a file,
        # a reply, an edit and every sending state.
        from ui.conversations.demo_conversation import seed_conversation

        chat_customer, _ = seed_conversation(core, operator="Iryna")
        window.open_customer(chat_customer)
        messages = window.side.view.messages
        _settle(app, lambda: tasks.pending == 0 and messages.messages.rowCount() >= 10)
        save(window, "conversation")
        window.open_customer(featured)
        _settle(app, lambda: tasks.pending == 0)

        # The callback queue beside the customers: a morning's requests, one overdue.
        seed_callbacks(core)
        window.callbacks.refresh()
        window.show_callbacks()
        _settle(app, lambda: tasks.pending == 0 and len(window.callback_panel.model.rows) >= 5)
        save(window, "callback-queue")

        # The chats waiting for a reply beside it: clocks in every colour.
        from ui.conversations.demo_chats import seed_waiting_chats

        chats = seed_waiting_chats(core, operator="Iryna")
        window.focus_chats()
        _settle(app, lambda: tasks.pending == 0 and len(window.waiting.model.rows) == len(chats))
        save(window, "waiting-chats")
        window.show_callbacks()

        outcome = CallbackOutcomeDialog("Andrii Melnyk", CallbackOutcome.NO_ANSWER, 3, window)
        outcome.show()
        _settle(app, lambda: True)
        save(outcome, "callback-outcome")
        outcome.close()

        report = window.show_callback_report()
        report.period.setCurrentIndex(2)  # the last 30 days
        _settle(app, lambda: tasks.pending == 0 and report.report is not None)
        save(report, "callback-report")
        report.close()

        # An export from an older CRM: cp1251, Russian headers, three rows wrong.
        export = root / "crm-export.csv"
        export.write_bytes(IMPORT_SAMPLE.encode("cp1251"))
        importing = window.import_customers(export)
        assert importing is not None
        _settle(app, lambda: importing.plan is not None)
        save(importing, "import-customers")
        importing.close()

        shell.bridge(
            IncomingCall("call-1", "1", f"<sip:{FEATURED_PHONE}@pbx>", FEATURED_PHONE, "", "x1")
        )
        _settle(app, lambda: "call-1" in window.pops and window.pops["call-1"].info is not None)
        save(window.pops["call-1"], "incoming-call")

        shell.bridge(
            IncomingCall("call-2", "1", "<sip:+48221234567@pbx>", "+48221234567", "", "x2")
        )
        _settle(app, lambda: "call-2" in window.pops and window.pops["call-2"].info is not None)
        save(window.pops["call-2"], "incoming-unknown")

        shell.bridge(CallStateChanged("call-1", CallPhase.CONFIRMED, 200, "OK"))
        _settle(app, lambda: "call-1" not in window.pops)
        item = shell.book.get("call-1")
        assert item is not None and item.connected_at is not None
        item.connected_at -= 83  # a call that has been going on for a while
        window.call_panel.refresh()
        _settle(app, lambda: tasks.pending == 0)
        window.pops["call-2"].close()
        _settle(app, lambda: "call-2" not in window.pops)
        save(window, "active-call")

        dialog = SettingsDialog(core, tasks, window)
        dialog.show()
        _settle(app, lambda: dialog.current is not None)
        save(dialog, "settings")
        dialog.tabs.setCurrentIndex(1)
        _settle(app, lambda: True)
        save(dialog, "settings-general")
        dialog.tabs.setCurrentWidget(dialog.audio)
        _settle(app, lambda: True)
        save(dialog, "settings-audio")
        dialog.close()

        shortcuts = ShortcutsDialog(window)
        shortcuts.show()
        _settle(app, lambda: True)
        save(shortcuts, "shortcuts")
        shortcuts.close()

        for call_id, number in (("call-1", FEATURED_PHONE), ("call-2", "+48221234567")):
            shell.bridge(
                CallEnded(
                    call_id,
                    account_id,
                    CallDirection.INBOUND,
                    CallOutcome.ANSWERED,
                    200,
                    "",
                    call_id,
                    "",
                    number,
                    "",
                    83.0,
                    90.0,
                )
            )
        _settle(app, lambda: shell.book.active is None)
        window.registration.set_accounts({})  # a first start: no account yet
        window.card.stack.setCurrentWidget(window.card.placeholder)
        _settle(app, lambda: True)
        save(window, "first-start")

        window.quitting = True
        window.close()
        tasks.shutdown()
        core.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", default="", help="ru or uk (default: English)")
    args = parser.parse_args(argv)
    for path in render(args.out, args.language):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

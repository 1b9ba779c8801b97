"""Settings > Email against real servers: dovecot (IMAP, STARTTLS and IMAPS with
the throw-away CA) and aiosmtpd (SMTP with STARTTLS).

A mailbox is added, tested (the folders come from the server, the SMTP login
is tried, no mail is sent), saved with its password in the keyring only (not
in the database, not in the settings file); every bad value is refused with
words before anything is saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text
from sqlmodel import select

from app.core import Core
from app.messages import OperatorError
from app.models import ChannelAccount
from app.secrets import SecretKind
from integrations.base import ChannelState, ChannelStatus
from integrations.email.accounts import list_mailboxes, save_mailbox
from integrations.email.imap import _FIRST_SYNC_NOTE, _FOLDER_PROBLEM
from integrations.email.settings import Endpoint, MailboxSettings, Security
from tests.servers.dovecot import DovecotServer
from tests.servers.smtp import SmtpServer
from ui.common.tasks import TaskRunner
from ui.settings.email_page import EmailPage
from ui.settings.settings_dialog import SettingsDialog

WAIT_MS = 20_000  # a bound for the waits
SHOP = "shop@shop.example"
PASSWORD = "Pa55-word-never-stored"


@pytest.fixture
def tasks(qtbot: Any) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def page(qtbot: Any, sqlite_core: Core, tasks: TaskRunner) -> EmailPage:
    built = EmailPage(sqlite_core, tasks)
    qtbot.addWidget(built)
    built.show()
    qtbot.waitUntil(lambda: built.current is not None, timeout=WAIT_MS)
    return built


@pytest.fixture
def servers(dovecot: DovecotServer) -> Iterator[tuple[DovecotServer, SmtpServer]]:
    dovecot.add_user(SHOP, PASSWORD)
    with SmtpServer(dovecot.cert, dovecot.key, user=SHOP, password=PASSWORD) as smtp:
        yield dovecot, smtp


def fill(page: EmailPage, dovecot: DovecotServer, smtp: SmtpServer) -> None:
    page.new_mailbox()
    page.address.setText(SHOP)
    page.display_name.setText("Квіти Оле")
    page.imap_host.setText(dovecot.host)
    page.imap_port.setText(str(dovecot.imap_port))
    page.imap_security.setCurrentIndex(page.imap_security.findData("starttls"))
    page.smtp_host.setText("127.0.0.1")
    page.smtp_port.setText(str(smtp.port))
    page.smtp_security.setCurrentIndex(page.smtp_security.findData("starttls"))
    page.ca_file.setText(str(dovecot.ca_file))
    page.password.setText(PASSWORD)
    page.signature.setPlainText("Оля\nКвіти Оле")


def wait_result(qtbot: Any, page: EmailPage, before: str = "") -> str:
    qtbot.waitUntil(
        lambda: (
            page.test_imap_button.isEnabled()
            and page.result.text() not in ("", before)
            and not page.result.text().endswith("…")
        ),
        timeout=WAIT_MS,
    )
    return page.result.text()


def folder_names(page: EmailPage) -> list[str]:
    return [page.folder_list.item(i).text() for i in range(page.folder_list.count())]


def database_text(core: Core) -> str:
    with core.db.session() as s:
        tables = [
            row[0] for row in s.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        ]
        return "\n".join(
            str(value)
            for table in tables
            for row in s.execute(text(f'SELECT * FROM "{table}"'))
            for value in row
        )


def test_a_mailbox_is_tested_and_saved_with_its_password_in_the_keyring_only(
    qtbot: Any, page: EmailPage, sqlite_core: Core, servers: tuple[DovecotServer, SmtpServer]
) -> None:
    dovecot, smtp = servers
    assert page.password.echoMode() == page.password.EchoMode.Password
    fill(page, dovecot, smtp)
    assert folder_names(page) == ["INBOX"]  # the default, before any Test

    page.test_imap_button.click()
    said = wait_result(qtbot, page)
    assert said.startswith("Logged in."), said
    assert {"INBOX", "Sent", "Drafts", "Support"} <= set(folder_names(page))
    assert page.checked_folders() == ("INBOX",)
    assert page.sent_folder.itemText(0) == "Found by the server: Sent"
    page.folder_list.findItems("Support", Qt.MatchFlag.MatchExactly)[0].setCheckState(
        Qt.CheckState.Checked
    )

    page.test_smtp_button.click()
    said = wait_result(qtbot, page, said)
    assert said == "The SMTP server took the login. Replies can be sent.", said
    assert smtp.logins == [(SHOP, PASSWORD)]
    assert smtp.messages() == []  # a Test sends nothing

    with qtbot.waitSignal(page.mailboxesChanged, timeout=WAIT_MS):
        page.save_button.click()
    assert page.result.text() == f"Mailbox “{SHOP}” saved."
    assert page.password.text() == ""  # not kept in the widget
    assert page.password.placeholderText() == "saved; leave empty to keep it"

    [saved] = list_mailboxes(sqlite_core)
    assert saved.id is not None and saved.settings is not None
    assert saved.settings.folders == ("INBOX", "Support")
    assert saved.settings.imap.port == dovecot.imap_port
    assert saved.settings.imap.security.value == "starttls"
    assert saved.settings.signature == "Оля\nКвіти Оле"
    assert saved.settings.first_sync_days == 30 and not saved.settings.mark_seen
    assert sqlite_core.secrets.get(SecretKind.MAILBOX, saved.id) == PASSWORD
    assert PASSWORD not in database_text(sqlite_core)
    assert SHOP in database_text(sqlite_core)
    config = sqlite_core.paths.config_file
    assert not config.exists() or PASSWORD not in config.read_text(encoding="utf-8")

    # Saved again with the field empty: the stored password stays.
    page.display_name.setText("Квіти Оле, Київ")
    with qtbot.waitSignal(page.mailboxesChanged, timeout=WAIT_MS):
        page.save_button.click()
    [again] = list_mailboxes(sqlite_core)
    assert again.id == saved.id and again.settings is not None
    assert again.settings.display_name == "Квіти Оле, Київ"
    assert sqlite_core.secrets.get(SecretKind.MAILBOX, saved.id) == PASSWORD
    # And Test reads the stored one.
    page.test_imap_button.click()
    assert wait_result(qtbot, page, page.result.text()).startswith("Logged in.")


def test_a_wrong_password_is_said_so(
    qtbot: Any, page: EmailPage, servers: tuple[DovecotServer, SmtpServer]
) -> None:
    dovecot, smtp = servers
    fill(page, dovecot, smtp)
    page.password.setText("not the password")

    page.test_imap_button.click()
    said = wait_result(qtbot, page)
    assert said.startswith(f"The IMAP server {dovecot.host} refused the user name or password")

    page.test_smtp_button.click()
    said = wait_result(qtbot, page, said)
    assert said.startswith("The SMTP server 127.0.0.1 refused the user name or password: 535")


def test_a_certificate_not_trusted_is_named(
    qtbot: Any, page: EmailPage, servers: tuple[DovecotServer, SmtpServer]
) -> None:
    dovecot, smtp = servers
    fill(page, dovecot, smtp)
    page.ca_file.clear()  # the throw-away CA is not trusted now

    page.test_imap_button.click()
    said = wait_result(qtbot, page)
    assert "from an issuer this computer does not trust" in said, said


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("imap_port", "99999", "The IMAP port 99999 is not a port number (1 to 65535)."),
        ("smtp_port", "587a", "The SMTP port '587a' is not a port number (1 to 65535)."),
        ("smtp_port", "0", "The SMTP port 0 is not a port number (1 to 65535)."),
        ("imap_host", "", "The IMAP server '' is not a host name."),
        ("smtp_host", "smtp example com", "The SMTP server 'smtp example com' is not a host name."),
        ("address", "shop.example", "'shop.example' is not an email address."),
        ("ca_file", "/no/such/ca.pem", "The CA certificate file '/no/such/ca.pem' can't be read."),
    ],
)
def test_a_bad_value_is_refused_before_saving(
    qtbot: Any,
    page: EmailPage,
    sqlite_core: Core,
    servers: tuple[DovecotServer, SmtpServer],
    field: str,
    value: str,
    said: str,
) -> None:
    dovecot, smtp = servers
    fill(page, dovecot, smtp)
    getattr(page, field).setText(value)

    page.save_button.click()
    assert page.result.text() == f"Not saved: {said}"
    page.test_imap_button.click()  # nor tested: the same words
    assert page.result.text() == said
    assert smtp.logins == []

    with sqlite_core.db.session() as s:
        assert list(s.exec(select(ChannelAccount))) == []
    assert sqlite_core.secrets.get(SecretKind.MAILBOX, 1) is None


def test_no_folder_ticked_is_refused(
    qtbot: Any, page: EmailPage, sqlite_core: Core, servers: tuple[DovecotServer, SmtpServer]
) -> None:
    dovecot, smtp = servers
    fill(page, dovecot, smtp)
    page.folder_list.item(0).setCheckState(Qt.CheckState.Unchecked)

    page.save_button.click()

    assert page.result.text() == "Not saved: Choose at least one folder to read."
    assert list_mailboxes(sqlite_core) == []


def test_a_new_mailbox_needs_its_password(
    qtbot: Any, page: EmailPage, sqlite_core: Core, servers: tuple[DovecotServer, SmtpServer]
) -> None:
    dovecot, smtp = servers
    fill(page, dovecot, smtp)
    page.password.clear()

    page.save_button.click()

    qtbot.waitUntil(lambda: page.result.text().startswith("Not saved"), timeout=WAIT_MS)
    assert "password" in page.result.text()
    assert list_mailboxes(sqlite_core) == []


def test_removing_a_mailbox_forgets_its_password(
    qtbot: Any, page: EmailPage, sqlite_core: Core, servers: tuple[DovecotServer, SmtpServer]
) -> None:
    dovecot, smtp = servers
    fill(page, dovecot, smtp)
    page.smtp_password.setText("another one")
    with qtbot.waitSignal(page.mailboxesChanged, timeout=WAIT_MS):
        page.save_button.click()
    [saved] = list_mailboxes(sqlite_core)
    assert saved.id is not None
    assert sqlite_core.secrets.get(SecretKind.MAILBOX, f"{saved.id}:smtp") == "another one"

    page.remove_button.click()
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible())
    assert page.question is not None
    with qtbot.waitSignal(page.mailboxesChanged, timeout=WAIT_MS):
        page.question.button(QMessageBox.StandardButton.Yes).click()

    assert list_mailboxes(sqlite_core) == []
    assert sqlite_core.secrets.get(SecretKind.MAILBOX, saved.id) is None
    assert sqlite_core.secrets.get(SecretKind.MAILBOX, f"{saved.id}:smtp") is None


def test_the_settings_dialog_has_the_page(qtbot: Any, sqlite_core: Core, tasks: TaskRunner) -> None:
    dialog = SettingsDialog(sqlite_core, tasks)
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Email" in titles
    assert dialog.tabs.widget(titles.index("Email")) is dialog.email


def test_the_window_shows_each_mailboxs_state_on_its_page_and_reloads_once(
    qtbot: Any, shell: Any, sqlite_core: Core, servers: tuple[DovecotServer, SmtpServer]
) -> None:
    """Settings as the menu opens it (modal, attached to the window's channels,
    as the Telegram page is): a saved mailbox is read by the host at once, and
    its page shows the host's live state; each save or removal reloads the
    host once (not through the Telegram page's signal as well)."""
    dovecot, smtp = servers
    qtbot.waitUntil(lambda: shell.channels.running, timeout=WAIT_MS)
    reloads: list[int] = []
    reload_host = shell.channels._reload_host

    def counted() -> None:
        reloads.append(1)
        reload_host()

    shell.channels._reload_host = counted
    seen: dict[str, object] = {}

    def in_settings() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        try:  # closed whatever happens: a failure here must not leave exec() waiting
            page = dialog.email
            qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT_MS)
            fill(page, dovecot, smtp)
            with qtbot.waitSignal(page.mailboxesChanged, timeout=WAIT_MS):
                page.save_button.click()
            qtbot.waitUntil(lambda: page.state.text() == "connected", timeout=WAIT_MS)
            seen["tooltip"] = page.mailbox_list.item(0).toolTip()
            shell.channels.settle()
            seen["reloads after save"] = len(reloads)
            page.remove_button.click()
            qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible())
            assert page.question is not None
            with qtbot.waitSignal(page.mailboxesChanged, timeout=WAIT_MS):
                page.question.button(QMessageBox.StandardButton.Yes).click()
            qtbot.waitUntil(lambda: not shell.channels.statuses(), timeout=WAIT_MS)
            seen["reloads after removal"] = len(reloads)
        finally:
            dialog.accept()

    QTimer.singleShot(0, in_settings)
    shell.open_settings()
    assert "connected" in str(seen.get("tooltip"))  # the host's status, on the page's list
    assert seen.get("reloads after save") == 1
    assert seen.get("reloads after removal") == 2


def test_what_the_first_sync_left_on_the_server_is_said_under_the_state(
    qtbot: Any, sqlite_core: Core, tasks: TaskRunner
) -> None:
    """The channel's note after a first sync that left older mail on the
    server (integrations/email/imap.py) is on the page, not only in a tooltip;
    a problem's words stay in the tooltip, under its short state."""
    settings = MailboxSettings(
        address=SHOP,
        display_name="",
        imap=Endpoint("imap.shop.example", 993, Security.TLS),
        smtp=Endpoint("smtp.shop.example", 465, Security.TLS),
        user=SHOP,
    )
    saved = save_mailbox(sqlite_core, settings, password=PASSWORD)
    assert saved.id is not None
    page = EmailPage(sqlite_core, tasks)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == saved.id)
    note = OperatorError(_FIRST_SYNC_NOTE, since="2026-01-05", read=150, older=99850)

    def status(state: ChannelState, problem: OperatorError | None = None) -> ChannelStatus:
        detail = str(problem) if problem is not None else ""
        return ChannelStatus(saved.id or 0, "email", saved.label, state, detail, problem=problem)

    page.show_statuses([status(ChannelState.CONNECTED, note)])
    assert page.state.text() == f"connected\n{note}"
    assert "99850 older message(s) stay on the server" in page.state.text()
    assert "99850 older message(s) stay on the server" in page.mailbox_list.item(0).toolTip()

    page.show_statuses([status(ChannelState.CONNECTED)])
    assert page.state.text() == "connected"

    problem = OperatorError(_FOLDER_PROBLEM, folder="Archive", reason="NO")
    page.show_statuses([status(ChannelState.MISCONFIGURED, problem)])
    assert page.state.text() == "can't start"
    assert "can't be read: NO." in page.state.toolTip()

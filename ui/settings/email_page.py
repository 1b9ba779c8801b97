"""The settings dialog's Email page: the shop's mailboxes, each read over IMAP
and answered over SMTP (integrations/email/).

A mailbox: its address and the name its replies go out under; the IMAP and
SMTP servers (host, port, TLS or STARTTLS: nothing unencrypted is offered),
the login, the password (to the keyring only, ``mailbox:<row id>``; the field
is never filled back, it says "saved", and leaving it empty keeps it), an SMTP
login and password when the provider wants others; the folders read (picked
from what "Test IMAP" lists, INBOX by default) and the Sent folder; how far
back the first sync goes; whether reading marks mail as read on the server
(off: the customer's mail client still shows it new); the signature under
every reply; an extra CA file for a server with the shop's own certificate;
on or off.

Every value is checked before anything is saved (a port that isn't one, an
empty host, an address that isn't one: the page says which and why), by the
same rules the channel reads them with (integrations/email/settings.py).
Saving runs on the task worker (integrations/email/accounts.py). "Test IMAP"
and "Test SMTP" (connect, TLS, log in; the folders listed; no mail sent) run on
the page's own thread, as Telegram's Test does: a server that never answers
would otherwise hold up every read of the window for its timeouts.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import Core
from integrations.email.accounts import (
    NO_PASSWORD,
    MailboxAccount,
    NoPassword,
    check_ca_file,
    delete_mailbox,
    list_mailboxes,
    passwords,
    port_of,
    save_mailbox,
)
from integrations.email.settings import (
    MAX_FIRST_SYNC_DAYS,
    BadMailboxSetting,
    Endpoint,
    MailboxSettings,
    Security,
    check_mailbox,
    default_port,
)
from ui.common.core_text import error_text
from ui.common.dialog_parts import ERROR_COLOR
from ui.common.plain_text import plain_label, plain_tooltip

if TYPE_CHECKING:
    from integrations.base import ChannelStatus
    from integrations.email.test_connection import ConnectionCheck
    from ui.common.tasks import TaskRunner

DEFAULT_FOLDER = "INBOX"


@dataclass(frozen=True)
class Edited:
    settings: MailboxSettings
    enabled: bool
    password: str
    smtp_password: str


class EmailPage(QWidget):
    # A mailbox was saved or removed: the channel host reads the accounts again.
    mailboxesChanged = Signal()
    # A Test's end, from the page's thread: (generation, callback, value).
    _answered = Signal(object)

    def __init__(self, core: Core, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emailPage")
        self.core = core
        self.tasks = tasks
        self.mailboxes: list[MailboxAccount] = []
        self.current: MailboxAccount | None = None
        self.question: QMessageBox | None = None  # the open confirmation (tests answer it)
        self._statuses: dict[int, ChannelStatus] = {}
        self._network = ThreadPoolExecutor(max_workers=1, thread_name_prefix="email-test")
        self._generation = 0  # bumped when another mailbox is shown: older answers dropped
        self._answered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(lambda: self._network.shutdown(wait=False, cancel_futures=True))

        self.mailbox_list = QListWidget(self)
        self.mailbox_list.setObjectName("mailboxes")
        self.mailbox_list.currentRowChanged.connect(self._pick)
        add = QPushButton(self.tr("Add mailbox"), self)
        add.setObjectName("addMailbox")
        add.clicked.connect(self.new_mailbox)
        self.remove_button = QPushButton(self.tr("Remove mailbox…"), self)
        self.remove_button.setObjectName("removeMailbox")
        self.remove_button.clicked.connect(self.remove_mailbox)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(add)
        list_buttons.addWidget(self.remove_button)
        left = QVBoxLayout()
        left.addWidget(self.mailbox_list, 1)
        left.addLayout(list_buttons)

        form_widget = QWidget(self)
        form = QVBoxLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self._identity_box(form_widget))
        form.addWidget(self._servers_box(form_widget))
        form.addWidget(self._reading_box(form_widget))
        form.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)

        self.test_imap_button = QPushButton(self.tr("Test IMAP"), self)
        self.test_imap_button.setObjectName("testImap")
        self.test_imap_button.setToolTip(
            self.tr("Connects, logs in and lists the folders (nothing is saved).")
        )
        self.test_imap_button.clicked.connect(self.test_imap)
        self.test_smtp_button = QPushButton(self.tr("Test SMTP"), self)
        self.test_smtp_button.setObjectName("testSmtp")
        self.test_smtp_button.setToolTip(
            self.tr("Connects and logs in to the sending server; no mail is sent.")
        )
        self.test_smtp_button.clicked.connect(self.test_smtp)
        self.save_button = QPushButton(self.tr("Save mailbox"), self)
        self.save_button.setObjectName("saveMailbox")
        self.save_button.clicked.connect(self.save_mailbox)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_imap_button)
        buttons.addWidget(self.test_smtp_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.result = plain_label(self)
        self.result.setObjectName("emailResult")
        self.result.setWordWrap(True)

        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addLayout(buttons)
        right.addWidget(self.result)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)
        self.load_mailboxes()

    # --- the form ---------------------------------------------------------------------

    def _identity_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Mailbox"), parent)
        self.address = QLineEdit(box)
        self.address.setObjectName("mailAddress")
        self.address.setPlaceholderText(self.tr("e.g. shop@example.com"))
        self.display_name = QLineEdit(box)
        self.display_name.setObjectName("mailDisplayName")
        self.display_name.setPlaceholderText(self.tr("e.g. Flower Shop"))
        self.display_name.setToolTip(self.tr("The name customers see on the replies."))
        self.user = QLineEdit(box)
        self.user.setObjectName("mailUser")
        self.user.setPlaceholderText(self.tr("usually the address"))
        self.password = self._password_field(box, "mailPassword")
        self.smtp_user = QLineEdit(box)
        self.smtp_user.setObjectName("mailSmtpUser")
        self.smtp_user.setPlaceholderText(self.tr("same as the user name"))
        self.smtp_password = self._password_field(box, "mailSmtpPassword")
        self.enabled = QCheckBox(self.tr("Read and answer this mailbox"), box)
        self.enabled.setObjectName("mailEnabled")
        self.enabled.setChecked(True)
        self.state = plain_label(box)
        self.state.setObjectName("mailState")
        self.state.setWordWrap(True)
        rows = QFormLayout(box)
        rows.addRow(self.tr("Address:"), self.address)
        rows.addRow(self.tr("Name on replies:"), self.display_name)
        rows.addRow(self.tr("User name:"), self.user)
        rows.addRow(self.tr("Password:"), self.password)
        rows.addRow(self.tr("SMTP user name:"), self.smtp_user)
        rows.addRow(self.tr("SMTP password:"), self.smtp_password)
        rows.addRow("", self.enabled)
        rows.addRow(self.tr("Status:"), self.state)
        return box

    def _password_field(self, parent: QWidget, name: str) -> QLineEdit:
        field = QLineEdit(parent)
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setToolTip(
            self.tr(
                "Kept in the system keyring, never in the database or the settings file. "
                "Leave it empty to keep the saved one."
            )
        )
        return field

    def _servers_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Servers"), parent)
        self.imap_host, self.imap_port, self.imap_security = self._endpoint_fields(box, "imap")
        self.smtp_host, self.smtp_port, self.smtp_security = self._endpoint_fields(box, "smtp")
        self.ca_file = QLineEdit(box)
        self.ca_file.setObjectName("mailCaFile")
        self.ca_file.setPlaceholderText(self.tr("optional"))
        self.ca_file.setToolTip(
            self.tr(
                "Only for a server whose certificate the shop issued itself: the CA "
                "certificate (PEM) to trust besides the system's. Certificates are "
                "always checked."
            )
        )
        browse = QPushButton(self.tr("Choose file…"), box)
        browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        rows = QFormLayout(box)
        rows.addRow(self.tr("IMAP server (reading):"), self._endpoint_row(box, "imap"))
        rows.addRow(self.tr("SMTP server (sending):"), self._endpoint_row(box, "smtp"))
        rows.addRow(self.tr("Own CA certificate:"), ca_row)
        return box

    def _endpoint_fields(
        self, parent: QWidget, protocol: str
    ) -> tuple[QLineEdit, QLineEdit, QComboBox]:
        host = QLineEdit(parent)
        host.setObjectName(f"{protocol}Host")
        host.setPlaceholderText(
            self.tr("e.g. imap.example.com")
            if protocol == "imap"
            else self.tr("e.g. smtp.example.com")
        )
        port = QLineEdit(parent)
        port.setObjectName(f"{protocol}Port")
        port.setMaximumWidth(port.fontMetrics().horizontalAdvance("000000") + 16)
        port.setToolTip(self.tr("Empty: the usual port for the security chosen."))
        security = QComboBox(parent)
        security.setObjectName(f"{protocol}Security")
        security.addItem(self.tr("TLS"), Security.TLS.value)
        security.addItem(self.tr("STARTTLS"), Security.STARTTLS.value)
        security.setToolTip(
            self.tr(
                "TLS: encrypted from the start (ports 993 and 465). STARTTLS: the "
                "connection is made secure before logging in (ports 143 and 587); a "
                "server that can't is refused."
            )
        )
        security.currentIndexChanged.connect(lambda _: self._show_default_ports())
        return host, port, security

    def _endpoint_row(self, parent: QWidget, protocol: str) -> QHBoxLayout:
        host, port, security = (
            (self.imap_host, self.imap_port, self.imap_security)
            if protocol == "imap"
            else (self.smtp_host, self.smtp_port, self.smtp_security)
        )
        row = QHBoxLayout()
        row.addWidget(host, 1)
        row.addWidget(plain_label(parent, self.tr("port")))
        row.addWidget(port)
        row.addWidget(security)
        return row

    def _reading_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Reading and replies"), parent)
        self.folder_list = QListWidget(box)
        self.folder_list.setObjectName("mailFolders")
        self.folder_list.setToolTip(
            self.tr("The folders read. “Test IMAP” lists the mailbox's folders here.")
        )
        self.folder_list.setMaximumHeight(self.folder_list.fontMetrics().lineSpacing() * 6 + 12)
        self.sent_folder = QComboBox(box)
        self.sent_folder.setObjectName("mailSentFolder")
        self.sent_folder.setToolTip(
            self.tr("A copy of every reply is put there, as mail programs do.")
        )
        self.first_sync_days = QSpinBox(box)
        self.first_sync_days.setObjectName("mailFirstSyncDays")
        self.first_sync_days.setRange(0, MAX_FIRST_SYNC_DAYS)
        self.first_sync_days.setSuffix(self.tr(" days"))
        self.first_sync_days.setToolTip(
            self.tr("How old the mail read the first time may be; later, everything new is read.")
        )
        self.mark_seen = QCheckBox(self.tr("Mark mail as read on the server"), box)
        self.mark_seen.setObjectName("mailMarkSeen")
        self.mark_seen.setToolTip(
            self.tr("Off: the mail stays unread for other mail programs reading this mailbox.")
        )
        self.signature = QPlainTextEdit(box)
        self.signature.setObjectName("mailSignature")
        self.signature.setTabChangesFocus(True)
        self.signature.setFixedHeight(self.signature.fontMetrics().lineSpacing() * 4 + 12)
        self.signature.setPlaceholderText(self.tr("Under every reply from this mailbox"))
        rows = QFormLayout(box)
        rows.addRow(self.tr("Folders:"), self.folder_list)
        rows.addRow(self.tr("Sent folder:"), self.sent_folder)
        rows.addRow(self.tr("First sync reads:"), self.first_sync_days)
        rows.addRow("", self.mark_seen)
        rows.addRow(self.tr("Signature:"), self.signature)
        return box

    def _show_default_ports(self) -> None:
        for protocol, port, security in (
            ("IMAP", self.imap_port, self.imap_security),
            ("SMTP", self.smtp_port, self.smtp_security),
        ):
            port.setPlaceholderText(str(default_port(protocol, Security(security.currentData()))))

    def _browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("CA certificate"),
            self.ca_file.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)

    # --- folders ------------------------------------------------------------------------

    def show_folders(self, names: list[str], checked: set[str]) -> None:
        self.folder_list.clear()
        for name in dict.fromkeys(names):
            item = QListWidgetItem(name, self.folder_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked
            )

    def checked_folders(self) -> tuple[str, ...]:
        items = (self.folder_list.item(i) for i in range(self.folder_list.count()))
        return tuple(i.text() for i in items if i.checkState() == Qt.CheckState.Checked)

    def show_sent_folders(self, names: list[str], chosen: str, found: str = "") -> None:
        self.sent_folder.clear()
        automatic = (
            self.tr("Found by the server: %1").replace("%1", found)
            if found
            else self.tr("Found by the server (the \\Sent folder)")
        )
        self.sent_folder.addItem(automatic, "")
        for name in dict.fromkeys([*names, *([chosen] if chosen else [])]):
            self.sent_folder.addItem(name, name)
        self.sent_folder.setCurrentIndex(max(0, self.sent_folder.findData(chosen)))

    # --- the list -----------------------------------------------------------------------

    def load_mailboxes(self, select: int | None = None) -> None:
        core = self.core
        self.tasks.run(
            lambda: list_mailboxes(core),
            lambda found: self._show_mailboxes(found, select),
            self._not_saved,
            self,
        )

    def _show_mailboxes(self, found: list[MailboxAccount], select: int | None = None) -> None:
        self.mailboxes = found
        self.mailbox_list.blockSignals(True)
        self.mailbox_list.clear()
        for mailbox in found:
            item = QListWidgetItem()
            self._show_item(item, mailbox)
            self.mailbox_list.addItem(item)
        self.mailbox_list.blockSignals(False)
        if found:
            index = next((i for i, m in enumerate(found) if m.id == select), 0)
            self.mailbox_list.setCurrentRow(index)
            self._pick(index)
        else:
            self.new_mailbox()

    def show_statuses(self, statuses: list[ChannelStatus]) -> None:
        """The channel host's statuses: each mailbox's state, live."""
        self._statuses = {s.account_id: s for s in statuses}
        for row, mailbox in enumerate(self.mailboxes):
            item = self.mailbox_list.item(row)
            if item is not None:
                self._show_item(item, mailbox)
        self._show_state()

    def _show_item(self, item: QListWidgetItem, mailbox: MailboxAccount) -> None:
        from ui.common.channel_status import explanation, state_text

        status = self._statuses.get(mailbox.id) if mailbox.id is not None else None
        off = not mailbox.enabled and (status is None or not status.working)
        label = mailbox.label
        item.setText(self.tr("%1 (off)").replace("%1", label) if off else label)
        words = (
            "\n".join(p for p in (state_text(status), explanation(status)) if p) if status else ""
        )
        item.setToolTip(plain_tooltip(words))

    def _show_state(self) -> None:
        from ui.common.channel_status import colour, explanation, state_text

        mailbox = self.current
        status = (
            self._statuses.get(mailbox.id)
            if mailbox is not None and mailbox.id is not None
            else None
        )
        if mailbox is not None and mailbox.problem is not None:
            self.state.setText(error_text(mailbox.problem))
            self.state.setStyleSheet(f"color: {ERROR_COLOR};")
            return
        if status is None:
            self.state.setText(
                self.tr("not saved yet") if mailbox is None or mailbox.id is None else ""
            )
            self.state.setStyleSheet("")
            self.state.setToolTip("")
            return
        # A working mailbox's note (what its first sync left on the server) is
        # said on the page itself; a problem's words stay in the tooltip.
        note = explanation(status) if status.working else ""
        self.state.setText("\n".join(p for p in (state_text(status), note) if p))
        self.state.setStyleSheet(f"color: {colour(status)};")
        self.state.setToolTip(plain_tooltip(explanation(status)))

    def new_mailbox(self) -> None:
        self.mailbox_list.clearSelection()
        self._fill(MailboxAccount(settings=None))

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self.mailboxes):
            self._fill(self.mailboxes[row])

    def _fill(self, mailbox: MailboxAccount) -> None:
        self._generation += 1
        self.current = mailbox
        settings = mailbox.settings
        self.address.setText(settings.address if settings else "")
        self.display_name.setText(settings.display_name if settings else "")
        self.user.setText(settings.user if settings else "")
        self.smtp_user.setText(settings.smtp_user if settings else "")
        for endpoint, host, port, security, fallback in (
            (settings.imap if settings else None, self.imap_host, self.imap_port,
             self.imap_security, Security.TLS),
            (settings.smtp if settings else None, self.smtp_host, self.smtp_port,
             self.smtp_security, Security.TLS),
        ):  # fmt: skip
            chosen = endpoint.security if endpoint else fallback
            security.setCurrentIndex(max(0, security.findData(chosen.value)))
            host.setText(endpoint.host if endpoint else "")
            usual = endpoint is not None and endpoint.port == default_port(
                "IMAP" if host is self.imap_host else "SMTP", chosen
            )
            port.setText("" if endpoint is None or usual else str(endpoint.port))
        self._show_default_ports()
        self.ca_file.setText(settings.ca_file if settings else "")
        folders = list(settings.folders) if settings else [DEFAULT_FOLDER]
        self.show_folders(folders, set(folders))
        self.show_sent_folders([], settings.sent_folder if settings else "")
        self.first_sync_days.setValue(settings.first_sync_days if settings else 30)
        self.mark_seen.setChecked(settings.mark_seen if settings else False)
        self.signature.setPlainText(settings.signature if settings else "")
        self.enabled.setChecked(mailbox.enabled)
        self.password.clear()
        self.smtp_password.clear()
        self.password.setPlaceholderText(
            self.tr("saved; leave empty to keep it")
            if mailbox.has_password
            else self.tr("not saved yet")
        )
        self.smtp_password.setPlaceholderText(
            self.tr("saved; leave empty to keep it")
            if mailbox.has_smtp_password
            else self.tr("same as the password")
        )
        self.remove_button.setEnabled(mailbox.id is not None)
        self._show_result("", problem=False)
        self._show_state()

    # --- reading the form ---------------------------------------------------------------

    def edited(self) -> Edited:
        """What the form says, checked (BadMailboxSetting names the first bad value)."""
        settings = MailboxSettings(
            address=self.address.text().strip(),
            display_name=self.display_name.text().strip(),
            imap=self._endpoint("IMAP", self.imap_host, self.imap_port, self.imap_security),
            smtp=self._endpoint("SMTP", self.smtp_host, self.smtp_port, self.smtp_security),
            user=self.user.text().strip() or self.address.text().strip(),
            smtp_user=self.smtp_user.text().strip(),
            folders=self.checked_folders(),
            sent_folder=str(self.sent_folder.currentData() or ""),
            first_sync_days=self.first_sync_days.value(),
            mark_seen=self.mark_seen.isChecked(),
            signature=self.signature.toPlainText().strip("\n"),
            ca_file=self.ca_file.text().strip(),
        )
        base = self.current.settings if self.current is not None else None
        if base is not None:  # what the page doesn't show is kept as stored
            settings = replace(
                settings,
                message_id_domain=base.message_id_domain,
                max_attachment_mb=base.max_attachment_mb,
            )
        checked = check_mailbox(settings)
        if checked.ca_file:
            check_ca_file(checked.ca_file)
        return Edited(
            checked, self.enabled.isChecked(), self.password.text(), self.smtp_password.text()
        )

    @staticmethod
    def _endpoint(protocol: str, host: QLineEdit, port: QLineEdit, security: QComboBox) -> Endpoint:
        chosen = Security(security.currentData())
        number = port_of(protocol, port.text(), chosen)
        return Endpoint(host.text().strip(), number, chosen)

    # --- saving and removing ------------------------------------------------------------

    def save_mailbox(self) -> None:
        try:
            edited = self.edited()
        except BadMailboxSetting as exc:
            self._not_saved(exc)
            return
        account_id = self.current.id if self.current is not None else None
        core = self.core

        def save() -> tuple[MailboxAccount, list[MailboxAccount]]:
            saved = save_mailbox(
                core,
                edited.settings,
                enabled=edited.enabled,
                account_id=account_id,
                password=edited.password or None,
                smtp_password=edited.smtp_password or None,
            )
            return saved, list_mailboxes(core)

        self.tasks.run(save, self._saved, self._not_saved, self)

    def _saved(self, result: tuple[MailboxAccount, list[MailboxAccount]]) -> None:
        saved, found = result
        self.password.clear()  # never kept in the widget longer than needed
        self.smtp_password.clear()
        self._show_mailboxes(found, select=saved.id)
        self._show_result(self.tr("Mailbox “%1” saved.").replace("%1", saved.label), problem=False)
        self.mailboxesChanged.emit()

    def _not_saved(self, exc: Exception) -> None:
        self._show_result(self.tr("Not saved: %1").replace("%1", error_text(exc)), problem=True)

    def remove_question(self) -> QMessageBox | None:
        mailbox = self.current
        if mailbox is None or mailbox.id is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove mailbox"),
            self.tr(
                "Remove the mailbox “%1”? Switchboard stops reading it and forgets its "
                "password; its conversations are removed, and the messages stay on the "
                "customers' timelines. The mail on the server is not touched. To pause "
                "it instead, turn off “Read and answer this mailbox”."
            ).replace("%1", mailbox.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return box

    def remove_mailbox(self) -> None:
        box = self.remove_question()
        mailbox = self.current
        if box is None or mailbox is None or mailbox.id is None:
            return
        account_id, label, core = mailbox.id, mailbox.label, self.core

        def removed(found: list[MailboxAccount]) -> None:
            self._show_mailboxes(found)
            self._show_result(self.tr("Mailbox “%1” removed.").replace("%1", label), problem=False)
            self.mailboxesChanged.emit()

        def delete() -> list[MailboxAccount]:
            delete_mailbox(core, account_id)
            return list_mailboxes(core)

        def clicked(button: Any) -> None:
            self.question = None
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self.tasks.run(delete, removed, self._not_saved, self)

        self.question = box
        box.buttonClicked.connect(clicked)
        box.open()

    # --- Test ---------------------------------------------------------------------------

    def test_imap(self) -> None:
        self._test("IMAP")

    def test_smtp(self) -> None:
        self._test("SMTP")

    def _test(self, protocol: str) -> None:
        try:
            edited = self.edited()
        except BadMailboxSetting as exc:
            self._show_result(error_text(exc), problem=True)
            return
        account_id = self.current.id if self.current is not None else None
        core = self.core

        def work() -> ConnectionCheck:
            from integrations.email.test_connection import check_imap, check_smtp

            stored, stored_smtp = passwords(core, account_id) if account_id else (None, None)
            password = edited.password or stored
            if protocol == "SMTP":
                password = edited.smtp_password or stored_smtp or password
            if not password:
                raise NoPassword(NO_PASSWORD)
            check = check_imap if protocol == "IMAP" else check_smtp
            return check(edited.settings, password)

        self._show_result(
            self.tr("Connecting to the %1 server…").replace("%1", protocol), problem=False
        )
        generation = self._generation

        def job() -> None:
            try:
                value: object = work()
                callback: Callable[[Any], None] = self._tested
            except Exception as exc:
                value, callback = exc, self._test_failed
            if shiboken6.isValid(self):
                self._answered.emit((generation, callback, value))

        self.test_imap_button.setEnabled(False)
        self.test_smtp_button.setEnabled(False)
        self._network.submit(job)

    def _deliver(self, answer: tuple[int, Callable[[Any], None], object]) -> None:
        generation, callback, value = answer
        self.test_imap_button.setEnabled(True)
        self.test_smtp_button.setEnabled(True)
        if generation == self._generation:  # not for a mailbox shown before
            callback(value)

    def _tested(self, check: ConnectionCheck) -> None:
        if check.error is not None:
            self._show_result(error_text(check.error), problem=True)
            return
        if check.protocol == "SMTP":
            self._show_result(
                self.tr("The SMTP server took the login. Replies can be sent."), problem=False
            )
            return
        names = sorted(
            (f.name for f in check.folders if f.selectable),
            key=lambda name: name.upper() != DEFAULT_FOLDER,  # INBOX first, then as listed
        )
        checked = set(self.checked_folders()) or {DEFAULT_FOLDER}
        # Folders chosen before that the server no longer lists stay, so a
        # Test never drops a choice silently.
        self.show_folders([*names, *sorted(checked - set(names))], checked)
        self.show_sent_folders(
            names, str(self.sent_folder.currentData() or ""), found=check.sent_folder
        )
        self._show_result(
            self.tr("Logged in. %n folder(s) found: tick the ones to read.", "", len(names)),
            problem=False,
        )

    def _test_failed(self, exc: Exception) -> None:
        self._show_result(error_text(exc), problem=True)

    def _show_result(self, text: str, problem: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {ERROR_COLOR};" if problem else "")

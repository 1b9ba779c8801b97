"""Settings: SIP accounts, default phone region, database location, language,
operator name, the chats' wait clock and notifications
(ui/conversations/chat_settings.py), audio devices and ring tone
(ui/settings/audio_page.py), the callback policy (ui/settings/callback_policy_page.py), the web
form, the Telegram bots (ui/settings/telegram_page.py) and the mailboxes
(ui/settings/email_page.py).

An account's password goes only to the system keyring (core.secrets); the
database row never holds it, and the field is never filled back in: leaving it
empty keeps the stored password. So does the team database's password
(SecretKind.DATABASE): config.json gets the URL without it, and a URL typed
with its password in it is saved without it, the password moved to the
keyring. Saving runs on the task worker.
"""

from __future__ import annotations

import dataclasses
import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.accounts import list_sip_accounts, save_sip_account
from app.callbacks import CallbackPolicy
from app.contacts import supported_regions
from app.core import Core
from app.models import SipAccount
from app.secrets import DatabaseLogin
from app.settings import Settings, SettingsError, split_database_password
from sip.config import Transport
from ui.common.core_text import error_text
from ui.common.dialog_parts import ERROR_COLOR
from ui.common.plain_text import plain_label
from ui.common.tasks import TaskRunner
from ui.conversations.chat_settings import FIELDS as CHAT_FIELDS
from ui.conversations.chat_settings import ChatSettings
from ui.settings.audio_page import FIELDS as AUDIO_FIELDS
from ui.settings.audio_page import AudioPage
from ui.settings.call_forwarding import FIELDS as FORWARDING_FIELDS
from ui.settings.call_forwarding import ForwardingFields
from ui.settings.callback_policy_page import FIELDS as CALLBACK_POLICY_FIELDS
from ui.settings.callback_policy_page import CallbackPolicyPage, PolicyInputError
from ui.settings.email_page import EmailPage
from ui.settings.telegram_page import TelegramPage
from ui.settings.webform_page import FIELDS as WEBFORM_FIELDS
from ui.settings.webform_page import WebFormPage
from ui.shell.i18n import LANGUAGES


class SettingsDialog(QDialog):
    accountsChanged = Signal()
    settingsSaved = Signal()

    def __init__(
        self,
        core: Core,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        tls_problem: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.core = core
        self.tasks = tasks
        # Why the running engine has no TLS transport, if it tried and failed.
        self.tls_problem = tls_problem
        self.accounts: list[SipAccount] = []
        self.current: SipAccount | None = None

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._accounts_tab(), self.tr("SIP accounts"))
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.audio = AudioPage(core.settings, self)
        self.tabs.addTab(self.audio, self.tr("Audio"))
        self.callback_policy = CallbackPolicyPage(core.settings, self)
        self.tabs.addTab(self.callback_policy, self.tr("Callbacks"))
        self.webform = WebFormPage(core.settings, self)
        self.tabs.addTab(self.webform, self.tr("Web form"))
        self.telegram = TelegramPage(core, tasks, self)  # saves each bot itself
        self.tabs.addTab(self.telegram, self.tr("Telegram"))
        self.email = EmailPage(core, tasks, self)  # saves each mailbox itself
        self.tabs.addTab(self.email, self.tr("Email"))
        # The window attaches both pages to its channel host (ui/shell/shell.py):
        # each shows its accounts' states, and what it saves reloads the host.
        self.status = plain_label(self)
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(700, 480)
        self.load_accounts()

    # --- accounts -------------------------------------------------------------------

    def _accounts_tab(self) -> QWidget:
        page = QWidget(self)
        self.account_list = QListWidget(page)
        self.account_list.setObjectName("accountList")
        self.account_list.currentRowChanged.connect(self._pick)
        add = QPushButton(self.tr("Add account"), page)
        add.setObjectName("addAccount")
        add.clicked.connect(self.new_account)
        left = QVBoxLayout()
        left.addWidget(self.account_list, 1)
        left.addWidget(add)

        self.label = QLineEdit(page)
        self.username = QLineEdit(page)
        self.auth_username = QLineEdit(page)
        self.auth_username.setPlaceholderText(self.tr("same as the user name"))
        self.display_name = QLineEdit(page)
        self.domain = QLineEdit(page)
        self.domain.setPlaceholderText(self.tr("pbx.example.com"))
        self.registrar = QLineEdit(page)
        self.registrar.setPlaceholderText(self.tr("optional"))
        self.proxy = QLineEdit(page)
        self.proxy.setPlaceholderText(self.tr("optional"))
        self.transport = QComboBox(page)
        for transport in Transport:
            self.transport.addItem(transport.value.upper(), transport.value)
        self.transport.currentIndexChanged.connect(lambda _: self._show_tls_options())
        self.tls_note = plain_label(page)
        self.tls_note.setObjectName("tlsNote")
        self.tls_note.setWordWrap(True)
        self.tls_note.setStyleSheet(f"color: {ERROR_COLOR};")
        self.tls_note.hide()
        self.verify_tls = QCheckBox(self.tr("Verify the server's certificate"), page)
        self.verify_tls.setObjectName("verifyTls")
        self.verify_tls.setToolTip(
            self.tr(
                "Checked against the system's trusted certificates. Turn it off only "
                "for a PBX with a self-signed certificate on your own network."
            )
        )
        self.srtp = QComboBox(page)
        self.srtp.setObjectName("srtpMode")
        for mode, text in (
            ("off", self.tr("Off")),
            ("optional", self.tr("If the other side can")),
            ("mandatory", self.tr("Required")),
        ):
            self.srtp.addItem(text, mode)
        self.dtmf = QComboBox(page)
        self.dtmf.setObjectName("dtmfMethod")
        for method, text in (
            ("rfc2833", self.tr("In the audio (RFC 2833)")),
            ("sip_info", self.tr("SIP INFO")),
        ):
            self.dtmf.addItem(text, method)
        self.dtmf.setToolTip(
            self.tr(
                "How the digits you press during a call reach the other side. Keep the "
                "default unless your PBX's voice menu does not react to them."
            )
        )
        self.auto_answer = QCheckBox(self.tr("Answer incoming calls at once (headset)"), page)
        self.auto_answer.setObjectName("autoAnswer")
        self.auto_answer.setToolTip(
            self.tr("Only when no other call is on; a second call rings as usual.")
        )
        self.auto_record = QComboBox(page)
        self.auto_record.setObjectName("autoRecord")
        for choice, text in (
            ("off", self.tr("Only when I press Record")),
            ("all", self.tr("All calls")),
            ("inbound", self.tr("Incoming calls")),
        ):
            self.auto_record.addItem(text, choice)
        self.auto_record.setToolTip(
            self.tr(
                "Recorded from the moment the call is answered; you can still pause a "
                "part (a card number read out). Recordings stay on this computer."
            )
        )
        self.recording_beep = QCheckBox(
            self.tr("Beep when a recording starts (both sides hear it)"), page
        )
        self.recording_beep.setObjectName("recordingBeep")
        self.recording_beep.setToolTip(
            self.tr(
                "A short tone tells the customer the call is recorded, where the law "
                "asks for it; played again when a paused recording resumes."
            )
        )
        self.stun = QLineEdit(page)
        self.stun.setObjectName("stunServer")
        self.stun.setPlaceholderText(self.tr("optional, e.g. stun.example.com:3478"))
        self.ice = QCheckBox(self.tr("Use ICE (NAT without a SIP proxy)"), page)
        self.ice.setObjectName("iceEnabled")
        self.enabled = QCheckBox(self.tr("Use this account"), page)
        self.enabled.setChecked(True)
        self.password = QLineEdit(page)
        self.password.setObjectName("accountPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("in the keyring"))
        self.password.setToolTip(
            self.tr(
                "The password is kept in the system keyring, never in the database. "
                "Leave it empty to keep the saved one."
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.label)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Domain:"), self.domain)
        form.addRow(self.tr("Auth user:"), self.auth_username)
        form.addRow(self.tr("Display name:"), self.display_name)
        form.addRow(self.tr("Registrar:"), self.registrar)
        form.addRow(self.tr("Outbound proxy:"), self.proxy)
        form.addRow(self.tr("Transport:"), self.transport)
        form.addRow("", self.tls_note)
        form.addRow("", self.verify_tls)
        form.addRow(self.tr("Call encryption (SRTP):"), self.srtp)
        form.addRow(self.tr("DTMF:"), self.dtmf)
        form.addRow("", self.auto_answer)
        form.addRow(self.tr("Record calls:"), self.auto_record)
        form.addRow("", self.recording_beep)
        form.addRow(self.tr("STUN server:"), self.stun)
        form.addRow("", self.ice)
        form.addRow("", self.enabled)
        self.save_account_button = QPushButton(self.tr("Save account"), page)
        self.save_account_button.setObjectName("saveAccount")
        self.save_account_button.clicked.connect(self.save_account)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.save_account_button, 0, Qt.AlignmentFlag.AlignRight)
        right.addStretch(1)

        layout = QHBoxLayout(page)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        return page

    def load_accounts(self) -> None:
        core = self.core
        self.tasks.run(lambda: list_sip_accounts(core), self._show_accounts, self._error, self)

    def _show_accounts(self, accounts: list[SipAccount], select: int | None = None) -> None:
        self.accounts = accounts
        self.account_list.blockSignals(True)
        self.account_list.clear()
        for account in accounts:
            self.account_list.addItem(QListWidgetItem(account.label))
        self.account_list.blockSignals(False)
        if accounts:
            index = next((i for i, a in enumerate(accounts) if a.id == select), 0)
            self.account_list.setCurrentRow(index)
            self._pick(index)
        else:
            self.new_account()

    def new_account(self) -> None:
        self.account_list.clearSelection()
        self._fill(SipAccount(label="", username="", domain=""))

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self.accounts):
            self._fill(self.accounts[row])

    def _fill(self, account: SipAccount) -> None:
        self.current = account
        self.label.setText(account.label)
        self.username.setText(account.username)
        self.auth_username.setText(account.auth_username)
        self.display_name.setText(account.display_name)
        self.domain.setText(account.domain)
        self.registrar.setText(account.registrar)
        self.proxy.setText(account.proxy)
        self.transport.setCurrentIndex(max(0, self.transport.findData(account.transport)))
        self.verify_tls.setChecked(account.verify_tls)
        self.srtp.setCurrentIndex(max(0, self.srtp.findData(account.srtp)))
        self.dtmf.setCurrentIndex(max(0, self.dtmf.findData(account.dtmf_method)))
        self.auto_answer.setChecked(account.auto_answer)
        self.auto_record.setCurrentIndex(max(0, self.auto_record.findData(account.auto_record)))
        self.recording_beep.setChecked(account.recording_beep)
        self.stun.setText(account.stun_server)
        self.ice.setChecked(account.ice)
        self.enabled.setChecked(account.enabled)
        self._show_tls_options()
        self.password.clear()

    def save_account(self) -> None:
        base = self.current or SipAccount(label="", username="", domain="")
        account = SipAccount(
            id=base.id,
            label=self.label.text().strip(),
            enabled=self.enabled.isChecked(),
            username=self.username.text().strip(),
            auth_username=self.auth_username.text().strip(),
            display_name=self.display_name.text().strip(),
            domain=self.domain.text().strip(),
            registrar=self.registrar.text().strip(),
            proxy=self.proxy.text().strip(),
            transport=self.transport.currentData(),
            verify_tls=self.verify_tls.isChecked(),
            srtp=self.srtp.currentData(),
            dtmf_method=self.dtmf.currentData(),
            auto_answer=self.auto_answer.isChecked(),
            auto_record=self.auto_record.currentData(),
            recording_beep=self.recording_beep.isChecked(),
            stun_server=self.stun.text().strip(),
            ice=self.ice.isChecked(),
        )
        password = self.password.text()
        self.password.clear()  # never kept in the widget longer than needed
        core = self.core

        def save() -> tuple[SipAccount, list[SipAccount]]:
            saved = save_sip_account(core, account, password or None)
            return saved, list_sip_accounts(core)

        self.tasks.run(save, self._account_saved, self._error, self)

    def _show_tls_options(self) -> None:
        tls = self.transport.currentData() == Transport.TLS.value
        self.verify_tls.setEnabled(tls)
        note = self._tls_note() if tls else ""
        self.tls_note.setText(note)
        self.tls_note.setVisible(bool(note))

    def _tls_note(self) -> str:
        """Said when TLS is chosen, not when the account fails to register."""
        if self.tls_problem:
            return self.tr("SIP over TLS is not available here: %1").replace("%1", self.tls_problem)
        if sys.platform == "win32":
            return self.tr(
                "The Windows build of the phone engine has no TLS library: this account "
                "will most likely not register. Use UDP or TCP."
            )
        return ""

    def _account_saved(self, result: tuple[SipAccount, list[SipAccount]]) -> None:
        saved, accounts = result
        self._show_accounts(accounts, select=saved.id)
        self.status.setText(self.tr("Account “%1” saved.").replace("%1", saved.label))
        self.accountsChanged.emit()

    # --- general --------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        page = QWidget(self)
        settings = self.core.settings
        self.region = QComboBox(page)
        self.region.setObjectName("region")
        for code in supported_regions():
            self.region.addItem(code, code)
        if self.region.findData(settings.default_region) < 0:
            # A hand-edited region phonenumbers doesn't know: shown as it is (saving
            # it says why it can't be used) rather than silently swapped for "AC".
            self.region.insertItem(0, settings.default_region, settings.default_region)
        self.region.setCurrentIndex(self.region.findData(settings.default_region))
        self.language = QComboBox(page)
        self.language.setObjectName("language")
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        # An old config's URL may hold its password: shown without it, the
        # password in its own field (masked), for a save to move to the keyring.
        url, password_in_url = split_database_password(settings.database_url)
        self.database = QLineEdit(url, page)
        self.database.setObjectName("database")
        self.database.setPlaceholderText(
            self.tr("Built-in file: %1").replace("%1", str(self.core.paths.database_file))
        )
        browse = QPushButton(self.tr("Choose file…"), page)
        browse.clicked.connect(self._browse_database)
        database_row = QHBoxLayout()
        database_row.addWidget(self.database, 1)
        database_row.addWidget(browse)
        self.database_password = QLineEdit(password_in_url, page)
        self.database_password.setObjectName("databasePassword")
        self.database_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.database_password.setPlaceholderText(
            self.tr("in the keyring, if the server needs one")
        )
        self.database_password.setToolTip(
            self.tr(
                "The PostgreSQL server's password is kept in the system keyring, never in the "
                "settings file. Leave it empty to keep the saved one."
            )
        )
        self.forget_database_password = QCheckBox(self.tr("Forget the saved password"), page)
        self.forget_database_password.setObjectName("forgetDatabasePassword")
        self.forget_database_password.toggled.connect(self._forget_toggled)
        password_row = QHBoxLayout()
        password_row.addWidget(self.database_password, 1)
        password_row.addWidget(self.forget_database_password)
        self.operator = QLineEdit(settings.operator_name, page)
        self.operator.setObjectName("operator")
        self.enter_sends = QCheckBox(
            self.tr("Enter sends a message (Shift+Enter starts a new line)"), page
        )
        self.enter_sends.setObjectName("enterSends")
        self.enter_sends.setToolTip(
            self.tr("Off: Enter starts a new line and Ctrl+Enter sends the message.")
        )
        self.enter_sends.setChecked(settings.enter_sends)
        form = QFormLayout(page)
        form.addRow(self.tr("Default phone region:"), self.region)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Database:"), database_row)
        form.addRow(self.tr("Database password:"), password_row)
        form.addRow(self.tr("Your name:"), self.operator)
        self.forwarding = ForwardingFields(settings, page)
        form.addRow(self.tr("Forward calls:"), self.forwarding)
        form.addRow("", self.enter_sends)
        self.chats = ChatSettings(settings, page)
        self.chats.add_rows(form, page)
        hint = plain_label(
            page,
            self.tr(
                "A team shares one PostgreSQL database: enter its URL, e.g. "
                "postgresql+psycopg://user@server/switchboard, and its password (kept in the "
                "system keyring, not in the URL). Language and database changes apply "
                "after a restart."
            ),
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        form.addRow(hint)
        return page

    def _forget_toggled(self, forget: bool) -> None:
        if forget:
            self.database_password.clear()
        self.database_password.setEnabled(not forget)

    def _browse_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            str(self.core.paths.database_file),
            self.tr("SQLite database (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database.setText(f"sqlite:///{path}")

    def edited_settings(self) -> Settings:
        general = dataclasses.replace(
            self.core.settings,
            default_region=self.region.currentData(),
            language=self.language.currentData(),
            database_url=self.database.text().strip(),
            operator_name=self.operator.text().strip(),
            enter_sends=self.enter_sends.isChecked(),
        )
        edited = self.webform.edited(self.audio.edited(self.chats.edited(general)))
        edited = self.forwarding.edited(edited)
        return self.callback_policy.edited(edited)

    def database_login(self) -> DatabaseLogin:
        """The database as typed, checked: SettingsError when it can't be saved."""
        return DatabaseLogin.of(
            self.database.text(),
            self.database_password.text(),
            forget=self.forget_database_password.isChecked(),
        )

    def save(self) -> None:
        try:
            login = self.database_login()
            self.callback_policy.check()
        except PolicyInputError as exc:
            # The message names the field; the save may be pressed on another tab.
            self.tabs.setCurrentWidget(self.callback_policy)
            exc.field.setFocus()
            self._error(exc)  # nothing saved, the fields as typed
            return
        except SettingsError as exc:
            self._error(exc)  # nothing saved, the fields as typed
            return
        forwarding = self.forwarding.problem()
        if forwarding:
            self.status.setText(self.tr("Not saved: %1").replace("%1", forwarding))
            self.forwarding.target.setFocus()
            return
        settings = dataclasses.replace(self.edited_settings(), database_url=login.url)
        path = self.core.paths.config_file
        save_token = self.webform.keyring_step(self.core)
        secrets = self.core.secrets

        def write() -> None:
            settings.validate()  # a bad port must not leave a new token behind
            save_token()  # the token: keyring only, before the config that turns it on
            login.store(secrets)  # the password: keyring only, before the URL that needs it
            settings.save(path)

        self.tasks.run(write, lambda _: self._saved(settings, login), self._error)

    def _saved(self, settings: Settings, login: DatabaseLogin | None = None) -> None:
        core_settings = self.core.settings
        for field in (
            "default_region",
            "language",
            "database_url",
            "operator_name",
            "enter_sends",
            *CHAT_FIELDS,
            *FORWARDING_FIELDS,
            *AUDIO_FIELDS,
            *WEBFORM_FIELDS,
            *CALLBACK_POLICY_FIELDS,
        ):
            setattr(core_settings, field, getattr(settings, field))
        self.core.customers.default_region = settings.default_region
        if self.core.is_open:  # else connect() builds the policy from core.settings
            # New requests and the next retries follow the new policy at once. The
            # requests already stored keep the due time and SLA deadline they got
            # (not recomputed): a deadline that moves after the fact would make
            # the SLA report say whatever the last policy says.
            self.core.callbacks.policy = CallbackPolicy.of(settings)
        saved = self.tr("Settings saved.")
        if login is not None:
            self.database.setText(login.url)
            self.database_password.clear()  # never kept in the widget longer than needed
            self.forget_database_password.setChecked(False)
            if login.moved:
                saved += " " + self.tr(
                    "The password in the database URL was moved to the system keyring; "
                    "the URL is saved without it."
                )
        self.status.setText(saved)
        self.settingsSaved.emit()

    def done(self, result: int) -> None:
        self.audio.stop()  # the meter holds the microphone open
        super().done(result)

    def _error(self, exc: Exception) -> None:
        self.status.setText(self.tr("Not saved: %1").replace("%1", error_text(exc)))


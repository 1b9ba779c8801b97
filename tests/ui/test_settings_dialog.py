"""Settings: an account's password lands in the keyring only, never in the DB."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import text

from app.accounts import list_sip_accounts
from app.core import Core
from app.secrets import SecretKind
from sip.adapters.account_rows import engine_accounts, engine_config
from sip.config import EngineConfig
from sip.events import AutoRecord, DtmfMethod
from ui.settings.settings_dialog import SettingsDialog

PASSWORD = "s3cret-Pa55-word"


def test_saving_an_account_puts_the_password_only_in_the_keyring(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    dialog = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None)
    dialog.label.setText("Office")
    dialog.username.setText("1001")
    dialog.domain.setText("pbx.example.com")
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accountsChanged):
        dialog.save_account_button.click()
    assert dialog.password.text() == ""

    (row,) = list_sip_accounts(sqlite_core)
    assert sqlite_core.secrets.get(SecretKind.SIP, row.id) == PASSWORD
    with sqlite_core.db.session() as s:
        values = [str(v) for r in s.execute(text("SELECT * FROM sipaccount")) for v in r]
    assert "1001" in values
    assert not any(PASSWORD in v for v in values)
    (account,) = engine_accounts(sqlite_core)
    assert account.config.user == "1001" and account.password == PASSWORD

    # Saving again with an empty password field keeps the stored password.
    dialog.label.setText("Office line")
    with qtbot.waitSignal(dialog.accountsChanged):
        dialog.save_account_button.click()
    assert sqlite_core.secrets.get(SecretKind.SIP, row.id) == PASSWORD
    assert [a.label for a in list_sip_accounts(sqlite_core)] == ["Office line"]


def test_security_and_nat_options_are_saved_and_reach_the_engine(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    dialog = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None)
    assert not dialog.verify_tls.isEnabled()  # UDP: nothing to verify
    dialog.username.setText("1001")
    dialog.domain.setText("pbx.example.com:5061")
    dialog.transport.setCurrentIndex(dialog.transport.findData("tls"))
    assert dialog.verify_tls.isEnabled() and dialog.verify_tls.isChecked()
    dialog.verify_tls.setChecked(False)
    dialog.srtp.setCurrentIndex(dialog.srtp.findData("mandatory"))
    dialog.stun.setText(" stun.example.com:3478 ")
    dialog.ice.setChecked(True)
    with qtbot.waitSignal(dialog.accountsChanged):
        dialog.save_account_button.click()
    (row,) = list_sip_accounts(sqlite_core)
    assert (row.transport, row.verify_tls, row.srtp, row.stun_server, row.ice) == (
        "tls",
        False,
        "mandatory",
        "stun.example.com:3478",
        True,
    )
    (account,) = engine_accounts(sqlite_core)
    assert (account.config.srtp, account.config.ice) == ("mandatory", True)
    config = engine_config(EngineConfig(), [row])
    assert config.tls_verify_server is False and config.stun_servers == ("stun.example.com:3478",)
    # Opened again, the dialog shows what was saved.
    again = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.current is not None and again.current.id == row.id)
    assert (again.srtp.currentData(), again.verify_tls.isChecked(), again.ice.isChecked()) == (
        "mandatory",
        False,
        True,
    )
    assert again.stun.text() == "stun.example.com:3478"


def test_the_dtmf_method_and_auto_answer_are_saved_and_reach_the_engine(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    dialog = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None)
    assert dialog.dtmf.currentData() == "rfc2833"  # the default
    dialog.username.setText("1001")
    dialog.domain.setText("pbx.example.com")
    dialog.dtmf.setCurrentIndex(dialog.dtmf.findData("sip_info"))
    assert not dialog.auto_answer.isChecked()
    dialog.auto_answer.setChecked(True)
    with qtbot.waitSignal(dialog.accountsChanged):
        dialog.save_account_button.click()
    (row,) = list_sip_accounts(sqlite_core)
    assert (row.dtmf_method, row.auto_answer) == ("sip_info", True)
    (account,) = engine_accounts(sqlite_core)
    assert account.config.dtmf_method is DtmfMethod.SIP_INFO
    assert account.config.auto_answer
    again = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.current is not None and again.current.id == row.id)
    assert again.dtmf.currentData() == "sip_info" and again.auto_answer.isChecked()


def test_the_recording_choice_and_the_consent_beep_are_saved_and_reach_the_engine(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    dialog = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None)
    assert dialog.auto_record.currentData() == "off"  # the default: only by hand
    assert not dialog.recording_beep.isChecked()
    dialog.username.setText("1001")
    dialog.domain.setText("pbx.example.com")
    dialog.auto_record.setCurrentIndex(dialog.auto_record.findData("inbound"))
    dialog.recording_beep.setChecked(True)
    with qtbot.waitSignal(dialog.accountsChanged):
        dialog.save_account_button.click()
    (row,) = list_sip_accounts(sqlite_core)
    assert (row.auto_record, row.recording_beep) == ("inbound", True)
    (account,) = engine_accounts(sqlite_core)
    assert account.config.auto_record is AutoRecord.INBOUND
    assert account.config.recording_beep
    again = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.current is not None and again.current.id == row.id)
    assert again.auto_record.currentData() == "inbound" and again.recording_beep.isChecked()


def test_tls_that_the_engine_lacks_is_said_when_chosen(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    dialog = SettingsDialog(
        sqlite_core,
        shell.tasks,
        shell.window,
        tls_problem="Unsupported transport (PJSIP_EUNSUPTRANSPORT)",
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None)
    assert dialog.tls_note.isHidden()
    dialog.transport.setCurrentIndex(dialog.transport.findData("tls"))
    assert dialog.tls_note.isVisibleTo(dialog)
    assert dialog.tls_note.text() == (
        "SIP over TLS is not available here: Unsupported transport (PJSIP_EUNSUPTRANSPORT)"
    )
    dialog.transport.setCurrentIndex(dialog.transport.findData("udp"))
    assert dialog.tls_note.isHidden()


def test_an_account_needs_user_and_domain(qtbot: Any, shell: Any, sqlite_core: Core) -> None:
    dialog = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None)
    dialog.password.setText(PASSWORD)
    dialog.save_account_button.click()
    qtbot.waitUntil(lambda: "Not saved" in dialog.status.text())
    assert list_sip_accounts(sqlite_core) == []


def test_general_settings_are_saved_to_the_config_file(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    dialog = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    dialog.region.setCurrentIndex(dialog.region.findData("PL"))
    dialog.language.setCurrentIndex(dialog.language.findData("uk"))
    dialog.operator.setText("Iryna")
    with qtbot.waitSignal(dialog.settingsSaved):
        dialog.save()
    saved = sqlite_core.paths.config_file.read_text(encoding="utf-8")
    assert '"default_region": "PL"' in saved and '"language": "uk"' in saved
    assert sqlite_core.customers.default_region == "PL"


def test_enter_sends_is_a_general_option_saved_and_applied_at_once(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    dialog = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    assert not dialog.enter_sends.isChecked()  # by default Ctrl+Enter sends
    assert dialog.enter_sends.focusPolicy() & Qt.FocusPolicy.TabFocus
    dialog.enter_sends.setChecked(True)
    with qtbot.waitSignal(dialog.settingsSaved):
        dialog.save()
    assert '"enter_sends": true' in sqlite_core.paths.config_file.read_text(encoding="utf-8")
    assert sqlite_core.settings.enter_sends is True  # the composer reads it at the next key

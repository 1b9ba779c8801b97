"""Settings: an account's password lands in the keyring only, never in the DB."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from app.accounts import list_sip_accounts
from app.core import Core
from app.secrets import SecretKind
from sip.account_rows import engine_accounts
from ui.settings_dialog import SettingsDialog

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

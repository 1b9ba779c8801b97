"""The website's callback form, run by the app: turned on in the settings (the
token to the keyring only), started by the shell on 127.0.0.1, a POST becomes
one request in the database and in the queue panel; a wrong token stores nothing."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from keyring.backends import fail
from sqlmodel import func, select

from app.core import Core
from app.models import CallbackRequest
from app.secrets import WEBFORM_TOKEN_ID, SecretKind, SecretStore
from integrations.webform import PATH
from ui.settings.settings_dialog import SettingsDialog
from ui.settings.webform_page import example_curl

FORM = {"name": "Olena", "phone": "+380 50 123 45 67", "comment": "size", "consent": True}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stored_requests(core: Core) -> int:
    with core.db.session() as s:
        return int(s.exec(select(func.count()).select_from(CallbackRequest)).one())


def post(port: int, token: str, body: dict[str, Any] = FORM) -> requests.Response:
    return requests.post(
        f"http://127.0.0.1:{port}{PATH}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        timeout=10,
    )


@pytest.fixture
def webform_shell(shell: Any) -> Iterator[Any]:
    yield shell
    shell.webform.stop()


def test_enabled_in_settings_the_form_fills_the_queue(
    qtbot: Any, webform_shell: Any, sqlite_core: Core
) -> None:
    shell, window = webform_shell, webform_shell.window
    assert not shell.webform.running and not shell.webform.label.isVisible()  # off by default
    port = free_port()
    dialog = SettingsDialog(sqlite_core, shell.tasks, window)
    qtbot.addWidget(dialog)
    dialog.settingsSaved.connect(shell.webform.restart)  # as Shell.open_settings does
    page = dialog.webform
    page.enabled.setChecked(True)
    page.port.setValue(port)
    page.generate_token()
    token = page.token.text()
    assert len(token) >= 32 and token in page.example.toPlainText()
    with qtbot.waitSignal(dialog.settingsSaved):
        dialog.save()

    # The token is in the keyring and nowhere in the config.
    assert sqlite_core.secrets.get(SecretKind.INTAKE, WEBFORM_TOKEN_ID) == token
    config = sqlite_core.paths.config_file.read_text(encoding="utf-8")
    assert token not in config
    assert '"webform_enabled": true' in config and f'"webform_port": {port}' in config

    qtbot.waitUntil(lambda: shell.webform.running)
    assert shell.webform.address == ("127.0.0.1", port)
    assert shell.webform.status == f"Web form: listening on 127.0.0.1:{port}"
    assert shell.webform.label.isVisible()

    # The page's example, as copied, is accepted.
    example = page.example.toPlainText()
    body = json.loads(example.split("-d '", 1)[1].rstrip("'"))
    answer = post(port, token, body)
    assert answer.status_code == 201, answer.text
    # Read by the queue at once (the signal), well before its 15 s timer.
    qtbot.waitUntil(lambda: len(window.callback_panel.model.rows) == 1, timeout=5000)
    (row,) = sqlite_core.callbacks.queue()
    assert (row.phone, row.name, row.source) == ("+380501234567", "Olena", "web_form")
    assert row.preferred_to is not None
    assert window.callback_panel.model.rows[0].request_id == row.id

    refused = post(port, "not-the-token-at-all-0123456789")
    assert refused.status_code == 401
    assert stored_requests(sqlite_core) == 1

    # Turned off in the settings: the port is closed.
    page.enabled.setChecked(False)
    page.token.clear()
    with qtbot.waitSignal(dialog.settingsSaved):
        dialog.save()
    qtbot.waitUntil(lambda: not shell.webform.label.isVisible())
    with pytest.raises(requests.ConnectionError):
        post(port, token)


def test_turning_it_on_without_a_token_is_refused(
    qtbot: Any, webform_shell: Any, sqlite_core: Core
) -> None:
    dialog = SettingsDialog(sqlite_core, webform_shell.tasks, webform_shell.window)
    qtbot.addWidget(dialog)
    dialog.webform.enabled.setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: "Not saved" in dialog.status.text())
    assert "Generate a token" in dialog.status.text()
    assert not sqlite_core.paths.config_file.exists()
    dialog.webform.token.setText("short")
    dialog.save()
    qtbot.waitUntil(lambda: "at least 16 characters" in dialog.status.text())
    assert sqlite_core.secrets.get(SecretKind.INTAKE, WEBFORM_TOKEN_ID) is None


def test_a_taken_port_is_reported(qtbot: Any, webform_shell: Any, sqlite_core: Core) -> None:
    shell = webform_shell
    sqlite_core.secrets.set(SecretKind.INTAKE, WEBFORM_TOKEN_ID, "t" * 32)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        sqlite_core.settings.webform_enabled = True
        sqlite_core.settings.webform_port = port
        shell.webform.start()
        qtbot.waitUntil(lambda: "already in use" in shell.webform.status)
    assert shell.webform.status == f"Web form not started: port {port} is already in use."
    assert not shell.webform.running


def test_no_keyring_is_reported(qtbot: Any, webform_shell: Any, sqlite_core: Core) -> None:
    shell = webform_shell
    sqlite_core.secrets = SecretStore(fail.Keyring())
    sqlite_core.settings.webform_enabled = True
    sqlite_core.settings.webform_port = free_port()
    shell.webform.start()
    qtbot.waitUntil(lambda: "no keyring" in shell.webform.status)
    assert shell.webform.label.isVisible() and not shell.webform.running


def test_the_example_is_a_usable_request() -> None:
    line = example_curl("0.0.0.0", 8765, "")
    assert "http://127.0.0.1:8765/callback-requests" in line
    assert "Bearer TOKEN" in line and '"consent": true' in line and '"phone"' in line


def test_saving_other_settings_keeps_the_form_listening_a_new_token_restarts_it(
    qtbot: Any, webform_shell: Any, sqlite_core: Core
) -> None:
    shell, window = webform_shell, webform_shell.window
    port = free_port()
    dialog = SettingsDialog(sqlite_core, shell.tasks, window)
    qtbot.addWidget(dialog)
    dialog.settingsSaved.connect(shell.webform.restart)
    page = dialog.webform
    page.enabled.setChecked(True)
    page.port.setValue(port)
    page.generate_token()
    first_token = page.token.text()
    with qtbot.waitSignal(dialog.settingsSaved):
        dialog.save()
    qtbot.waitUntil(lambda: shell.webform.running)
    server = shell.webform.server

    # Another setting saved (the token field is empty: unchanged): same server.
    page.token.clear()
    dialog.operator.setText("Oksana")
    with qtbot.waitSignal(dialog.settingsSaved):
        dialog.save()
    shell.channels.settle()  # the token check, on the channels thread
    assert shell.webform.server is server and shell.webform.running
    assert post(port, first_token).status_code == 201

    # A new token: the server starts again with it, the old one is refused.
    page.generate_token()
    second_token = page.token.text()
    with qtbot.waitSignal(dialog.settingsSaved):
        dialog.save()
    qtbot.waitUntil(lambda: shell.webform.server not in (None, server))
    assert post(port, second_token).status_code == 201
    assert post(port, first_token).status_code == 401
    assert stored_requests(sqlite_core) == 2

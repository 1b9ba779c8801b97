"""Call forwarding in Settings > General (issue 21, item 4): the choice and the
number saved, a number that can't be dialled refused with nothing saved, the
number as the engine gets it (the PBX's dial format), and a forwarded call
said in the status bar without a screen-pop."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.core import Core
from app.settings import Settings, SettingsError
from sip.events import IncomingCall
from tests.ui.conftest import feed
from ui.settings.call_forwarding import forward_target
from ui.settings.settings_dialog import SettingsDialog


def dialog_on(qtbot: Any, shell: Any, core: Core) -> SettingsDialog:
    core.settings.save(core.paths.config_file)
    dialog = SettingsDialog(core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    return dialog


def saved(core: Core) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(core.paths.config_file.read_text(encoding="utf-8"))
    return data


def test_forwarding_is_saved_with_its_number(qtbot: Any, shell: Any, sqlite_core: Core) -> None:
    dialog = dialog_on(qtbot, shell, sqlite_core)
    fields = dialog.forwarding
    assert fields.mode.currentData() == "off" and not fields.target.isEnabled()
    assert fields.after.isHidden()
    fields.mode.setCurrentIndex(fields.mode.findData("no_answer"))
    assert fields.target.isEnabled() and not fields.after.isHidden()
    fields.after.setValue(25)
    fields.target.setText(" 050 123 45 67 ")
    with qtbot.waitSignal(dialog.settingsSaved, timeout=10_000):
        dialog.save()
    data = saved(sqlite_core)
    assert (data["forward_mode"], data["forward_to"], data["forward_after_s"]) == (
        "no_answer",
        "050 123 45 67",
        25,
    )
    assert sqlite_core.settings.forward_mode == "no_answer"


@pytest.mark.parametrize(
    ("typed", "says"),
    [("", "say the number to forward calls to"), ("call Olena", "is not a number")],
)
def test_a_number_that_cant_be_dialled_is_refused_and_nothing_saved(
    qtbot: Any, shell: Any, sqlite_core: Core, typed: str, says: str
) -> None:
    dialog = dialog_on(qtbot, shell, sqlite_core)
    before = sqlite_core.paths.config_file.read_bytes()
    dialog.forwarding.mode.setCurrentIndex(dialog.forwarding.mode.findData("always"))
    dialog.forwarding.target.setText(typed)
    dialog.save()
    assert dialog.status.text().startswith("Not saved: Forwarding: ")
    assert says in dialog.status.text()
    qtbot.wait(50)
    assert sqlite_core.paths.config_file.read_bytes() == before
    assert sqlite_core.settings.forward_mode == "off"


def test_a_hand_edited_file_without_a_number_is_refused() -> None:
    with pytest.raises(SettingsError, match="Say the number to forward calls to"):
        Settings(forward_mode="always").validate()
    with pytest.raises(SettingsError, match="forward_mode is one of"):
        Settings(forward_mode="sometimes", forward_to="2002").validate()
    with pytest.raises(SettingsError, match="5 to 300 seconds"):
        Settings(forward_mode="no_answer", forward_to="2002", forward_after_s=1).validate()


def test_the_engine_gets_the_number_in_the_pbxs_dial_format() -> None:
    national = "national:" + "{}"
    style = national.format
    forwarding = Settings(forward_mode="always", forward_to="+380 50 123 45 67")
    assert forward_target(forwarding, style) == "national:+380501234567"
    user = Settings(forward_mode="always", forward_to="reception")
    assert forward_target(user, style) == "reception"  # a SIP user: as typed
    assert forward_target(Settings(), style) == ""  # off
    broken = Settings(forward_mode="always", forward_to="call Olena")
    assert forward_target(broken, style) == ""  # a hand edit: not forwarded


def test_a_forwarded_call_is_said_and_pops_nothing(qtbot: Any, shell: Any) -> None:
    window = shell.window
    feed(
        shell.bridge,
        IncomingCall(
            "f1",
            "office",
            "<sip:+380501234567@pbx>",
            "+380501234567",
            "Ольга",
            "x",
            handled="forwarded",
        ),
    )
    qtbot.waitUntil(lambda: "forwarded" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == "A call from Ольга was forwarded."
    assert "f1" not in window.pops

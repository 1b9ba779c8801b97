"""Settings > General: the waiting chats' clock thresholds and what a new
message's notification says and plays, saved to the file and applied to the
running window at once."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt

from app.core import Core
from ui.settings.settings_dialog import SettingsDialog


def test_the_thresholds_and_notification_options_are_saved_and_apply_at_once(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    dialog = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    chats = dialog.chats
    assert (chats.amber.value(), chats.red.value()) == (5, 15)
    assert chats.show_text.isChecked() and not chats.sound.isChecked()
    for control in (chats.amber, chats.red, chats.show_text, chats.sound):
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus
    chats.amber.setValue(10)
    chats.red.setValue(8)  # below amber: the box keeps it after amber
    assert chats.red.value() == 11
    chats.red.setValue(45)
    chats.show_text.setChecked(False)
    chats.sound.setChecked(True)
    with qtbot.waitSignal(dialog.settingsSaved):
        dialog.save()
    saved = json.loads(sqlite_core.paths.config_file.read_text(encoding="utf-8"))
    assert (saved["waiting_amber_minutes"], saved["waiting_red_minutes"]) == (10, 45)
    assert saved["notify_message_text"] is False and saved["message_sound"] is True
    settings = sqlite_core.settings  # the list's next tick and the next notification read these
    assert (settings.waiting_amber_minutes, settings.waiting_red_minutes) == (10, 45)
    assert settings.notify_message_text is False and settings.message_sound is True

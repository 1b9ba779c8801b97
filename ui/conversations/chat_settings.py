"""The chats' options on Settings' General tab: when the waiting list's clock
turns amber and red, and what a new message's notification says and plays.

``FIELDS`` are the settings these rows edit (the dialog copies them to the
running core's settings after a save, so they apply at once).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QSpinBox, QWidget

from app.settings import Settings
from ui.common.plain_text import plain_label

FIELDS = ("waiting_amber_minutes", "waiting_red_minutes", "notify_message_text", "message_sound")
MAX_AMBER = 24 * 60  # app/settings.py checks the same bounds
MAX_RED = 7 * 24 * 60


class ChatSettings(QObject):
    def __init__(self, settings: Settings, page: QWidget) -> None:
        super().__init__(page)
        self.amber = QSpinBox(page)
        self.amber.setObjectName("waitingAmber")
        self.amber.setRange(1, MAX_AMBER)
        self.amber.setSuffix(self.tr(" min"))
        self.amber.setValue(settings.waiting_amber_minutes)
        self.amber.setToolTip(self.tr("A waiting chat's clock turns amber after this long"))
        self.red = QSpinBox(page)
        self.red.setObjectName("waitingRed")
        self.red.setRange(2, MAX_RED)
        self.red.setSuffix(self.tr(" min"))
        self.red.setValue(settings.waiting_red_minutes)
        self.red.setToolTip(self.tr("…and red after this long"))
        # Red comes after amber: the spin box can't be set to what the save refuses.
        self.amber.valueChanged.connect(lambda value: self.red.setMinimum(value + 1))
        self.red.setMinimum(min(self.amber.value() + 1, MAX_RED))
        self.show_text = QCheckBox(self.tr("Show the message's first words in notifications"), page)
        self.show_text.setObjectName("notifyMessageText")
        self.show_text.setToolTip(
            self.tr("Off: a notification says only who wrote (others may see your screen).")
        )
        self.show_text.setChecked(settings.notify_message_text)
        self.sound = QCheckBox(self.tr("Play a sound for a new message"), page)
        self.sound.setObjectName("messageSound")
        self.sound.setToolTip(self.tr("While the window is not in front, with the notification."))
        self.sound.setChecked(settings.message_sound)

    def add_rows(self, form: QFormLayout, page: QWidget) -> None:
        row = QHBoxLayout()
        amber_label = plain_label(page, self.tr("amber after"))
        amber_label.setBuddy(self.amber)
        red_label = plain_label(page, self.tr("red after"))
        red_label.setBuddy(self.red)
        row.addWidget(amber_label)
        row.addWidget(self.amber)
        row.addSpacing(12)
        row.addWidget(red_label)
        row.addWidget(self.red)
        row.addStretch(1)
        form.addRow(self.tr("Waiting chats:"), row)
        form.addRow("", self.show_text)
        form.addRow("", self.sound)

    def edited(self, settings: Settings) -> Settings:
        return dataclasses.replace(
            settings,
            waiting_amber_minutes=self.amber.value(),
            waiting_red_minutes=self.red.value(),
            notify_message_text=self.show_text.isChecked(),
            message_sound=self.sound.isChecked(),
        )

"""The codecs calls may use, in order: a list of checkboxes the operator ticks
and moves (buttons, or Alt+Up / Alt+Down on the list), for the Audio page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.settings import CODECS

# What the operator reads for each engine codec id.
CODEC_NAMES = {
    "G722/16000/1": "G.722 (HD voice, 16 kHz)",
    "PCMA/8000/1": "G.711 A-law (PCMA)",
    "PCMU/8000/1": "G.711 µ-law (PCMU)",
    "speex/16000/1": "Speex 16 kHz",
    "speex/8000/1": "Speex 8 kHz",
    "speex/32000/1": "Speex 32 kHz",
    "GSM/8000/1": "GSM",
    "iLBC/8000/1": "iLBC",
}
COSTLY = {"speex/16000/1", "speex/8000/1", "speex/32000/1", "iLBC/8000/1"}


class _Codecs(QListWidget):
    def __init__(self, owner: CodecList) -> None:
        super().__init__(owner)
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self._owner.shift(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class CodecList(QWidget):
    def __init__(self, chosen: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codecList")
        self.list = _Codecs(self)
        self.list.setObjectName("codecs")
        self.list.setToolTip(
            QCoreApplication.translate(
                "CodecList",
                "Ticked codecs are offered in this order; the others are off. "
                "Alt+Up and Alt+Down move the selected one.",
            )
        )
        for codec in [*chosen, *(c for c in CODECS if c not in chosen)]:
            text = CODEC_NAMES.get(codec, codec)
            item = QListWidgetItem(text, self.list)
            if codec in COSTLY:
                item.setText(text + " — " + QCoreApplication.translate("CodecList", "more CPU"))
                item.setToolTip(
                    QCoreApplication.translate("CodecList", "costs more CPU; few PBXs need it")
                )
            item.setData(Qt.ItemDataRole.UserRole, codec)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if codec in chosen else Qt.CheckState.Unchecked
            )
        self.list.setCurrentRow(0)
        # Every codec in sight, no scroll bar: the list is short and fixed.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFixedHeight(
            self.list.sizeHintForRow(0) * self.list.count() + 2 * self.list.frameWidth() + 2
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.up = QPushButton(QCoreApplication.translate("CodecList", "Move up"), self)
        self.down = QPushButton(QCoreApplication.translate("CodecList", "Move down"), self)
        self.up.clicked.connect(lambda: self.shift(-1))
        self.down.clicked.connect(lambda: self.shift(1))
        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def shift(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def chosen(self) -> list[str]:
        """The ticked codecs, in the list's order."""
        out: list[str] = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

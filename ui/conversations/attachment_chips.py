"""The files attached to the message being written: one chip each, with the
file's name and size and a button that removes it; a file over the channel's
limit, or gone since it was picked, is marked and says why. File names come
from outside (a customer's file saved to disk, a colleague's share): shown as
plain text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ui.common.dialog_parts import ERROR_COLOR
from ui.common.plain_text import plain_label, plain_tooltip
from ui.conversations.composer_work import PickedFile

NAME_CHARS = 40  # longer names are elided in the middle; the tooltip has the whole name


def size_text(size: int) -> str:
    """ "1.2 MB" in the window's language."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def short_name(name: str) -> str:
    if len(name) <= NAME_CHARS:
        return name
    keep = NAME_CHARS - 1
    return name[: keep - keep // 3] + "…" + name[-(keep // 3) :]


class FlowLayout(QLayout):
    """Left to right, wrapping to the next line when the row is full."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class AttachmentChip(QFrame):
    remove_requested = Signal(str)  # the file's path

    def __init__(self, picked: PickedFile, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picked = picked
        self.setObjectName("attachmentChip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        colour = ERROR_COLOR if problem else "palette(mid)"
        self.setStyleSheet(
            f"QFrame#attachmentChip {{ border: 1px solid {colour}; border-radius: 4px; }}"
        )
        self.name = plain_label(self, short_name(picked.name))
        self.name.setObjectName("attachmentName")
        self.size_label = plain_label(
            self, size_text(picked.size) if picked.size is not None else ""
        )
        self.size_label.setStyleSheet(
            f"color: {ERROR_COLOR};" if problem else "color: palette(mid);"
        )
        self.remove = QToolButton(self)
        self.remove.setObjectName("removeAttachment")
        self.remove.setText("✕")
        self.remove.setAutoRaise(True)
        self.remove.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.remove.setAccessibleName(self.tr("Remove %1").replace("%1", picked.name))
        self.remove.setToolTip(self.tr("Remove this file from the message"))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(picked.path))
        self.setToolTip(plain_tooltip("\n".join(t for t in (picked.path, problem) if t)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.setSpacing(4)
        layout.addWidget(self.name)
        layout.addWidget(self.size_label)
        layout.addWidget(self.remove)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)


class AttachmentChips(QWidget):
    remove_requested = Signal(str)  # a path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentChips")
        self.chips: list[AttachmentChip] = []
        self._layout = FlowLayout(self)
        self.hide()

    def show_files(self, files: Sequence[tuple[PickedFile, str]]) -> None:
        """Each file with what is wrong with it ("" when nothing is)."""
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for picked, problem in files:
            chip = AttachmentChip(picked, problem, self)
            chip.remove_requested.connect(self.remove_requested)
            self._layout.addWidget(chip)
            self.chips.append(chip)
        self.setVisible(bool(self.chips))
        self.updateGeometry()

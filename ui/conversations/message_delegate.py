"""Paints a conversation's rows as chat bubbles (ui/conversations/bubbles.py).

One list of ten thousand messages is one view and this delegate, not a widget
per message: a row's height is measured once per list width and kept (an
integer per row), its full layout kept for the rows painted lately. A click on
a bubble's button ("Resend", "Cancel", "Open", "Save as…") is ``triggered``;
the keyboard reaches the same actions through the list's keys and menu.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ui.conversations.bubbles import THUMB_H, THUMB_W, Action, Bubble, Style, measure
from ui.conversations.bubbles import paint as paint_bubble
from ui.conversations.message_model import ITEM_ROLE, MessageModel
from ui.conversations.thumbnails import Thumbnails

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

    from app.conversation_feed import FeedItem

KEEP_LAYOUTS = 400  # full layouts kept (the rows painted lately)


class MessageDelegate(QStyledItemDelegate):
    # The action, the row's FeedItem, the attachment's index (-1: none).
    triggered = Signal(str, object, int)

    def __init__(self, view: QAbstractItemView, thumbnails: Thumbnails) -> None:
        super().__init__(view)
        self.view = view
        self.thumbnails = thumbnails
        self._heights: dict[tuple[int, int], tuple[object, int]] = {}
        self._layouts: OrderedDict[tuple[int, int], Bubble] = OrderedDict()
        self._style: Style | None = None
        self._file_icon: QPixmap | None = None
        # Emails whose quoted history the operator unfolded (this view only).
        self.unfolded: set[int] = set()

    # --- measuring ------------------------------------------------------------------

    def style_changed(self) -> None:
        """The list's font or palette changed: everything is measured again."""
        self._style = None
        self._heights.clear()
        self._layouts.clear()

    @property
    def style(self) -> Style:
        if self._style is None:
            self._style = Style.of(self.view.font(), self.view.palette())
        return self._style

    def width(self) -> int:
        return max(200, self.view.viewport().width())

    def bubble(self, item: FeedItem, width: int | None = None) -> Bubble:
        width = width or self.width()
        key = (item.interaction_id, width)
        found = self._layouts.get(key)
        if found is not None and found.item is item and found.unfolded == self._is_unfolded(item):
            self._layouts.move_to_end(key)
            return found
        model = self.view.model()
        sizes = model.image_sizes if isinstance(model, MessageModel) else {}
        can_open = model.can_open if isinstance(model, MessageModel) else {}
        made = measure(item, width, self.style, sizes, can_open, self._is_unfolded(item))
        self._layouts[key] = made
        self._heights[key] = (item, made.height)
        while len(self._layouts) > KEEP_LAYOUTS:
            self._layouts.popitem(last=False)
        return made

    def _is_unfolded(self, item: FeedItem) -> bool:
        return item.interaction_id in self.unfolded

    def forget(self, interaction_ids: set[int]) -> None:
        """Rows taken out of the list: their measured heights and layouts go."""
        for cache in (self._heights, self._layouts):
            for key in [k for k in cache if k[0] in interaction_ids]:
                del cache[key]

    def toggle_unfolded(self, interaction_id: int) -> None:
        """Shows or hides an email's quoted history; its row is measured again."""
        self.unfolded ^= {interaction_id}
        for key in [k for k in self._heights if k[0] == interaction_id]:
            del self._heights[key]
        for key in [k for k in self._layouts if k[0] == interaction_id]:
            del self._layouts[key]

    def bubble_at(self, index: QModelIndex | QPersistentModelIndex) -> Bubble | None:
        item = index.data(ITEM_ROLE)
        return self.bubble(item) if item is not None else None

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        item: FeedItem | None = index.data(ITEM_ROLE)
        if item is None:
            return QSize(0, 0)
        width = self.width()
        known = self._heights.get((item.interaction_id, width))
        if known is not None and known[0] is item:
            return QSize(width, known[1])
        return QSize(width, self.bubble(item, width).height)

    def painted_texts(self, index: QModelIndex | QPersistentModelIndex) -> list[str]:
        """What this delegate draws for ``index``, each as plain text (it lays
        out every text with QTextLayout, which reads no markup)."""
        bubble = self.bubble_at(index)
        return bubble.painted_texts() if bubble is not None else []

    # --- painting -------------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        item: FeedItem | None = index.data(ITEM_ROLE)
        if item is None:
            return
        bubble = self.bubble(item)
        state = option.state
        pixmaps: dict[int, QPixmap] = {}
        ratio = self.view.devicePixelRatioF()
        box = QSize(int(THUMB_W * ratio), int(THUMB_H * ratio))
        for picture in bubble.pictures:
            if picture.image:
                attachment = item.attachments[picture.attachment]
                pixmap = self.thumbnails.get(attachment.id, attachment.path, box)
                if pixmap is not None:
                    pixmaps[picture.attachment] = pixmap
        rect = option.rect
        paint_bubble(
            painter,
            bubble,
            QPointF(rect.topLeft()),
            self.style,
            selected=bool(state & QStyle.StateFlag.State_Selected),
            focused=bool(state & QStyle.StateFlag.State_HasFocus) and self.view.hasFocus(),
            pixmaps=pixmaps,
            file_icon=self.file_icon(),
        )

    def file_icon(self) -> QPixmap:
        if self._file_icon is None:
            icon = self.view.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
            self._file_icon = icon.pixmap(28, 28)
        return self._file_icon

    # --- clicks -----------------------------------------------------------------------

    def editorEvent(
        self,
        event: QEvent,
        model: Any,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() != QEvent.Type.MouseButtonRelease or not isinstance(event, QMouseEvent):
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        item: FeedItem | None = index.data(ITEM_ROLE)
        if item is None:
            return False
        rect = option.rect
        at = event.position().toPoint() - rect.topLeft()
        button = self.bubble(item).button_at(at.x(), at.y())
        if button is None:
            return False
        self.triggered.emit(
            str(button.action), item, -1 if button.attachment is None else button.attachment
        )
        return True


__all__ = ["Action", "MessageDelegate"]

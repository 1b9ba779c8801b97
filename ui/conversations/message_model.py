"""The messages a conversation view shows: ``FeedItem``s in their order (the
platform's time, then id), oldest first, one row each.

The view loads a page, then older pages in front (``prepend``), and merges
what a changes value names (``merge``): a bubble already shown is replaced
(an edit, a delivery state), a new one goes in at its place, which is usually
the end but may be inside (a message written while the channel was down).
Rows are found by interaction id without a scan.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)

from ui.common.plain_text import plain_tooltip
from ui.conversations.bubbles import body_text, notice_text, shown_time

if TYPE_CHECKING:
    from app.conversation_feed import FeedCursor, FeedItem

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's FeedItem

_INDEX = QModelIndex()


class MessageModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[FeedItem] = []
        self._keys: list[tuple[Any, int]] = []  # (started_at, id) per row, for bisect
        self._rows: dict[int, int] | None = {}  # interaction id -> row; None: to rebuild
        # Images' pixel sizes by attachment id (read with the page, off the GUI
        # thread), so a bubble has its final height before its thumbnail loads.
        self.image_sizes: dict[int, QSize] = {}
        # Attachments whose file may not be opened from here (it could run a program).
        self.can_open: dict[int, bool] = {}

    # --- Qt's side ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return summary(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(tooltip(item))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return summary(item)
        return None

    # --- the view's side ----------------------------------------------------------

    @property
    def ids(self) -> set[int]:
        return set(self._index())

    @property
    def first(self) -> FeedCursor | None:
        return self.items[0].cursor if self.items else None

    @property
    def last(self) -> FeedCursor | None:
        return self.items[-1].cursor if self.items else None

    def row_of(self, interaction_id: int) -> int | None:
        return self._index().get(interaction_id)

    def item(self, row: int) -> FeedItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def reset(self, items: Sequence[FeedItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self._keys = [_key(i) for i in self.items]
        self._rows = None
        self.endResetModel()

    def prepend(self, items: Sequence[FeedItem]) -> int:
        """An older page (all of it sorts before the first row); rows shown
        already are left out. Returns how many went in."""
        known = self._index()
        fresh = [i for i in items if i.interaction_id not in known]
        if self.items:
            fresh = [i for i in fresh if _key(i) < self._keys[0]]
        if not fresh:
            return 0
        self.beginInsertRows(_INDEX, 0, len(fresh) - 1)
        self.items[:0] = fresh
        self._keys[:0] = [_key(i) for i in fresh]
        self._rows = None
        self.endInsertRows()
        return len(fresh)

    def merge(self, items: Iterable[FeedItem], *, after_last: bool = True) -> list[int]:
        """Replaces the rows of these messages and puts the new ones at their
        place. A new message that sorts before the first row is left out (an
        older page brings it); one after the last only when ``after_last``
        (False: newer messages are not loaded yet, so there is a gap). Returns
        the interaction ids that went in as new rows."""
        added: list[int] = []
        for item in sorted(items, key=_key):
            row = self.row_of(item.interaction_id)
            if row is not None:
                self.items[row] = item
                index = self.index(row)
                self.dataChanged.emit(index, index)
                continue
            key = _key(item)
            at = bisect.bisect_left(self._keys, key)
            if self.items and at == 0 and self._has_older:
                continue
            if at == len(self.items) and self.items and not after_last:
                continue
            self.beginInsertRows(_INDEX, at, at)
            self.items.insert(at, item)
            self._keys.insert(at, key)
            self._rows = None
            self.endInsertRows()
            added.append(item.interaction_id)
        return added

    def drop_oldest(self, count: int) -> list[int]:
        """Takes the first ``count`` rows out (an older page brings them back);
        their interaction ids."""
        count = min(count, len(self.items))
        if count <= 0:
            return []
        dropped = [i.interaction_id for i in self.items[:count]]
        self.beginRemoveRows(_INDEX, 0, count - 1)
        del self.items[:count]
        del self._keys[:count]
        self._rows = None
        self.endRemoveRows()
        return dropped

    _has_older = False  # set by the view: older messages exist than the first row

    def set_has_older(self, value: bool) -> None:
        self._has_older = value

    def _index(self) -> dict[int, int]:
        if self._rows is None:
            self._rows = {item.interaction_id: row for row, item in enumerate(self.items)}
        return self._rows


def _key(item: FeedItem) -> tuple[Any, int]:
    return (item.cursor.started_at, item.cursor.id)


def summary(item: FeedItem) -> str:
    """One line for a screen reader and the list's type-ahead: who and what."""
    body = body_text(item) or ", ".join(a.filename for a in item.attachments)
    return f"{item.sender}: {body}" if item.sender else body


def tooltip(item: FeedItem) -> str:
    """When exactly, the texts before each edit, and the platform's own words
    for a failure: plain text (escaped by the model for the tooltip)."""
    lines = [item.at.astimezone().strftime("%d.%m.%Y %H:%M:%S")]
    if item.earlier_texts:
        lines.append(QCoreApplication.translate("MessageList", "Before editing:"))
        for edit in item.earlier_texts:
            when = f"{shown_time(edit.until)}: " if edit.until is not None else ""
            lines.append(f"{when}{edit.text}")
    delivery = item.delivery
    if delivery is not None:
        notice = notice_text(item)
        if notice:
            lines.append(notice)
        if delivery.platform_reason and delivery.platform_reason not in notice:
            lines.append(
                QCoreApplication.translate("MessageList", "The platform said: %1").replace(
                    "%1", delivery.platform_reason
                )
            )
    return "\n".join(lines)

"""A conversation's messages: one QListView over a ``MessageModel``, painted
as chat bubbles by ``MessageDelegate``.

Newest at the bottom. Scrolled to the top it asks for the older page
(``olderWanted``) and keeps the message the operator looked at where it was
when the page goes in above it. New messages go in at their place; the view
follows them only when it was at the bottom, otherwise a "new messages"
button at the bottom says how many came and jumps there. Opened at one
message (from the timeline) with newer ones not loaded, scrolling to the
bottom asks for them (``newerWanted``).

Keys, while the list has the focus (and its context menu, which lists them):
Ctrl+C copies the message's text, Ctrl+R replies to it (when the composer
takes replies), Ctrl+Shift+R resends a message that failed or may not have
been sent, Delete cancels one still queued, Enter opens its first file and
Ctrl+S saves it. The list takes these keys before the window's shortcuts do,
and only while it has the focus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QToolButton, QWidget

from app.mail.view import visible_parts
from ui.common.plain_text import literal_ampersands
from ui.conversations.bubbles import Action, Style
from ui.conversations.message_delegate import MessageDelegate
from ui.conversations.message_model import ITEM_ROLE, MessageModel
from ui.conversations.thumbnails import Thumbnails

if TYPE_CHECKING:
    from app.conversation_feed import FeedCursor, FeedItem

EDGE_PX = 48  # this close to the top (bottom) the older (newer) page is asked for
BOTTOM_SLACK_PX = 6  # "at the bottom" allows for this much


class MessageList(QListView):
    olderWanted = Signal()
    newerWanted = Signal()
    latestWanted = Signal()  # the "new messages" button with newer ones not loaded
    # What the operator asked for a message: an ``Action`` value or "reply",
    # the message, the attachment's index (-1: none).
    actionRequested = Signal(str, object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageList")
        self.messages = MessageModel(self)
        self.setModel(self.messages)
        self.thumbnails = Thumbnails(self)
        self.bubbles = MessageDelegate(self, self.thumbnails)
        self.setItemDelegate(self.bubbles)
        self.bubbles.triggered.connect(self.trigger)
        self.thumbnails.ready.connect(lambda _: self.viewport().update())
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: a bar that comes with the second screenful would narrow
        # the rows and have every bubble wrapped (measured) again.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.verticalScrollBar().setSingleStep(24)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self._apply_background()

        self.has_older = False
        self.has_newer = False  # messages after the last row exist, not loaded
        self.replies = False  # the composer takes "reply to this message"
        self.unseen = 0  # new messages below while scrolled up
        self.jump = QToolButton(self.viewport())
        self.jump.setObjectName("newMessages")
        self.jump.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.jump.setCursor(Qt.CursorShape.PointingHandCursor)
        self.jump.clicked.connect(self.jump_to_latest)
        self.jump.hide()
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        # A scroll that reached the top asks once the layout settled.
        self._edge = QTimer(self)
        self._edge.setSingleShot(True)
        self._edge.setInterval(0)
        self._edge.timeout.connect(self._check_edges)

    # --- what is shown ------------------------------------------------------------

    def set_more(self, older: bool, newer: bool) -> None:
        """Whether messages before the first row (after the last) exist, not loaded."""
        self.has_older, self.has_newer = older, newer
        self.messages.set_has_older(older)
        self._update_jump()

    def show_items(self, items: Sequence[FeedItem], anchor: int | None = None) -> None:
        """A fresh page: at the bottom, or with message ``anchor`` in sight."""
        self.unseen = 0
        self.messages.reset(items)
        self._update_jump()
        row = self.messages.row_of(anchor) if anchor is not None else None
        if row is not None:
            index = self.messages.index(row)
            self.setCurrentIndex(index)
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        else:
            self.scrollToBottom()
        self._edge.start()

    def add_older(self, items: Sequence[FeedItem]) -> int:
        """An older page above: the message at the top of the view stays put."""
        anchor = self._anchor()
        added = self.messages.prepend(items)
        self._restore(anchor)
        self._edge.start()
        return added

    def add_newer(self, items: Sequence[FeedItem]) -> None:
        """The page after the last row (asked for by scrolling down)."""
        anchor = self._anchor()
        self.messages.merge(items, after_last=True)
        self._restore(anchor)
        self._edge.start()

    def merge(self, items: Sequence[FeedItem], *, follow: bool = False) -> list[int]:
        """Messages a change named: replaced or put at their place. The view
        follows to the bottom when it was there (or ``follow``); otherwise it
        keeps what the operator looks at, and counts the new ones below."""
        at_bottom = self.at_bottom()
        anchor = self._anchor()
        known = self.messages.ids
        last = self.messages.last
        added = self.messages.merge(items, after_last=not self.has_newer)
        below = [
            i for i in items if i.interaction_id not in known and (last is None or i.cursor > last)
        ]
        if below and not self.has_newer and (at_bottom or follow):
            self.scrollToBottom()
        else:
            self._restore(anchor)
            if below:
                self.unseen += len(below)
                self._update_jump()
        return added

    def keep_latest(self, rows: int) -> FeedCursor | None:
        """Only the latest ``rows`` rows are kept (for a view that follows the
        bottom): the older ones leave the list, and scrolling up reads them
        again. A message stream would otherwise grow the list without end,
        and every insert lays out every row. The new first row's cursor, when
        rows went."""
        extra = self.messages.rowCount() - rows
        if extra <= 0:
            return None
        dropped = self.messages.drop_oldest(extra)
        self.bubbles.forget(set(dropped))
        self.set_more(True, self.has_newer)
        return self.messages.first

    def at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - BOTTOM_SLACK_PX

    def jump_to_latest(self) -> None:
        self.unseen = 0
        self._update_jump()
        if self.has_newer:
            self.latestWanted.emit()
        else:
            self.scrollToBottom()

    def current_item(self) -> FeedItem | None:
        index = self.currentIndex()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        return item

    def scroll_to_message(self, interaction_id: int) -> bool:
        row = self.messages.row_of(interaction_id)
        if row is None:
            return False
        index = self.messages.index(row)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    # --- keeping the view in place ---------------------------------------------------

    def _anchor(self) -> tuple[int, int] | None:
        """The message at the top of the view and where its top is."""
        index = self.indexAt(QPoint(self.viewport().width() // 2, 1))
        if not index.isValid():
            index = self.indexAt(QPoint(20, 1))
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if item is None:
            return None
        return item.interaction_id, self.visualRect(index).top()

    def _restore(self, anchor: tuple[int, int] | None) -> None:
        if anchor is None:
            return
        row = self.messages.row_of(anchor[0])
        if row is None:
            return
        # rectForIndex lays the rows out first (Qt postpones that to the next paint).
        y = self.rectForIndex(self.messages.index(row)).top()
        self.updateGeometries()
        self.verticalScrollBar().setValue(y - anchor[1])

    def _scrolled(self, _value: int) -> None:
        if self.unseen and self.at_bottom() and not self.has_newer:
            self.unseen = 0
            self._update_jump()
        self._edge.start()

    def _check_edges(self) -> None:
        if not self.messages.items:
            return
        bar = self.verticalScrollBar()
        if self.has_older and bar.value() <= EDGE_PX:
            self.olderWanted.emit()
        elif self.has_newer and bar.value() >= bar.maximum() - EDGE_PX:
            self.newerWanted.emit()

    def _update_jump(self) -> None:
        if self.unseen <= 0 and not self.has_newer:
            self.jump.hide()
            return
        self.jump.setText(
            self.tr("↓ %n new message(s)", "", self.unseen)
            if self.unseen
            else self.tr("↓ Latest messages")
        )
        self.jump.adjustSize()
        self._place_jump()
        self.jump.show()
        self.jump.raise_()

    def _place_jump(self) -> None:
        area = self.viewport().rect()
        size = self.jump.sizeHint()
        self.jump.move(area.right() - size.width() - 12, area.bottom() - size.height() - 10)

    def resizeEvent(self, event: QResizeEvent) -> None:
        anchor = self._anchor()
        at_bottom = self.at_bottom()
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width() and self.messages.items:
            # Bubbles wrap anew at another width: laid out now, so the view
            # stays at the bottom, or on the message it showed.
            self.scheduleDelayedItemsLayout()
            self.executeDelayedItemsLayout()
            if at_bottom:
                self.scrollToBottom()
            else:
                self._restore(anchor)
        elif at_bottom:
            self.scrollToBottom()
        self._place_jump()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self.bubbles.style_changed()
            self._apply_background()
            self.scheduleDelayedItemsLayout()
        super().changeEvent(event)

    def _apply_background(self) -> None:
        style = Style.of(self.font(), self.palette())
        palette = self.viewport().palette()
        palette.setColor(QPalette.ColorRole.Base, style.background())
        self.viewport().setPalette(palette)
        self.viewport().setAutoFillBackground(True)

    # --- the operator's actions -----------------------------------------------------

    def actions_for(self, item: FeedItem) -> list[tuple[str, str, str, int]]:
        """(action, text, keys, attachment index) the message offers, in menu order."""
        found: list[tuple[str, str, str, int]] = []
        if item.text:
            found.append(("copy", self.tr("Copy text"), "Ctrl+C", -1))
        if self.replies and item.external_id:
            found.append(("reply", self.tr("Reply"), "Ctrl+R", -1))
        mail = item.mail
        if mail is not None and item.text and any(
            p.folded for p in visible_parts(item.text, mail.segments)
        ):
            shown = item.interaction_id in self.bubbles.unfolded
            found.append(
                (
                    Action.UNFOLD.value,
                    self.tr("Hide quoted text") if shown else self.tr("Show quoted text"),
                    "Ctrl+E",
                    -1,
                )
            )
        if mail is not None and mail.has_html:
            found.append((Action.FORMATTED.value, self.tr("Formatted view"), "Ctrl+Shift+O", -1))
        delivery = item.delivery
        if delivery is not None and delivery.outbox_id is not None:
            if delivery.can_resend:
                found.append((Action.RESEND.value, self.tr("Resend"), "Ctrl+Shift+R", -1))
            if delivery.can_cancel:
                found.append((Action.CANCEL.value, self.tr("Cancel sending"), "Del", -1))
        for index, attachment in enumerate(item.attachments):
            name = literal_ampersands(attachment.filename)
            first = index == 0
            if self.messages.can_open.get(attachment.id, True):
                found.append(
                    (
                        Action.OPEN.value,
                        self.tr("Open %1").replace("%1", name),
                        "Return" if first else "",
                        index,
                    )
                )
            found.append(
                (
                    Action.SAVE.value,
                    self.tr("Save %1 as…").replace("%1", name),
                    "Ctrl+S" if first else "",
                    index,
                )
            )
        return found

    def trigger(self, action: str, item: FeedItem, attachment: int = -1) -> None:
        if action == "copy":
            clipboard = QGuiApplication.clipboard()
            clipboard.setText(item.text)
            return
        if action == Action.UNFOLD.value:
            self.toggle_unfolded(item)
            return
        self.actionRequested.emit(action, item, attachment)

    def toggle_unfolded(self, item: FeedItem) -> None:
        """An email's quoted history shown or folded again, the row kept in view."""
        self.bubbles.toggle_unfolded(item.interaction_id)
        row = self.messages.row_of(item.interaction_id)
        if row is None:
            return
        index = self.messages.index(row)
        self.bubbles.sizeHintChanged.emit(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        menu = self.menu_for(index)
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(pos))

    def menu_for(self, index: QModelIndex) -> QMenu | None:
        item: FeedItem | None = index.data(ITEM_ROLE)
        if item is None:
            return None
        offered = self.actions_for(item)
        if not offered:
            return None
        menu = QMenu(self)
        menu.setObjectName("messageMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action, text, keys, attachment in offered:
            entry = menu.addAction(text)
            if keys:
                entry.setShortcut(QKeySequence(keys))
            entry.triggered.connect(self._bound(action, item, attachment))
        return menu

    def _bound(self, action: str, item: FeedItem, attachment: int) -> Callable[[], None]:
        return lambda: self.trigger(action, item, attachment)

    def _key_action(self, event: QKeyEvent) -> tuple[str, int] | None:
        key, mods = event.key(), event.modifiers()
        ctrl = Qt.KeyboardModifier.ControlModifier
        shift = Qt.KeyboardModifier.ShiftModifier
        plain = mods & ~Qt.KeyboardModifier.KeypadModifier
        if event.matches(QKeySequence.StandardKey.Copy):
            return "copy", -1
        if key == Qt.Key.Key_R and plain == ctrl:
            return "reply", -1
        if key == Qt.Key.Key_R and plain == ctrl | shift:
            return Action.RESEND.value, -1
        if key == Qt.Key.Key_Delete and not plain:
            return Action.CANCEL.value, -1
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not plain:
            return Action.OPEN.value, 0
        if key == Qt.Key.Key_S and plain == ctrl:
            return Action.SAVE.value, 0
        if key == Qt.Key.Key_E and plain == ctrl:
            return Action.UNFOLD.value, -1
        if key == Qt.Key.Key_O and plain == ctrl | shift:
            return Action.FORMATTED.value, -1
        return None

    def event(self, event: QEvent) -> bool:
        # The list's own keys win over the window's shortcuts while it has the focus.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            wanted = self._key_action(event)
            item = self.current_item()
            if wanted is not None and item is not None and self._offers(item, *wanted):
                event.accept()
                return True
        return super().event(event)

    def _offers(self, item: FeedItem, action: str, attachment: int) -> bool:
        return any(
            a == action and (attachment < 0 or i == attachment)
            for a, _, _, i in self.actions_for(item)
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        wanted = self._key_action(event)
        item = self.current_item()
        if wanted is not None and item is not None and self._offers(item, *wanted):
            self.trigger(wanted[0], item, wanted[1])
            event.accept()
            return
        super().keyPressEvent(event)

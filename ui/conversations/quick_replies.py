"""The quick-reply picker: a popup over the composer, opened by ``/`` in an
empty input or by Ctrl+/, that searches the shop's templates (their names and
texts, as ``Templates.list`` searches) offered in the conversation's channel
and the customer's language, and hands the one chosen to the composer, which
asks for its fields and puts the text in the input.

Keyboard first: the search field has the focus, the arrows (and Page Up /
Page Down) move in the list, Enter chooses, Esc closes. The search runs on
the task worker; an answer to an older search is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLocale, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import Core
from ui.common.core_text import error_text
from ui.common.dialog_parts import ERROR_COLOR
from ui.common.plain_text import plain_label
from ui.common.tasks import TaskRunner

SEARCH_MS = 120  # a pause in typing before the search runs
PREVIEW_CHARS = 600
WIDTH = 420
VISIBLE_ROWS = 8  # the list grows with its entries up to this many, then scrolls
_ROLE = Qt.ItemDataRole.UserRole

_NAVIGATION = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
)


@dataclass(frozen=True)
class QuickReply:
    template_id: int
    name: str
    text: str
    language: str  # "" for every language


def language_name(tag: str) -> str:
    """ "українська" for "uk": the language in its own words, the tag when Qt
    does not know it."""
    locale = QLocale(tag.replace("-", "_"))
    if not tag or locale.language() == QLocale.Language.C:
        return tag
    if locale.language() == QLocale.Language.English:
        return "English"  # not the country's variant Qt fills in ("American English")
    return locale.nativeLanguageName() or tag


def preview_text(text: str, known: Mapping[str, str]) -> str:
    """The template as it would read here: the fields the conversation knows
    filled in, the others left as {their label}."""
    from app.templates import TemplateError, fields, render

    try:
        values = {f.label: "{" + f.label + "}" for f in fields(text) if f.key not in known}
        return render(text, {**known, **values})
    except TemplateError:
        return text


def find_quick_replies(
    core: Core, channel: str | None, language: str | None, query: str
) -> list[QuickReply]:
    """On the task worker: the templates offered in ``channel`` and ``language``
    (None: any) whose name or text holds every word of ``query``."""
    from app.templates import TemplateError, clean_language

    if language:
        try:
            clean_language(language)
        except TemplateError:  # the platform's tag is not one the templates use
            language = None
    rows = core.templates.list(channel=channel, language=language or None, query=query)
    return [QuickReply(r.id or 0, r.name, r.text, r.language) for r in rows]


class QuickReplyPicker(QFrame):
    chosen = Signal(object)  # QuickReply
    # Closed without a choice: what was typed in the search (the composer puts
    # back the "/" that opened it, and the rest, so no keystroke is lost).
    dismissed = Signal(str)

    def __init__(self, core: Core, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.core = core
        self.tasks = tasks
        self.setObjectName("quickReplyPicker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.channel: str | None = None
        self.language = ""
        self.known: dict[str, str] = {}
        self._anchor: QWidget | None = None
        self._asked = 0  # the latest search's number: older answers are dropped
        self._done = False
        self.search = QLineEdit(self)
        self.search.setObjectName("quickReplySearch")
        self.search.setPlaceholderText(self.tr("Search quick replies by name or text"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.all_languages = QCheckBox(self)
        self.all_languages.setObjectName("quickReplyAllLanguages")
        self.all_languages.toggled.connect(self._search_now)
        self.list = QListWidget(self)
        self.list.setObjectName("quickReplyList")
        self.list.setUniformItemSizes(True)
        self.list.setStyleSheet("QListWidget::item { padding: 3px 2px; }")
        self.list.currentItemChanged.connect(self._preview)
        self.list.itemActivated.connect(self._choose_item)
        self.list.installEventFilter(self)
        self.empty = plain_label(self)
        self.empty.setObjectName("quickReplyEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid);")
        self.preview = plain_label(self)
        self.preview.setObjectName("quickReplyPreview")
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setMaximumHeight(110)
        self.preview.setStyleSheet("color: palette(dark);")
        hint = plain_label(self, self.tr("↑ ↓ to choose · Enter to insert · Esc to close"))
        hint.setObjectName("quickReplyHint")
        hint.setStyleSheet("color: palette(mid);")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_MS)
        self._timer.timeout.connect(self._search_now)
        self.search.textChanged.connect(lambda _: self._timer.start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.all_languages)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.preview)
        layout.addWidget(hint)
        self.resize(WIDTH, self.sizeHint().height())

    # --- opening -------------------------------------------------------------------------

    def open_over(
        self,
        anchor: QWidget,
        channel: str | None,
        language: str,
        known: Mapping[str, str] | None = None,
    ) -> None:
        """Shows the picker just above ``anchor`` (below it when there is no
        room above), for the conversation's channel and the customer's
        language; ``known``: the fields the conversation fills (for the preview)."""
        self.channel, self.language = channel, language
        self.known = dict(known or {})
        self._anchor = anchor
        self._done = False
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.all_languages.blockSignals(True)
        self.all_languages.setChecked(False)
        self.all_languages.blockSignals(False)
        self.all_languages.setText(
            self.tr("All languages, not only %1").replace("%1", language_name(language))
        )
        self.all_languages.setVisible(bool(language))
        self.list.clear()
        self.preview.clear()
        self.empty.hide()
        self._fit()
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus(Qt.FocusReason.PopupFocusReason)
        self._search_now()

    def _fit(self) -> None:
        """As tall as its entries (up to VISIBLE_ROWS), just above the anchor."""
        anchor = self._anchor
        if anchor is None:
            return
        rows = max(1, min(self.list.count(), VISIBLE_ROWS))
        row = self.list.sizeHintForRow(0) if self.list.count() else self.fontMetrics().height() + 4
        self.list.setFixedHeight(rows * row + 2 * self.list.frameWidth() + 4)
        self.list.setVisible(self.list.count() > 0)
        width = max(WIDTH, min(anchor.width(), 640))
        layout = self.layout()
        assert layout is not None
        layout.activate()
        height = layout.totalHeightForWidth(width)
        self.resize(width, height)
        top_left = anchor.mapToGlobal(QPoint(0, 0))
        screen = anchor.screen().availableGeometry()
        y = top_left.y() - height - 4
        if y < screen.top():
            y = top_left.y() + anchor.height() + 4
        x = max(screen.left(), min(top_left.x(), screen.right() - width))
        self.move(x, y)

    # --- searching -----------------------------------------------------------------------

    def _search_now(self) -> None:
        self._timer.stop()
        self._asked += 1
        asked = self._asked
        query = self.search.text()
        language = None if self.all_languages.isChecked() else (self.language or None)
        channel = self.channel
        self.tasks.run(
            lambda: find_quick_replies(self.core, channel, language, query),
            lambda found: self._show(asked, found),
            lambda exc: self._failed(asked, exc),
            owner=self,
        )

    def _show(self, asked: int, found: list[QuickReply]) -> None:
        if asked != self._asked:
            return
        self.list.clear()
        for reply in found:
            shown = reply.name
            if self.all_languages.isChecked() and reply.language:
                shown = f"{reply.name} · {reply.language}"
            item = QListWidgetItem(shown, self.list)
            item.setData(_ROLE, reply)
        if found:
            self.list.setCurrentRow(0)
            self.empty.hide()
        else:
            self.preview.clear()
            self.empty.setStyleSheet("color: palette(mid);")
            self.empty.setText(
                self.tr("No quick reply matches “%1”.").replace("%1", self.search.text())
                if self.search.text().strip()
                else self.tr("There are no quick replies for this conversation yet.")
            )
            self.empty.show()
        self._fit()

    def _failed(self, asked: int, exc: Exception) -> None:
        if asked != self._asked:
            return
        self.list.clear()
        self.preview.clear()
        self.empty.setStyleSheet(f"color: {ERROR_COLOR};")
        self.empty.setText(
            self.tr("The quick replies could not be read: %1").replace("%1", error_text(exc))
        )
        self.empty.show()
        self._fit()

    def _preview(self, item: QListWidgetItem | None) -> None:
        reply = item.data(_ROLE) if item is not None else None
        if not isinstance(reply, QuickReply):
            self.preview.clear()
            return
        text = preview_text(reply.text, self.known)
        self.preview.setText(text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…")

    # --- choosing and closing -----------------------------------------------------------

    def current(self) -> QuickReply | None:
        item = self.list.currentItem()
        reply = item.data(_ROLE) if item is not None else None
        return reply if isinstance(reply, QuickReply) else None

    def choose_current(self) -> None:
        reply = self.current()
        if reply is None:
            return
        self._done = True
        self.hide()
        self.chosen.emit(reply)

    def _choose_item(self, item: QListWidgetItem) -> None:
        self.list.setCurrentItem(item)
        self.choose_current()

    def dismiss(self) -> None:
        self.hide()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not self._done:
            self._done = True
            self.dismissed.emit(self.search.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.dismiss()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose_current()
                return True
            if watched is self.search and key in _NAVIGATION:
                QApplication.sendEvent(self.list, event)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)

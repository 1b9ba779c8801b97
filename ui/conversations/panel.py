"""The conversations panel: the open customer's conversations as tabs over
one conversation view.

A tab per conversation (channel, account, unread count), the most recently
active first when the customer is opened; a conversation that starts while
the customer is open gets its tab in front, and the others keep their places
(a tab moving under the operator's pointer is worse than a stale order). An
unknown sender's conversation (opened from the inbox) is shown alone. A
customer without chats is told so, with the channels they could write to.

Read on the task worker; the window's one changes value (``apply_changes``)
reads the tabs again when one of the shown conversations, or a conversation of
the shown customer, changed, and hands the value to the conversation view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QTabBar, QVBoxLayout, QWidget

from ui.common.core_text import error_text
from ui.common.labels import channel_label
from ui.common.plain_text import literal_ampersands, plain_label, plain_tooltip
from ui.common.tasks import TaskRunner
from ui.conversations.conversation_view import ConversationView
from ui.conversations.unsent_words import UnsentWords

if TYPE_CHECKING:
    from app.changes import Changes
    from app.core import Core
    from app.drafts import Draft

REFRESH_MS = 300  # a burst of changes becomes one read of the tabs


@dataclass(frozen=True)
class ChatTab:
    conversation_id: int
    channel: str
    account: str
    sender: str  # how the platform names the identity
    unread: int
    active_at: datetime | None


@dataclass(frozen=True)
class Chats:
    customer_id: int | None
    tabs: tuple[ChatTab, ...]  # most recently active first
    channels: tuple[tuple[str, str], ...]  # (channel, account label) a customer can write to
    # The conversation open before this read is no more (deleted with its
    # customer); False when it exists, under whichever customer, or none was.
    open_gone: bool = False
    customer_gone: bool = False  # the customer asked for is not in the database


def load_chats(
    core: Core, customer_id: int | None, conversation_id: int | None, open_id: int | None = None
) -> Chats:
    """Runs on the task worker: the customer's conversations (or the one
    conversation of an unknown sender) and the accounts switched on; whether
    the conversation ``open_id`` still exists."""
    from sqlmodel import col, select

    from app.models import ChannelAccount, Conversation, Customer

    with core.db.session() as s:
        stmt = select(Conversation)
        if customer_id is not None:
            stmt = stmt.where(Conversation.customer_id == customer_id)
        else:
            stmt = stmt.where(Conversation.id == conversation_id)
        rows = list(s.exec(stmt))
        accounts = {
            a.id: a for a in s.exec(select(ChannelAccount).order_by(col(ChannelAccount.id)))
        }
        open_gone = (
            open_id is not None
            and all(row.id != open_id for row in rows)
            and s.get(Conversation, open_id) is None
        )
        customer_gone = (
            customer_id is not None and not rows and s.get(Customer, customer_id) is None
        )
    tabs = [
        ChatTab(
            conversation_id=row.id or 0,
            channel=row.channel,
            account=accounts[row.account_id].label if row.account_id in accounts else "",
            sender=row.title or (f"@{row.username}" if row.username else row.identity),
            unread=row.unread_count,
            active_at=max(
                (t for t in (row.last_inbound_at, row.last_outbound_at) if t),
                default=row.created_at,
            ),
        )
        for row in rows
    ]
    tabs.sort(key=lambda t: (t.active_at is not None, t.active_at, t.conversation_id), reverse=True)
    channels = tuple((a.kind, a.label) for a in accounts.values() if a.enabled)
    return Chats(customer_id, tuple(tabs), channels, open_gone, customer_gone)


class ConversationsPanel(QWidget):
    callRequested = Signal(str, int, str)  # number, customer id (-1: none), name
    callbackSaved = Signal(int)  # a callback request's id
    customerChosen = Signal(int, int)  # customer id, conversation id (linked or created)
    message = Signal(str)

    def __init__(
        self, core: Core, tasks: TaskRunner, operator: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = tasks
        self.operator = operator
        self.customer_id: int | None = None
        self.conversation_ids: set[int] = set()  # the conversations with a tab
        self.tabs_shown: list[ChatTab] = []
        self._wanted: tuple[int, int | None] | None = None  # conversation, message to open
        self._single: int | None = None  # an unknown sender's conversation, shown alone
        self._generation = 0
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._reload_tabs)

        self.title = plain_label(self, self.tr("Conversations"))
        self.title.setObjectName("conversationsTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("conversationTabs")
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.setDocumentMode(True)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tabs.currentChanged.connect(self._tab_chosen)
        self.tabs.hide()
        self.empty = plain_label(self)
        self.empty.setObjectName("conversationsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setStyleSheet("color: palette(mid);")
        self.view = ConversationView(core, tasks, operator, self)
        self.view.callRequested.connect(self.callRequested.emit)
        self.view.callbackSaved.connect(self.callbackSaved.emit)
        self.view.customerChosen.connect(self.customerChosen.emit)
        self.view.message.connect(self.message.emit)
        self.view.conversationRequested.connect(lambda cid: self.select_conversation(cid))
        self.unsent = UnsentWords(self)
        self.unsent.dismissed.connect(self._forget_unsent)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs)
        layout.addWidget(self.unsent)
        layout.addWidget(self.stack, 1)
        self._say_empty(
            self.tr(
                "Telegram, WhatsApp, Viber and email conversations of the open customer show here."
            )
        )

    # --- what is shown ----------------------------------------------------------------

    def show_customer(self, customer_id: int | None) -> None:
        """The customer's conversations, the most recently active open."""
        if customer_id is None:
            self.clear()
            return
        self._open(customer_id, None, None)

    def show_conversation(
        self, customer_id: int | None, conversation_id: int, interaction_id: int | None = None
    ) -> None:
        """That conversation, at that message when given; a customer's among
        their other conversations, an unknown sender's alone."""
        self._open(customer_id, conversation_id, interaction_id)

    def clear(self) -> None:
        self._generation += 1
        self._refresh.stop()
        self.customer_id = None
        self._single = None
        self._wanted = None
        self.conversation_ids = set()
        self.tabs_shown = []
        self._set_tabs([])
        self.view.close_conversation()
        self._say_empty(
            self.tr(
                "Telegram, WhatsApp, Viber and email conversations of the open customer show here."
            )
        )

    @property
    def conversation_id(self) -> int | None:
        return self.view.conversation_id

    def _open(
        self, customer_id: int | None, conversation_id: int | None, interaction_id: int | None
    ) -> None:
        self._refresh.stop()
        same_customer = customer_id is not None and customer_id == self.customer_id
        self.customer_id = customer_id
        self._single = conversation_id if customer_id is None else None
        self._wanted = (conversation_id, interaction_id) if conversation_id is not None else None
        if (
            same_customer
            and conversation_id is not None
            and conversation_id in self.conversation_ids
        ):
            self._wanted = None
            self._select(conversation_id, interaction_id)
            return
        self._generation += 1
        generation = self._generation
        core = self.core
        self.tasks.run(
            lambda: load_chats(core, customer_id, conversation_id),
            lambda chats: self._fill(generation, chats, fresh=not same_customer),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _fill(self, generation: int, chats: Chats, *, fresh: bool) -> None:
        if generation != self._generation:
            return
        tabs = list(chats.tabs) if fresh else self._keep_order(list(chats.tabs))
        self.tabs_shown = tabs
        self.conversation_ids = {t.conversation_id for t in tabs}
        wanted, self._wanted = self._wanted, None
        if not tabs:
            self._set_tabs([])
            self.view.close_conversation()
            self._say_empty(
                self.tr("This customer is no longer in the database (deleted in another window).")
                if chats.customer_gone
                else self._no_chats_text(chats)
            )
            return
        current = self.view.conversation_id if not fresh else None
        self._set_tabs(tabs)
        if wanted is not None and wanted[0] in self.conversation_ids:
            self._select(wanted[0], wanted[1])
        elif current in self.conversation_ids:
            self._select(current, None, reopen=False)
        else:
            self._select(tabs[0].conversation_id, None)

    def _keep_order(self, tabs: list[ChatTab]) -> list[ChatTab]:
        """New conversations in front (most recent first), the others where they were."""
        place = {t.conversation_id: n for n, t in enumerate(self.tabs_shown)}
        new = [t for t in tabs if t.conversation_id not in place]
        old = sorted(
            (t for t in tabs if t.conversation_id in place), key=lambda t: place[t.conversation_id]
        )
        return new + old

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self._say_empty(
                self.tr("The conversations could not be read: %1").replace("%1", error_text(exc))
            )

    def _say_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _no_chats_text(self, chats: Chats) -> str:
        if not chats.channels:
            return self.tr(
                "No chats with this customer. No messenger is set up yet: add a Telegram"
                " bot in Settings, and customers can write to it."
            )
        where = ", ".join(f"{channel_label(kind)} ({label})" for kind, label in chats.channels)
        return self.tr(
            "No chats with this customer yet. A chat starts when they write to %1."
        ).replace("%1", where)

    def _keep_unsent(self) -> None:
        """The open conversation was deleted under the operator: what they had
        written stays in sight (and its draft on the disk) until dismissed."""
        draft = self.view.unsent()
        if draft is None:
            return
        title = " · ".join(t for t in (self.view.where.text(), self.view.who.text()) if t)
        self.unsent.keep(draft, title)

    def _forget_unsent(self, draft: Draft) -> None:
        self.view.discard_draft(draft)

    # --- tabs -------------------------------------------------------------------------

    def _tab_text(self, tab: ChatTab, ambiguous: bool) -> str:
        parts = [channel_label(tab.channel)]
        if tab.account:
            parts.append(tab.account)
        if ambiguous and tab.sender:
            parts.append(tab.sender)
        text = " · ".join(parts)
        if tab.unread:
            text = f"{text} ({tab.unread})"
        return literal_ampersands(text)

    def _set_tabs(self, tabs: list[ChatTab]) -> None:
        bar = self.tabs
        bar.blockSignals(True)
        while bar.count():
            bar.removeTab(0)
        seen: dict[tuple[str, str], int] = {}
        for tab in tabs:
            seen[(tab.channel, tab.account)] = seen.get((tab.channel, tab.account), 0) + 1
        for tab in tabs:
            ambiguous = seen[(tab.channel, tab.account)] > 1 or self._single is not None
            index = bar.addTab(self._tab_text(tab, ambiguous))
            bar.setTabData(index, tab.conversation_id)
            tip = " · ".join(p for p in (channel_label(tab.channel), tab.account, tab.sender) if p)
            bar.setTabToolTip(index, plain_tooltip(tip))
        bar.blockSignals(False)
        bar.setVisible(bool(tabs))

    def _index_of(self, conversation_id: int) -> int:
        for index in range(self.tabs.count()):
            if self.tabs.tabData(index) == conversation_id:
                return index
        return -1

    def _select(
        self, conversation_id: int, interaction_id: int | None, *, reopen: bool = True
    ) -> None:
        index = self._index_of(conversation_id)
        if index < 0:
            return
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        self.stack.setCurrentWidget(self.view)
        if reopen or self.view.conversation_id != conversation_id:
            self.view.open(conversation_id, interaction_id)

    def _tab_chosen(self, index: int) -> None:
        if index >= 0:
            self._select(int(self.tabs.tabData(index)), None)

    def select_conversation(self, conversation_id: int) -> bool:
        """Switches to that tab (the composer's "write in the other chat")."""
        if self._index_of(conversation_id) < 0:
            return False
        self._select(conversation_id, None)
        return True

    def next_conversation(self) -> None:
        self._step(1)

    def previous_conversation(self) -> None:
        self._step(-1)

    def _step(self, by: int) -> None:
        count = self.tabs.count()
        if count < 2:
            return
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + by) % count)

    # --- forwarded to the view and the composer ---------------------------------------

    def focus_composer(self) -> None:
        self.view.focus_composer()

    def attach_file(self) -> None:
        self.view.attach_file()

    def open_quick_replies(self) -> None:
        self.view.open_quick_replies()

    # --- changes ----------------------------------------------------------------------

    def concerns(self, changes: Changes) -> bool:
        """Whether what is shown here may have changed: a conversation shown,
        or a conversation of the customer shown (a new one, or one linked to
        them; a message names its customer and its conversation)."""
        if not self.conversation_ids.isdisjoint(changes.conversations):
            return True
        if self.view.concerns(changes):
            return True
        return self.customer_id in changes.customers and bool(changes.conversations)

    def apply_changes(self, changes: Changes) -> None:
        self.view.apply_changes(changes)
        if (self.customer_id is None and self._single is None) or not self.concerns(changes):
            return
        if not self._refresh.isActive():  # not restarted: a stream can't hold it back
            self._refresh.start()

    @property
    def refresh_pending(self) -> bool:
        return self._refresh.isActive()

    def stop_refreshing(self) -> None:
        """The app is closing: no more reads; the composer's draft is saved."""
        self._refresh.stop()
        self._generation += 1
        self.view.stop()

    def _reload_tabs(self) -> None:
        if self.customer_id is None and self._single is None:
            return
        self._generation += 1
        generation = self._generation
        core, customer_id, single = self.core, self.customer_id, self._single
        open_id = self.view.conversation_id
        self.tasks.run(
            lambda: load_chats(core, customer_id, single, open_id),
            lambda chats: self._refilled(generation, chats),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _refilled(self, generation: int, chats: Chats) -> None:
        if generation != self._generation:
            return
        if chats.open_gone:
            self._keep_unsent()
        if not chats.tabs or not self.tabs_shown:
            self._fill(generation, chats, fresh=True)
            return
        tabs = self._keep_order(list(chats.tabs))
        if [t.conversation_id for t in tabs] == [t.conversation_id for t in self.tabs_shown]:
            # The same tabs: their texts only (the unread counts), the view stays.
            self.tabs_shown = tabs
            ambiguous_keys: dict[tuple[str, str], int] = {}
            for tab in tabs:
                key = (tab.channel, tab.account)
                ambiguous_keys[key] = ambiguous_keys.get(key, 0) + 1
            for index, tab in enumerate(tabs):
                ambiguous = (
                    ambiguous_keys[(tab.channel, tab.account)] > 1 or self._single is not None
                )
                self.tabs.setTabText(index, self._tab_text(tab, ambiguous))
            return
        self._fill(generation, chats, fresh=False)

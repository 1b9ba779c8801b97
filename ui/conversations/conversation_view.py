"""One conversation: who it is with and through which account, its messages,
and the composer under them.

The header names the customer (or, for an unknown sender, how the platform
names them, with "Link to a customer…" and "Create customer…"), the channel
and account, the assignee, and offers "Call" (the customer's phones) and
"Request callback…" (the callback request links back to this conversation).

Everything is read on the task worker (``app.conversation_feed``): the
latest page (or the page around one message, from the timeline), older pages
as the list scrolls up, and what a changes value names: the messages new in
this conversation and the shown ones that changed (an edit, a delivery
state), merged at their place; the header again when the conversation's row
changed. Nothing is wired to a source: ``apply_changes`` gets the window's one
value. The conversation is marked read while it is shown in the active window.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.core_text import error_text
from ui.common.dialog_parts import ERROR_COLOR
from ui.common.labels import channel_label
from ui.common.plain_text import literal_ampersands, plain_label, plain_tooltip
from ui.common.tasks import TaskRunner
from ui.conversations.bubbles import Action
from ui.conversations.files import FileActions, can_open
from ui.conversations.message_list import MessageList
from ui.conversations.thumbnails import image_size

if TYPE_CHECKING:
    from PySide6.QtCore import QSize

    from app.changes import Changes
    from app.conversation_feed import FeedCursor, FeedItem, FeedPage
    from app.core import Core
    from app.drafts import Draft

log = logging.getLogger(__name__)

PAGE = 50
# Rows kept while the view follows the newest messages (older ones are read
# again on scrolling up): what bounds the list's layout work and memory while
# messages stream in.
KEEP_ROWS = 4 * PAGE


@dataclass(frozen=True)
class Header:
    conversation_id: int
    channel: str
    account: str
    customer_id: int | None
    customer_name: str
    title: str
    username: str
    identity: str
    assignee: str
    unread: int
    phones: tuple[str, ...]

    @property
    def who(self) -> str:
        """The customer's name, or how the platform names the sender."""
        return (
            self.customer_name
            or self.title
            or (f"@{self.username}" if self.username else self.identity)
        )


@dataclass(frozen=True)
class Loaded:
    """A read's result: messages (oldest first) with their pictures' sizes."""

    items: tuple[FeedItem, ...]
    sizes: dict[int, QSize]
    openable: dict[int, bool]
    page: FeedPage | None = None
    header: Header | None = None


# --- on the task worker -------------------------------------------------------------


def load_header(core: Core, conversation_id: int) -> Header:
    from sqlmodel import col, select

    from app.enums import ContactKind
    from app.models import ChannelAccount, ContactPoint, Customer

    row = core.conversations.get(conversation_id)
    with core.db.session() as s:
        account = s.get(ChannelAccount, row.account_id)
        customer = s.get(Customer, row.customer_id) if row.customer_id is not None else None
        phones: list[str] = []
        if customer is not None:
            phones = [
                p.normalized
                for p in s.exec(
                    select(ContactPoint)
                    .where(
                        ContactPoint.customer_id == customer.id,
                        ContactPoint.kind == ContactKind.PHONE.value,
                    )
                    .order_by(col(ContactPoint.id))
                )
            ]
    return Header(
        conversation_id=conversation_id,
        channel=row.channel,
        account=account.label if account is not None else "",
        customer_id=customer.id if customer is not None else None,
        customer_name=customer.name if customer is not None else "",
        title=row.title,
        username=row.username,
        identity=row.identity,
        assignee=row.assignee,
        unread=row.unread_count,
        phones=tuple(phones),
    )


def _loaded(
    items: tuple[FeedItem, ...] | list[FeedItem],
    page: FeedPage | None = None,
    header: Header | None = None,
) -> Loaded:
    sizes: dict[int, QSize] = {}
    openable: dict[int, bool] = {}
    for item in items:
        for attachment in item.attachments:
            size = image_size(attachment.path, attachment.mime)
            if size is not None:
                sizes[attachment.id] = size
            openable[attachment.id] = can_open(attachment.filename)
    return Loaded(tuple(items), sizes, openable, page, header)


def load_conversation(core: Core, conversation_id: int, at: int | None) -> Loaded:
    header = load_header(core, conversation_id)
    if at is not None:
        page = core.feed.around(conversation_id, at, limit=PAGE)
    else:
        page = core.feed.page(conversation_id, limit=PAGE)
    return _loaded(page.items, page, header)


def load_older(core: Core, conversation_id: int, before: FeedCursor) -> Loaded:
    page = core.feed.page(conversation_id, limit=PAGE, before=before)
    return _loaded(page.items, page)


def load_newer(core: Core, conversation_id: int, after: FeedCursor | None) -> Loaded:
    page = core.feed.newer(conversation_id, after=after)
    return _loaded(page.items, page)


def load_changed(
    core: Core, conversation_id: int, interaction_ids: set[int], header: bool
) -> Loaded:
    items = core.feed.items(conversation_id, interaction_ids) if interaction_ids else []
    return _loaded(items, None, load_header(core, conversation_id) if header else None)


# --- the view -----------------------------------------------------------------------


class ConversationView(QWidget):
    callRequested = Signal(str, int, str)  # number, customer id (-1: none), name
    callbackSaved = Signal(int)  # a callback request made here: its id
    customerChosen = Signal(int, int)  # customer id, conversation id: linked or created
    conversationRequested = Signal(int)  # another conversation of this customer
    message = Signal(str)  # for the status bar

    def __init__(
        self, core: Core, tasks: TaskRunner, operator: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conversationView")
        self.core = core
        self.tasks = tasks
        self.operator = operator
        self.conversation_id: int | None = None
        self.header: Header | None = None
        self.composer: Any = None  # ui.conversations.composer.Composer, once built
        self._composer_missing = False
        self._generation = 0
        self._before: FeedCursor | None = None
        self._reading_ids: set[int] = set()  # the messages the changes read asked for
        self._after: FeedCursor | None = None
        self._loading_older = False
        self._loading_newer = False
        self._reading = False  # a changes read is on its way
        self._wanted: set[int] = set()  # messages a change named, to read
        self._header_stale = False
        self._marking = False
        self._follow = False  # the operator just sent: show their message
        self._watched: QObject | None = None

        self.who = plain_label(self)
        self.who.setObjectName("conversationWho")
        font = self.who.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.who.setFont(font)
        self.who.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where = plain_label(self)
        self.where.setObjectName("conversationWhere")
        self.where.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.assignee = plain_label(self)
        self.assignee.setObjectName("conversationAssignee")
        self.assignee.setStyleSheet("color: palette(mid);")
        self.assign_button = self._button("assignToMe", self.tr("Assign to me"), self.assign_to_me)
        self.call_button = self._button("conversationCall", self.tr("Call"), self.call)
        self.callback_button = self._button(
            "conversationCallback", self.tr("Request callback…"), lambda: self.request_callback()
        )
        self.callback_button.setToolTip(self.tr("Put this customer in the callback queue"))
        self.link_button = self._button(
            "linkToCustomer", self.tr("Link to a customer…"), self.link_to_customer
        )
        self.link_button.setToolTip(self.tr("This sender is not one of your customers yet"))
        self.create_button = self._button(
            "createCustomer", self.tr("Create customer…"), self.create_customer
        )
        self.messages = MessageList(self)
        self.messages.olderWanted.connect(self.load_older)
        self.messages.newerWanted.connect(self.load_newer)
        self.messages.latestWanted.connect(self.reload)
        self.messages.actionRequested.connect(self.act)
        self.problem = plain_label(self)
        self.problem.setObjectName("conversationProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOR};")
        self.problem.hide()
        self.files = FileActions(core.paths.data_dir / "opened", self)
        self.mail_dialog: QDialog | None = None  # the latest formatted view opened
        self.files.message.connect(self.show_problem)

        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.call_button)
        top.addWidget(self.callback_button)
        middle = QHBoxLayout()
        middle.addWidget(self.where, 1)
        middle.addWidget(self.assignee)
        middle.addWidget(self.assign_button)
        self.unknown_row = QWidget(self)
        unknown = QHBoxLayout(self.unknown_row)
        unknown.setContentsMargins(0, 0, 0, 0)
        unknown.addWidget(self.link_button)
        unknown.addWidget(self.create_button)
        unknown.addStretch(1)
        self.unknown_row.hide()
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(4)
        self.column.addLayout(top)
        self.column.addLayout(middle)
        self.column.addWidget(self.unknown_row)
        self.column.addWidget(self.messages, 1)
        self.column.addWidget(self.problem)
        self._fill_header(None)

    def _button(self, name: str, text: str, slot: Any) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(slot)
        return button

    # --- opening --------------------------------------------------------------------

    def open(self, conversation_id: int, interaction_id: int | None = None) -> None:
        """Shows the conversation: its latest messages, or those around
        ``interaction_id`` with it in sight."""
        same = conversation_id == self.conversation_id
        self.conversation_id = conversation_id
        self._generation += 1
        generation = self._generation
        self._loading_older = self._loading_newer = self._reading = False
        self._reading_ids = set()
        self._wanted.clear()
        self._header_stale = False
        self._marking = False
        self.problem.hide()
        if not same:
            self.header = None
            self._fill_header(None)
            self.messages.set_more(False, False)
            self.messages.show_items([])
        self._ensure_composer()
        if self.composer is not None and not same:
            self.composer.set_conversation(conversation_id)
        core = self.core
        self.tasks.run(
            lambda: load_conversation(core, conversation_id, interaction_id),
            lambda loaded: self._opened(generation, loaded, interaction_id),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def reload(self) -> None:
        """The latest page again (the "latest messages" button after a jump
        into the history)."""
        if self.conversation_id is not None:
            self.open(self.conversation_id)

    def unsent(self) -> Draft | None:
        """The composer's unsent words, if any (see ``Composer.unsent``)."""
        return self.composer.unsent() if self.composer is not None else None

    def discard_draft(self, draft: Draft) -> None:
        """Forgets a draft the operator let go (see ``Composer.discard_draft``)."""
        if self.composer is not None:
            self.composer.discard_draft(draft)

    def close_conversation(self) -> None:
        self._generation += 1
        self.conversation_id = None
        self.header = None
        self._fill_header(None)
        self.messages.set_more(False, False)
        self.messages.show_items([])
        if self.composer is not None:
            self.composer.set_conversation(None)

    def _opened(self, generation: int, loaded: Loaded, anchor: int | None) -> None:
        if generation != self._generation:
            return
        page = loaded.page
        assert page is not None
        self._take_sizes(loaded)
        self._before, self._after = page.before, page.after
        self.messages.set_more(page.before is not None, page.more_after)
        self.messages.show_items(loaded.items, page.anchor if anchor is not None else None)
        self._fill_header(loaded.header)
        self.mark_read_if_seen()
        self._read_changes()

    def _failed(self, generation: int, exc: Exception) -> None:
        from app.conversations import ConversationGone

        if generation == self._generation:
            self._loading_older = self._loading_newer = self._reading = False
            self._reading_ids = set()
            if isinstance(exc, ConversationGone):
                return  # deleted meanwhile: the panel's read of its tabs follows and says so
            self.show_problem(
                self.tr("The conversation could not be read: %1").replace("%1", error_text(exc))
            )

    def _take_sizes(self, loaded: Loaded) -> None:
        self.messages.messages.image_sizes.update(loaded.sizes)
        self.messages.messages.can_open.update(loaded.openable)

    # --- paging ---------------------------------------------------------------------

    def load_older(self) -> None:
        if self.conversation_id is None or self._loading_older or self._before is None:
            return
        self._loading_older = True
        generation, cid, before, core = (
            self._generation,
            self.conversation_id,
            self._before,
            self.core,
        )
        self.tasks.run(
            lambda: load_older(core, cid, before),
            lambda loaded: self._older(generation, loaded),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _older(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation:
            return
        self._loading_older = False
        assert loaded.page is not None
        self._take_sizes(loaded)
        self._before = loaded.page.before
        self.messages.set_more(self._before is not None, self.messages.has_newer)
        self.messages.add_older(loaded.items)

    def load_newer(self) -> None:
        if self.conversation_id is None or self._loading_newer or not self.messages.has_newer:
            return
        self._loading_newer = True
        generation, cid, after, core = (
            self._generation,
            self.conversation_id,
            self.messages.messages.last or self._after,
            self.core,
        )
        self.tasks.run(
            lambda: load_newer(core, cid, after),
            lambda loaded: self._newer(generation, loaded),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _newer(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation:
            return
        self._loading_newer = False
        assert loaded.page is not None
        self._take_sizes(loaded)
        self.messages.add_newer(loaded.items)
        self.messages.set_more(self.messages.has_older, loaded.page.more_after)

    # --- changes --------------------------------------------------------------------

    def concerns(self, changes: Changes) -> bool:
        cid = self.conversation_id
        if cid is None:
            return False
        return cid in changes.conversations or not self.messages.messages.ids.isdisjoint(
            changes.interactions
        )

    def apply_changes(self, changes: Changes) -> None:
        """The window's changes value: reads the messages of it that concern
        this conversation (new here, or shown and changed), and the header
        when the conversation's row changed."""
        if self.composer is not None:
            self.composer.apply_changes(changes)
        cid = self.conversation_id
        if cid is None:
            return
        # A message on its way here (in the read asked for) may change before
        # its row is shown: a reply queued and sent at once. While the first
        # page is on its way, any message may be one of its rows (the read
        # leaves other conversations' out).
        known = self.messages.messages.ids | self._reading_ids
        wanted = set(changes.new_messages_in(cid)) | (changes.interactions & known)
        if self.header is None:
            wanted |= changes.interactions
        if cid in changes.conversations:
            self._header_stale = True
        if not wanted and not self._header_stale:
            return
        self._wanted |= wanted
        self._read_changes()

    def _read_changes(self) -> None:
        # While the first read is on its way, what changes is kept for after it:
        # it may have read before the change was committed.
        if self._reading or self.conversation_id is None or self.header is None:
            return
        if not self._wanted and not self._header_stale:
            return
        ids, self._wanted = set(self._wanted), set()
        header, self._header_stale = self._header_stale, False
        self._reading = True
        self._reading_ids = ids
        generation, cid, core = self._generation, self.conversation_id, self.core
        self.tasks.run(
            lambda: load_changed(core, cid, ids, header),
            lambda loaded: self._changed(generation, loaded),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _changed(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation:
            return
        self._reading = False
        self._reading_ids = set()
        self._take_sizes(loaded)
        if loaded.items:
            follow, self._follow = self._follow, False
            following = follow or self.messages.at_bottom()
            self.messages.merge(list(loaded.items), follow=follow)
            # Not while an older page is on its way: it expects the rows it knew.
            if following and not self.messages.has_newer and not self._loading_older:
                first = self.messages.keep_latest(KEEP_ROWS)
                if first is not None:
                    self._before = first
        if loaded.header is not None:
            self._fill_header(loaded.header)
            self.mark_read_if_seen()
        self._read_changes()  # what came while this read was on its way

    # --- the header -----------------------------------------------------------------

    def _fill_header(self, header: Header | None) -> None:
        self.header = header
        if header is None:
            self.who.setText("")
            self.where.setText("")
            self.assignee.setText("")
            for button in (self.call_button, self.callback_button, self.assign_button):
                button.setEnabled(False)
            self.unknown_row.hide()
            return
        self.who.setText(header.who)
        self.who.setToolTip(plain_tooltip(header.who))
        where = channel_label(header.channel)
        if header.account:
            where = f"{where} · {header.account}"
        if not header.customer_id and header.username and header.title:
            where = f"{where} · @{header.username}"
        self.where.setText(where)
        self.where.setToolTip(plain_tooltip(where))
        self.assignee.setText(
            self.tr("Assigned to %1").replace("%1", header.assignee)
            if header.assignee
            else self.tr("Not assigned")
        )
        mine = header.assignee.strip().casefold() == self.operator.strip().casefold()
        self.assign_button.setVisible(not mine)
        self.assign_button.setEnabled(bool(self.operator.strip()))
        self.callback_button.setEnabled(True)
        self._fill_call_button(header)
        self.unknown_row.setVisible(header.customer_id is None)

    def _fill_call_button(self, header: Header) -> None:
        from app.contacts import format_phone

        button = self.call_button
        old = button.menu()
        button.setMenu(None)  # type: ignore[arg-type]
        if old is not None:
            old.deleteLater()
        phones = header.phones
        button.setEnabled(bool(phones))
        if not phones:
            button.setToolTip(
                self.tr("No phone number is known for this customer")
                if header.customer_id
                else self.tr("Link the chat to a customer with a phone number to call them")
            )
            return
        if len(phones) == 1:
            button.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)
            button.setToolTip(
                plain_tooltip(self.tr("Call %1").replace("%1", format_phone(phones[0])))
            )
            return
        menu = QMenu(button)
        for phone in phones:
            action = menu.addAction(literal_ampersands(format_phone(phone)))
            action.triggered.connect(lambda _=False, p=phone: self.call(p))
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolTip(self.tr("Call one of the customer's numbers"))

    # --- the header's commands ------------------------------------------------------

    def call(self, phone: str | bool = False) -> None:
        header = self.header
        if header is None or not header.phones:
            return
        number = phone if isinstance(phone, str) and phone else header.phones[0]
        self.callRequested.emit(number, header.customer_id or -1, header.who)

    def call_number(self, number: str) -> None:
        """A number the composer offered (the customer's phone)."""
        header = self.header
        who = header.who if header is not None else ""
        customer = header.customer_id if header is not None and header.customer_id else -1
        self.callRequested.emit(number, customer, who)

    def request_callback(self, conversation_id: int | None = None) -> QWidget | None:
        header = self.header
        if header is None:
            return None
        from ui.callbacks.callback_request_dialog import CallbackRequestDialog

        cid = conversation_id if conversation_id is not None else header.conversation_id
        dialog = CallbackRequestDialog(
            self.core,
            self.tasks,
            list(header.phones),
            header.customer_id,
            header.who,
            self,
            conversation_id=cid,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.requested.connect(self.callbackSaved.emit)
        dialog.show()
        return dialog

    def assign_to_me(self) -> None:
        if self.conversation_id is None or not self.operator.strip():
            return
        conversations, cid, operator = self.core.conversations, self.conversation_id, self.operator
        self.tasks.run(
            lambda: conversations.assign(cid, operator),
            None,
            lambda exc: self.show_problem(error_text(exc)),
            owner=self,
        )

    def link_to_customer(self) -> QWidget | None:
        header = self.header
        if header is None:
            return None
        from ui.conversations.link_dialog import LinkCustomerDialog

        dialog = LinkCustomerDialog(self.core, self.tasks, header.conversation_id, header.who, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        cid = header.conversation_id
        dialog.linked.connect(lambda customer_id: self.customerChosen.emit(customer_id, cid))
        dialog.search.setText(header.title or header.username)
        dialog.show()
        return dialog

    def create_customer(self) -> QWidget | None:
        header = self.header
        if header is None:
            return None
        from ui.customers.new_customer_dialog import NewCustomerDialog

        dialog = NewCustomerDialog(self.core, self.tasks, "", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.name.setText(header.title or header.username or header.identity)
        cid = header.conversation_id
        dialog.created.connect(lambda customer_id: self._link_new(cid, customer_id))
        dialog.show()
        return dialog

    def _link_new(self, conversation_id: int, customer_id: int) -> None:
        conversations = self.core.conversations
        self.tasks.run(
            lambda: conversations.link(conversation_id, customer_id),
            lambda _: self.customerChosen.emit(customer_id, conversation_id),
            lambda exc: self.show_problem(
                self.tr("The customer was made, but the chat is not linked: %1").replace(
                    "%1", error_text(exc)
                )
            ),
            owner=self,
        )

    # --- a message's actions --------------------------------------------------------

    def act(self, action: str, item: FeedItem, attachment: int) -> None:
        delivery = item.delivery
        outbox, operator = self.core.outbox, self.operator
        if action == Action.RESEND.value and delivery is not None and delivery.outbox_id:
            outbox_id = delivery.outbox_id
            self._follow = self.messages.at_bottom()
            self.tasks.run(
                lambda: outbox.resend(outbox_id, operator),
                None,
                lambda exc: self.show_problem(
                    self.tr("Not sent again: %1").replace("%1", error_text(exc))
                ),
                owner=self,
            )
        elif action == Action.CANCEL.value and delivery is not None and delivery.outbox_id:
            outbox_id = delivery.outbox_id
            self.tasks.run(
                lambda: outbox.cancel(outbox_id, operator),
                None,
                lambda exc: self.show_problem(
                    self.tr("Not cancelled: %1").replace("%1", error_text(exc))
                ),
                owner=self,
            )
        elif action in (Action.OPEN.value, Action.SAVE.value):
            if not 0 <= attachment < len(item.attachments):
                return
            file = item.attachments[attachment]
            if action == Action.OPEN.value:
                self.files.open(file)
            else:
                self.files.save(file, self)
        elif action == Action.FORMATTED.value:
            self.show_formatted(item)
        elif action == "reply" and self.composer is not None:
            reply = getattr(self.composer, "set_reply_to", None)
            if reply is not None:
                reply(item)
                self.composer.focus_input()

    def show_formatted(self, item: FeedItem) -> QDialog:
        """An email's HTML in its own window (remote images blocked until allowed)."""
        from ui.conversations.mail_dialog import MailDialog

        dialog = MailDialog(self.core, self.tasks, item.interaction_id, item.mail, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.mail_dialog = dialog
        return dialog

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        if text:
            self.message.emit(text)

    # --- the composer ---------------------------------------------------------------

    def _ensure_composer(self) -> None:
        """The composer is built with the first conversation shown (its module
        may bring the database side, which the window's first paint has not)."""
        if self.composer is not None or self._composer_missing:
            return
        try:
            from ui.conversations.composer import Composer
        except ModuleNotFoundError as exc:
            if exc.name != "ui.conversations.composer":
                raise
            self._composer_missing = True
            log.warning("the composer is not in this build")
            return
        composer = Composer(self.core, self.tasks, self.operator, self)
        self.composer = composer
        self.column.addWidget(composer)
        composer.sent.connect(self._sent)
        composer.call_requested.connect(self.call_number)
        composer.callback_requested.connect(self.request_callback)
        composer.conversation_requested.connect(self.conversationRequested.emit)
        self.messages.replies = hasattr(composer, "set_reply_to")

    def stop(self) -> None:
        """The app is closing: the draft is saved, no file is copied any more."""
        self._generation += 1
        if self.composer is not None:
            self.composer.shutdown()
        self.files.shutdown()
        self.messages.thumbnails.shutdown()

    def _sent(self, _outbox_id: int) -> None:
        # The message comes back as a change; show it even when scrolled up.
        self.messages.unseen = 0
        self._follow = True
        self.messages.scrollToBottom()

    def focus_composer(self) -> None:
        if self.composer is not None:
            self.composer.focus_input()

    def attach_file(self) -> None:
        if self.composer is not None:
            self.composer.attach_file()

    def open_quick_replies(self) -> None:
        if self.composer is not None:
            self.composer.open_quick_replies()

    # --- read marks -----------------------------------------------------------------

    def mark_read_if_seen(self) -> None:
        """Unread messages shown in the active window are read."""
        header = self.header
        if header is None or not header.unread or self._marking:
            return
        if not self.isVisible() or not self.window().isActiveWindow():
            return
        self._marking = True
        conversations, cid = self.core.conversations, header.conversation_id
        generation = self._generation

        def done(_: object) -> None:
            if generation == self._generation:
                self._marking = False

        self.tasks.run(lambda: conversations.mark_read(cid), done, done, owner=self)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched = window
        self.mark_read_if_seen()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.ActivationChange:
            self.mark_read_if_seen()
        return False

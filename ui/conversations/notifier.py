"""Desktop notifications for new messages, and the unread total on the tray.

A changes value names each message new in a conversation
(``Changes.new_messages``). While the window is out of sight (hidden to the
tray, minimised, or another program in front), the new ones of each
conversation are read on the task worker (``core.feed.items``); if any came
from the customer, one notification goes out through the tray: who wrote and
the first words (or, with Settings' privacy option, only "New message from
…"), and a short sound when the operator wants one. A burst is one
notification per conversation: after one, that conversation stays quiet for
``QUIET_S`` (its unread count keeps counting on the tray). Clicking the
notification opens that conversation (``conversation_requested``).

The tray's badge and tooltip show the unread total, read again (one query)
after a change that names a conversation.

Nothing imported here brings SQLAlchemy: the window is built before the
database is open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWidgets import QWidget

from resources import resource_path
from ui.common.tasks import TaskRunner
from ui.conversations.kind_text import kind_text
from ui.shell.tray import window_in_sight

if TYPE_CHECKING:
    from app.changes import Changes
    from app.core import Core
    from ui.shell.tray import Tray

log = logging.getLogger(__name__)

QUIET = timedelta(seconds=60)  # after a notification, a chat's next messages are not announced
FIRST_WORDS = 120  # characters of the message in the notification
SOON_MS = 300  # the unread total is read once per burst of changes
SOUND_FILE = ("sounds", "message.wav")


@dataclass(frozen=True)
class NewMessage:
    """What a notification says about a conversation's new messages."""

    conversation_id: int
    customer_id: int | None
    sender: str
    text: str  # the newest message's words, or its kind in words
    count: int  # the customer's new messages in this read


def first_words(text: str, limit: int = FIRST_WORDS) -> str:
    """One line, at most ``limit`` characters, cut between words."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


def read_new_messages(core: Core, conversation_id: int, ids: Iterable[int]) -> NewMessage | None:
    """The customer's messages among ``ids``, newest last; None when there
    are none (the operator's own, queued). Task worker only."""
    from app.enums import Direction

    items = [i for i in core.feed.items(conversation_id, ids) if i.direction is Direction.INBOUND]
    if not items:
        return None
    newest = items[-1]
    conversation = core.conversations.get(conversation_id)
    text = newest.text or kind_text(newest.kind.value)
    if newest.mail is not None and newest.text:
        # An email: its subject, then the customer's own words (not the quote).
        from app.mail.quotes import own_text

        words = own_text(newest.text) or newest.text
        text = f"{newest.mail.subject}: {words}" if newest.mail.subject else words
    return NewMessage(conversation_id, conversation.customer_id, newest.sender, text, len(items))


def unread_total(core: Core) -> int:
    """Unread messages over every conversation. Task worker only."""
    from sqlalchemy import func
    from sqlmodel import col, select

    from app.models import Conversation

    with core.db.session() as s:
        total = s.exec(select(func.coalesce(func.sum(col(Conversation.unread_count)), 0))).one()
    return int(total)


class MessageNotifier(QObject):
    # (customer id, or -1 for an unknown sender; conversation id): open it
    conversation_requested = Signal(int, int)
    unread_changed = Signal(int)
    # Each notification as handed to the tray: title, text, conversation id.
    notified = Signal(str, str, int)

    def __init__(
        self,
        core: Core,
        tasks: TaskRunner,
        window: QWidget | None,
        parent: QObject | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = tasks
        self.window = window
        self.clock = clock or (lambda: datetime.now(UTC))
        self.tray: Tray | None = None
        self.unread = 0
        self.sounds_played = 0
        self.sound: object | None = None  # QSoundEffect, made at the first sound
        self._stopped = False
        self._last_notified: dict[int, datetime] = {}
        self._reading: set[int] = set()  # conversations whose new messages are being read
        self._customers: dict[int, int | None] = {}  # notified conversation -> customer
        self._unread_soon = QTimer(self)
        self._unread_soon.setSingleShot(True)
        self._unread_soon.setInterval(SOON_MS)
        self._unread_soon.timeout.connect(self.refresh_unread)

    def attach_tray(self, tray: Tray) -> None:
        """The tray shows the notifications and the unread total; a click on
        one of ours opens its conversation."""
        self.tray = tray
        tray.set_unread(self.unread)
        tray.conversationClicked.connect(self.open_notified)

    def start(self) -> None:
        """The database is open."""
        self._stopped = False
        self.refresh_unread()

    def stop(self) -> None:
        self._stopped = True
        self._unread_soon.stop()

    @property
    def pending(self) -> bool:
        """New messages being read, or an unread total waiting for its timer."""
        return bool(self._reading) or self._unread_soon.isActive()

    def in_sight(self) -> bool:
        return self.window is not None and window_in_sight(self.window)

    # --- the changes value -----------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        if self._stopped or not self.core.is_open:
            return
        if (changes.conversations or changes.new_messages) and not self._unread_soon.isActive():
            self._unread_soon.start()
        if not changes.new_messages or self.in_sight():
            return  # the window shows them where the operator is looking
        by_conversation: dict[int, set[int]] = {}
        for conversation_id, interaction_id in changes.new_messages:
            by_conversation.setdefault(conversation_id, set()).add(interaction_id)
        now = self.clock()
        for conversation_id, ids in sorted(by_conversation.items()):
            last = self._last_notified.get(conversation_id)
            if conversation_id in self._reading or (last is not None and now - last < QUIET):
                continue
            self._read(conversation_id, ids)

    def _read(self, conversation_id: int, ids: set[int]) -> None:
        core = self.core
        self._reading.add(conversation_id)
        self.tasks.run(
            lambda: read_new_messages(core, conversation_id, ids),
            lambda found: self._announce(conversation_id, found),
            lambda exc: self._read_failed(conversation_id, exc),
            owner=self,
        )

    def _read_failed(self, conversation_id: int, exc: Exception) -> None:
        self._reading.discard(conversation_id)
        log.warning("new messages of conversation #%s not read: %s", conversation_id, exc)

    def _announce(self, conversation_id: int, found: NewMessage | None) -> None:
        self._reading.discard(conversation_id)
        if found is None or self._stopped or self.in_sight():
            return
        self._last_notified[conversation_id] = self.clock()
        self._customers[conversation_id] = found.customer_id
        title = self.tr("New message")
        if self.core.settings.notify_message_text:
            text = (
                self.tr("%1: %2").replace("%1", found.sender).replace("%2", first_words(found.text))
            )
        else:
            text = self.tr("New message from %1").replace("%1", found.sender)
        if self.tray is not None and shiboken6.isValid(self.tray):
            self.tray.notify(title, text, conversation_id=conversation_id)
        self.notified.emit(title, text, conversation_id)
        if self.core.settings.message_sound:
            self.play_sound()

    def open_notified(self, conversation_id: int) -> None:
        """The operator clicked the notification of this conversation."""
        customer = self._customers.get(conversation_id)
        self.conversation_requested.emit(customer if customer is not None else -1, conversation_id)

    # --- the sound -------------------------------------------------------------------

    def play_sound(self) -> None:
        """The short message sound (QtMultimedia, loaded at the first sound)."""
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # a build without QtMultimedia: the notification alone
            log.warning("QtMultimedia is missing: no message sound")
            return
        if self.sound is None:
            path = resource_path(*SOUND_FILE)
            if not path.is_file():
                log.warning("the message sound %s is missing", path)
                return
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.6)
            self.sound = effect
        assert isinstance(self.sound, QSoundEffect)
        self.sound.play()
        self.sounds_played += 1

    # --- the unread total ------------------------------------------------------------

    def refresh_unread(self) -> None:
        if self._stopped or not self.core.is_open or not shiboken6.isValid(self.tasks):
            return
        self._unread_soon.stop()
        core = self.core
        self.tasks.run(lambda: unread_total(core), self._show_unread, lambda _exc: None, owner=self)

    def _show_unread(self, total: int) -> None:
        if total == self.unread:
            return
        self.unread = total
        if self.tray is not None and shiboken6.isValid(self.tray):
            self.tray.set_unread(total)
        self.unread_changed.emit(total)

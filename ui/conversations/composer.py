"""The composer: where the operator writes to a customer in their channel.

    composer = Composer(core, tasks, operator, parent)
    composer.set_conversation(conversation_id)   # or None: nothing to write to
    composer.sent.connect(...)                   # an outbox message id, once committed

What it promises:

- **No word lost.** What is typed is the conversation's draft
  (app/drafts.py): saved on a pause in typing, at once when the conversation
  changes, the composer hides or the app quits, and restored by
  ``set_conversation``, after a restart too (text, the message answered, the
  files). The input is cleared only once ``Outbox.queue`` committed; a
  refused send keeps everything and says why.
- **Nothing sent twice.** The first press of Send for a text makes the outbox
  idempotency key and puts it in the draft before queueing; a second press
  while the first is on its way does nothing, and a retry after an error (or
  after a crash between the commit and the clearing of the draft) uses the
  same key, so the outbox answers the first message. Editing the text after
  an error makes the next press a new message.
- **Said before typing.** When the chat can't be written (the customer
  blocked the bot, a bot can't write first, the account is off...), a banner
  says so in the operator's language with what can be done instead, and the
  input is disabled (the draft stays). ``apply_changes`` refreshes it.
- Ctrl+Enter sends (Enter with the ``enter_sends`` setting, Shift+Enter then
  a new line); ``/`` in an empty input or Ctrl+/ opens the quick replies;
  files come by the Attach button, drag and drop, or a pasted image (saved as
  a PNG in the profile's data folder); the channel's upload limit is checked
  before anything is queued. Where the channel limits a message's length the
  counter shows it, and how many messages a longer text goes as.

Database work runs on the window's task worker, the drafts' disk work on a
thread of its own (``DiskWorker``): the GUI thread never waits for either.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QHideEvent, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core import Core
from ui.common.core_text import error_text
from ui.common.dialog_parts import ERROR_COLOR
from ui.common.labels import channel_label
from ui.common.plain_text import plain_label
from ui.common.tasks import TaskRunner
from ui.conversations.attachment_chips import AttachmentChips, size_text
from ui.conversations.composer_input import ComposerInput, local_files
from ui.conversations.composer_work import (
    AttachmentProblem,
    ComposerContext,
    PickedFile,
    SendRequest,
    committed_with_key,
    file_size,
    load_context,
    named_as_picture_but_not_one,
    queue_message,
    upload_limit,
)
from ui.conversations.draft_saver import DiskWorker
from ui.conversations.kind_text import kind_text
from ui.conversations.mail_fields import MailFields
from ui.conversations.quick_replies import QuickReply, QuickReplyPicker
from ui.conversations.refusal_banner import RefusalBanner

if TYPE_CHECKING:
    from app.changes import Changes
    from app.conversation_feed import FeedItem
    from app.drafts import Draft
    from app.models import OutboxMessage
    from app.reply_options import TextMeasure
    from ui.conversations.template_fields_dialog import TemplateFieldsDialog

log = logging.getLogger(__name__)

DRAFT_SAVE_MS = 700  # a pause in typing before the draft goes to the disk
COUNTER_MS = 120  # a pause before the counter measures (a long paste is split to count)
REFRESH_MS = 300  # a burst of changes becomes one read of the reply options
REPLY_PREVIEW_CHARS = 80
MEASURE_HERE_CHARS = 12_000  # longer texts over the limit are split to count on the worker
OVER_COLOR = "#b26a00"  # amber: over one message's limit, not an error
PASTED_FOLDER = "pasted"  # under the profile's data folder


def save_pasted_image(image: QImage, folder: Path) -> str:
    """On the disk thread: the image as a PNG file of its own in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"image-{stamp}-{uuid.uuid4().hex[:6]}.png"
    if not image.save(str(path)):  # PNG, by the name
        raise OSError(f"the image could not be written to {path}")
    return str(path)


class ElidedLabel(QLabel):
    """One line of outside text, cut with "…" to the width it has (it never
    widens the panel); ``text()`` is the whole text, shown as plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), shown)


class Composer(QFrame):
    sent = Signal(int)  # the outbox message's id, after the queue committed
    call_requested = Signal(str)  # a phone number
    callback_requested = Signal(int)  # a conversation id: ask a callback for its customer
    conversation_requested = Signal(int)  # another conversation of the customer

    def __init__(
        self, core: Core, tasks: TaskRunner, operator: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = tasks
        self.operator = operator
        self.setObjectName("composer")
        self.setAcceptDrops(True)
        self.disk = DiskWorker(self)
        self.conversation_id: int | None = None
        self.context: ComposerContext | None = None
        self.files: list[PickedFile] = []
        self.reply_to: int | None = None
        self.send_key = ""
        self._sending_for: int | None = None
        self._loaded = False  # the conversation's stored draft has been read
        self._dirty = False  # changed since the draft was last put
        self._restoring = False
        self._problem_is_error = False
        self._closed = False  # shutdown() ran: the app is closing
        # Counts set_conversation calls: a draft read for an earlier showing of
        # the same conversation (A, B, A again quickly) is not restored twice.
        self._generation = 0
        self._measured = 0  # the latest count asked of the worker: older answers are dropped
        self._picker: QuickReplyPicker | None = None
        self._slash_opened = False
        self.fields_dialog: TemplateFieldsDialog | None = None
        self.file_dialog: QFileDialog | None = None

        self.banner = RefusalBanner(self)
        self.banner.conversation_requested.connect(self.conversation_requested)
        self.banner.call_requested.connect(self.call_requested)
        self.banner.callback_requested.connect(self.callback_requested)
        self.reply_bar = QFrame(self)
        self.reply_bar.setObjectName("replyBar")
        self.reply_bar.setFrameShape(QFrame.Shape.NoFrame)
        self.reply_bar.setStyleSheet(
            "QFrame#replyBar { border: none; border-left: 3px solid palette(highlight); }"
        )
        self.reply_text = ElidedLabel(self.reply_bar)
        self.reply_text.setObjectName("replyText")
        self.reply_cancel = QToolButton(self.reply_bar)
        self.reply_cancel.setObjectName("replyCancel")
        self.reply_cancel.setText("✕")
        self.reply_cancel.setAutoRaise(True)
        self.reply_cancel.setToolTip(self.tr("Don't answer this message, write a new one"))
        self.reply_cancel.setAccessibleName(self.tr("Cancel the reply"))
        self.reply_cancel.clicked.connect(lambda: self.set_reply_to(None))
        reply_row = QHBoxLayout(self.reply_bar)
        reply_row.setContentsMargins(4, 0, 0, 0)
        reply_row.addWidget(self.reply_text, 1)
        reply_row.addWidget(self.reply_cancel)
        self.reply_bar.hide()
        self.mail_fields = MailFields(self)
        self.mail_fields.edited.connect(self._changed)
        self.chips = AttachmentChips(self)
        self.chips.remove_requested.connect(self.remove_file)
        self.input = ComposerInput(lambda: bool(self.core.settings.enter_sends), self)
        self.input.send_requested.connect(self.send)
        self.input.quick_replies_requested.connect(self.open_quick_replies)
        self.input.slash_typed.connect(self._quick_replies_from_slash)
        self.input.files_dropped.connect(self.add_files)
        self.input.image_pasted.connect(self.add_image)
        self.input.textChanged.connect(self._edited)
        self.problem = plain_label(self)
        self.problem.setObjectName("composerProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.attach_button = QPushButton(self.tr("Attach…"), self)
        self.attach_button.setObjectName("attachButton")
        self.attach_button.setToolTip(
            self.tr("Attach files (or drop them here, or paste an image)")
        )
        self.attach_button.clicked.connect(self.attach_file)
        self.quick_button = QPushButton(self.tr("Quick replies"), self)
        self.quick_button.setObjectName("quickRepliesButton")
        self.quick_button.setToolTip(self.tr("Insert a quick reply (/ or Ctrl+/)"))
        self.quick_button.clicked.connect(self.open_quick_replies)
        self.counter = plain_label(self)
        self.counter.setObjectName("composerCounter")
        self.counter.setWordWrap(True)  # a narrow panel: two lines rather than wider
        self.counter.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.counter.hide()
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("sendButton")
        self.send_button.clicked.connect(self.send)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.quick_button)
        buttons.addStretch(0)  # the room between, while there is no counter
        buttons.addWidget(self.counter, 1)  # takes the room between: wraps only when narrow
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addWidget(self.reply_bar)
        layout.addWidget(self.mail_fields)
        layout.addWidget(self.chips)
        layout.addWidget(self.input)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(DRAFT_SAVE_MS)
        self._save_timer.timeout.connect(self.save_draft_now)
        self._counter_timer = QTimer(self)
        self._counter_timer.setSingleShot(True)
        self._counter_timer.setInterval(COUNTER_MS)
        self._counter_timer.timeout.connect(self._update_counter)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._load_context)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._show_keys()
        self._set_writable(False)

    # --- the conversation ------------------------------------------------------------

    def set_conversation(self, conversation_id: int | None) -> None:
        """Writes to ``conversation_id`` from now on (None: to nothing). The
        draft of the one before is saved at once, this one's is restored."""
        if conversation_id == self.conversation_id or self._closed:
            return
        self.save_draft_now()
        if self._picker is not None:
            self._picker.dismiss()
        if self.fields_dialog is not None:
            self.fields_dialog.reject()  # its text was for the conversation before
        self._refresh_timer.stop()
        self._generation += 1
        generation = self._generation
        self.conversation_id = conversation_id
        self.context = None
        self._loaded = False
        self._dirty = False
        self._restoring = True
        self.input.clear()
        self._restoring = False
        self.files = []
        self.send_key = ""
        self.reply_to = None
        self.reply_bar.hide()
        self.mail_fields.clear()
        self.mail_fields.hide()
        self._show_files()
        self._say("")
        self.banner.hide()
        self.counter.hide()
        self._set_writable(conversation_id is not None)
        self._show_keys()  # the setting may have changed meanwhile
        if conversation_id is None:
            return
        drafts = self.core.drafts
        self.disk.run(
            lambda: drafts.get(conversation_id),
            lambda draft: self._draft_read(generation, draft),
            lambda exc: self._draft_read(generation, None),
            owner=self,
        )
        self._load_context()

    def focus_input(self) -> None:
        if self.input.isEnabled():
            self.input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif self.banner.isVisible() and self.banner.buttons:
            self.banner.buttons[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def apply_changes(self, changes: Changes) -> None:
        """The window's changes value: the reply options are read again when
        this conversation, its customer, or one of the customer's other
        conversations changed (a block, a new message that lifts one, a phone)."""
        if self.conversation_id is None:
            return
        concerned = {self.conversation_id}
        context = self.context
        if context is not None:
            concerned |= {o.conversation_id for o in context.options.other_conversations}
        concerns = not concerned.isdisjoint(changes.conversations) or (
            context is not None
            and context.customer_id is not None
            and context.customer_id in changes.customers
        )
        if concerns and not self._refresh_timer.isActive():
            # Not restarted: a steady stream of messages must not hold the read back.
            self._refresh_timer.start()

    def _load_context(self) -> None:
        conversation_id = self.conversation_id
        if conversation_id is None or self._closed:
            return
        self.tasks.run(
            lambda: load_context(self.core, conversation_id),
            self._context_read,
            lambda exc: self._context_failed(conversation_id, exc),
            owner=self,
        )

    def _context_read(self, context: ComposerContext) -> None:
        if context.conversation_id != self.conversation_id:
            return
        self.context = context
        email = context.options.channel == "email"
        self.mail_fields.setVisible(email)
        if email:
            self.mail_fields.set_thread(context.mail_subject, context.mail_cc)
        self.banner.show_options(context.options, context.customer_id)
        self._set_writable(context.options.can_write)
        self._update_counter()
        self._show_files()  # the channel's limit is known now; the focus chain too

    def _context_failed(self, conversation_id: int, exc: Exception) -> None:
        if conversation_id != self.conversation_id:
            return
        # The conversation went (deleted in another view): what is typed stays.
        self._say(error_text(exc), error=True)
        self.send_button.setEnabled(False)

    def _set_writable(self, writable: bool) -> None:
        sending = self._sending_for is not None and self._sending_for == self.conversation_id
        for widget in (self.input, self.attach_button, self.quick_button, self.mail_fields):
            widget.setEnabled(writable)
        self.send_button.setEnabled(writable and not sending)
        self.input.setReadOnly(sending)

    def _show_keys(self) -> None:
        enter = bool(self.core.settings.enter_sends)
        if enter:
            self.send_button.setToolTip(self.tr("Send (Enter; Shift+Enter starts a new line)"))
            self.input.setPlaceholderText(
                self.tr("Write a message… Enter sends, / inserts a quick reply")
            )
        else:
            self.send_button.setToolTip(self.tr("Send (Ctrl+Enter)"))
            self.input.setPlaceholderText(
                self.tr("Write a message… Ctrl+Enter sends, / inserts a quick reply")
            )

    # --- drafts ------------------------------------------------------------------------

    def _draft(self, send_key: str | None = None) -> Draft:
        from app.drafts import Draft

        assert self.conversation_id is not None
        subject, cc = self.mail_fields.values()
        return Draft(
            self.conversation_id,
            self.input.toPlainText(),
            self.reply_to,
            tuple(f.path for f in self.files),
            self.send_key if send_key is None else send_key,
            subject,
            cc,
        )

    def unsent(self) -> Draft | None:
        """What is written and not sent (text, files, the answered message),
        or None when nothing is."""
        if self.conversation_id is None or not self._loaded:
            return None
        draft = self._draft()
        return None if draft.empty else draft

    def discard_draft(self, draft: Draft) -> None:
        """Removes the stored draft (and its pasted images) of a conversation
        the operator let go of, after any save of it asked before."""
        self._forget_draft(draft.conversation_id, [PickedFile(p, None) for p in draft.files])

    def _draft_read(self, generation: int, draft: Draft | None) -> None:
        if generation != self._generation:
            return
        if draft is not None and draft.send_key:
            # Sent, and the app stopped before the draft was cleared? Then it is
            # no draft any more; otherwise it comes back with its key.
            key = draft.send_key
            self.tasks.run(
                lambda: committed_with_key(self.core, key),
                lambda sent: self._keyed_draft_checked(generation, draft, sent),
                lambda exc: self._keyed_draft_checked(generation, draft, None),
                owner=self,
            )
            return
        self._restore(draft)

    def _keyed_draft_checked(self, generation: int, draft: Draft, sent: int | None) -> None:
        if generation != self._generation:
            return
        if sent is None:
            self._restore(draft)
            return
        log.info("conversation #%s: its draft was sent already (#%s)", draft.conversation_id, sent)
        self._forget_draft(draft.conversation_id, [PickedFile(p, None) for p in draft.files])
        self._restore(None)

    def _restore(self, draft: Draft | None) -> None:
        """The stored draft into the composer. What the operator typed before it
        was read (a fast typist right after switching) is kept after it."""
        self._loaded = True
        if draft is not None and draft.conversation_id == self.conversation_id:
            typed = self.input.toPlainText()
            self._restoring = True
            try:
                self.input.setPlainText(draft.text + typed)
                cursor = self.input.textCursor()
                cursor.movePosition(cursor.MoveOperation.End)
                self.input.setTextCursor(cursor)
                pasted = self._pasted_folder()
                known = {f.path for f in self.files}
                restored = [
                    PickedFile(path, file_size(path), Path(path).parent == pasted)
                    for path in draft.files
                    if path not in known
                ]
                self.files = restored + self.files
                if draft.reply_to is not None and self.reply_to is None:
                    self.set_reply_to(draft.reply_to)
                self.mail_fields.restore(draft.subject, draft.cc)
                # The key belongs to the stored content: typed on, it is a new message.
                self.send_key = "" if typed or self._dirty else draft.send_key
            finally:
                self._restoring = False
            self._show_files()
            if draft.recovered:
                self._say(self.tr("The draft was damaged on the disk; its last good copy is back."))
            self._counter_timer.start()
        if self._dirty:
            self._save_timer.start()

    def save_draft_now(self) -> None:
        """Puts the draft on the disk thread now, if it changed (any later
        save of the conversation goes after it)."""
        self._save_timer.stop()
        if self.conversation_id is None or not self._dirty or not self._loaded or self._closed:
            return
        self._dirty = False
        draft = self._draft()
        drafts = self.core.drafts
        self.disk.run(lambda: drafts.put(draft), None, self._draft_failed, owner=self)

    def _draft_failed(self, exc: Exception) -> None:
        self._say(error_text(exc), error=True)

    def _forget_draft(self, conversation_id: int, files: Sequence[PickedFile]) -> None:
        """After the queue committed: the draft goes, and the pasted images with
        it (the outbox keeps its own copy)."""
        drafts = self.core.drafts
        pasted = [Path(f.path) for f in files if Path(f.path).parent == self._pasted_folder()]

        def forget() -> None:
            drafts.clear(conversation_id)
            for path in pasted:
                path.unlink(missing_ok=True)

        self.disk.run(forget, None, self._draft_failed, owner=self)

    def shutdown(self) -> None:
        """The app is closing: the draft is saved and on the disk when this
        returns; nothing more is read or written after it."""
        if self._closed:
            return
        self.save_draft_now()
        self._closed = True
        for timer in (self._save_timer, self._counter_timer, self._refresh_timer):
            timer.stop()
        self.disk.shutdown()

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_draft_now()
        super().hideEvent(event)

    def _edited(self) -> None:
        if self._restoring:
            return
        self._changed()
        self._counter_timer.start()

    def _changed(self) -> None:
        """The content changed: a draft to save, and the next Send is a new message."""
        if self.conversation_id is None:
            return
        if self._sending_for is None:
            self.send_key = ""
        self._dirty = True
        if self._loaded:
            self._save_timer.start()
        if self.problem.isVisible() and self._problem_is_error:
            self._say("")

    def _say(self, text: str, error: bool = False) -> None:
        self._problem_is_error = error and bool(text)
        self.problem.setStyleSheet(f"color: {ERROR_COLOR};" if error else "color: palette(dark);")
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # --- replying to a message ---------------------------------------------------------

    def set_reply_to(self, message: FeedItem | int | None, preview: str = "") -> None:
        """Answers ``message`` (the chat view's "Reply": its ``FeedItem``, or an
        interaction id with ``preview``, its text; read here when not given).
        None: a new message, answering none."""
        if message is None or isinstance(message, int):
            interaction_id = message
        else:
            interaction_id = message.interaction_id
            preview = message.text or kind_text(message.kind)
            if message.sender:
                preview = f"{message.sender}: {preview}"
        if interaction_id == self.reply_to:
            if interaction_id is not None and preview:
                self._show_reply(preview)
            return
        self.reply_to = interaction_id
        if interaction_id is None:
            self.reply_bar.hide()
        else:
            self._show_reply(preview)
            if not preview:
                timeline = self.core.timeline
                self.tasks.run(
                    lambda: timeline.get(interaction_id).body,
                    lambda body: (
                        self._show_reply(body) if self.reply_to == interaction_id else None
                    ),
                    lambda exc: None,
                    owner=self,
                )
        if not self._restoring:
            self._changed()

    def _reply_read(self, interaction_id: int, body: str) -> None:
        if self.reply_to == interaction_id:
            self._show_reply(body)

    def _show_reply(self, text: str) -> None:
        line = " ".join(text.split())
        if len(line) > REPLY_PREVIEW_CHARS:
            line = line[: REPLY_PREVIEW_CHARS - 1] + "…"
        self.reply_text.setText(
            self.tr("Reply to: %1").replace("%1", line) if line else self.tr("Reply to a message")
        )
        self.reply_bar.show()

    # --- attachments -------------------------------------------------------------------

    def attach_file(self) -> QFileDialog | None:
        """The file picker (the Attach button, the window's shortcut)."""
        if self.conversation_id is None or not self.attach_button.isEnabled():
            return None
        dialog = QFileDialog(self, self.tr("Attach files"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(self.add_files)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _pasted_folder(self) -> Path:
        return self.core.paths.data_dir / PASTED_FOLDER

    def _limit(self) -> int | None:
        return upload_limit(self.context.options.channel) if self.context is not None else None

    def _file_problem(self, picked: PickedFile) -> str:
        if picked.size is None:
            return self.tr("This file is gone or can't be read: remove it to send the message.")
        limit = self._limit()
        if limit is not None and picked.size > limit:
            return self._too_large(picked.name, picked.size, limit)
        return ""

    def _too_large(self, name: str, size: int, limit: int) -> str:
        channel = channel_label(self.context.options.channel) if self.context else ""
        return (
            self.tr("“%1” is %2: %3 takes files up to %4.")
            .replace("%1", name)
            .replace("%2", size_text(size))
            .replace("%3", channel)
            .replace("%4", size_text(limit))
        )

    def add_files(self, paths: Sequence[str], pasted: bool = False) -> None:
        """Attaches files (by their paths; their bytes are read only when the
        message is queued). One over the channel's limit, a folder or one that
        can't be read is not attached, and the composer says why."""
        if self.conversation_id is None or not self.attach_button.isEnabled():
            return
        known = {f.path for f in self.files}
        refused: list[str] = []
        notes: list[str] = []
        added = False
        limit = self._limit()
        for path in paths:
            if path in known:
                continue
            size = file_size(path)
            name = Path(path).name
            if size is None:
                refused.append(self.tr("“%1” is not a file that can be read.").replace("%1", name))
                continue
            if limit is not None and size > limit:
                refused.append(self._too_large(name, size, limit) + " " + self.tr("Not attached."))
                continue
            self.files.append(PickedFile(path, size, pasted))
            known.add(path)
            added = True
            if not pasted and named_as_picture_but_not_one(path):
                notes.append(
                    self.tr(
                        "“%1” is not a picture, whatever its name says: it will go as a file."
                    ).replace("%1", name)
                )
        self._show_files()
        if refused:
            self._say("\n".join([*refused, *notes]), error=True)
        elif notes:
            self._say("\n".join(notes))
        if added:
            self._changed()

    def add_image(self, image: QImage) -> None:
        """A pasted image: saved as a PNG in the profile's data folder, on the
        disk thread, then attached."""
        if self.conversation_id is None or not self.attach_button.isEnabled():
            return
        if image.isNull():
            self._say(self.tr("The clipboard's image could not be read."), error=True)
            return
        conversation_id = self.conversation_id
        folder = self._pasted_folder()
        copy = image.copy()  # the clipboard's may change meanwhile
        self.disk.run(
            lambda: save_pasted_image(copy, folder),
            lambda path: (
                self.add_files([path], pasted=True)
                if self.conversation_id == conversation_id
                else None
            ),
            lambda exc: self._say(
                self.tr("The pasted image could not be saved: %1").replace("%1", str(exc)),
                error=True,
            ),
            owner=self,
        )

    def remove_file(self, path: str) -> None:
        removed = [f for f in self.files if f.path == path]
        self.files = [f for f in self.files if f.path != path]
        self._show_files()
        if removed:
            self._changed()
        self.input.setFocus()

    def _show_files(self) -> None:
        self.chips.show_files([(f, self._file_problem(f)) for f in self.files])
        self._chain_focus()

    def _chain_focus(self) -> None:
        """Tab goes top to bottom: what the banner offers, the reply's cancel,
        an email's Subject and Cc, the input, each file's remove button, then
        Attach, Quick replies, Send
        (hidden and disabled ones are skipped). The banner's and the files'
        buttons come and go, and would otherwise be last."""
        chain: list[QWidget] = [*self.banner.buttons, self.reply_cancel]
        chain += [self.mail_fields.subject, self.mail_fields.cc, self.input]
        chain += [chip.remove for chip in self.chips.chips]
        chain += [self.attach_button, self.quick_button, self.send_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()) and self.attach_button.isEnabled():
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        if files and self.attach_button.isEnabled():
            event.acceptProposedAction()
            self.add_files(files)
            return
        super().dropEvent(event)

    # --- the counter -------------------------------------------------------------------

    def _update_counter(self) -> None:
        self._measured += 1
        asked = self._measured
        limit = self.context.options.text_limit if self.context is not None else None
        if limit is None:
            self.counter.hide()
            return
        text = self.input.toPlainText()
        if not text:
            self.counter.hide()  # the limit matters once there is something to count
            return
        length = limit.length(text)
        if length <= limit.limit or len(text) <= MEASURE_HERE_CHARS:
            self._show_count(limit.measure(text))
            return
        # Where a long paste splits takes a while (~45 ms for 100,000 characters):
        # counted on the worker, the length shown at once with the fewest parts it can be.
        from app.reply_options import TextMeasure

        self._show_count(TextMeasure(length, limit.limit, -(-length // limit.limit)))
        self.tasks.run(
            lambda: limit.measure(text),
            lambda measure: self._show_count(measure) if asked == self._measured else None,
            owner=self,
        )

    def _show_count(self, measure: TextMeasure) -> None:
        locale = QLocale()
        if locale.language() == QLocale.Language.C:  # no locale set: "4,096", not "4096"
            locale = QLocale(QLocale.Language.English)
        shown = f"{locale.toString(measure.length)} / {locale.toString(measure.limit)}"
        if measure.over:
            shown += " · " + self.tr("will go as %n messages", "", measure.parts)
            self.counter.setStyleSheet(f"color: {OVER_COLOR}; font-weight: bold;")
        else:
            self.counter.setStyleSheet("color: palette(mid);")
        self.counter.setText(shown)
        self.counter.show()

    # --- quick replies -----------------------------------------------------------------

    def open_quick_replies(self) -> QuickReplyPicker | None:
        """The quick-reply picker over the input (Ctrl+/, the button, the window's shortcut)."""
        self._slash_opened = False
        return self._open_picker()

    def _quick_replies_from_slash(self) -> None:
        # "/" in an empty input: if the picker is closed without a choice, the
        # slash (and what was typed after it) goes to the input after all.
        self._slash_opened = True
        if self._open_picker() is None:
            self._quick_replies_dismissed("")

    def _open_picker(self) -> QuickReplyPicker | None:
        if self.conversation_id is None or not self.quick_button.isEnabled():
            return None
        if self._picker is None:
            self._picker = QuickReplyPicker(self.core, self.tasks, self)
            self._picker.chosen.connect(self._quick_reply_chosen)
            self._picker.dismissed.connect(self._quick_replies_dismissed)
        context = self.context
        channel = context.options.channel if context is not None else None
        language = context.language if context is not None else ""
        self._picker.open_over(self.input, channel, language, self._known_fields())
        return self._picker

    def _quick_replies_dismissed(self, typed: str) -> None:
        if self._slash_opened and not self.input.toPlainText():
            # The "/" that opened it, and what was typed after it, go to the input.
            self.input.insertPlainText("/" + typed)
        self._slash_opened = False
        self.input.setFocus(Qt.FocusReason.PopupFocusReason)

    def _known_fields(self) -> dict[str, str]:
        """{name}, {operator}, {order}: what this conversation fills in by itself."""
        from app.templates import prefilled

        context = self.context
        return prefilled(
            customer_name=context.customer_name if context else "",
            sender_name=context.sender_name if context else "",
            operator=self.operator or self.core.settings.operator_name,
            order=context.order if context else "",
        )

    def _quick_reply_chosen(self, reply: QuickReply) -> None:
        from app.templates import fields

        self._slash_opened = False
        known = self._known_fields()
        asked = [f for f in fields(reply.text) if f.key not in known]
        if not asked:
            self._insert_reply(reply.text, known)
            return
        from ui.conversations.template_fields_dialog import TemplateFieldsDialog

        dialog = TemplateFieldsDialog(reply.name, reply.text, asked, known, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._insert_text(dialog.rendered()))
        dialog.finished.connect(lambda _: self._fields_closed(dialog))
        self.fields_dialog = dialog
        dialog.open()

    def _fields_closed(self, dialog: TemplateFieldsDialog) -> None:
        if self.fields_dialog is dialog:
            self.fields_dialog = None
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _insert_reply(self, text: str, values: dict[str, str]) -> None:
        from app.templates import render

        self._insert_text(render(text, values))

    def _insert_text(self, text: str) -> None:
        """The quick reply's text goes where the cursor is, to be read and edited: not sent."""
        self.input.textCursor().insertText(text)
        self.input.ensureCursorVisible()
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- sending -----------------------------------------------------------------------

    def send(self) -> None:
        """Queues what is written (Ctrl+Enter, the Send button). The input
        clears once the outbox committed; a refusal keeps it all and says why."""
        conversation_id = self.conversation_id
        if conversation_id is None or self._sending_for is not None or self._closed:
            return  # a second press while the first is on its way: the same message
        if not self.send_button.isEnabled():
            return  # the chat can't be written, or the conversation is gone
        text = self.input.toPlainText()
        if not text.strip() and not self.files:
            self._say(self.tr("Write a message or attach a file before sending."), error=True)
            return
        problems = [p for p in (self._file_problem(f) for f in self.files) if p]
        if problems:
            self._say("\n".join(problems), error=True)
            return
        if not self.send_key:
            self.send_key = uuid.uuid4().hex
        request = SendRequest(
            conversation_id=conversation_id,
            channel=self.context.options.channel if self.context else "",
            text=text,
            files=tuple(self.files),
            reply_to=self.reply_to,
            operator=self.operator or self.core.settings.operator_name,
            key=self.send_key,
            mail=self.mail_fields.sent() if self.mail_fields.isVisibleTo(self) else None,
        )
        self._sending_for = conversation_id
        self._save_timer.stop()
        self._set_writable(True)
        self._say("")
        self._dirty = False
        draft = self._draft(send_key=request.key)
        drafts = self.core.drafts

        def keep_key() -> None:
            try:
                drafts.put(draft)
            except Exception as exc:  # the message still goes: it matters more than the key
                log.warning(
                    "conversation #%s: the send key was not saved: %s", draft.conversation_id, exc
                )

        self.disk.run(
            keep_key,
            lambda _: self._queue(request),
            lambda _: self._queue(request),
            owner=self,
        )

    def _queue(self, request: SendRequest) -> None:
        self.tasks.run(
            lambda: queue_message(self.core, request),
            lambda row: self._queued(request, row),
            lambda exc: self._not_queued(request, exc),
            owner=self,
        )

    def _queued(self, request: SendRequest, row: OutboxMessage) -> None:
        self._sending_for = None
        self._forget_draft(request.conversation_id, request.files)
        if request.conversation_id == self.conversation_id:
            # What went is cleared; a file attached or a reply chosen while it
            # was on its way (the input itself was read-only) stays for the next.
            sent = {f.path for f in request.files}
            self.files = [f for f in self.files if f.path not in sent]
            self._restoring = True
            self.input.clear()
            if self.reply_to == request.reply_to:
                self.set_reply_to(None)
            if request.mail is not None:
                self.mail_fields.clear()  # the next reply follows the thread again
                if self.context is not None:
                    self.mail_fields.set_thread(self.context.mail_subject, self.context.mail_cc)
            self._restoring = False
            self.send_key = ""
            self._dirty = bool(self.files) or self.reply_to is not None
            self._show_files()
            self._set_writable(self.context is None or self.context.options.can_write)
            self._update_counter()
            if self._dirty:
                self._save_timer.start()
        assert row.id is not None
        self.sent.emit(row.id)

    def _not_queued(self, request: SendRequest, exc: Exception) -> None:
        self._sending_for = None
        if request.conversation_id != self.conversation_id:
            return
        self._set_writable(self.context is None or self.context.options.can_write)
        self._say(self._send_error(exc), error=True)
        # A refusal of the chat itself: the banner says what is possible instead.
        self._refresh_timer.start()

    def _send_error(self, exc: Exception) -> str:
        if isinstance(exc, AttachmentProblem):
            if exc.kind == AttachmentProblem.TOO_LARGE:
                return self._too_large(exc.name, exc.size, exc.limit)
            return self.tr(
                "“%1” is gone since it was attached (deleted or moved): remove it or attach it"
                " again."
            ).replace("%1", exc.name)
        return self.tr("Not sent: %1").replace("%1", error_text(exc))

"""A mailbox as a channel: read over IMAP on its own worker thread, replies sent
over SMTP on the host's sender thread.

Reading (integrations/email/imap.py) hands each fetched chunk here: parsed and
mapped (integrations/email/inbound.py), its files written to a scratch folder,
delivered to the inbox with the folder's cursor and the step that places each
message in its thread in the same transaction (app/mail_threads.py). The
reader moves on only once that is committed, so a crash or a cut connection
makes it fetch the chunk again, and the Message-ID stores it once.

Sending (integrations/email/smtp.py) builds the reply from what the
conversation keeps of its latest message (subject, address, ids, the text to
quote); the Message-ID we sent is recorded in the thread afterwards, so an
answer that names only it lands in the same conversation.

Statuses: connected; auth failed with the server's words; not reachable,
retrying with back-off; misconfigured for a certificate or TLS problem (which
one, never a downgrade), a setting that can't work or a folder that can't be
read.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from app.enums import SendFailure
from app.inbox import Cursor, InboundMessage
from app.mail.threads import ThreadHeaders
from app.mail_threads import PlaceInThreads, RecordSent
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import Channel as ChannelKind
from integrations.base import (
    AccountSettings,
    ChannelState,
    ChannelStatus,
    Inbound,
    OutboundMessage,
    SendResult,
)
from integrations.email.compose import Quote, ReplyContext
from integrations.email.imap import (
    BACKOFF_FIRST_S,
    FETCH_CHUNK,
    IDLE_RENEW_S,
    POLL_S,
    FetchedMail,
    FolderCursor,
    MailboxReader,
    Stopped,
    cursor_name,
)
from integrations.email.inbound import to_inbound
from integrations.email.settings import BadMailboxSetting, MailboxSettings
from integrations.email.smtp import send_mail

log = logging.getLogger(__name__)

STOP_JOIN_S = 5.0

_NO_PASSWORD = QT_TRANSLATE_NOOP(
    "core", "No password is saved for this mailbox: enter it in Settings > Email."
)


class EmailChannel:
    kind: ClassVar[str] = ChannelKind.EMAIL.value

    def __init__(
        self,
        settings: AccountSettings,
        *,
        idle_renew_s: float = IDLE_RENEW_S,
        poll_s: float = POLL_S,
        fetch_chunk: int = FETCH_CHUNK,
        backoff_first_s: float = BACKOFF_FIRST_S,
    ) -> None:
        self.account_id = settings.account_id
        self.label = settings.label or f"Email #{settings.account_id}"
        self._timings = {
            "idle_renew_s": idle_renew_s,
            "poll_s": poll_s,
            "fetch_chunk": fetch_chunk,
            "backoff_first_s": backoff_first_s,
        }
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._inbound: Inbound | None = None
        self._status = ChannelStatus(self.account_id, self.kind, self.label, ChannelState.STARTING)
        self._status_lock = threading.Lock()
        self._problem = ""
        self._problem_error: OperatorError | None = None
        self.reader: MailboxReader | None = None
        self._pending: tuple[Future[Any], Path] | None = None  # the chunk in flight
        self.mailbox: MailboxSettings | None = None
        self._password = settings.secret or ""
        self._smtp_password = settings.secrets.get("smtp") or self._password
        try:
            self.mailbox = MailboxSettings.from_config(settings.config)
            if not self._password:
                raise BadMailboxSetting(_NO_PASSWORD)
        except OperatorError as exc:
            self._problem, self._problem_error = str(exc), exc

    # --- the Channel protocol ------------------------------------------------------

    @property
    def status(self) -> ChannelStatus:
        return self._status

    def start(self, inbound: Inbound) -> None:
        self._inbound = inbound
        if self._problem or self.mailbox is None:
            self._report(ChannelState.MISCONFIGURED, self._problem, self._problem_error)
            return
        self.reader = MailboxReader(
            self.mailbox,
            self._password,
            cursor=inbound.cursor,
            deliver=self._deliver,
            report=self._report,
            settle=self._settle,
            stopping=self._stopping,
            idle_renew_s=self._timings["idle_renew_s"],
            poll_s=self._timings["poll_s"],
            fetch_chunk=int(self._timings["fetch_chunk"]),
            backoff_first_s=self._timings["backoff_first_s"],
        )
        self._thread = threading.Thread(
            target=self.reader.run, name=f"email-{self.account_id}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self.reader is not None:
            self.reader.interrupt()
        if self._thread is not None:
            self._thread.join(timeout=STOP_JOIN_S)
            if self._thread.is_alive():
                log.warning("email %s: the reader did not stop in time", self.account_id)
        self._report(ChannelState.STOPPED)

    # --- reading ---------------------------------------------------------------------

    def _deliver(
        self, folder: str, uidvalidity: int, fetched: Sequence[FetchedMail], last_uid: int
    ) -> None:
        """One chunk mapped and queued with the folder's cursor, once the chunk
        before it is committed (one in flight: a failed one can't let a later
        cursor pass it)."""
        assert self._inbound is not None and self.mailbox is not None
        scratch = Path(tempfile.mkdtemp(prefix="email-", dir=self._inbound.scratch_dir()))
        try:
            messages: list[InboundMessage] = []
            headers: dict[str, ThreadHeaders] = {}
            for item in fetched:
                message, threading_headers = to_inbound(
                    self.account_id, self.mailbox, item, scratch
                )
                messages.append(message)
                headers.setdefault(message.external_id, threading_headers)
            cursor = Cursor(
                self.account_id, cursor_name(folder), str(FolderCursor(uidvalidity, last_uid))
            )
            self._settle()
        except BaseException:
            shutil.rmtree(scratch, ignore_errors=True)
            raise
        done = self._inbound.deliver(messages, cursor, PlaceInThreads(self.account_id, headers))
        self._pending = (done, scratch)

    def _settle(self) -> None:
        """Waits for the chunk in flight to be committed; its failure is raised
        (the reader fetches it again)."""
        pending, self._pending = self._pending, None
        if pending is None:
            return
        done, scratch = pending
        try:
            while True:
                if self._stopping.is_set():
                    raise Stopped
                try:
                    done.result(timeout=0.5)
                    return
                except TimeoutError:
                    continue
        finally:
            if done.done():
                shutil.rmtree(scratch, ignore_errors=True)
            else:  # stopping: the writer may still read its files
                done.add_done_callback(lambda _: shutil.rmtree(scratch, ignore_errors=True))

    # --- sending ---------------------------------------------------------------------

    def send(self, message: OutboundMessage) -> SendResult:
        if self.mailbox is None or self._problem:
            return SendResult.failed(SendFailure.AUTH, self._problem)
        thread = reply_context(message)
        if not thread.to[1]:
            return SendResult.failed(
                SendFailure.PERMANENT, "the conversation has no address to answer"
            )
        result = send_mail(
            self.mailbox, self._smtp_password, message, thread, imap_password=self._password
        )
        if result.ok and result.platform_ids and self._inbound is not None:
            # Not waited for: the message is sent whatever happens to this row.
            recorded = self._inbound.deliver(
                [], None, RecordSent(self.account_id, message.identity, result.platform_ids[0])
            )
            recorded.add_done_callback(_log_failure)
        return result

    # --- status ------------------------------------------------------------------------

    def _report(
        self, state: ChannelState, detail: str = "", problem: OperatorError | None = None
    ) -> None:
        status = ChannelStatus(
            self.account_id, self.kind, self.label, state, detail, problem=problem
        )
        with self._status_lock:
            if status == self._status:
                return
            self._status = status
        if state is not ChannelState.CONNECTED:
            log.warning("email %s: %s %s", self.account_id, state.value, detail[:300])
        if self._inbound is not None:
            self._inbound.report(status)


def reply_context(message: OutboundMessage) -> ReplyContext:
    """What the reply is built from: the conversation's ``meta["email"]`` (its
    latest message's subject, address, ids and text), the composer's subject
    and cc when it gave them (the timeline row's ``meta["email"]``)."""
    email = message.conversation_meta.get("email")
    email = email if isinstance(email, dict) else {}
    if not email.get("address"):
        email = {**email, "address": message.identity.rpartition("|")[2]}
    thread = ReplyContext.from_meta(email, message.conversation_title, _quote(email))
    own = message.meta.get("email")
    if isinstance(own, dict):
        subject = own.get("subject")
        cc = own.get("cc")
        override = ReplyContext.from_meta(
            {"address": thread.to[1], "subject": subject, "cc": cc}, message.conversation_title
        )
        thread = ReplyContext(
            to=thread.to,
            subject=override.subject or thread.subject,
            parent_message_id=thread.parent_message_id,
            references=thread.references,
            in_reply_to=thread.in_reply_to,
            thread_index=thread.thread_index,
            cc=override.cc if isinstance(cc, list) else thread.cc,
            quote=thread.quote,
        )
    return thread


def _quote(email: dict[str, Any]) -> Quote | None:
    quote = email.get("quote")
    if not isinstance(quote, dict) or not isinstance(quote.get("text"), str):
        return None
    if not quote["text"].strip():
        return None
    sent_at = None
    if isinstance(quote.get("sent_at"), str):
        try:
            sent_at = datetime.fromisoformat(quote["sent_at"])
        except ValueError:
            sent_at = None
    author = quote.get("author")
    return Quote(author if isinstance(author, str) else "", sent_at, quote["text"])


def _log_failure(done: Future[Any]) -> None:
    error = done.exception()
    if error is not None:
        log.warning("email: the sent message's thread was not recorded: %s", error)


__all__ = ["EmailChannel", "reply_context"]

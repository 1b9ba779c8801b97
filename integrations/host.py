"""The channel host: runs every enabled channel account, drains the outbox,
reports each channel's status. Qt-free: the window runs one (the one-operator
set-up), the team relay runs the same class headless.

- Built from the account rows (``ChannelAccount``) and their secrets (the
  keyring), through an explicit registry of channel kinds: an account of a kind
  this build doesn't know is a status that says so, never silently nothing.
- ``reload`` compares each account's settings with what its running channel
  was built from and restarts only what changed; a disabled or deleted
  account's channel stops.
- Inbound: a channel delivers batches through its ``Inbound``, which queues
  them to the one ``InboundWriter`` (ordered, retrying) and resolves when the
  batch is committed; only then does the channel acknowledge its platform.
- The website's callback form (``webform=True``) runs here too
  (integrations/webform_endpoint.py), matched to the settings at every
  ``reload``: the window and the relay host it the same way.
- One host per account and database (integrations/account_lock.py): on
  PostgreSQL several windows share the accounts, and each account runs only in
  the host that holds its lock. A host that doesn't get it says so (a conflict,
  ``Conflict.OTHER_HOST``) and tries again every ``lock_retry_s``, so it takes
  the account over by itself when the other stops or dies; a host whose lock
  connection broke stops the channel (it may not be the only one any more)
  and starts over. On SQLite every lock is granted, with no connection.
- Outbound: one sender thread per running channel claims the account's due
  outbox rows (``sending`` is committed before the request), sends, and marks
  the result. It wakes when the outbox changes (the database's change feed)
  and every few seconds for retries that came due. When a host takes an
  account, the rows its last host left ``sending`` become ``uncertain``: never
  resent by themselves; another running host's rows are not touched.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import col, select

from app.changes import Changes
from app.core import Core
from app.enums import SendFailure
from app.errors import DatabaseError
from app.inbound_writer import InboundWriter
from app.inbox import BatchStep, Cursor, InboundMessage, Stored
from app.models import (
    Attachment,
    ChannelAccount,
    Conversation,
    Interaction,
    OutboxMessage,
)
from app.models import Channel as ChannelKind
from app.outbox import MessageNotFound
from app.secrets import SecretKind, SecretsUnavailable
from integrations.account_lock import AccountLock, AccountLocks
from integrations.base import (
    AccountSettings,
    Channel,
    ChannelState,
    ChannelStatus,
    Conflict,
    OutboundFile,
    OutboundMessage,
    SendResult,
)
from integrations.webform_endpoint import WebFormEndpoint, WebFormStatus

log = logging.getLogger(__name__)

ChannelFactory = Callable[[AccountSettings], Channel]
SENDER_POLL_S = 5.0  # how often an idle sender looks for retries that came due
DATABASE_RETRY_S = 5.0
# How often a host asks for the accounts another host holds, and checks that
# the connections holding its own still answer: the bound on a takeover.
LOCK_RETRY_S = 15.0


def default_factories() -> dict[str, ChannelFactory]:
    """The channel kinds this build runs, registered by hand."""
    from integrations.email.channel import EmailChannel
    from integrations.telegram.channel import TelegramChannel

    return {TelegramChannel.kind: TelegramChannel, EmailChannel.kind: EmailChannel}


@dataclass
class _Running:
    channel: Channel
    settings: AccountSettings
    fingerprint: str
    sender: threading.Thread | None
    stop: threading.Event
    wake: threading.Event


class ChannelHost:
    def __init__(
        self,
        core: Core,
        *,
        factories: Mapping[str, ChannelFactory] | None = None,
        writer: InboundWriter | None = None,
        on_status: Callable[[ChannelStatus], None] | None = None,
        scratch_dir: Path | None = None,
        webform: bool = False,
        on_webform: Callable[[WebFormStatus], None] | None = None,
        lock_retry_s: float = LOCK_RETRY_S,
    ) -> None:
        """``on_status`` runs on whichever thread a status changed (a channel's
        worker, the caller of ``reload``, the lock keeper); it must not block.
        With ``webform`` the host also runs the website's callback form as the
        settings say (``on_webform`` hears its status after each start and
        reload). ``lock_retry_s``: see ``LOCK_RETRY_S``."""
        self.core = core
        self.factories = dict(factories if factories is not None else default_factories())
        self._own_writer = writer is None
        self.writer = writer or InboundWriter("channel-inbox")
        self.on_status = on_status
        self.scratch = scratch_dir or core.paths.data_dir / "incoming"
        self.outbox = core.outbox
        self._running: dict[int, _Running] = {}
        self._statuses: dict[int, ChannelStatus] = {}
        self.locks = AccountLocks(core.db)
        self.lock_retry_s = lock_retry_s
        self._held: dict[int, AccountLock] = {}
        # Enabled accounts not running here for want of their lock: another
        # host holds it, or the database could not be asked.
        self._waiting: dict[int, tuple[AccountSettings, str]] = {}
        self._keeper: threading.Thread | None = None
        self._keeper_stop = threading.Event()
        self._lock = threading.RLock()
        self._unsubscribe: Callable[[], None] | None = None
        self._started = False
        self.webform = WebFormEndpoint(core) if webform else None
        self.on_webform = on_webform

    # --- lifecycle -------------------------------------------------------------------

    def start(self) -> None:
        """Starts every enabled account whose lock this host gets (each after
        recovering what its last host left sending); returns once those
        started, the others waiting for their lock on the keeper's thread."""
        self.scratch.mkdir(parents=True, exist_ok=True)
        self._unsubscribe = self.core.db.changes.subscribe(self._changed)
        self._started = True
        self.reload()
        self._keeper_stop.clear()
        self._keeper = threading.Thread(target=self._keep_locks, name="channel-locks", daemon=True)
        self._keeper.start()

    def reload(self) -> None:
        """Starts, restarts (settings or secret changed) and stops channels so
        that they match the account rows, and the web form so that it matches
        the settings."""
        try:
            self._reload_channels()
        finally:  # the web form does not depend on the channels starting
            self._reload_webform()

    def _reload_webform(self) -> None:
        if self.webform is not None:
            status = self.webform.apply()
            if self.on_webform is not None:
                try:
                    self.on_webform(status)
                except Exception:
                    log.exception("channel host: on_webform failed")

    def _reload_channels(self) -> None:
        with self.core.db.session() as s:
            accounts = list(s.exec(select(ChannelAccount).order_by(col(ChannelAccount.id))))
        with self._lock:
            wanted: dict[int, AccountSettings] = {}
            for account in accounts:
                assert account.id is not None
                if not account.enabled:
                    self._stop_one(account.id)
                    self._let_go(account.id)
                    self._set_status(
                        ChannelStatus(
                            account.id, account.kind, account.label, ChannelState.DISABLED
                        )
                    )
                    continue
                wanted[account.id] = self._settings_of(account)
            for account_id in {*self._running, *self._held, *self._waiting}:
                if account_id not in wanted:
                    self._stop_one(account_id)
                    self._let_go(account_id)
                    self._statuses.pop(account_id, None)
            for account_id, settings in wanted.items():
                fingerprint = _fingerprint(settings)
                running = self._running.get(account_id)
                if running is not None and running.fingerprint == fingerprint:
                    continue
                self._stop_one(account_id)
                self._start_one(settings, fingerprint)

    def stop(self) -> None:
        if self.webform is not None:
            self.webform.stop()  # no more requests written while the rest closes
        self._keeper_stop.set()
        if self._keeper is not None:
            self._keeper.join(timeout=30)
            self._keeper = None
        with self._lock:
            for account_id in list(self._running):
                self._stop_one(account_id)
            for account_id in {*self._held, *self._waiting}:
                self._let_go(account_id)
        self.locks.close()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._own_writer:
            self.writer.close()
        self._started = False

    def statuses(self) -> list[ChannelStatus]:
        with self._lock:
            return [self._statuses[k] for k in sorted(self._statuses)]

    def channel(self, account_id: int) -> Channel | None:
        with self._lock:
            running = self._running.get(account_id)
            return running.channel if running is not None else None

    def wake_senders(self) -> None:
        # No lock: called on every committing thread, while the lock may be held
        # for seconds (a restart joins a channel's threads).
        for running in list(self._running.values()):
            running.wake.set()

    # --- one channel ---------------------------------------------------------------------

    def _settings_of(self, account: ChannelAccount) -> AccountSettings:
        assert account.id is not None
        mailbox = account.kind == ChannelKind.EMAIL.value
        kind = SecretKind.MAILBOX if mailbox else SecretKind.CHANNEL
        secrets: dict[str, str] = {}
        try:
            secret = self.core.secrets.get(kind, account.id)
            # A mailbox may log in to SMTP with a password of its own.
            smtp = self.core.secrets.get(kind, f"{account.id}:smtp") if mailbox else None
            if smtp:
                secrets["smtp"] = smtp
        except SecretsUnavailable as exc:
            log.warning("channel %s: its secret can't be read: %s", account.id, exc)
            secret = None
        return AccountSettings(
            account.id, account.kind, account.label, dict(account.config), secret, secrets
        )

    def _start_one(self, settings: AccountSettings, fingerprint: str) -> None:
        factory = self.factories.get(settings.kind)
        if factory is None:
            self._set_status(
                ChannelStatus(
                    settings.account_id,
                    settings.kind,
                    settings.label,
                    ChannelState.MISCONFIGURED,
                    f"This version of Switchboard can't run {settings.kind!r} accounts.",
                )
            )
            self._let_go(settings.account_id)  # a host that can run it may take it
            return
        if not self._take(settings, fingerprint):
            return
        channel = factory(settings)
        stop, wake = threading.Event(), threading.Event()
        running = _Running(channel, settings, fingerprint, None, stop, wake)
        self._running[settings.account_id] = running
        channel.start(_ChannelInbound(self, channel))
        self._set_status(channel.status)
        if channel.status.state is ChannelState.MISCONFIGURED and self.locks.shared:
            # It can't run here (this computer's keyring has no token for it):
            # a host that can run it may take it; this one asks again later.
            self._stop_one(settings.account_id)
            self._let_go(settings.account_id)
            self._waiting[settings.account_id] = (settings, fingerprint)
            return
        sender = threading.Thread(
            target=self._send_loop,
            args=(running,),
            name=f"sender-{settings.account_id}",
            daemon=True,
        )
        running.sender = sender
        sender.start()

    def _stop_one(self, account_id: int) -> None:
        running = self._running.pop(account_id, None)
        if running is None:
            return
        running.stop.set()
        running.wake.set()
        running.channel.stop()
        if running.sender is not None:
            running.sender.join(timeout=5)

    # --- one host per account ----------------------------------------------------------

    def _take(self, settings: AccountSettings, fingerprint: str) -> bool:
        """Holds the account's lock (taken now, or held already); on taking it,
        what its last host left sending becomes uncertain. False: it waits."""
        account_id = settings.account_id
        held = self._held.get(account_id)
        if held is None:
            lock = self.locks.lock(account_id)
            try:
                taken = lock.take()
                if taken:
                    # Before this host's first claim: no other host sends for it now.
                    self.outbox.recover(account_id)
            except DatabaseError as exc:
                lock.release()
                self._wait_for_lock(settings, fingerprint, ChannelState.NOT_REACHABLE, str(exc))
                return False
            if not taken:
                self._wait_for_lock(
                    settings, fingerprint, ChannelState.CONFLICT, lock.holder(), Conflict.OTHER_HOST
                )
                return False
            self._held[account_id] = lock
        self._waiting.pop(account_id, None)
        return True

    def _wait_for_lock(
        self,
        settings: AccountSettings,
        fingerprint: str,
        state: ChannelState,
        detail: str,
        conflict: Conflict | None = None,
    ) -> None:
        self._waiting[settings.account_id] = (settings, fingerprint)
        self._set_status(
            ChannelStatus(
                settings.account_id,
                settings.kind,
                settings.label,
                state,
                detail,
                conflict=conflict,
            )
        )

    def _let_go(self, account_id: int) -> None:
        self._waiting.pop(account_id, None)
        lock = self._held.pop(account_id, None)
        if lock is not None:
            lock.release()

    def _keep_locks(self) -> None:
        """The keeper's thread: every ``lock_retry_s``, an account whose lock
        connection broke stops, and the waiting ones ask again (on SQLite only
        those the database refused at their start)."""
        while not self._keeper_stop.wait(self.lock_retry_s):
            try:
                self._check_locks()
            except Exception:  # a bug: the next round tries again
                log.exception("channel host: checking the account locks failed")

    def _check_locks(self) -> None:
        with self._lock:
            held = list(self._held.items())
        # The round trips outside the host's lock: a channel reporting its
        # status must not wait for a network that went quiet.
        broken = [account_id for account_id, lock in held if not lock.alive()]
        with self._lock:
            if self._keeper_stop.is_set():
                return
            for account_id, lock in held:
                if account_id not in broken or self._held.get(account_id) is not lock:
                    continue
                log.warning("channel %s: its lock's connection broke; stopping it", account_id)
                running = self._running.get(account_id)
                self._stop_one(account_id)
                self._let_go(account_id)
                if running is not None:
                    self._wait_for_lock(
                        running.settings,
                        running.fingerprint,
                        ChannelState.NOT_REACHABLE,
                        "The database connection that held this account for this "
                        "Switchboard broke; taking it again.",
                    )
            for settings, fingerprint in list(self._waiting.values()):
                self._start_one(settings, fingerprint)

    def _set_status(self, status: ChannelStatus) -> None:
        with self._lock:
            if self._statuses.get(status.account_id) == status:
                return
            self._statuses[status.account_id] = status
            running = self._running.get(status.account_id)
            if running is not None:
                running.wake.set()  # a sender waiting for the channel to work again
        if self.on_status is not None:
            try:
                self.on_status(status)
            except Exception:
                log.exception("channel host: on_status failed")

    def _changed(self, changes: Changes) -> None:
        # Only an outbox row's change gives a sender work (queued, resent,
        # cancelled); an inbound batch touches conversations, and waking every
        # sender for each would cost a claim query per batch per account.
        if changes.outbox:
            self.wake_senders()

    # --- sending -----------------------------------------------------------------------------

    def _send_loop(self, running: _Running) -> None:
        channel = running.channel
        while not running.stop.is_set():
            if not channel.status.working:
                # Not connected (network down, rate limited, a conflict): queued
                # messages wait rather than spend their tries on a channel that
                # can't send; the status change wakes this loop.
                running.wake.wait(SENDER_POLL_S)
                running.wake.clear()
                continue
            try:
                row = self.outbox.claim_next(channel.account_id)
            except DatabaseError as exc:
                log.warning("sender %s: %s", channel.account_id, exc)
                running.stop.wait(DATABASE_RETRY_S)
                continue
            if row is None:
                running.wake.wait(SENDER_POLL_S)
                running.wake.clear()
                continue
            try:
                self._send_one(channel, row, running.stop)
            except Exception:  # a bug: this message stays as it is, the others go on
                log.exception("sender %s: message %s", channel.account_id, row.id)
                running.stop.wait(DATABASE_RETRY_S)

    def _send_one(self, channel: Channel, row: OutboxMessage, stop: threading.Event) -> None:
        assert row.id is not None
        try:
            message = self._outbound(row)
        except DatabaseError as exc:
            reason = str(exc)
            log.warning("sender %s: %s", channel.account_id, reason)
            self._record(
                lambda: self.outbox.mark_failed(row.id or 0, SendFailure.NOT_REACHABLE, reason),
                stop,
            )
            return
        try:
            result = channel.send(message)
        except Exception as exc:  # a bug in a channel: the message is said failed
            log.exception("sender %s: send failed", channel.account_id)
            result = SendResult.failed(
                SendFailure.PERMANENT, f"internal error: {type(exc).__name__}"
            )
        if result.ok:
            self._record(
                lambda: self.outbox.mark_sent(
                    row.id or 0, [*row.platform_ids, *result.platform_ids], notes=result.notes
                ),
                stop,
            )
            return
        if result.platform_ids:
            # Some parts went: a retry goes on after them, the earlier ones are
            # not sent again.
            ids = list(result.platform_ids)
            self._record(lambda: self.outbox.note_parts(row.id or 0, ids), stop)
        if result.maybe_delivered:
            self._record(lambda: self.outbox.mark_uncertain(row.id or 0, result.reason), stop)
            return
        assert result.failure is not None
        failure = result.failure
        # A policy refusal makes the chat unwritable in the failure's own commit
        # (Outbox.mark_failed); a second write here could undo a customer who
        # wrote again meanwhile.
        self._record(
            lambda: self.outbox.mark_failed(
                row.id or 0, failure, result.reason, result.retry_after
            ),
            stop,
        )

    def _record(self, write: Callable[[], object], stop: threading.Event) -> None:
        """A sender's write after the request: retried while the database
        refuses, for the platform's answer must not be lost."""
        while True:
            try:
                write()
                return
            except MessageNotFound:
                return  # deleted meanwhile (its customer or its bot went): nothing to record
            except DatabaseError as exc:
                log.warning("sender: the result can't be written yet: %s", exc)
                if stop.wait(DATABASE_RETRY_S):
                    return  # the row stays sending: the next start says "may not have been sent"

    def _outbound(self, row: OutboxMessage) -> OutboundMessage:
        assert row.id is not None
        with self.core.db.session() as s:
            conversation = s.get(Conversation, row.conversation_id)
            assert conversation is not None
            interaction = s.get(Interaction, row.interaction_id)
            markup = interaction.meta.get("reply_markup") if interaction is not None else None
            files: list[OutboundFile] = []
            if row.attachment_ids:
                attachments = s.exec(
                    select(Attachment).where(col(Attachment.id).in_(row.attachment_ids))
                )
                by_id = {a.id: a for a in attachments}
                for attachment_id in row.attachment_ids:
                    a = by_id.get(attachment_id)
                    if a is not None:
                        files.append(
                            OutboundFile(
                                self.core.attachments.path_for(a.sha256), a.filename, a.mime, a.size
                            )
                        )
        return OutboundMessage(
            message_id=row.id,
            identity=conversation.identity,
            text=row.text,
            files=tuple(files),
            reply_to_external_id=row.reply_to_external_id,
            parts_sent=len(row.platform_ids),
            reply_markup=markup if isinstance(markup, dict) else None,
            conversation_title=conversation.title,
            conversation_meta=dict(conversation.meta),
            meta=dict(interaction.meta) if interaction is not None else {},
        )


class _ChannelInbound:
    """What one running channel talks to."""

    def __init__(self, host: ChannelHost, channel: Channel) -> None:
        self.host = host
        self.channel = channel
        self.account_id = channel.account_id

    def deliver(
        self,
        batch: Sequence[InboundMessage],
        cursor: Cursor | None,
        prepare: BatchStep | None = None,
    ) -> Future[list[Stored]]:
        items = list(batch)
        inbox = self.host.core.inbox
        return self.host.writer.put(lambda: inbox.store(items, cursor, prepare))

    def cursor(self, name: str) -> str | None:
        return self.host.core.inbox.cursor(self.account_id, name)

    def writable(self, identity: str, can_write: bool, reason: str) -> Future[object]:
        conversations = self.host.core.conversations
        account_id = self.account_id
        return self.host.writer.put(
            lambda: conversations.set_writable(account_id, identity, can_write, reason)
        )

    def report(self, status: ChannelStatus) -> None:
        if status.state is ChannelState.STOPPED:
            return  # the host says what a stopped account is (disabled, removed)
        with self.host._lock:
            running = self.host._running.get(self.account_id)
            if running is None or running.channel is not self.channel:
                return  # a channel replaced by a restart still finishing its last poll
        self.host._set_status(status)

    def scratch_dir(self) -> Path:
        return self.host.scratch


def _fingerprint(settings: AccountSettings) -> str:
    """What a running channel was built from; the secret only as a digest."""
    data = json.dumps(
        {
            "kind": settings.kind,
            "label": settings.label,
            "config": settings.config,
            "secret": hashlib.sha256((settings.secret or "").encode()).hexdigest(),
            "secrets": {
                name: hashlib.sha256(value.encode()).hexdigest()
                for name, value in sorted(settings.secrets.items())
            },
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(data.encode()).hexdigest()


__all__ = ["ChannelFactory", "ChannelHost", "default_factories"]

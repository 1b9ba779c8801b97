"""Every call lands on the timeline: engine events -> app's Timeline and CallbackQueue.

- Outbound: ``CallLog.dial`` writes the interaction (status dialing) BEFORE it
  asks the engine to dial, so a crash mid-call still leaves the record.
- Inbound: ``IncomingCall`` writes it (status ringing) with the SIP Call-ID as
  external id, so a re-sent INVITE is stored once.
- Answer and end update it: answered/missed/rejected/busy/no answer/failed,
  duration from the answer, quality figures, the recording as an attachment.
- A missed inbound call becomes a callback request (merged per number); an
  answered call in either direction closes the open requests for that number.

Engine listeners run on the SIP thread and must not block, and a database write
can (a locked SQLite file, a slow PostgreSQL), so events go through the log's
own ``InboundWriter`` (app/inbound_writer.py), which writes them in order on
its thread and does a refused write again with back-off: a database that
refuses for a while costs no call its record. Each event's work is written so
that doing it again after a refusal changes nothing twice.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from app.callbacks import CallbackQueue
from app.errors import DatabaseError
from app.inbound_writer import InboundWriter
from app.models import Channel, ContactKind, Direction, InteractionStatus, utcnow
from app.timeline import InteractionDraft, Timeline
from sip.events import (
    CallEnded,
    CallOutcome,
    CallPhase,
    CallStateChanged,
    CommandFailed,
    EngineEvent,
    IncomingCall,
)

log = logging.getLogger(__name__)

STATUS_OF_OUTCOME = {
    CallOutcome.ANSWERED: InteractionStatus.ANSWERED,
    CallOutcome.MISSED: InteractionStatus.MISSED,
    CallOutcome.REJECTED: InteractionStatus.REJECTED,
    CallOutcome.BUSY: InteractionStatus.BUSY,
    CallOutcome.NO_ANSWER: InteractionStatus.NO_ANSWER,
    CallOutcome.FAILED: InteractionStatus.FAILED,
}


class Dialer(Protocol):
    """The part of sip.engine.Engine the log needs to place a call."""

    def dial(self, account_id: str, target: str) -> str: ...


@dataclass(frozen=True)
class _Dialled:
    call_id: str
    interaction_id: int


class CallLog:
    def __init__(
        self,
        timeline: Timeline,
        callbacks: CallbackQueue | None = None,
        attach_recording: Callable[[int, Path], Any] | None = None,
        operator: str = "",
    ) -> None:
        self.timeline = timeline
        self.callbacks = callbacks
        self.attach_recording = attach_recording
        self.operator = operator
        self._interactions: dict[str, int] = {}  # engine call id -> interaction id
        self._answered_at: dict[str, datetime] = {}
        # Recordings stored for a call whose end is not written yet: its end may be
        # done again after a refusal, and the file must not be stored twice.
        self._attached: set[int] = set()
        # Held by dial() from asking the engine until the call id is mapped, and by
        # the writer per job: so even a call that fails at once is never handled
        # before the log knows which interaction it belongs to.
        self._lock = threading.Lock()
        self._writer = InboundWriter("call-log")

    @property
    def on_refusal(self) -> Callable[[DatabaseError | None], None] | None:
        """For the UI, on the writer's thread: the database started refusing the
        log's writes (the error), or takes them again (None)."""
        return self._writer.on_refusal

    @on_refusal.setter
    def on_refusal(self, hook: Callable[[DatabaseError | None], None] | None) -> None:
        self._writer.on_refusal = hook

    @property
    def unwritten(self) -> int:
        """Events given up on (a bug, or closed while the database refused)."""
        return self._writer.unwritten

    # --- the engine side (any thread, never blocks) ----------------------------

    def __call__(self, event: EngineEvent) -> None:
        """The engine listener."""
        # The time it happened, not the time it is written: a write may wait behind
        # a busy database (and is done again after a refusal).
        at = utcnow()
        if isinstance(event, IncomingCall | CallStateChanged | CallEnded):
            self._put(lambda: self._handle(event, at))
        elif isinstance(event, CommandFailed) and event.command == "Dial" and event.call_id:
            # The call never started (not registered, a bad number, engine down):
            # the row written before dialling must not stay "dialling" forever.
            failed_id = event.call_id
            self._put(lambda: self._dial_failed(failed_id, event.error, at))

    # --- the dialling side ------------------------------------------------------

    def dial(
        self,
        engine: Dialer,
        account_id: str,
        target: str,
        number: str = "",
        customer_id: int | None = None,
        meta: dict[str, Any] | None = None,
    ) -> str:
        """Records the outbound call, then dials; returns the engine's call id.

        Runs the write on the caller's thread (the GUI's task runner, not the GUI
        thread itself), because the record must exist before the call does."""
        recorded = self.timeline.record(
            InteractionDraft(
                channel=Channel.CALL,
                direction=Direction.OUTBOUND,
                status=InteractionStatus.DIALING,
                contact_kind=ContactKind.PHONE,
                contact_value=number or target,
                customer_id=customer_id,
                account=account_id,
                operator=self.operator,
                meta={"target": target, **(meta or {})},
            )
        ).interaction
        assert recorded.id is not None
        with self._lock:
            try:
                call_id = engine.dial(account_id, target)
            except Exception as exc:
                self.timeline.close(
                    recorded.id, InteractionStatus.FAILED, meta={"error": str(exc)[:500]}
                )
                raise
            self._interactions[call_id] = recorded.id
        return call_id

    def interaction_of(self, call_id: str) -> int | None:
        return self._interactions.get(call_id)

    def flush(self, timeout: float = 10.0) -> bool:
        """Waits until every queued event is written (tests, shutdown)."""
        return self._writer.flush(timeout)

    def close(self) -> None:
        self._writer.close()

    # --- the writer's side --------------------------------------------------------

    def _put(self, job: Callable[[], None]) -> None:
        def locked() -> None:
            with self._lock:
                job()

        self._writer.put(locked)

    def _handle(self, event: IncomingCall | CallStateChanged | CallEnded, at: datetime) -> None:
        if isinstance(event, IncomingCall):
            self._incoming(event, at)
        elif isinstance(event, CallStateChanged):
            if event.phase is CallPhase.CONFIRMED:
                self._answered(event.call_id, at)
        else:
            self._ended(event, at)

    def _incoming(self, event: IncomingCall, at: datetime) -> None:
        recorded = self.timeline.record(
            InteractionDraft(
                channel=Channel.CALL,
                direction=Direction.INBOUND,
                status=InteractionStatus.RINGING,
                started_at=at,
                external_id=event.sip_call_id or None,
                contact_kind=ContactKind.PHONE,
                contact_value=event.number,
                contact_name=event.display_name,
                account=event.account_id,
                meta={"remote_uri": event.remote_uri, "display_name": event.display_name},
            )
        ).interaction
        assert recorded.id is not None
        self._interactions[event.call_id] = recorded.id

    def _answered(self, call_id: str, now: datetime) -> None:
        interaction_id = self._interactions.get(call_id)
        if interaction_id is None or call_id in self._answered_at:
            return
        row = self.timeline.update(
            interaction_id,
            status=InteractionStatus.ANSWERED,
            answered_at=now,
            operator=self.operator,
        )
        if self.callbacks is not None and row.contact_value:
            self.callbacks.close_reached(row.contact_value, now)
        self._answered_at[call_id] = now  # once written: a refused write comes again

    def _ended(self, event: CallEnded, at: datetime) -> None:
        # Forgotten only once written: a refused write comes again (closing twice,
        # or setting the same duration again, changes nothing).
        interaction_id = self._interactions.get(event.call_id)
        if interaction_id is None:
            log.warning("call log: an ended call it never saw start (%s)", event.call_id)
            return
        status = STATUS_OF_OUTCOME[event.outcome]
        meta: dict[str, Any] = {"sip_code": event.code, "sip_reason": event.reason}
        if event.quality is not None:
            meta["quality"] = asdict(event.quality)
        changes: dict[str, Any] = {"meta": meta}
        current = self.timeline.get(interaction_id)
        if current.external_id is None and event.sip_call_id:
            changes["external_id"] = event.sip_call_id
        if event.outcome is CallOutcome.ANSWERED and current.answered_at is None:
            changes["answered_at"] = at
        row = self.timeline.close(interaction_id, status, ended_at=at, **changes)
        # The engine measured the talk time itself; it beats two event timestamps.
        if event.connected_seconds:
            row = self.timeline.update(interaction_id, duration_s=round(event.connected_seconds, 3))
        if (
            event.recording
            and self.attach_recording is not None
            and interaction_id not in self._attached
        ):
            self._attach(interaction_id, Path(event.recording))
            self._attached.add(interaction_id)
        if self.callbacks is not None and row.contact_value:
            if event.outcome is CallOutcome.MISSED and event.direction.value == "inbound":
                self.callbacks.register_missed_call(row.contact_value, interaction_id, at)
            elif event.outcome is CallOutcome.ANSWERED:
                self.callbacks.close_reached(row.contact_value, at)
        self._interactions.pop(event.call_id, None)
        self._answered_at.pop(event.call_id, None)
        self._attached.discard(interaction_id)

    def _attach(self, interaction_id: int, path: Path) -> None:
        """Moves the call's WAV into the attachment store. The original goes once
        the store holds its fsynced copy: a second copy outside the store would
        outlive the customer's deletion (a personal-data request) and doubles
        the disk used. A file that can't be attached stays where it is."""
        assert self.attach_recording is not None
        if not path.exists():
            log.warning("recording of interaction %d is missing: %s", interaction_id, path.name)
            return
        try:
            self.attach_recording(interaction_id, path)
        except DatabaseError:
            raise  # refused for now: the whole end of the call is written again
        except Exception:
            log.exception("recording %s not attached; the file is kept", path.name)
            return
        try:
            path.unlink()
        except OSError as exc:
            log.warning("recording %s attached but not removed: %s", path.name, exc)

    def _dial_failed(self, call_id: str, message: str, at: datetime) -> None:
        interaction_id = self._interactions.get(call_id)
        if interaction_id is None:
            return
        self.timeline.close(
            interaction_id, InteractionStatus.FAILED, ended_at=at, meta={"error": message[:500]}
        )
        self._interactions.pop(call_id, None)

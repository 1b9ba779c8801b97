"""Every call lands on the timeline: engine events -> app's Timeline and CallbackQueue.

- Outbound: ``CallLog.dial`` writes the interaction (status dialing) BEFORE it
  asks the engine to dial, so a crash mid-call still leaves the record.
- Inbound: ``IncomingCall`` writes it (status ringing) with the SIP Call-ID as
  external id, so a re-sent INVITE is stored once.
- Answer and end update it: answered/missed/rejected/busy/no answer/failed,
  duration from the answer, quality figures, the recording as an attachment,
  and a transfer we made (``meta["transfer"]``: confirmed by the far end's
  NOTIFY, not confirmed, or failed with its SIP status).
- A missed inbound call becomes a callback request (merged per number); an
  answered call in either direction closes the open requests for that number.
- The operator's notes on a call (``CallLog.note``) become the interaction's
  body, written in order with the call's other records, so notes typed while
  it rang or right after the hang-up land on the row the call has by then.

Engine listeners run on the SIP thread and must not block, and a database write
can (a locked SQLite file, a slow PostgreSQL), so each event becomes a record
on the log's own writer thread (``SpooledWriter``, app/spool.py), written in
order. A record the database refuses is kept in the profile's spool on the
disk (fsynced), with every record after it, and written once the database
takes writes again, or at the next start when the app was closed or killed
meanwhile; a refusal that will never pass (no such table, a read-only
database) is said at once and holds up only the records of its own call.

So a record must stand alone, without this process's memory: it names its
interaction by id when the log knows it (outbound calls are written before
they are dialled), else by the call's SIP Call-ID, the interaction's external
id. And its write must be safe to do twice (a refusal half way, or a crash
between the commit and the spool's "done" mark): recording an inbound call is
idempotent on its Call-ID, closing is once, a missed call counts once per
interaction.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from app.callbacks import CallbackQueue
from app.errors import DatabaseError
from app.models import Channel, ContactKind, Direction, InteractionStatus, utcnow
from app.spool import Record, Spool, SpooledWriter, WriterStatus
from app.timeline import InteractionDraft, Timeline
from sip.events import (
    CallEnded,
    CallOutcome,
    CallPhase,
    CallStateChanged,
    CommandFailed,
    EngineEvent,
    IncomingCall,
    TransferProgress,
)

log = logging.getLogger(__name__)

NOTES_MAX_CHARS = 20_000  # of one call's notes
NOTES_AFTER_END = 100  # ended calls whose notes can still be written

STATUS_OF_OUTCOME = {
    CallOutcome.ANSWERED: InteractionStatus.ANSWERED,
    CallOutcome.MISSED: InteractionStatus.MISSED,
    CallOutcome.REJECTED: InteractionStatus.REJECTED,
    CallOutcome.BUSY: InteractionStatus.BUSY,
    CallOutcome.NO_ANSWER: InteractionStatus.NO_ANSWER,
    CallOutcome.FAILED: InteractionStatus.FAILED,
    # Sent on to a colleague's number: someone else takes it, no callback here.
    CallOutcome.FORWARDED: InteractionStatus.FORWARDED,
}

# The engine's last word on a transfer it completed without the far end's
# confirmation (no NOTIFY, one that didn't parse, Refer-Sub: false, a timeout):
# the REFER's own 202, which no NOTIFY about an INVITE can carry (sip/transfers.py).
TRANSFER_NOT_CONFIRMED = 202


class Dialer(Protocol):
    """The part of sip.engine.Engine the log needs to place a call."""

    def dial(self, account_id: str, target: str, call_id: str | None = None) -> str: ...


@dataclass(frozen=True)
class _Dialled:
    call_id: str
    interaction_id: int


def transfer_meta(code: int, reason: str) -> dict[str, Any]:
    """``meta["transfer"]`` for the engine's final word on a transfer."""
    if code == TRANSFER_NOT_CONFIRMED:
        status = "not_confirmed"
    elif 200 <= code < 300:
        status = "confirmed"
    else:
        status = "failed"
    return {"status": status, "code": code, "reason": reason[:200]}


def _call_of(record: Record) -> str:
    return str(record["call"])


class CallLog:
    def __init__(
        self,
        timeline: Timeline,
        callbacks: CallbackQueue | None = None,
        attach_recording: Callable[[int, Path], Any] | None = None,
        operator: str = "",
        spool: Spool | None = None,
        on_status: Callable[[WriterStatus], None] | None = None,
    ) -> None:
        """``spool``: where refused records are kept (``app.spool.in_profile``);
        None keeps them in memory only (tests of other things). ``on_status``
        runs on the log's writer thread at each change of what the spool holds,
        from the start (what a previous run left is written first)."""
        self.timeline = timeline
        self.callbacks = callbacks
        self.attach_recording = attach_recording
        self.operator = operator
        self.on_status = on_status
        self._on_refusal: Callable[[Exception | None], None] | None = None
        self._interactions: dict[str, int] = {}  # engine call id -> interaction id
        self._sip_call_ids: dict[str, str] = {}  # engine call id -> SIP Call-ID (inbound)
        self._transfers: dict[str, dict[str, Any]] = {}  # engine call id -> final word
        self._answered_at: dict[str, datetime] = {}
        # Calls that ended, (interaction id, SIP Call-ID) by engine call id: notes
        # are typed after the hang-up too (the wrap-up). The latest NOTES_AFTER_END.
        self._ended_calls: OrderedDict[str, tuple[int | None, str]] = OrderedDict()
        # Recordings stored for a call whose end is not written yet: its end may be
        # done again after a refusal, and the file must not be stored twice.
        self._attached: set[int] = set()
        # Held by dial() from asking the engine until the call id is mapped, and by
        # the writer per record: so even a call that fails at once is never handled
        # before the log knows which interaction it belongs to.
        self._lock = threading.Lock()
        self._writer = SpooledWriter(
            "call-log",
            spool or Spool(None),
            self._locked(self._apply),
            _call_of,
            on_status=self._status_changed,
        )

    @property
    def on_refusal(self) -> Callable[[Exception | None], None] | None:
        """For the UI, on the writer's thread: the database started refusing the
        log's writes for now (the error), or takes them again (None)."""
        return self._on_refusal

    @on_refusal.setter
    def on_refusal(self, hook: Callable[[Exception | None], None] | None) -> None:
        self._on_refusal = hook
        self._writer.on_refusal = (
            None if hook is None else (lambda refusal: hook(refusal.error if refusal else None))
        )

    @property
    def status(self) -> WriterStatus:
        """What the spool holds and why (any thread; a new value on each change)."""
        return self._writer.status

    @property
    def unwritten(self) -> int:
        """Events not in the database yet: kept in the spool, waiting or refused for good."""
        status = self._writer.status
        return status.waiting + status.parked

    # --- the engine side (any thread, never blocks) ----------------------------

    def __call__(self, event: EngineEvent) -> None:
        """The engine listener."""
        # The time it happened, not the time it is written: a write may wait behind
        # a busy database (and is done again after a refusal).
        at = utcnow()
        if isinstance(event, IncomingCall | CallStateChanged | CallEnded | TransferProgress):
            self._writer.put(self._locked(lambda: self._record_of(event, at)))
        elif isinstance(event, CommandFailed) and event.command == "Dial" and event.call_id:
            # The call never started (not registered, a bad number, engine down):
            # the row written before dialling must not stay "dialling" forever.
            failed_id, error = event.call_id, event.error
            self._writer.put(
                self._locked(
                    lambda: self._with_interaction(
                        {
                            "kind": "dial_failed",
                            "call": failed_id,
                            "at": at.isoformat(),
                            "error": error[:500],
                        }
                    )
                )
            )

    # --- the dialling side ------------------------------------------------------

    def dial(
        self,
        engine: Dialer,
        account_id: str,
        target: str,
        number: str = "",
        customer_id: int | None = None,
        meta: dict[str, Any] | None = None,
        call_id: str | None = None,
    ) -> str:
        """Records the outbound call, then dials; returns the engine's call id
        (``call_id`` when given: the window's, from the engine's ``new_call_id``).

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
                call_id = engine.dial(account_id, target, call_id)
            except Exception as exc:
                self.timeline.close(
                    recorded.id, InteractionStatus.FAILED, meta={"error": str(exc)[:500]}
                )
                raise
            self._interactions[call_id] = recorded.id
        return call_id

    def note(self, call_id: str, text: str) -> None:
        """The operator's notes on a call (the whole text, the latest wins), as
        the interaction's body; any thread, never blocks."""
        at = utcnow().isoformat()
        body = text[:NOTES_MAX_CHARS]
        self._writer.put(self._locked(lambda: self._notes_record(call_id, body, at)))

    def _notes_record(self, call_id: str, text: str, at: str) -> Record | None:
        record = self._with_interaction({"kind": "notes", "call": call_id, "at": at, "text": text})
        if record is not None:
            return record
        interaction_id, sip_call_id = self._ended_calls.get(call_id, (None, ""))
        if interaction_id is None and not sip_call_id:
            log.warning("call log: notes for a call it does not know (%s)", call_id)
            return None
        return {
            "kind": "notes",
            "call": call_id,
            "at": at,
            "text": text,
            "interaction": interaction_id,
            "sip_call_id": sip_call_id,
        }

    def interaction_of(self, call_id: str) -> int | None:
        return self._interactions.get(call_id)

    def flush(self, timeout: float = 10.0) -> bool:
        """Waits until every queued event is written, or refused for good and
        kept in the spool (tests)."""
        return self._writer.flush(timeout)

    def close(self) -> None:
        """What is queued is written, or kept in the spool for the next start."""
        self._writer.close()

    # --- the writer's side: events become records ---------------------------------

    def _locked(self, job: Callable[..., Any]) -> Callable[..., Any]:
        def locked(*args: Any) -> Any:
            with self._lock:
                return job(*args)

        return locked

    def _status_changed(self, status: WriterStatus) -> None:
        hook = self.on_status
        if hook is not None:
            hook(status)

    def _with_interaction(self, record: Record) -> Record | None:
        """The record with its interaction id, when the log knows it; None when
        neither that nor a Call-ID can name it (a call the log never saw start)."""
        call_id = record["call"]
        interaction_id = self._interactions.get(call_id)
        sip_call_id = record.get("sip_call_id") or self._sip_call_ids.get(call_id, "")
        if interaction_id is None and not sip_call_id:
            if record["kind"] == "ended":
                log.warning("call log: an ended call it never saw start (%s)", call_id)
            return None
        return {**record, "interaction": interaction_id, "sip_call_id": sip_call_id}

    def _record_of(
        self, event: IncomingCall | CallStateChanged | CallEnded | TransferProgress, at: datetime
    ) -> Record | None:
        stamp = at.isoformat()
        if isinstance(event, IncomingCall):
            if event.sip_call_id:
                self._sip_call_ids[event.call_id] = event.sip_call_id
            return {
                "kind": "incoming",
                "call": event.call_id,
                "at": stamp,
                "account": event.account_id,
                "remote_uri": event.remote_uri,
                "number": event.number,
                "display_name": event.display_name,
                "sip_call_id": event.sip_call_id,
            }
        if isinstance(event, CallStateChanged):
            if event.phase is not CallPhase.CONFIRMED:
                return None
            return self._with_interaction({"kind": "answered", "call": event.call_id, "at": stamp})
        if isinstance(event, TransferProgress):
            if event.final:
                self._transfers[event.call_id] = transfer_meta(event.code, event.reason)
            return None
        transfer = self._transfers.pop(event.call_id, None)
        ended = asdict(event)
        record = self._with_interaction(
            {
                "kind": "ended",
                "call": event.call_id,
                "at": stamp,
                "sip_call_id": event.sip_call_id,
                "ended": ended,
                "transfer": transfer if (event.transferred or transfer) else None,
            }
        )
        self._remember_end(event.call_id, None, self._sip_call_ids.pop(event.call_id, ""))
        return record

    def _remember_end(self, call_id: str, interaction_id: int | None, sip_call_id: str) -> None:
        known_id, known_sip = self._ended_calls.pop(call_id, (None, ""))
        self._ended_calls[call_id] = (interaction_id or known_id, sip_call_id or known_sip)
        while len(self._ended_calls) > NOTES_AFTER_END:
            self._ended_calls.popitem(last=False)

    # --- the writer's side: records become rows -----------------------------------

    def _apply(self, record: Record) -> None:
        kind = record["kind"]
        at = datetime.fromisoformat(record["at"])
        if kind == "incoming":
            self._incoming(record, at)
            return
        interaction_id = self._interaction(record)
        if interaction_id is None:
            log.warning(
                "call log: no interaction for a %s record of a call (%s)", kind, record["call"]
            )
            return
        if kind == "answered":
            self._answered(record["call"], interaction_id, at)
        elif kind == "ended":
            self._ended(record, interaction_id, at)
        elif kind == "dial_failed":
            self._dial_failed(record["call"], interaction_id, record["error"], at)
        elif kind == "notes":
            self.timeline.update(interaction_id, body=record["text"])
        else:
            log.error("call log: a record of an unknown kind %r", kind)

    def _interaction(self, record: Record) -> int | None:
        """The record's interaction: its id as recorded, the one this log mapped
        the call to meanwhile (an inbound call written since), or the row whose
        external id is the call's SIP Call-ID (a record from before a restart)."""
        call_id = record["call"]
        interaction_id = record.get("interaction") or self._interactions.get(call_id)
        if interaction_id is None and record.get("sip_call_id"):
            row = self.timeline.find_external(Channel.CALL, record["sip_call_id"])
            interaction_id = row.id if row is not None else None
        if interaction_id is not None:
            self._interactions[call_id] = interaction_id
        return interaction_id

    def _incoming(self, record: Record, at: datetime) -> None:
        recorded = self.timeline.record(
            InteractionDraft(
                channel=Channel.CALL,
                direction=Direction.INBOUND,
                status=InteractionStatus.RINGING,
                started_at=at,
                external_id=record["sip_call_id"] or None,
                contact_kind=ContactKind.PHONE,
                contact_value=record["number"],
                contact_name=record["display_name"],
                account=record["account"],
                meta={"remote_uri": record["remote_uri"], "display_name": record["display_name"]},
            )
        ).interaction
        assert recorded.id is not None
        self._interactions[record["call"]] = recorded.id

    def _answered(self, call_id: str, interaction_id: int, now: datetime) -> None:
        if call_id in self._answered_at:
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

    def _ended(self, record: Record, interaction_id: int, at: datetime) -> None:
        # Forgotten only once written: a refused write comes again (closing twice,
        # or setting the same duration again, changes nothing).
        call_id = record["call"]
        ended = record["ended"]
        outcome = CallOutcome(ended["outcome"])
        status = STATUS_OF_OUTCOME[outcome]
        meta: dict[str, Any] = {"sip_code": ended["code"], "sip_reason": ended["reason"]}
        if ended.get("quality") is not None:
            meta["quality"] = ended["quality"]
        if record.get("transfer") is not None:
            meta["transfer"] = record["transfer"]
        if ended.get("forwarded_to"):
            meta["forwarded_to"] = ended["forwarded_to"]
        changes: dict[str, Any] = {"meta": meta}
        current = self.timeline.get(interaction_id)
        if current.external_id is None and ended["sip_call_id"]:
            changes["external_id"] = ended["sip_call_id"]
        if outcome is CallOutcome.ANSWERED and current.answered_at is None:
            changes["answered_at"] = at
        row = self.timeline.close(interaction_id, status, ended_at=at, **changes)
        # The engine measured the talk time itself; it beats two event timestamps.
        if ended["connected_seconds"]:
            row = self.timeline.update(
                interaction_id, duration_s=round(ended["connected_seconds"], 3)
            )
        if (
            ended.get("recording")
            and self.attach_recording is not None
            and interaction_id not in self._attached
        ):
            self._attach(interaction_id, Path(ended["recording"]))
            self._attached.add(interaction_id)
        if self.callbacks is not None and row.contact_value:
            if outcome is CallOutcome.MISSED and ended["direction"] == "inbound":
                self.callbacks.register_missed_call(row.contact_value, interaction_id, at)
            elif outcome is CallOutcome.ANSWERED:
                self.callbacks.close_reached(row.contact_value, at)
        self._interactions.pop(call_id, None)
        self._remember_end(call_id, interaction_id, "")
        self._answered_at.pop(call_id, None)
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

    def _dial_failed(self, call_id: str, interaction_id: int, message: str, at: datetime) -> None:
        self.timeline.close(
            interaction_id, InteractionStatus.FAILED, ended_at=at, meta={"error": message}
        )
        self._interactions.pop(call_id, None)

"""The calls the operator has right now, as the GUI thread sees them.

Fed by the bridge's signals; read by the call panel, the screen-pop and the
tray. Several calls may exist (one ringing while another is on hold); exactly
one of them is "active" – the one the buttons and shortcuts act on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QObject, Signal

from app.contacts import format_phone
from sip.events import (
    CallDirection,
    CallEnded,
    CallMediaChanged,
    CallPhase,
    CallReplaced,
    CallStateChanged,
    CommandFailed,
    IncomingCall,
    MediaStatus,
    RecordingStarted,
)
from ui.common.bridge import EngineBridge


@lru_cache(maxsize=256)
def shown_number(number: str) -> str:
    """A caller's number as shown: "+380 50 123 4567" for E.164, else as given.
    Cached: the call panel and the popup format the same few numbers again at
    every refresh (about 11 phonenumbers parses per incoming call before)."""
    return format_phone(number) if number.startswith("+") else number


@dataclass
class CallItem:
    call_id: str
    direction: CallDirection
    number: str
    display_name: str = ""
    customer_name: str = ""
    phase: CallPhase = CallPhase.CALLING
    held: bool = False  # we put it on hold
    remote_held: bool = False  # the far end put us on hold
    muted: bool = False
    recording: bool = False
    recording_paused: bool = False
    conference: bool = False  # joined with the other call: both far ends hear each other
    connected_at: float | None = None  # time.monotonic() when it was answered

    @property
    def ringing_in(self) -> bool:
        return self.direction is CallDirection.INBOUND and self.phase in (
            CallPhase.INCOMING,
            CallPhase.EARLY,
        )

    @property
    def talking(self) -> bool:
        return self.phase is CallPhase.CONFIRMED

    @property
    def shown_number(self) -> str:
        return shown_number(self.number)

    def label(self) -> str:
        return self.customer_name or self.display_name or self.shown_number

    def elapsed(self, now: float | None = None) -> int:
        if self.connected_at is None:
            return 0
        return int((now if now is not None else time.monotonic()) - self.connected_at)


def format_duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class CallBook(QObject):
    changed = Signal()  # anything about any call
    callAdded = Signal(str)
    callRemoved = Signal(str)
    activeChanged = Signal(str)  # "" when no call is left

    def __init__(self, bridge: EngineBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls: dict[str, CallItem] = {}
        self._active = ""
        bridge.incomingCall.connect(self._on_incoming)
        bridge.callStateChanged.connect(self._on_state)
        bridge.callMediaChanged.connect(self._on_media)
        bridge.callEnded.connect(self._on_ended)
        bridge.callReplaced.connect(self._on_replaced)
        bridge.recordingStarted.connect(self._on_recording)
        bridge.commandFailed.connect(self._on_command_failed)

    # --- reading ---------------------------------------------------------------

    @property
    def active_id(self) -> str:
        return self._active

    @property
    def active(self) -> CallItem | None:
        return self._calls.get(self._active)

    def get(self, call_id: str) -> CallItem | None:
        return self._calls.get(call_id)

    def calls(self) -> list[CallItem]:
        return list(self._calls.values())

    def ringing(self) -> CallItem | None:
        """The oldest inbound call still ringing (the one "answer" picks)."""
        return next((c for c in self._calls.values() if c.ringing_in), None)

    # --- changing --------------------------------------------------------------

    def add_outgoing(self, call_id: str, number: str, customer_name: str = "") -> CallItem:
        """A call about to be dialled, by the id the engine will know it by
        (its ``new_call_id``): added before the dial is sent, so every event
        of the call finds it here."""
        item = CallItem(call_id, CallDirection.OUTBOUND, number, customer_name=customer_name)
        self._add(item)
        self.set_active(call_id)
        return item

    def drop(self, call_id: str) -> None:
        """A call that never reached the engine (its dial failed before)."""
        if call_id in self._calls:
            self._remove(call_id)

    def set_active(self, call_id: str) -> None:
        if call_id and call_id not in self._calls:
            return
        if call_id != self._active:
            self._active = call_id
            self.activeChanged.emit(call_id)
            self.changed.emit()

    def next_call_id(self) -> str:
        """The call after the active one, round the list (for "switch call")."""
        ids = list(self._calls)
        if not ids:
            return ""
        if self._active not in ids:
            return ids[0]
        return ids[(ids.index(self._active) + 1) % len(ids)]

    def set_customer_name(self, call_id: str, name: str) -> None:
        item = self._calls.get(call_id)
        if item is not None and name != item.customer_name:
            item.customer_name = name
            self.changed.emit()

    def mark(self, call_id: str, **flags: bool) -> None:
        """Optimistic flags (held, muted, recording) set when a command is sent;
        the engine's media event confirms or corrects them."""
        item = self._calls.get(call_id)
        if item is None:
            return
        for key, value in flags.items():
            setattr(item, key, value)
        self.changed.emit()

    # --- engine events ---------------------------------------------------------

    def _add(self, item: CallItem) -> None:
        self._calls[item.call_id] = item
        self.callAdded.emit(item.call_id)
        if not self._active:
            self.set_active(item.call_id)
        self.changed.emit()

    def _on_incoming(self, event: IncomingCall) -> None:
        if event.call_id in self._calls:
            return
        self._add(
            CallItem(
                event.call_id,
                CallDirection.INBOUND,
                event.number,
                display_name=event.display_name,
                phase=CallPhase.INCOMING,
            )
        )

    def _on_state(self, event: CallStateChanged) -> None:
        item = self._calls.get(event.call_id)
        if item is None:
            return
        item.phase = event.phase
        if event.phase is CallPhase.CONFIRMED and item.connected_at is None:
            item.connected_at = time.monotonic()
            self.set_active(event.call_id)
        self.changed.emit()

    def _on_media(self, event: CallMediaChanged) -> None:
        item = self._calls.get(event.call_id)
        if item is None:
            return
        item.held = event.status is MediaStatus.LOCAL_HOLD
        item.remote_held = event.status is MediaStatus.REMOTE_HOLD
        item.muted = event.muted
        self.changed.emit()

    def _on_recording(self, event: RecordingStarted) -> None:
        """Asked for here (already marked) or started by the engine for an
        account that records its calls: the Record button says so either way."""
        item = self._calls.get(event.call_id)
        if item is not None and not item.recording:
            item.recording = True
            self.changed.emit()

    def _on_ended(self, event: CallEnded) -> None:
        if event.call_id in self._calls:
            self._remove(event.call_id)

    def _on_command_failed(self, event: CommandFailed) -> None:
        # A dial the engine refused (not registered, a bad address): no call
        # started, so no CallEnded comes for it.
        if event.command == "Dial" and event.call_id in self._calls:
            self._remove(event.call_id)

    def _remove(self, call_id: str) -> None:
        del self._calls[call_id]
        self.callRemoved.emit(call_id)
        # A conference is two calls: when one ends, the other is a plain call again.
        if sum(c.conference for c in self._calls.values()) < 2:
            for item in self._calls.values():
                item.conference = False
        if self._active == call_id:
            self._active = ""
            self.set_active(next(iter(self._calls), ""))
            if not self._active:
                self.activeChanged.emit("")
        self.changed.emit()

    def _on_replaced(self, event: CallReplaced) -> None:
        item = self._calls.pop(event.old_call_id, None)
        if item is None:
            return
        item.call_id = event.new_call_id
        self._calls[event.new_call_id] = item
        if self._active == event.old_call_id:
            self._active = event.new_call_id
            self.activeChanged.emit(self._active)
        self.changed.emit()

"""The one crossing from the engine to the GUI: engine events become Qt signals.

The engine calls its listeners on the SIP thread. ``EngineBridge`` is such a
listener: it only emits a signal, which Qt queues to the GUI thread because the
bridge lives there. Nothing here touches a widget, opens a dialog or blocks.
Dispatch is by event type through one table, so an event type nobody mapped is
logged, never silently dropped by a misspelled name.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, SignalInstance

from sip.events import (
    CallEnded,
    CallMediaChanged,
    CallReplaced,
    CallStateChanged,
    CommandFailed,
    DtmfReceived,
    EngineEvent,
    EngineStarted,
    EngineStopped,
    IncomingCall,
    RecordingStarted,
    RegistrationChanged,
    ToneChanged,
    TransferProgress,
    TransportFailed,
)

log = logging.getLogger(__name__)


class EngineBridge(QObject):
    """Each signal carries the frozen event dataclass named in its comment."""

    engineStarted = Signal(object)  # EngineStarted
    engineStopped = Signal(object)  # EngineStopped
    registrationChanged = Signal(object)  # RegistrationChanged
    incomingCall = Signal(object)  # IncomingCall
    callStateChanged = Signal(object)  # CallStateChanged
    callMediaChanged = Signal(object)  # CallMediaChanged
    callEnded = Signal(object)  # CallEnded
    dtmfReceived = Signal(object)  # DtmfReceived
    transferProgress = Signal(object)  # TransferProgress
    callReplaced = Signal(object)  # CallReplaced
    commandFailed = Signal(object)  # CommandFailed
    toneChanged = Signal(object)  # ToneChanged
    transportFailed = Signal(object)  # TransportFailed
    recordingStarted = Signal(object)  # RecordingStarted
    # The database refuses the call log's writes (the DatabaseError; it keeps
    # trying), or takes them again (None).
    callLogRefused = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals: dict[type, SignalInstance] = {
            EngineStarted: self.engineStarted,
            EngineStopped: self.engineStopped,
            RegistrationChanged: self.registrationChanged,
            IncomingCall: self.incomingCall,
            CallStateChanged: self.callStateChanged,
            CallMediaChanged: self.callMediaChanged,
            CallEnded: self.callEnded,
            DtmfReceived: self.dtmfReceived,
            TransferProgress: self.transferProgress,
            CallReplaced: self.callReplaced,
            CommandFailed: self.commandFailed,
            ToneChanged: self.toneChanged,
            TransportFailed: self.transportFailed,
            RecordingStarted: self.recordingStarted,
        }

    def __call__(self, event: EngineEvent) -> None:
        """The engine listener: any thread, returns at once."""
        signal = self._signals.get(type(event))
        if signal is None:
            log.warning("bridge: no signal for engine event %s", type(event).__name__)
            return
        signal.emit(event)

    def call_log_refused(self, error: Exception | None) -> None:
        """The call log's ``on_refusal`` hook (called on its worker thread)."""
        self.callLogRefused.emit(error)

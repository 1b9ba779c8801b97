"""The engine: one thread that owns the pjsua2 Endpoint.

Why one thread: pjsua2 objects are not safe to use from several Python threads,
and an object that outlives ``libDestroy`` aborts the process. So the SIP thread
does everything: ``libCreate``/``libInit``/``libStart``, the ``libHandleEvents``
loop (``threadCnt = 0``, ``mainThreadOnly = True``: every SIP callback arrives
here, inside that loop), each command, and the shutdown sequence.

Other threads talk to it through ``Engine``'s public methods, which only put a
command on a queue and return at once (our own call id, or a Future). Events go
out to listeners as frozen dataclasses (sip/events.py), called on the SIP thread:
a listener must return quickly and must not call back into pjsua2 (it may call
the engine's public methods, which only enqueue).

Lifetimes: every SipAccount and SipCall is held in the engine's registries for
its whole life. A call is dropped on the loop iteration after it reached
DISCONNECTED (never inside the callback: pjsua reuses call ids, and deleting a
stale wrapper late can hang up the new call that got its id). Stop order: hang
up every call and wait for DISCONNECTED, drop calls, recorders and the audio
port, shut accounts down, ``gc.collect()``, ``libDestroy()``.

The engine keeps the thread, the queue, the call registry and that order; the
rest is in parts it owns, each given only what it needs, so each reads alone:
registration (sip/registration.py), the calls' sound (sip/media.py), transfers
(sip/transfers.py), forwarding and Do not disturb (sip/forwarding.py) and SIP
INFO digits (sip/info_dtmf.py). pjsua2 calls back into the engine (sip/account.py,
sip/call.py), which hands each callback to its part.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import itertools
import logging
import queue
import socket
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import pjsua2 as pj

from sip import info_dtmf
from sip.account import SipAccount, guarded
from sip.audio import AudioBackend, BridgePort, NullBackend
from sip.call import CallRecord, SipCall
from sip.commands import (
    AddAccount,
    Answer,
    AttendedTransfer,
    BlindTransfer,
    Command,
    Dial,
    Hangup,
    JoinCalls,
    PauseRecording,
    Reject,
    RemoveAccount,
    SendDtmf,
    SetCodecs,
    SetDoNotDisturb,
    SetForwarding,
    SetHold,
    SetMute,
    SetRingTone,
    StartRecording,
    Stop,
)
from sip.config import AccountConfig, EngineConfig, Transport
from sip.errors import (
    AccountNotFound,
    CallNotFound,
    EngineError,
    EngineNotRunning,
    describe_error,
)
from sip.events import (
    CallDirection,
    CallEnded,
    CallOutcome,
    CallPhase,
    CallStateChanged,
    CommandFailed,
    DtmfMethod,
    DtmfReceived,
    EngineEvent,
    EngineStarted,
    EngineStopped,
    ForwardMode,
    IncomingCall,
    MediaStatus,
    RegistrationStatus,
)
from sip.forwarding import Forwarding
from sip.media import CLOCK_IDLE_S, Media, wav_closed
from sip.registration import Registrations, backoff_delay, should_retry_registration
from sip.safety import detached, log_error_text
from sip.transfers import Transfers, sipfrag_status
from sip.uri import InvalidTarget, dial_uri, parse_remote

# Imported from here by the program and its tests; defined in the engine's parts.
__all__ = [
    "CLOCK_IDLE_S",
    "AccountNotFound",
    "CallNotFound",
    "Engine",
    "EngineError",
    "EngineNotRunning",
    "backoff_delay",
    "describe_error",
    "outcome_of",
    "should_retry_registration",
    "sipfrag_status",
    "wav_closed",
]

log = logging.getLogger(__name__)
pjsip_log = logging.getLogger("sip.pjsip")

Listener = Callable[[EngineEvent], None]

# pjsip's "Invalid URI" and "Invalid Request URI" (171039, 171042): the wheel
# does not export these constants.
_INVALID_URI = (171039, 171042)

_PHASES = {
    pj.PJSIP_INV_STATE_NULL: CallPhase.CALLING,
    pj.PJSIP_INV_STATE_CALLING: CallPhase.CALLING,
    pj.PJSIP_INV_STATE_INCOMING: CallPhase.INCOMING,
    pj.PJSIP_INV_STATE_EARLY: CallPhase.EARLY,
    pj.PJSIP_INV_STATE_CONNECTING: CallPhase.CONNECTING,
    pj.PJSIP_INV_STATE_CONFIRMED: CallPhase.CONFIRMED,
    pj.PJSIP_INV_STATE_DISCONNECTED: CallPhase.DISCONNECTED,
}
_DTMF_METHODS = {
    DtmfMethod.RFC2833: pj.PJSUA_DTMF_METHOD_RFC2833,
    DtmfMethod.SIP_INFO: pj.PJSUA_DTMF_METHOD_SIP_INFO,
}
_TRANSPORT_TYPES = {
    Transport.UDP: pj.PJSIP_TRANSPORT_UDP,
    Transport.TCP: pj.PJSIP_TRANSPORT_TCP,
    Transport.TLS: pj.PJSIP_TRANSPORT_TLS,
}
# pjlib log levels -> Python logging. pjsip's "level 1" is an error, 2 a warning.
_LOG_LEVELS = {0: logging.CRITICAL, 1: logging.ERROR, 2: logging.WARNING, 3: logging.INFO}


class _LogWriter(pj.LogWriter):
    """pjsip's log lines into Python logging (called from any pjsip thread)."""

    def write(self, entry: pj.LogEntry) -> None:
        try:
            level = _LOG_LEVELS.get(int(entry.level), logging.DEBUG)
            pjsip_log.log(level, "%s", str(entry.msg).rstrip())
        except Exception:  # nothing may escape into pjsip
            pass


class _Endpoint(pj.Endpoint):
    """The Endpoint, subclassed only to hear about transports (SIP thread)."""

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self._engine = engine

    @guarded
    def onTransportState(self, prm: pj.OnTransportStateParam) -> None:
        remote, verify_messages = "", []
        if str(prm.type).upper() == "TLS":
            info = prm.tlsInfo
            remote = str(info.remoteAddr)
            if int(info.verifyStatus) != 0:
                verify_messages = [str(m) for m in info.verifyMsgs]
        self._engine.on_transport_state(
            str(prm.type), int(prm.state), int(prm.lastError), remote, verify_messages
        )


def outcome_of(record: CallRecord) -> CallOutcome:
    code = record.last_code
    if record.connected_at is not None:
        return CallOutcome.ANSWERED
    if record.forwarded_to is not None:
        return CallOutcome.FORWARDED
    if record.direction is CallDirection.INBOUND:
        if record.rejected_by_us or record.hung_up_by_us:
            return CallOutcome.REJECTED
        return CallOutcome.MISSED
    if code in (486, 600):
        return CallOutcome.BUSY
    if code in (603, 403):
        return CallOutcome.REJECTED
    if code in (408, 480, 487):
        return CallOutcome.NO_ANSWER
    return CallOutcome.FAILED


class Engine:
    """The softphone engine. Create, ``start()``, add accounts, dial, ``stop()``.

    Only one Engine may run per process: pjsua is a process-wide library.
    """

    _process_lock = threading.Lock()

    def __init__(self, config: EngineConfig | None = None, audio: AudioBackend | None = None):
        self.config = config or EngineConfig()
        self.audio_backend: AudioBackend = audio or NullBackend()
        self._queue: queue.SimpleQueue[tuple[Command, Future[Any] | None]] = queue.SimpleQueue()
        # Call ids: 20 random hex digits per engine, then a counter (32 in all, like
        # a uuid4's hex). A fresh uuid4 per call read os.urandom on the dialling
        # thread, the slowest step of dial() when the process comes out of idle.
        self._call_id_prefix = uuid.uuid4().hex[:20]
        self._call_numbers = itertools.count(1)
        self._listeners: tuple[Listener, ...] = ()
        self._listeners_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._started: Future[dict[str, int]] = Future()
        self._accepting = False
        self._stopping = False
        self.sip_ports: dict[str, int] = {}
        self._waker: socket.socket | None = None
        # Owned by the SIP thread only:
        self._ep: pj.Endpoint | None = None
        self._log_writer: _LogWriter | None = None
        self._transport_ids: dict[Transport, int] = {}
        # Transports asked for but not created, with pjsip's reason (TLS only).
        self.transport_problems: dict[Transport, str] = {}
        self._accounts: dict[str, SipAccount] = {}
        self._calls: dict[str, SipCall] = {}
        self._registrations = Registrations(
            accounts=self._accounts,
            calls=self._calls,
            config=self.config,
            transport_ids=self._transport_ids,
            transport_problems=self.transport_problems,
            new_account=lambda config: SipAccount(config, self),
            endpoint=lambda: self._ep,
            emit=self._emit,
        )
        self._ended: list[str] = []
        self._finishing: list[tuple[SipCall, float]] = []  # ended, recording being closed
        self._media = Media(
            config=self.config,
            backend=self.audio_backend,
            calls=self._calls,
            endpoint=lambda: self._ep,
            emit=self._emit,
        )
        self._forwarding = Forwarding(
            calls=self._calls, checked_uri=self._checked_uri, update_tone=self._media.update_tone
        )
        self._transfers = Transfers(
            calls=self._calls,
            new_call_id=self.new_call_id,
            track_call=self._track_call,
            checked_uri=self._checked_uri,
            emit=self._emit,
        )

    # ----- public API: any thread -------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        with self._listeners_lock:
            self._listeners = (*self._listeners, listener)

    def remove_listener(self, listener: Listener) -> None:
        with self._listeners_lock:
            self._listeners = tuple(x for x in self._listeners if x is not listener)

    def start(self, timeout: float = 15.0) -> dict[str, int]:
        """Start the SIP thread; returns the bound SIP ports once the library is up."""
        if self._thread is not None:
            raise EngineError("an Engine object is started only once; create a new one")
        if not Engine._process_lock.acquire(blocking=False):
            raise EngineError("another Engine is running in this process (pjsua is a singleton)")
        self._thread = threading.Thread(target=self._run, name="sip-engine", daemon=True)
        self._thread.start()
        try:
            return self._started.result(timeout)
        except BaseException:
            self.stop(timeout)
            raise

    def stop(self, timeout: float = 15.0) -> None:
        """Hang up everything, destroy the library and join the SIP thread."""
        thread = self._thread
        if thread is None:
            return
        if thread.is_alive():
            self._queue.put((Stop(), Future()))
            thread.join(timeout)
            if thread.is_alive():
                raise EngineError(f"the SIP thread did not stop within {timeout} s")

    @property
    def running(self) -> bool:
        return self._accepting

    @property
    def bridge(self) -> BridgePort | None:
        """The port the calls' audio meets ours at, while the engine runs."""
        return self._media.bridge

    @property
    def media_clock_on(self) -> bool:
        return self._media.clock_on

    @property
    def ask_no_refer_sub(self) -> bool:
        """Blind transfers ask the far end not to report how they went (RFC 4488
        "Refer-Sub: false"); off by default, see Transfers."""
        return self._transfers.ask_no_refer_sub

    @ask_no_refer_sub.setter
    def ask_no_refer_sub(self, on: bool) -> None:
        self._transfers.ask_no_refer_sub = on

    def add_account(self, config: AccountConfig, password: str = "") -> Future[None]:
        return self._submit(AddAccount(config, password))

    def remove_account(self, account_id: str) -> Future[None]:
        return self._submit(RemoveAccount(account_id))

    def dial(self, account_id: str, target: str, call_id: str | None = None) -> str:
        """Start an outbound call; returns its call id at once. Failures (bad
        number, unknown account) arrive as CommandFailed with this call id.
        ``call_id``: one from ``new_call_id`` that the caller already knows the
        call by (the window, so that no event of the call comes before it)."""
        call_id = call_id or self.new_call_id()
        self._post(Dial(call_id, account_id, target), None)
        return call_id

    def new_call_id(self) -> str:
        """A call id for a call about to be dialled: unique in this engine and,
        by its random part, across runs; any thread (``next`` on an
        itertools.count is atomic)."""
        return f"{self._call_id_prefix}{next(self._call_numbers):012x}"

    def answer(self, call_id: str) -> Future[None]:
        return self._submit(Answer(call_id))

    def reject(self, call_id: str, code: int = 486) -> Future[None]:
        return self._submit(Reject(call_id, code))

    def hangup(self, call_id: str) -> Future[None]:
        return self._submit(Hangup(call_id))

    def hold(self, call_id: str) -> Future[None]:
        return self._submit(SetHold(call_id, True))

    def unhold(self, call_id: str) -> Future[None]:
        return self._submit(SetHold(call_id, False))

    def set_mute(self, call_id: str, mute: bool) -> Future[None]:
        return self._submit(SetMute(call_id, mute))

    def send_dtmf(
        self, call_id: str, digits: str, method: DtmfMethod | None = None
    ) -> Future[None]:
        """Sends ``digits`` on the call, by ``method`` or else the way the
        call's account is set to (AccountConfig.dtmf_method)."""
        return self._submit(SendDtmf(call_id, digits, method))

    def blind_transfer(self, call_id: str, target: str) -> Future[None]:
        return self._submit(BlindTransfer(call_id, target))

    def attended_transfer(self, call_id: str, to_call_id: str) -> Future[None]:
        return self._submit(AttendedTransfer(call_id, to_call_id))

    def join_calls(self, call_id: str, other_call_id: str) -> Future[None]:
        """Local 3-way conference: both far ends hear each other and us."""
        return self._submit(JoinCalls(call_id, other_call_id, True))

    def split_calls(self, call_id: str, other_call_id: str) -> Future[None]:
        return self._submit(JoinCalls(call_id, other_call_id, False))

    def start_recording(self, call_id: str, path: str) -> Future[None]:
        return self._submit(StartRecording(call_id, path))

    def pause_recording(self, call_id: str, paused: bool) -> Future[None]:
        """Pause (or resume) the call's recording; the paused part is left out of the file."""
        return self._submit(PauseRecording(call_id, paused))

    def set_ring_tone(self, enabled: bool) -> Future[None]:
        """Ring tone for inbound calls on or off, at once (a ringing call too)."""
        return self._submit(SetRingTone(enabled))

    def set_do_not_disturb(self, on: bool) -> Future[None]:
        """Incoming calls answered 486 Busy Here at once while on; each is still
        an IncomingCall (``handled="do_not_disturb"``) and ends as missed, so
        the call log records it and makes it a callback."""
        return self._submit(SetDoNotDisturb(on))

    def set_forwarding(
        self, mode: ForwardMode, target: str = "", after_s: float = 20.0
    ) -> Future[None]:
        """Incoming calls sent on to ``target`` (302 Moved Temporarily): always,
        while Do not disturb is on (instead of busy), or after ringing
        ``after_s`` unanswered. Each is still an IncomingCall and ends as
        forwarded (``CallEnded.forwarded_to``), so the call log records it."""
        return self._submit(SetForwarding(mode, target.strip(), after_s))

    def set_codecs(self, codecs: tuple[str, ...]) -> Future[None]:
        """The codecs used from the next call on, most wanted first; the
        others off (a call in progress keeps its codec)."""
        return self._submit(SetCodecs(tuple(codecs)))

    def _submit(self, command: Command) -> Future[Any]:
        future: Future[Any] = Future()
        self._post(command, future)
        return future

    def _post(self, command: Command, future: Future[Any] | None) -> None:
        """Queue ``command`` for the SIP thread. With no ``future`` (dial: its
        outcome is told by events only) the dialling thread makes one object less,
        which counts when a process comes out of idle (every first touch is slow)."""
        if not self._accepting:
            if future is not None:
                future.set_exception(EngineNotRunning("the engine is not running"))
            self._emit(
                CommandFailed(
                    type(command).__name__,
                    "the engine is not running",
                    call_id=getattr(command, "call_id", None),
                )
            )
            return
        self._queue.put((command, future))
        self._wake()

    def _wake(self) -> None:
        """Cut the SIP thread's wait in ``libHandleEvents`` short.

        pjsip waits on its own sockets only, so a command would otherwise sit in
        the queue for up to ``poll_ms``. A bare CRLF keep-alive datagram to our own
        UDP transport wakes it, and pjsip drops such packets without a word.
        """
        waker = self._waker
        if waker is None or threading.current_thread() is self._thread:
            return
        with contextlib.suppress(OSError):
            waker.send(b"\r\n\r\n")

    # ----- the SIP thread ---------------------------------------------------------

    def _run(self) -> None:
        try:
            self._boot()
        except BaseException as error:
            log_error_text(log, "SIP engine failed to start")
            self._started.set_exception(EngineError(describe_error(error)))
            self._teardown()
            Engine._process_lock.release()
            return
        self._accepting = True
        self._started.set_result(dict(self.sip_ports))
        self._emit(EngineStarted(dict(self.sip_ports)))
        try:
            assert self._ep is not None
            poll_ms = self.config.poll_ms
            if self._waker is not None:
                poll_ms = max(poll_ms, self.config.woken_poll_ms)
            while not self._stopping:
                self._drain_commands()
                if self._stopping:
                    break
                self._media.idle_clock(bool(self._calls or self._finishing))
                self._media.tick()
                self._ep.libHandleEvents(poll_ms)
                self._reap()
                self._registrations.retry_due()
                self._transfers.check()
                if self._forwarding.mode is ForwardMode.NO_ANSWER:
                    try:
                        self._forwarding.forward_unanswered()
                    except pj.Error as error:  # the call rings on; the next turn tries again
                        log.warning("forwarding an unanswered call: %s", str(error.reason))
        except BaseException:
            log_error_text(log, "SIP engine loop failed; shutting down")
        finally:
            self._accepting = False
            self._teardown()
            self._fail_pending()
            Engine._process_lock.release()
            self._emit(EngineStopped())

    def _boot(self) -> None:
        ep = _Endpoint(self)
        self._ep = ep
        ep.libCreate()
        epc = pj.EpConfig()
        epc.uaConfig.threadCnt = 0
        epc.uaConfig.mainThreadOnly = True
        epc.uaConfig.maxCalls = self.config.max_calls
        epc.uaConfig.userAgent = self.config.user_agent
        for server in self.config.stun_servers:
            epc.uaConfig.stunServer.append(server)
        # An unreachable STUN server must not stop the engine from starting.
        epc.uaConfig.stunIgnoreFailure = True
        self._log_writer = _LogWriter()
        epc.logConfig.writer = self._log_writer
        epc.logConfig.level = self.config.log_level
        epc.logConfig.consoleLevel = self.config.log_level
        epc.logConfig.decor = 0
        epc.medConfig.clockRate = self.config.clock_rate
        epc.medConfig.sndClockRate = self.config.clock_rate
        epc.medConfig.noVad = True
        ep.libInit(epc)
        self._set_codec_priorities(ep)
        for transport in self.config.transports:
            tcfg = pj.TransportConfig()
            tcfg.port = self.config.sip_port
            if self.config.bind_address:
                tcfg.boundAddress = self.config.bind_address
            if transport is Transport.TLS:
                tls = tcfg.tlsConfig
                tls.CaListFile = self.config.tls_ca_file
                tls.certFile = self.config.tls_cert_file
                tls.privKeyFile = self.config.tls_key_file
                tls.verifyServer = self.config.tls_verify_server
                # The wheel's OpenSSL 1.0.2 speaks TLS 1.2 at most.
                tls.method = pj.PJSIP_TLSV1_2_METHOD
            try:
                tid = ep.transportCreate(_TRANSPORT_TYPES[transport], tcfg)
            except pj.Error as exc:
                if transport is not Transport.TLS:
                    raise
                # A pjsua2 build without OpenSSL (the Windows wheel): the engine
                # runs without TLS, and a TLS account says why it can't register.
                self.transport_problems[transport] = describe_error(exc)
                log.warning("no SIP over TLS: %s", self.transport_problems[transport])
                continue
            self._transport_ids[transport] = tid
            local_name = str(ep.transportGetInfo(tid).localName)
            self.sip_ports[transport.value] = int(local_name.rsplit(":", 1)[1])
        ep.libStart()
        # No sound device in the wheel: the null device clocks the conference bridge
        # (on now for the ports added below, off when idle: Media.idle_clock).
        self._media.set_clock(True)
        self._media.open()
        if Transport.UDP in self._transport_ids:
            host = self.config.bind_address or "127.0.0.1"
            self._waker = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            self._waker.setblocking(False)
            # Connected once: each wake-up is then a plain send(), with no address
            # to parse and no route to look up on the dialling thread.
            self._waker.connect((host, self.sip_ports[Transport.UDP.value]))

    def _set_codec_priorities(self, ep: pj.Endpoint) -> None:
        """Only the configured codecs, in their order; every other one off
        (priority 0). pjsua2 doesn't expose the SDP negotiator's "prefer our
        order" switch, so an answer follows the caller's order among the codecs
        we allow: a caller offering Speex or GSM first still gets one of ours."""
        available = {str(codec.codecId) for codec in ep.codecEnum2()}
        wanted = {codec_id: 255 - rank for rank, codec_id in enumerate(self.config.codecs)}
        for codec_id in sorted(available):
            ep.codecSetPriority(codec_id, wanted.get(codec_id, 0))
        for codec_id in wanted.keys() - available:
            log.warning("codec %s is not in this pjsua2 build", codec_id)
        if not wanted.keys() & available:
            # A call with no codec at all fails on every peer: keep pjsua's own.
            log.error("none of the configured codecs is in this build: pjsua's defaults stay")
            for codec in ep.codecEnum2():
                ep.codecSetPriority(str(codec.codecId), int(codec.priority) or 128)

    def _drain_commands(self) -> None:
        while True:
            try:
                command, future = self._queue.get_nowait()
            except queue.Empty:
                return
            if isinstance(command, Stop):
                self._stopping = True
                if future is not None:
                    future.set_result(None)
                return
            if future is not None and not future.set_running_or_notify_cancel():
                continue
            try:
                result = self._execute(command)
                if future is not None:
                    future.set_result(result)
            except Exception as error:
                message = describe_error(error)
                log.warning("%s failed: %s", type(command).__name__, message)
                # Detached: a Future kept by another thread must not keep this
                # thread's frames (and the pjsua2 objects in them) alive.
                if future is not None:
                    future.set_exception(
                        EngineError(message) if isinstance(error, pj.Error) else detached(error)
                    )
                self._emit(
                    CommandFailed(
                        type(command).__name__,
                        message,
                        call_id=getattr(command, "call_id", None),
                        account_id=getattr(command, "account_id", None)
                        or getattr(getattr(command, "config", None), "account_id", None),
                    )
                )

    def _execute(self, command: Command) -> Any:
        match command:
            case AddAccount(config=config, password=password):
                return self._registrations.add(config, password)
            case RemoveAccount(account_id=account_id):
                return self._registrations.remove(account_id)
            case Dial():
                return self._dial(command)
            case Answer(call_id=call_id):
                call = self._live_call(call_id)
                if call.record.direction is not CallDirection.INBOUND:
                    raise EngineError("only an inbound call can be answered")
                prm = pj.CallOpParam(True)
                prm.statusCode = 200
                call.answer(prm)
                return None
            case Reject(call_id=call_id, code=code):
                call = self._live_call(call_id)
                if call.record.connected_at is not None:
                    raise EngineError("the call is already answered; hang up instead")
                call.record.rejected_by_us = True
                prm = pj.CallOpParam(True)
                prm.statusCode = code
                call.hangup(prm)
                return None
            case Hangup(call_id=call_id):
                call = self._live_call(call_id)
                call.record.hung_up_by_us = True
                call.hangup(pj.CallOpParam(True))
                return None
            case SetHold(call_id=call_id, hold=hold):
                call = self._live_call(call_id)
                prm = pj.CallOpParam(True)
                if hold:
                    call.setHold(prm)
                else:
                    prm.opt.flag = pj.PJSUA_CALL_UNHOLD
                    call.reinvite(prm)
                return None
            case SetMute(call_id=call_id, mute=mute):
                self._media.set_mute(self._live_call(call_id), mute)
                return None
            case SendDtmf(call_id=call_id, digits=digits, method=method):
                call = self._live_call(call_id)
                prm = pj.CallSendDtmfParam()
                prm.digits = digits
                if method is None:
                    account = self._accounts.get(call.record.account_id)
                    method = account.config.dtmf_method if account else DtmfMethod.RFC2833
                if method is DtmfMethod.SIP_INFO:
                    info_dtmf.queue_digits(call, digits)
                    return None
                prm.method = _DTMF_METHODS[method]
                call.sendDtmf(prm)
                return None
            case BlindTransfer(call_id=call_id, target=target):
                return self._transfers.blind(self._live_call(call_id), target)
            case AttendedTransfer(call_id=call_id, to_call_id=to_call_id):
                call = self._live_call(call_id)
                other = self._live_call(to_call_id)
                return self._transfers.attended(call, other)
            case StartRecording(call_id=call_id, path=path):
                return self._media.start_recording(self._live_call(call_id), path)
            case PauseRecording(call_id=call_id, paused=paused):
                return self._media.pause_recording(self._live_call(call_id), paused)
            case JoinCalls(call_id=call_id, other_call_id=other_id, join=join):
                return self._media.join(self._live_call(call_id), self._live_call(other_id), join)
            case SetRingTone(enabled=enabled):
                self._media.set_ring_tone(enabled)
                return None
            case SetDoNotDisturb(on=on):
                self._forwarding.do_not_disturb = on
                return None
            case SetForwarding():
                self._forwarding.configure(command)
                return None
            case SetCodecs(codecs=codecs):
                self.config = dataclasses.replace(self.config, codecs=codecs)
                assert self._ep is not None
                self._set_codec_priorities(self._ep)
                return None
        raise EngineError(f"unknown command {command!r}")

    # ----- accounts -------------------------------------------------------------

    def on_reg_state(
        self, account: SipAccount, code: int, reason: str, active: bool, expires: int
    ) -> None:
        self._registrations.on_reg_state(account, code, reason, active, expires)

    def on_transport_state(
        self, kind: str, state: int, last_error: int, remote: str, verify_messages: list[str]
    ) -> None:
        self._registrations.on_transport_state(kind, state, last_error, remote, verify_messages)

    # ----- calls ----------------------------------------------------------------

    def _checked_uri(self, target: str, domain: str | None) -> str:
        assert self._ep is not None
        uri = dial_uri(target, domain)
        if self._ep.utilVerifySipUri(uri) != 0:
            raise InvalidTarget(f"pjsip does not accept the URI {uri!r}")
        return uri

    def _dial(self, command: Dial) -> str:
        account = self._accounts.get(command.account_id)
        if account is None:
            raise AccountNotFound(f"no account {command.account_id!r}")
        if account.config.register:
            status = self._registrations.status(command.account_id)
            if status is not RegistrationStatus.REGISTERED:
                raise EngineError(f"account {command.account_id!r} is not registered ({status})")
        # No utilVerifySipUri here, unlike a transfer target: makeCall checks the
        # URI itself, and a dial is where every call into pjsua2 adds to the setup.
        uri = dial_uri(command.target, account.config.domain)
        record = CallRecord(command.call_id, account.account_id, CallDirection.OUTBOUND)
        record.remote_uri = uri
        record.display_name, record.number = parse_remote(uri)
        call = SipCall(account, record, self)
        self._calls[command.call_id] = call  # before makeCall: callbacks may fire inside it
        try:
            call.makeCall(uri, pj.CallOpParam(True))
        except pj.Error as error:
            del self._calls[command.call_id]
            if error.status in _INVALID_URI:
                raise InvalidTarget(f"pjsip does not accept the URI {uri!r}") from None
            raise
        except BaseException:
            del self._calls[command.call_id]
            raise
        return command.call_id

    def _track_call(self, account: SipAccount, record: CallRecord, pj_call_id: int) -> SipCall:
        """A wrapper for a call pjsua makes (a transfer's) or brings, in the
        registry before pjsua can call back about it."""
        call = SipCall(account, record, self, pj_call_id)
        self._calls[record.call_id] = call
        return call

    def _live_call(self, call_id: str) -> SipCall:
        call = self._calls.get(call_id)
        if call is None or call.record.ended_at is not None:
            raise CallNotFound(f"no active call {call_id!r}")
        return call

    def on_incoming_call(self, account: SipAccount, pj_call_id: int) -> None:
        record = CallRecord(
            self.new_call_id(), account.account_id, CallDirection.INBOUND, CallPhase.INCOMING
        )
        call = SipCall(account, record, self, pj_call_id)
        self._calls[record.call_id] = call
        info = call.getInfo()
        record.sip_call_id = str(info.callIdString)
        record.remote_uri = str(info.remoteUri)
        record.display_name, record.number = parse_remote(record.remote_uri)
        others = any(
            c is not call and c.record.ended_at is None for c in self._calls.values()
        )
        # Checked before anyone is told: a target that can't work leaves the
        # call to ring (or to be busy under Do not disturb), said in the log.
        forward_uri = self._forwarding.uri_now(account)
        if forward_uri is not None:
            handled = "forwarded"
        elif self._forwarding.do_not_disturb:
            handled = "do_not_disturb"
        elif account.config.auto_answer and not others:
            handled = "auto_answer"
        else:
            handled = ""
            record.forward_at = self._forwarding.unanswered_deadline()
        record.handled = handled
        self._emit(
            IncomingCall(
                record.call_id,
                account.account_id,
                record.remote_uri,
                record.number,
                record.display_name,
                record.sip_call_id,
                handled,
            )
        )
        if forward_uri is not None:
            if record.ended_at is None and call.isActive():
                self._forwarding.redirect(call, forward_uri)
            self._media.update_tone()
            return
        if handled and record.ended_at is None and call.isActive():
            # Not rejected_by_us: nobody turned it down, so it ends as missed.
            prm = pj.CallOpParam(True)
            prm.statusCode = 486 if handled == "do_not_disturb" else 200
            try:
                if handled == "do_not_disturb":
                    call.hangup(prm)
                else:
                    call.answer(prm)
            except pj.Error as error:
                log.warning("incoming call %s: %s", handled, describe_error(error))
            self._media.update_tone()
            return
        if record.ended_at is None and call.isActive():
            prm = pj.CallOpParam(True)
            prm.statusCode = 180
            try:
                call.answer(prm)
            except pj.Error as error:  # a listener may already have answered or rejected
                log.debug("180 not sent: %s", describe_error(error))
        self._media.update_tone()

    def on_call_state(self, call: SipCall) -> None:
        record = call.record
        info = call.getInfo()
        record.last_code = int(info.lastStatusCode)
        record.last_reason = str(info.lastReason)
        if not record.sip_call_id:
            record.sip_call_id = str(info.callIdString)
        phase = _PHASES.get(info.state, CallPhase.CALLING)
        record.phase = phase
        if phase is CallPhase.CONFIRMED and record.connected_at is None:
            record.connected_at = time.monotonic()
            # The 200's media may be the 183's (no new media update comes): the
            # recording the account wants starts at the answer either way.
            if call.audio is not None and record.media_status is MediaStatus.ACTIVE:
                self._media.auto_record(call)
        if phase is CallPhase.DISCONNECTED:
            if record.ended_at is not None:
                return
            record.ended_at = time.monotonic()
            self._ended.append(record.call_id)
            self._transfers.call_left(call)
        self._media.update_tone()
        self._emit(CallStateChanged(record.call_id, phase, record.last_code, record.last_reason))

    def on_call_media_state(self, call: SipCall) -> None:
        self._media.on_call_media_state(call)

    def on_dtmf(self, call: SipCall, digit: str, method: int) -> None:
        kind = (
            DtmfMethod.SIP_INFO if method == pj.PJSUA_DTMF_METHOD_SIP_INFO else DtmfMethod.RFC2833
        )
        self._emit(DtmfReceived(call.record.call_id, digit, kind))

    def on_info_answered(self, call: SipCall, state: int, code: int = 0) -> None:
        info_dtmf.on_answered(call, state, code)

    # ----- transfers --------------------------------------------------------------

    def on_call_tsx(
        self, call: SipCall, method: str, role: int, code: int, reason: str, message: str
    ) -> None:
        self._transfers.on_call_tsx(call, method, role, code, reason, message)

    def on_transfer_status(self, call: SipCall, code: int, reason: str, final: bool) -> None:
        self._transfers.on_transfer_status(call, code, reason, final)

    def on_transfer_request(self, call: SipCall, prm: pj.OnCallTransferRequestParam) -> None:
        self._transfers.on_transfer_request(call, prm)

    def on_call_replaced(self, call: SipCall, prm: pj.OnCallReplacedParam) -> None:
        self._transfers.on_call_replaced(call, prm)

    # ----- ended calls ------------------------------------------------------------

    def _reap(self) -> None:
        """Publish CallEnded and drop the wrappers of calls that disconnected."""
        while self._ended:
            call_id = self._ended.pop(0)
            call = self._calls.pop(call_id, None)
            if call is None:
                continue
            self._media.drop(call)
            if call.recorder is not None:
                # pjmedia (2.14+) removes conference ports asynchronously, on the
                # media clock: the WAV header is written a frame or two after the
                # recorder is dropped. CallEnded waits for it, so a listener can
                # open the recording at once.
                call.recorder = None
                self._finishing.append((call, time.monotonic() + 1.0))
                continue
            self._publish_end(call)
        still: list[tuple[SipCall, float]] = []
        for call, deadline in self._finishing:
            path = call.record.recording
            if path is None or wav_closed(path) or time.monotonic() > deadline:
                self._publish_end(call)
            else:
                still.append((call, deadline))
        self._finishing = still

    def _publish_end(self, call: SipCall) -> None:
        record = call.record
        assert record.ended_at is not None
        connected = record.ended_at - record.connected_at if record.connected_at else 0.0
        self._emit(
            CallEnded(
                call_id=record.call_id,
                account_id=record.account_id,
                direction=record.direction,
                outcome=outcome_of(record),
                code=record.last_code,
                reason=record.last_reason,
                sip_call_id=record.sip_call_id,
                remote_uri=record.remote_uri,
                number=record.number,
                display_name=record.display_name,
                connected_seconds=connected,
                total_seconds=record.ended_at - record.started_at,
                quality=record.quality,
                recording=record.recording,
                transferred=record.transferred,
                forwarded_to=record.forwarded_to,
            )
        )

    # ----- shutdown -------------------------------------------------------------

    def _teardown(self) -> None:
        ep = self._ep
        if ep is None:
            return
        # The port removals below are done on the clock's ticks.
        self._media.set_clock(True)
        try:
            self._hang_up_all(ep)
        except BaseException:
            log_error_text(log, "hanging up calls at shutdown failed")
        # Whatever is left (a call that never disconnected) is dropped anyway:
        # nothing may outlive libDestroy.
        for call_id in list(self._calls):  # no loop variable: see the accounts below
            self._calls[call_id].audio = None
            self._calls[call_id].recorder = None
        self._calls.clear()
        self._ended.clear()
        self._finishing.clear()
        self._media.close(self._pump)
        # No loop variable: it would keep the last account's wrapper alive past
        # libDestroy, and its destructor would then run on a destroyed pjsua.
        for account_id in list(self._accounts):
            try:
                self._accounts[account_id].shutdown()
            except BaseException:
                log_error_text(log, "account shutdown failed")
        self._accounts.clear()
        self._registrations.clear()
        gc.collect()
        try:
            ep.libDestroy()
        except BaseException:
            log_error_text(log, "libDestroy failed")
        self._ep = None
        del ep
        gc.collect()
        self._log_writer = None
        if self._waker is not None:
            self._waker.close()
            self._waker = None

    def _pump(self, seconds: float) -> None:
        """Keep pjsip running for a while (shutdown only)."""
        assert self._ep is not None
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._ep.libHandleEvents(10)

    def _hang_up_all(self, ep: pj.Endpoint) -> None:
        live = [c for c in self._calls.values() if c.record.ended_at is None]
        for call in live:
            call.record.hung_up_by_us = True
            try:
                call.hangup(pj.CallOpParam(True))
            except pj.Error as error:
                log.debug("hangup at shutdown: %s", describe_error(error))
        deadline = time.monotonic() + self.config.shutdown_grace_s
        while time.monotonic() < deadline and (
            any(c.record.ended_at is None for c in self._calls.values()) or self._finishing
        ):
            ep.libHandleEvents(self.config.poll_ms)
            self._reap()
        self._reap()

    def _fail_pending(self) -> None:
        while True:
            try:
                _, future = self._queue.get_nowait()
            except queue.Empty:
                return
            if future is not None and not future.done():
                future.set_exception(EngineNotRunning("the engine stopped"))

    def _emit(self, event: EngineEvent) -> None:
        for listener in self._listeners:
            try:
                listener(event)
            except Exception:
                log_error_text(log, "engine listener %r failed on %r", listener, event)

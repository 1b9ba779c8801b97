"""The pjsua2 Call subclass and what the engine remembers about each call.

pjsua2's ``getInfo()`` raises once a call is disconnected and pjsua reuses its
call ids, so everything the ended event needs (Call-ID, remote party, status,
durations, RTP figures) is captured here while the call is alive, under the
engine's own call id. Callbacks run on the SIP thread and never raise.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pjsua2 as pj

from sip.account import SipAccount, guarded
from sip.events import CallDirection, CallPhase, MediaStatus, StreamQuality

if TYPE_CHECKING:
    from sip.engine import Engine


@dataclass
class TransferWatch:
    """A blind transfer we asked for, from our REFER until its outcome is known.

    Some far ends never send the NOTIFY that tells it (RFC 3515), or send one
    pjsip can't parse (a malformed Subscription-State is dropped before any
    callback), so the engine also reads each NOTIFY's sipfrag itself, as the
    transaction brings it, and gives up waiting at ``deadline``."""

    accepted_at: float | None = None  # the far end answered the REFER 2xx
    deadline: float | None = None
    # The status in the last NOTIFY's message/sipfrag that could be read (0: none).
    notified_code: int = 0
    notified_reason: str = ""


# An outbound call follows a 3xx this many times, then ends: a forwarding loop
# between two phones must not go on for ever.
MAX_REDIRECTS = 5


@dataclass
class CallRecord:
    """Plain values about one call, kept by the engine for the call's whole life."""

    call_id: str
    account_id: str
    direction: CallDirection
    phase: CallPhase = CallPhase.CALLING  # the last state seen (the ringer reads it)
    started_at: float = field(default_factory=time.monotonic)
    connected_at: float | None = None
    ended_at: float | None = None
    sip_call_id: str = ""
    remote_uri: str = ""
    number: str = ""
    display_name: str = ""
    last_code: int = 0
    last_reason: str = ""
    rejected_by_us: bool = False
    # Answered by the engine before anyone was asked ("do_not_disturb",
    # "forwarded", "auto_answer"; IncomingCall.handled): it never rings.
    handled: str = ""
    # Sent on to this URI with a 302 (ForwardMode): it ends as forwarded.
    forwarded_to: str | None = None
    # ForwardMode.NO_ANSWER: when (time.monotonic()) a still ringing call is sent on.
    forward_at: float | None = None
    redirects: int = 0  # 3xx answers our call followed
    auto_record_tried: bool = False  # the account's automatic recording was started (or failed)
    # DTMF digits still to go as SIP INFO, one request at a time (the first is the
    # one sent and not answered yet): pjsua sends every digit at once, and a
    # proxy may pass two INFOs on out of order, which the far end must then
    # refuse (RFC 3261 12.2.2: a lower CSeq than the last is answered 500).
    info_digits: str = ""
    info_answered: int = 0  # INFOs answered whose transaction has not ended yet
    hung_up_by_us: bool = False
    transferred: bool = False  # a transfer we asked for succeeded and ended this leg
    transfer: TransferWatch | None = None  # a blind transfer waiting for its outcome
    media_status: MediaStatus = MediaStatus.NONE
    muted: bool = False
    quality: StreamQuality | None = None
    joined: set[str] = field(default_factory=set)  # calls in a local conference with this one
    recording: str | None = None
    # Paused: the recorder is kept but fed nothing, so the file simply leaves the
    # paused part out (a card number read out aloud never reaches the disk).
    recording_paused: bool = False


class SipCall(pj.Call):
    """One INVITE session. The engine holds it in its registry until a loop
    iteration after DISCONNECTED, then drops it (never from inside a callback)."""

    def __init__(
        self, account: SipAccount, record: CallRecord, engine: Engine, pj_call_id: int = -1
    ) -> None:
        super().__init__(account, pj_call_id)
        self.account = account
        self.record = record
        self._engine = engine
        self.audio: pj.AudioMedia | None = None  # the call's conference-bridge port, when active
        self.recorder: pj.AudioMediaRecorder | None = None

    @guarded
    def onCallState(self, prm: pj.OnCallStateParam) -> None:
        self._engine.on_call_state(self)

    @guarded
    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:
        self._engine.on_call_media_state(self)

    @guarded
    def onDtmfDigit(self, prm: pj.OnDtmfDigitParam) -> None:
        self._engine.on_dtmf(self, str(prm.digit), int(prm.method))

    @guarded
    def onCallTransferStatus(self, prm: pj.OnCallTransferStatusParam) -> None:
        self._engine.on_transfer_status(self, int(prm.statusCode), str(prm.reason), prm.finalNotify)
        prm.cont = True

    @guarded
    def onCallTsxState(self, prm: pj.OnCallTsxStateParam) -> None:
        # Every transaction of the call's dialog; a watched transfer reads them,
        # and SIP INFO digits wait for the one before them to be answered.
        record = self.record
        if record.transfer is None and not record.info_digits and not record.info_answered:
            return
        event = prm.e
        tsx = event.body.tsxState.tsx
        if str(tsx.method) == "INFO" and int(tsx.role) == pj.PJSIP_ROLE_UAC:
            self._engine.on_info_answered(self, int(tsx.state), int(tsx.statusCode))
            return
        message = ""
        if event.body.tsxState.type == pj.PJSIP_EVENT_RX_MSG:
            message = str(event.body.tsxState.src.rdata.wholeMsg)
        self._engine.on_call_tsx(
            self, str(tsx.method), int(tsx.role), int(tsx.statusCode), str(tsx.statusText), message
        )

    @guarded
    def onStreamDestroyed(self, prm: pj.OnStreamDestroyedParam) -> None:
        # The last moment the stream's RTP/RTCP statistics can be read; a call
        # on hold and resumed had streams before this one.
        quality = read_quality(self, int(prm.streamIdx))
        earlier = self.record.quality
        if quality is not None:
            self.record.quality = quality if earlier is None else earlier.combined(quality)

    def onCallRedirected(self, prm: pj.OnCallRedirectedParam) -> int:
        # Our call was answered 3xx (the far end or its PBX forwards it): follow
        # it, as a desk phone does, a few times at most (a forwarding loop). Not
        # @guarded: pjsua2 needs the answer; nothing here can raise.
        self.record.redirects += 1
        if self.record.redirects > MAX_REDIRECTS:
            return int(pj.PJSIP_REDIRECT_STOP)
        return int(pj.PJSIP_REDIRECT_ACCEPT_REPLACE)

    @guarded
    def onCallTransferRequest(self, prm: pj.OnCallTransferRequestParam) -> None:
        # The far end asks us to call someone else (REFER). Accepting means pjsua
        # creates the new call; the engine gives it a wrapper it tracks.
        self._engine.on_transfer_request(self, prm)

    @guarded
    def onCallReplaced(self, prm: pj.OnCallReplacedParam) -> None:
        self._engine.on_call_replaced(self, prm)


def read_quality(call: pj.Call, stream_index: int) -> StreamQuality | None:
    try:
        stat = call.getStreamStat(stream_index)
    except pj.Error:
        return None
    rtcp = stat.rtcp
    codec = ""
    with contextlib.suppress(pj.Error):
        codec = str(call.getStreamInfo(stream_index).codecName)
    return StreamQuality(
        rtt_ms=rtcp.rttUsec.mean / 1000 if rtcp.rttUsec.n else 0.0,
        rx_jitter_ms=rtcp.rxStat.jitterUsec.mean / 1000 if rtcp.rxStat.jitterUsec.n else 0.0,
        tx_jitter_ms=rtcp.txStat.jitterUsec.mean / 1000 if rtcp.txStat.jitterUsec.n else 0.0,
        rx_packets=int(rtcp.rxStat.pkt),
        rx_lost=int(rtcp.rxStat.loss),
        tx_packets=int(rtcp.txStat.pkt),
        tx_lost=int(rtcp.txStat.loss),
        codec=codec,
    )

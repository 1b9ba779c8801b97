"""What the engine tells the rest of the program: small frozen dataclasses.

Events are built on the SIP thread from values captured inside pjsua2 callbacks
(plain str/int/float, never pjsua2 objects), so a listener may keep them, pass
them to another thread or compare them without touching pjsua2 again.
Calls are named by the engine's own ids (32 hex digits), never by pjsua call ids,
which pjsua reuses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class RegistrationStatus(StrEnum):
    REGISTERING = "registering"
    REGISTERED = "registered"
    UNREGISTERED = "unregistered"
    FAILED = "failed"  # the registrar said no (401/403), or could not be reached (408/503)


class CallPhase(StrEnum):
    """The INVITE session's state, with pjsua's names made plain."""

    CALLING = "calling"  # our INVITE is out, nothing heard yet
    INCOMING = "incoming"  # the far end's INVITE is in, we have not answered
    EARLY = "early"  # 18x: ringing (or early media)
    CONNECTING = "connecting"  # 200 sent or received, waiting for ACK
    CONFIRMED = "confirmed"  # talking
    DISCONNECTED = "disconnected"


class CallDirection(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class CallOutcome(StrEnum):
    """How a call ended, from the operator's point of view."""

    ANSWERED = "answered"  # it reached CONFIRMED at some point
    MISSED = "missed"  # inbound, the caller gave up (or it timed out) before anyone answered
    REJECTED = "rejected"  # inbound, we declined it; outbound, the far end declined (603/403)
    BUSY = "busy"  # 486/600
    NO_ANSWER = "no_answer"  # outbound, we cancelled or it timed out (408/487) unanswered
    FAILED = "failed"  # anything else (404, 488, 5xx, transport errors)
    FORWARDED = "forwarded"  # inbound, sent on to another number (302) before anyone answered


class MediaStatus(StrEnum):
    NONE = "none"
    ACTIVE = "active"
    LOCAL_HOLD = "local_hold"  # we put the call on hold (we sent sendonly/inactive)
    REMOTE_HOLD = "remote_hold"  # the far end put us on hold (it sent sendonly/inactive)
    ERROR = "error"


class DtmfMethod(StrEnum):
    RFC2833 = "rfc2833"
    SIP_INFO = "sip_info"


class ForwardMode(StrEnum):
    """When incoming calls are sent on to another number (302 Moved
    Temporarily, the caller's phone or PBX then calls it), for a desk whose PBX
    does not forward."""

    OFF = "off"
    ALWAYS = "always"  # at once, nothing rings
    DO_NOT_DISTURB = "do_not_disturb"  # while Do not disturb is on, instead of busy
    NO_ANSWER = "no_answer"  # after ringing unanswered for a while


class AutoRecord(StrEnum):
    """Which of an account's calls the engine records by itself, from the moment
    their audio flows (the operator can still pause a part, as by hand)."""

    OFF = "off"
    ALL = "all"
    INBOUND = "inbound"


@dataclass(frozen=True)
class EngineStarted:
    """The Endpoint is up; transports are bound. Ports are the real ones chosen."""

    sip_ports: dict[str, int]


@dataclass(frozen=True)
class EngineStopped:
    pass


@dataclass(frozen=True)
class RegistrationChanged:
    account_id: str
    status: RegistrationStatus
    code: int  # SIP status of the last REGISTER transaction (0 when none yet)
    reason: str
    expires: int = 0
    retry_in_s: float | None = None  # when FAILED and the engine will try again by itself


@dataclass(frozen=True)
class IncomingCall:
    call_id: str
    account_id: str
    remote_uri: str  # the From header as received, display name included
    number: str  # the user part of the caller's URI ("1001", "+380441234567")
    display_name: str
    sip_call_id: str
    # How the engine took it, before anyone was asked: "" (it rings),
    # "do_not_disturb" (answered busy at once: it ends as missed, nothing rings),
    # "forwarded" (sent on to another number at once: nothing rings)
    # or "auto_answer" (answered at once: the account is set so).
    handled: str = ""


@dataclass(frozen=True)
class CallStateChanged:
    call_id: str
    phase: CallPhase
    code: int  # last SIP status seen on the INVITE (180, 200, 486...)
    reason: str


@dataclass(frozen=True)
class CallMediaChanged:
    call_id: str
    status: MediaStatus
    muted: bool


@dataclass(frozen=True)
class StreamQuality:
    """RTP figures of a call's audio, taken just before each of its streams is
    destroyed: a hold and resume (or any re-INVITE that changes the media) makes
    a new stream, so the figures of a call are those of all its streams together
    (``combined``)."""

    rtt_ms: float  # mean RTCP round trip time (0 when no RTCP round trip was measured)
    rx_jitter_ms: float  # mean jitter of what we received
    tx_jitter_ms: float  # mean jitter the far end reported for what we sent
    rx_packets: int
    rx_lost: int
    tx_packets: int
    tx_lost: int  # as reported by the far end's RTCP
    codec: str  # the codecs in the order the streams used them ("PCMA", "G722, PCMA")
    streams: int = 1

    def combined(self, later: StreamQuality) -> StreamQuality:
        """This call's figures with those of its next stream: packets and losses
        added, the means weighted by the packets each stream carried (a stream
        of 2 s on hold does not weigh like 10 minutes of talk), the round trip
        only over the streams that measured one."""

        def mean(a: float, wa: int, b: float, wb: int) -> float:
            return (a * wa + b * wb) / (wa + wb) if wa + wb else 0.0

        def rtt(a: float, wa: int, b: float, wb: int) -> float:  # 0: none measured
            return mean(a, wa if a else 0, b, wb if b else 0)

        codecs = [c for c in self.codec.split(", ") if c]
        if later.codec and later.codec not in codecs:
            codecs.append(later.codec)
        return StreamQuality(
            rtt_ms=rtt(self.rtt_ms, self.rx_packets, later.rtt_ms, later.rx_packets),
            rx_jitter_ms=mean(
                self.rx_jitter_ms, self.rx_packets, later.rx_jitter_ms, later.rx_packets
            ),
            tx_jitter_ms=mean(
                self.tx_jitter_ms, self.tx_packets, later.tx_jitter_ms, later.tx_packets
            ),
            rx_packets=self.rx_packets + later.rx_packets,
            rx_lost=self.rx_lost + later.rx_lost,
            tx_packets=self.tx_packets + later.tx_packets,
            tx_lost=self.tx_lost + later.tx_lost,
            codec=", ".join(codecs),
            streams=self.streams + later.streams,
        )


@dataclass(frozen=True)
class CallEnded:
    call_id: str
    account_id: str
    direction: CallDirection
    outcome: CallOutcome
    code: int  # final SIP status (200 for a call that was answered and hung up)
    reason: str
    sip_call_id: str
    remote_uri: str
    number: str
    display_name: str
    connected_seconds: float  # talk time; 0 when never answered
    total_seconds: float  # from the first INVITE to the end
    quality: StreamQuality | None = None
    recording: str | None = None  # path of the WAV file, when the call was recorded
    transferred: bool = False  # we handed the far end over to someone else (REFER succeeded)
    forwarded_to: str | None = None  # the URI the caller was sent on to (302), when forwarded


@dataclass(frozen=True)
class DtmfReceived:
    call_id: str
    digit: str
    method: DtmfMethod


@dataclass(frozen=True)
class TransferProgress:
    """NOTIFY progress of a transfer we asked the far end to make (REFER)."""

    call_id: str
    code: int
    reason: str
    final: bool  # True on the last NOTIFY: code 200 means the transfer worked


@dataclass(frozen=True)
class TransportFailed:
    """A TCP/TLS connection failed or dropped: for TLS, a certificate that did not
    verify (wrong name, unknown CA, expired) is reported here with the reason."""

    transport: str  # "TCP", "TLS"
    remote: str  # host:port when known
    reason: str


@dataclass(frozen=True)
class CallReplaced:
    """An attended transfer made the far end replace ``old_call_id`` with a new
    call (INVITE with Replaces); the new call carries on under ``new_call_id``."""

    old_call_id: str
    new_call_id: str


@dataclass(frozen=True)
class CommandFailed:
    """A command could not be carried out; the engine keeps running."""

    command: str  # the command's class name ("Dial", "Answer"...)
    error: str
    call_id: str | None = None
    account_id: str | None = None


@dataclass(frozen=True)
class ToneChanged:
    """The engine started, switched or stopped a local tone in the operator's ear:
    "ring", "call_waiting", "ringback", or "" for none (see sip/ringer.py)."""

    tone: str


@dataclass(frozen=True)
class RecordingStarted:
    """A call's recording is open: asked for (``StartRecording``) or, with
    ``automatic``, started by the engine as the call's account is set to."""

    call_id: str
    path: str
    automatic: bool = False


EngineEvent = (
    EngineStarted
    | EngineStopped
    | RegistrationChanged
    | IncomingCall
    | CallStateChanged
    | CallMediaChanged
    | CallEnded
    | DtmfReceived
    | TransferProgress
    | CallReplaced
    | TransportFailed
    | CommandFailed
    | ToneChanged
    | RecordingStarted
)

# How the engine and its parts hand an event to the engine's listeners (on the
# SIP thread; see Engine.add_listener).
Emit = Callable[[EngineEvent], None]

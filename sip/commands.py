"""What other threads ask the engine to do: frozen dataclasses put on its queue.

Each command travels with a ``concurrent.futures.Future`` that the SIP thread
completes (result or exception) after carrying it out; the same failure is also
published as a ``CommandFailed`` event, so a listener-only UI sees it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sip.config import AccountConfig
from sip.events import DtmfMethod, ForwardMode


@dataclass(frozen=True)
class AddAccount:
    config: AccountConfig
    # repr=False: commands may be logged; the password never is.
    password: str = field(default="", repr=False)


@dataclass(frozen=True)
class RemoveAccount:
    account_id: str


@dataclass(frozen=True)
class Dial:
    call_id: str  # chosen by the caller's thread so it can be returned at once
    account_id: str
    target: str  # number, tel: or sip: URI as typed


@dataclass(frozen=True)
class Answer:
    call_id: str


@dataclass(frozen=True)
class Reject:
    call_id: str
    code: int = 486  # 486 Busy Here, 603 Decline


@dataclass(frozen=True)
class Hangup:
    call_id: str


@dataclass(frozen=True)
class SetHold:
    call_id: str
    hold: bool


@dataclass(frozen=True)
class SetMute:
    call_id: str
    mute: bool


@dataclass(frozen=True)
class SendDtmf:
    call_id: str
    digits: str
    method: DtmfMethod | None = None  # None: the call's account's method


@dataclass(frozen=True)
class BlindTransfer:
    call_id: str
    target: str


@dataclass(frozen=True)
class AttendedTransfer:
    """Connect the far end of ``call_id`` to the far end of ``to_call_id``
    (REFER with Replaces); both are our calls."""

    call_id: str
    to_call_id: str


@dataclass(frozen=True)
class JoinCalls:
    """Local 3-way conference: the far ends of two of our calls hear each other
    (each already hears us through the bridge port). ``join=False`` splits them."""

    call_id: str
    other_call_id: str
    join: bool = True


@dataclass(frozen=True)
class StartRecording:
    call_id: str
    path: str


@dataclass(frozen=True)
class PauseRecording:
    call_id: str
    paused: bool


@dataclass(frozen=True)
class SetRingTone:
    enabled: bool


@dataclass(frozen=True)
class SetCodecs:
    codecs: tuple[str, ...]  # pjsua codec ids, most wanted first; the others off


@dataclass(frozen=True)
class SetDoNotDisturb:
    on: bool  # incoming calls answered 486 Busy Here at once, counted as missed


@dataclass(frozen=True)
class SetForwarding:
    mode: ForwardMode
    target: str = ""  # what to send callers on to, as for a dial ("2002", "+380...", a URI)
    after_s: float = 20.0  # ForwardMode.NO_ANSWER: how long a call rings first


@dataclass(frozen=True)
class Stop:
    pass


Command = (
    AddAccount
    | RemoveAccount
    | Dial
    | Answer
    | Reject
    | Hangup
    | SetHold
    | SetMute
    | SendDtmf
    | SetDoNotDisturb
    | SetForwarding
    | BlindTransfer
    | AttendedTransfer
    | JoinCalls
    | StartRecording
    | PauseRecording
    | SetRingTone
    | SetCodecs
    | Stop
)

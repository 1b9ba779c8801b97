"""Settings the engine and its accounts are built from: plain frozen dataclasses.

No pjsua2 here, so the UI and app code can build and store these without
loading the SIP stack. Passwords are not part of any config: they travel
separately (``Engine.add_account(config, password)``), read from the keyring
by the caller at registration time, and are never logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sip.events import AutoRecord, DtmfMethod


class Transport(StrEnum):
    UDP = "udp"
    TCP = "tcp"
    TLS = "tls"


class SrtpMode(StrEnum):
    OFF = "off"
    OPTIONAL = "optional"  # offer SRTP, accept plain RTP
    MANDATORY = "mandatory"  # RTP/SAVP only; a far end without SRTP gets 488


@dataclass(frozen=True)
class AccountConfig:
    account_id: str  # our own name for the account ("office", "demo")
    user: str  # the user part of our address of record
    domain: str  # registrar domain, host[:port]; numbers are dialled as sip:NUMBER@domain
    transport: Transport = Transport.UDP
    registrar: str | None = None  # default: sip:<domain>
    proxy: str | None = None  # outbound proxy URI; a TCP/TLS account gets one by default
    auth_user: str | None = None  # default: user
    realm: str = "*"
    display_name: str = ""
    register: bool = True  # False: a "local" account that only sends and takes direct calls
    reg_timeout_s: int = 300
    # After the registrar was unreachable (timeout, 5xx, transport error) the
    # engine registers again after retry_first_s, doubling up to retry_max_s, with
    # +-20 % jitter so a fleet of desktops does not come back in lockstep.
    # Wrong credentials (401/403/407) are not retried: they need the operator.
    # NAT traversal, off by default: ICE adds candidates (and STUN ones when the
    # engine has STUN servers) to the SDP; the far end must speak ICE too to gain.
    ice: bool = False
    retry_first_s: float = 2.0
    retry_max_s: float = 120.0
    srtp: SrtpMode = SrtpMode.OFF
    # How a digit the operator presses goes to the far end (a PBX's IVR may take
    # only one of them): RFC 2833 telephone-events in the audio, or SIP INFO.
    dtmf_method: DtmfMethod = DtmfMethod.RFC2833
    # Incoming calls answered at once (200) when no other call is on: for
    # operators on a headset, who would otherwise reach for the mouse each time.
    auto_answer: bool = False
    # Calls recorded by the engine from the moment their audio flows (needs
    # EngineConfig.recordings_dir): none, all, or only the incoming ones.
    auto_record: AutoRecord = AutoRecord.OFF
    # A short tone both sides hear when a recording starts or resumes, by hand or
    # by itself: the customer is told by the line, as many countries' rules want.
    recording_beep: bool = False


@dataclass(frozen=True)
class EngineConfig:
    # Address the SIP and RTP sockets bind to; "" means every interface.
    bind_address: str = ""
    # Port for each SIP transport; 0 lets the OS choose (two engines on one
    # machine then never clash). UDP and TCP may share one number.
    sip_port: int = 0
    transports: tuple[Transport, ...] = (Transport.UDP, Transport.TCP)
    # First RTP port; 0 lets the OS choose per call (pjsua's default 4000 clashes
    # between endpoints on one machine).
    rtp_port: int = 0
    rtp_port_range: int = 0
    user_agent: str = "Switchboard"
    # "host:port" STUN servers for public addresses (SIP and media); none by default.
    stun_servers: tuple[str, ...] = ()
    max_calls: int = 16
    # pjsip's own log verbosity routed to Python logging (0..6; 3 = warnings and up).
    log_level: int = 3
    clock_rate: int = 16000
    # Play the ring tone (or the call-waiting beep) into the bridge port while an
    # inbound call rings; Engine.set_ring_tone changes it at run time. Ring-back
    # for our own calls is always played: it is call progress, not an alert.
    ring_tone: bool = True
    # Where the calls the accounts record by themselves go (AccountConfig.auto_record),
    # as <time>-<call id>.wav; "" records none by itself.
    recordings_dir: str = ""
    # How long the stop sequence waits for hung-up calls to reach DISCONNECTED.
    shutdown_grace_s: float = 2.0
    # TLS transport (when Transport.TLS is in transports). The server's certificate
    # is verified by default, chain and name; ca_file is the trusted CA list (PEM).
    # cert_file/key_file are our own certificate, needed to accept TLS calls.
    tls_ca_file: str = ""
    tls_cert_file: str = ""
    tls_key_file: str = ""
    tls_verify_server: bool = True
    # The codecs used, most wanted first (pjsua ids, "name/rate/channels"); codecs
    # not named are off. pjsua would lead with Speex, which few PBXs take and which
    # costs about twice the CPU of G.722 per call. G.722 is wideband at the
    # bridge's own 16 kHz for a fraction of that, and every PBX speaks G.711
    # (PCMA, PCMU).
    codecs: tuple[str, ...] = ("G722/16000/1", "PCMA/8000/1", "PCMU/8000/1")
    # libHandleEvents timeout. Commands wake the loop at once (a CRLF datagram to
    # our UDP transport) and pjsip's timers end the wait early by themselves, so
    # this only bounds command latency when there is no UDP transport.
    poll_ms: int = 50
    # The same with a UDP transport to wake the loop: then the timeout only paces
    # the engine's own slow chores (registration retries, the idle media clock, a
    # recording's close), and each turn of the loop is Python work: at 50 ms the
    # SIP thread alone took ~0.4 % of a core, idle or in a call.
    woken_poll_ms: int = 250

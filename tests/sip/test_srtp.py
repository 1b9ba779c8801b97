"""SRTP settings per account: mandatory needs SRTP on both ends, optional falls back.

One engine, accounts calling each other over loopback; pjsua picks the called
account by the user part of the Request-URI.
"""

from __future__ import annotations

import pytest

from sip.config import AccountConfig, SrtpMode
from sip.events import (
    CallEnded,
    CallOutcome,
    CallPhase,
    CallStateChanged,
    CommandFailed,
    IncomingCall,
)
from tests.sip.conftest import EngineUnderTest


def add_local(under_test: EngineUnderTest, user: str, srtp: SrtpMode) -> str:
    domain = f"127.0.0.1:{under_test.ports['udp']}"
    config = AccountConfig(user, user, domain, register=False, srtp=srtp)
    under_test.engine.add_account(config).result(10)
    return user


@pytest.mark.parametrize(
    ("caller", "callee", "connects"),
    [
        (SrtpMode.MANDATORY, SrtpMode.MANDATORY, True),
        (SrtpMode.OPTIONAL, SrtpMode.OFF, True),
        (SrtpMode.OPTIONAL, SrtpMode.OPTIONAL, True),
        (SrtpMode.MANDATORY, SrtpMode.OFF, False),
        # pjsua's "optional" offers SDES crypto on RTP/AVP; a "mandatory" callee
        # accepts only RTP/SAVP offers, so this pair does not connect either.
        (SrtpMode.OPTIONAL, SrtpMode.MANDATORY, False),
    ],
)
def test_srtp_modes(
    sip_engine: EngineUnderTest, caller: SrtpMode, callee: SrtpMode, connects: bool
) -> None:
    add_local(sip_engine, "caller", caller)
    add_local(sip_engine, "callee", callee)
    call_id = sip_engine.engine.dial("caller", f"sip:callee@127.0.0.1:{sip_engine.ports['udp']}")
    if connects:
        incoming = sip_engine.events.wait_for(IncomingCall, account_id="callee")
        sip_engine.engine.answer(incoming.call_id).result(10)
        sip_engine.events.wait_for(CallStateChanged, call_id=call_id, phase=CallPhase.CONFIRMED)
        sip_engine.engine.hangup(call_id).result(10)
        assert sip_engine.events.wait_for(CallEnded, call_id=call_id).outcome is (
            CallOutcome.ANSWERED
        )
    else:
        # The two media offers cannot meet: 488 Not Acceptable Here.
        ended = sip_engine.events.wait_for(CallEnded, call_id=call_id)
        assert ended.code == 488
        assert ended.outcome is CallOutcome.FAILED


def test_ice_with_a_bound_address_is_refused_up_front(sip_engine: EngineUnderTest) -> None:
    # pjsua 2.15 cannot bind an ICE media transport to one address (PJ_EINVAL at
    # the first call); tests bind to 127.0.0.1 only, so ICE calls are not run here.
    domain = f"127.0.0.1:{sip_engine.ports['udp']}"
    config = AccountConfig("ice", "ice", domain, register=False, ice=True)
    with pytest.raises(Exception, match="ICE needs"):
        sip_engine.engine.add_account(config).result(10)
    failure = sip_engine.events.wait_for(CommandFailed, account_id="ice")
    assert failure.command == "AddAccount"

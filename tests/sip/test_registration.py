"""Registration against a real Kamailio: success, wrong password, several accounts."""

from __future__ import annotations

import pytest

from sip.config import AccountConfig, Transport
from sip.events import CommandFailed, RegistrationChanged, RegistrationStatus
from tests.servers.kamailio import KamailioServer
from tests.sip.conftest import EngineUnderTest


@pytest.mark.parametrize("transport", [Transport.UDP, Transport.TCP])
def test_registers_with_digest_auth(
    sip_engine: EngineUnderTest, kamailio: KamailioServer, transport: Transport
) -> None:
    account_id = sip_engine.register(kamailio, "alice", transport)
    state = sip_engine.wait_registered(account_id)
    assert state.status is RegistrationStatus.REGISTERED
    assert state.code == 200
    assert state.expires > 0
    # The first event said "registering" before the answer came.
    first = sip_engine.events.of(RegistrationChanged, account_id=account_id)[0]
    assert first.status is RegistrationStatus.REGISTERING


def test_wrong_password_is_a_failed_state_not_an_exception(
    sip_engine: EngineUnderTest, kamailio: KamailioServer
) -> None:
    account_id = sip_engine.register(kamailio, "bob", password="not-the-password")
    state = sip_engine.wait_registered(account_id)
    assert state.status is RegistrationStatus.FAILED
    assert state.code in (401, 403, 407)
    assert state.reason
    # The engine is still serving: a good account registers after the bad one.
    good = sip_engine.register(kamailio, "carol")
    assert sip_engine.wait_registered(good).status is RegistrationStatus.REGISTERED


def test_several_accounts_at_once(sip_engine: EngineUnderTest, kamailio: KamailioServer) -> None:
    ids = [
        sip_engine.register(kamailio, "alice", Transport.UDP),
        sip_engine.register(kamailio, "bob", Transport.TCP),
        sip_engine.register(kamailio, "carol", Transport.UDP),
    ]
    states = {account_id: sip_engine.wait_registered(account_id).status for account_id in ids}
    assert states == {account_id: RegistrationStatus.REGISTERED for account_id in ids}


def test_unreachable_registrar_over_tcp_fails_clearly(sip_engine: EngineUnderTest) -> None:
    from tests.servers.common import free_port

    dead = f"127.0.0.1:{free_port()}"  # nothing listens there
    config = AccountConfig("dead", "alice", dead, transport=Transport.TCP)
    sip_engine.engine.add_account(config, "x").result(10)
    state = sip_engine.wait_registered("dead")
    assert state.status is RegistrationStatus.FAILED
    assert state.code >= 500 or state.code == 408


def test_dial_on_an_unregistered_account_is_refused(
    sip_engine: EngineUnderTest, kamailio: KamailioServer
) -> None:
    account_id = sip_engine.register(kamailio, "bob", password="wrong")
    assert sip_engine.wait_registered(account_id).status is RegistrationStatus.FAILED
    call_id = sip_engine.engine.dial(account_id, "1001")
    failure = sip_engine.events.wait_for(CommandFailed, call_id=call_id)
    assert "not registered" in failure.error


def test_duplicate_and_unknown_accounts_are_errors(
    sip_engine: EngineUnderTest, kamailio: KamailioServer
) -> None:
    account_id = sip_engine.register(kamailio, "alice")
    again = AccountConfig(account_id, "alice", kamailio.domain)
    with pytest.raises(Exception, match="already exists"):
        sip_engine.engine.add_account(again, "alice-secret").result(10)
    with pytest.raises(Exception, match="no account"):
        sip_engine.engine.remove_account("nobody").result(10)
    sip_engine.engine.remove_account(account_id).result(10)
    failures = sip_engine.events.of(CommandFailed)
    assert [f.command for f in failures] == ["AddAccount", "RemoveAccount"]

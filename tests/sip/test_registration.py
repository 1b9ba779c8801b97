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


def test_registrar_restart_is_followed_by_registering_again(sip_engine: EngineUnderTest) -> None:
    from tests.servers.kamailio import kamailio_server
    from tests.sip.conftest import USERS

    events = sip_engine.events
    with kamailio_server(USERS) as first:
        port = first.port
        config = AccountConfig(
            "restart",
            "alice",
            first.domain,
            transport=Transport.TCP,
            retry_first_s=0.5,
            retry_max_s=2.0,
        )
        sip_engine.engine.add_account(config, USERS["alice"]).result(10)
        assert sip_engine.wait_registered("restart").status is RegistrationStatus.REGISTERED
        mark = events.mark()
    # The registrar is gone: the TCP connection drops, registering fails, and the
    # engine says when it will try again.
    failed = events.wait_for(
        RegistrationChanged, account_id="restart", status=RegistrationStatus.FAILED, after=mark
    )
    assert failed.retry_in_s is not None and failed.retry_in_s > 0
    # While it stays away, each retry fails and the next waits longer.
    retry_failed = events.wait_for(
        RegistrationChanged,
        account_id="restart",
        status=RegistrationStatus.FAILED,
        after=events.events.index(failed) + 1,
    )
    assert retry_failed.retry_in_s is not None
    assert retry_failed.retry_in_s >= 0.8 > 0.6 >= failed.retry_in_s  # 2x first, +-20 %
    mark = events.mark()  # nothing listens on the port from here until the restart
    with kamailio_server(USERS, port=port):
        back = events.wait_for(
            RegistrationChanged,
            account_id="restart",
            status=RegistrationStatus.REGISTERED,
            after=mark,
            timeout=20,
        )
        assert back.code == 200
    # Every retry while it was away kept to the configured cap.
    delays = [
        e.retry_in_s
        for e in events.of(RegistrationChanged, account_id="restart")
        if e.retry_in_s is not None
    ]
    assert delays and all(d <= 2.0 * 1.2 for d in delays)


def test_backoff_doubles_up_to_the_cap() -> None:
    from sip.engine import backoff_delay, should_retry_registration

    delays = [backoff_delay(1.0, 30.0, n) for n in range(8)]
    for n, delay in enumerate(delays):
        expected = min(30.0, 2.0**n)
        assert 0.8 * expected <= delay <= 1.2 * expected
    assert [should_retry_registration(c) for c in (0, 408, 503, 401, 403, 404)] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]

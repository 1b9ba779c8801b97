"""Fixtures for the SIP engine tests.

Servers are real and local: Kamailio (registrar + proxy) and baresip (the far-end
phone) from Debian's packages, on 127.0.0.1 free ports. One Kamailio serves the
whole session (starting it is ~0.3 s, but subscribers are fixed at start); each
test gets its own engine and its own baresip, so no call or registration state
leaks between tests. pjsua is one library per process, so there is one engine at
a time; tests that need two SIP endpoints use an engine plus baresip, or one
engine with two accounts calling itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sip.audio import ToneBackend
from sip.config import AccountConfig, EngineConfig, Transport
from sip.engine import Engine
from sip.events import RegistrationChanged, RegistrationStatus
from tests.servers.baresip import BaresipPhone, baresip_phone
from tests.servers.kamailio import KamailioServer, kamailio_server
from tests.sip.recorder import EventRecorder

USERS = {
    "alice": "alice-secret",
    "bob": "bob-secret",
    "carol": "carol-secret",
    "2001": "far-secret",
    "2002": "far2-secret",
    "2003": "peer-secret",
}


@pytest.fixture(scope="session")
def kamailio() -> Iterator[KamailioServer]:
    with kamailio_server(USERS) as server:
        yield server


class EngineUnderTest:
    """An engine started on loopback with a 440 Hz tone as its "microphone"."""

    def __init__(self, config: EngineConfig | None = None) -> None:
        self.audio = ToneBackend(440.0)
        self.engine = Engine(config or EngineConfig(bind_address="127.0.0.1"), audio=self.audio)
        self.events = EventRecorder()
        self.engine.add_listener(self.events)
        self.ports = self.engine.start()

    def register(
        self,
        kamailio: KamailioServer,
        user: str = "alice",
        transport: Transport = Transport.UDP,
        password: str | None = None,
        account_id: str | None = None,
        display_name: str = "",
        **options: Any,
    ) -> str:
        account_id = account_id or f"{user}-{transport.value}"
        config = AccountConfig(
            account_id,
            user,
            kamailio.domain,
            transport=transport,
            display_name=display_name,
            **options,
        )
        self.engine.add_account(config, USERS[user] if password is None else password).result(10)
        return account_id

    def wait_registered(self, account_id: str) -> RegistrationChanged:
        return self.events.wait_for(
            RegistrationChanged,
            account_id=account_id,
            where=lambda e: e.status in (RegistrationStatus.REGISTERED, RegistrationStatus.FAILED),
        )

    def local_account(self, account_id: str, user: str, **options: Any) -> str:
        """An account that does not register: for calls straight to an address
        (``options``: more of its AccountConfig)."""
        config = AccountConfig(
            account_id, user, f"127.0.0.1:{self.ports['udp']}", register=False, **options
        )
        self.engine.add_account(config).result(10)
        return account_id


@pytest.fixture
def sip_engine() -> Iterator[EngineUnderTest]:
    under_test = EngineUnderTest()
    try:
        yield under_test
    finally:
        under_test.engine.stop()


@pytest.fixture
def far_phone(kamailio: KamailioServer) -> Iterator[BaresipPhone]:
    """baresip registered at Kamailio as 2001, answering automatically, playing 1 kHz."""
    with baresip_phone(
        "2001", 1000.0, registrar=kamailio.domain, password=USERS["2001"], display_name="Far Phone"
    ) as phone:
        yield phone

"""Stored SIP accounts -> what the engine is started and configured with."""

from __future__ import annotations

from app.models import SipAccount
from sip.adapters.account_rows import account_config, engine_config, system_ca_file
from sip.config import EngineConfig, SrtpMode, Transport


def row(id: int, transport: str = "udp", **fields: object) -> SipAccount:
    return SipAccount(id=id, label=f"a{id}", username="1001", domain="pbx.shop.ua",
                      transport=transport, **fields)  # fmt: skip


def test_account_options_reach_the_account_config() -> None:
    config = account_config(row(7, "tcp", srtp="mandatory", ice=True, auth_username="u7"))
    assert (config.account_id, config.transport, config.srtp, config.ice, config.auth_user) == (
        "7",
        Transport.TCP,
        SrtpMode.MANDATORY,
        True,
        "u7",
    )


def test_no_tls_account_no_tls_listener() -> None:
    config = engine_config(EngineConfig(), [row(1), row(2, "tcp"), row(3, "tls", enabled=False)])
    assert config.transports == (Transport.UDP, Transport.TCP)
    assert config.tls_ca_file == "" and config.stun_servers == ()


def test_tls_account_gets_the_transport_the_system_cas_and_verification() -> None:
    config = engine_config(EngineConfig(), [row(1), row(2, "tls")])
    assert config.transports == (Transport.UDP, Transport.TCP, Transport.TLS)
    assert config.tls_verify_server is True
    assert config.tls_ca_file == system_ca_file() != ""  # Debian's ca-certificates


def test_verification_is_off_only_when_every_tls_account_turned_it_off() -> None:
    one_off = [row(1, "tls", verify_tls=False), row(2, "tls")]
    assert engine_config(EngineConfig(), one_off).tls_verify_server is True
    all_off = [row(1, "tls", verify_tls=False), row(2, "tls", verify_tls=False)]
    assert engine_config(EngineConfig(), all_off).tls_verify_server is False


def test_stun_servers_of_enabled_accounts_once_each() -> None:
    rows = [
        row(1, stun_server="stun.shop.ua:3478"),
        row(2, stun_server=" stun.shop.ua:3478 "),
        row(3, stun_server="stun.l.example:19302"),
        row(4, stun_server="stun.off.example", enabled=False),
    ]
    assert engine_config(EngineConfig(), rows).stun_servers == (
        "stun.shop.ua:3478",
        "stun.l.example:19302",
    )

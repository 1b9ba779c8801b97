"""Stored SIP account rows -> the engine's AccountConfig (with their passwords)
and the endpoint-wide part of EngineConfig they need (TLS, STUN)."""

from __future__ import annotations

import ssl
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from app.accounts import list_sip_accounts
from app.core import Core
from app.models import SipAccount
from app.secrets import SecretKind
from sip.config import AccountConfig, EngineConfig, SrtpMode, Transport
from sip.events import AutoRecord, DtmfMethod

# Where Debian/Ubuntu keep the system's trusted CAs, when Python's ssl names none.
DEBIAN_CA_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")
E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class EngineAccount:
    config: AccountConfig
    password: str
    label: str


def _choice(kind: type[E], value: str, default: E) -> E:
    """A stored choice as the engine's enum; one this version doesn't know (a
    newer app wrote it, a hand edit) is the default rather than an error."""
    return kind(value) if value in {member.value for member in kind} else default


def account_config(row: SipAccount) -> AccountConfig:
    assert row.id is not None
    return AccountConfig(
        account_id=str(row.id),
        user=row.username,
        domain=row.domain,
        transport=Transport(row.transport),
        registrar=row.registrar or None,
        proxy=row.proxy or None,
        auth_user=row.auth_username or None,
        display_name=row.display_name,
        srtp=_choice(SrtpMode, row.srtp, SrtpMode.OFF),
        ice=row.ice,
        dtmf_method=_choice(DtmfMethod, row.dtmf_method, DtmfMethod.RFC2833),
        auto_answer=row.auto_answer,
        auto_record=_choice(AutoRecord, row.auto_record, AutoRecord.OFF),
        recording_beep=row.recording_beep,
    )


def system_ca_file() -> str:
    """The system's CA bundle (PEM), which pjsip needs as a file to verify a
    PBX's certificate; "" when this machine has none."""
    paths = ssl.get_default_verify_paths()
    for candidate in (paths.cafile, paths.openssl_cafile, str(DEBIAN_CA_BUNDLE)):
        if candidate and Path(candidate).is_file():
            return candidate
    return ""


def engine_config(base: EngineConfig, rows: list[SipAccount]) -> EngineConfig:
    """What the endpoint needs for these accounts. TLS and STUN are per endpoint in
    pjsua2, so they are the union of the enabled accounts' wishes: a TLS
    transport only when an account uses TLS (no listening socket otherwise),
    the server's certificate checked unless every TLS account turned it off,
    and every account's STUN server."""
    enabled = [r for r in rows if r.enabled]
    tls_rows = [r for r in enabled if r.transport == Transport.TLS.value]
    transports: tuple[Transport, ...] = tuple(t for t in base.transports if t is not Transport.TLS)
    if tls_rows:
        transports += (Transport.TLS,)
    stun = tuple(dict.fromkeys(r.stun_server.strip() for r in enabled if r.stun_server.strip()))
    return replace(
        base,
        transports=transports,
        stun_servers=stun or base.stun_servers,
        tls_verify_server=any(r.verify_tls for r in tls_rows) if tls_rows else True,
        tls_ca_file=base.tls_ca_file or (system_ca_file() if tls_rows else ""),
    )


def engine_accounts(core: Core, rows: list[SipAccount] | None = None) -> list[EngineAccount]:
    """The enabled accounts (``rows`` if already read) with their passwords, to
    hand to the engine."""
    out = []
    for row in list_sip_accounts(core) if rows is None else rows:
        if not row.enabled or row.id is None:
            continue
        password = core.secrets.get(SecretKind.SIP, row.id) or ""
        out.append(EngineAccount(account_config(row), password, row.label))
    return out

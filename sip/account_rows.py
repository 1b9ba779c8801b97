"""Stored SIP account rows -> the engine's AccountConfig, with their passwords."""

from __future__ import annotations

from dataclasses import dataclass

from app.accounts import list_sip_accounts
from app.core import Core
from app.models import SipAccount
from app.secrets import SecretKind
from sip.config import AccountConfig, SrtpMode, Transport


@dataclass(frozen=True)
class EngineAccount:
    config: AccountConfig
    password: str
    label: str


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
        srtp=SrtpMode(row.srtp) if row.srtp in {m.value for m in SrtpMode} else SrtpMode.OFF,
    )


def engine_accounts(core: Core) -> list[EngineAccount]:
    """The enabled accounts with their passwords, to hand to the engine."""
    out = []
    for row in list_sip_accounts(core):
        if not row.enabled or row.id is None:
            continue
        password = core.secrets.get(SecretKind.SIP, row.id) or ""
        out.append(EngineAccount(account_config(row), password, row.label))
    return out

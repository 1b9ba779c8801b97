"""SIP account rows <-> the engine's AccountConfig, and saving them.

Qt-free, run on the task worker. The password goes to the keyring only
(core.secrets, key ``sip:<row id>``); the SipAccount row has no column for it.
(This belongs in app/ as an accounts service; it lives here until app/ has one.)
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from app.core import Core
from app.models import SipAccount
from app.secrets import SecretKind
from sip.config import AccountConfig, SrtpMode, Transport


class AccountError(ValueError):
    """An account that can't be saved; the message says why."""


@dataclass(frozen=True)
class EngineAccount:
    config: AccountConfig
    password: str
    label: str


def list_sip_accounts(core: Core) -> list[SipAccount]:
    with core.db.session() as s:
        return list(s.exec(select(SipAccount).order_by(col(SipAccount.id))))


def save_sip_account(core: Core, account: SipAccount, password: str | None) -> SipAccount:
    """Inserts or updates the row; a non-empty ``password`` replaces the stored one.

    The keyring is checked before the row is written, so a machine with no
    keyring gets a clear error and no account that could never register."""
    if not account.username.strip() or not account.domain.strip():
        raise AccountError("A SIP account needs a user name and a domain.")
    if account.transport not in {t.value for t in Transport}:
        raise AccountError(f"Unknown transport {account.transport!r}.")
    if password:
        core.secrets.check()
    with core.db.session() as s:
        if account.id is not None:
            row = s.get(SipAccount, account.id)
            if row is None:
                raise AccountError(f"SIP account #{account.id} no longer exists.")
            for field in (
                "label", "enabled", "username", "auth_username", "display_name", "domain",
                "registrar", "proxy", "transport", "srtp",
            ):  # fmt: skip
                setattr(row, field, getattr(account, field))
        else:
            row = SipAccount.model_validate(account.model_dump(exclude={"id", "created_at"}))
        row.label = row.label.strip() or f"{row.username}@{row.domain}"
        s.add(row)
        s.flush()
        s.refresh(row)
    assert row.id is not None
    if password:
        core.secrets.set(SecretKind.SIP, row.id, password)
    return row


def delete_sip_account(core: Core, account_id: int) -> None:
    with core.db.session() as s:
        row = s.get(SipAccount, account_id)
        if row is not None:
            s.delete(row)
    core.secrets.delete(SecretKind.SIP, account_id)


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

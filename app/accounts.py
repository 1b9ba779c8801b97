"""SIP account rows: list, save, delete. The password goes to the keyring only
(``sip:<row id>``); the SipAccount row has no column for it."""

from __future__ import annotations

from sqlmodel import col, select

from app.core import Core
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import SipAccount
from app.secrets import SecretKind

TRANSPORTS = ("udp", "tcp", "tls")
SRTP_MODES = ("off", "optional", "mandatory")
DTMF_METHODS = ("rfc2833", "sip_info")  # sip.events.DtmfMethod's values
AUTO_RECORD = ("off", "all", "inbound")  # sip.events.AutoRecord's values
_EDITABLE = (
    "label", "enabled", "username", "auth_username", "display_name", "domain", "registrar",
    "proxy", "transport", "srtp", "verify_tls", "stun_server", "ice", "dtmf_method",
    "auto_answer", "auto_record", "recording_beep",
)  # fmt: skip


class AccountError(OperatorError, ValueError):
    """An account that can't be saved; the message says why."""


def list_sip_accounts(core: Core) -> list[SipAccount]:
    with core.db.session() as s:
        return list(s.exec(select(SipAccount).order_by(col(SipAccount.id))))


def save_sip_account(core: Core, account: SipAccount, password: str | None) -> SipAccount:
    """Inserts or updates the row; a non-empty ``password`` replaces the stored one.

    The keyring is checked before the row is written, so a machine with no
    keyring gets a clear error and no account that could never register."""
    if not account.username.strip() or not account.domain.strip():
        raise AccountError(
            QT_TRANSLATE_NOOP("core", "A SIP account needs a user name and a domain.")
        )
    if account.transport not in TRANSPORTS:
        # The settings dialog offers only known ones: not for the catalogue.
        raise AccountError("Unknown transport {transport!r}.", transport=account.transport)
    if account.srtp not in SRTP_MODES:
        raise AccountError("Unknown SRTP mode {mode!r}.", mode=account.srtp)
    if account.dtmf_method not in DTMF_METHODS:
        raise AccountError("Unknown DTMF method {method!r}.", method=account.dtmf_method)
    if account.auto_record not in AUTO_RECORD:
        raise AccountError("Unknown recording choice {choice!r}.", choice=account.auto_record)
    if password:
        core.secrets.check()
    with core.db.session() as s:
        if account.id is not None:
            row = s.get(SipAccount, account.id)
            if row is None:
                raise AccountError(
                    QT_TRANSLATE_NOOP("core", "SIP account #{account_id} no longer exists."),
                    account_id=account.id,
                )
            for field in _EDITABLE:
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

"""Mailbox accounts: listed, saved and removed for Settings > Email.

A mailbox is a ``ChannelAccount(kind="email")`` whose config is
``MailboxSettings.to_config()``; its label is its address. The password goes
to the keyring only, ``mailbox:<row id>`` (and an SMTP password that differs,
``mailbox:<row id>:smtp``); the row never holds it. Everything is checked
before the row is written, so a bad value (or a keyring that refuses) costs
nothing, and a new mailbox whose password could not be stored is not kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from app.channel_accounts import delete_channel_account
from app.core import Core
from app.enums import Channel
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import ChannelAccount
from app.secrets import SecretKind
from integrations.email.settings import (
    BadMailboxSetting,
    MailboxSettings,
    Security,
    check_mailbox,
    default_port,
)

KIND = Channel.EMAIL.value
MAX_LABEL = 200  # ChannelAccount.label


class MailboxAccountError(OperatorError, ValueError):
    """A mailbox that can't be saved; the message says why."""


class NoPassword(OperatorError, ValueError):
    """A Test with no password typed and none stored."""


NO_PASSWORD = QT_TRANSLATE_NOOP("core", "Enter the mailbox's password first.")


def port_of(protocol: str, typed: str, security: Security) -> int:
    """A port as the settings page's field holds it: empty is the usual port
    for ``security``; anything but digits is BadMailboxSetting (the range is
    check_mailbox's)."""
    text = typed.strip()
    if not text:
        return default_port(protocol, security)
    if text.isascii() and text.isdigit() and len(text) <= 6:
        return int(text)
    raise BadMailboxSetting(
        QT_TRANSLATE_NOOP(
            "core", "The {protocol} port {value!r} is not a port number (1 to 65535)."
        ),
        protocol=protocol,
        value=text,
    )


def check_ca_file(path: str) -> str:
    """``path`` if it can be opened (what it holds is checked at the first
    connection), else BadMailboxSetting."""
    try:
        with open(path, "rb"):
            return path
    except OSError:
        raise BadMailboxSetting(
            QT_TRANSLATE_NOOP("core", "The CA certificate file {value!r} can't be read."),
            value=path,
        ) from None


@dataclass(frozen=True)
class MailboxAccount:
    settings: MailboxSettings | None  # None: the stored config can't be read (``problem``)
    enabled: bool = True
    id: int | None = None
    label: str = ""
    problem: BadMailboxSetting | None = None
    has_password: bool = False
    has_smtp_password: bool = False


def smtp_secret_id(account_id: int) -> str:
    return f"{account_id}:smtp"


def list_mailboxes(core: Core, *, secrets: bool = True) -> list[MailboxAccount]:
    """Every mailbox, in the order added; ``secrets``: whether each has its
    passwords stored (asks the keyring: the task worker, not the GUI thread)."""
    with core.db.session() as s:
        rows = list(
            s.exec(
                select(ChannelAccount)
                .where(ChannelAccount.kind == KIND)
                .order_by(col(ChannelAccount.id))
            )
        )
    found = []
    for row in rows:
        assert row.id is not None
        try:
            settings: MailboxSettings | None = MailboxSettings.from_config(row.config)
            problem = None
        except BadMailboxSetting as exc:
            settings, problem = None, exc
        found.append(
            MailboxAccount(
                settings,
                row.enabled,
                row.id,
                row.label,
                problem,
                has_password=secrets and bool(core.secrets.get(SecretKind.MAILBOX, row.id)),
                has_smtp_password=secrets
                and bool(core.secrets.get(SecretKind.MAILBOX, smtp_secret_id(row.id))),
            )
        )
    return found


def save_mailbox(
    core: Core,
    settings: MailboxSettings,
    *,
    enabled: bool = True,
    account_id: int | None = None,
    password: str | None = None,
    smtp_password: str | None = None,
) -> MailboxAccount:
    """Inserts or updates the mailbox; a non-empty password replaces the stored
    one (None or "" keeps it). A new mailbox needs its password."""
    checked = check_mailbox(settings)
    if account_id is None and not password:
        raise MailboxAccountError(
            QT_TRANSLATE_NOOP("core", "Enter the mailbox's password: it is kept in the keyring.")
        )
    if password or smtp_password:
        core.secrets.check()
    _refuse_same_address(core, checked.address, account_id)
    label = checked.address[:MAX_LABEL]
    with core.db.session() as s:
        if account_id is not None:
            row = s.get(ChannelAccount, account_id)
            if row is None or row.kind != KIND:
                raise MailboxAccountError(
                    QT_TRANSLATE_NOOP("core", "Mailbox #{account_id} no longer exists."),
                    account_id=account_id,
                )
        else:
            row = ChannelAccount(kind=KIND, label=label)
        row.label, row.enabled, row.config = label, enabled, checked.to_config()
        s.add(row)
        s.flush()
        s.refresh(row)
    assert row.id is not None
    try:
        if password:
            core.secrets.set(SecretKind.MAILBOX, row.id, password)
        if smtp_password:
            core.secrets.set(SecretKind.MAILBOX, smtp_secret_id(row.id), smtp_password)
    except Exception:
        if account_id is None:  # a mailbox that could never log in is not kept
            delete_channel_account(core, row.id)
        raise
    return MailboxAccount(
        checked,
        enabled,
        row.id,
        label,
        has_password=bool(password) or bool(core.secrets.get(SecretKind.MAILBOX, row.id)),
        has_smtp_password=bool(smtp_password)
        or bool(core.secrets.get(SecretKind.MAILBOX, smtp_secret_id(row.id))),
    )


def forget_smtp_password(core: Core, account_id: int) -> None:
    """SMTP logs in with the mailbox's own password again."""
    core.secrets.delete(SecretKind.MAILBOX, smtp_secret_id(account_id))


def delete_mailbox(core: Core, account_id: int) -> None:
    """The mailbox with its conversations (the messages stay on the customers'
    timelines) and its passwords."""
    delete_channel_account(core, account_id)
    core.secrets.delete(SecretKind.MAILBOX, account_id)
    core.secrets.delete(SecretKind.MAILBOX, smtp_secret_id(account_id))


def passwords(core: Core, account_id: int) -> tuple[str | None, str | None]:
    """The stored (IMAP/login, SMTP) passwords; the SMTP one None when it is
    the same."""
    return (
        core.secrets.get(SecretKind.MAILBOX, account_id),
        core.secrets.get(SecretKind.MAILBOX, smtp_secret_id(account_id)),
    )


def _refuse_same_address(core: Core, address: str, account_id: int | None) -> None:
    for other in list_mailboxes(core, secrets=False):
        if other.id == account_id or other.settings is None:
            continue
        if other.settings.address.casefold() == address.casefold():
            raise MailboxAccountError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The mailbox {address} is saved already: each mailbox is read by one account.",
                ),
                address=address,
            )

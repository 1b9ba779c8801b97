"""A mailbox's settings: what ChannelAccount(kind="email").config holds, checked.

The password (and an optional SMTP password) is never here: it lives in the
keyring under ``mailbox:<account id>`` (and ``mailbox:<account id>:smtp``).
``from_config`` reads a stored config defensively: a value of the wrong type or
out of range is a ``BadMailboxSetting`` naming the field, so a hand-edited or
older row fails with words, not a traceback in the worker. Plain-text IMAP or
SMTP is not a choice: only implicit TLS or STARTTLS, certificates verified.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from app.messages import QT_TRANSLATE_NOOP, OperatorError

DEFAULT_IMAP_PORTS = {"tls": 993, "starttls": 143}
DEFAULT_SMTP_PORTS = {"tls": 465, "starttls": 587}
MAX_FIRST_SYNC_DAYS = 3650
MAX_ATTACHMENT_MB = 200
MAX_FOLDERS = 50
MAX_TEXT_FIELD = 1000  # an address, a host, a user name, a folder
MAX_SIGNATURE = 10_000
# Enough to refuse a typo (no @, spaces), not a full RFC 5322 grammar: the SMTP
# server is the judge of an address it is asked to send from.
_ADDRESS = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
_HOST = re.compile(r"^[A-Za-z0-9._:\[\]-]+$")
_DOMAIN = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


class BadMailboxSetting(OperatorError, ValueError):
    """A mailbox setting that can't work; the message names the field and why."""


class Security(enum.StrEnum):
    TLS = "tls"  # implicit TLS (IMAPS 993, SMTPS 465)
    STARTTLS = "starttls"  # upgraded before login (143, 587); refused if the server can't


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    security: Security

    def to_config(self) -> dict[str, Any]:
        return {"host": self.host, "port": self.port, "security": self.security.value}


@dataclass(frozen=True)
class MailboxSettings:
    address: str  # the shop's address, From of what we send
    display_name: str  # "Shop Ltd" in From
    imap: Endpoint
    smtp: Endpoint
    user: str  # login for both, unless smtp_user is set
    smtp_user: str = ""
    folders: tuple[str, ...] = ("INBOX",)
    sent_folder: str = ""  # "" = the folder with the \Sent special-use flag (RFC 6154)
    first_sync_days: int = 30
    mark_seen: bool = False  # read with BODY.PEEK[] unless True
    signature: str = ""
    message_id_domain: str = ""  # "" = the address's domain
    max_attachment_mb: int = 25
    ca_file: str = ""  # an extra CA to trust (a shop's own, the tests' throw-away one)

    @property
    def login_for_smtp(self) -> str:
        return self.smtp_user or self.user

    @property
    def max_attachment_bytes(self) -> int:
        return self.max_attachment_mb * 1024 * 1024

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> MailboxSettings:
        """The settings a stored config describes, or BadMailboxSetting."""
        if not isinstance(config, Mapping):
            raise BadMailboxSetting(
                QT_TRANSLATE_NOOP("core", "The mailbox's settings are not a set of fields.")
            )
        settings = cls(
            address=_text(config, "address", required=True),
            display_name=_text(config, "display_name"),
            imap=_endpoint(config, "imap", DEFAULT_IMAP_PORTS),
            smtp=_endpoint(config, "smtp", DEFAULT_SMTP_PORTS),
            user=_text(config, "user", required=True),
            smtp_user=_text(config, "smtp_user"),
            folders=_folders(config),
            sent_folder=_text(config, "sent_folder"),
            first_sync_days=_integer(config, "first_sync_days", 30, 0, MAX_FIRST_SYNC_DAYS),
            mark_seen=_flag(config, "mark_seen", False),
            signature=_text(config, "signature", limit=MAX_SIGNATURE, one_line=False),
            message_id_domain=_text(config, "message_id_domain"),
            max_attachment_mb=_integer(config, "max_attachment_mb", 25, 1, MAX_ATTACHMENT_MB),
            ca_file=_text(config, "ca_file"),
        )
        return check_mailbox(settings)

    def to_config(self) -> dict[str, Any]:
        return {
            "address": self.address,
            "display_name": self.display_name,
            "imap": self.imap.to_config(),
            "smtp": self.smtp.to_config(),
            "user": self.user,
            "smtp_user": self.smtp_user,
            "folders": list(self.folders),
            "sent_folder": self.sent_folder,
            "first_sync_days": self.first_sync_days,
            "mark_seen": self.mark_seen,
            "signature": self.signature,
            "message_id_domain": self.message_id_domain,
            "max_attachment_mb": self.max_attachment_mb,
            "ca_file": self.ca_file,
        }


def check_mailbox(settings: MailboxSettings) -> MailboxSettings:
    """The settings with their text trimmed, or BadMailboxSetting: what the
    settings page calls before saving, and from_config after reading."""
    address = settings.address.strip()
    if not _ADDRESS.match(address):
        raise BadMailboxSetting(
            QT_TRANSLATE_NOOP("core", "{value!r} is not an email address."), value=address
        )
    domain = settings.message_id_domain.strip().lower()
    if domain and not _DOMAIN.match(domain):
        raise BadMailboxSetting(
            QT_TRANSLATE_NOOP(
                "core", "The Message-ID domain {value!r} is not a domain name (such as shop.com)."
            ),
            value=domain,
        )
    folders = tuple(f.strip() for f in settings.folders if f.strip())
    if not folders:
        raise BadMailboxSetting(QT_TRANSLATE_NOOP("core", "Choose at least one folder to read."))
    if not settings.user.strip():
        raise BadMailboxSetting(
            QT_TRANSLATE_NOOP("core", "The mailbox's user name (login) is empty.")
        )
    return replace(
        settings,
        address=address,
        display_name=settings.display_name.strip(),
        imap=_checked_endpoint(settings.imap, "IMAP"),
        smtp=_checked_endpoint(settings.smtp, "SMTP"),
        user=settings.user.strip(),
        smtp_user=settings.smtp_user.strip(),
        folders=tuple(dict.fromkeys(folders)),
        sent_folder=settings.sent_folder.strip(),
        message_id_domain=domain,
        ca_file=settings.ca_file.strip(),
    )


def _checked_endpoint(endpoint: Endpoint, protocol: str) -> Endpoint:
    host = endpoint.host.strip()
    if not host or not _HOST.match(host):
        raise BadMailboxSetting(
            QT_TRANSLATE_NOOP("core", "The {protocol} server {value!r} is not a host name."),
            protocol=protocol,
            value=host,
        )
    if not 0 < endpoint.port < 65536:
        raise BadMailboxSetting(
            QT_TRANSLATE_NOOP(
                "core", "The {protocol} port {value} is not a port number (1 to 65535)."
            ),
            protocol=protocol,
            value=endpoint.port,
        )
    return Endpoint(host, endpoint.port, Security(endpoint.security))


def _bad_field(field: str) -> BadMailboxSetting:
    return BadMailboxSetting(
        QT_TRANSLATE_NOOP("core", "The mailbox setting {field!r} has a value that can't be used."),
        field=field,
    )


def _text(
    config: Mapping[str, Any],
    key: str,
    *,
    required: bool = False,
    limit: int = MAX_TEXT_FIELD,
    one_line: bool = True,
) -> str:
    value = config.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str) or len(value) > limit:
        raise _bad_field(key)
    if one_line and any(ch in value for ch in "\r\n\0"):
        raise _bad_field(key)
    if required and not value.strip():
        raise BadMailboxSetting(
            QT_TRANSLATE_NOOP("core", "The mailbox setting {field!r} is missing."), field=key
        )
    return value


def _integer(config: Mapping[str, Any], key: str, default: int, low: int, high: int) -> int:
    value = config.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _bad_field(key)
    return value


def _flag(config: Mapping[str, Any], key: str, default: bool) -> bool:
    value = config.get(key, default)
    if not isinstance(value, bool):
        raise _bad_field(key)
    return value


def _folders(config: Mapping[str, Any]) -> tuple[str, ...]:
    value = config.get("folders", ["INBOX"])
    if not isinstance(value, list | tuple) or len(value) > MAX_FOLDERS:
        raise _bad_field("folders")
    if not all(isinstance(f, str) and f and len(f) <= MAX_TEXT_FIELD for f in value):
        raise _bad_field("folders")
    if any(ch in f for f in value for ch in "\r\n\0"):
        raise _bad_field("folders")
    return tuple(value)


def _endpoint(config: Mapping[str, Any], key: str, default_ports: Mapping[str, int]) -> Endpoint:
    value = config.get(key)
    if not isinstance(value, Mapping):
        raise BadMailboxSetting(
            QT_TRANSLATE_NOOP("core", "The mailbox setting {field!r} is missing."), field=key
        )
    security_name = value.get("security", Security.TLS.value)
    try:
        security = Security(security_name)
    except ValueError:
        raise BadMailboxSetting(
            QT_TRANSLATE_NOOP(
                "core",
                "{field!r}: {value!r} is not a secure connection; choose TLS or STARTTLS"
                " (mail without encryption is not offered).",
            ),
            field=f"{key}.security",
            value=str(security_name)[:40],
        ) from None
    host = value.get("host")
    if not isinstance(host, str) or len(host) > MAX_TEXT_FIELD:
        raise _bad_field(f"{key}.host")
    port = value.get("port", default_ports[security.value])
    if isinstance(port, bool) or not isinstance(port, int):
        raise _bad_field(f"{key}.port")
    return Endpoint(host, port, security)


def default_port(protocol: str, security: Security) -> int:
    """993/143 for IMAP, 465/587 for SMTP."""
    ports = DEFAULT_IMAP_PORTS if protocol.upper() == "IMAP" else DEFAULT_SMTP_PORTS
    return ports[Security(security).value]

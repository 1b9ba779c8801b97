"""The settings page's "Test IMAP" and "Test SMTP": blocking, for a worker thread.

IMAP: connect, TLS or STARTTLS, log in, list the folders (the page's folder
picker shows them, the \\Sent one marked). SMTP: connect, EHLO, TLS or
STARTTLS, AUTH; no mail is sent. Each returns a ``ConnectionCheck``: the
folders and what the server offers when it worked, else the
``MailConnectionError`` whose words the operator reads (wrong password, which
certificate problem, host not found, refused, timeout, no STARTTLS).
"""

from __future__ import annotations

from dataclasses import dataclass

from integrations.email.connection import (
    MailConnectionError,
    close_imap,
    explain,
    open_imap,
    open_smtp,
)
from integrations.email.settings import MailboxSettings

MAX_FOLDERS_LISTED = 1000  # a picker, not a mailbox browser


@dataclass(frozen=True)
class Folder:
    name: str
    sent: bool = False  # RFC 6154's \Sent
    selectable: bool = True  # \Noselect folders hold only other folders


@dataclass(frozen=True)
class ConnectionCheck:
    protocol: str  # "IMAP" or "SMTP"
    error: MailConnectionError | None = None
    folders: tuple[Folder, ...] = ()  # IMAP
    offers: tuple[str, ...] = ()  # IMAP capabilities / SMTP extensions, for the curious

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def sent_folder(self) -> str:
        return next((f.name for f in self.folders if f.sent), "")


def check_imap(settings: MailboxSettings, password: str) -> ConnectionCheck:
    try:
        client = open_imap(settings, password)
    except MailConnectionError as exc:
        return ConnectionCheck("IMAP", exc)
    try:
        listed = client.list_folders()[:MAX_FOLDERS_LISTED]
        offers = tuple(
            c.decode("ascii", "replace") if isinstance(c, bytes) else str(c)
            for c in client.capabilities()
        )
    except Exception as exc:
        return ConnectionCheck("IMAP", explain(exc, "IMAP", settings.imap))
    finally:
        close_imap(client)
    folders = tuple(
        Folder(
            name=str(name),
            sent=any(_flag(f) == "\\sent" for f in flags),
            selectable=not any(_flag(f) in ("\\noselect", "\\nonexistent") for f in flags),
        )
        for flags, _delimiter, name in listed
    )
    return ConnectionCheck("IMAP", folders=folders, offers=offers)


def check_smtp(settings: MailboxSettings, password: str) -> ConnectionCheck:
    try:
        smtp = open_smtp(settings, password)
    except MailConnectionError as exc:
        return ConnectionCheck("SMTP", exc)
    offers = tuple(sorted(smtp.esmtp_features))
    try:
        smtp.quit()
    except Exception:
        smtp.close()
    return ConnectionCheck("SMTP", offers=offers)


def _flag(flag: bytes | str) -> str:
    text = flag.decode("ascii", "replace") if isinstance(flag, bytes) else str(flag)
    return text.lower()

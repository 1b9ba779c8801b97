"""Reading one mailbox over IMAP on its worker thread: by UID, watermark per
folder, IDLE for new mail, back-off for trouble.

``MailboxReader.run`` loops until stopped: connect and log in (TLS or STARTTLS,
certificate verified: integrations/email/connection.py), sync every folder,
then wait for news (RFC 2177 IDLE on the first folder, re-issued every
``IDLE_RENEW_S``, under the 29 minutes after which a server may drop an idle
client; NOOP every ``poll_s`` where the server lacks IDLE; with several
folders, IDLE ends every ``poll_s`` so that the others are looked at), and
sync again. A sync of a folder with nothing new is one SELECT.

A folder's position is its cursor, ``f"{uidvalidity}:{last uid}"``, stored with
the batch it covers (``deliver`` hands a chunk over once the one before it is
committed, and ``settle`` waits for the last), so the watermark never runs
ahead of what is stored, while the next chunk is fetched and parsed as the
last one is written. A sync asks for the UIDs after
the watermark (``UID SEARCH UID n:*``): an outage of hours, or a connection
cut in the middle of a fetch, is backfilled from there, never "the last N"
(Chatwoot's bug), and UIDs, not sequence numbers, so nothing is skipped when
mail is expunged meanwhile (osTicket's). With no cursor, or one whose
UIDVALIDITY is no longer the folder's (the server rebuilt it: every UID we hold
is void), the folder is read as at the first sync, the messages of the last
``first_sync_days`` (``SEARCH SINCE``); the inbox knows each message by its
Message-ID, so what was stored before is a repeat, not a duplicate. The older
messages are never fetched; the status says how many stay on the server (the
folder's EXISTS less what SINCE found), once what was read is stored, so the
operator knows the timeline does not hold the whole mailbox.

Messages are fetched in chunks (``FETCH_CHUNK`` messages, at most
``CHUNK_BYTES``) with ``BODY.PEEK[]`` (the server's \\Seen flags untouched,
and the folder opened read-only with EXAMINE) unless the mailbox is set to mark
mail seen; a message over ``message_limit`` (twice the attachment limit) is
fetched as its header and BODYSTRUCTURE, with its small plain-text parts, and
its parts listed as too large.
"""

from __future__ import annotations

import contextlib
import hashlib
import imaplib
import logging
import random
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from app.mail.charsets import decode
from app.mail.headers import decode_words
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from integrations.base import ChannelState
from integrations.email.connection import (
    MailConnectionError,
    Problem,
    close_imap,
    explain,
    open_imap,
    server_words,
)
from integrations.email.settings import MailboxSettings

if TYPE_CHECKING:
    from imapclient import IMAPClient

log = logging.getLogger(__name__)

IDLE_RENEW_S = 10 * 60.0  # RFC 2177: re-issue IDLE at least every 29 minutes
POLL_S = 60.0  # NOOP polling without IDLE; STATUS of the other folders while idling
FETCH_CHUNK = 50
CHUNK_BYTES = 64 * 1024 * 1024
SIZE_CHUNK = 500  # UIDs per FETCH of sizes and dates
MAX_SMALL_TEXT = 1024 * 1024  # a plain-text part fetched from a message too large to fetch
BACKOFF_FIRST_S = 1.0
BACKOFF_MAX_S = 120.0
AUTH_RETRY_S = 600.0  # a refused password: a retry per ten minutes, not a lockout
SETTINGS_RETRY_S = 300.0  # a certificate or TLS problem: it may be fixed on the server
# TCP keepalive while idling: a connection the network dropped silently is
# noticed in about two minutes, not at the next IDLE renewal.
KEEPALIVE = {"TCP_KEEPIDLE": 60, "TCP_KEEPINTVL": 15, "TCP_KEEPCNT": 4}

_FOLDER_PROBLEM = QT_TRANSLATE_NOOP(
    "core",
    "The folder {folder!r} of the mailbox can't be read: {reason}. Choose the folders to read in Settings > Email.",  # noqa: E501
)
_FIRST_SYNC_NOTE = QT_TRANSLATE_NOOP(
    "core",
    "First sync: the mail received since {since} was read ({read} message(s)); {older} older message(s) stay on the server, not read into Switchboard.",  # noqa: E501
)
_SETTINGS_PROBLEMS = {Problem.CERTIFICATE, Problem.TLS, Problem.NOT_TLS, Problem.NO_STARTTLS}


class Stopped(Exception):
    """The reader was stopped in the middle of its work: nothing acknowledged."""


@dataclass(frozen=True)
class FolderCursor:
    uidvalidity: int
    last_uid: int

    @classmethod
    def parse(cls, value: str | None) -> FolderCursor | None:
        if not value:
            return None
        validity, _, last = value.partition(":")
        if not (validity.isdigit() and last.isdigit()):
            return None
        return cls(int(validity), int(last))

    def __str__(self) -> str:
        return f"{self.uidvalidity}:{self.last_uid}"


def cursor_name(folder: str) -> str:
    return f"folder:{folder}"


@dataclass(frozen=True)
class LargePart:
    """A part of a message too large to fetch, from its BODYSTRUCTURE."""

    section: str
    content_type: str  # "type/subtype", lower-case
    size: int
    filename: str = ""
    charset: str = ""
    encoding: str = ""


@dataclass(frozen=True)
class FetchedMail:
    folder: str
    uidvalidity: int
    uid: int
    raw: bytes  # the whole message; only its header when ``too_large``
    internaldate: datetime | None
    size: int
    too_large: bool = False
    parts: tuple[LargePart, ...] = ()  # a too-large message's parts
    texts: tuple[str, ...] = ()  # its plain-text parts, fetched on their own

    @property
    def folder_key(self) -> str:
        """The folder in a file name: its digest (a folder's name may hold anything)."""
        return hashlib.sha256(self.folder.encode()).hexdigest()[:12]


# deliver(folder, uidvalidity, messages, last uid covered): hands the chunk over
# once the one before it is committed; settle(): returns once all are.
Deliver = Callable[[str, int, Sequence[FetchedMail], int], None]
Settle = Callable[[], None]
# report(state, detail, the detail as an operator message when there is one)
Report = Callable[[ChannelState, str, OperatorError | None], None]


class MailboxReader:
    def __init__(
        self,
        settings: MailboxSettings,
        password: str,
        *,
        cursor: Callable[[str], str | None],
        deliver: Deliver,
        report: Report,
        settle: Settle = lambda: None,
        stopping: threading.Event,
        idle_renew_s: float = IDLE_RENEW_S,
        poll_s: float = POLL_S,
        fetch_chunk: int = FETCH_CHUNK,
        backoff_first_s: float = BACKOFF_FIRST_S,
        backoff_max_s: float = BACKOFF_MAX_S,
    ) -> None:
        self.settings = settings
        self.password = password
        self.cursor = cursor
        self.deliver = deliver
        self.settle = settle
        self.report = report
        self.stopping = stopping
        self.idle_renew_s = idle_renew_s
        self.poll_s = poll_s
        self.fetch_chunk = fetch_chunk
        self.backoff_first_s = backoff_first_s
        self.backoff_max_s = backoff_max_s
        self.message_limit = 2 * settings.max_attachment_bytes
        self._client: IMAPClient | None = None
        self._lock = threading.Lock()
        self._missing: dict[str, str] = {}  # folders that can't be selected, and why
        self.idle_supported: bool | None = None  # known once connected (for tests, bench)
        self.syncs = 0  # folder syncs that fetched something (for tests, bench)
        self.fetched = 0  # messages fetched (for tests, bench)
        # Per folder, its first sync: (since, messages read, older ones left on the server).
        self.first_syncs: dict[str, tuple[date, int, int]] = {}
        self._note_due = False  # a first sync's note to report once what it read is stored
        self.idles = 0  # IDLE commands issued (for tests, bench)
        self._progress = False  # this session stored something
        self._logged_in = False  # this session got past the login

    # --- the loop ----------------------------------------------------------------------

    def run(self) -> None:
        delay = self.backoff_first_s
        while not self.stopping.is_set():
            try:
                self._session()
                return
            except Stopped:
                return
            except Exception as exc:  # every failure: a status and a pause, never a hot loop
                if self.stopping.is_set():
                    return
                wait, delay = self._trouble(exc, delay)
                if self.stopping.wait(wait):
                    return
            finally:
                self._drop_client()

    def _trouble(self, exc: Exception, delay: float) -> tuple[float, float]:
        """The status for ``exc`` and how long to wait; the next back-off."""
        if isinstance(exc, _Progress):
            exc, delay = exc.cause, self.backoff_first_s  # it worked for a while
        error = explain(exc, "IMAP", self.settings.imap)
        # TLS that worked and then ended (the server closed the session, a
        # network cut) is no setting to fix: the connection went away.
        went_away = self._logged_in or isinstance(exc, ssl.SSLEOFError | ssl.SSLZeroReturnError)
        if not isinstance(exc, MailConnectionError | OSError | imaplib.IMAP4.error):
            log.exception("mail %s: reading failed", self.settings.address, exc_info=exc)
        if error.problem is Problem.AUTH:
            self.report(ChannelState.AUTH_FAILED, str(error), error)
            return AUTH_RETRY_S, delay
        if error.problem in _SETTINGS_PROBLEMS and not went_away:
            self.report(ChannelState.MISCONFIGURED, str(error), error)
            return SETTINGS_RETRY_S, delay
        self.report(ChannelState.NOT_REACHABLE, str(error), error)
        log.info("mail %s: %s; again in %.0f s", self.settings.address, error, delay)
        wait = delay * random.uniform(0.5, 1.5)
        return wait, min(delay * 2, self.backoff_max_s)

    def _session(self) -> None:
        self._logged_in = False
        client = open_imap(self.settings, self.password)
        self._logged_in = True
        with self._lock:
            self._client = client
        if self.stopping.is_set():
            raise Stopped
        client.normalise_times = False  # INTERNALDATE with its zone, not local naive
        _keepalive(client)
        self.idle_supported = client.has_capability("IDLE")
        self._status_connected()
        self._progress = False
        folders = self.settings.folders
        while True:
            try:
                for folder in folders:
                    self._sync(client, folder)
                if self._note_due:
                    self.settle()  # "read" in the note: stored, not only fetched
                    self._note_due = False
                    self._status_connected()
                self._progress = True
                self._wait_for_news(client, folders)
            except Stopped:
                raise
            except Exception as exc:
                if self._progress:  # it stored something: the next try starts soon
                    raise _Progress(exc) from exc
                raise

    def _status_connected(self) -> None:
        if self._missing:
            folder, why = next(iter(self._missing.items()))
            problem = OperatorError(_FOLDER_PROBLEM, folder=folder, reason=why)
            self.report(ChannelState.MISCONFIGURED, str(problem), problem)
        else:
            # A first sync's note once what it read is stored (see _session).
            note = None if self._note_due else self._first_sync_note()
            self.report(ChannelState.CONNECTED, str(note) if note else "", note)

    def _first_sync_note(self) -> OperatorError | None:
        """What the first sync left on the server, when it left anything: the
        timeline does not hold the mail older than ``first_sync_days``."""
        syncs = self.first_syncs.values()
        older = sum(o for _, _, o in syncs)
        if not older:
            return None
        since = min(s for s, _, _ in syncs).isoformat()
        read = sum(r for _, r, _ in syncs)
        return OperatorError(_FIRST_SYNC_NOTE, since=since, read=read, older=older)

    def interrupt(self) -> None:
        """Wakes the worker from a blocking read (IDLE): its socket is shut."""
        with self._lock:
            client = self._client
        if client is None:
            return
        with contextlib.suppress(Exception):
            client.socket().shutdown(socket.SHUT_RDWR)

    def _drop_client(self) -> None:
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            if self.stopping.is_set():
                with contextlib.suppress(Exception):
                    client.shutdown()
            else:
                close_imap(client)

    # --- one folder ----------------------------------------------------------------------

    def _select(self, client: IMAPClient, folder: str) -> dict[bytes, Any] | None:
        try:
            info = client.select_folder(folder, readonly=not self.settings.mark_seen)
        except imaplib.IMAP4.abort:
            raise
        except imaplib.IMAP4.error as exc:  # NO: no such folder, no right to read it
            if folder not in self._missing:
                self._missing[folder] = server_words(str(exc))
                self._status_connected()
            return None
        if folder in self._missing:
            del self._missing[folder]
            self._status_connected()
        return info

    def _sync(self, client: IMAPClient, folder: str) -> None:
        """Fetches and delivers what the folder holds past its watermark."""
        self.settle()  # the watermark read below is the last one delivered
        info = self._select(client, folder)
        if info is None:
            return
        uidvalidity = int(info[b"UIDVALIDITY"])
        uidnext = int(info[b"UIDNEXT"]) if b"UIDNEXT" in info else None
        stored = FolderCursor.parse(self.cursor(cursor_name(folder)))
        if stored is not None and stored.uidvalidity == uidvalidity:
            if uidnext is not None and uidnext <= stored.last_uid + 1:
                return  # nothing new
            found = client.search(["UID", f"{stored.last_uid + 1}:*"])
            # "n:*" names the last message even when its UID is below n.
            uids = sorted(int(u) for u in found if int(u) > stored.last_uid)
            floor = stored.last_uid
        else:
            if stored is not None:
                log.warning(
                    "mail %s: %s's UIDVALIDITY changed (%s -> %s): reading it again",
                    self.settings.address,
                    folder,
                    stored.uidvalidity,
                    uidvalidity,
                )
            since = date.today() - timedelta(days=self.settings.first_sync_days)
            uids = sorted(int(u) for u in client.search(["SINCE", since]))
            floor = 0
            exists = int(info.get(b"EXISTS") or 0)
            self._first_sync(folder, since, len(uids), max(0, exists - len(uids)))
        # The watermark after the last chunk: every UID below UIDNEXT was
        # considered, also those the first sync leaves out as too old.
        end = max([floor, *uids, (uidnext - 1) if uidnext else 0])
        if not uids:
            if stored is None or stored.uidvalidity != uidvalidity or end > stored.last_uid:
                self.deliver(folder, uidvalidity, [], end)
            return
        self.syncs += 1
        chunks = self._chunks(client, uids)
        for number, chunk in enumerate(chunks, start=1):
            self._check_stop()
            fetched = self._fetch(client, folder, uidvalidity, chunk)
            self.fetched += len(fetched)
            last = end if number == len(chunks) else chunk[-1][0]
            self.deliver(folder, uidvalidity, fetched, last)
            self._progress = True
        if not chunks:  # every one expunged meanwhile
            self.deliver(folder, uidvalidity, [], end)

    def _first_sync(self, folder: str, since: date, read: int, older: int) -> None:
        if older:
            log.info(
                "mail %s: first sync of %s: %d message(s) since %s, %d older left on the server",
                self.settings.address,
                folder,
                read,
                since,
                older,
            )
        if self.first_syncs.get(folder) != (since, read, older):
            self.first_syncs[folder] = (since, read, older)
            self._note_due = True

    def _chunks(
        self, client: IMAPClient, uids: Sequence[int]
    ) -> list[list[tuple[int, int, datetime | None]]]:
        """(uid, size, internaldate) in chunks of ``fetch_chunk`` messages and
        at most CHUNK_BYTES to fetch."""
        chunks: list[list[tuple[int, int, datetime | None]]] = []
        current: list[tuple[int, int, datetime | None]] = []
        current_bytes = 0
        for start in range(0, len(uids), SIZE_CHUNK):
            part = uids[start : start + SIZE_CHUNK]
            answer = client.fetch(part, [b"RFC822.SIZE", b"INTERNALDATE"])
            for uid in part:
                data = answer.get(uid)
                if data is None:
                    continue  # expunged meanwhile
                size = int(data.get(b"RFC822.SIZE") or 0)
                when = _aware(data.get(b"INTERNALDATE"))
                cost = min(size, self.message_limit)
                if current and (
                    len(current) >= self.fetch_chunk or current_bytes + cost > CHUNK_BYTES
                ):
                    chunks.append(current)
                    current, current_bytes = [], 0
                current.append((uid, size, when))
                current_bytes += cost
        if current:
            chunks.append(current)
        return chunks

    def _fetch(
        self,
        client: IMAPClient,
        folder: str,
        uidvalidity: int,
        chunk: Sequence[tuple[int, int, datetime | None]],
    ) -> list[FetchedMail]:
        whole = [uid for uid, size, _ in chunk if size <= self.message_limit]
        large = [uid for uid, size, _ in chunk if size > self.message_limit]
        body = b"BODY[]" if self.settings.mark_seen else b"BODY.PEEK[]"
        bodies = client.fetch(whole, [body]) if whole else {}
        headers = client.fetch(large, [b"BODY.PEEK[HEADER]", b"BODYSTRUCTURE"]) if large else {}
        out: list[FetchedMail] = []
        for uid, size, when in chunk:
            if uid in bodies:
                raw = bodies[uid].get(b"BODY[]")
                if isinstance(raw, bytes):
                    out.append(FetchedMail(folder, uidvalidity, uid, raw, when, size))
            elif uid in headers:
                out.append(self._large(client, folder, uidvalidity, uid, size, when, headers[uid]))
        return out

    def _large(
        self,
        client: IMAPClient,
        folder: str,
        uidvalidity: int,
        uid: int,
        size: int,
        when: datetime | None,
        data: dict[bytes, Any],
    ) -> FetchedMail:
        header = data.get(b"BODY[HEADER]")
        parts = tuple(_parts(data.get(b"BODYSTRUCTURE")))
        texts: list[str] = []
        small = [p for p in parts if p.content_type == "text/plain" and p.size <= MAX_SMALL_TEXT]
        for item in small[:5]:
            key = f"BODY[{item.section}]".encode()
            answer = client.fetch([uid], [f"BODY.PEEK[{item.section}]".encode()])
            payload = answer.get(uid, {}).get(key)
            if isinstance(payload, bytes):
                texts.append(decode(_transfer_decoded(payload, item.encoding), item.charset).text)
        log.info("mail %s: message %s/%s of %d bytes: too large to fetch", folder, uid, size, size)
        return FetchedMail(
            folder,
            uidvalidity,
            uid,
            header if isinstance(header, bytes) else b"",
            when,
            size,
            too_large=True,
            parts=parts,
            texts=tuple(texts),
        )

    # --- waiting -------------------------------------------------------------------------

    def _wait_for_news(self, client: IMAPClient, folders: Sequence[str]) -> None:
        """Returns when the first folder has news, when the other folders are
        due for a look (``poll_s``), or when IDLE is due for renewal."""
        self.settle()
        self._check_stop()
        if not self.idle_supported:
            if self.stopping.wait(self.poll_s):
                raise Stopped
            client.noop()
            return
        info = self._select(client, folders[0])
        if info is None:
            if self.stopping.wait(self.poll_s):
                raise Stopped
            return
        if self._arrived_since_sync(folders[0], info):
            return  # mail that came between the sync and this SELECT
        now = time.monotonic()
        until = now + (self.poll_s if len(folders) > 1 else self.idle_renew_s)
        # An EXISTS the server sends before its "+ idling" goes where imaplib
        # keeps untagged answers (with the SELECT's own), not to idle_check.
        pending = getattr(getattr(client, "_imap", None), "untagged_responses", None)
        if isinstance(pending, dict):
            pending.pop("EXISTS", None)
        client.idle()
        self.idles += 1
        ended = False  # the server went away: no DONE to send
        try:
            if isinstance(pending, dict) and pending.pop("EXISTS", None):
                until = 0.0
            early_empty = 0
            while (left := until - time.monotonic()) > 0:
                responses = client.idle_check(timeout=left)
                self._check_stop()
                if any(_is_bye(r) for r in responses):
                    ended = True
                    raise imaplib.IMAP4.abort("the server ended the session (BYE)")
                if any(_is_news(r) for r in responses):
                    break
                # idle_check swallows EOF: a closed socket polls readable at once
                # and gives nothing. Twice in a row (one may be a TLS record still
                # arriving) means the server is gone, not idle.
                early = not responses and until - time.monotonic() > 0.05
                early_empty = early_empty + 1 if early else 0
                if early_empty >= 2:
                    ended = True
                    raise imaplib.IMAP4.abort("the server closed the connection")
        finally:
            if not (ended or self.stopping.is_set()):
                client.idle_done()
        self._check_stop()

    def _arrived_since_sync(self, folder: str, info: dict[bytes, Any]) -> bool:
        stored = FolderCursor.parse(self.cursor(cursor_name(folder)))
        if stored is None or b"UIDNEXT" not in info:
            return False
        return (
            stored.uidvalidity != int(info[b"UIDVALIDITY"])
            or int(info[b"UIDNEXT"]) > stored.last_uid + 1
        )

    def _check_stop(self) -> None:
        if self.stopping.is_set():
            raise Stopped


class _Progress(Exception):
    """A failure after the session stored something: back-off starts again
    from its first step (a connection cut now and then is not a server down)."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _is_bye(response: Any) -> bool:
    return isinstance(response, tuple) and len(response) >= 1 and response[0] == b"BYE"


def _is_news(response: Any) -> bool:
    return (
        isinstance(response, tuple) and len(response) >= 2 and response[1] in (b"EXISTS", b"RECENT")
    )


def _aware(value: Any) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _keepalive(client: IMAPClient) -> None:
    with contextlib.suppress(Exception):
        sock = client.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        for name, value in KEEPALIVE.items():
            option = getattr(socket, name, None)
            if option is not None:
                sock.setsockopt(socket.IPPROTO_TCP, option, value)


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value if isinstance(value, str) else ""


def _params(value: Any) -> dict[str, str]:
    if not isinstance(value, tuple | list):
        return {}
    items = list(value)
    return {_text(items[i]).lower(): _text(items[i + 1]) for i in range(0, len(items) - 1, 2)}


def _parts(structure: Any, prefix: str = "", depth: int = 0) -> Iterable[LargePart]:
    """The leaf parts of a BODYSTRUCTURE (RFC 3501 section 7.4.2), numbered."""
    if structure is None or depth > 30:
        return
    multipart = bool(getattr(structure, "is_multipart", False))
    if multipart:
        children = structure[0] if isinstance(structure[0], list | tuple) else []
        for index, child in enumerate(children, start=1):
            yield from _parts(child, f"{prefix}{index}.", depth + 1)
        return
    try:
        kind = f"{_text(structure[0])}/{_text(structure[1])}".lower()
        params = _params(structure[2])
        encoding = _text(structure[5]).lower()
        size = int(structure[6] or 0)
    except (IndexError, TypeError, ValueError):
        return
    filename = _filename(params, "name")
    for item in structure[7:]:
        # The disposition is a (type, params) pair after the fields RFC 3501 lists.
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], tuple | list):
            filename = _filename(_params(item[1]), "filename") or filename
    yield LargePart(
        section=(prefix or "1.").rstrip("."),
        content_type=kind,
        size=size,
        filename=filename,
        charset=params.get("charset", ""),
        encoding=encoding,
    )


def _filename(params: dict[str, str], name: str) -> str:
    """A name parameter as the sender meant it: RFC 2231 (``name*``, continued
    in ``name*0*``, ``name*1*``...) or RFC 2047 encoded words in ``name``."""
    pieces = sorted(
        (int(number), key.endswith("*"), value)
        for key, value in params.items()
        if key.startswith(f"{name}*")
        and (number := key[len(name) + 1 :].rstrip("*") or "0").isdigit()
    )
    if pieces:
        raw = "".join(value for _, _, value in pieces)
        if any(encoded for _, encoded, _ in pieces):
            charset, _, rest = raw.partition("'")
            _, _, text = rest.partition("'")
            data = urllib.parse.unquote_to_bytes(text if rest else raw)
            return decode(data, charset or None).text
        return raw
    return decode_words(params.get(name, ""))


def _transfer_decoded(payload: bytes, encoding: str) -> bytes:
    import base64
    import binascii
    import quopri

    if encoding == "base64":
        try:
            return base64.b64decode(payload, validate=False)
        except (binascii.Error, ValueError):
            return payload
    if encoding == "quoted-printable":
        return quopri.decodestring(payload)
    return payload


__all__ = ["FetchedMail", "FolderCursor", "LargePart", "MailboxReader", "Stopped", "cursor_name"]

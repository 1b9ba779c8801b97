"""The composer's drafts: what the operator typed and has not sent, per
conversation, kept through a restart and a crash.

Drafts are one operator's, not the team's: they live in the profile's data
directory (``Drafts.in_profile``), never in the shared database, one small
JSON file per conversation under a folder of the database they belong to (a
profile that switches databases doesn't show one database's draft in the
other's conversation of the same number).

    drafts = Drafts.in_profile(core.paths, core.settings.resolved_database_url(core.paths))
    drafts.put(Draft(conversation_id, "Добрий день", reply_to=1234, files=("/tmp/a.pdf",)))
    drafts.get(conversation_id)    # -> Draft | None
    drafts.clear(conversation_id)  # after Outbox.queue committed the message

- ``send_key``: the outbox idempotency key made when the operator first
  pressed Send for this content, put with the draft before ``Outbox.queue``
  is called and kept until the queue committed. A send retried after an
  error, or after a crash between the commit and ``clear``, uses the same
  key, so the outbox returns the first message instead of queueing a second.

- ``put`` returns once the draft is on the disk: written to a temporary file,
  fsynced, renamed over the last one, the folder fsynced. A crash or a power
  cut at any moment leaves the old draft or the new one, whole. Putting what
  is stored already writes nothing, so the composer may put on every pause in
  typing. It blocks on the disk (an fsync can take a while): call it off the
  GUI thread, debounced. A draft that can't be written (a full disk, a folder
  that can't be written) is ``DraftError``, with the system's reason: say so,
  the text is still in the composer.
- Each put keeps the draft it replaces as the last good copy (``<id>.prev``).
  A draft file that can't be read as a draft (damaged on the disk, cut short
  by a copy, edited by hand) is moved aside as ``<id>.json.broken-<time>`` (logged, never
  deleted) and ``get`` returns the last good copy, marked ``recovered``; the
  other conversations' drafts are separate files and never touched. ``get``
  never raises: a folder it can't read is logged and reads as no draft.
- ``conversations()`` lists the conversations that have a draft (for a pencil
  on their inbox entries).

Safe from any thread (one lock per ``Drafts``). The texts are personal data:
this module logs conversation ids and file names only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.settings import AppPaths

log = logging.getLogger(__name__)

FORMAT = 1  # the files' "format": a later version reads older ones
_SUFFIX = ".json"
_PREVIOUS = ".prev"
_BROKEN = ".broken"


class DraftError(OperatorError):
    """A draft that could not be saved; the message names the folder and the reason."""


_CANT_SAVE = QT_TRANSLATE_NOOP("core", "The draft could not be saved in {path}: {error}.")


@dataclass(frozen=True)
class Draft:
    conversation_id: int
    text: str = ""
    # The message being answered (its interaction id), if any.
    reply_to: int | None = None
    # Files to attach, as the operator picked them (paths on this computer).
    files: tuple[str, ...] = ()
    # The idempotency key of a press of Send not known to be committed yet ("": none).
    send_key: str = ""
    # An email reply's subject and Cc as the operator edited them (None: the
    # thread's, as the composer fills them in).
    subject: str | None = None
    cc: str | None = None
    saved_at: datetime | None = field(default=None, compare=False)
    # get(): the draft file was damaged and this is the last good copy.
    recovered: bool = field(default=False, compare=False)

    @property
    def empty(self) -> bool:
        return (
            not self.text
            and self.reply_to is None
            and not self.files
            and self.subject is None
            and self.cc is None
        )


class Drafts:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        # What each conversation's file holds, as written or read: a put of the
        # same content compares with it instead of writing.
        self._known: dict[int, bytes] = {}

    @classmethod
    def in_profile(cls, paths: AppPaths, database_url: str) -> Drafts:
        """The drafts of this profile for the database at ``database_url``
        (the resolved URL: never with a password, app/settings.py refuses those)."""
        key = hashlib.sha256(database_url.encode("utf-8")).hexdigest()[:16]
        return cls(paths.data_dir / "drafts" / key)

    def get(self, conversation_id: int) -> Draft | None:
        with self._lock:
            return self._get(conversation_id)

    def put(self, draft: Draft) -> Draft:
        """Stores ``draft`` (an empty one clears); the stored draft is returned
        with its ``saved_at``. The same content as stored writes nothing."""
        if draft.empty:
            self.clear(draft.conversation_id)
            return draft
        with self._lock:
            known = self._known.get(draft.conversation_id)
            if known is None:
                self._get(draft.conversation_id)
                known = self._known.get(draft.conversation_id)
            if known is not None and _content(known) == _content(_encode(draft)):
                stored = _decode(draft.conversation_id, known)
                return stored if stored is not None else draft
            saved = replace(draft, saved_at=datetime.now(UTC), recovered=False)
            data = _encode(saved)
            try:
                self._write(draft.conversation_id, data, keep_previous=known is not None)
            except OSError as exc:
                raise DraftError(
                    _CANT_SAVE, path=str(self.folder), error=exc.strerror or str(exc)
                ) from exc
            self._known[draft.conversation_id] = data
            return saved

    def clear(self, conversation_id: int) -> None:
        """No draft for the conversation any more (its last good copy goes too)."""
        with self._lock:
            self._known.pop(conversation_id, None)
            # The copy first: a crash between the two leaves the draft itself,
            # never an older copy that would come back as the draft.
            leftovers = [
                self._path(conversation_id, _PREVIOUS),
                self._path(conversation_id, _SUFFIX),
            ]
            with contextlib.suppress(OSError):
                leftovers += self.folder.glob(f"{conversation_id}.tmp-*")
            removed = False
            for path in leftovers:
                try:
                    path.unlink()
                    removed = True
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    log.warning("drafts: %s can't be removed: %s", path.name, exc)
            if removed:
                self._sync_folder()

    def conversations(self) -> list[int]:
        """The conversations with a draft (or the last good copy of one)."""
        try:
            names = [p.name for p in self.folder.iterdir()]
        except FileNotFoundError:
            return []
        except OSError as exc:
            log.warning("drafts: %s can't be read: %s", self.folder, exc)
            return []
        found = set()
        for name in names:
            stem, dot, suffix = name.partition(".")
            if dot and f".{suffix}" in (_SUFFIX, _PREVIOUS) and stem.isdigit():
                found.add(int(stem))
        return sorted(found)

    # --- files ---------------------------------------------------------------------

    def _path(self, conversation_id: int, suffix: str) -> Path:
        return self.folder / f"{conversation_id}{suffix}"

    def _get(self, conversation_id: int) -> Draft | None:
        current = self._path(conversation_id, _SUFFIX)
        data = _read(current)
        if data is not None:
            draft = _decode(conversation_id, data)
            if draft is not None:
                self._known[conversation_id] = data
                return draft
            self._set_aside(current)
        previous = _read(self._path(conversation_id, _PREVIOUS))
        draft = _decode(conversation_id, previous) if previous is not None else None
        if draft is None:
            self._known.pop(conversation_id, None)
            return None
        # The draft file was damaged (or is gone while its copy is there): the
        # copy is the draft now, said so.
        log.warning("drafts: conversation #%s restored from its last good copy", conversation_id)
        self._restore(conversation_id, previous or b"")
        return replace(draft, recovered=True)

    def _write(self, conversation_id: int, data: bytes, *, keep_previous: bool) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        current = self._path(conversation_id, _SUFFIX)
        previous = self._path(conversation_id, _PREVIOUS)
        tmp = self._path(conversation_id, f".tmp-{os.getpid()}-{threading.get_ident()}")
        try:
            with open(tmp, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            if keep_previous and current.exists():
                # The draft being replaced becomes the last good copy: linked, then
                # renamed over the old copy, so there is a good copy at every moment.
                link = self._path(conversation_id, f".link-{os.getpid()}")
                with contextlib.suppress(FileNotFoundError):
                    link.unlink()
                try:
                    os.link(current, link)
                except OSError:  # a file system without hard links
                    with open(current, "rb") as src, open(link, "wb") as out:
                        out.write(src.read())
                        out.flush()
                        os.fsync(out.fileno())
                os.replace(link, previous)
            os.replace(tmp, current)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        self._sync_folder()

    def _restore(self, conversation_id: int, previous: bytes) -> None:
        """The last good copy becomes the draft again (the damaged file was set aside)."""
        try:
            self._write(conversation_id, previous, keep_previous=False)
            self._known[conversation_id] = previous
        except OSError as exc:
            log.warning("drafts: conversation #%s can't be restored: %s", conversation_id, exc)

    def _set_aside(self, path: Path) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        broken = path.with_name(f"{path.name}{_BROKEN}-{stamp}")
        try:
            os.replace(path, broken)
            log.warning("drafts: %s can't be read as a draft; kept as %s", path.name, broken.name)
        except OSError as exc:
            log.warning("drafts: %s can't be read as a draft nor moved: %s", path.name, exc)

    def _sync_folder(self) -> None:
        if os.name != "posix":  # Windows has no folder fsync; its renames are journaled
            return
        try:
            folder = os.open(self.folder, os.O_RDONLY)
        except FileNotFoundError:
            return
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("drafts: %s can't be read: %s", path.name, exc)
        return None


def _encode(draft: Draft) -> bytes:
    record: dict[str, Any] = {
        "format": FORMAT,
        "conversation_id": draft.conversation_id,
        "text": draft.text,
        "reply_to": draft.reply_to,
        "files": list(draft.files),
        **({"send_key": draft.send_key} if draft.send_key else {}),
        **({"subject": draft.subject} if draft.subject is not None else {}),
        **({"cc": draft.cc} if draft.cc is not None else {}),
        "saved_at": draft.saved_at.isoformat() if draft.saved_at else None,
    }
    # The content's digest inside the file: a torn or altered file (a sector
    # lost, a copy cut short that still parses) is told from a good one.
    record["digest"] = _digest(record)
    return json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")


def _digest(record: dict[str, Any]) -> str:
    content = {k: v for k, v in record.items() if k != "digest"}
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _content(data: bytes) -> tuple[Any, ...] | None:
    """What a file says, without when it was saved: the same draft is not written again."""
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(record, dict):
        return None
    return (
        record.get("text"),
        record.get("reply_to"),
        record.get("files"),
        record.get("send_key", ""),
        record.get("subject"),
        record.get("cc"),
    )


def _decode(conversation_id: int, data: bytes) -> Draft | None:
    """The draft a file holds, or None when it is not one whole draft of this
    conversation."""
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or record.get("digest") != _digest(record):
        return None
    text, reply_to, files = record.get("text"), record.get("reply_to"), record.get("files")
    send_key = record.get("send_key", "")
    subject, cc = record.get("subject"), record.get("cc")
    if (
        record.get("conversation_id") != conversation_id
        or not isinstance(text, str)
        or not (reply_to is None or (isinstance(reply_to, int) and not isinstance(reply_to, bool)))
        or not isinstance(files, list)
        or not all(isinstance(f, str) for f in files)
        or not isinstance(send_key, str)
        or not (subject is None or isinstance(subject, str))
        or not (cc is None or isinstance(cc, str))
    ):
        return None
    saved_at = record.get("saved_at")
    try:
        when = datetime.fromisoformat(saved_at) if isinstance(saved_at, str) else None
    except ValueError:
        when = None
    return Draft(
        conversation_id, text, reply_to, tuple(files), send_key, subject, cc, saved_at=when
    )


__all__ = ["Draft", "DraftError", "Drafts"]

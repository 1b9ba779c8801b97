"""Files that belong to interactions: recordings, photos, documents.

Stored content-addressed (``attachments/ab/abcdef...``) under the data dir, so a
photo forwarded twice is kept once and a file name from outside can never steer
where bytes are written. The name the operator sees is sanitised separately.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from app.db import Database
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import Attachment

MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


# The raster formats a channel sends as a picture, by the first bytes their
# specifications fix. A file named "photo.jpg" that starts otherwise is not
# one (a renamed document, a broken download): it is kept and sent as a file,
# so Telegram's sendPhoto doesn't refuse it and the view shows a file's icon.
_SIGNATURES: dict[str, tuple[tuple[int, bytes], ...]] = {
    "image/jpeg": ((0, b"\xff\xd8\xff"),),
    "image/png": ((0, b"\x89PNG\r\n\x1a\n"),),
    "image/gif": ((0, b"GIF87a"), (0, b"GIF89a")),
    "image/webp": ((8, b"WEBP"),),  # RIFF....WEBP
    "image/bmp": ((0, b"BM"),),
    "image/tiff": ((0, b"II*\x00"), (0, b"MM\x00*")),
    "image/heic": ((4, b"ftypheic"), (4, b"ftypheix"), (4, b"ftypmif1")),
    "image/avif": ((4, b"ftypavif"),),
}
HEAD_BYTES = 16  # enough for every signature above


def image_kind(head: bytes) -> str | None:
    """The raster format ``head`` (a file's first bytes) starts as, if any."""
    for mime, signatures in _SIGNATURES.items():
        if any(head[at : at + len(magic)] == magic for at, magic in signatures):
            return mime
    return None


def content_mime(mime: str, head: bytes) -> str:
    """``mime`` as the name or the sender gave it, unless it claims a raster
    picture that the bytes are not: then a plain file's type."""
    if mime in _SIGNATURES and image_kind(head) is None:
        return "application/octet-stream"
    return mime


def read_head(path: Path) -> bytes:
    """A file's first bytes; b"" when it can't be read."""
    try:
        with path.open("rb") as file:
            return file.read(HEAD_BYTES)
    except OSError:
        return b""


class AttachmentError(OperatorError, ValueError):
    """A file that can't be attached; the message says why."""


def sanitize_filename(name: str, fallback: str = "attachment") -> str:
    """A name safe on Windows and Linux that still reads like the original
    (Cyrillic kept): no path parts, control or reserved characters, <= 255 bytes."""
    name = unicodedata.normalize("NFC", name.replace("\\", "/").split("/")[-1])
    # Invisible format characters go: a right-to-left override makes
    # "invoice\u202efdp.exe" read as "invoiceexe.pdf".
    name = "".join(ch for ch in name if unicodedata.category(ch) != "Cf")
    name = _UNSAFE.sub("_", name).strip(" .")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if stem.upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    name = f"{stem}.{ext}" if ext else stem
    while len(name.encode("utf-8")) > 255:
        stem = stem[:-1]
        name = f"{stem}.{ext}" if ext else stem
    return name or fallback


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    name: str  # the source's own name, before sanitising
    head: bytes = b""  # the first bytes, to tell a picture from a file named like one


class AttachmentStore:
    def __init__(self, db: Database, root: Path) -> None:
        self.db = db
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def add(
        self,
        interaction_id: int,
        source: Path,
        filename: str | None = None,
        mime: str | None = None,
    ) -> Attachment:
        """Copies ``source`` in (fsynced) before the row is written, so a row never
        points at a file that isn't there."""
        stored = self.store_file(source)
        with self.db.session() as s:
            return self.add_in(s, interaction_id, stored, filename or source.name, mime)

    def store_file(self, source: Path) -> StoredFile:
        """The file's bytes in the store, fsynced; no row yet. A unit of work that
        writes rows pointing at files (a delivered batch, an outbound message)
        stores the files first and writes the rows with ``add_in``: a crash
        between leaves only an unreferenced file, never a row without its file."""
        size = source.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise AttachmentError(
                QT_TRANSLATE_NOOP("core", "{name} is {size} MB; the limit is {limit} MB."),
                name=source.name,
                # Rounded up: a file just over the limit never reads "100 MB; the limit is 100".
                size=-(-size // (1024 * 1024)),
                limit=MAX_ATTACHMENT_BYTES // (1024 * 1024),
            )
        digest = hashlib.sha256()
        head = b""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                for chunk in iter(lambda: src.read(1 << 16), b""):
                    if not head:
                        head = chunk[:HEAD_BYTES]
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = self.path_for(sha)
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                os.unlink(tmp_name)
            else:
                os.replace(tmp_name, target)
        except BaseException:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            raise
        return StoredFile(sha256=sha, size=size, name=source.name, head=head)

    @staticmethod
    def add_in(
        s: Session,
        interaction_id: int,
        stored: StoredFile,
        filename: str | None = None,
        mime: str | None = None,
    ) -> Attachment:
        """The row of a stored file, in the caller's unit of work. A type that
        claims a picture the bytes are not is recorded as a plain file's."""
        name = sanitize_filename(filename or stored.name)
        guessed = mime or mimetypes.guess_type(name)[0] or "application/octet-stream"
        guessed = content_mime(guessed, stored.head)
        row = Attachment(
            interaction_id=interaction_id,
            filename=name,
            mime=guessed,
            size=stored.size,
            sha256=stored.sha256,
        )
        s.add(row)
        s.flush()
        return row

    def for_interaction(self, interaction_id: int) -> list[Attachment]:
        with self.db.session() as s:
            return list(
                s.exec(
                    select(Attachment)
                    .where(Attachment.interaction_id == interaction_id)
                    .order_by(col(Attachment.id))
                )
            )

    def recordings_of(self, interaction_ids: Iterable[int]) -> dict[int, Attachment]:
        """interaction id -> its call recording (its first audio attachment), for
        the interactions of one timeline page: one query, not one per row."""
        ids = list(interaction_ids)
        if not ids:
            return {}
        with self.db.session() as s:
            rows = s.exec(
                select(Attachment)
                .where(
                    col(Attachment.interaction_id).in_(ids),
                    col(Attachment.mime).startswith("audio/"),
                )
                .order_by(col(Attachment.id))
            )
            found: dict[int, Attachment] = {}
            for row in rows:
                found.setdefault(row.interaction_id, row)
            return found

    def remove_unreferenced(self, hashes: Iterable[str]) -> None:
        wanted = set(hashes)
        if not wanted:
            return
        with self.db.session() as s:
            still = set(s.exec(select(Attachment.sha256).where(col(Attachment.sha256).in_(wanted))))
        for sha in wanted - still:
            path = self.path_for(sha)
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def copy_out(self, attachment: Attachment, target: Path) -> Path:
        shutil.copyfile(self.path_for(attachment.sha256), target)
        return target

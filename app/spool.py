"""Writes the database refused, kept on the disk until it takes them.

``Spool`` is an append-only file of records, one line each::

    <crc32 of the JSON, 8 hex digits> <JSON>\\n

A record is ``{"seq": n, "record": {...}}``; a record written to the database
is marked by appending ``{"done": n}``. Every line is fsynced before the call
that wrote it returns, so a record counts as kept only once it is on the disk.
A crash (a kill -9, a power cut) can leave only the last line cut short: at
open a line without its newline, or whose checksum or JSON does not agree, is
skipped and set aside next to the spool (``<name>.damaged-<time>``, logged),
never read as a record and never in the way of the lines after it. The file
is rewritten with only the pending records at open (a temporary file, fsynced,
renamed, the folder fsynced) and emptied once nothing is pending.

``SpooledWriter`` writes records in the order they were put, on its own thread
(whoever puts, such as the SIP thread, never waits for a database or a disk).
A record goes to the database directly while nothing waits before it. When the
database refuses:

- for now (``app/write_refusals.py``: locked, out of reach, restarting): the
  record is kept in the spool, and so is every record after it, in order,
  while the first is tried again with back-off (0.5 s doubling to 30 s). The
  status says the database refuses for as long as it does.
- for good (no such table, read-only, a constraint that never passes, a bug):
  the record is kept in the spool too, said at once in the status with the
  driver's words, and the queue goes on with the records of other groups
  (``group``: a call's records keep their order, other calls are not held up).
  It is tried again at the next start.

What is in the spool at the start is written first, in order, once: a record
is marked done after its write committed, and a crash between the commit and
the mark makes the next start write it again, so each record's write must be
idempotent (the call log's are: unique keys, "close once"). Closing writes
nothing more to the database than what goes through at once; what waits is on
the disk for the next start.

A spool file that can't be written (a full disk, a folder gone) keeps the
records in memory: they are still written once the database takes them, and
the status says they would not survive a crash.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import json
import logging
import os
import queue
import threading
import time
import zlib
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.settings import AppPaths
from app.write_refusals import Refusal, classify

log = logging.getLogger(__name__)

RETRY_FIRST_S = 0.5  # a record refused for now is tried again after this, doubling
RETRY_MAX_S = 30.0
CLOSE_TIMEOUT_S = 15.0  # close() waits this long for what is queued to be written or kept

Record = dict[str, Any]


@dataclass(frozen=True)
class Entry:
    seq: int
    record: Record


def _line(payload: dict[str, Any]) -> bytes:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    data = text.encode("utf-8")
    return b"%08x %s\n" % (zlib.crc32(data), data)


def _read_line(line: bytes) -> dict[str, Any] | None:
    """A whole line's payload, or None when it is not one we wrote whole."""
    crc, _, data = line.partition(b" ")
    try:
        if len(crc) != 8 or int(crc, 16) != zlib.crc32(data):
            return None
        payload = json.loads(data)
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


class Spool:
    """The file, used by one thread (the writer's). ``path=None``: memory only."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.problem: str | None = None  # why the file can't be written, if it can't
        self.damaged = 0  # lines skipped at open (cut short by a crash, or altered)
        self._file: Any = None
        self._next_seq = 1
        self._pending = 0  # records not marked done

    def open(self) -> list[Entry]:
        """The records not written yet, in order; damaged lines set aside."""
        if self.path is None or not self.path.exists():
            return []
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            self._broken(exc)
            return []
        records: dict[int, Record] = {}
        done: set[int] = set()
        damaged: list[bytes] = []
        lines = data.split(b"\n")
        # The last piece has no newline: empty after a whole last line, a line
        # cut short by a crash otherwise.
        whole, tail = lines[:-1], lines[-1]
        for line in whole:
            payload = _read_line(line)
            if payload is None:
                damaged.append(line)
            elif isinstance(payload.get("done"), int):
                done.add(payload["done"])
            elif isinstance(payload.get("seq"), int) and isinstance(payload.get("record"), dict):
                records[payload["seq"]] = payload["record"]
            else:
                damaged.append(line)
        if tail:
            damaged.append(tail)
        if records or done:
            self._next_seq = max([*records, *done]) + 1
        pending = [Entry(seq, records[seq]) for seq in sorted(records) if seq not in done]
        if damaged:
            self.damaged = len(damaged)
            self._set_aside(damaged)
        if damaged or done:
            self._rewrite(pending)
        self._pending = len(pending)
        return pending

    def append(self, record: Record) -> Entry:
        entry = Entry(self._next_seq, record)
        self._next_seq += 1
        self._write(_line({"seq": entry.seq, "record": record}))
        self._pending += 1
        return entry

    def done(self, entry: Entry) -> None:
        self._pending -= 1
        if self._pending <= 0:
            self._pending = 0
            self._empty()
        else:
            self._write(_line({"done": entry.seq}))

    def close(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None

    # --- the file ---------------------------------------------------------------

    def _write(self, line: bytes) -> None:
        if self.path is None or self.problem is not None:
            return
        try:
            if self._file is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                created = not self.path.exists()
                self._file = open(self.path, "ab", buffering=0)  # noqa: SIM115 - kept open
                if created:
                    _fsync_folder(self.path.parent)
            self._file.write(line)
            os.fsync(self._file.fileno())
        except OSError as exc:
            self._broken(exc)

    def _empty(self) -> None:
        """Nothing pending: the file is emptied (what it held is all written)."""
        if self.path is None or self.problem is not None:
            return
        try:
            if self._file is None:
                if not self.path.exists():
                    return
                self._file = open(self.path, "ab", buffering=0)  # noqa: SIM115 - kept open
            os.ftruncate(self._file.fileno(), 0)
            os.fsync(self._file.fileno())
        except OSError as exc:
            self._broken(exc)

    def _rewrite(self, pending: list[Entry]) -> None:
        assert self.path is not None
        self.close()
        temporary = self.path.with_name(self.path.name + ".new")
        try:
            with open(temporary, "wb") as out:
                for entry in pending:
                    out.write(_line({"seq": entry.seq, "record": entry.record}))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
            _fsync_folder(self.path.parent)
        except OSError as exc:
            # The old file stays as it was and is read the same way next time;
            # nothing is appended to it (a torn last line would swallow the next).
            with contextlib.suppress(OSError):
                temporary.unlink()
            self._broken(exc)

    def _set_aside(self, damaged: list[bytes]) -> None:
        assert self.path is not None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        log.warning(
            "spool %s: %d record(s) cut short or damaged, skipped and kept in %s",
            self.path.name,
            len(damaged),
            aside.name,
        )
        try:
            with open(aside, "wb") as out:
                out.write(b"\n".join(damaged) + b"\n")
                os.fsync(out.fileno())
        except OSError as exc:
            log.warning("spool %s: the damaged records could not be kept: %s", self.path.name, exc)

    def _broken(self, exc: OSError) -> None:
        if self.problem is None:
            log.error(
                "spool %s can't be written (%s): records are kept in memory only", self.path, exc
            )
        self.problem = exc.strerror or str(exc)
        self.close()


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # a folder can't be opened for fsync on Windows; NTFS journals it
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class WriterStatus:
    """What the window shows about a spooled writer (any field may change)."""

    # The database refuses for now (the refusal), while it lasts; None when it takes writes.
    refusing: Refusal | None = None
    waiting: int = 0  # records kept, waiting for the database to take them
    # Refused for good this run (kept for the next start), and the last such refusal.
    parked: int = 0
    permanent: Refusal | None = None
    damaged: int = 0  # records found cut short or damaged in the spool at the start, skipped
    spool_problem: str | None = None  # the spool can't be written: waiting records in memory


@dataclass
class _Marker:
    upto: int  # the last entry kept when the flush was asked for
    done: Future[bool] = field(default_factory=Future)


_CLOSE = object()


class SpooledWriter:
    def __init__(
        self,
        name: str,
        spool: Spool,
        apply: Callable[[Record], Any],
        group: Callable[[Record], str],
        on_status: Callable[[WriterStatus], None] | None = None,
    ) -> None:
        """``apply(record)`` writes one record (idempotent; runs on the writer's
        thread); ``group(record)`` names the records that keep their order with
        it (a call); ``on_status`` runs on the writer's thread on every change."""
        self.name = name
        self.spool = spool
        self.apply = apply
        self.group = group
        self.on_status = on_status
        self.on_refusal: Callable[[Refusal | None], None] | None = None
        self.retry_first_s = RETRY_FIRST_S
        self.retry_max_s = RETRY_MAX_S
        self.status = WriterStatus()
        self._published: WriterStatus | None = None
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._waiting: collections.deque[Entry] = collections.deque()
        self._parked: list[Entry] = []
        self._parked_groups: set[str] = set()
        self._markers: list[_Marker] = []
        self._retry_at = 0.0
        self._delay = self.retry_first_s
        self._last_kept = 0  # the newest entry's seq, for flush markers
        self._closing = False
        self._closed = threading.Event()
        self._worker = threading.Thread(target=self._work, name=name, daemon=True)
        self._worker.start()

    # --- any thread -------------------------------------------------------------

    def put(self, make: Callable[[], Record | None]) -> None:
        """Queues ``make``, called on the writer's thread for the record to
        write (None: nothing to write). Never blocks."""
        if self._closing:
            log.error("%s: closed; a record was put after closing", self.name)
            return
        self._queue.put(make)

    def flush(self, timeout: float = 10.0) -> bool:
        """Waits until everything put before it is written to the database, or
        refused for good (kept in the spool); False when the timeout came first."""
        marker = _Marker(upto=-1)
        if self._closed.is_set():
            return not self._waiting
        self._queue.put(marker)
        try:
            return marker.done.result(timeout)
        except Exception:
            return False

    def close(self, timeout: float = CLOSE_TIMEOUT_S) -> None:
        """Everything put before is written or kept in the spool, then the
        thread stops (what waits for the database stays in the spool)."""
        if self._closing:
            return
        self._closing = True
        self._queue.put(_CLOSE)
        self._worker.join(timeout)
        if self._worker.is_alive():
            log.error("%s: still busy after %s s at closing", self.name, timeout)
        self._closed.set()

    # --- the writer's thread --------------------------------------------------------

    def _work(self) -> None:
        try:
            start = self.spool.open()
        except Exception:
            log.exception("%s: the spool could not be read", self.name)
            start = []
        self._waiting.extend(start)
        if start:
            log.info("%s: %d record(s) kept from before; writing them first", self.name, len(start))
        self._last_kept = start[-1].seq if start else 0
        self._publish()
        closing = False
        while True:
            item = self._next_item(closing)
            if item is _CLOSE:
                closing = True
                continue
            if item is None:  # nothing more queued while closing
                break
            if isinstance(item, _Marker):
                item.upto = self._last_kept
                self._markers.append(item)
            elif item is not _TICK:
                self._take(item)
            if not closing:
                self._drain()
            self._settle_markers()
        for marker in self._markers:
            marker.done.set_result(not self._waiting)
        self.spool.close()
        if self._waiting or self._parked:
            log.warning(
                "%s: closing with %d record(s) kept for the next start",
                self.name,
                len(self._waiting) + len(self._parked),
            )

    def _next_item(self, closing: bool) -> Any:
        if closing:
            try:
                return self._queue.get_nowait()
            except queue.Empty:
                return None
        if not self._waiting:
            return self._queue.get()
        wait = self._retry_at - time.monotonic()
        try:
            return self._queue.get(timeout=wait) if wait > 0 else self._queue.get_nowait()
        except queue.Empty:
            return _TICK

    def _take(self, make: Callable[[], Record | None]) -> None:
        try:
            record = make()
        except Exception:
            log.exception("%s: an event could not be turned into a record", self.name)
            return
        if record is None:
            return
        group = self.group(record)
        if self._waiting or group in self._parked_groups:
            entry = self._keep(record)
            if group in self._parked_groups:
                self._park(entry, None)
            else:
                self._waiting.append(entry)
            self._publish()
            return
        try:
            self.apply(record)
        except Exception as exc:
            refusal = classify(exc)
            entry = self._keep(record)
            if refusal.transient:
                self._waiting.append(entry)
                self._refused_for_now(refusal)
            else:
                self._park(entry, refusal)
            self._publish()

    def _drain(self) -> None:
        """Writes waiting records from the oldest while the database takes them."""
        changed = False
        while self._waiting and time.monotonic() >= self._retry_at:
            entry = self._waiting[0]
            if self.group(entry.record) in self._parked_groups:
                self._waiting.popleft()
                self._park(entry, None)
                changed = True
                continue
            try:
                self.apply(entry.record)
            except Exception as exc:
                refusal = classify(exc)
                if refusal.transient:
                    self._refused_for_now(refusal)
                    break
                self._waiting.popleft()
                self._park(entry, refusal)
                changed = True
                continue
            self._waiting.popleft()
            self._written(entry)
            changed = True
            if self.status.refusing is not None:
                log.info("%s: the database takes writes again", self.name)
                self._replace(refusing=None)
                self._tell_refusal(None)
            self._delay = self.retry_first_s
        if changed:
            self._publish()

    def _keep(self, record: Record) -> Entry:
        entry = self.spool.append(record)
        self._last_kept = entry.seq
        return entry

    def _written(self, entry: Entry) -> None:
        self.spool.done(entry)

    def _park(self, entry: Entry, refusal: Refusal | None) -> None:
        self._parked.append(entry)
        self._parked_groups.add(self.group(entry.record))
        if refusal is not None:
            log.error(
                "%s: the database refused a record for good (%s); it is kept for the next start",
                self.name,
                refusal.words,
            )
            self._replace(permanent=refusal)

    def _refused_for_now(self, refusal: Refusal) -> None:
        if self.status.refusing is None:
            log.warning("%s: %s; trying again, nothing is dropped", self.name, refusal.words)
            self._replace(refusing=refusal)
            self._tell_refusal(refusal)
            self._delay = self.retry_first_s
        self._retry_at = time.monotonic() + self._delay
        self._delay = min(self._delay * 2, self.retry_max_s)

    def _settle_markers(self) -> None:
        if not self._markers:
            return
        oldest_waiting = self._waiting[0].seq if self._waiting else None
        still = []
        for marker in self._markers:
            if oldest_waiting is None or oldest_waiting > marker.upto:
                marker.done.set_result(True)
            else:
                still.append(marker)
        self._markers = still

    def _replace(self, **changes: Any) -> None:
        current = self.status.__dict__ | changes
        self.status = WriterStatus(**current)

    def _publish(self) -> None:
        before = self._published
        self._replace(
            waiting=len(self._waiting),
            parked=len(self._parked),
            damaged=self.spool.damaged,
            spool_problem=self.spool.problem,
        )
        if self.status == before:
            return
        self._published = self.status
        if self.on_status is None:
            return
        try:
            self.on_status(self.status)
        except Exception:
            log.exception("%s: on_status failed", self.name)

    def _tell_refusal(self, refusal: Refusal | None) -> None:
        if self.on_refusal is None:
            return
        try:
            self.on_refusal(refusal)
        except Exception:
            log.exception("%s: on_refusal failed", self.name)


_TICK = object()


def in_profile(paths: AppPaths, database_url: str, name: str) -> Spool:
    """The spool ``name`` of this profile for the database at ``database_url``
    (the resolved URL, never with a password): records name rows of one
    database, so a profile that switches databases never writes one's records
    into the other."""
    key = hashlib.sha256(database_url.encode("utf-8")).hexdigest()[:16]
    return Spool(paths.data_dir / "spool" / key / f"{name}.spool")

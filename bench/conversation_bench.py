"""The conversations panel's targets (issue 19): opening a long conversation, the
waiting inbox re-sorted, typing while messages pour in, memory.

    .venv/bin/python -m bench.conversation_bench [--only open,waiting,typing,memory]
        [--messages 10000] [--waiting 1000] [--seconds 60] [--rate 100]

The data is written once (this process, no Qt) through the core's own paths into
a temporary SWITCHBOARD home: two customers with one Telegram conversation of
``--messages`` messages each (the customer's through ``core.inbox.store`` in the
batches a channel stores, every tenth an operator's answer through
``core.outbox``: queued, claimed, marked sent), and ``--waiting`` conversations
whose customers wait for an answer (half of them known customers). Every part
then runs in a fresh child process on a private Xvfb, on a copy of that home,
with the app's ``Shell(core)`` (no SIP engine, except for memory):

- open: ``window.open_conversation(customer, conversation)`` (the waiting list's
  Enter, a notification's click), alternating between the two long
  conversations; from the call until the message list's viewport has a Paint
  while it holds that conversation's rows, plus the ``singleShot(0)`` after that
  paint pass. Also the panel alone (``side.show_conversation``) and the worker's
  read alone (``load_conversation`` on this thread).
- waiting: a change made on a plain thread (as the channel's writer or the
  composer's worker makes it) that reorders the waiting list reaches it only
  through the window's one changes value; from just before the write until the
  list's viewport is painted with its model in the new order.
- typing: ``--rate`` messages a second for ``--seconds`` stored from a plain
  thread through ``core.inbox.store`` (one batch each 50 ms), while keys are
  sent to the composer with ``QTest.keyClicks`` from a timer (8 a second); the
  GUI thread's stall is the lateness of a 5 ms repeating precise QTimer. At the
  end the composer must hold exactly what was typed.
- memory: VmRSS of a process with the full Shell (SIP engine started, channel
  host running) and the panel showing a conversation, after idling; then
  10,000 messages arrive into that conversation and VmRSS is read again after
  ``gc.collect()`` and a short idle.

Speed and memory targets live here and in bench/README.md, never in tests. Prints
a markdown table and writes everything to bench/data/conversation-results-*.json.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.ui_bench import (
    guard_none,
    idle,
    machine,
    open_core,
    paint_watch_class,
    percentile,
    qt_app,
    rss_mb,
    run_event_loop,
    wait_until,
)

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "bench" / "data"
DB_NAME = "conversations.db"
# The targets of issue 19.
OPEN_P95_MS = 100.0
WAITING_P95_MS = 50.0
STALL_P99_MS = 16.0
IDLE_RSS_MB = 150.0
GROWTH_MB = 10.0
HEARTBEAT_MS = 5
KEYS_PER_S = 8
BATCH_EVERY_S = 0.05  # the typing part's writer stores one batch this often
TYPED = "Добрий день! Your parcel ships today, накладна 20450012345. "  # typed over and over


@dataclass
class Figure:
    measure: str
    n: int
    p50: float
    tail: float
    tail_name: str  # "p95", "p99" or "value"
    unit: str
    target: str
    met: bool | None  # None: no target
    note: str = ""


def spread(
    measure: str, samples: list[float], limit: float | None, note: str = "", tail: int = 95
) -> Figure:
    """p50 and p95 (or p99) of ms samples; a target is met on the tail."""
    high = percentile(samples, tail)
    target = "" if limit is None else f"p{tail} <= {limit:g}"
    met = None if limit is None else high <= limit
    return Figure(
        measure, len(samples), percentile(samples, 50), high, f"p{tail}", "ms", target, met, note
    )


# --- the data (this process: the core only, no Qt) ---------------------------------------

BASE = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
STEP = timedelta(minutes=3)


def words(rng: random.Random, low: int = 3, high: int = 15) -> str:
    from bench.datagen import WORDS

    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))
    return text[:1].upper() + text[1:]


def heavy_conversation(core: Any, account_id: int, identity: str, n: int, seed: int) -> int:
    """``n`` messages between one customer and the shop, in time order: the
    customer's in the inbox's batches, every tenth the operator's answer through
    the outbox (queued, claimed, sent: three commits, as the composer and the
    sender make them). Returns the conversation's id."""
    from app.inbox import InboundMessage
    from app.models import Channel

    rng = random.Random(seed)
    pending: list[InboundMessage] = []
    conversation = 0
    clock = core.outbox.clock

    def flush() -> None:
        nonlocal conversation
        if pending:
            stored = core.inbox.store(list(pending))
            conversation = stored[0].conversation_id
            pending.clear()

    for i in range(n):
        at = BASE + i * STEP
        if i % 10 == 9 and (conversation or pending):
            flush()
            core.outbox.clock = lambda at=at: at
            row = core.outbox.queue(
                conversation, words(rng), operator="Ірина", idempotency_key=f"{identity}-{i}"
            )
            assert row.id is not None
            claimed = core.outbox.claim_next(account_id)
            assert claimed is not None and claimed.id == row.id
            core.outbox.mark_sent(row.id, [f"{i}"])
            continue
        pending.append(
            InboundMessage(
                account_id=account_id,
                channel=Channel.TELEGRAM,
                external_id=f"{account_id}:{identity}:{i}",
                identity=identity,
                sent_at=at,
                text=words(rng),
                sender_title="Клієнт",
            )
        )
    flush()
    core.outbox.clock = clock
    return conversation


def build_home(home: Path, messages: int, waiting: int) -> dict[str, Any]:
    """The bench's database in ``home``; what the children need to know of it."""
    from app.customers import ContactInput
    from app.inbox import InboundMessage
    from app.models import Channel, ChannelAccount

    core = open_core(home, home / DB_NAME)
    try:
        with core.db.session() as s:
            account = ChannelAccount(kind="telegram", label="Квітка бот")
            s.add(account)
            s.flush()
            assert account.id is not None
            account_id = account.id
        heavy = []
        for n, (name, phone, identity) in enumerate(
            (
                ("Олена Петренко", "+380934172568", "700001"),
                ("Андрій Коваленко", "+380671234567", "700002"),
            )
        ):
            made = core.customers.create(
                name, [ContactInput("phone", phone), ContactInput("telegram", identity)]
            )
            assert made.id is not None
            started = time.perf_counter()
            conversation = heavy_conversation(core, account_id, identity, messages, 19 + n)
            print(
                f"data: {name}: {messages} messages in {time.perf_counter() - started:.1f} s",
                file=sys.stderr,
            )
            heavy.append({"customer": made.id, "conversation": conversation, "identity": identity})
        # The waiting chats: 1-3 messages each over the last 8 hours, half of the
        # senders known customers; none of them answered.
        started = time.perf_counter()
        rng = random.Random(7)
        senders = [f"8{n:06d}" for n in range(waiting)]
        for n, identity in enumerate(senders):
            if n % 2 == 0:
                core.customers.create(f"Клієнт {n}", [ContactInput("telegram", identity)])
        now = datetime.now(UTC)
        batch: list[InboundMessage] = []
        for n, identity in enumerate(senders):
            first = now - timedelta(hours=8) + n * timedelta(hours=8) / max(1, waiting)
            for k in range(rng.randint(1, 3)):
                batch.append(
                    InboundMessage(
                        account_id=account_id,
                        channel=Channel.TELEGRAM,
                        external_id=f"{account_id}:{identity}:{k}",
                        identity=identity,
                        sent_at=first + timedelta(seconds=20 * k),
                        text=words(rng),
                        sender_title=f"Відправник {n}",
                        sender_username=f"user{n}",
                    )
                )
            if len(batch) >= 500:
                core.inbox.store(batch)
                batch = []
        if batch:
            core.inbox.store(batch)
        print(
            f"data: {waiting} waiting chats in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        shown = core.waiting.entries(limit=1000)
        return {
            "account_id": account_id,
            "heavy": heavy,
            "senders": senders,
            "waiting_shown": len(shown.entries),
        }
    finally:
        core.close()


# --- shared by the children --------------------------------------------------------------


def open_shell(home: Path, platform: str = "xcb") -> tuple[Any, Any, Any]:
    """(app, core, shell): the app's window on the bench's database, shown, its
    first reads done."""
    app = qt_app(platform)
    from ui.shell.shell import Shell

    core = open_core(home, home / DB_NAME)
    shell = Shell(core)
    window = shell.window
    window.show()
    window.activateWindow()
    wait_until(
        lambda: window.isVisible() and window.waiting.loaded and shell.tasks.pending == 0,
        "the window and its first reads",
    )
    idle(0.5)
    return app, core, shell


def close_shell(core: Any, shell: Any) -> None:
    window = shell.window
    window.quitting = True
    window.close()
    shell.shutdown()
    core.close()
    idle(0.1)


def settle(shell: Any, extra_s: float = 0.2) -> None:
    """The worker idle, the panel's and the list's timers run out, paints done."""
    window = shell.window
    wait_until(
        lambda: (
            shell.tasks.pending == 0
            and not window.side.refresh_pending
            and not window.waiting.refresh_pending
        ),
        "settled",
    )
    idle(extra_s)
    wait_until(lambda: shell.tasks.pending == 0, "settled again")


def on_thread(work: Callable[[], object]) -> threading.Thread:
    """``work`` on a plain thread, as a channel's writer or the task worker runs it."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # reported by the caller
            failed.append(exc)
            raise

    thread = threading.Thread(target=run, name="bench-writer", daemon=True)
    thread.failed = failed  # type: ignore[attr-defined]
    thread.start()
    return thread


def inbound(account_id: int, identity: str, key: str, text: str, at: datetime) -> Any:
    from app.inbox import InboundMessage
    from app.models import Channel

    return InboundMessage(
        account_id=account_id,
        channel=Channel.TELEGRAM,
        external_id=f"{account_id}:{identity}:{key}",
        identity=identity,
        sent_at=at,
        text=text,
        sender_title="Клієнт",
    )


# --- 1: opening a conversation of 10,000 messages ----------------------------------------


def time_open(shell: Any, targets: list[dict[str, int]], opens: int, how: str) -> dict[str, Any]:
    """ms from the open call to the message list painted with that conversation's
    rows; alternating between the targets, 3 warm-up opens first."""
    watch_class = paint_watch_class()
    window = shell.window
    view = window.side.view
    samples: list[float] = []
    paint_starts: list[float] = []
    arrived: list[float] = []  # the page reached the GUI thread (the view's _opened)
    filled: list[float] = []  # _opened returned: rows in the model, header filled
    rows: list[int] = []
    seen: list[tuple[float, float]] = []
    opened = view._opened

    def timed_opened(*a: Any, **k: Any) -> None:
        begun = time.perf_counter()
        opened(*a, **k)
        seen.append((begun, time.perf_counter()))

    view._opened = timed_opened  # looked up at each call: the view's code is unchanged
    for i in range(opens + 3):
        target = targets[i % len(targets)]
        cid, customer = target["conversation"], target["customer"]
        watch = watch_class(
            lambda cid=cid: view.conversation_id == cid and view.messages.messages.rowCount() > 0
        )
        watch.watch(view.messages.viewport())
        started = time.perf_counter()
        if how == "window":
            window.open_conversation(customer, cid)
        else:
            window.side.show_conversation(customer, cid)
        seen.clear()
        painted = watch.wait()
        if i >= 3:
            samples.append((painted - started) * 1000)
            paint_starts.append((watch.seen_at - started) * 1000)
            rows.append(view.messages.messages.rowCount())
            if seen:
                arrived.append((seen[0][0] - started) * 1000)
                filled.append((seen[0][1] - started) * 1000)
        settle(shell)
    view._opened = opened
    return {
        "ms": samples,
        "paint_starts_ms": paint_starts,
        "arrived_ms": arrived,
        "filled_ms": filled,
        "rows": rows,
    }


def time_open_core(core: Any, targets: list[dict[str, int]], n: int) -> list[float]:
    """The worker's read of an open (header + latest page + picture sizes), here."""
    from ui.conversations.conversation_view import load_conversation

    samples = []
    for i in range(n + 3):
        started = time.perf_counter()
        load_conversation(core, targets[i % len(targets)]["conversation"], None)
        samples.append((time.perf_counter() - started) * 1000)
    return samples[3:]


def run_open(args: argparse.Namespace) -> dict[str, Any]:
    info = json.loads(Path(args.info).read_text())
    _app, core, shell = open_shell(Path(args.home))
    heavy = info["heavy"]
    stored = [core.conversations.get(h["conversation"]) for h in heavy]
    out: dict[str, Any] = {
        "window": time_open(shell, heavy, args.opens, "window"),
        "panel": time_open(shell, heavy, args.opens, "panel"),
        "core_ms": time_open_core(core, heavy, args.opens),
        "messages": [count_messages(core, h["conversation"]) for h in heavy],
        "conversations": [s.id for s in stored],
    }
    close_shell(core, shell)
    return out


def count_messages(core: Any, conversation_id: int) -> int:
    from sqlalchemy import func
    from sqlmodel import select

    from app.models import Interaction

    with core.db.session() as s:
        return int(
            s.exec(select(func.count()).where(Interaction.conversation_id == conversation_id)).one()
        )


def open_figures(result: dict[str, Any]) -> list[Figure]:
    n = min(result["messages"])
    window, panel = result["window"], result["panel"]
    return [
        spread(
            f"open a conversation of {n:,} messages: window.open_conversation -> first page "
            "painted",
            window["ms"],
            OPEN_P95_MS,
            f"card + tabs + conversation; medians: the page reaches the GUI thread at "
            f"{statistics.median(window['arrived_ms']):.1f} ms, filled in by "
            f"{statistics.median(window['filled_ms']):.1f}, the paint pass starts at "
            f"{statistics.median(window['paint_starts_ms']):.1f}; "
            f"{statistics.median(window['rows']):.0f} rows",
        ),
        spread(
            "open, the panel alone: side.show_conversation -> painted",
            panel["ms"],
            None,
            f"medians: the page reaches the GUI thread at "
            f"{statistics.median(panel['arrived_ms']):.1f} ms, filled in by "
            f"{statistics.median(panel['filled_ms']):.1f}, the paint pass starts at "
            f"{statistics.median(panel['paint_starts_ms']):.1f}",
        ),
        spread("open, the worker's read alone (load_conversation)", result["core_ms"], None),
    ]


# --- 2: the waiting inbox re-sorted ----------------------------------------------------------


def run_waiting(args: argparse.Namespace) -> dict[str, Any]:
    info = json.loads(Path(args.info).read_text())
    _app, core, shell = open_shell(Path(args.home))
    # No bot can run here (no token): an answer queued below would be claimed by
    # the idle sender and failed, a second change in the middle of a sample.
    shell.channels.stop()
    window = shell.window
    waiting = window.waiting
    window.chats_dock.show()
    window.chats_dock.raise_()
    settle(shell, 0.5)
    watch_class = paint_watch_class()
    account = info["account_id"]
    by_conversation: dict[int, str] = {}
    samples: dict[str, list[float]] = {"answered": [], "writes again": [], "bottom row": []}
    after_timer: dict[str, list[float]] = {k: [] for k in samples}
    writes: dict[str, list[float]] = {k: [] for k in samples}
    fired: list[float] = []
    waiting._soon.timeout.connect(lambda: fired.append(time.perf_counter()))
    model = waiting.model
    rows_before = len(model.rows)

    def one(kind: str, write: Callable[[], object], ready: Callable[[], bool]) -> None:
        watch = watch_class(ready)
        watch.watch(waiting.table.viewport())
        fired.clear()
        wrote: list[float] = []
        started = time.perf_counter()

        def write_and_note() -> None:
            write()
            wrote.append(time.perf_counter())

        thread = on_thread(write_and_note)
        painted = watch.wait()
        thread.join(30)
        samples[kind].append((painted - started) * 1000)
        writes[kind].append((wrote[0] - started) * 1000 if wrote else float("nan"))
        if fired:
            after_timer[kind].append((painted - fired[-1]) * 1000)
        settle(shell, 0.1)

    from app.models import Conversation

    for i in range(args.waiting_samples + 2):  # 2 warm-up rounds
        top = model.rows[0]
        cid = top.conversation_id
        identity = by_conversation.get(cid)
        if identity is None:
            with core.db.session() as s:
                row = s.get(Conversation, cid)
                assert row is not None
                identity = by_conversation[cid] = row.identity
        answer = functools.partial(
            core.outbox.queue,
            cid,
            "Добрий день! Зараз перевірю.",
            operator="Ірина",
            idempotency_key=f"bench-answer-{i}",
        )
        one("answered", answer, functools.partial(left_top, model, cid))
        again = [inbound(account, identity, f"again-{i}", f"Ще питання {i}", datetime.now(UTC))]
        one(
            "writes again",
            functools.partial(core.inbox.store, again),
            functools.partial(at_bottom, model, cid, None),
        )
        # The one at the bottom now writes once more: no order changes, its row does.
        text = f"І ще одне {i}"
        more = [inbound(account, identity, f"more-{i}", text, datetime.now(UTC))]
        one(
            "bottom row",
            functools.partial(core.inbox.store, more),
            functools.partial(at_bottom, model, cid, text),
        )
        if i == 1:
            for key in samples:
                samples[key].clear()
                after_timer[key].clear()
                writes[key].clear()
    read_ms = []
    for _ in range(10):
        started = time.perf_counter()
        core.waiting.entries(limit=1000)
        read_ms.append((time.perf_counter() - started) * 1000)
    out = {
        "rows": rows_before,
        "samples_ms": samples,
        "after_timer_ms": after_timer,
        "write_ms": writes,
        "read_ms": read_ms,
        "soon_ms": waiting._soon.interval(),
    }
    close_shell(core, shell)
    return out


def left_top(model: Any, conversation_id: int) -> bool:
    """The conversation is no longer among the list's first rows."""
    return bool(model.rows) and all(r.conversation_id != conversation_id for r in model.rows[:5])


def at_bottom(model: Any, conversation_id: int, preview: str | None) -> bool:
    """The conversation is the last row (showing ``preview``, when given)."""
    if not model.rows or model.rows[-1].conversation_id != conversation_id:
        return False
    shown = model.rows[-1].preview
    return preview is None or (shown is not None and shown.text == preview)


def waiting_figures(result: dict[str, Any]) -> list[Figure]:
    rows, soon = result["rows"], result["soon_ms"]
    figures = []
    what = {
        "answered": "the top row answered (Outbox.queue): it leaves, all move up",
        "writes again": "that customer writes again (inbox.store): joins at the bottom",
        "bottom row": "a new message in the bottom row (inbox.store): its row changes, no order",
    }
    for key, label in what.items():
        samples = result["samples_ms"][key]
        after = result["after_timer_ms"][key]
        write = [w for w in result["write_ms"][key] if w == w]
        figures.append(
            spread(
                f"waiting list of {rows:,}: {label} -> painted",
                samples,
                WAITING_P95_MS,
                f"of it the list's {soon} ms coalescing timer; from its timeout to painted "
                f"p50 {percentile(after, 50):.1f} / p95 {percentile(after, 95):.1f} ms; "
                f"the write itself p50 {percentile(write, 50):.1f} ms"
                if after and write
                else "",
            )
        )
    figures.append(
        spread(
            "waiting list: its read alone (WaitingInbox.entries, 1,000)", result["read_ms"], None
        )
    )
    return figures


# --- 3: messages pouring in while the operator types -----------------------------------------


class Writer:
    """``rate`` messages a second, one batch each BATCH_EVERY_S, on a plain
    thread through ``core.inbox.store``, as a channel's worker stores what a poll
    brought. ``share`` of them go to ``open_identity``, the rest round-robin to
    ``others``. The schedule is absolute: a slow store is caught up after."""

    def __init__(
        self,
        core: Any,
        account_id: int,
        open_identity: str,
        others: list[str],
        rate: float,
        share: float,
        limit: int | None = None,
        batch_every_s: float = BATCH_EVERY_S,
        tag: str = "live",
    ) -> None:
        self.core, self.account_id = core, account_id
        self.open_identity, self.others = open_identity, others
        self.rate, self.share, self.limit = rate, share, limit
        self.batch_every_s = batch_every_s
        self.tag = tag  # message ids are unique per tag: another writer needs its own
        self.stop = threading.Event()
        self.written = 0
        self.into_open = 0
        self.last_into_open = ""  # the text of the last message written into the open chat
        self.store_ms: list[float] = []
        self.failed: list[BaseException] = []
        self.thread = threading.Thread(target=self._run, name="bench-channel", daemon=True)
        self.rng = random.Random(3)
        self._owed_open = 0.0

    def start(self) -> None:
        self.started = time.monotonic()
        self.thread.start()

    def _run(self) -> None:
        try:
            owed = 0.0
            tick = 0
            while not self.stop.is_set():
                if self.limit is not None and self.written >= self.limit:
                    return
                tick += 1
                owed += self.rate * self.batch_every_s
                count = int(owed)
                owed -= count
                if self.limit is not None:
                    count = min(count, self.limit - self.written)
                batch = []
                now = datetime.now(UTC)
                for k in range(count):
                    n = self.written + k
                    self._owed_open += self.share
                    to_open = self._owed_open >= 1
                    if to_open:
                        self._owed_open -= 1
                    identity = self.open_identity if to_open else self.others[n % len(self.others)]
                    self.into_open += int(to_open)
                    text = words(self.rng)
                    if to_open:
                        self.last_into_open = text
                    batch.append(inbound(self.account_id, identity, f"{self.tag}-{n}", text, now))
                if batch:
                    started = time.perf_counter()
                    self.core.inbox.store(batch)
                    self.store_ms.append((time.perf_counter() - started) * 1000)
                    self.written += len(batch)
                due = self.started + tick * self.batch_every_s
                self.stop.wait(max(0.0, due - time.monotonic()))
        except BaseException as exc:  # reported in the result
            self.failed.append(exc)

    def finish(self) -> float:
        self.stop.set()
        self.thread.join(60)
        return time.monotonic() - self.started


def last_arrived(view: Any, writer: Any) -> bool:
    """The last message written into the open conversation is the view's last
    row (the view keeps only the latest rows: their count is no measure)."""
    items = view.messages.messages.items
    return not writer.into_open or (bool(items) and items[-1].text == writer.last_into_open)


def heartbeat_class() -> type:
    from PySide6.QtCore import QObject, Qt, QTimer

    class Heartbeat(QObject):
        """A precise 5 ms repeating timer on the GUI thread: each tick's
        lateness (the gap since the last one, less 5 ms) is how long the
        thread could not run its timers, i.e. the stall an event would see."""

        def __init__(self) -> None:
            super().__init__()
            self.ticks: list[float] = []
            self.timer = QTimer(self)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(HEARTBEAT_MS)
            self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

        def lateness_ms(self) -> list[float]:
            return [
                max(0.0, (b - a) * 1000 - HEARTBEAT_MS)
                for a, b in zip(self.ticks, self.ticks[1:], strict=False)
            ]

    return Heartbeat


def run_typing(args: argparse.Namespace) -> dict[str, Any]:
    info = json.loads(Path(args.info).read_text())
    _app, core, shell = open_shell(Path(args.home))
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    window = shell.window
    view = window.side.view
    target = info["heavy"][0]
    window.open_conversation(target["customer"], target["conversation"])
    wait_until(
        lambda: (
            view.conversation_id == target["conversation"]
            and view.messages.messages.rowCount() > 0
            and view.composer is not None
            and view.composer.input.isEnabled()
        ),
        "the conversation open, the composer writable",
    )
    settle(shell, 0.5)
    composer = view.composer
    composer.input.setFocus(Qt.FocusReason.OtherFocusReason)
    rows_before = view.messages.messages.rowCount()
    writer = Writer(
        core,
        info["account_id"],
        target["identity"],
        info["senders"],
        args.rate,
        args.open_share,
    )
    beat = heartbeat_class()()
    typed: list[str] = []
    key_late: list[float] = []
    keys = QTimer()
    keys.setTimerType(Qt.TimerType.PreciseTimer)
    keys.setInterval(int(1000 / KEYS_PER_S))
    key_started = [0.0]

    def press() -> None:
        now = time.perf_counter()
        due = key_started[0] + (len(typed) + 1) * keys.interval() / 1000
        key_late.append(max(0.0, (now - due) * 1000))
        char = TYPED[len(typed) % len(TYPED)]
        if char.isascii():
            QTest.keyClicks(composer.input, char)
        else:  # keyClicks knows ASCII only: the same press and release, with the text
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                composer.input,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )
        typed.append(char)

    keys.timeout.connect(press)
    profile = None
    if args.profile:
        import cProfile

        profile = cProfile.Profile()
        profile.enable()
    cpu0 = time.process_time()
    beat.timer.start()
    key_started[0] = time.perf_counter()
    keys.start()
    writer.start()
    run_event_loop(args.seconds)
    keys.stop()
    wall = writer.finish()
    beat.timer.stop()
    cpu = time.process_time() - cpu0
    if profile is not None:
        profile.disable()
    lateness = beat.lateness_ms()
    # The last message written reaches the view (it was at the bottom: it
    # follows; it keeps only the latest rows, so the count is no measure).
    model = view.messages.messages

    def arrived() -> bool:
        return not writer.into_open or (
            bool(model.items) and model.items[-1].text == writer.last_into_open
        )

    wait_until(arrived, "the last message in the view", 60)
    settle(shell, 0.5)
    text = composer.input.toPlainText()
    out: dict[str, Any] = {
        "seconds": wall,
        "written": writer.written,
        "into_open": writer.into_open,
        "store_ms": writer.store_ms,
        "writer_failed": [repr(e) for e in writer.failed],
        "lateness_ms": lateness,
        "key_lateness_ms": key_late,
        "typed": len(typed),
        "text_equal": text == "".join(typed),
        "text_length": len(text),
        "rows_before": rows_before,
        "rows_after": view.messages.messages.rowCount(),
        "at_bottom": view.messages.at_bottom(),
        "cpu_percent": 100 * cpu / wall,
        "rate": args.rate,
        "open_share": args.open_share,
    }
    if profile is not None:
        import io
        import pstats

        stream = io.StringIO()
        pstats.Stats(profile, stream=stream).sort_stats("cumulative").print_stats(40)
        out["profile"] = stream.getvalue()
    close_shell(core, shell)
    return out


def typing_figures(result: dict[str, Any]) -> list[Figure]:
    late = result["lateness_ms"]
    stalls = [x for x in late if x > STALL_P99_MS]
    rate = result["written"] / result["seconds"]
    store = result["store_ms"]
    note = (
        f"{result['written']:,} messages in {result['seconds']:.0f} s ({rate:.0f}/s, "
        f"{result['into_open']:,} into the open chat, the rest over the waiting ones); "
        f"{len(late):,} ticks, max {max(late):.1f} ms, {len(stalls)} over "
        f"{STALL_P99_MS:g} ms ({sum(stalls) / 1000:.2f} s in all); store() p50 "
        f"{percentile(store, 50):.1f} / p95 {percentile(store, 95):.1f} ms; GUI process CPU "
        f"{result['cpu_percent']:.0f} % of a core"
    )
    if result["writer_failed"]:
        note += f"; the writer failed: {result['writer_failed']}"
    keys = result["key_lateness_ms"]
    equal = result["text_equal"]
    return [
        spread(
            "typing under 100 msg/s: GUI stall (5 ms precise QTimer lateness)",
            late,
            STALL_P99_MS,
            note,
            tail=99,
        ),
        spread("typing: a key's timer late (8 keys/s)", keys, None, tail=99),
        Figure(
            "typing: keystrokes kept (composer text == typed)",
            result["typed"],
            float(result["text_length"]),
            float(result["typed"]),
            "value",
            "chars",
            "all kept",
            equal,
            f"{result['text_length']} of {result['typed']} characters, equal: {equal}; view "
            f"{result['rows_before']} -> {result['rows_after']} rows, at the bottom: "
            f"{result['at_bottom']}",
        ),
    ]


# --- 4: memory --------------------------------------------------------------------------------


def settled_rss(idle_s: float) -> float:
    import gc

    idle(idle_s / 2)
    gc.collect()
    idle(idle_s / 2)
    return rss_mb()


def run_memory(args: argparse.Namespace) -> dict[str, Any]:
    info = json.loads(Path(args.info).read_text())
    _app, core, shell = open_shell(Path(args.home))
    ready: list[bool] = []
    shell.engineReady.connect(lambda: ready.append(True))
    engine = "started"
    try:
        shell.start_engine()
        wait_until(lambda: bool(ready), "the engine started")
    except Exception as exc:  # said in the result
        engine = f"not started: {exc!r}"
    window = shell.window
    view = window.side.view
    target = info["heavy"][0]
    settle(shell)
    rss: dict[str, float] = {"idle, nothing open": settled_rss(args.idle)}
    window.open_conversation(target["customer"], target["conversation"])
    wait_until(
        lambda: (
            view.conversation_id == target["conversation"] and view.messages.messages.rowCount() > 0
        ),
        "the conversation shown",
    )
    settle(shell)
    rss["idle, panel open"] = settled_rss(args.idle)

    def arrive(count: int, rate: float, tag: str) -> float:
        writer = Writer(
            core,
            info["account_id"],
            target["identity"],
            info["senders"],
            rate,
            1.0,
            count,
            0.1,
            tag,
        )
        started = time.monotonic()
        writer.start()
        wait_until(lambda: writer.written >= count or bool(writer.failed), "written", 600)
        writer.finish()
        if writer.failed:
            raise writer.failed[0]
        wait_until(lambda: last_arrived(view, writer), "in the view", 120)
        settle(shell)
        return time.monotonic() - started

    arrive(args.memory_warmup, args.memory_rate, "warmup")
    rss["after warm-up"] = settled_rss(args.idle)
    seconds = arrive(args.memory_messages, args.memory_rate, "memory")
    rss["after all"] = settled_rss(args.idle)
    out = {
        "rss_mb": rss,
        "engine": engine,
        "warmup": args.memory_warmup,
        "messages": args.memory_messages,
        "seconds": seconds,
        "rows": view.messages.messages.rowCount(),
        "heights_cached": cached_heights(view.messages),
    }
    if args.tracemalloc:
        out["top"] = allocations(view, core, target, info, args)
    close_shell(core, shell)
    return out


def cached_heights(messages: Any) -> int:
    delegate = messages.bubbles
    for name in ("_heights", "heights", "_sizes", "_cache"):
        found = getattr(delegate, name, None)
        if isinstance(found, dict):
            return len(found)
    return -1


def allocations(
    view: Any, core: Any, target: dict[str, Any], info: dict[str, Any], args: argparse.Namespace
) -> list[str]:
    """Where Python's memory grew over another ``--memory-messages`` / 5 arrivals."""
    import gc
    import tracemalloc

    tracemalloc.start(10)
    gc.collect()
    before = tracemalloc.take_snapshot()
    count = max(1000, args.memory_messages // 5)
    writer = Writer(
        core,
        info["account_id"],
        target["identity"],
        info["senders"],
        args.memory_rate,
        1.0,
        count,
        0.1,
        "traced",
    )
    writer.start()
    wait_until(lambda: writer.written >= count, "written", 600)
    writer.finish()
    wait_until(lambda: last_arrived(view, writer), "in the view", 120)
    idle(1.0)
    gc.collect()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    stats = after.compare_to(before, "traceback")[:8]
    lines = []
    for stat in stats:
        lines.append(f"{stat.size_diff / 1024:+.0f} KiB in {stat.count_diff:+d} blocks")
        lines.extend(f"    {frame}" for frame in stat.traceback.format()[-6:])
    return [f"over {count} more messages:", *lines]


def memory_figures(result: dict[str, Any]) -> list[Figure]:
    rss = result["rss_mb"]
    idle_rss = rss["idle, panel open"]
    growth = rss["after all"] - rss["after warm-up"]
    n = result["messages"]
    return [
        Figure(
            "idle RSS: full Shell, the panel showing a 10,000-message conversation",
            1,
            idle_rss,
            idle_rss,
            "value",
            "MB",
            f"<= {IDLE_RSS_MB:g}",
            idle_rss <= IDLE_RSS_MB,
            f"SIP engine {result['engine']}; channel host running (its bot has no token); "
            f"before the conversation (and its customer's card) was opened "
            f"{rss['idle, nothing open']:.1f} MB",
        ),
        Figure(
            f"RSS growth over {n:,} messages arriving into the open conversation",
            n,
            growth,
            growth,
            "value",
            "MB",
            f"<= {GROWTH_MB:g}",
            growth <= GROWTH_MB,
            f"{rss['after warm-up']:.1f} -> {rss['after all']:.1f} MB after a warm-up of "
            f"{result['warmup']} (from idle: {rss['after all'] - idle_rss:+.1f} MB); "
            f"{result['seconds']:.0f} s; the view holds {result['rows']:,} rows",
        ),
    ]


# --- the report ---------------------------------------------------------------------------------


def render(figures: list[Figure]) -> str:
    lines = [
        "| measure | n | p50 | p95 / p99 / value | target | met | note |",
        "|---|---:|---:|---:|---|---|---|",
    ]
    for f in figures:
        met = "" if f.met is None else ("yes" if f.met else "**no**")
        tail = (
            f"{f.tail:.2f} {f.unit} ({f.tail_name})"
            if f.tail_name != "value"
            else (f"{f.tail:.2f} {f.unit}")
        )
        lines.append(
            f"| {f.measure} | {f.n} | {f.p50:.2f} {f.unit} | {tail} | {f.target} | {met} | "
            f"{f.note} |"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.conversation_bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--only", default="open,waiting,typing,memory", help="comma-separated parts (default all)"
    )
    parser.add_argument(
        "--messages",
        type=int,
        default=10_000,
        help="messages in each of the two long conversations",
    )
    parser.add_argument("--waiting", type=int, default=1000, help="waiting conversations")
    parser.add_argument("--opens", type=int, default=30, help="timed opens (after 3 warm-up)")
    parser.add_argument(
        "--waiting-samples",
        type=int,
        default=30,
        help="rounds of the three waiting-list changes (after 2 warm-up)",
    )
    parser.add_argument("--seconds", type=float, default=60.0, help="typing: how long")
    parser.add_argument("--rate", type=float, default=100.0, help="typing: messages a second")
    parser.add_argument(
        "--open-share",
        type=float,
        default=0.5,
        help="typing: the share of the messages into the open conversation",
    )
    parser.add_argument("--memory-messages", type=int, default=10_000)
    parser.add_argument("--memory-warmup", type=int, default=500)
    parser.add_argument(
        "--memory-rate", type=float, default=500.0, help="memory: messages a second arriving"
    )
    parser.add_argument("--idle", type=float, default=5.0, help="s idle before reading RSS")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="typing: cProfile of the GUI thread, in the JSON and printed",
    )
    parser.add_argument(
        "--tracemalloc", action="store_true", help="memory: where Python's memory grows, printed"
    )
    parser.add_argument("--keep", help="keep the generated home in this folder (reused if there)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--home", help=argparse.SUPPRESS)
    parser.add_argument("--info", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def child(mode: str, argv: list[str], home: Path, info: Path, display: str) -> dict[str, Any]:
    env = {**os.environ, "DISPLAY": display}
    env.pop("QT_QPA_PLATFORM", None)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.conversation_bench",
            *argv,
            "--child",
            mode,
            "--home",
            str(home),
            "--info",
            str(info),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
        timeout=3600,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        guard_none(True)
        runs = {
            "open": run_open,
            "waiting": run_waiting,
            "typing": run_typing,
            "memory": run_memory,
        }
        print(json.dumps(runs[args.child](args)))
        return 0
    from tests.packaging.helpers import xvfb

    passed = [a for a in (argv if argv is not None else sys.argv[1:])]
    parts = [p for p in ("open", "waiting", "typing", "memory") if p in args.only.split(",")]
    raw: dict[str, Any] = {"machine_before": machine(), "args": vars(args)}
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="sb-conv-bench-") as tmp:
        template = Path(args.keep) if args.keep else Path(tmp) / "template"
        info_file = template / "bench-info.json"
        if not info_file.exists():
            template.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            info = build_home(template, args.messages, args.waiting)
            info["seconds"] = time.perf_counter() - started
            info_file.write_text(json.dumps(info))
        raw["data"] = {k: v for k, v in json.loads(info_file.read_text()).items() if k != "senders"}
        with xvfb() as display:
            for part in parts:
                home = Path(tmp) / part
                shutil.copytree(template, home)
                print(f"{part}...", file=sys.stderr, flush=True)
                raw[part] = child(part, passed, home, info_file, display)
                figures += {
                    "open": open_figures,
                    "waiting": waiting_figures,
                    "typing": typing_figures,
                    "memory": memory_figures,
                }[part](raw[part])
                shutil.rmtree(home, ignore_errors=True)
    raw["machine_after"] = machine()
    raw["figures"] = [asdict(f) for f in figures]
    DATA_DIR.mkdir(exist_ok=True)
    out = DATA_DIR / f"conversation-results-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(raw, indent=2))
    load = raw["machine_before"]["load_average"], raw["machine_after"]["load_average"]
    print(
        f"\n{raw['machine_after']['cpus']} cores, load average before {load[0]}, after "
        f"{load[1]}; data written in {raw['data'].get('seconds', 0):.0f} s; figures in {out}\n"
    )
    print(render(figures))
    if "typing" in raw and "profile" in raw["typing"]:
        print("\n" + raw["typing"]["profile"])
    if "memory" in raw and "top" in raw["memory"]:
        print("\n" + "\n".join(raw["memory"]["top"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

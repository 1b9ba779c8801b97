"""Benchmarks of the channel host with a Telegram bot, against the local Bot API
server (tests/servers/bot_api), on a database holding a busy shop's history.

    .venv/bin/python -m bench.channel_bench [--db sqlite|postgresql|both]
        [--only inbound,send,idle,memory] [--updates 20000] [--sends 200]
        [--idle-s 60] [--memory-updates 100000] [--reuse] [--profile]

- inbound: N updates from 2,000 chats (half of them customers' Telegram ids)
  waiting on the server; a channel host in a process of its own
  (tests/integrations/channel_child.py) drains them; updates stored per second,
  from its ``ready`` until the stored offset covers the last one.
- send: the host in this process, as the window runs it; the time from
  ``Outbox.queue`` returning to the server recording the sendMessage request,
  one message at a time with a pause between (an operator pressing Send).
- idle: the host process's CPU over ``--idle-s`` seconds with one bot long
  polling for real (25 s), minus the same host with the bot disabled.
- memory: the host process's RSS after a warm-up of 10,000 updates and after
  ``--memory-updates`` more (pushed in bursts as they are taken).

The data is bench/datagen.py's (100,000 customers, 1,000,000 interactions),
loaded as bench/core_bench.py loads it; SQLite works on a copy of
bench/data/core-C-I.db (made when missing or without --reuse), PostgreSQL on a
throw-away server from Debian's package (tests/servers/postgres.py). Targets
live here and in bench/README.md, never in timed tests.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import col
from sqlmodel import select as sql_select

from app.core import Core
from app.models import ChannelAccount, Conversation
from app.secrets import SecretKind
from bench.core_bench import DATA_DIR, load_postgresql, load_sqlite, open_core, percentile
from bench.datagen import WORDS, BenchData
from bench.proc_cpu import process_cpu_s
from integrations.base import AccountSettings, ChannelState
from integrations.host import ChannelHost
from integrations.telegram.channel import TelegramChannel
from tests.servers.bot_api import Bot, BotApiServer

ROOT = Path(__file__).resolve().parents[1]
FIRST_UPDATE_ID = 1_000_001  # so the stored offset says how many updates are in
SENDERS = 2000
TARGETS = {
    "inbound_per_s": 1000.0,  # >= updates stored per second
    "send_p95_ms": 50.0,  # <=
    "idle_cpu_percent": 0.2,  # <= of one core
    "memory_growth_mb": 10.0,  # <=
}


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str
    met: bool
    detail: str = ""


@dataclass
class Report:
    db: str
    conditions: str
    figures: list[Figure] = field(default_factory=list)
    profile: str = ""


# --- the host in a process of its own -----------------------------------------------


class HostProcess:
    """tests/integrations/channel_child.py: a core and a ChannelHost, until stopped."""

    def __init__(self, url: str, home: Path, account_id: int, token: str, poll_s: int) -> None:
        home.mkdir(parents=True, exist_ok=True)
        self.log = home / "host.log"
        args = [sys.executable, "-m", "tests.integrations.channel_child", "--db-url", url,
                "--home", str(home), "--account-id", str(account_id), "--token", token,
                "--poll-timeout", str(poll_s)]
        with self.log.open("a") as log:
            self.process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE,
                                            stderr=log, text=True)
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], 120)
        if not ready or self.process.stdout.readline().strip() != "ready":
            self.stop()
            raise RuntimeError(f"the host did not start: {self.log.read_text()[-2000:]}")
        self.ready_at = time.perf_counter()

    @property
    def pid(self) -> int:
        return self.process.pid

    def cpu_s(self) -> float:
        return process_cpu_s(self.pid)

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)
        if self.process.stdout is not None:
            self.process.stdout.close()


@contextlib.contextmanager
def host_process(url: str, home: Path, account_id: int, token: str,
                 poll_s: int = 2) -> Iterator[HostProcess]:
    host = HostProcess(url, home, account_id, token, poll_s)
    try:
        yield host
    finally:
        host.stop()


# --- what the bench talks to ----------------------------------------------------------


@dataclass
class Desk:
    core: Core
    url: str
    home: Path
    server: BotApiServer
    bot: Bot
    account_id: int
    senders: list[dict[str, Any]]
    rng: random.Random
    pushed: int = 0

    def push(self, count: int) -> None:
        """``count`` texts of 3-15 shop words, from the senders at random."""
        for _ in range(count):
            sender = self.rng.choice(self.senders)
            words = self.rng.choices(WORDS, k=self.rng.randint(3, 15))
            self.pushed += 1
            self.bot.push_text(sender, f"{' '.join(words)} #{self.pushed}")

    def stored(self) -> int:
        """Updates committed, as the offset stored with them says."""
        value = self.core.inbox.cursor(self.account_id, "offset")
        return int(value) - FIRST_UPDATE_ID if value else 0

    def set_enabled(self, enabled: bool) -> None:
        with self.core.db.session() as s:
            account = s.get(ChannelAccount, self.account_id)
            assert account is not None
            account.enabled = enabled
            s.add(account)


def known_telegram_ids(data: BenchData) -> list[int]:
    """The Telegram ids datagen gave customers (15% of them), in customer order."""
    ids: list[int] = []
    for _customers, points in data.customer_batches():
        ids += [int(p["normalized"]) for p in points if p["kind"] == "telegram"]
    return ids


def make_desk(core: Core, url: str, home: Path, server: BotApiServer,
              data: BenchData) -> Desk:
    rng = random.Random(20261203)
    bot = server.add_bot("shop_bench_bot")
    with core.db.session() as s:
        account = ChannelAccount(kind="telegram", label="Shop bot",
                                 config={"server": server.base_url})
        s.add(account)
        s.flush()
        assert account.id is not None
        account_id = account.id
    ids = known_telegram_ids(data)
    known = rng.sample(ids, min(len(ids), SENDERS // 2))
    senders = [bot.user(f"Клієнт {n}", user_id=user_id) for n, user_id in enumerate(known)]
    senders += [bot.user(f"Новий {n}", last_name="Покупець")
                for n in range(SENDERS - len(known))]
    return Desk(core, url, home, server, bot, account_id, senders, rng)


# --- inbound --------------------------------------------------------------------------


def measure_inbound(desk: Desk, count: int, profile: bool) -> tuple[list[Figure], str]:
    start = desk.stored()
    desk.push(count)
    target = desk.pushed
    samples: list[tuple[float, int]] = []
    profile_text = ""
    with host_process(desk.url, desk.home / "inbound", desk.account_id, desk.bot.token) as host:
        cpu0 = host.cpu_s()
        spy = _py_spy(host.pid, desk.home / "inbound.spy") if profile else None
        while (done := desk.stored()) < target:
            samples.append((time.perf_counter(), done))
            if host.process.poll() is not None:
                raise RuntimeError(f"the host died: {host.log.read_text()[-2000:]}")
            time.sleep(0.05)
        end = time.perf_counter()
        cpu = host.cpu_s() - cpu0
        if spy is not None:
            spy.send_signal(signal.SIGINT)  # py-spy writes its file on Ctrl-C
            spy.wait(timeout=60)
            profile_text = summarize_py_spy(desk.home / "inbound.spy")
        wall = end - host.ready_at
    n = target - start
    # Steady: from a tenth in (connections made, the first conversations) to the end.
    tenth = next(((t, d) for t, d in samples if d - start >= n // 10), (host.ready_at, start))
    steady = (target - tenth[1]) / (end - tenth[0])
    rate = n / wall
    figures = [
        Figure("inbound: updates stored per second", rate, "/s",
               f">= {TARGETS['inbound_per_s']:g}", rate >= TARGETS["inbound_per_s"],
               f"{n} updates from {SENDERS} chats in {wall:.1f} s; steady (after the first "
               f"tenth) {steady:.0f}/s; host CPU {cpu:.1f} s = {100 * cpu / wall:.0f}% of a "
               "core"),
    ]
    return figures, profile_text


def _py_spy(pid: int, out: Path) -> subprocess.Popen[bytes] | None:
    spy = shutil.which("py-spy") or shutil.which("py-spy", path=str(Path(sys.executable).parent))
    if spy is None:
        print("py-spy not found on PATH: no profile (pip install py-spy)", file=sys.stderr)
        return None
    return subprocess.Popen([spy, "record", "--pid", str(pid), "--rate", "200", "--format",
                             "raw", "--output", str(out), "--nonblocking"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# Which of the host's threads a stack is, by the function it runs.
THREAD_ROLES = (
    ("InboundWriter._work", "inbound writer"),
    ("TelegramChannel._run", "Telegram poller"),
    ("ChannelHost._send_loop", "sender"),
)


def summarize_py_spy(raw: Path, top: int = 25) -> str:
    """Collapsed stacks -> the share of samples each of our functions (and the
    libraries' leaves) was on the stack in, per thread, busiest first."""
    if not raw.exists():
        return "(py-spy wrote no profile)"
    inclusive: Counter[str] = Counter()
    leaves: Counter[str] = Counter()
    threads: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        names = [_frame(frame) for frame in stack.split(";")]
        total += count
        threads[next((role for marker, role in THREAD_ROLES if marker in stack), "other")] += count
        for name in {n for n in names if n.startswith(("app/", "integrations/"))}:
            inclusive[name] += count
        leaves[names[-1]] += count
    if not total:
        return "(no samples)"
    lines = [f"{total} samples of running threads; by thread: "
             + ", ".join(f"{t} {100 * c / total:.0f}%" for t, c in threads.most_common(6)),
             "", "our code, inclusive (share of all samples):"]
    lines += [f"  {100 * c / total:5.1f}%  {name}" for name, c in inclusive.most_common(top)]
    lines += ["", "leaves (where the interpreter was):"]
    lines += [f"  {100 * c / total:5.1f}%  {name}" for name, c in leaves.most_common(15)]
    return "\n".join(lines)


def _frame(frame: str) -> str:
    """'store (app/inbox.py:160)' -> 'app/inbox.py:store'; library paths shortened."""
    name, _, where = frame.partition(" (")
    path = where.rstrip(")").rsplit(":", 1)[0]
    for marker in ("site-packages/", "/work/main/", str(ROOT) + "/"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{path}:{name}"


# --- sending --------------------------------------------------------------------------


def measure_send(desk: Desk, count: int) -> list[Figure]:
    """The window's case: the host runs in the process that queues."""
    core, server = desk.core, desk.server
    with core.db.session() as s:
        conversations = list(s.exec(
            sql_select(Conversation.id).where(Conversation.account_id == desk.account_id)
            .order_by(col(Conversation.id)).limit(50)))
    if not conversations:
        raise RuntimeError("no conversations: run the inbound part first")

    def telegram(settings: AccountSettings) -> TelegramChannel:
        return TelegramChannel(settings, poll_timeout_s=25)

    core.secrets.set(SecretKind.CHANNEL, desk.account_id, desk.bot.token)
    host = ChannelHost(core, factories={TelegramChannel.kind: telegram})
    host.start()
    latencies: list[float] = []
    try:
        deadline = time.monotonic() + 30
        while not any(st.state is ChannelState.CONNECTED for st in host.statuses()):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the bot never connected: {host.statuses()}")
            time.sleep(0.05)
        seen = server.request_count("sendMessage")
        for n in range(count + 10):
            text = f"Відповідь {n}: замовлення №{48000 + n} готове до відправки"
            conversation = conversations[n % len(conversations)]
            row = core.outbox.queue(conversation, text, operator="Ірина",
                                    idempotency_key=f"bench-send-{desk.pushed}-{n}")
            queued = time.time()
            requests = server.wait_for_requests(seen + 1, method="sendMessage", timeout=30)
            seen += 1
            request = next(r for r in reversed(requests) if r.params.get("text") == text)
            if n >= 10:  # the first ones warm the connection and the statements
                latencies.append((request.at - queued) * 1000)
            deadline = time.monotonic() + 30
            while core.outbox.get(row.id or 0).status != "sent":
                if time.monotonic() > deadline:
                    raise RuntimeError(f"#{row.id} never marked sent")
                time.sleep(0.005)
            time.sleep(desk.rng.uniform(0.05, 0.2))  # the operator reads, types
    finally:
        host.stop()
    p95 = percentile(latencies, 95)
    return [Figure("send: Outbox.queue -> request at the server, p95", p95, "ms",
                   f"<= {TARGETS['send_p95_ms']:g}", p95 <= TARGETS["send_p95_ms"],
                   f"{len(latencies)} sends; p50 {percentile(latencies, 50):.1f}, "
                   f"p99 {percentile(latencies, 99):.1f}, max {max(latencies):.1f} ms")]


# --- idle -----------------------------------------------------------------------------


def _idle_cpu(desk: Desk, home: Path, seconds: float) -> tuple[float, int]:
    with host_process(desk.url, home, desk.account_id, desk.bot.token, poll_s=25) as host:
        time.sleep(5)  # imports done, the first long poll under way
        polls = desk.server.request_count("getUpdates")
        cpu0, t0 = host.cpu_s(), time.perf_counter()
        time.sleep(seconds)
        cpu, wall = host.cpu_s() - cpu0, time.perf_counter() - t0
        return 100 * cpu / wall, desk.server.request_count("getUpdates") - polls


def measure_idle(desk: Desk, seconds: float) -> list[Figure]:
    with_bot, polls = _idle_cpu(desk, desk.home / "idle-bot", seconds)
    desk.set_enabled(False)
    try:
        without, _ = _idle_cpu(desk, desk.home / "idle-none", seconds)
    finally:
        desk.set_enabled(True)
    extra = with_bot - without
    return [Figure("idle: extra CPU of one polling bot", extra, "% of a core",
                   f"<= {TARGETS['idle_cpu_percent']:g}", extra <= TARGETS["idle_cpu_percent"],
                   f"host with the bot {with_bot:.3f}%, with it disabled {without:.3f}%, over "
                   f"{seconds:.0f} s each; {polls} getUpdates (25 s long polls)")]


# --- memory ---------------------------------------------------------------------------


def measure_memory(desk: Desk, count: int, warmup: int = 10_000) -> list[Figure]:
    curve: list[tuple[int, float]] = []
    with host_process(desk.url, desk.home / "memory", desk.account_id, desk.bot.token) as host:
        start = desk.stored()
        goal = start + warmup + count
        before = None
        next_sample = start + warmup
        while (done := desk.stored()) < goal:
            if host.process.poll() is not None:
                raise RuntimeError(f"the host died: {host.log.read_text()[-2000:]}")
            if desk.pushed < goal and desk.pushed - done < 2000:
                desk.push(min(3000, goal - desk.pushed))
            if done >= next_sample:
                curve.append((done - start, host.rss_mb()))
                if before is None:
                    before = curve[-1][1]
                next_sample += 10_000
            time.sleep(0.05)
        after = host.rss_mb()
    assert before is not None
    curve.append((desk.stored() - start, after))
    growth = after - before
    points = ", ".join(f"{n // 1000}k {mb:.0f}" for n, mb in curve)
    return [Figure("memory: RSS growth over the updates after a warm-up", growth, "MB",
                   f"<= {TARGETS['memory_growth_mb']:g}",
                   growth <= TARGETS["memory_growth_mb"],
                   f"{before:.1f} MB after {warmup:,} updates, {after:.1f} MB after "
                   f"{count:,} more; RSS MB by updates stored: {points}")]


# --- running --------------------------------------------------------------------------


def run(db: str, url: str, data: BenchData, args: argparse.Namespace,
        conditions: str) -> Report:
    report = Report(db, conditions)
    parts = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="sb-channel-bench-") as tmp, \
            BotApiServer(first_update_id=FIRST_UPDATE_ID) as server:
        home = Path(tmp)
        core = open_core(url, home / "bench")
        try:
            desk = make_desk(core, url, home, server, data)
            if "inbound" in parts or "send" in parts:
                print(f"{db}: inbound...", file=sys.stderr)
                figures, report.profile = measure_inbound(desk, args.updates, args.profile)
                report.figures += figures if "inbound" in parts else []
            if "send" in parts:
                print(f"{db}: send...", file=sys.stderr)
                report.figures += measure_send(desk, args.sends)
            if "idle" in parts:
                print(f"{db}: idle...", file=sys.stderr)
                report.figures += measure_idle(desk, args.idle_s)
            if "memory" in parts:
                print(f"{db}: memory...", file=sys.stderr)
                report.figures += measure_memory(desk, args.memory_updates)
        finally:
            core.close()
    return report


def prepare_sqlite(args: argparse.Namespace, data: BenchData) -> str:
    DATA_DIR.mkdir(exist_ok=True)
    template = DATA_DIR / f"core-{args.customers}-{args.interactions}.db"
    if not (args.reuse and template.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{template}{suffix}").unlink(missing_ok=True)
        print("sqlite: generating...", file=sys.stderr)
        core = open_core(f"sqlite:///{template}", DATA_DIR / "home")
        try:
            load_sqlite(core, data)
        finally:
            core.close()
    work = DATA_DIR / "channel-bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, work)
    return f"sqlite:///{work}"


def _figure(value: float) -> str:
    """Three significant digits, never in exponent form (1,380, not 1.38e+03)."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def render(report: Report) -> str:
    lines = [f"### {report.db}", "", report.conditions, "",
             "| measure | value | target | met | detail |", "|---|---:|---|---|---|"]
    for f in report.figures:
        lines.append(f"| {f.name} | {_figure(f.value)} {f.unit} | {f.target} | "
                     f"{'yes' if f.met else '**no**'} | {f.detail} |")
    if report.profile:
        lines += ["", "<details><summary>py-spy profile of the host while draining</summary>",
                  "", "```", report.profile, "```", "", "</details>"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.channel_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--only", default="inbound,send,idle,memory")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=1_000_000)
    parser.add_argument("--updates", type=int, default=20_000)
    parser.add_argument("--sends", type=int, default=200)
    parser.add_argument("--idle-s", type=float, default=60.0)
    parser.add_argument("--memory-updates", type=int, default=100_000)
    parser.add_argument("--reuse", action="store_true",
                        help="SQLite: reuse bench/data/core-C-I.db when it exists")
    parser.add_argument("--profile", action="store_true",
                        help="py-spy the host while it drains the inbound updates")
    args = parser.parse_args(argv)
    reports = []
    for db in (["sqlite", "postgresql"] if args.db == "both" else [args.db]):
        data = BenchData(args.customers, args.interactions)
        load = os.getloadavg()
        conditions = (f"{args.customers:,} customers, {args.interactions:,} interactions; "
                      f"{len(os.sched_getaffinity(0))} cores, load average {load[0]:.1f} at "
                      f"the start; Python {platform.python_version()}")
        if db == "sqlite":
            import sqlite3
            url = prepare_sqlite(args, data)
            reports.append(run(f"SQLite {sqlite3.sqlite_version}", url, data, args, conditions))
        else:
            reports.append(bench_postgresql(args, data, conditions))
        print(render(reports[-1]), flush=True)
    DATA_DIR.mkdir(exist_ok=True)  # only the SQLite runs made it
    out = DATA_DIR / f"channel-results-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps([
        {"db": r.db, "conditions": r.conditions, "profile": r.profile,
         "figures": [vars(f) for f in r.figures]} for r in reports
    ], ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"figures written to {out}", file=sys.stderr)
    return 0


def bench_postgresql(args: argparse.Namespace, data: BenchData, conditions: str) -> Report:
    from tests.servers.postgres import postgres_server

    with postgres_server() as server:
        name = server.create_database()
        url = server.url(name)
        print("postgresql: generating...", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="sb-bench-") as home:
            core = open_core(url, Path(home))
            try:
                load_postgresql(core, data)
                with core.db.engine.connect() as conn:
                    version = conn.exec_driver_sql("SHOW server_version").scalar_one()
            finally:
                core.close()
        return run(f"PostgreSQL {str(version).split()[0]}", url, data, args,
                   conditions + "; the test server's settings (fsync off)")


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())

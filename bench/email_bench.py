"""Benchmarks of a mailbox read through the channel host from a local dovecot
(tests/servers/dovecot.py), mail delivered over LMTP.

    .venv/bin/python -m bench.email_bench [--db sqlite|postgresql] [--messages 10000]
        [--pushes 50] [--idle-s 60] [--only sync,push,idle]

- sync: ``--messages`` messages (from 2,000 senders, a few shop words each, a
  third of them replies in their sender's thread) waiting in INBOX; a host
  started in this process reads them all; messages stored per second from its
  start until the folder's cursor covers the last UID; the process's CPU.
- push: one message at a time delivered over LMTP while the channel idles
  (IDLE, polling off); from the LMTP delivery returning to the message's row
  being committed, ``--pushes`` times, 100-300 ms apart.
- idle: this process's CPU over ``--idle-s`` seconds with the mailbox in IDLE,
  minus the same host with the mailbox disabled.

The database is empty apart from the mail (SQLite in a temp dir, or a
throw-away PostgreSQL server from tests/servers/postgres.py). Targets live here
and in bench/README.md, never in timed tests.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from app.core import Core
from app.models import ChannelAccount, Interaction
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings
from bench.proc_cpu import process_cpu_s
from tests.integrations.email_desk import PASSWORD, SHOP, MailDesk, mail, mailbox_settings
from tests.servers.dovecot import DovecotServer, dovecot_server

TARGETS = {"push_p95_s": 2.0, "idle_cpu_percent": 0.1}
WORDS = [
    *("замовлення", "доставка", "оплата", "повернення", "розмір", "колір", "ціна", "знижка"),
    *("заказ", "доставка", "оплата", "возврат", "размер", "цвет", "цена", "скидка"),
    *("order", "delivery", "refund", "size", "price"),
]


def _messages(count: int) -> list[bytes]:
    rng = random.Random(20261203)
    out = []
    for n in range(count):
        sender = n % 2000
        reply = n >= 2000 and rng.random() < 1 / 3
        first = f"<m{sender}@customer{sender % 50}.example>"
        out.append(
            mail(
                f"<m{n}@customer{sender % 50}.example>" if n >= 2000 else first,
                sender=f"c{sender}@customer{sender % 50}.example",
                name=f"Клієнт {sender}",
                subject=("Re: " if reply else "") + f"Питання {sender if reply else n}",
                text=" ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 40))),
                in_reply_to=first if reply else "",
                references=[first] if reply else (),
            )
        )
    return out


def _count(core: Core) -> int:
    with core.db.session() as s:
        return int(
            s.exec(
                select(func.count()).select_from(Interaction).where(Interaction.channel == "email")
            ).one()
        )


def _wait(check: object, timeout: float, poll: float = 0.01) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(poll)
    raise TimeoutError("the bench waited too long")


Row = tuple[str, str, str, str]  # measure, value, target, detail


def measure_sync(core: Core, dovecot: DovecotServer, count: int) -> tuple[MailDesk, Row]:
    t0 = time.perf_counter()
    dovecot.deliver(SHOP, *_messages(count))
    delivered = time.perf_counter() - t0
    desk = MailDesk(core, dovecot, mailbox_settings(dovecot))
    uidvalidity = dovecot.uidvalidity(SHOP)
    cpu0, t0 = process_cpu_s(os.getpid()), time.perf_counter()
    desk.start()
    _wait(lambda: desk.cursor() == f"{uidvalidity}:{count}", timeout=3600, poll=0.05)
    wall, cpu = time.perf_counter() - t0, process_cpu_s(os.getpid()) - cpu0
    stored = _count(core)
    return desk, (
        "first sync: messages stored per second",
        f"{stored / wall:,.0f} /s",
        "-",
        f"{stored:,} messages in {wall:.1f} s; process CPU {cpu:.1f} s = "
        f"{100 * cpu / wall:.0f}% of a core; their LMTP delivery took {delivered:.1f} s",
    )


def measure_push(desk: MailDesk, dovecot: DovecotServer, pushes: int) -> Row:
    rng = random.Random(7)
    samples = []
    for n in range(pushes):
        before = _count(desk.core)
        dovecot.deliver(SHOP, mail(f"<push{n}@customer.example>", subject=f"Push {n}"))
        t0 = time.perf_counter()
        _wait(lambda: _count(desk.core) > before, timeout=60, poll=0.002)  # noqa: B023
        samples.append(time.perf_counter() - t0)
        time.sleep(rng.uniform(0.1, 0.3))
    samples.sort()
    p95 = samples[int(0.95 * (len(samples) - 1))]
    met = "met" if p95 <= TARGETS["push_p95_s"] else "**not met**"
    return (
        "IDLE: delivered -> stored, p95",
        f"{1000 * p95:.0f} ms",
        f"<= 2 s: {met}",
        f"{pushes} pushes; p50 {1000 * statistics.median(samples):.0f}, max "
        f"{1000 * samples[-1]:.0f} ms (polling off: IDLE only)",
    )


def _cpu_over(seconds: float) -> float:
    cpu0, t0 = process_cpu_s(os.getpid()), time.perf_counter()
    time.sleep(seconds)
    return 100 * (process_cpu_s(os.getpid()) - cpu0) / (time.perf_counter() - t0)


def measure_idle(desk: MailDesk, seconds: float) -> Row:
    time.sleep(2)
    with_idle = _cpu_over(seconds)
    with desk.core.db.session() as s:
        row = s.get(ChannelAccount, desk.account_id)
        assert row is not None
        row.enabled = False
        s.add(row)
    desk.host.reload()
    time.sleep(2)
    without = _cpu_over(seconds)
    extra = with_idle - without
    met = "met" if extra <= TARGETS["idle_cpu_percent"] else "**not met**"
    return (
        "idle: extra CPU of one IDLE connection",
        f"{extra:.3f} % of a core",
        f"<= 0.1: {met}",
        f"process with the mailbox idling {with_idle:.3f}%, with it disabled {without:.3f}%, "
        f"over {seconds:.0f} s each",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.email_bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--pushes", type=int, default=50)
    parser.add_argument("--idle-s", type=float, default=60.0)
    parser.add_argument("--only", default="sync,push,idle")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    with ExitStack() as stack:
        home = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="email-bench-")))
        if args.db == "postgresql":
            from tests.servers.postgres import postgres_server

            pg = stack.enter_context(postgres_server())
            url = pg.url(pg.create_database())
        else:
            url = f"sqlite:///{home / 'bench.db'}"
        paths = AppPaths(home / "config", home / "data", home / "logs")
        paths.ensure()
        core = Core.open(paths, Settings(database_url=url), secrets=SecretStore(MemoryKeyring()))
        stack.callback(core.close)
        dovecot = stack.enter_context(dovecot_server())
        dovecot.add_user(SHOP, PASSWORD)
        load = os.getloadavg()[0]
        rows: list[Row] = []
        desk, synced = measure_sync(core, dovecot, args.messages if "sync" in only else 0)
        stack.callback(desk.stop)
        if "sync" in only:
            rows.append(synced)
        if "push" in only:
            rows.append(measure_push(desk, dovecot, args.pushes))
        if "idle" in only:
            rows.append(measure_idle(desk, args.idle_s))
        print(f"\n{args.db}, load average {load:.1f} at the start, {os.cpu_count()} cores\n")
        print("| measure | value | target | detail |\n|---|---:|---|---|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

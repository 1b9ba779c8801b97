"""Benchmarks of the core on SQLite and PostgreSQL: screen-pop, timeline, search.

    .venv/bin/python -m bench.core_bench [--db sqlite|postgresql|both]
        [--customers 100000] [--interactions 1000000] [--explain] [--reuse]

Generates the data (bench/datagen.py) with bulk inserts (SQLAlchemy core
``insert()`` executemany on SQLite, with the FTS triggers of migration 0002 in
place so the FTS5 index is built as the app builds it; COPY on PostgreSQL, with
the GIN indexes in place), then times the core's own calls, as the window makes
them (a fresh session per call, normalisation included). PostgreSQL is a
throw-away server from Debian's package (tests/servers/postgres.py).

Speed targets live here, never in timed tests. Prints a markdown table per
database and writes the figures as JSON under bench/data/.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, insert, text

from app.core import Core
from app.models import ContactPoint, Customer, Interaction
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings
from bench.datagen import BenchData, as_tuple

DATA_DIR = Path(__file__).with_name("data")
SEARCH_BUDGET_MS = 5_000  # per search query; keeps the whole bench within minutes

# name -> (target p99 in ms, what is timed)
TARGETS = {
    "lookup": 5.0,
    "timeline": 50.0,
    "search": 50.0,
    "browse": 50.0,
}


@dataclass
class Figure:
    name: str
    what: str
    target_ms: float
    samples: list[float] = field(repr=False)
    found: str = ""

    @property
    def p50(self) -> float:
        return percentile(self.samples, 50)

    @property
    def p99(self) -> float:
        return percentile(self.samples, 99)

    @property
    def met(self) -> bool:
        return self.p99 <= self.target_ms


@dataclass
class Report:
    db: str
    customers: int
    contact_points: int
    interactions: int
    heavy_interactions: int
    generation_s: dict[str, float]
    db_size_mb: float
    figures: list[Figure]
    explain: dict[str, str] = field(default_factory=dict)


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile: p99 of 2,000 samples is the 1,980th fastest."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


# --- loading -----------------------------------------------------------------------


def load_sqlite(core: Core, data: BenchData) -> dict[str, float]:
    """Core insert() executemany in batches of 10k rows, one transaction per 100k,
    on one connection with a 256 MB page cache (the app's connections keep the
    default; the engine is disposed after loading). The FTS triggers of migration
    0002 fire per row, as they do when the app records an interaction."""
    engine = core.db.engine
    times: dict[str, float] = {}
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA cache_size=-262144")
        start = time.perf_counter()
        for customers, points in data.customer_batches():
            conn.execute(insert(Customer.__table__), customers)  # type: ignore[attr-defined]
            conn.execute(insert(ContactPoint.__table__), points)  # type: ignore[attr-defined]
        conn.commit()
        times["customers"] = time.perf_counter() - start
        start = time.perf_counter()
        for i, batch in enumerate(data.interaction_batches(10_000)):
            conn.execute(insert(Interaction.__table__), batch)  # type: ignore[attr-defined]
            if i % 10 == 9:
                conn.commit()
        conn.commit()
        times["interactions"] = time.perf_counter() - start
        start = time.perf_counter()
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        times["checkpoint"] = time.perf_counter() - start
    engine.dispose()
    return times


def _copy(engine: Engine, table: str, columns: list[str], rows: Iterator[dict]) -> None:
    raw = engine.raw_connection()
    try:
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with raw.cursor() as cur, cur.copy(sql) as copy:  # type: ignore[attr-defined]
            for row in rows:
                copy.write_row(as_tuple(row, columns))
        raw.commit()
    finally:
        raw.close()


def load_postgresql(core: Core, data: BenchData) -> dict[str, float]:
    """COPY with the GIN indexes and foreign keys in place, then VACUUM ANALYZE
    (what autovacuum does on its own a little later)."""
    engine = core.db.engine
    times: dict[str, float] = {}
    cust_cols = [c.name for c in Customer.__table__.columns]  # type: ignore[attr-defined]
    cp_cols = [c.name for c in ContactPoint.__table__.columns]  # type: ignore[attr-defined]
    int_cols = [c.name for c in Interaction.__table__.columns]  # type: ignore[attr-defined]
    start = time.perf_counter()
    points: list[dict] = []

    def customers() -> Iterator[dict]:
        for batch, cps in data.customer_batches():
            points.extend(cps)
            yield from batch

    _copy(engine, "customer", cust_cols, customers())
    _copy(engine, "contactpoint", cp_cols, iter(points))
    times["customers"] = time.perf_counter() - start
    start = time.perf_counter()
    _copy(engine, "interaction", int_cols,
          (row for batch in data.interaction_batches() for row in batch))
    times["interactions"] = time.perf_counter() - start
    start = time.perf_counter()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in ("customer", "contactpoint", "interaction"):
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        conn.exec_driver_sql("VACUUM ANALYZE")
    times["vacuum_analyze"] = time.perf_counter() - start
    return times


# --- measuring ---------------------------------------------------------------------


def lookup_inputs(data: BenchData, n: int) -> list[tuple[str, bool]]:
    """(number as the SIP stack hands it over, expected hit): 70% known numbers
    in the forms they arrive in, 30% unknown numbers, a few withheld."""
    rng = random.Random(7)
    phones = set(data.phones)
    out: list[tuple[str, bool]] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.7:
            e164 = rng.choice(data.phones)
            form = rng.random()
            if e164.startswith("+380") and form < 0.4:
                out.append(("0" + e164[4:], True))  # national form from a UA trunk
            elif e164.startswith("+380") and form < 0.6:
                out.append((e164[1:], True))  # without the +, as some trunks send it
            else:
                out.append((e164, True))
        elif r < 0.98:
            e164 = data.random_phone(rng)[0]
            out.append((e164, e164 in phones))
        else:
            out.append(("anonymous", False))
    return out


def measure_lookup(core: Core, data: BenchData, n: int) -> Figure:
    inputs = lookup_inputs(data, n)
    for number, _ in inputs[:100]:  # warm-up: connections, statement cache
        core.customers.find("phone", number)
    samples, hits, wrong = [], 0, 0
    for number, expected in inputs:
        ms, found = timed(lambda number=number: core.customers.find("phone", number))
        samples.append(ms)
        hits += found is not None
        wrong += (found is not None) != expected
    if wrong:
        raise AssertionError(f"{wrong} lookups found the wrong answer")
    return Figure("lookup", f"customers.find('phone', n), {n} numbers",
                  TARGETS["lookup"], samples, f"{hits} hits, {n - hits} misses")


def measure_timeline(core: Core, data: BenchData, n: int) -> Figure:
    cid = data.heavy_customer_id
    for _ in range(5):
        core.timeline.page(cid, limit=50)
    samples = []
    rows: list = []
    for _ in range(n):
        ms, rows = timed(lambda: core.timeline.page(cid, limit=50))
        samples.append(ms)
    assert len(rows) == 50
    return Figure("timeline", f"timeline.page(heavy customer, 50), {n}x",
                  TARGETS["timeline"], samples,
                  f"50 rows of {data.heavy_interactions}")


def search_queries(data: BenchData) -> list[tuple[str, str]]:
    """(label, query) as typed in the search box."""
    some_phone = data.phones[len(data.phones) // 3]
    return [
        ("surname prefix", "Петр"),
        ("first name + surname prefix", "олег шевч"),
        ("latin surname", "Kowalski"),
        ("common body word", "доставка"),
        ("frequent body word", "гарантия"),
        ("rare body word", "кофеварка"),
        ("two body words", "ноутбук гарантія"),
        ("order number", "№48213"),
        ("phone digits", some_phone[-7:]),
        ("phone, typed", f"{some_phone[-9:-7]} {some_phone[-7:-4]} {some_phone[-4:-2]}"),
        ("email part", "shevchenko"),
    ]


def measure_search(core: Core, data: BenchData, kind: str, repeats: int) -> list[Figure]:
    figures = []
    for label, query in search_queries(data):
        if kind == "search":
            def call(query: str = query) -> tuple[int, int]:
                res = core.search(query)
                return len(res.customers), len(res.interactions)
            what = f"core.search({query!r})"
        else:
            def call(query: str = query) -> tuple[int, int]:
                return len(core.customers.browse(query)), 0
            what = f"customers.browse({query!r})"
        call()  # warm-up
        samples = []
        result: tuple[int, int] = (0, 0)
        spent = 0.0
        for _ in range(repeats):
            ms, result = timed(call)
            samples.append(ms)
            spent += ms
            if spent > SEARCH_BUDGET_MS and len(samples) >= 3:
                break  # a query that takes seconds: a few samples say enough
        found = (f"{result[0]} customers, {result[1]} interactions" if kind == "search"
                 else f"{result[0]} customers")
        figures.append(Figure(f"{kind}: {label}", what, TARGETS[kind], samples, found))
    return figures


# --- query plans -------------------------------------------------------------------


@contextlib.contextmanager
def captured(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []

    def grab(conn: Any, cursor: Any, stmt: str, params: Any, ctx: Any, many: bool) -> None:
        if not stmt.lstrip().upper().startswith(("SELECT", "WITH")):
            return
        statements.append((stmt, params))

    event.listen(engine, "before_cursor_execute", grab)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", grab)


def explain_calls(core: Core, data: BenchData) -> dict[str, str]:
    """The plans of the statements the measured calls really send."""
    engine = core.db.engine
    pg = engine.dialect.name == "postgresql"
    calls: dict[str, Callable[[], Any]] = {
        "lookup": lambda: core.customers.find("phone", data.phones[0]),
        "timeline": lambda: core.timeline.page(data.heavy_customer_id, limit=50),
    }
    for label, query in search_queries(data):
        calls[f"search: {label}"] = lambda query=query: core.search(query)
    plans: dict[str, str] = {}
    for name, call in calls.items():
        with captured(engine) as statements:
            call()
        parts = []
        for stmt, params in statements:
            prefix = "EXPLAIN (ANALYZE, BUFFERS) " if pg else "EXPLAIN QUERY PLAN "
            with engine.connect() as conn:
                rows = conn.exec_driver_sql(prefix + stmt, params).fetchall()
            if pg:
                plan = "\n".join(r[0] for r in rows)
            else:
                plan = "\n".join(f"{'  ' * _depth(rows, r)}{r[3]}" for r in rows)
            runs: list[float] = []
            with engine.connect() as conn:
                while len(runs) < 5 and sum(runs) < 1000:  # a slow one: once is enough
                    start = time.perf_counter()
                    conn.exec_driver_sql(stmt, params).fetchall()
                    runs.append((time.perf_counter() - start) * 1000)
            sql = " ".join(stmt.split())
            took = f"{statistics.median(runs):.2f} ms (median of {len(runs)})"
            parts.append(f"-- {took}: {sql[:400]}\n{plan}")
        plans[name] = "\n".join(parts)
    return plans


def _depth(rows: list, row: Any) -> int:
    parents = {r[0]: r[1] for r in rows}
    depth, parent = 0, row[1]
    while parent in parents:
        depth, parent = depth + 1, parents[parent]
    return depth


# --- running -----------------------------------------------------------------------


def open_core(url: str, home: Path) -> Core:
    paths = AppPaths(home / "config", home / "data", home / "logs")
    return Core.open(paths, Settings(database_url=url, default_region="UA"),
                     secrets=SecretStore(MemoryKeyring()))


def run_measurements(core: Core, data: BenchData, args: argparse.Namespace) -> list[Figure]:
    figures = [measure_lookup(core, data, args.lookups),
               measure_timeline(core, data, args.repeats * 5)]
    figures += measure_search(core, data, "search", args.repeats)
    figures += measure_search(core, data, "browse", args.repeats)
    return figures


def bench_sqlite(args: argparse.Namespace, data: BenchData) -> Report:
    DATA_DIR.mkdir(exist_ok=True)
    db_file = DATA_DIR / f"core-{args.customers}-{args.interactions}.db"
    reuse = args.reuse and db_file.exists()
    if not reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    core = open_core(f"sqlite:///{db_file}", DATA_DIR / "home")
    try:
        if reuse:
            for _ in data.customer_batches():  # fills the phone lists the queries need
                pass
            gen: dict[str, float] = {}
            print(f"sqlite: reusing {db_file}", file=sys.stderr)
        else:
            print("sqlite: generating...", file=sys.stderr)
            gen = load_sqlite(core, data)
            print(f"sqlite: generated in {sum(gen.values()):.1f} s", file=sys.stderr)
        figures = run_measurements(core, data, args)
        plans = explain_calls(core, data) if args.explain else {}
    finally:
        core.close()
    return Report("sqlite " + _sqlite_version(), data.n_customers, data.contact_points,
                  data.n_interactions, data.heavy_interactions, gen,
                  db_file.stat().st_size / 2**20, figures, plans)


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def bench_postgresql(args: argparse.Namespace, data: BenchData) -> Report:
    try:
        from tests.servers.postgres import postgres_server
    except ImportError as exc:  # pytest or the test helpers are not installed
        raise SystemExit(f"PostgreSQL bench needs the test extras: {exc}") from exc
    try:
        server_cm = postgres_server()
        server = server_cm.__enter__()
    except BaseException as exc:  # pytest.skip / fail when PostgreSQL isn't installed
        raise SystemExit(f"PostgreSQL could not be started: {exc}") from exc
    try:
        name = server.create_database()
        with tempfile.TemporaryDirectory(prefix="sb-bench-") as home:
            core = open_core(server.url(name), Path(home))
            try:
                print("postgresql: generating...", file=sys.stderr)
                gen = load_postgresql(core, data)
                print(f"postgresql: generated in {sum(gen.values()):.1f} s", file=sys.stderr)
                figures = run_measurements(core, data, args)
                plans = explain_calls(core, data) if args.explain else {}
                with core.db.engine.connect() as conn:
                    size = conn.execute(text("SELECT pg_database_size(current_database())"))
                    size_mb = int(size.scalar_one()) / 2**20
                    version = conn.execute(text("SHOW server_version")).scalar_one()
            finally:
                core.close()
    finally:
        server_cm.__exit__(None, None, None)
    return Report(f"postgresql {str(version).split()[0]}", data.n_customers,
                  data.contact_points, data.n_interactions, data.heavy_interactions, gen,
                  size_mb, figures, plans)


def render(report: Report) -> str:
    gen = ", ".join(f"{k} {v:.1f} s" for k, v in report.generation_s.items())
    total = sum(report.generation_s.values())
    lines = [
        f"### {report.db}",
        "",
        f"{report.customers:,} customers, {report.contact_points:,} contact points, "
        f"{report.interactions:,} interactions (heavy customer: "
        f"{report.heavy_interactions:,}); database {report.db_size_mb:,.0f} MB; "
        + (f"generated in {total:.1f} s ({gen})." if gen else "generation: reused file."),
        "",
        "| measure | call | n | p50 ms | p99 ms | target p99 | met | result |",
        "|---|---|---:|---:|---:|---:|---|---|",
    ]
    for f in report.figures:
        lines.append(
            f"| {f.name} | `{f.what}` | {len(f.samples)} | {f.p50:.2f} | {f.p99:.2f} | "
            f"<= {f.target_ms:g} | {'yes' if f.met else '**no**'} | {f.found} |"
        )
    for name, plan in report.explain.items():
        lines += ["", f"<details><summary>plan: {name}</summary>", "", "```", plan, "```",
                  "", "</details>"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.core_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=2000,
                        help="screen-pop lookups to time (default 2000)")
    parser.add_argument("--repeats", type=int, default=20,
                        help="runs per search query; the timeline runs 5x as many")
    parser.add_argument("--explain", action="store_true",
                        help="print the query plans of the measured statements")
    parser.add_argument("--reuse", action="store_true",
                        help="SQLite: reuse bench/data/core-C-I.db when it exists")
    args = parser.parse_args(argv)
    reports = []
    for db in (["sqlite", "postgresql"] if args.db == "both" else [args.db]):
        data = BenchData(args.customers, args.interactions)
        report = bench_sqlite(args, data) if db == "sqlite" else bench_postgresql(args, data)
        print(render(report), flush=True)
        reports.append(report)
    DATA_DIR.mkdir(exist_ok=True)
    out = DATA_DIR / f"results-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({
        "machine": {"cpus": _cpus(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "reports": [
            {**{k: v for k, v in asdict(r).items() if k != "figures"},
             "figures": [{"name": f.name, "what": f.what, "n": len(f.samples),
                          "p50_ms": round(f.p50, 3), "p99_ms": round(f.p99, 3),
                          "target_ms": f.target_ms, "met": f.met, "found": f.found}
                         for f in r.figures]}
            for r in reports
        ],
    }, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"figures written to {out}", file=sys.stderr)
    return 0


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


if __name__ == "__main__":
    sys.exit(main())

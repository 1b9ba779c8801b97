"""CPU time of this process's threads and of other processes, from Linux's /proc."""

from __future__ import annotations

import os
from pathlib import Path


def cpu_s(stat: Path) -> float:
    """user + system CPU seconds from a /proc ``stat`` file (a process's or a
    thread's); the name in parentheses may hold spaces, so fields count after it."""
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_cpu_s(pid: int) -> float:
    return cpu_s(Path(f"/proc/{pid}/stat"))


def thread_cpu_s() -> dict[str, float]:
    """CPU seconds of each thread of this process, by "name/tid" (the OS name:
    Qt and pjlib name their threads, Python threads show the process name)."""
    out: dict[str, float] = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            out[f"{(task / 'comm').read_text().strip()}/{task.name}"] = cpu_s(task / "stat")
        except OSError:  # the thread ended meanwhile
            continue
    return out


def thread_cpu_percent(before: dict[str, float], wall_s: float) -> dict[str, float]:
    """Each thread's CPU since ``before`` (a ``thread_cpu_s()``) as % of one core
    over ``wall_s``, busiest first."""
    spent = {
        name: round(100 * (seconds - before.get(name, 0.0)) / wall_s, 2)
        for name, seconds in thread_cpu_s().items()
    }
    return dict(sorted(spent.items(), key=lambda kv: -kv[1]))

"""ui.shell.heap.trim_heap: freed heap memory goes back to the OS (glibc only)."""

from __future__ import annotations

import ctypes.util
import sys
from pathlib import Path

import pytest

from ui.shell.heap import trim_heap


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or ctypes.util.find_library("c") != "libc.so.6",
    reason="malloc_trim is glibc's",
)
def test_freed_memory_goes_back_to_the_os() -> None:
    # 1 KB chunks are above pymalloc's limit, so they come from glibc's heap, and
    # keeping every other one alive stops glibc from giving the pages back by itself.
    chunks = [bytes(1024) + bytes([i % 256]) for i in range(60_000)]
    kept = chunks[::64]
    del chunks
    before = rss_kb()
    assert trim_heap() is True
    assert rss_kb() < before - 10_000  # most of ~60 MB freed: at least 10 MB returned
    del kept

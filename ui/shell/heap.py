"""Hand the heap's free pages back to the OS once the start is over.

Starting imports a lot, checks the schema and builds the first pages; much
of what that allocated is freed again, but glibc keeps freed memory in each
thread's arena (the SIP thread, pjmedia's clock and media threads, the database
worker, Qt's own threads each get one) until ``malloc_trim`` returns it. Without
this the window sits on several MB it no longer uses all day. Only glibc has
``malloc_trim``: on Windows, macOS and musl this does nothing.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import sys

log = logging.getLogger(__name__)


def trim_heap() -> bool:
    """Collects Python's garbage, then returns free heap pages to the OS.
    True when glibc released something."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    gc.collect()
    released = bool(trim(0))
    log.debug("malloc_trim: %s", "released memory" if released else "nothing to release")
    return released

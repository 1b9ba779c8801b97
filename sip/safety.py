"""Keeping pjsua2 objects from outliving the library through Python tracebacks.

A traceback keeps every frame of its stack alive, and with them their locals:
the SipCall, SipAccount or BridgePort those frames were working on. A logging
handler that stores records (pytest's caplog, a UI log view) or a Future that
stores an exception can then release the last reference to a pjsua2 wrapper on
some other thread after ``libDestroy()``, and its C++ destructor aborts the
process (seen: ``pjsua_call_set_user_data: Assertion `call_id>=0'``). So the
engine never lets a traceback leave the SIP or media thread: errors are logged
as text, and exceptions handed out are detached from their frames.
"""

from __future__ import annotations

import logging
import traceback


def log_error_text(logger: logging.Logger, message: str, *args: object) -> None:
    """Like ``logger.exception`` inside an ``except`` block, but the record holds
    the traceback as text, not the live frames."""
    logger.error(message + "\n%s", *args, traceback.format_exc().rstrip())


def detached(error: BaseException) -> BaseException:
    """The same exception without its traceback or chained exceptions."""
    error.__traceback__ = None
    error.__context__ = None
    error.__cause__ = None
    return error

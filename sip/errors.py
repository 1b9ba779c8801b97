"""The engine's errors, and pjsua2's made readable.

Apart from sip/engine.py so that the engine's parts (registration, media,
transfers) raise the same classes the engine's callers catch, without importing
the engine itself.
"""

from __future__ import annotations

import pjsua2 as pj


class EngineError(Exception):
    """A command that cannot be carried out (unknown call, bad state...)."""


class EngineNotRunning(EngineError):
    pass


class CallNotFound(EngineError):
    pass


class AccountNotFound(EngineError):
    pass


def describe_error(error: BaseException) -> str:
    """A readable message; pjsua2's Error keeps its text in attributes, not args."""
    if isinstance(error, pj.Error):
        return f"{error.title}: {error.reason}" if error.title else str(error.reason)
    return str(error) or type(error).__name__

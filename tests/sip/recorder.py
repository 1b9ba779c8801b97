"""Collects engine events (delivered on the SIP thread) for a test thread to wait on."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from sip.events import EngineEvent

E = TypeVar("E")


class EventRecorder:
    def __init__(self) -> None:
        self.events: list[EngineEvent] = []
        self._cond = threading.Condition()

    def __call__(self, event: EngineEvent) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def mark(self) -> int:
        """A position in the event list: ``wait_for(..., after=mark)`` ignores older events
        (events are values, so equal events from earlier must not count)."""
        with self._cond:
            return len(self.events)

    def of(self, kind: type[E], **fields: Any) -> list[E]:
        with self._cond:
            return [
                e
                for e in self.events
                if isinstance(e, kind) and all(getattr(e, k) == v for k, v in fields.items())
            ]

    def wait_for(
        self,
        kind: type[E],
        timeout: float = 10.0,
        where: Callable[[E], bool] | None = None,
        after: int = 0,
        **fields: Any,
    ) -> E:
        """The first event of ``kind`` (matching ``fields`` and ``where``) at position
        ``after`` or later (see ``mark``), waiting for it."""

        def found() -> E | None:
            for e in self.events[after:]:
                if (
                    isinstance(e, kind)
                    and all(getattr(e, k) == v for k, v in fields.items())
                    and (where is None or where(e))
                ):
                    return e
            return None

        with self._cond:
            ok = self._cond.wait_for(lambda: found() is not None, timeout)
            if not ok:
                recent = "\n  ".join(repr(e) for e in self.events[-15:])
                wanted = f"{kind.__name__} {fields or ''}"
                raise AssertionError(f"no {wanted} within {timeout} s; last events:\n  {recent}")
            result = found()
            assert result is not None
            return result

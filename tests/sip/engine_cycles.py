"""Start and stop the engine many times, some with calls in flight.

Run as a separate process by test_lifecycle.py: a pjsua2 lifetime bug ends in
SIGABRT, which must fail one test rather than kill the pytest process.

    python -m tests.sip.engine_cycles CYCLES [FAR_URI]
"""

from __future__ import annotations

import sys
import threading

from sip.audio import ToneBackend
from sip.config import AccountConfig, EngineConfig
from sip.engine import Engine
from sip.events import CallPhase, CallStateChanged, EngineEvent, IncomingCall


class _Waiter:
    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.events: list[EngineEvent] = []

    def __call__(self, event: EngineEvent) -> None:
        with self.cond:
            self.events.append(event)
            self.cond.notify_all()

    def wait(self, test: object, timeout: float = 10.0) -> EngineEvent:
        def find() -> EngineEvent | None:
            return next((e for e in self.events if test(e)), None)  # type: ignore[operator]

        with self.cond:
            if not self.cond.wait_for(lambda: find() is not None, timeout):
                raise TimeoutError(f"event not seen; last: {self.events[-5:]}")
            found = find()
            assert found is not None
            return found


def one_cycle(n: int, far_uri: str | None) -> str:
    engine = Engine(
        EngineConfig(bind_address="127.0.0.1", shutdown_grace_s=1.0), audio=ToneBackend(440)
    )
    waiter = _Waiter()
    engine.add_listener(waiter)
    ports = engine.start()
    domain = f"127.0.0.1:{ports['udp']}"
    engine.add_account(AccountConfig("local", f"op{n}", domain, register=False)).result(10)
    kind = n % 5
    try:
        if kind == 0:
            return "idle"
        if kind == 4 and far_uri:
            call_id = engine.dial("local", far_uri)  # baresip answers by itself
            waiter.wait(
                lambda e: (
                    isinstance(e, CallStateChanged)
                    and e.call_id == call_id
                    and e.phase is CallPhase.CONFIRMED
                )
            )
            return "talking to baresip"
        call_id = engine.dial("local", f"sip:self@{domain}")
        if kind == 1:
            return "stopped while dialling"
        incoming = waiter.wait(lambda e: isinstance(e, IncomingCall))
        assert isinstance(incoming, IncomingCall)
        if kind == 2:
            return "stopped while ringing"
        engine.answer(incoming.call_id).result(10)
        waiter.wait(
            lambda e: (
                isinstance(e, CallStateChanged)
                and e.call_id == call_id
                and e.phase is CallPhase.CONFIRMED
            )
        )
        return "stopped while talking"
    finally:
        engine.stop()


def main() -> int:
    cycles = int(sys.argv[1])
    far_uri = sys.argv[2] if len(sys.argv) > 2 else None
    for n in range(cycles):
        what = one_cycle(n, far_uri)
        print(f"cycle {n}: {what}", flush=True)
    print(f"cycles ok {cycles}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A second Switchboard engine in its own process, for tests that need two.

pjsua is one library per process, so a test that needs a far end which speaks
everything pjsua does (INVITE with Replaces, which baresip 1.0 lacks) runs this
script. It registers one account, answers every incoming call, and prints each
engine event as one JSON line on stdout; it reads commands from stdin:
``dial TARGET``, ``hangup CALL_ID``, ``quit``.

    python -m tests.sip.peer_engine USER PASSWORD DOMAIN
"""

from __future__ import annotations

import dataclasses
import json
import sys
import threading

from sip.config import AccountConfig, EngineConfig
from sip.engine import Engine
from sip.events import EngineEvent, IncomingCall

_print_lock = threading.Lock()


def _say(payload: dict[str, object]) -> None:
    with _print_lock:
        sys.stdout.write(json.dumps(payload, default=str) + "\n")
        sys.stdout.flush()


def main() -> int:
    user, password, domain = sys.argv[1:4]
    engine = Engine(EngineConfig(bind_address="127.0.0.1"))

    def on_event(event: EngineEvent) -> None:
        _say({"type": type(event).__name__, **dataclasses.asdict(event)})
        if isinstance(event, IncomingCall):
            engine.answer(event.call_id)

    engine.add_listener(on_event)
    engine.start()
    engine.add_account(AccountConfig("peer", user, domain), password).result(10)
    try:
        for line in sys.stdin:
            verb, _, arg = line.strip().partition(" ")
            if verb == "dial":
                _say({"type": "Dialled", "call_id": engine.dial("peer", arg)})
            elif verb == "hangup":
                engine.hangup(arg)
            elif verb == "quit":
                break
    finally:
        engine.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

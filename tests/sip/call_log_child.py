"""The app's process as far as the call log goes, for the spool tests: the core
and the call log wired as ui/shell/shell.py wires them (the profile's spool), handed
engine events as the engine hands them, so a test can close it or kill it -9
while the database refuses, and start again.

    python -m tests.sip.call_log_child '{"root": ..., "url": ..., "calls": 5}'

stdout, a line each: ``ready`` (the database open, one outbound call dialled
and answered), ``kept N`` whenever the spool holds N records, ``fed`` (every
call handed over), ``closed``. stdin: ``go`` (hand the calls over), ``close``.
With ``"endless": true`` calls are handed over until the process is killed.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from app import db as db_module
from app import spool as spool_module
from app.core import Core
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings
from app.spool import WriterStatus, in_profile
from sip.adapters.call_log import CallLog
from sip.events import (
    CallDirection,
    CallEnded,
    CallOutcome,
    CallPhase,
    CallStateChanged,
    EngineEvent,
    IncomingCall,
)

OUTBOUND_CALL = "outbound-1"
OUTBOUND_NUMBER = "+380441230000"


def number_of(index: int) -> str:
    return f"+38050{index:07d}"


def sip_id(prefix: str, index: int) -> str:
    return f"{prefix}-{index}@pbx.example"


def missed_call(prefix: str, index: int) -> tuple[IncomingCall, CallEnded]:
    """Call ``index``: it rings and the caller gives up (two records)."""
    call_id = f"{prefix}-call-{index}"
    number = number_of(index)
    uri = f'"Caller {index}" <sip:{number}@pbx.example>'
    return (
        IncomingCall(call_id, "office", uri, number, f"Caller {index}", sip_id(prefix, index)),
        CallEnded(
            call_id,
            "office",
            CallDirection.INBOUND,
            CallOutcome.MISSED,
            487,
            "Request Terminated",
            sip_id(prefix, index),
            uri,
            number,
            f"Caller {index}",
            connected_seconds=0.0,
            total_seconds=3.0,
        ),
    )


def outbound_end(prefix: str) -> CallEnded:
    return CallEnded(
        OUTBOUND_CALL,
        "office",
        CallDirection.OUTBOUND,
        CallOutcome.ANSWERED,
        200,
        "OK",
        f"{prefix}-outbound@pbx.example",
        f"sip:{OUTBOUND_NUMBER}@pbx.example",
        OUTBOUND_NUMBER,
        "",
        connected_seconds=42.5,
        total_seconds=45.0,
    )


class OneCallEngine:
    """What CallLog.dial needs of the engine: it names the call it placed."""

    def dial(self, account_id: str, target: str, call_id: str | None = None) -> str:
        return call_id or OUTBOUND_CALL


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def open_log(config: dict[str, Any]) -> tuple[Core, CallLog]:
    root = Path(config["root"])
    paths = AppPaths(root / "config", root / "data", root / "logs")
    paths.ensure()
    core = Core.open(
        paths, Settings(database_url=config["url"]), secrets=SecretStore(MemoryKeyring())
    )
    kept = [-1]

    def on_status(status: WriterStatus) -> None:
        count = status.waiting + status.parked
        if count != kept[0]:
            kept[0] = count
            say(f"kept {count}")

    log = CallLog(
        core.timeline,
        core.callbacks,
        operator="anna",
        spool=in_profile(core.paths, core.db.url, "call-log"),
        on_status=on_status,
    )
    return core, log


def main() -> None:
    config = json.loads(sys.argv[1])
    db_module.BUSY_TIMEOUT_MS = config.get("busy_timeout_ms", 100)
    spool_module.RETRY_FIRST_S = config.get("retry_first_s", 0.05)
    spool_module.RETRY_MAX_S = config.get("retry_max_s", 0.5)
    prefix = config.get("prefix", "c")
    core, log = open_log(config)
    # A call dialled while the database took writes: its row exists, the rest
    # of it (answered, ended) comes during the outage.
    log.dial(OneCallEngine(), "office", OUTBOUND_NUMBER, number=OUTBOUND_NUMBER)
    assert log.flush(10)
    say("ready")
    for line in sys.stdin:
        command = line.strip()
        if command == "go":
            feed(log, config, prefix)
        elif command == "close":
            break
    log.close()
    core.close()
    say("closed")


def feed(log: CallLog, config: dict[str, Any], prefix: str) -> None:
    events: list[EngineEvent] = [CallStateChanged(OUTBOUND_CALL, CallPhase.CONFIRMED, 200, "OK")]
    index = 0
    while config.get("endless") or index < config["calls"]:
        events.extend(missed_call(prefix, index))
        if index == 1:
            events.append(outbound_end(prefix))
        for event in events:
            log(event)
        events = []
        index += 1
        if config.get("endless"):
            time.sleep(0.002)
    say("fed")


if __name__ == "__main__":
    main()

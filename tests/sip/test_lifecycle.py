"""The engine starts and stops cleanly, again and again, with calls in flight."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sip.config import EngineConfig
from sip.engine import Engine, EngineError, EngineNotRunning
from sip.events import CommandFailed, EngineStarted, EngineStopped
from tests.servers.baresip import baresip_phone
from tests.sip.recorder import EventRecorder

ROOT = Path(__file__).resolve().parents[2]


def test_fifty_start_stop_cycles_with_calls_in_flight_end_without_abort() -> None:
    # Every fifth cycle talks to a real baresip; the others dial the engine itself
    # and stop while dialling, ringing or talking.
    with baresip_phone("2009", 1000.0) as far:
        result = subprocess.run(
            [sys.executable, "-m", "tests.sip.engine_cycles", "50", far.direct_uri],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, "PYTHONFAULTHANDLER": "1"},
        )
    if result.returncode < 0:
        name = signal.Signals(-result.returncode).name
        pytest.fail(f"the engine process died of {name}:\n{result.stderr[-4000:]}")
    assert result.returncode == 0, result.stderr[-4000:]
    lines = result.stdout.splitlines()
    assert lines[-1] == "cycles ok 50"
    assert sum("talking to baresip" in line for line in lines) == 10
    assert sum("stopped while talking" in line for line in lines) == 10


def test_start_stop_events_and_commands_after_stop() -> None:
    events = EventRecorder()
    engine = Engine(EngineConfig(bind_address="127.0.0.1"))
    engine.add_listener(events)
    ports = engine.start()
    assert ports["udp"] > 0 and ports["tcp"] > 0
    assert events.wait_for(EngineStarted).sip_ports == ports
    assert engine.running
    engine.stop()
    events.wait_for(EngineStopped)
    assert not engine.running
    with pytest.raises(EngineNotRunning):
        engine.answer("whatever").result(5)
    with pytest.raises(EngineError, match="only once"):
        engine.start()
    # A dial has no Future: its refusal is told as an event naming the call id.
    call_id = engine.dial("acc", "100")
    refused = events.wait_for(CommandFailed, call_id=call_id)
    assert refused.command == "Dial"
    assert "not running" in refused.error


def test_call_ids_are_unique_within_and_across_engines() -> None:
    first, second = Engine(), Engine()
    ids = [first.new_call_id() for _ in range(1000)] + [second.new_call_id()]
    assert len(set(ids)) == len(ids)
    assert all(len(call_id) == 32 and int(call_id, 16) >= 0 for call_id in ids)
    assert first.new_call_id()[:20] != second.new_call_id()[:20]


def test_only_one_engine_per_process() -> None:
    first = Engine(EngineConfig(bind_address="127.0.0.1"))
    first.start()
    try:
        with pytest.raises(EngineError, match="another Engine"):
            Engine(EngineConfig(bind_address="127.0.0.1")).start()
    finally:
        first.stop()
    # Once the first is gone, a new one may start.
    second = Engine(EngineConfig(bind_address="127.0.0.1"))
    second.start()
    second.stop()

"""Softphone engine benchmarks: frame copies, media callback cost, call setup, CPU.

    python -m bench.sip_bench [--call-seconds 60] [--setups 30] [--via kamailio|direct|both]

Each party runs in its own child process (pjsua is one library per process):
a bare pjsua2 "answerer" that takes every call with 200 at once, and the caller,
either the engine or bare pjsua2 with the same settings. All on loopback with
the null audio device clocking the bridge, so the figures are about our Python
code and not about a sound card. Calls go through a throw-away Kamailio (both
parties registered, INVITEs challenged and relayed, as issue 3 asks) and/or
straight from caller to answerer. Targets from issue 3: setup via the engine
within 1.2x of bare pjsua2, median Python cost per audio frame <= 100 µs, CPU
during a call <= 5 % of one core.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import threading
import time
import timeit
from pathlib import Path
from typing import Any

from bench.proc_cpu import thread_cpu_percent, thread_cpu_s

ROOT = Path(__file__).resolve().parents[1]
# pjlib's select ioqueue has 64 socket slots, and a closed socket's slot comes
# back only ~500 ms later: back-to-back calls faster than that exhaust it and
# pjlib aborts. Calls in the benchmark are spaced by this much.
SOCKET_SLOT_DELAY_S = 0.6


def frame_copy_costs() -> dict[str, float]:
    """µs per 640-byte frame (20 ms of 16 kHz mono) for each way of moving it."""
    import pjsua2 as pj

    from sip.frames import FAST_PATH, FrameWriter, read_bytes

    frame = pj.MediaFrame()
    frame.buf = pj.ByteVector(bytes(range(256)) * 2 + bytes(128))
    data = bytes(640)
    writer = FrameWriter(640)
    runs = 2000

    def per_frame(fn: object) -> float:
        return timeit.timeit(fn, number=runs) / runs * 1e6  # type: ignore[arg-type]

    return {
        "fast_path_available": float(FAST_PATH),
        "read bytes(frame.buf)": per_frame(lambda: bytes(frame.buf)),
        "read sip.frames.read_bytes": per_frame(lambda: read_bytes(frame.buf)),
        "write frame.buf = ByteVector(data)": per_frame(
            lambda: setattr(frame, "buf", pj.ByteVector(data))
        ),
        "write sip.frames.FrameWriter.fill": per_frame(lambda: writer.fill(frame, data)),
    }


def _bare_endpoint() -> tuple[object, int]:
    """A bare pjsua2 Endpoint on a loopback UDP port, same settings as the engine's."""
    import pjsua2 as pj

    from sip.config import EngineConfig

    ep = pj.Endpoint()
    ep.libCreate()
    cfg = pj.EpConfig()
    cfg.uaConfig.threadCnt = 0
    cfg.uaConfig.mainThreadOnly = True
    cfg.logConfig.level = 1
    cfg.logConfig.consoleLevel = 1
    cfg.medConfig.noVad = True
    ep.libInit(cfg)
    # The engine's codec order (G.722 first), so both callers offer the same.
    available = {str(codec.codecId) for codec in ep.codecEnum2()}
    for rank, codec_id in enumerate(EngineConfig().codecs):
        if codec_id in available:
            ep.codecSetPriority(codec_id, 255 - rank)
    tcfg = pj.TransportConfig()
    tcfg.port = 0
    tcfg.boundAddress = "127.0.0.1"
    tid = ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tcfg)
    port = int(str(ep.transportGetInfo(tid).localName).rsplit(":", 1)[1])
    ep.libStart()
    ep.audDevManager().setNullDev()
    return ep, port


# Users of the throw-away Kamailio: the answerer and the caller (bare or engine).
KAMAILIO_USERS = {"answer": "answer-secret", "bench": "bench-secret"}


def _bare_account_config(port: int, user: str = "bench", registrar: str = "") -> object:
    """Direct (``registrar`` empty): an account on our own address. Through
    Kamailio: registered there as ``user`` with digest credentials."""
    import pjsua2 as pj

    acfg = pj.AccountConfig()
    acfg.mediaConfig.transportConfig.port = 0
    acfg.mediaConfig.transportConfig.boundAddress = "127.0.0.1"
    acfg.mediaConfig.lockCodecEnabled = False
    if not registrar:
        acfg.idUri = f"sip:{user}@127.0.0.1:{port}"
        return acfg
    acfg.idUri = f"sip:{user}@{registrar}"
    acfg.regConfig.registrarUri = f"sip:{registrar}"
    acfg.sipConfig.authCreds.append(pj.AuthCredInfo("digest", "*", user, 0, KAMAILIO_USERS[user]))
    return acfg


def _wait_registered(ep: object, account: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ep.libHandleEvents(10)  # type: ignore[attr-defined]
        info = account.getInfo()  # type: ignore[attr-defined]
        if info.regIsActive and info.regStatus == 200:
            return
    raise RuntimeError("not registered with Kamailio")


def _answerer(registrar: str) -> dict[str, object]:
    """Child process: the far end. Answers every call at once with 200 and keeps
    it until the caller hangs up; prints its port (once registered, when there is
    a registrar), runs until stdin closes."""
    import gc
    import os
    import select

    import pjsua2 as pj

    ep, port = _bare_endpoint()
    calls: dict[int, pj.Call] = {}

    class AnswerCall(pj.Call):
        def onCallState(self, prm: pj.OnCallStateParam) -> None:
            if self.getInfo().state == pj.PJSIP_INV_STATE_DISCONNECTED:
                ended.append(self.getId())

    class Answerer(pj.Account):
        def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:
            call = AnswerCall(self, prm.callId)
            calls[prm.callId] = call
            answer = pj.CallOpParam(True)
            answer.statusCode = 200
            call.answer(answer)

    ended: list[int] = []
    account = Answerer()
    account.create(_bare_account_config(port, "answer", registrar))
    if registrar:
        _wait_registered(ep, account)
    print(json.dumps({"port": port}), flush=True)
    while True:
        ep.libHandleEvents(10)  # type: ignore[attr-defined]
        for call_id in ended:
            calls.pop(call_id, None)
        ended.clear()
        if select.select([sys.stdin], [], [], 0)[0] and not os.read(sys.stdin.fileno(), 1024):
            break
    calls.clear()
    account.shutdown()
    del account
    gc.collect()
    ep.libDestroy()  # type: ignore[attr-defined]
    return {}


class _EngineSession:
    """Child process: the engine as caller. ``setups`` dials the answerer and times
    each call to CONFIRMED; ``long_call`` keeps one call up and measures CPU.

    ``audio``: "tone" (a sine into the bridge, nothing else in the process) or
    "qt" (the app's QtMultimedia backend on the PulseAudio server in the
    environment: the engine process as it runs under the window, minus the window).
    """

    def __init__(self, target: str, registrar: str, audio: str) -> None:
        from sip.commands import Dial
        from sip.config import AccountConfig, EngineConfig
        from sip.engine import Engine
        from sip.events import (
            CallEnded,
            CallPhase,
            CallStateChanged,
            EngineEvent,
            RegistrationChanged,
            RegistrationStatus,
        )

        self.target = target
        self.qt_app: Any = None
        self.qt_backend: Any = None
        if audio == "qt":
            from PySide6.QtCore import QCoreApplication

            from sip.qt_audio import QtAudioBackend

            self.qt_app = QCoreApplication(["sip_bench"])
            self.qt_backend = QtAudioBackend(clock_rate=EngineConfig().clock_rate)
            backend: Any = self.qt_backend
        else:
            from sip.audio import ToneBackend

            backend = ToneBackend()
        picked_up = self.picked_up = {}  # type: dict[str, float]

        class TimedEngine(Engine):
            """Notes when the SIP thread takes up each Dial: the rest of the setup is
            the engine's own work, what comes before it is the thread hop."""

            def _dial(self, command: Dial) -> str:
                picked_up[command.call_id] = time.perf_counter()
                return super()._dial(command)

        self.engine = TimedEngine(
            EngineConfig(bind_address="127.0.0.1", log_level=1), audio=backend
        )
        self.confirmed: dict[str, float] = {}
        self.ended: set[str] = set()
        self.cond = threading.Condition()
        registered = threading.Event()

        def listener(event: EngineEvent) -> None:
            if isinstance(event, CallStateChanged) and event.phase is CallPhase.CONFIRMED:
                with self.cond:
                    self.confirmed.setdefault(event.call_id, time.perf_counter())
                    self.cond.notify_all()
            elif isinstance(event, CallEnded):
                with self.cond:
                    self.ended.add(event.call_id)
                    self.cond.notify_all()
            elif (
                isinstance(event, RegistrationChanged)
                and event.status is RegistrationStatus.REGISTERED
            ):
                registered.set()

        self.engine.add_listener(listener)
        ports = self.engine.start()
        if registrar:
            account = AccountConfig("bench", "bench", registrar, register=True)
            self.engine.add_account(account, KAMAILIO_USERS["bench"]).result(10)
            if not registered.wait(10):
                raise RuntimeError("the engine did not register with Kamailio")
        else:
            domain = f"127.0.0.1:{ports['udp']}"
            self.engine.add_account(AccountConfig("bench", "bench", domain, register=False)).result(
                10
            )
        self.setups(1)  # the first call warms caches: not counted

    def _dial_confirmed(self) -> str:
        call_id = self.engine.dial("bench", self.target)
        with self.cond:
            if not self.cond.wait_for(lambda: call_id in self.confirmed, 10):
                raise RuntimeError("a call was not confirmed within 10 s")
        return call_id

    def _hang_up(self, call_id: str) -> None:
        self.engine.hangup(call_id)
        with self.cond:
            if not self.cond.wait_for(lambda: call_id in self.ended, 10):
                raise RuntimeError("a call did not end within 10 s")

    def setups(self, count: int) -> dict[str, object]:
        setup_ms: list[float] = []
        hop_ms: list[float] = []
        for _ in range(count):
            started = time.perf_counter()
            call_id = self._dial_confirmed()
            setup_ms.append((self.confirmed[call_id] - started) * 1000)
            hop_ms.append((self.picked_up[call_id] - started) * 1000)
            self._hang_up(call_id)
            time.sleep(SOCKET_SLOT_DELAY_S)
        return {"setup_ms": setup_ms, "hop_ms": hop_ms}

    def long_call(self, seconds: float) -> dict[str, object]:
        bridge = self.engine.bridge
        assert bridge is not None
        call_id = self._dial_confirmed()
        if self.qt_backend is not None:
            self.qt_backend.open()  # on this (the Qt main) thread, as the window does
        self._run_for(1.0)  # past the call's first second: the streams opening
        bridge.requested.samples_ns.clear()
        bridge.received.samples_ns.clear()
        rings0 = self._ring_counts()
        threads0 = thread_cpu_s()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        self._run_for(seconds)
        cpu = time.process_time() - cpu0
        wall = time.perf_counter() - wall0
        threads = thread_cpu_percent(threads0, wall)
        rings = {name: pushed - rings0[name] for name, pushed in self._ring_counts().items()}
        requested = sorted(bridge.requested.samples_ns)
        received = sorted(bridge.received.samples_ns)
        self._hang_up(call_id)
        # Idle after the call: the media clock stops and the Qt streams rest.
        from sip.engine import CLOCK_IDLE_S

        self._run_for(CLOCK_IDLE_S + 3.0)
        idle_cpu0, idle_wall0 = time.process_time(), time.perf_counter()
        self._run_for(10.0)
        idle_cpu = time.process_time() - idle_cpu0
        idle_wall = time.perf_counter() - idle_wall0
        if self.qt_backend is not None:
            self.qt_backend.close()
        return {
            "idle_after_the_call_cpu_percent_of_one_core": 100 * idle_cpu / idle_wall,
            "audio": "qt" if self.qt_backend is not None else "tone",
            "frame_requested_us_median": requested[len(requested) // 2] / 1000,
            "frame_received_us_median": received[len(received) // 2] / 1000,
            "frame_requested_us_p99": requested[int(len(requested) * 0.99)] / 1000,
            "frames_measured": len(requested) + len(received),
            "qt_audio_frames_pushed": rings,
            "call_seconds": wall,
            "cpu_percent_of_one_core": 100 * cpu / wall,
            "thread_cpu_percent": threads,
        }

    def _run_for(self, seconds: float) -> None:
        """Let time pass; with Qt audio, in Qt's event loop (the devices live there)."""
        if self.qt_app is None:
            time.sleep(seconds)
            return
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(seconds * 1000), self.qt_app.quit)
        self.qt_app.exec()

    def _ring_counts(self) -> dict[str, int]:
        """Frames that went through the Qt rings: proof the OS audio was live."""
        if self.qt_backend is None:
            return {}
        backend = self.qt_backend
        return {"played": backend.played.pushed, "captured": backend.captured.pushed}

    def close(self) -> None:
        self.engine.stop()


class _BareSession:
    """Child process: bare pjsua2 (same settings, no engine) dials the answerer.
    Like any working pjsua2 script, it connects the call's audio both ways to the
    (null) sound device when media is up, as the engine connects it to its bridge."""

    def __init__(self, target: str, registrar: str) -> None:
        import pjsua2 as pj

        self.target = target
        self.ep, port = _bare_endpoint()
        ep: Any = self.ep
        state = self.state = {}  # type: dict[str, float]

        class BareCall(pj.Call):
            def onCallState(self, prm: pj.OnCallStateParam) -> None:
                info = self.getInfo()
                if info.state == pj.PJSIP_INV_STATE_CONFIRMED:
                    state.setdefault("confirmed", time.perf_counter())
                if info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
                    state["ended"] = 1

            def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:
                for media in self.getInfo().media:
                    if (
                        media.type == pj.PJMEDIA_TYPE_AUDIO
                        and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE
                    ):
                        audio = self.getAudioMedia(media.index)
                        devices = ep.audDevManager()
                        audio.startTransmit(devices.getPlaybackDevMedia())
                        devices.getCaptureDevMedia().startTransmit(audio)

        self.call_type = BareCall
        self.account = pj.Account()
        self.account.create(_bare_account_config(port, "bench", registrar))
        if registrar:
            _wait_registered(ep, self.account)
        self.setups(1)  # the first call warms caches: not counted

    def setups(self, count: int) -> dict[str, object]:
        import pjsua2 as pj

        ep: Any = self.ep
        state = self.state
        setup_ms: list[float] = []
        for _ in range(count):
            state.clear()
            started = time.perf_counter()  # a script that dials makes its Call then
            call = self.call_type(self.account)
            call.makeCall(self.target, pj.CallOpParam(True))
            while "confirmed" not in state:
                ep.libHandleEvents(10)
            setup_ms.append((state["confirmed"] - started) * 1000)
            call.hangup(pj.CallOpParam(True))
            while "ended" not in state:
                ep.libHandleEvents(10)
            deadline = time.perf_counter() + SOCKET_SLOT_DELAY_S
            while time.perf_counter() < deadline:
                ep.libHandleEvents(10)
            del call  # nothing pjsua2 may outlive libDestroy, not even a local variable
        return {"setup_ms": setup_ms}

    def close(self) -> None:
        import gc

        self.account.shutdown()
        del self.account
        gc.collect()
        self.ep.libDestroy()  # type: ignore[attr-defined]


def _serve(session: _EngineSession | _BareSession) -> None:
    """Child process loop: one JSON line out for each command line in
    ("setups N", "call SECONDS"); stdin closed ends the session."""
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        command, value = line.split()
        if command == "setups":
            result = session.setups(int(value))
        elif command == "call" and isinstance(session, _EngineSession):
            result = session.long_call(float(value))
        else:
            raise ValueError(f"unknown command {line!r}")
        print(json.dumps(result), flush=True)
    session.close()


class _Child:
    """A child process of this module that answers one JSON line per command."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.mode = args[0]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.sip_bench", "--child", *args],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.first = self.reply()

    def reply(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        while line and not line.startswith("{"):  # pjlib prints a line or two first
            line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the bench's {self.mode} process ended early")
        return json.loads(line)

    def ask(self, command: str) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.reply()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def round_sizes(setups: int, rounds: int) -> list[int]:
    """``setups`` split into ``rounds`` near-equal parts (none empty)."""
    rounds = max(1, min(rounds, setups))
    return [setups // rounds + (1 if i < setups % rounds else 0) for i in range(rounds)]


def _setups_through(
    registrar: str, args: argparse.Namespace, pulse_env: dict[str, str] | None
) -> dict[str, object]:
    """Bare pjsua2 and the engine dialling one answerer in alternating rounds
    (bare-engine, engine-bare, ...: a slow drift of the machine's speed falls on
    both alike); through ``registrar`` (Kamailio's host:port) or, when it is
    empty, straight to the answerer. Then one long call from the engine."""
    answerer = _Child("answerer", registrar)
    bare: _Child | None = None
    engine: _Child | None = None
    try:
        port = answerer.first["port"]
        target = f"sip:answer@{registrar}" if registrar else f"sip:answer@127.0.0.1:{port}"
        bare = _Child("bare", target, registrar)
        engine = _Child("engine", target, registrar, args.audio, env=pulse_env)
        bare_ms: list[float] = []
        engine_ms: list[float] = []
        hop_ms: list[float] = []
        round_medians: list[tuple[float, float]] = []
        rounds = args.rounds or args.setups
        for index, size in enumerate(round_sizes(args.setups, rounds)):
            order = (bare, engine) if index % 2 == 0 else (engine, bare)
            results = {id(child): child.ask(f"setups {size}") for child in order}
            bare_round, engine_round = results[id(bare)], results[id(engine)]
            bare_ms += bare_round["setup_ms"]
            engine_ms += engine_round["setup_ms"]
            hop_ms += engine_round["hop_ms"]
            round_medians.append(
                (
                    statistics.median(bare_round["setup_ms"]),
                    statistics.median(engine_round["setup_ms"]),
                )
            )
        call = engine.ask(f"call {args.call_seconds}")
    finally:
        for child in (engine, bare, answerer):
            if child is not None:
                child.close()
    bare_median, engine_median = statistics.median(bare_ms), statistics.median(engine_ms)
    hop_median = statistics.median(hop_ms)
    return {
        "setups": len(bare_ms),
        "setup_ms_median_bare_pjsua2": bare_median,
        "setup_ms_median_engine": engine_median,
        # dial() on the calling thread to the SIP thread starting on the command.
        "hop_ms_median": hop_median,
        "setup_ratio_engine_to_bare": engine_median / bare_median,
        "setup_ratio_without_the_hop": (engine_median - hop_median) / bare_median,
        "setup_ms_median_each_round_bare_engine_ratio": [
            f"{bare:.2f} {engine:.2f} {engine / bare:.2f}" for bare, engine in round_medians
        ]
        if len(round_medians) <= 20
        else "(one call a round)",
        "long_call": call,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--call-seconds", type=float, default=60.0)
    parser.add_argument("--setups", type=int, default=30)
    parser.add_argument(
        "--rounds",
        type=int,
        default=0,
        help="split the setups into this many alternating bare/engine rounds "
        "(default: alternate at every call, which cancels the machine's drift best)",
    )
    parser.add_argument(
        "--via",
        choices=("kamailio", "direct", "both"),
        default="both",
        help="calls through a throw-away Kamailio (issue 3's set-up), straight, or both",
    )
    parser.add_argument(
        "--audio",
        choices=("tone", "qt"),
        default="tone",
        help="the engine's audio in the long call: a tone, or QtMultimedia on a "
        "private PulseAudio server (the OS audio path the app uses)",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode = args.child[0]
        if mode == "answerer":  # answerer REGISTRAR
            _answerer(args.child[1])
        elif mode == "bare":  # bare TARGET REGISTRAR
            _serve(_BareSession(args.child[1], args.child[2]))
        else:  # engine TARGET REGISTRAR AUDIO
            _serve(_EngineSession(args.child[1], args.child[2], args.child[3]))
        return 0
    report: dict[str, object] = {"frame_copy_us": frame_copy_costs()}
    with contextlib.ExitStack() as stack:
        pulse_env = None
        if args.audio == "qt":
            from tests.servers.pulseaudio import pulseaudio_server

            pulse_env = stack.enter_context(pulseaudio_server())
        if args.via in ("direct", "both"):
            report["direct"] = _setups_through("", args, pulse_env)
        if args.via in ("kamailio", "both"):
            from tests.servers.kamailio import kamailio_server

            server = stack.enter_context(kamailio_server(KAMAILIO_USERS))
            report["kamailio"] = _setups_through(server.domain, args, pulse_env)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

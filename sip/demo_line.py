"""The built-in demo line: a real SIP phone on 127.0.0.1 that answers every
call, beeps twice and then echoes the caller back.

A newcomer with no PBX can place a real call right after install: the app
starts this as a child process (pjsua is one library per process, so it can't
share the engine's) and dials ``sip:demo@127.0.0.1:<port>`` from a local,
non-registering account. Nothing leaves the machine.

Run alone: ``python -m sip.demo_line [--port N] [--max-call-seconds S]``; it
prints ``DEMO-LINE READY <port>`` once it listens and exits on SIGTERM/stdin EOF.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

READY = "DEMO-LINE READY"
DEMO_USER = "demo"


def _run(port: int, max_call_s: float) -> int:
    import pjsua2 as pj

    ep = pj.Endpoint()
    ep.libCreate()
    cfg = pj.EpConfig()
    cfg.uaConfig.threadCnt = 0
    cfg.uaConfig.mainThreadOnly = True
    cfg.uaConfig.userAgent = "Switchboard demo line"
    cfg.logConfig.level = 1
    cfg.logConfig.consoleLevel = 1
    cfg.medConfig.noVad = True
    ep.libInit(cfg)
    tcfg = pj.TransportConfig()
    tcfg.port = port
    tcfg.boundAddress = "127.0.0.1"
    ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tcfg)
    ep.libStart()
    ep.audDevManager().setNullDev()  # no sound card: the null device clocks the bridge
    bound = ep.transportGetInfo(0).localName.rsplit(":", 1)[-1] if port == 0 else str(port)

    calls: dict[int, tuple[pj.Call, float]] = {}
    tones: dict[int, pj.ToneGenerator] = {}

    class Line(pj.Account):
        def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:
            # The Call wrapper must be made here: pjsua2 answers 500 to an
            # incoming call nobody wrapped before the callback returns.
            call = DemoCall(self, prm.callId)
            answer = pj.CallOpParam()
            answer.statusCode = 200
            call.answer(answer)
            calls[call.getId()] = (call, time.monotonic())

    class DemoCall(pj.Call):
        def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:
            info = self.getInfo()
            for index, media in enumerate(info.media):
                if media.type != pj.PJMEDIA_TYPE_AUDIO:
                    continue
                if media.status != pj.PJSUA_CALL_MEDIA_ACTIVE:
                    continue
                audio = self.getAudioMedia(index)
                tone = pj.ToneGenerator()
                tone.createToneGenerator(16000, 1)
                beep = pj.ToneDesc()
                beep.freq1, beep.freq2, beep.on_msec, beep.off_msec = 880, 0, 180, 120
                tone.play(pj.ToneDescVector([beep, beep]), False)
                tone.startTransmit(audio)
                tones[info.id] = tone
                audio.startTransmit(audio)  # the echo: what the caller says comes back

    acfg = pj.AccountConfig()
    acfg.idUri = f"sip:{DEMO_USER}@127.0.0.1:{bound}"
    account = Line()
    account.create(acfg)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    def stop_when_parent_goes() -> None:
        sys.stdin.read()  # EOF: the app that started us is gone
        stop.set()

    threading.Thread(target=stop_when_parent_goes, daemon=True).start()
    print(f"{READY} {bound}", flush=True)

    def sweep() -> None:
        """Drops finished calls and ends overlong ones. A function of its own so
        no loop variable keeps a Call wrapper alive past libDestroy (SIGABRT)."""
        for call_id, (call, started) in list(calls.items()):
            try:
                state = call.getInfo().state
            except pj.Error:
                state = pj.PJSIP_INV_STATE_DISCONNECTED
            if state == pj.PJSIP_INV_STATE_DISCONNECTED:
                del calls[call_id]  # from the loop, never inside a callback
                tones.pop(call_id, None)
            elif time.monotonic() - started > max_call_s:
                call.hangup(pj.CallOpParam(True))

    def hang_up_all() -> None:
        for call, _ in calls.values():
            with contextlib.suppress(pj.Error):
                call.hangup(pj.CallOpParam(True))

    try:
        while not stop.is_set():
            ep.libHandleEvents(20)
            sweep()
    finally:
        # The safe order: no pjsua2 object may outlive libDestroy.
        hang_up_all()
        for _ in range(50):
            ep.libHandleEvents(10)
        calls.clear()
        tones.clear()
        account.shutdown()
        del account
        gc.collect()
        ep.libDestroy()
    return 0


@dataclass
class DemoLine:
    """The child process, seen from the app."""

    process: subprocess.Popen[str]
    port: int

    @property
    def uri(self) -> str:
        return f"sip:{DEMO_USER}@127.0.0.1:{self.port}"

    @classmethod
    def start(cls, port: int = 0, max_call_s: float = 600.0, timeout: float = 15.0) -> DemoLine:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sip.demo_line",
                "--port",
                str(port),
                "--max-call-seconds",
                str(max_call_s),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
        )
        stdout = process.stdout
        assert stdout is not None
        ready: queue.SimpleQueue[str] = queue.SimpleQueue()

        def wait_ready() -> None:
            # pjlib logs to stdout before libInit applies our log settings.
            # Reading goes on after READY so a chatty child never blocks on a full pipe.
            for text in stdout:
                if text.startswith(READY):
                    ready.put(text)
            ready.put("")  # EOF: the process died

        threading.Thread(target=wait_ready, daemon=True).start()
        try:
            line = ready.get(timeout=timeout)
        except queue.Empty:
            process.kill()
            raise RuntimeError(f"the demo line did not start within {timeout} s") from None
        if not line:
            process.kill()
            raise RuntimeError(f"the demo line failed to start (exit {process.wait()})")
        return cls(process, int(line.split()[-1]))

    def stop(self, timeout: float = 10.0) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="UDP port (0: any free one)")
    parser.add_argument("--max-call-seconds", type=float, default=600.0)
    args = parser.parse_args(argv)
    return _run(args.port, args.max_call_seconds)


if __name__ == "__main__":
    sys.exit(main())

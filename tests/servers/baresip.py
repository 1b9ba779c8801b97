"""A far-end phone: Debian's baresip, driven through its ctrl_tcp JSON interface.

It answers automatically (``answermode=auto``), plays a generated tone WAV into
every call (``aufile`` source) and the ``sndfile`` filter writes what it sends
and receives into ``record_dir`` as ``dump-<call>-enc.wav`` / ``-dec.wav``.
Commands (dial, hangup, hold, sndcode...) and events (CALL_INCOMING,
CALL_DTMF_START...) travel over one persistent ctrl_tcp connection as netstrings.
"""

from __future__ import annotations

import contextlib
import json
import math
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import uuid
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.servers.common import free_port, missing, wait_until

TONE_RATE = 8000  # baresip runs G.711 only, so the tone is written at its rate


def write_tone(path: Path, frequency: float, seconds: int = 600, rate: int = TONE_RATE) -> None:
    """A long tone: baresip 1.0's aufile source ends the call when the file ends."""
    one_second = b"".join(
        int(12000 * math.sin(2 * math.pi * frequency * n / rate)).to_bytes(2, "little", signed=True)
        for n in range(rate)
    )  # whole periods for an integer frequency, so repeating it has no click
    pcm = one_second * seconds
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(pcm)


class _Control:
    """One ctrl_tcp connection: a reader thread splits responses from events."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.sock.settimeout(None)
        self.events: list[dict[str, Any]] = []
        self.responses: dict[str, dict[str, Any]] = {}
        self.cond = threading.Condition()
        self.closed = False
        self.reader = threading.Thread(target=self._read, name="baresip-ctrl", daemon=True)
        self.reader.start()

    def _read(self) -> None:
        buffer = b""
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                buffer += chunk
                while b":" in buffer:
                    head, rest = buffer.split(b":", 1)
                    length = int(head)
                    if len(rest) < length + 1:
                        break
                    message = json.loads(rest[:length])
                    buffer = rest[length + 1 :]
                    with self.cond:
                        if message.get("response"):
                            self.responses[str(message.get("token"))] = message
                        else:
                            self.events.append(message)
                        self.cond.notify_all()
        except OSError:
            pass
        finally:
            with self.cond:
                self.closed = True
                self.cond.notify_all()

    def command(self, name: str, params: str = "", timeout: float = 10) -> dict[str, Any]:
        token = uuid.uuid4().hex
        body = json.dumps({"command": name, "params": params, "token": token}).encode()
        self.sock.sendall(str(len(body)).encode() + b":" + body + b",")
        with self.cond:
            if not self.cond.wait_for(lambda: token in self.responses or self.closed, timeout):
                raise TimeoutError(f"baresip did not answer {name!r} within {timeout} s")
            if token not in self.responses:
                raise ConnectionError("baresip closed its control connection")
            return self.responses.pop(token)

    def wait_event(self, event_type: str, timeout: float = 10, start: int = 0) -> dict[str, Any]:
        def find() -> dict[str, Any] | None:
            for event in self.events[start:]:
                if event.get("type") == event_type:
                    return event
            return None

        with self.cond:
            if not self.cond.wait_for(lambda: find() is not None, timeout):
                seen = [e.get("type") for e in self.events[-20:]]
                raise AssertionError(f"baresip sent no {event_type} within {timeout} s: {seen}")
            found = find()
            assert found is not None
            return found

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
        self.reader.join(5)


@dataclass
class BaresipPhone:
    user: str
    sip_port: int
    ctrl_port: int
    cons_port: int  # the UDP console: single-key commands ctrl_tcp has no name for
    workdir: Path
    record_dir: Path
    process: subprocess.Popen[bytes]
    control: _Control | None = field(default=None, repr=False)

    @property
    def direct_uri(self) -> str:
        """Its address without a registrar."""
        return f"sip:{self.user}@127.0.0.1:{self.sip_port}"

    def command(self, name: str, params: str = "", timeout: float = 10) -> dict[str, Any]:
        assert self.control is not None
        return self.control.command(name, params, timeout)

    def key(self, key: str) -> None:
        """Press a menu key ("x" hold, "X" resume) through the UDP console."""
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.sendto(key.encode(), ("127.0.0.1", self.cons_port))

    def wait_event(self, event_type: str, timeout: float = 10, start: int = 0) -> dict[str, Any]:
        assert self.control is not None
        return self.control.wait_event(event_type, timeout, start)

    def events_seen(self) -> int:
        assert self.control is not None
        with self.control.cond:
            return len(self.control.events)

    def events(self) -> list[dict[str, Any]]:
        assert self.control is not None
        with self.control.cond:
            return list(self.control.events)

    def recordings(self, suffix: str) -> list[Path]:
        """sndfile's dumps: ``dec`` is what baresip received, ``enc`` what it sent."""
        return sorted(self.record_dir.glob(f"dump-*-{suffix}.wav"))

    def log_text(self) -> str:
        return (self.workdir / "baresip.log").read_text(errors="replace")

    def stop(self) -> None:
        if self.control is not None:
            self.control.close()
            self.control = None
        if self.process.poll() is None:
            # baresip un-registers on SIGTERM (1-2 s): wait for the pid to be gone.
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.3):
            return True
    except OSError:
        return False


class _PortTaken(RuntimeError):
    """A port baresip wanted was taken between choosing and binding it (its TCP
    and TLS listeners take the SIP port and the next one, which no UDP probe
    checks; the tests' own HTTP connections use such ephemeral ports)."""


def _launch(
    binary: str,
    user: str,
    tone_hz: float,
    registrar: str | None,
    password: str | None,
    answer: str,
    display_name: str,
    codecs: tuple[str, ...],
    tone_rate: int,
) -> tuple[BaresipPhone, Any, Path]:
    workdir = Path(tempfile.mkdtemp(prefix="sb-baresip-"))
    record_dir = workdir / "rec"
    record_dir.mkdir()
    tone = workdir / "tone.wav"
    write_tone(tone, tone_hz, rate=tone_rate)
    sip_port = free_port(socket.SOCK_DGRAM)
    ctrl_port = free_port()
    cons_port = free_port(socket.SOCK_DGRAM)
    # Codec modules register in load order, which is the order baresip offers them.
    codec_modules = "\n".join(f"module {codec}.so" for codec in codecs)
    (workdir / "config").write_text(
        f"""poll_method epoll
sip_listen 127.0.0.1:{sip_port}
call_local_timeout 120
call_max_calls 4
audio_player alsa,null
audio_source aufile,{tone}
audio_alert alsa,null
audio_level no
module_path /usr/lib/baresip/modules
{codec_modules}
module aufile.so
module sndfile.so
module alsa.so
module_tmp uuid.so
module_tmp account.so
module_app menu.so
module_app ctrl_tcp.so
module_app cons.so
ctrl_tcp_listen 127.0.0.1:{ctrl_port}
cons_listen 127.0.0.1:{cons_port}
snd_path {record_dir}
"""
    )
    name = f'"{display_name}" ' if display_name else ""
    if registrar is not None:
        auth = f";auth_pass={password}" if password else ""
        account = f"{name}<sip:{user}@{registrar}>{auth};regint=600;answermode={answer}"
    else:
        account = f"{name}<sip:{user}@127.0.0.1:{sip_port}>;regint=0;answermode={answer}"
    (workdir / "accounts").write_text(account + "\n")
    log_file = (workdir / "baresip.log").open("wb")
    process = subprocess.Popen(
        [binary, "-f", str(workdir), "-n", "127.0.0.1"],
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    phone = BaresipPhone(user, sip_port, ctrl_port, cons_port, workdir, record_dir, process)
    try:
        wait_until(
            lambda: process.poll() is not None or _port_open(ctrl_port),
            timeout=20,
            what="baresip's ctrl_tcp port",
        )
    except BaseException:
        phone.stop()
        log_file.close()
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    if process.poll() is not None:
        text = phone.log_text()[-3000:]
        phone.stop()
        log_file.close()
        shutil.rmtree(workdir, ignore_errors=True)
        if "Address already in use" in text:
            raise _PortTaken(text)
        raise RuntimeError(f"baresip exited:\n{text}")
    return phone, log_file, workdir


@contextmanager
def baresip_phone(
    user: str = "far",
    tone_hz: float = 1000.0,
    registrar: str | None = None,
    password: str | None = None,
    answer: str = "auto",
    display_name: str = "",
    codecs: tuple[str, ...] = ("g711",),
    tone_rate: int = TONE_RATE,
) -> Iterator[BaresipPhone]:
    """baresip on 127.0.0.1, playing ``tone_hz``; registered to ``registrar``
    (host:port) with ``password`` when given, else reachable directly;
    offering the ``codecs`` modules' codecs in that order. baresip 1.0's file
    source plays only at the codec's own rate: 16000 for a call on G.722."""
    binary = shutil.which("baresip")
    if binary is None or not Path("/usr/lib/baresip/modules/ctrl_tcp.so").exists():
        missing("baresip (Debian package baresip)")
        raise AssertionError("unreachable")
    for attempt in range(5):
        try:
            phone, log_file, workdir = _launch(
                binary,
                user,
                tone_hz,
                registrar,
                password,
                answer,
                display_name,
                codecs,
                tone_rate,
            )
            break
        except _PortTaken:
            if attempt == 4:
                raise
    try:
        phone.control = _Control(phone.ctrl_port)
        if registrar is not None:
            wait_until(
                lambda: "OK" in str(phone.command("reginfo").get("data", "")),
                timeout=20,
                what=f"baresip {user} registered at {registrar}",
            )
        yield phone
    finally:
        phone.stop()
        log_file.close()
        shutil.rmtree(workdir, ignore_errors=True)

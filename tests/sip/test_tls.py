"""SIP over TLS: the far end's certificate is verified by default, name included.

The engine calls itself over its TLS transport, presenting a certificate signed
by a throw-away CA (openssl CLI): one issued for 127.0.0.1 connects, one issued
for another name fails with a TransportFailed event that says why.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from sip.config import AccountConfig, EngineConfig, Transport
from sip.engine import Engine, EngineError
from sip.events import (
    CallEnded,
    CallOutcome,
    CallPhase,
    CallStateChanged,
    IncomingCall,
    RegistrationChanged,
    RegistrationStatus,
    TransportFailed,
)
from tests.servers.common import missing
from tests.sip.recorder import EventRecorder


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def _server_cert(directory: Path, name: str, subject_alt_name: str) -> tuple[Path, Path]:
    key, csr, cert, ext = (directory / f"{name}.{s}" for s in ("key", "csr", "pem", "ext"))
    ext.write_text(f"subjectAltName={subject_alt_name}\n")
    _openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
             "-subj", f"/CN={name}", "-out", str(csr), cwd=directory)  # fmt: skip
    _openssl("x509", "-req", "-in", str(csr), "-CA", "ca.pem", "-CAkey", "ca.key",
             "-CAcreateserial", "-days", "2", "-sha256", "-extfile", str(ext),
             "-out", str(cert), cwd=directory)  # fmt: skip
    return cert, key


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if shutil.which("openssl") is None:
        missing("openssl (Debian package openssl)")
    directory = tmp_path_factory.mktemp("tls")
    _openssl("req", "-x509", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key",
             "-subj", "/CN=Switchboard test CA", "-days", "2", "-out", "ca.pem",
             cwd=directory)  # fmt: skip
    good_cert, good_key = _server_cert(directory, "loopback", "IP:127.0.0.1")
    bad_cert, bad_key = _server_cert(directory, "wrong.example", "DNS:wrong.example")
    return {
        "ca": directory / "ca.pem",
        "good_cert": good_cert,
        "good_key": good_key,
        "bad_cert": bad_cert,
        "bad_key": bad_key,
    }


@pytest.fixture
def tls_engine_factory() -> Iterator[list[Engine]]:
    started: list[Engine] = []
    yield started
    for engine in started:
        engine.stop()


def start_tls_engine(
    started: list[Engine], ca: Path, cert: Path, key: Path
) -> tuple[Engine, EventRecorder, int]:
    config = EngineConfig(
        bind_address="127.0.0.1",
        transports=(Transport.UDP, Transport.TLS),
        tls_ca_file=str(ca),
        tls_cert_file=str(cert),
        tls_key_file=str(key),
    )
    engine = Engine(config)
    events = EventRecorder()
    engine.add_listener(events)
    ports = engine.start()
    started.append(engine)
    tls_port = ports["tls"]
    account = AccountConfig("tls", "me", f"127.0.0.1:{tls_port}", Transport.TLS, register=False)
    engine.add_account(account).result(10)
    return engine, events, tls_port


def test_tls_call_with_a_verified_certificate(
    certificates: dict[str, Path], tls_engine_factory: list[Engine]
) -> None:
    engine, events, port = start_tls_engine(
        tls_engine_factory, certificates["ca"], certificates["good_cert"], certificates["good_key"]
    )
    call_id = engine.dial("tls", f"sip:callee@127.0.0.1:{port}")
    incoming = events.wait_for(IncomingCall)
    engine.answer(incoming.call_id).result(10)
    events.wait_for(CallStateChanged, call_id=call_id, phase=CallPhase.CONFIRMED)
    engine.hangup(call_id).result(10)
    assert events.wait_for(CallEnded, call_id=call_id).outcome is CallOutcome.ANSWERED
    assert events.of(TransportFailed) == []


def test_tls_certificate_for_another_name_is_refused_with_a_reason(
    certificates: dict[str, Path], tls_engine_factory: list[Engine]
) -> None:
    engine, events, port = start_tls_engine(
        tls_engine_factory, certificates["ca"], certificates["bad_cert"], certificates["bad_key"]
    )
    call_id = engine.dial("tls", f"sip:callee@127.0.0.1:{port}")
    ended = events.wait_for(CallEnded, call_id=call_id)
    assert ended.outcome is CallOutcome.FAILED
    failure = events.wait_for(TransportFailed)
    assert failure.transport == "TLS"
    assert "identity does not match" in failure.reason
    assert "certificate verification" in ended.reason
    assert events.of(IncomingCall) == []
    # The engine is still serving: a plain UDP call works after the refusal.
    plain = AccountConfig("plain", "me2", f"127.0.0.1:{engine.sip_ports['udp']}", register=False)
    engine.add_account(plain).result(10)
    retry = engine.dial("plain", f"sip:callee@127.0.0.1:{engine.sip_ports['udp']}")
    incoming = events.wait_for(IncomingCall)
    engine.answer(incoming.call_id).result(10)
    events.wait_for(CallStateChanged, call_id=retry, phase=CallPhase.CONFIRMED)


def test_a_tls_account_on_an_engine_without_tls_says_why(tls_engine_factory: list[Engine]) -> None:
    engine = Engine(EngineConfig(bind_address="127.0.0.1", transports=(Transport.UDP,)))
    events = EventRecorder()
    engine.add_listener(events)
    engine.start()
    tls_engine_factory.append(engine)
    account = AccountConfig("office", "1001", "pbx.example:5061", Transport.TLS)
    with pytest.raises(EngineError, match="started without TLS"):
        engine.add_account(account, "secret").result(10)
    failed = events.wait_for(RegistrationChanged, account_id="office")
    assert failed.status is RegistrationStatus.FAILED
    assert failed.reason == "the engine was started without TLS"

"""A call's quality figures are the whole call's (issue 21, item 8c): a hold and
resume makes pjsua2 a new audio stream, and the figures read as each stream is
destroyed are added up, not replaced by the last one's. The combination
itself, and the real engine against Kamailio and baresip."""

from __future__ import annotations

from sip.events import CallEnded, CallMediaChanged, MediaStatus, StreamQuality
from tests.servers.baresip import BaresipPhone
from tests.servers.common import wait_until
from tests.servers.kamailio import KamailioServer
from tests.sip.conftest import EngineUnderTest
from tests.sip.test_calls_baresip import connected


def quality(
    rx: int, rx_lost: int, rx_jitter: float, rtt: float = 0.0, codec: str = "PCMA"
) -> StreamQuality:
    return StreamQuality(
        rtt_ms=rtt,
        rx_jitter_ms=rx_jitter,
        tx_jitter_ms=rx_jitter / 2,
        rx_packets=rx,
        rx_lost=rx_lost,
        tx_packets=rx,
        tx_lost=0,
        codec=codec,
    )


def test_streams_combine_into_the_calls_figures() -> None:
    talk = quality(30_000, 12, 4.0, rtt=40.0)  # ten minutes
    held = quality(100, 0, 20.0)  # two seconds, no RTCP round trip measured
    whole = talk.combined(held)
    assert (whole.rx_packets, whole.rx_lost, whole.streams) == (30_100, 12, 2)
    # Weighted by the packets each carried: the held seconds barely count.
    assert abs(whole.rx_jitter_ms - (4.0 * 30_000 + 20.0 * 100) / 30_100) < 1e-9
    assert abs(whole.tx_jitter_ms - (2.0 * 30_000 + 10.0 * 100) / 30_100) < 1e-9
    assert whole.rtt_ms == 40.0  # only the stream that measured one
    again = whole.combined(quality(30_000, 3, 4.0, rtt=60.0, codec="G722"))
    # Two talks of the same length: the mean of their round trips. (The held
    # stream's packets weigh on the first one's: a figure of a hundred in 60,000.)
    assert abs(again.rtt_ms - 50.0) < 0.05
    assert (again.codec, again.streams, again.rx_lost) == ("PCMA, G722", 3, 15)
    silent = quality(0, 0, 0.0).combined(quality(0, 0, 0.0))
    assert (silent.rx_jitter_ms, silent.rtt_ms) == (0.0, 0.0)


def frames(under_test: EngineUnderTest, count: int) -> None:
    received = under_test.audio.received
    target = received.pushed + count
    wait_until(lambda: received.pushed >= target, 10, f"{count} frames of call")


def test_a_held_and_resumed_call_reports_all_its_packets(
    sip_engine: EngineUnderTest, kamailio: KamailioServer, far_phone: BaresipPhone
) -> None:
    account = sip_engine.register(kamailio, "alice")
    sip_engine.wait_registered(account)
    engine, events = sip_engine.engine, sip_engine.events
    call_id = engine.dial(account, "2001")
    connected(sip_engine, call_id)
    frames(sip_engine, 75)  # 1.5 s of talk
    for action, status in (
        (engine.hold, MediaStatus.LOCAL_HOLD),
        (engine.unhold, MediaStatus.ACTIVE),
    ):
        mark = events.mark()
        action(call_id).result(10)
        events.wait_for(CallMediaChanged, call_id=call_id, status=status, after=mark)
    frames(sip_engine, 75)  # 1.5 s more
    engine.hangup(call_id).result(10)
    ended = events.wait_for(CallEnded, call_id=call_id)
    whole = ended.quality
    assert whole is not None
    assert whole.streams >= 2, whole  # the resume made a new stream
    # 20 ms packets: 3 s of talk is ~150 of each way; the last stream alone held ~75.
    assert whole.rx_packets >= 130, whole
    assert whole.tx_packets >= 130, whole
    assert whole.codec == "PCMA"
    assert whole.rx_lost == 0

"""Call recordings on the timeline: the row says so, and plays the file."""

from __future__ import annotations

import wave
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.core import Core
from app.customers import ContactInput
from app.models import Channel, Direction, InteractionStatus
from app.timeline import InteractionDraft

START = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def write_wav(path: Path, seconds: float = 1.0) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\0\0" * int(16000 * seconds))
    return path


def call(core: Core, customer_id: int, minutes: int) -> int:
    row = core.timeline.record(
        InteractionDraft(
            channel=Channel.CALL,
            direction=Direction.INBOUND,
            status=InteractionStatus.ANSWERED,
            started_at=START + timedelta(minutes=minutes),
            customer_id=customer_id,
        )
    ).interaction
    assert row.id is not None
    return row.id


def customer_with_calls(core: Core, tmp_path: Path) -> tuple[int, Path]:
    """Two calls: the newer one recorded (its WAV attached as the call log does)."""
    customer = core.customers.create("Taras Melnyk", [ContactInput("phone", "050 765 43 21")])
    assert customer.id is not None
    call(core, customer.id, 0)
    recorded = call(core, customer.id, 5)
    attachment = core.attachments.add(recorded, write_wav(tmp_path / "20261102-call.wav"))
    return customer.id, core.attachments.path_for(attachment.sha256)


def open_timeline(qtbot: Any, shell: Any, customer_id: int) -> Any:
    shell.window.open_customer(customer_id)
    timeline = shell.window.card.timeline
    qtbot.waitUntil(lambda: timeline.list.count() == 2)
    return timeline


def test_a_recorded_call_shows_the_play_action_and_plays_its_file(
    qtbot: Any, shell: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    from PySide6.QtMultimedia import QMediaPlayer

    customer_id, stored = customer_with_calls(sqlite_core, tmp_path)
    timeline = open_timeline(qtbot, shell, customer_id)
    recorded, plain = timeline.list.item(0), timeline.list.item(1)  # newest first
    assert "recording" in recorded.text() and "recording" not in plain.text()

    timeline.list.setCurrentItem(plain)
    assert not timeline.play_button.isEnabled()
    timeline.list.setCurrentItem(recorded)
    assert timeline.play_button.isEnabled()
    assert "Play recording" in timeline.play_button.text()

    player = timeline.player._ensure_player()
    states: list[QMediaPlayer.PlaybackState] = []
    player.playbackStateChanged.connect(states.append)
    qtbot.mouseClick(timeline.play_button, Qt.MouseButton.LeftButton)
    assert Path(player.source().toLocalFile()) == stored
    # Offscreen there may be no sound device: the file still starts (and then
    # ends at once), so the state it passed through is what is checked.
    qtbot.waitUntil(lambda: QMediaPlayer.PlaybackState.PlayingState in states)
    assert not timeline.player_note.isVisible()


def test_starting_a_recording_stops_the_one_playing(
    qtbot: Any, shell: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    customer_id, stored = customer_with_calls(sqlite_core, tmp_path)
    other = call(sqlite_core, customer_id, 10)
    second = sqlite_core.attachments.add(other, write_wav(tmp_path / "second.wav", 2.0))
    shell.window.open_customer(customer_id)
    timeline = shell.window.card.timeline
    qtbot.waitUntil(lambda: timeline.list.count() == 3)

    player = timeline.player
    assert timeline.play(timeline.list.item(1))  # the first recording
    assert player.path == str(stored)
    assert timeline.play(timeline.list.item(0))  # double-click another one: replaces it
    assert player.path == str(sqlite_core.attachments.path_for(second.sha256))
    assert Path(player.player.source().toLocalFile()) == Path(player.path)
    player.stop()
    assert not player.playing
    assert "Play recording" in timeline.play_button.text()


def test_a_missing_recording_file_is_explained(
    qtbot: Any, shell: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    customer_id, stored = customer_with_calls(sqlite_core, tmp_path)
    timeline = open_timeline(qtbot, shell, customer_id)
    stored.unlink()  # removed behind the app's back
    assert not timeline.play(timeline.list.item(0))
    assert timeline.player_note.isVisible()
    assert "recording file is missing" in timeline.player_note.text()
    assert not timeline.player.playing

"""Call audio through the OS: the Audio settings page, device choice and its
fallback, and real calls heard on a PulseAudio null sink (tests/ui/audio_sink.py).

PulseAudio is the session's private server (``pulse_audio``, tests/conftest.py);
its devices are "Null Output" (sb_null) and "Remapped Monitor of Null Output"
(sb_mic), which hears whatever is played to sb_null.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core import Core
from app.settings import Settings
from sip.config import AccountConfig
from tests.servers.baresip import baresip_phone
from tests.servers.pulseaudio import SINK, SOURCE
from tests.ui.audio_sink import SinkListener
from ui.calls.audio_routing import AudioRouting, device_key
from ui.calls.call_audio import CallAudio
from ui.common.bridge import EngineBridge
from ui.settings.settings_dialog import SettingsDialog

WAIT_MS = 20_000  # an upper bound for a slow machine, not a speed requirement
RING_HZ = (880.0, 660.0)
RINGBACK_HZ = (425.0,)
FAR_HZ = (1000.0,)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sink(qtbot: Any, pulse_audio: dict[str, str]) -> Iterator[SinkListener]:
    listener = SinkListener()
    # A new recording stream takes a while (~1.5 s here) to deliver its first
    # bytes; a sound played before that would be missed.
    qtbot.waitUntil(lambda: len(listener.pcm) > 0, timeout=WAIT_MS)
    yield listener
    listener.stop()


def test_the_audio_page_saves_the_chosen_devices_and_ring_tone(
    qtbot: Any, shell: Any, sqlite_core: Core, pulse_audio: dict[str, str]
) -> None:
    dialog = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    page = dialog.audio
    assert page.output.itemText(0) == "System default"
    page.output.setCurrentIndex(page.output.findData(SINK))
    page.input.setCurrentIndex(page.input.findData(SOURCE))
    page.ring_tone.setCurrentIndex(page.ring_tone.findData("off"))
    with qtbot.waitSignal(dialog.settingsSaved):
        dialog.save()

    saved = json.loads(sqlite_core.paths.config_file.read_text(encoding="utf-8"))
    assert (saved["audio_output"], saved["audio_output_name"]) == (SINK, "Null Output")
    assert saved["audio_input"] == SOURCE and saved["ring_tone"] == "off"
    assert sqlite_core.settings.audio_output == SINK  # the running app sees it too
    assert Settings.load(sqlite_core.paths.config_file).audio_input == SOURCE

    again = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(again)
    assert again.audio.output.currentData() == SINK
    assert again.audio.input.currentText() == "Remapped Monitor of Null Output"
    assert again.audio.ring_tone.currentData() == "off"


def test_an_unknown_device_falls_back_to_the_default_and_says_so(
    qtbot: Any, shell: Any, sqlite_core: Core, pulse_audio: dict[str, str]
) -> None:
    settings = Settings(audio_output="usb-headset-7", audio_output_name="USB Headset")
    routing = AudioRouting(settings)
    try:
        assert device_key(routing.backend.output_device) == SINK  # the system default
        assert device_key(routing.backend.input_device) == SOURCE
        assert routing.backend.sink_running()
        assert "USB Headset" in routing.status and "Null Output" in routing.status
    finally:
        routing.close()

    # Saved settings load the devices when no call has yet, so the status bar
    # says at once that the chosen one is absent; the streams wait for a call.
    audio = CallAudio(Settings(), EngineBridge())
    try:
        assert not audio.loaded and audio.status == ""
        with qtbot.waitSignal(audio.statusChanged):
            audio.apply(settings)
        assert audio.routing is not None and not audio.routing.opened
        assert "USB Headset" in audio.status
        assert not audio.routing.backend.sink_running()
        audio.need()
        assert audio.routing.backend.sink_running()
        assert device_key(audio.routing.backend.output_device) == SINK
    finally:
        audio.close()

    # The dialog keeps the absent headset selected instead of forgetting it.
    sqlite_core.settings.audio_output = "usb-headset-7"
    sqlite_core.settings.audio_output_name = "USB Headset"
    dialog = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    assert dialog.audio.output.currentText() == "USB Headset (not connected)"
    assert dialog.audio.edited(sqlite_core.settings).audio_output == "usb-headset-7"


def _pactl(*args: str) -> str:
    return subprocess.run(
        ["pactl", *args], check=True, capture_output=True, text=True, timeout=20
    ).stdout.strip()


def test_an_unplugged_device_moves_to_the_default_and_back(
    qtbot: Any, pulse_audio: dict[str, str]
) -> None:
    module = _pactl("load-module", "module-null-sink", "sink_name=sb_headset")
    routing = AudioRouting(Settings(audio_output="sb_headset", audio_output_name="Headset"))
    try:
        qtbot.waitUntil(
            lambda: device_key(routing.backend.output_device) == "sb_headset", timeout=WAIT_MS
        )
        assert routing.status == ""
        _pactl("unload-module", module)  # the headset is unplugged
        qtbot.waitUntil(lambda: device_key(routing.backend.output_device) == SINK, timeout=WAIT_MS)
        assert "Headset" in routing.status and routing.backend.sink_running()
        module = _pactl("load-module", "module-null-sink", "sink_name=sb_headset")
        qtbot.waitUntil(
            lambda: device_key(routing.backend.output_device) == "sb_headset", timeout=WAIT_MS
        )
        assert routing.status == ""
    finally:
        routing.close()
        subprocess.run(["pactl", "unload-module", module], capture_output=True, timeout=20)


def test_test_sound_is_played_and_the_level_meter_moves(
    qtbot: Any, shell: Any, sqlite_core: Core, sink: SinkListener
) -> None:
    dialog = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.audio)
    page = dialog.audio
    page.output.setCurrentIndex(page.output.findData(SINK))
    page.input.setCurrentIndex(page.input.findData(SOURCE))  # hears the sink
    qtbot.waitUntil(lambda: page.meter_reads > 0, timeout=WAIT_MS)  # the meter listens
    start = sink.mark()
    peak = 0

    def loud() -> bool:
        nonlocal peak
        peak = max(peak, page.level.value())
        return peak > 20

    page.test_button.click()
    qtbot.waitUntil(loud, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: sink.heard((660.0,), since=start), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: sink.heard((990.0,), since=start), timeout=WAIT_MS)
    dialog.close()
    assert page._meter is None  # the microphone is released with the dialog


# ----- calls through the app's own shell -----------------------------------------


@pytest.fixture
def app_shell(qtbot: Any, sqlite_core: Core, pulse_audio: dict[str, str]) -> Iterator[Any]:
    """The real Shell with the real engine, its audio on the null sink, and a local
    account (no registrar) to call baresip directly."""
    from ui.shell.shell import Shell

    sqlite_core.settings.audio_output = SINK
    built = Shell(sqlite_core)
    qtbot.addWidget(built.window)
    try:
        with qtbot.waitSignal(built.engineReady, timeout=WAIT_MS):
            built.start_engine()
        # QtMultimedia waits for the first call (ui/calls/call_audio.py).
        assert built.audio is not None and not built.audio.loaded
        built.engine.add_account(
            AccountConfig("local", "operator", "127.0.0.1", register=False)
        ).result(10)
        built.control.account_id = "local"
        yield built
    finally:
        built.shutdown()


def test_outbound_call_ringback_then_the_far_end_on_the_speaker(
    qtbot: Any, app_shell: Any, sink: SinkListener
) -> None:
    with baresip_phone("far", 1000.0, answer="manual") as far:
        start = sink.mark()
        assert app_shell.control.dial(far.direct_uri)
        # 180 Ringing without SDP: our own 425 Hz ring-back, 1 s on, 4 s off,
        # heard through the devices the dial loaded.
        qtbot.waitUntil(lambda: sink.hears(RINGBACK_HZ, since=start), timeout=WAIT_MS)
        assert app_shell.audio.loaded and app_shell.audio.status == ""
        far.command("accept")
        qtbot.waitUntil(
            lambda: app_shell.book.active is not None and app_shell.book.active.talking,
            timeout=WAIT_MS,
        )
        answered = sink.mark()
        qtbot.waitUntil(lambda: sink.hears(FAR_HZ, share=0.8, since=answered), timeout=WAIT_MS)
        assert sink.hears(FAR_HZ, share=0.8, since=answered)
        app_shell.control.hangup()
        qtbot.waitUntil(lambda: app_shell.book.active is None, timeout=WAIT_MS)


def test_ring_tone_on_the_speaker_while_ringing_and_gone_after_answer(
    qtbot: Any, app_shell: Any, sink: SinkListener
) -> None:
    port = app_shell.engine.sip_ports["udp"]
    with baresip_phone("caller", 1000.0) as caller:
        start = sink.mark()
        caller.command("dial", f"sip:operator@127.0.0.1:{port}")
        qtbot.waitUntil(lambda: app_shell.book.ringing() is not None, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: app_shell.audio.loaded, timeout=WAIT_MS)  # the first ring
        qtbot.waitUntil(lambda: sink.hears(RING_HZ, since=start), timeout=WAIT_MS)
        assert app_shell.audio.status == ""

        app_shell.control.answer()
        qtbot.waitUntil(
            lambda: app_shell.book.active is not None and app_shell.book.active.talking,
            timeout=WAIT_MS,
        )
        answered = sink.mark()
        qtbot.waitUntil(lambda: sink.hears(FAR_HZ, share=0.8, since=answered), timeout=WAIT_MS)
        from tests.ui.audio_sink import power_share

        assert power_share(sink.last(0.4, answered), RING_HZ) < 0.01
        app_shell.control.hangup()
        qtbot.waitUntil(lambda: app_shell.book.active is None, timeout=WAIT_MS)


def test_without_any_audio_device_the_app_runs_and_says_so_at_the_first_call(
    tmp_path: Path,
) -> None:
    """Headless: no sound server at all. Its own process, because QtMultimedia
    looks for the sound server once per process (this one has PulseAudio), and
    because whether QtMultimedia is imported can only be seen in a fresh one:
    not at start, but by the first ring, which then tells that calls are silent."""
    env = {
        **os.environ,
        "PULSE_SERVER": f"unix:{tmp_path / 'nothing-here'}",
        "QT_QPA_PLATFORM": "offscreen",
        "SWITCHBOARD_HOME": str(tmp_path / "home"),
    }
    out = subprocess.run(
        [sys.executable, "-m", "tests.ui.headless_audio"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["engine_running"]
    assert not result["multimedia_at_start"]
    assert (result["status_at_start"], result["status_visible_at_start"]) == ("", False)
    assert result["rang"] and result["multimedia_after_ring"]
    assert result["status"] == "No audio devices found: calls have no sound."
    assert result["status_visible"]
    assert result["message"] == result["status"]


def test_the_codecs_are_ticked_and_ordered_by_keyboard_and_saved(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    from PySide6.QtCore import Qt

    dialog = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    codecs = dialog.audio.codecs
    assert codecs.chosen() == ["G722/16000/1", "PCMA/8000/1", "PCMU/8000/1"]
    codecs.list.setCurrentRow(1)  # PCMA
    qtbot.keyClick(codecs.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    codecs.list.item(1).setCheckState(Qt.CheckState.Unchecked)  # G.722, now second
    assert codecs.chosen() == ["PCMA/8000/1", "PCMU/8000/1"]
    with qtbot.waitSignal(dialog.settingsSaved):
        dialog.save()
    saved = json.loads(sqlite_core.paths.config_file.read_text(encoding="utf-8"))
    assert saved["codecs"] == ["PCMA/8000/1", "PCMU/8000/1"]
    again = SettingsDialog(sqlite_core, shell.tasks, shell.window)
    qtbot.addWidget(again)
    assert again.audio.codecs.chosen() == ["PCMA/8000/1", "PCMU/8000/1"]

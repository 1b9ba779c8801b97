"""The QtMultimedia backend moves audio through a real sound server (PulseAudio,
null sink looped back to a source), both directions, checked by frequency."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.servers.pulseaudio import SINK, SOURCE, pulseaudio_server

ROOT = Path(__file__).resolve().parents[2]


def test_tone_played_to_the_speaker_comes_back_from_the_microphone_also_after_a_rest() -> None:
    with pulseaudio_server() as pulse_env:
        env = {**os.environ, **pulse_env, "QT_QPA_PLATFORM": "offscreen"}
        out = subprocess.run(
            [sys.executable, "-m", "tests.sip.qt_audio_loop", SINK, SOURCE],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
        )
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["frames"] >= 25
    assert result["rms"] > 500
    assert abs(result["frequency"] - 440) <= 20
    # With no frames the streams rest, and the next frame wakes them, tone intact.
    assert not result["resting_while_talking"]
    assert result["rested"] and result["woke"]
    assert result["rms_after_rest"] > 500
    assert abs(result["frequency_after_rest"] - 440) <= 20
    assert result["sink_closed"]

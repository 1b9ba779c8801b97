"""Writes resources/sounds/message.wav, the new-message sound: a soft two-note
chime (A5, then E6), 0.42 s, 16-bit mono PCM, which QSoundEffect plays on every
platform. Made here rather than taken from elsewhere, so its licence is ours.

    .venv/bin/python scripts/make_message_sound.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
NOTES = ((0.0, 880.0), (0.11, 1318.5))  # (start in seconds, frequency in Hz)
LENGTH = 0.42
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "message.wav"


def samples() -> list[int]:
    frames = []
    for n in range(int(RATE * LENGTH)):
        t = n / RATE
        value = 0.0
        for start, frequency in NOTES:
            if t >= start:
                d = t - start
                envelope = math.exp(-d * 9.0) * min(1.0, d / 0.004)  # no click at the start
                value += envelope * (
                    math.sin(2 * math.pi * frequency * d)
                    + 0.25 * math.sin(4 * math.pi * frequency * d)
                )
        fade = min(1.0, (LENGTH - t) / 0.03)  # nor at the end
        frames.append(int(max(-1.0, min(1.0, value * 0.35 * fade)) * 32767))
    return frames


def main() -> None:
    frames = samples()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(frames)}h", *frames))


if __name__ == "__main__":
    main()

"""Which frequency dominates some PCM: the Goertzel algorithm in pure Python.

numpy is not a dependency; Goertzel measures the power at a handful of chosen
frequencies in O(n) each, which is all a "did 1 kHz arrive?" check needs.
"""

from __future__ import annotations

import math
import wave
from collections.abc import Iterable
from pathlib import Path


def samples_of(pcm: bytes) -> list[int]:
    return [
        int.from_bytes(pcm[i : i + 2], "little", signed=True) for i in range(0, len(pcm) - 1, 2)
    ]


def goertzel_power(samples: list[int], rate: int, frequency: float) -> float:
    coeff = 2 * math.cos(2 * math.pi * frequency / rate)
    s_prev = s_prev2 = 0.0
    for x in samples:
        s = x + coeff * s_prev - s_prev2
        s_prev2, s_prev = s_prev, s
    return s_prev2 * s_prev2 + s_prev * s_prev - coeff * s_prev * s_prev2


def dominant_frequency(
    samples: list[int], rate: int, candidates: Iterable[float] = range(200, 3001, 20)
) -> float:
    """The candidate frequency with the most power (20 Hz grid by default)."""
    return max(candidates, key=lambda f: goertzel_power(samples, rate, f))


def rms(samples: list[int]) -> float:
    return math.sqrt(sum(x * x for x in samples) / len(samples)) if samples else 0.0


def read_wav(path: Path) -> tuple[list[int], int]:
    with wave.open(str(path), "rb") as wav:
        assert wav.getsampwidth() == 2 and wav.getnchannels() == 1
        return samples_of(wav.readframes(wav.getnframes())), wav.getframerate()

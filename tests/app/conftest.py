"""Fixtures of the callback queue's tests (tests/app/callback_clock.py)."""

from __future__ import annotations

import pytest

from app.callbacks import CallbackQueue
from app.core import Core
from tests.app.callback_clock import MONDAY_10, Clock


@pytest.fixture
def clock(core: Core) -> Clock:
    c = Clock(MONDAY_10)
    core.callbacks.clock = c
    return c


@pytest.fixture
def queue(core: Core, clock: Clock) -> CallbackQueue:
    return core.callbacks

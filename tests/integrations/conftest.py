"""Fixtures for the channel integrations' tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers.bot_api import BotApiServer


@pytest.fixture
def bot_api() -> Iterator[BotApiServer]:
    """A Telegram Bot API server on 127.0.0.1 (tests/servers/bot_api) with the real
    server's timings; add bots with ``bot_api.add_bot()``, point the client at
    ``bot_api.base_url``. Stopped after the test, ending any waiting long poll."""
    with BotApiServer() as server:
        yield server

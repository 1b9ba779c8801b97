"""A conflict reaches the views with its typed reason (``ChannelStatus.conflict``):
a webhook set for the bot, or another program polling it. The lock between
Switchboard windows, the third reason, is in test_host_locks.py."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import requests

from app.core import Core
from integrations.base import ChannelState, Conflict
from tests.integrations.test_telegram import Desk, _wait
from tests.servers.bot_api import BotApiServer


@pytest.fixture
def desk(sqlite_core: Core, bot_api: BotApiServer) -> Iterator[Desk]:
    desk = Desk(sqlite_core, bot_api, bot_api.add_bot()).start()
    yield desk
    desk.host.stop()


def _conflict(desk: Desk) -> Conflict | None:
    desk.wait_state(ChannelState.CONFLICT, timeout=20)
    (status,) = desk.host.statuses()
    return status.conflict


def test_a_webhook_set_for_the_bot(desk: Desk) -> None:
    desk.wait_state(ChannelState.CONNECTED)
    desk.bot.set_webhook("https://shop.example/telegram-hook")
    assert _conflict(desk) is Conflict.WEBHOOK


def test_another_program_polling_the_bot(desk: Desk, bot_api: BotApiServer) -> None:
    desk.wait_state(ChannelState.CONNECTED)
    stop = threading.Event()

    def other_program() -> None:  # a second bot instance, long polling the same token
        url = bot_api.method_url(desk.bot.token, "getUpdates")
        while not stop.is_set():
            requests.post(url, json={"timeout": 1}, timeout=10)

    poller = threading.Thread(target=other_program, daemon=True)
    poller.start()
    try:
        _wait(lambda: desk.state() is ChannelState.CONFLICT, 20, "the conflict")
        assert _conflict(desk) is Conflict.OTHER_READER
    finally:
        stop.set()
        poller.join(timeout=15)

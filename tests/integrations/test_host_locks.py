"""Several Switchboard windows on one PostgreSQL database, one Telegram bot:
the bot runs in one window's channel host at a time (integrations/account_lock.py),
the others wait and take it over by themselves when it stops or dies.

Each "window" here is a real Core and a real ChannelHost of its own (its own
engine, its own lock connection, its own keyring); the bot is served by the
local Bot API server of tests/servers/bot_api; the one killed with SIGKILL is
a real child process (tests/integrations/channel_child.py).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import select

from app.core import Core
from app.models import ChannelAccount, Conversation, Interaction, OutboxMessage
from app.secrets import MemoryKeyring, SecretKind, SecretStore
from app.settings import AppPaths, Settings
from integrations.account_lock import ACCOUNT_LOCK_SPACE
from integrations.base import ChannelState, ChannelStatus, Conflict
from integrations.host import ChannelHost
from integrations.telegram.channel import TelegramChannel
from tests.integrations.test_telegram_crashes import Child
from tests.servers.bot_api import Bot, BotApiServer, Fault

FACTORIES = {"telegram": lambda settings: TelegramChannel(settings, poll_timeout_s=2)}
RETRY_S = 0.5  # the hosts' lock retry here (15 s in the app)
# A bound for waiting, not a measure: a takeover is one retry, then getMe and a poll.
TAKEOVER_BOUND_S = RETRY_S + 15


def _wait(check: Callable[[], Any], timeout: float = 15.0, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what or check}")


class Window:
    """One Switchboard window's core and channel host on the shared database."""

    def __init__(self, url: str, home: Path, account_id: int, token: str | None) -> None:
        paths = AppPaths(home / "config", home / "data", home / "logs")
        paths.ensure()
        settings = Settings(database_url=url, default_region="UA")
        self.core = Core.open(paths, settings, secrets=SecretStore(MemoryKeyring()))
        if token is not None:
            self.core.secrets.set(SecretKind.CHANNEL, account_id, token)
        self.account_id = account_id
        self.statuses: list[ChannelStatus] = []
        self.host = ChannelHost(
            self.core, factories=FACTORIES, on_status=self.statuses.append, lock_retry_s=RETRY_S
        )
        self.started = False

    def start(self) -> Window:
        self.host.start()
        self.started = True
        return self

    def stop(self) -> None:
        if self.started:
            self.host.stop()
            self.started = False

    def close(self) -> None:
        self.stop()
        self.core.close()

    def status(self) -> ChannelStatus | None:
        return next((s for s in self.host.statuses() if s.account_id == self.account_id), None)

    def runs(self) -> bool:
        return self.host.channel(self.account_id) is not None

    def connected(self) -> bool:
        status = self.status()
        return self.runs() and status is not None and status.state is ChannelState.CONNECTED

    def waits(self) -> bool:
        """Says another Switchboard on the database runs the bot, and doesn't run it."""
        status = self.status()
        return (
            not self.runs()
            and status is not None
            and status.state is ChannelState.CONFLICT
            and status.conflict is Conflict.OTHER_HOST
        )


@pytest.fixture
def bot(bot_api: BotApiServer) -> Bot:
    return bot_api.add_bot()


@pytest.fixture
def account_id(pg_url: str, tmp_path: Path, bot_api: BotApiServer) -> int:
    paths = AppPaths(tmp_path / "setup" / "c", tmp_path / "setup" / "d", tmp_path / "setup" / "l")
    paths.ensure()
    core = Core.open(paths, Settings(database_url=pg_url), secrets=SecretStore(MemoryKeyring()))
    try:
        with core.db.session() as s:
            row = ChannelAccount(
                kind="telegram", label="Shop bot", config={"server": bot_api.base_url}
            )
            s.add(row)
            s.flush()
            assert row.id is not None
            return row.id
    finally:
        core.close()


@pytest.fixture
def windows(
    pg_url: str, tmp_path: Path, account_id: int, bot: Bot
) -> Iterator[Callable[..., Window]]:
    made: list[Window] = []

    def window(token: str | None = bot.token) -> Window:
        made.append(Window(pg_url, tmp_path / f"window-{len(made)}", account_id, token))
        return made[-1]

    yield window
    for w in made:
        w.close()


def _stored(core: Core) -> list[str]:
    with core.db.session() as s:
        return list(
            s.exec(select(Interaction.external_id).where(Interaction.channel == "telegram"))
        )


def _conflicts(bot_api: BotApiServer) -> list[int | None]:
    """getUpdates answered 409: two readers of the bot fought."""
    return [r.status for r in bot_api.requests if r.name == "getupdates" and r.status == 409]


def _lock_backends(core: Core, account_id: int) -> list[int]:
    with core.db.engine.connect() as c:
        return list(
            c.execute(
                text(
                    "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    " AND objsubid = 2 AND classid::bigint = :space AND objid::bigint = :account"
                ),
                {"space": ACCOUNT_LOCK_SPACE, "account": account_id},
            ).scalars()
        )


def test_two_windows_on_one_database_poll_the_bot_from_one_only(
    windows: Callable[..., Window], bot_api: BotApiServer, bot: Bot
) -> None:
    first = windows().start()
    _wait(first.connected, what="the first window polling")
    second = windows().start()
    _wait(second.waits, what="the second window saying another one serves the bot")
    users = [bot.user(f"Клієнт {i}") for i in range(5)]
    for n in range(300):
        bot.push_text(users[n % len(users)], f"повідомлення {n}")
        if n % 100 == 99:  # the second window asks again meanwhile, and keeps waiting
            time.sleep(3 * RETRY_S)
            assert second.waits() and first.connected()
    _wait(lambda: len(_stored(first.core)) == 300 and not bot.pending(), 60, "all stored")

    stored = Counter(_stored(second.core))  # the same database, read by the other window
    assert len(stored) == 300 and set(stored.values()) == {1}, "each update stored once"
    assert _conflicts(bot_api) == [], "two readers of the bot fought"
    assert second.statuses and all(not s.working for s in second.statuses)
    status = second.status()
    assert status is not None and status.detail.startswith("Switchboard on ")  # who serves it


def test_when_the_window_that_polls_closes_the_other_takes_over(
    windows: Callable[..., Window], bot: Bot
) -> None:
    first = windows().start()
    _wait(first.connected)
    second = windows().start()
    _wait(second.waits)
    user = bot.user("Олена")
    bot.push_text(user, "до")
    _wait(lambda: len(_stored(first.core)) == 1 and not bot.pending())

    first.stop()
    bot.push_text(user, "після")
    _wait(second.connected, TAKEOVER_BOUND_S, "the second window polling")
    _wait(lambda: len(_stored(second.core)) == 2 and not bot.pending(), what="stored")
    assert sorted(Counter(_stored(second.core)).values()) == [1, 1]

    # A window opened now waits for the second.
    third = windows().start()
    _wait(third.waits)
    assert second.connected()


def test_a_window_killed_with_sigkill_hands_the_bot_over(
    windows: Callable[..., Window],
    pg_url: str,
    tmp_path: Path,
    account_id: int,
    bot: Bot,
) -> None:
    child = Child(pg_url, tmp_path / "child", account_id, bot.token)
    child.start()  # "ready": its host holds the bot
    try:
        window = windows().start()
        _wait(window.waits, what="the window waiting for the child")
        assert child.process is not None
        status = window.status()
        assert status is not None and f"pid {child.process.pid}" in status.detail
        user = bot.user("Ігор")
        bot.push_text(user, "перше")
        _wait(lambda: len(_stored(window.core)) == 1 and not bot.pending(), what="by the child")
        assert window.waits()

        child.kill()  # no handler runs: only the server's end of the session lets go
        _wait(window.connected, TAKEOVER_BOUND_S, "the window polling after the kill")
        bot.push_text(user, "друге")
        _wait(lambda: len(_stored(window.core)) == 2 and not bot.pending(), what="stored")
        assert sorted(Counter(_stored(window.core)).values()) == [1, 1]
    finally:
        child.stop()


def _conversation(core: Core, bot: Bot, account_id: int) -> int:
    user = bot.user("Покупець")
    bot.meet(user)
    with core.db.session() as s:
        row = Conversation(
            account_id=account_id, channel="telegram", identity=str(user["id"]), title="Покупець"
        )
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def _outbox_status(core: Core, message_id: int) -> str:
    with core.db.session() as s:
        row = s.get(OutboxMessage, message_id)
        assert row is not None
        return row.status


def test_a_second_window_starting_leaves_the_first_ones_send_alone(
    windows: Callable[..., Window], bot_api: BotApiServer, bot: Bot, account_id: int
) -> None:
    first = windows().start()
    _wait(first.connected)
    chat = _conversation(first.core, bot, account_id)
    bot_api.inject(Fault.delay(3), method="sendMessage")  # sent, its answer 3 s late
    queued = first.core.outbox.queue(
        chat, "Ваше замовлення готове", operator="Ірина", idempotency_key="press-1"
    )
    assert queued.id is not None
    bot_api.wait_for_requests(1, "sendMessage")
    assert _outbox_status(first.core, queued.id) == "sending"

    second = windows().start()  # recovers nothing of an account another window runs
    assert _outbox_status(second.core, queued.id) == "sending"
    _wait(lambda: _outbox_status(first.core, queued.id) != "sending", 20, "the answer")
    assert _outbox_status(first.core, queued.id) == "sent"
    assert [s.text for s in bot_api.sent] == ["Ваше замовлення готове"]
    assert second.waits()


def test_the_window_that_takes_the_bot_over_recovers_what_the_killed_one_was_sending(
    windows: Callable[..., Window],
    pg_url: str,
    tmp_path: Path,
    account_id: int,
    bot_api: BotApiServer,
    bot: Bot,
) -> None:
    child = Child(pg_url, tmp_path / "child", account_id, bot.token)
    child.start()
    try:
        window = windows().start()
        _wait(window.waits)
        chat = _conversation(window.core, bot, account_id)
        bot_api.inject(Fault.delay(30), method="sendMessage")  # sent; the answer never comes
        queued = window.core.outbox.queue(
            chat, "Дякуємо за замовлення", operator="Ірина", idempotency_key="press-1"
        )
        assert queued.id is not None
        bot_api.wait_for_requests(1, "sendMessage", timeout=15)
        time.sleep(3 * RETRY_S)  # the waiting window asks meanwhile, and touches nothing
        assert _outbox_status(window.core, queued.id) == "sending"

        child.kill()
        _wait(window.connected, TAKEOVER_BOUND_S, "the window polling after the kill")
        # May have reached the customer: "may not have been sent", never resent by itself.
        assert _outbox_status(window.core, queued.id) == "uncertain"
        time.sleep(1.0)
        assert len(bot_api.sent) == 1
    finally:
        child.stop()


def test_a_broken_lock_connection_stops_the_bot_and_it_is_taken_again(
    windows: Callable[..., Window], bot: Bot, account_id: int
) -> None:
    window = windows().start()
    _wait(window.connected)
    channel = window.host.channel(account_id)
    (backend,) = _lock_backends(window.core, account_id)
    with window.core.db.engine.connect() as c:
        c.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
    # It may not be the only one any more: the channel it ran is stopped...
    _wait(lambda: window.host.channel(account_id) is not channel, TAKEOVER_BOUND_S, "a restart")
    assert any(s.state is ChannelState.NOT_REACHABLE for s in window.statuses)
    # ...and, no one else holding the bot, it is taken again on a new connection.
    _wait(window.connected, TAKEOVER_BOUND_S, "polling again")
    (again,) = _lock_backends(window.core, account_id)
    assert again != backend
    bot.push_text(bot.user("Олена"), "ще тут?")
    _wait(lambda: len(_stored(window.core)) == 1 and not bot.pending(), what="stored")


def test_a_window_without_the_token_does_not_keep_the_bot_from_one_that_has_it(
    windows: Callable[..., Window], bot: Bot
) -> None:
    # The token lives in each computer's keyring: this one never had it entered.
    without = windows(token=None).start()
    status = without.status()
    assert status is not None and status.state is ChannelState.MISCONFIGURED
    with_token = windows().start()
    _wait(with_token.connected, TAKEOVER_BOUND_S, "the window with the token polling")
    _wait(without.waits, what="the window without it saying another one serves the bot")
    bot.push_text(bot.user("Олена"), "добрий день")
    _wait(lambda: len(_stored(with_token.core)) == 1 and not bot.pending(), what="stored")


def test_stopping_a_host_lets_its_bots_go(windows: Callable[..., Window], account_id: int) -> None:
    window = windows().start()
    _wait(window.connected)
    assert len(_lock_backends(window.core, account_id)) == 1
    window.stop()
    assert _lock_backends(window.core, account_id) == []


def test_disabling_the_bot_lets_it_go(windows: Callable[..., Window], account_id: int) -> None:
    window = windows().start()
    _wait(window.connected)
    assert len(_lock_backends(window.core, account_id)) == 1
    with window.core.db.session() as s:
        row = s.get(ChannelAccount, account_id)
        assert row is not None
        row.enabled = False
        s.add(row)
    window.host.reload()
    assert _lock_backends(window.core, account_id) == []
    status = window.status()
    assert status is not None and status.state is ChannelState.DISABLED

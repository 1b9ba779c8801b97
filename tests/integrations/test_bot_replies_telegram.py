"""The bot's "Call me back" end to end: a real ChannelHost, the Telegram
channel, and the local Bot API server of tests/servers/bot_api (which parses
reply_markup as the real server does and shows the chat's keyboard).

/start is answered once with a greeting and a request_contact keyboard, also
when Telegram delivers the /start again after a crash; the customer's own
number (the button) makes a callback request linked to the conversation and
one confirmation that removes the keyboard; someone else's contact makes
neither; with the replies switched off the bot says nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from app.bot_replies import greeting_markup, save_bot_replies
from app.channel_settings import DEFAULT_REPLY_TEXTS, BotReplySettings
from app.core import Core
from app.models import CallbackRequest, Interaction, OutboxMessage
from integrations.base import AccountSettings, OutboundFile, OutboundMessage
from integrations.telegram.channel import TelegramChannel
from tests.integrations.test_telegram import Desk, _count, _wait
from tests.integrations.test_telegram_crashes import Child, _account, _blocked_by
from tests.servers.bot_api import Bot, BotApiServer

UK = DEFAULT_REPLY_TEXTS["uk"]
PHONE = "+380507001236"
# The host builds the channel's OutboundMessage from the outbox row
# (integrations/host.py, ChannelHost._outbound); until it copies the keyboard of
# the row's timeline meta (meta["reply_markup"]) into it, the bot's messages go
# without their keyboard.
@pytest.fixture
def desk(core: Core, bot_api: BotApiServer) -> Iterator[Desk]:
    desk = Desk(core, bot_api, bot_api.add_bot("shop_bot"))
    yield desk.start()
    desk.host.stop()


def _inbound(core: Core) -> int:
    return _count(
        core, Interaction, Interaction.channel == "telegram", Interaction.direction == "in"
    )


def _outbox(core: Core) -> list[OutboxMessage]:
    with core.db.session() as s:
        return list(s.exec(select(OutboxMessage).order_by(col(OutboxMessage.id))))


def _all_sent(core: Core, count: int) -> None:
    _wait(
        lambda: [r.status for r in _outbox(core)] == ["sent"] * count,
        what=f"{count} outbox rows marked sent",
    )


def test_start_is_greeted_once_with_a_call_me_back_keyboard(desk: Desk) -> None:
    olena = desk.bot.user("Олена", language_code="uk")
    desk.bot.push_start(olena, "order-4812")  # a website's deep link
    (sent,) = desk.server.wait_for_sent(1, timeout=15)
    assert sent.method.lower() == "sendmessage" and sent.chat_id == olena["id"]
    assert sent.text == UK.greeting
    markup = sent.reply_markup
    assert markup is not None and markup.kind == "keyboard"
    assert markup.buttons() == [{"text": UK.button, "request_contact": True}]
    assert (markup.resize_keyboard, markup.one_time_keyboard) == (True, True)
    assert desk.bot.keyboard(olena["id"]) == markup  # on her screen
    _all_sent(desk.core, 1)  # nothing else is queued: nothing else will go
    assert len(desk.server.sent) == 1


def test_the_call_me_back_button_makes_a_request_and_one_confirmation_without_keyboard(
    desk: Desk,
) -> None:
    olena = desk.bot.user("Олена", language_code="uk")
    desk.bot.push_start(olena)
    desk.server.wait_for_sent(1, timeout=15)
    desk.bot.press(olena, UK.button, phone_number=PHONE)
    _, confirmation = desk.server.wait_for_sent(2, timeout=15)
    assert confirmation.text == UK.confirmation_for(PHONE)
    assert confirmation.reply_markup is not None
    assert confirmation.reply_markup.kind == "remove_keyboard"
    assert desk.bot.keyboard(olena["id"]) is None
    (conversation,) = desk.core.conversations.waiting()
    with desk.core.db.session() as s:
        (request,) = s.exec(select(CallbackRequest)).all()
    assert (request.source, request.phone) == ("messenger", PHONE)
    assert request.meta["conversation_id"] == conversation.id
    _all_sent(desk.core, 2)
    assert len(desk.server.sent) == 2


def test_someone_elses_contact_is_not_confirmed_and_ones_own_is_once(desk: Desk) -> None:
    olena = desk.bot.user("Олена", language_code="uk")
    desk.bot.push_contact(olena, "+380671112233", first_name="Ігор", user_id=999)
    _wait(lambda: _inbound(desk.core) == 1, what="the contact stored")
    # A reply would have been queued in the contact's own transaction: none was.
    assert _outbox(desk.core) == []
    assert _count(desk.core, CallbackRequest) == 0
    desk.bot.push_contact(olena, PHONE)  # her own, as the button shares it
    (sent,) = desk.server.wait_for_sent(1, timeout=15)
    assert sent.text == UK.confirmation_for(PHONE) and sent.chat_id == olena["id"]
    assert _count(desk.core, CallbackRequest) == 1
    _all_sent(desk.core, 1)
    assert len(desk.server.sent) == 1


def test_replies_switched_off_say_nothing_and_on_again_greet(desk: Desk) -> None:
    save_bot_replies(desk.core.db, desk.account_id, BotReplySettings(enabled=False))
    olena = desk.bot.user("Olena", language_code="en")
    desk.bot.push_start(olena)
    desk.bot.push_contact(olena, PHONE)
    _wait(lambda: _inbound(desk.core) == 2, what="the /start and the contact stored")
    assert _outbox(desk.core) == [] and desk.server.sent == []
    assert _count(desk.core, CallbackRequest) == 1  # the request is made all the same
    save_bot_replies(desk.core.db, desk.account_id, BotReplySettings(enabled=True))
    desk.bot.push_start(olena)
    (sent,) = desk.server.wait_for_sent(1, timeout=15)
    assert sent.text == DEFAULT_REPLY_TEXTS["en"].greeting


def test_a_start_delivered_again_after_a_crash_is_greeted_once(
    core: Core, db_url: str, bot_api: BotApiServer, tmp_path: Path
) -> None:
    """The child hosting the bot is killed right after its first commit: the
    /start and its greeting are stored, but the offset is not (a block in the
    same getUpdates answer is written first, the offset after it), so Telegram
    delivers the /start again to the next start. One /start, one greeting."""
    bot = bot_api.add_bot()
    account_id = _account(core, bot_api)
    olena = bot.user("Олена", language_code="uk")
    start = bot.push_start(olena)
    _blocked_by(bot, bot.user("Ігор"))
    child = Child(db_url, tmp_path / "child", account_id, bot.token)
    child.start(die_after_commit=1)
    try:
        _wait(lambda: not child.alive(), timeout=30, what="the child's kill")
        child.reap()
        assert _inbound(core) == 1 and len(_outbox(core)) == 1
        assert bot.pending(), "the offset was acknowledged before the kill"
        child.start()
        bot_api.wait_for_sent(1, timeout=30)
        _wait(lambda: not bot.pending(), timeout=30, what="the updates confirmed")
        _all_sent(core, 1)
    finally:
        child.stop()
    assert bot.delivered_update_ids.count(start["update_id"]) == 2  # delivered again
    assert _inbound(core) == 1
    (sent,) = bot_api.sent
    assert sent.text == UK.greeting and sent.chat_id == olena["id"]


# --- the channel sends the keyboard it is given ----------------------------------------


@dataclass(frozen=True)
class _WithKeyboard(OutboundMessage):
    """An outbound message that carries its keyboard, as the host is to build it."""

    reply_markup: dict[str, Any] | None = None


def _channel(bot_api: BotApiServer, bot: Bot) -> TelegramChannel:
    settings = AccountSettings(1, "telegram", "Shop bot", {"server": bot_api.base_url}, bot.token)
    return TelegramChannel(settings)


def test_the_channel_sends_the_keyboard_with_the_last_part_of_a_message(
    bot_api: BotApiServer, tmp_path: Path
) -> None:
    bot = bot_api.add_bot()
    olena = bot.user("Олена")
    chat = str(bot.meet(olena)["id"])
    channel = _channel(bot_api, bot)
    try:
        keyboard = greeting_markup(UK.button)
        assert channel.send(_WithKeyboard(1, chat, UK.greeting, reply_markup=keyboard)).ok
        (greeting,) = bot_api.sent
        assert greeting.reply_markup is not None and greeting.reply_markup.kind == "keyboard"
        assert greeting.reply_markup.buttons() == [{"text": UK.button, "request_contact": True}]
        # A long text goes in parts, a file after them (multipart): the keyboard
        # goes once, with the last of them.
        doc = tmp_path / "price.pdf"
        doc.write_bytes(b"%PDF-1.4 price list")
        file = OutboundFile(doc, "price.pdf", "application/pdf", doc.stat().st_size)
        remove = {"remove_keyboard": True}
        message = _WithKeyboard(2, chat, "ж " * 3000, files=(file,), reply_markup=remove)
        result = channel.send(message)
        assert result.ok and len(result.platform_ids) == 3
        parts = bot_api.sent[1:]
        assert [p.method for p in parts] == ["sendMessage", "sendMessage", "sendDocument"]
        assert [p.reply_markup.kind if p.reply_markup else None for p in parts] == [
            None,
            None,
            "remove_keyboard",
        ]
        assert bot.keyboard(olena["id"]) is None
        # A message without a keyboard (an operator's) sends none.
        assert channel.send(OutboundMessage(3, chat, "Так, є.")).ok
        assert "reply_markup" not in bot_api.sent[-1].params
    finally:
        channel.stop()

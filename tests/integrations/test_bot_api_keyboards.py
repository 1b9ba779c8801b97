"""The test Bot API server's reply markup, against the documentation
(ReplyKeyboardMarkup, KeyboardButton, ReplyKeyboardRemove: "A JSON-serialized
object") and the real server's parsing (tdlib/telegram-bot-api
Client::get_reply_markup and get_keyboard_button, TDLib's JsonObject field
rules), driven with plain ``requests`` as a client would."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests

from tests.servers.bot_api import Bot, BotApiServer

BOUND = 10  # seconds: a bound for waiting, never an expectation

CALL_ME_BACK = {
    "keyboard": [[{"text": "Call me back", "request_contact": True}]],
    "resize_keyboard": True,
    "one_time_keyboard": True,
}


@pytest.fixture
def bot(bot_api: BotApiServer) -> Bot:
    return bot_api.add_bot("shop_bot")


def send(server: BotApiServer, bot: Bot, chat_id: int, markup: Any) -> requests.Response:
    return requests.post(
        server.method_url(bot.token, "sendMessage"),
        json={"chat_id": chat_id, "text": "?", "reply_markup": markup},
        timeout=BOUND,
    )


def refused_with(response: requests.Response, description: str) -> None:
    body = response.json()
    assert (response.status_code, body["ok"], body["description"]) == (400, False, description)


def test_a_request_contact_keyboard_is_parsed_and_shown_in_the_chat(
    bot_api: BotApiServer, bot: Bot
) -> None:
    olena = bot.user("Olena")
    chat_id = bot.meet(olena)["id"]
    # "A JSON-serialized object": as the JSON text of a form field, or as an
    # object inside a JSON body (the real server flattens both to the text).
    form = requests.post(
        bot_api.method_url(bot.token, "sendMessage"),
        data={"chat_id": chat_id, "text": "form", "reply_markup": json.dumps(CALL_ME_BACK)},
        timeout=BOUND,
    )
    body = send(bot_api, bot, chat_id, CALL_ME_BACK).json()
    assert form.json()["ok"] and body["ok"]
    assert "reply_markup" not in body["result"]  # Message.reply_markup: inline keyboards only
    for sent in bot_api.sent:
        markup = sent.reply_markup
        assert markup is not None and markup.kind == "keyboard"
        assert markup.buttons() == [{"text": "Call me back", "request_contact": True}]
        assert (markup.resize_keyboard, markup.one_time_keyboard) == (True, True)
    assert bot.keyboard(chat_id) == bot_api.sent[-1].reply_markup


def test_a_keyboard_is_shown_until_a_reply_keyboard_remove(bot_api: BotApiServer, bot: Bot) -> None:
    olena = bot.user("Olena")
    chat_id = bot.meet(olena)["id"]
    assert send(bot_api, bot, chat_id, CALL_ME_BACK).json()["ok"]
    # None of the four kinds (no rows, remove_keyboard false): no markup at all.
    for nothing in ({"keyboard": []}, {"remove_keyboard": False}, {}):
        assert send(bot_api, bot, chat_id, nothing).json()["ok"]
        assert bot_api.sent[-1].reply_markup is None
        assert bot.keyboard(chat_id) is not None
    assert send(bot_api, bot, chat_id, {"remove_keyboard": True}).json()["ok"]
    removed = bot_api.sent[-1].reply_markup
    assert removed is not None and removed.kind == "remove_keyboard"
    assert bot.keyboard(chat_id) is None


def test_pressing_a_request_contact_button_shares_the_users_own_number(
    bot_api: BotApiServer, bot: Bot
) -> None:
    olena = bot.user("Olena", last_name="Petrenko")
    chat_id = bot.meet(olena)["id"]
    with pytest.raises(LookupError):  # no keyboard on her screen yet
        bot.press(olena, "Call me back", phone_number="+380501234567")
    assert send(bot_api, bot, chat_id, CALL_ME_BACK).json()["ok"]
    update = bot.press(olena, "Call me back", phone_number="+380501234567")
    contact = update["message"]["contact"]
    assert contact == {
        "phone_number": "+380501234567",
        "first_name": "Olena",
        "last_name": "Petrenko",
        "user_id": olena["id"],
    }
    with pytest.raises(LookupError):
        bot.press(olena, "Something else")


@pytest.mark.parametrize(
    ("markup", "description"),
    [
        ("not json", "Bad Request: can't parse reply keyboard markup JSON object"),
        ([["Call me back"]], "Bad Request: object expected as reply markup"),
        ({"keyboard": "Call me back"}, 'Bad Request: field "keyboard" must be of type Array'),
        (
            {"keyboard": ["Call me back"]},
            'Bad Request: field "keyboard" must be an Array of Arrays',
        ),
        (
            {"keyboard": [[{"request_contact": True}]]},
            "Bad Request: can't parse keyboard button: Can't find field \"text\"",
        ),
        (
            {"keyboard": [[{"text": ["Call"]}]]},
            'Bad Request: can\'t parse keyboard button: Field "text" must be of type String',
        ),
        (
            {"keyboard": [[{"text": "Call me back", "request_contact": "true"}]]},
            'Bad Request: can\'t parse keyboard button: Field "request_contact" must be of type'
            " Boolean",
        ),
        (
            {"keyboard": [[None]]},
            "Bad Request: can't parse keyboard button: KeyboardButton must be a String or an"
            " Object",
        ),
        (
            {"keyboard": [["Call me back"]], "resize_keyboard": 1},
            'Bad Request: field "resize_keyboard" must be of type Boolean',
        ),
        (
            {"remove_keyboard": "true"},
            'Bad Request: field "remove_keyboard" must be of type Boolean',
        ),
        (
            {"inline_keyboard": [[{"text": "plain"}]]},
            "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the"
            " inline keyboard",
        ),
    ],
)
def test_a_markup_the_real_server_would_refuse_is_refused_with_its_words(
    bot_api: BotApiServer, bot: Bot, markup: Any, description: str
) -> None:
    chat_id = bot.meet(bot.user())["id"]
    refused_with(send(bot_api, bot, chat_id, markup), description)
    assert bot_api.sent == []
    assert bot.keyboard(chat_id) is None


def test_a_string_button_and_the_older_request_phone_number_are_read(
    bot_api: BotApiServer, bot: Bot
) -> None:
    chat_id = bot.meet(bot.user())["id"]
    markup = {"keyboard": [["Hello"], [{"text": "Call", "request_phone_number": True}]]}
    assert send(bot_api, bot, chat_id, markup).json()["ok"]
    shown = bot.keyboard(chat_id)
    assert shown is not None
    assert shown.buttons() == [{"text": "Hello"}, {"text": "Call", "request_contact": True}]

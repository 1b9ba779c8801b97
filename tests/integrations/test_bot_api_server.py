"""The test Bot API server (tests/servers/bot_api) against the documented behaviour,
driven with plain ``requests`` as a client would. Each test names the passage of
core.telegram.org/bots/api (or of the real server's source) it checks."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pytest
import requests

from tests.servers.bot_api import DOWNLOAD, Bot, BotApiServer, Fault

BOUND = 10  # seconds: a bound for waiting, never an expectation


def call(server: BotApiServer, bot: Bot | str, method: str, **params: Any) -> requests.Response:
    token = bot if isinstance(bot, str) else bot.token
    return requests.post(server.method_url(token, method), json=params, timeout=BOUND)


def ok(response: requests.Response) -> Any:
    body = response.json()
    assert response.status_code == 200 and body["ok"] is True, body
    return body["result"]


def refused(response: requests.Response, code: int, description: str) -> dict[str, Any]:
    """ "Making requests": ok false, error_code and description; the real server's HTTP
    status equals error_code (Query::set_error)."""
    body: dict[str, Any] = response.json()
    assert (response.status_code, body["ok"], body["error_code"], body["description"]) == (
        code,
        False,
        code,
        description,
    ), body
    return body


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(4) as executor:
        yield executor


@pytest.fixture
def bot(bot_api: BotApiServer) -> Bot:
    return bot_api.add_bot("shop_bot")


# ----- Making requests ---------------------------------------------------------------


def test_each_token_is_its_own_bot(bot_api: BotApiServer) -> None:
    first, second = bot_api.add_bot("first_bot"), bot_api.add_bot("second_bot")
    me = ok(call(bot_api, second, "getMe"))
    assert me["username"] == "second_bot" and me["id"] == second.id != first.id
    assert me["is_bot"] is True and "can_join_groups" in me  # User: "Returned only in getMe"


def test_all_four_ways_of_passing_parameters(bot_api: BotApiServer, bot: Bot) -> None:
    """ "We support four ways of passing parameters": query string, urlencoded, JSON, multipart."""
    chat_id = bot.meet(bot.user())["id"]
    url = bot_api.method_url(bot.token, "sendMessage")
    answers = [
        requests.get(url, params={"chat_id": chat_id, "text": "query"}, timeout=BOUND),
        requests.post(url, data={"chat_id": chat_id, "text": "form"}, timeout=BOUND),
        requests.post(url, json={"chat_id": chat_id, "text": "json"}, timeout=BOUND),
        requests.post(
            url, files={"chat_id": (None, str(chat_id)), "text": (None, "multipart")}, timeout=BOUND
        ),
    ]
    assert [ok(answer)["text"] for answer in answers] == ["query", "form", "json", "multipart"]
    assert [m["message_id"] for m in (ok(a) for a in answers)] == [1, 2, 3, 4]


def test_method_names_are_case_insensitive(bot_api: BotApiServer, bot: Bot) -> None:
    """ "All methods in the Bot API are case-insensitive." """
    assert ok(call(bot_api, bot, "GETME"))["id"] == ok(call(bot_api, bot, "getme"))["id"]


def test_unknown_or_revoked_token_is_unauthorized(bot_api: BotApiServer, bot: Bot) -> None:
    refused(call(bot_api, "123456:AAunknownunknownunknownunknown", "getMe"), 401, "Unauthorized")
    bot.revoke()
    refused(call(bot_api, bot, "getMe"), 401, "Unauthorized")


@pytest.mark.parametrize(
    ("token", "code", "description"),
    [
        ("no-colon", 401, "Unauthorized: invalid token specified"),
        ("0123:abc", 401, "Unauthorized: invalid token specified"),
        ("abc:def", 421, "Misdirected Request: unallowed token specified"),
    ],
)
def test_malformed_tokens_like_the_local_server(
    bot_api: BotApiServer, token: str, code: int, description: str
) -> None:
    """ClientManager::send checks the token's shape before looking for the bot."""
    refused(call(bot_api, token, "getMe"), code, description)


def test_unknown_method_and_path(bot_api: BotApiServer, bot: Bot) -> None:
    refused(call(bot_api, bot, "sendTelepathy"), 404, "Not Found: method not found")
    answer = requests.get(f"{bot_api.base_url}/robots.txt", timeout=BOUND)
    refused(answer, 404, "Not Found")


def test_public_flavour_answers_like_api_telegram_org() -> None:
    with BotApiServer(flavour="public") as server:
        bot = server.add_bot()
        refused(call(server, bot, "sendTelepathy"), 404, "Not Found")
        refused(call(server, "no-colon", "getMe"), 404, "Not Found")


def test_method_may_be_given_as_a_parameter(bot_api: BotApiServer, bot: Bot) -> None:
    """Query: an empty method in the path is taken from the 'method' parameter."""
    answer = requests.post(
        bot_api.method_url(bot.token, ""), json={"method": "getMe"}, timeout=BOUND
    )
    assert ok(answer)["id"] == bot.id


# ----- getUpdates: offsets ------------------------------------------------------------


def test_updates_stay_until_an_offset_confirms_them(bot_api: BotApiServer, bot: Bot) -> None:
    """getUpdates.offset: "An update is considered confirmed as soon as getUpdates is
    called with an offset higher than its update_id"."""
    person = bot.user()
    for text in ("one", "two", "three"):
        bot.push_text(person, text)
    first = ok(call(bot_api, bot, "getUpdates"))
    ids = [u["update_id"] for u in first]
    assert [u["message"]["text"] for u in first] == ["one", "two", "three"]
    assert ids == list(range(ids[0], ids[0] + 3))  # "increase sequentially"
    assert ok(call(bot_api, bot, "getUpdates")) == first  # nothing confirmed yet
    later = ok(call(bot_api, bot, "getUpdates", offset=ids[1]))
    assert [u["update_id"] for u in later] == ids[1:]
    assert [u["update_id"] for u in ok(call(bot_api, bot, "getUpdates"))] == ids[1:]
    assert ok(call(bot_api, bot, "getUpdates", offset=ids[2] + 1)) == []
    assert ok(call(bot_api, bot, "getWebhookInfo"))["pending_update_count"] == 0
    assert bot.pending() == []


def test_negative_offset_counts_from_the_end_and_forgets_the_rest(
    bot_api: BotApiServer, bot: Bot
) -> None:
    """ "The negative offset can be specified to retrieve updates starting from -offset
    update from the end of the updates queue. All previous updates will be forgotten." """
    person = bot.user()
    pushed = [bot.push_text(person, str(n))["update_id"] for n in range(5)]
    assert [u["update_id"] for u in ok(call(bot_api, bot, "getUpdates", offset=-2))] == pushed[3:]
    assert [u["update_id"] for u in ok(call(bot_api, bot, "getUpdates"))] == pushed[3:]


def test_offset_far_in_the_future_starts_at_the_earliest(bot_api: BotApiServer, bot: Bot) -> None:
    """TQueue refuses an id more than 10 past the newest; the server then reads from the head."""
    pushed = bot.push_text(bot.user(), "kept")["update_id"]
    got = ok(call(bot_api, bot, "getUpdates", offset=pushed + 1000))
    assert [u["update_id"] for u in got] == [pushed]


@pytest.mark.parametrize(("limit", "expected"), [(None, 100), (500, 100), (0, 1), (7, 7)])
def test_limit_is_clamped_to_1_100(
    bot_api: BotApiServer, bot: Bot, limit: int | None, expected: int
) -> None:
    """ "Values between 1-100 are accepted. Defaults to 100."; the server clamps others."""
    person = bot.user()
    for n in range(120):
        bot.push_text(person, str(n))
    params = {} if limit is None else {"limit": limit}
    assert len(ok(call(bot_api, bot, "getUpdates", **params))) == expected


def test_updates_older_than_the_ttl_are_gone(bot_api: BotApiServer, bot: Bot) -> None:
    """ "Incoming updates are stored on the server ... not kept longer than 24 hours." """
    person = bot.user()
    bot.push_text(person, "yesterday", age=86400 + 5)
    fresh = bot.push_text(person, "today")
    assert [u["update_id"] for u in ok(call(bot_api, bot, "getUpdates"))] == [fresh["update_id"]]


# ----- getUpdates: long polling and conflicts -----------------------------------------


def test_long_poll_returns_as_soon_as_an_update_arrives(
    bot_api: BotApiServer, bot: Bot, pool: ThreadPoolExecutor
) -> None:
    """timeout: long polling; a 50 s poll answers the moment something arrives (the
    request's own timeout of BOUND seconds would fail the test otherwise)."""
    poll = pool.submit(call, bot_api, bot, "getUpdates", timeout=50)
    bot.wait_until_polling()
    pushed = bot.push_text(bot.user(), "ping")
    assert ok(poll.result(BOUND)) == [pushed]


def test_long_poll_without_updates_ends_at_its_timeout(bot_api: BotApiServer, bot: Bot) -> None:
    assert ok(call(bot_api, bot, "getUpdates", timeout=1)) == []


def test_second_long_poll_ends_the_first_with_409(
    bot_api: BotApiServer, bot: Bot, pool: ThreadPoolExecutor
) -> None:
    """Client::abort_long_poll: the earlier of two concurrent getUpdates gets 409."""
    first = pool.submit(call, bot_api, bot, "getUpdates", timeout=50)
    bot.wait_until_polling()
    second = pool.submit(call, bot_api, bot, "getUpdates", offset=1, timeout=50)
    refused(
        first.result(BOUND),
        409,
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
        "is running",
    )
    bot.wait_until_polling()
    pushed = bot.push_text(bot.user(), "to the second")
    assert ok(second.result(BOUND)) == [pushed]


def test_409s_are_paced_three_seconds_apart(bot_api: BotApiServer, bot: Bot) -> None:
    """fail_query_conflict answers one 409 at once and delays the next one within 3 s; a
    client that retries in a loop is slowed down, never answered in a hot loop."""
    bot.set_webhook("https://example.org/hook")
    refused(call(bot_api, bot, "getUpdates"), 409, _WEBHOOK_409)
    with pytest.raises(requests.Timeout):  # the next one is held for 3 s
        requests.post(bot_api.method_url(bot.token, "getUpdates"), timeout=1)


_WEBHOOK_409 = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)


def test_short_poll_does_not_end_a_waiting_long_poll(
    bot_api: BotApiServer, bot: Bot, pool: ThreadPoolExecutor
) -> None:
    """Only a request that itself starts to wait aborts the long poll (do_get_updates)."""
    poll = pool.submit(call, bot_api, bot, "getUpdates", timeout=50)
    bot.wait_until_polling()
    assert ok(call(bot_api, bot, "getUpdates", offset=-1, timeout=0)) == []
    assert bot.is_polling
    pushed = bot.push_text(bot.user(), "still yours")
    assert ok(poll.result(BOUND)) == [pushed]


def test_repeated_short_poll_with_the_same_offset_waits(
    bot_api: BotApiServer, bot: Bot, pool: ThreadPoolExecutor
) -> None:
    """process_get_updates_query: the same offset again within 3 s with timeout < 3 is
    served with timeout 3, so a tight short-polling loop becomes long polling."""
    assert ok(call(bot_api, bot, "getUpdates", offset=5)) == []
    again = pool.submit(call, bot_api, bot, "getUpdates", offset=5)
    bot.wait_until_polling()
    pushed = bot.push_text(bot.user(), "x")
    assert ok(again.result(BOUND)) == [pushed]


def test_allowed_updates_are_remembered_between_calls(bot_api: BotApiServer, bot: Bot) -> None:
    """allowed_updates: "If not specified, the previous setting will be used"; it "doesn't
    affect updates created before the call"; [] restores the default."""
    person = bot.user()
    before = bot.push_text(person, "before")
    got = ok(call(bot_api, bot, "getUpdates", allowed_updates=["edited_message"]))
    assert got == [before]
    dropped = bot.push_text(person, "not wanted")
    assert "update_id" not in dropped and bot.dropped
    edited = bot.push_edited(dropped["message"], text="wanted")
    got = ok(call(bot_api, bot, "getUpdates", offset=before["update_id"] + 1))
    assert got == [edited]
    assert bot.allowed_updates == {"edited_message"}
    info = ok(call(bot_api, bot, "getWebhookInfo"))
    assert info["allowed_updates"] == ["edited_message"]
    # a JSON-serialized string in a form works the same as a JSON list
    url = bot_api.method_url(bot.token, "getUpdates")
    requests.post(url, data={"allowed_updates": json.dumps([])}, timeout=BOUND)
    assert "message" in bot.allowed_updates and "chat_member" not in bot.allowed_updates


# ----- webhooks -----------------------------------------------------------------------


def test_webhook_blocks_getupdates_until_deleted(bot_api: BotApiServer, bot: Bot) -> None:
    person = bot.user()
    bot.push_text(person, "waiting")
    answer = call(bot_api, bot, "setWebhook", url="https://example.org/hook")
    assert answer.json() == {"ok": True, "result": True, "description": "Webhook was set"}
    info = ok(call(bot_api, bot, "getWebhookInfo"))
    assert info["url"] == "https://example.org/hook" and info["pending_update_count"] == 1
    assert info["has_custom_certificate"] is False and info["max_connections"] == 40
    refused(call(bot_api, bot, "getUpdates"), 409, _WEBHOOK_409)
    answer = call(bot_api, bot, "deleteWebhook", drop_pending_updates=True)
    assert answer.json()["description"] == "Webhook was deleted"
    assert call(bot_api, bot, "deleteWebhook").json()["description"] == "Webhook is already deleted"
    info = ok(call(bot_api, bot, "getWebhookInfo"))
    assert (info["url"], info["pending_update_count"]) == ("", 0)
    assert ok(call(bot_api, bot, "getUpdates")) == []


def test_set_webhook_ends_a_waiting_long_poll(
    bot_api: BotApiServer, bot: Bot, pool: ThreadPoolExecutor
) -> None:
    poll = pool.submit(call, bot_api, bot, "getUpdates", timeout=50)
    bot.wait_until_polling()
    ok(call(bot_api, bot, "setWebhook", url="https://example.org/hook"))
    refused(poll.result(BOUND), 409, "Conflict: terminated by setWebhook request")


def test_a_new_webhook_url_at_most_once_a_second() -> None:
    """process_set_webhook_query: another URL within a second answers 429, retry after 1
    (the interval is stretched here so a slow machine cannot let a second pass)."""
    with BotApiServer(set_webhook_interval=600) as server:
        bot = server.add_bot()
        ok(call(server, bot, "setWebhook", url="https://example.org/a"))
        body = refused(
            call(server, bot, "setWebhook", url="https://example.org/b"),
            429,
            "Too Many Requests: retry after 1",
        )
        assert body["parameters"] == {"retry_after": 1}


# ----- sending ------------------------------------------------------------------------


def test_send_message_returns_the_message_and_is_recorded(bot_api: BotApiServer, bot: Bot) -> None:
    person = bot.user("Olena", username="olena")
    incoming = bot.push_text(person, "hello")["message"]
    sent = ok(call(bot_api, bot, "sendMessage", chat_id=person["id"], text="Вітаю!"))
    assert sent["message_id"] == incoming["message_id"] + 1
    assert sent["chat"] == incoming["chat"] and sent["from"]["id"] == bot.id
    assert sent["text"] == "Вітаю!" and isinstance(sent["date"], int)
    [record] = bot_api.wait_for_sent(1)
    assert (record.method, record.chat_id, record.text) == ("sendMessage", person["id"], "Вітаю!")
    assert record.message == sent


@pytest.mark.parametrize(
    ("params", "description"),
    [
        ({"text": "x"}, "Bad Request: chat_id is empty"),
        ({"chat_id": 424242, "text": "x"}, "Bad Request: chat not found"),
        ({"chat_id": "@nobody", "text": "x"}, "Bad Request: chat not found"),
        ({"chat_id": "CHAT", "text": ""}, "Bad Request: message text is empty"),
        ({"chat_id": "CHAT", "text": " \n\t "}, "Bad Request: message must be non-empty"),
        ({"chat_id": "CHAT", "text": "a" * 4097}, "Bad Request: message is too long"),
        (
            {"chat_id": "CHAT", "text": "x", "parse_mode": "BBCode"},
            "Bad Request: unsupported parse_mode",
        ),
        (
            {"chat_id": "CHAT", "text": "1.5", "parse_mode": "MarkdownV2"},
            "Bad Request: can't parse entities: Character '.' is reserved and must be escaped "
            "with the preceding '\\'",
        ),
        (
            {"chat_id": "CHAT", "text": "*bold", "parse_mode": "MarkdownV2"},
            "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 0",
        ),
        (
            {"chat_id": "CHAT", "text": "<b>bold", "parse_mode": "HTML"},
            "Bad Request: can't parse entities: Can't find end tag corresponding to start tag b",
        ),
        (
            {"chat_id": "CHAT", "text": "a <br> b", "parse_mode": "HTML"},
            'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 2',
        ),
        (
            {"chat_id": "CHAT", "text": "<b>x</i>", "parse_mode": "HTML"},
            "Bad Request: can't parse entities: Unmatched end tag at byte offset 4, expected "
            '"</b>", found "</i>"',
        ),
        (
            {"chat_id": "CHAT", "text": "_x", "parse_mode": "Markdown"},
            "Bad Request: can't parse entities: Can't find end of the entity starting at byte "
            "offset 0",
        ),
    ],
)
def test_send_message_refusals(
    bot_api: BotApiServer, bot: Bot, params: dict[str, Any], description: str
) -> None:
    chat_id = bot.meet(bot.user())["id"]
    if params.get("chat_id") == "CHAT":
        params = {**params, "chat_id": chat_id}
    refused(call(bot_api, bot, "sendMessage", **params), 400, description)
    assert bot_api.sent == []


def test_text_length_counts_after_entity_parsing(bot_api: BotApiServer, bot: Bot) -> None:
    """sendMessage.text: "1-4096 characters after entities parsing"."""
    chat_id = bot.meet(bot.user())["id"]
    sent = ok(
        call(
            bot_api,
            bot,
            "sendMessage",
            chat_id=chat_id,
            parse_mode="HTML",
            text="<b>" + "я" * 4096 + "</b>",
        )
    )
    assert len(sent["text"]) == 4096
    assert sent["entities"] == [{"offset": 0, "length": 4096, "type": "bold"}]


def test_entity_offsets_are_utf16_code_units(bot_api: BotApiServer, bot: Bot) -> None:
    """MessageEntity.offset: "Offset in UTF-16 code units"; an emoji outside the BMP is 2."""
    chat_id = bot.meet(bot.user())["id"]
    sent = ok(
        call(
            bot_api,
            bot,
            "sendMessage",
            chat_id=chat_id,
            parse_mode="MarkdownV2",
            text="👍 *так* __u__ [site](https://example.org/a\\)b)",
        )
    )
    assert sent["text"] == "👍 так u site"
    assert sent["entities"] == [
        {"offset": 3, "length": 3, "type": "bold"},
        {"offset": 7, "length": 1, "type": "underline"},
        {"offset": 9, "length": 4, "type": "text_link", "url": "https://example.org/a)b"},
    ]


def test_html_entities_and_nested_tags(bot_api: BotApiServer, bot: Bot) -> None:
    """ "Formatting options": &lt; &gt; &amp; &quot; and numeric entities; nested tags."""
    chat_id = bot.meet(bot.user())["id"]
    sent = ok(
        call(
            bot_api,
            bot,
            "sendMessage",
            chat_id=chat_id,
            parse_mode="HTML",
            text='<b>a <i>b</i></b> &lt;&amp;&#65;&gt; <a href="tg://user?id=5">c</a>',
        )
    )
    assert sent["text"] == "a b <&A> c"
    kinds = [(e["type"], e["offset"], e["length"]) for e in sent["entities"]]
    assert kinds == [("bold", 0, 3), ("italic", 2, 1), ("text_mention", 9, 1)]


def test_given_entities_are_kept(bot_api: BotApiServer, bot: Bot) -> None:
    chat_id = bot.meet(bot.user())["id"]
    entities = [{"type": "italic", "offset": 0, "length": 4}]
    sent = ok(
        call(bot_api, bot, "sendMessage", chat_id=chat_id, text="text more", entities=entities)
    )
    assert sent["entities"] == entities


def test_replies_by_reply_parameters_and_reply_to_message_id(
    bot_api: BotApiServer, bot: Bot
) -> None:
    """ReplyParameters (and the older reply_to_message_id): the reply carries
    reply_to_message; a missing one fails unless allow_sending_without_reply."""
    person = bot.user()
    asked = bot.push_text(person, "question")["message"]
    chat_id = person["id"]
    sent = ok(
        call(
            bot_api,
            bot,
            "sendMessage",
            chat_id=chat_id,
            text="answer",
            reply_parameters={"message_id": asked["message_id"]},
        )
    )
    assert sent["reply_to_message"] == asked
    old_style = ok(
        call(
            bot_api,
            bot,
            "sendMessage",
            chat_id=chat_id,
            text="again",
            reply_to_message_id=asked["message_id"],
        )
    )
    assert old_style["reply_to_message"]["message_id"] == asked["message_id"]
    refused(
        call(
            bot_api,
            bot,
            "sendMessage",
            chat_id=chat_id,
            text="x",
            reply_parameters={"message_id": 999},
        ),
        400,
        "Bad Request: message to be replied not found",
    )
    loose = ok(
        call(
            bot_api,
            bot,
            "sendMessage",
            chat_id=chat_id,
            text="x",
            reply_parameters={"message_id": 999, "allow_sending_without_reply": True},
        )
    )
    assert "reply_to_message" not in loose


def test_reply_keyboard_with_request_contact_is_recorded(bot_api: BotApiServer, bot: Bot) -> None:
    chat_id = bot.meet(bot.user())["id"]
    keyboard = {
        "keyboard": [[{"text": "Call me back", "request_contact": True}]],
        "resize_keyboard": True,
        "one_time_keyboard": True,
    }
    sent = ok(call(bot_api, bot, "sendMessage", chat_id=chat_id, text="?", reply_markup=keyboard))
    assert "reply_markup" not in sent  # Message.reply_markup is only an InlineKeyboardMarkup
    [record] = bot_api.sent
    assert json.loads(record.params["reply_markup"]) == keyboard
    refused(
        call(
            bot_api,
            bot,
            "sendMessage",
            chat_id=chat_id,
            text="?",
            reply_markup={"inline_keyboard": [[{"text": "plain"}]]},
        ),
        400,
        "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the "
        "inline keyboard",
    )


def test_blocked_deactivated_and_migrated_chats(bot_api: BotApiServer, bot: Bot) -> None:
    person = bot.user()
    chat_id = bot.meet(person)["id"]
    bot.block(chat_id)
    refused(
        call(bot_api, bot, "sendMessage", chat_id=chat_id, text="x"),
        403,
        "Forbidden: bot was blocked by the user",
    )
    bot.unblock(chat_id)
    ok(call(bot_api, bot, "sendMessage", chat_id=chat_id, text="x"))
    bot.deactivate(chat_id)
    refused(
        call(bot_api, bot, "sendMessage", chat_id=chat_id, text="x"),
        403,
        "Forbidden: user is deactivated",
    )
    group = bot.add_group("Shop team")
    bot.migrate(group["id"], -1001234567890)
    body = refused(
        call(bot_api, bot, "sendMessage", chat_id=group["id"], text="x"),
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
    )
    assert body["parameters"] == {"migrate_to_chat_id": -1001234567890}  # ResponseParameters


# ----- files --------------------------------------------------------------------------


def test_send_photo_upload_file_id_and_url(bot_api: BotApiServer, bot: Bot) -> None:
    """ "Sending files": upload with multipart/form-data, a file_id, or an HTTP URL."""
    chat_id = bot.meet(bot.user())["id"]
    url = bot_api.method_url(bot.token, "sendPhoto")
    uploaded = ok(
        requests.post(
            url,
            data={"chat_id": chat_id, "caption": "Новинка"},
            files={"photo": ("дуже гарне.jpg", b"\xff\xd8\xffjpeg", "image/jpeg")},
            timeout=BOUND,
        )
    )
    sizes = uploaded["photo"]
    assert [s["width"] for s in sizes] == sorted(s["width"] for s in sizes) and len(sizes) > 1
    assert uploaded["caption"] == "Новинка"
    [record] = bot_api.sent
    assert record.files["photo"].filename == "дуже гарне.jpg"
    assert record.files["photo"].data == b"\xff\xd8\xffjpeg"
    again = ok(call(bot_api, bot, "sendPhoto", chat_id=chat_id, photo=sizes[-1]["file_id"]))
    assert again["photo"] == sizes  # "Resending a photo by file_id will send all of its sizes."
    ok(call(bot_api, bot, "sendPhoto", chat_id=chat_id, photo="https://example.org/p.jpg"))
    bot_api.fail_url("https://example.org/gone.jpg")
    refused(
        call(bot_api, bot, "sendPhoto", chat_id=chat_id, photo="https://example.org/gone.jpg"),
        400,
        "Bad Request: failed to get HTTP URL content",
    )
    refused(
        call(bot_api, bot, "sendPhoto", chat_id=chat_id, photo="no-such-id"),
        400,
        "Bad Request: wrong file identifier/HTTP URL specified",
    )
    refused(
        call(bot_api, bot, "sendPhoto", chat_id=chat_id),
        400,
        "Bad Request: there is no photo in the request",
    )
    not_a_picture = requests.post(
        url,
        data={"chat_id": chat_id},
        files={"photo": ("фото.jpg", b"%PDF-1.4 a renamed document", "image/jpeg")},
        timeout=BOUND,
    )
    refused(not_a_picture, 400, "Bad Request: IMAGE_PROCESS_FAILED")


def test_attach_names_an_uploaded_part(bot_api: BotApiServer, bot: Bot) -> None:
    chat_id = bot.meet(bot.user())["id"]
    answer = requests.post(
        bot_api.method_url(bot.token, "sendDocument"),
        data={"chat_id": chat_id, "document": "attach://report"},
        files={"report": ("report.pdf", b"%PDF", "application/pdf")},
        timeout=BOUND,
    )
    document = ok(answer)["document"]
    assert (document["file_name"], document["mime_type"], document["file_size"]) == (
        "report.pdf",
        "application/pdf",
        4,
    )


def test_upload_size_limits(bot_api: BotApiServer, bot: Bot) -> None:
    """ "10 MB max size for photos, 50 MB for other files" (uploads)."""
    chat_id = bot.meet(bot.user())["id"]
    photo = b"\xff" * (10 * 1024 * 1024 + 1)
    answer = requests.post(
        bot_api.method_url(bot.token, "sendPhoto"),
        data={"chat_id": chat_id},
        files={"photo": ("big.jpg", photo)},
        timeout=BOUND,
    )
    refused(
        answer,
        400,
        "Bad Request: file of size 10485761 bytes is too big for a photo; the "
        "maximum size is 10485760 bytes",
    )
    document = b"\0" * (50 * 1024 * 1024 + 1)
    answer = requests.post(
        bot_api.method_url(bot.token, "sendDocument"),
        data={"chat_id": chat_id},
        files={"document": ("big.bin", document)},
        timeout=BOUND,
    )
    refused(answer, 413, "Request Entity Too Large")
    answer = requests.post(
        bot_api.method_url(bot.token, "sendDocument"),
        data={"chat_id": chat_id},
        files={"document": ("empty.txt", b"")},
        timeout=BOUND,
    )
    refused(answer, 400, "Bad Request: file must be non-empty")
    assert bot_api.sent == []


def test_file_type_cannot_change_when_resending(bot_api: BotApiServer, bot: Bot) -> None:
    """ "It is not possible to change the file type when resending by file_id." """
    person = bot.user()
    photo = bot.push_photo(person)["message"]["photo"][-1]["file_id"]
    refused(
        call(bot_api, bot, "sendDocument", chat_id=person["id"], document=photo),
        400,
        "Bad Request: can't use file of type Photo as Document",
    )


def test_get_file_and_download(bot_api: BotApiServer, bot: Bot) -> None:
    """getFile returns a File; "the file can then be downloaded via the link
    https://api.telegram.org/file/bot<token>/<file_path>"."""
    document = bot.push_document(bot.user(), b"contract bytes", file_name="contract.pdf")
    file_id = document["message"]["document"]["file_id"]
    found = ok(call(bot_api, bot, "getFile", file_id=file_id))
    assert found["file_id"] == file_id and found["file_size"] == len(b"contract bytes")
    assert found["file_unique_id"] and found["file_path"]
    got = requests.get(bot_api.file_url(bot.token, found["file_path"]), timeout=BOUND)
    assert (got.status_code, got.content) == (200, b"contract bytes")
    other = bot_api.add_bot()
    refused(
        requests.get(bot_api.file_url(other.token, found["file_path"]), timeout=BOUND),
        404,
        "Not Found",
    )
    refused(call(bot_api, other, "getFile", file_id=file_id), 400, "Bad Request: invalid file_id")


def test_files_over_20_mb_cannot_be_downloaded(bot_api: BotApiServer, bot: Bot) -> None:
    """getFile: "For the moment, bots can download files of up to 20MB in size."."""
    pushed = bot.push_video(bot.user(), data=None, size=20 * 1024 * 1024 + 1)
    file_id = pushed["message"]["video"]["file_id"]
    refused(call(bot_api, bot, "getFile", file_id=file_id), 400, "Bad Request: file is too big")
    exactly = bot.add_file(size=20 * 1024 * 1024)
    assert ok(call(bot_api, bot, "getFile", file_id=exactly["file_id"]))["file_path"]


# ----- update builders ----------------------------------------------------------------


def test_update_builders_make_documented_messages(bot_api: BotApiServer, bot: Bot) -> None:
    person = bot.user("Taras", last_name="Shevchenko", language_code="uk")
    start = bot.push_start(person, "order-1234")["message"]
    assert start["text"] == "/start order-1234"
    assert start["entities"] == [{"offset": 0, "length": 6, "type": "bot_command"}]
    own = bot.push_contact(person, "+380501234567")["message"]["contact"]
    assert own["user_id"] == person["id"] and own["first_name"] == "Taras"
    other = bot.push_contact(person, "+380671112233", first_name="Ivan", user_id=12345)
    assert other["message"]["contact"]["user_id"] == 12345
    plain = bot.push_contact(person, "+380931112233", user_id=None)["message"]["contact"]
    assert "user_id" not in plain
    kinds = {
        "voice": bot.push_voice(person),
        "audio": bot.push_audio(person),
        "video": bot.push_video(person),
        "video_note": bot.push_video_note(person),
        "sticker": bot.push_sticker(person),
        "location": bot.push_location(person),
        "document": bot.push_document(person),
    }
    for kind, update in kinds.items():
        assert kind in update["message"], kind
    original = bot.push_text(person, "first version")["message"]
    edited = bot.push_edited(original, text="second version")["edited_message"]
    assert edited["message_id"] == original["message_id"] and "edit_date" in edited
    got = ok(call(bot_api, bot, "getUpdates"))
    assert [next(k for k in u if k != "update_id") for u in got][-1] == "edited_message"
    assert len(got) == 13


def test_unknown_update_types_and_fields_pass_through(bot_api: BotApiServer, bot: Bot) -> None:
    unknown = bot.push_unknown("hologram_call", {"id": "h1", "depth": 3})
    odd = bot.push_text(bot.user(), "hi", extra={"future_field": {"a": 1}})
    raw = bot.push_raw({"update_id": 1, "message": {"message_id": 77, "weird": True}})
    got = ok(call(bot_api, bot, "getUpdates"))
    assert got == [unknown, odd, raw]
    assert got[0]["hologram_call"] == {"id": "h1", "depth": 3}
    assert got[2]["update_id"] == got[1]["update_id"] + 1  # push_raw takes the next id


def test_photo_sizes_are_separate_downloadable_files(bot_api: BotApiServer, bot: Bot) -> None:
    sizes = bot.push_photo(bot.user(), b"largest jpeg")["message"]["photo"]
    largest = ok(call(bot_api, bot, "getFile", file_id=sizes[-1]["file_id"]))
    got = requests.get(bot_api.file_url(bot.token, largest["file_path"]), timeout=BOUND)
    assert got.content == b"largest jpeg"
    assert len({s["file_id"] for s in sizes}) == len(sizes)


# ----- fault injection ----------------------------------------------------------------


def test_flood_fault_sends_retry_after(bot_api: BotApiServer, bot: Bot) -> None:
    chat_id = bot.meet(bot.user())["id"]
    rule = bot_api.inject(Fault.flood(retry_after=9), method="sendmessage", times=2)
    for _ in range(2):
        answer = call(bot_api, bot, "sendMessage", chat_id=chat_id, text="x")
        body = refused(answer, 429, "Too Many Requests: retry after 9")
        assert body["parameters"] == {"retry_after": 9} and answer.headers["Retry-After"] == "9"
    ok(call(bot_api, bot, "getMe"))  # another method is not affected
    ok(call(bot_api, bot, "sendMessage", chat_id=chat_id, text="x"))  # used up
    assert rule.hits == 2 and len(bot_api.sent) == 1
    assert bot_api.request_count("sendMessage") == 3


def test_server_errors_json_and_gateway_html(bot_api: BotApiServer, bot: Bot) -> None:
    bot_api.inject(Fault.server_error())
    refused(call(bot_api, bot, "getMe"), 500, "Internal Server Error: restart")
    bot_api.inject(Fault.gateway(502))
    answer = call(bot_api, bot, "getMe")
    assert answer.status_code == 502 and answer.headers["Content-Type"] == "text/html"
    assert b"502 Bad Gateway" in answer.content
    bot_api.inject(Fault.unauthorized(), token=bot.token)
    refused(call(bot_api, bot, "getMe"), 401, "Unauthorized")
    ok(call(bot_api, bot, "getMe"))


def test_delay_longer_than_the_client_timeout_after_sending(
    bot_api: BotApiServer, bot: Bot
) -> None:
    """The message goes out but the answer comes too late: the outbox's hard case."""
    chat_id = bot.meet(bot.user())["id"]
    bot_api.inject(Fault.delay(5, execute=True), method="sendMessage")
    with pytest.raises(requests.Timeout):
        requests.post(
            bot_api.method_url(bot.token, "sendMessage"),
            json={"chat_id": chat_id, "text": "late"},
            timeout=0.5,
        )
    [record] = bot_api.wait_for_sent(1)
    assert record.text == "late"


def test_connection_faults(bot_api: BotApiServer, bot: Bot) -> None:
    chat_id = bot.meet(bot.user())["id"]
    bot_api.inject(Fault.disconnect(execute=True), method="sendMessage")
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        call(bot_api, bot, "sendMessage", chat_id=chat_id, text="cut")
    assert [s.text for s in bot_api.sent] == ["cut"]
    bot_api.inject(Fault.drop())
    with pytest.raises(requests.ConnectionError):
        call(bot_api, bot, "getMe")
    bot_api.inject(Fault.malformed_json())
    with pytest.raises(requests.JSONDecodeError):
        call(bot_api, bot, "getMe").json()


def test_truncated_getupdates_answer_confirms_nothing(bot_api: BotApiServer, bot: Bot) -> None:
    pushed = bot.push_text(bot.user(), "keep me")
    bot_api.inject(Fault.truncated_json(), method="getUpdates")
    answer = call(bot_api, bot, "getUpdates")
    assert answer.status_code == 200
    with pytest.raises(requests.JSONDecodeError):
        answer.json()
    assert ok(call(bot_api, bot, "getUpdates")) == [pushed]
    assert bot.delivered_update_ids == [pushed["update_id"]] * 2


def test_download_faults_and_counts(bot_api: BotApiServer, bot: Bot) -> None:
    file_id = bot.push_voice(bot.user(), b"OggS" * 1000)["message"]["voice"]["file_id"]
    path = ok(call(bot_api, bot, "getFile", file_id=file_id))["file_path"]
    bot_api.inject(Fault.disconnect(execute=True), method=DOWNLOAD)
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        requests.get(bot_api.file_url(bot.token, path), timeout=BOUND)
    assert requests.get(bot_api.file_url(bot.token, path), timeout=BOUND).content == b"OggS" * 1000
    assert bot_api.request_count(DOWNLOAD) == 2


def test_wait_for_sent_sees_sends_from_other_threads(
    bot_api: BotApiServer, bot: Bot, pool: ThreadPoolExecutor
) -> None:
    chat_id = bot.meet(bot.user())["id"]
    futures: list[Future[requests.Response]] = [
        pool.submit(call, bot_api, bot, "sendMessage", chat_id=chat_id, text=str(n))
        for n in range(8)
    ]
    sent = bot_api.wait_for_sent(8, timeout=BOUND)
    assert sorted(s.text or "" for s in sent) == [str(n) for n in range(8)]
    assert sorted(ok(f.result())["message_id"] for f in futures) == list(range(1, 9))
    with pytest.raises(TimeoutError):
        bot_api.wait_for_sent(9, timeout=0.2)


def test_stop_ends_a_waiting_long_poll() -> None:
    server = BotApiServer().start()
    bot = server.add_bot()
    result: list[BaseException | requests.Response] = []

    def poll() -> None:
        try:
            result.append(call(server, bot, "getUpdates", timeout=50))
        except requests.RequestException as error:
            result.append(error)

    thread = threading.Thread(target=poll)
    thread.start()
    bot.wait_until_polling()
    server.stop()
    thread.join(BOUND)
    assert not thread.is_alive() and result

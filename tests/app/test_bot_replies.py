"""The bot's own replies on SQLite and PostgreSQL: /start is answered with a
greeting and a "Call me back" keyboard, the customer's own number with a
confirmation that takes the keyboard away, each queued in the outbox in the
transaction that stores the message, once however often it is delivered
(the crash test kills a child after every statement of that transaction);
the texts are settings per language, chosen by the customer's language.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func
from sqlmodel import col, select

from app.bot_replies import (
    CALLBACK_CONFIRMATION,
    GREETING,
    REMOVE_KEYBOARD,
    BotReplies,
    BotRepliesError,
    bot_replies_for,
    greeting_markup,
    reply_key,
    save_bot_replies,
)
from app.channel_settings import (
    DEFAULT_REPLY_TEXTS,
    BadChannelSetting,
    BotReplySettings,
    BotReplyTexts,
    bot_replies_of,
)
from app.core import Core
from app.customers import ContactInput
from app.inbox import InboundMessage, SharedContact
from app.models import (
    CallbackRequest,
    Channel,
    ChannelAccount,
    Conversation,
    Interaction,
    OutboxMessage,
)
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
USER = "700100"


def _account(core: Core, **config: Any) -> int:
    with core.db.session() as s:
        row = ChannelAccount(kind="telegram", label="Shop bot", config=config)
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


@pytest.fixture
def account_id(core: Core) -> int:
    return _account(core, server="http://127.0.0.1:1")


def _message(account_id: int, n: int, text: str = "", **kw: Any) -> InboundMessage:
    fields: dict[str, Any] = {
        "account_id": account_id,
        "channel": Channel.TELEGRAM,
        "external_id": f"{account_id}:{USER}:{n}",
        "identity": USER,
        "sent_at": T0 + timedelta(minutes=n),
        "text": text or f"повідомлення {n}",
        "sender_title": "Олена Петренко",
        "meta": {"chat_type": "private", "language_code": "uk"},
    }
    fields.update(kw)
    return InboundMessage(**fields)


def _start(account_id: int, n: int, payload: str | None = None, **meta: Any) -> InboundMessage:
    text = "/start" if payload is None else f"/start {payload}"
    base = {"chat_type": "private", "language_code": "uk", "command": "start"}
    return _message(account_id, n, text, start_payload=payload, meta={**base, **meta})


def _own_contact(account_id: int, n: int, phone: str = "+380507001236") -> InboundMessage:
    return _message(
        account_id,
        n,
        f"Олена {phone}",
        kind="contact",
        contact=SharedContact(phone=phone, user_id=USER, first_name="Олена"),
    )


def _replies(core: Core) -> list[tuple[OutboxMessage, Interaction]]:
    """The outbox rows and their timeline rows, oldest first."""
    with core.db.session() as s:
        rows = list(s.exec(select(OutboxMessage).order_by(col(OutboxMessage.id))))
        return [(row, s.get(Interaction, row.interaction_id)) for row in rows]  # type: ignore[misc]


# --- the greeting ---------------------------------------------------------------------


def test_start_is_answered_with_a_greeting_and_a_call_me_back_keyboard(
    core: Core, account_id: int
) -> None:
    (stored,) = core.inbox.store([_start(account_id, 1)])
    ((row, interaction),) = _replies(core)
    uk = DEFAULT_REPLY_TEXTS["uk"]
    assert (row.status, row.text, row.conversation_id) == (
        "queued",
        uk.greeting,
        stored.conversation_id,
    )
    assert row.idempotency_key == reply_key(GREETING, f"{account_id}:{USER}:1")
    assert interaction.direction == "out" and interaction.status == "queued"
    assert interaction.operator == ""  # no person wrote it
    assert interaction.conversation_id == stored.conversation_id
    assert interaction.meta["bot_reply"] == GREETING
    assert interaction.meta["reply_markup"] == {
        "keyboard": [[{"text": uk.button, "request_contact": True}]],
        "resize_keyboard": True,
        "one_time_keyboard": True,
    }
    # An automatic greeting is no person's answer: the customer still waits.
    conversation = core.conversations.get(stored.conversation_id)
    assert conversation.waiting_since == T0 + timedelta(minutes=1)
    assert conversation.last_outbound_at is not None


def test_a_deep_link_start_is_greeted_too_and_its_payload_kept(core: Core, account_id: int) -> None:
    (stored,) = core.inbox.store([_start(account_id, 1, payload="order-4812")])
    ((row, _),) = _replies(core)
    assert row.text == DEFAULT_REPLY_TEXTS["uk"].greeting
    assert core.conversations.get(stored.conversation_id).meta["start_payload"] == "order-4812"


def test_a_start_delivered_again_is_greeted_once(core: Core, account_id: int) -> None:
    batch = [_start(account_id, 1), _message(account_id, 2, "а доставка?")]
    core.inbox.store(batch)
    core.inbox.store(batch)  # Telegram again, the offset never acknowledged
    core.inbox.store([batch[0]])
    assert len(_replies(core)) == 1
    # And the reply itself: the same message's key returns the first row.
    replies = BotReplies(core.outbox)
    with core.db.transaction() as s:
        conversation = s.exec(select(Conversation)).one()
        again = replies.greet_in(s, conversation, batch[0])
    assert again is not None and again.id == _replies(core)[0][0].id
    assert len(_replies(core)) == 1


def test_only_start_in_a_private_chat_is_greeted(core: Core, account_id: int) -> None:
    core.inbox.store(
        [
            _message(account_id, 1, "/help"),
            _message(account_id, 2, "добрий день"),
            _start(account_id, 3, chat_type="group"),  # request_contact: private chats only
        ]
    )
    assert _replies(core) == []
    core.inbox.store([_start(account_id, 4)])
    assert [row.text for row, _ in _replies(core)] == [DEFAULT_REPLY_TEXTS["uk"].greeting]


def test_an_edit_of_start_is_not_greeted(core: Core, account_id: int) -> None:
    core.inbox.store([_start(account_id, 1)])
    edited = replace(_start(account_id, 1), text="/start x", edited_at=T0 + timedelta(hours=1))
    core.inbox.store([edited])
    assert len(_replies(core)) == 1


# --- the confirmation -------------------------------------------------------------------


def test_the_customers_own_number_is_confirmed_and_the_keyboard_removed(
    core: Core, account_id: int
) -> None:
    core.inbox.store([_start(account_id, 1)])
    (stored,) = core.inbox.store([_own_contact(account_id, 2, "050 700 12 36")])
    with core.db.session() as s:
        (request,) = s.exec(select(CallbackRequest)).all()
    assert request.meta["conversation_id"] == stored.conversation_id
    (_, (row, interaction)) = _replies(core)
    assert row.text == "Дякуємо, ми передзвонимо вам за номером +380507001236."
    assert interaction.meta["reply_markup"] == REMOVE_KEYBOARD
    assert interaction.meta["bot_reply"] == CALLBACK_CONFIRMATION
    assert interaction.meta["callback_request_id"] == request.id
    core.inbox.store([_own_contact(account_id, 2, "050 700 12 36")])  # delivered again
    assert len(_replies(core)) == 2


def test_someone_elses_contact_or_no_phone_number_is_not_confirmed(
    core: Core, account_id: int
) -> None:
    core.inbox.store(
        [
            _message(
                account_id,
                1,
                kind="contact",
                contact=SharedContact(phone="+380671112233", user_id="999", first_name="Ігор"),
            ),
            _message(
                account_id,
                2,
                kind="contact",
                contact=SharedContact(phone="+380671112244", user_id=None, first_name="Ігор"),
            ),
            _own_contact(account_id, 3, phone="not a number"),
        ]
    )
    assert _replies(core) == []
    with core.db.session() as s:
        assert s.exec(select(func.count()).select_from(CallbackRequest)).one() == 0
    core.inbox.store([_own_contact(account_id, 4)])  # her own, a number: confirmed
    assert len(_replies(core)) == 1


# --- the settings -------------------------------------------------------------------------


def test_replies_switched_off_answer_nothing_but_the_request_is_made(
    core: Core, account_id: int
) -> None:
    save_bot_replies(core.db, account_id, BotReplySettings(enabled=False))
    core.inbox.store([_start(account_id, 1), _own_contact(account_id, 2)])
    assert _replies(core) == []
    with core.db.session() as s:
        assert s.exec(select(func.count()).select_from(CallbackRequest)).one() == 1
    save_bot_replies(core.db, account_id, BotReplySettings(enabled=True))
    core.inbox.store([_start(account_id, 3)])
    assert len(_replies(core)) == 1


def test_the_texts_follow_the_customers_language_else_the_bots(core: Core, account_id: int) -> None:
    own = BotReplyTexts("Вітаємо в «Квітах Олі»!", "Передзвоніть", "Передзвонимо на {phone}.")
    save_bot_replies(
        core.db,
        account_id,
        BotReplySettings(language="uk", texts={**DEFAULT_REPLY_TEXTS, "uk": own}),
    )
    core.inbox.store(
        [
            _start(account_id, 1, language_code="ru"),
            _start(account_id, 2, language_code="en-GB"),
            _start(account_id, 3, language_code="de"),  # no texts in German: the bot's
            _start(account_id, 4, language_code="uk"),
        ]
    )
    texts = [row.text for row, _ in _replies(core)]
    assert texts == [
        DEFAULT_REPLY_TEXTS["ru"].greeting,
        DEFAULT_REPLY_TEXTS["en"].greeting,
        own.greeting,
        own.greeting,
    ]
    (_, interaction) = _replies(core)[2]
    assert interaction.meta["reply_markup"] == greeting_markup("Передзвоніть")
    core.inbox.store([replace(_start(account_id, 5), meta={"command": "start"})])
    assert _replies(core)[-1][0].text == own.greeting


def test_saved_replies_keep_the_bots_other_settings_and_bad_texts_are_refused(
    core: Core, account_id: int
) -> None:
    assert bot_replies_for(core.db, account_id) == bot_replies_of({})  # the defaults
    changed = BotReplySettings(
        enabled=False,
        language="ru",
        texts={**DEFAULT_REPLY_TEXTS, "en": BotReplyTexts("  Hi!  ", " Call ", "At {phone}.")},
    )
    saved = save_bot_replies(core.db, account_id, changed)
    assert saved.texts["en"] == BotReplyTexts("Hi!", "Call", "At {phone}.")
    assert bot_replies_for(core.db, account_id) == saved
    with core.db.session() as s:
        account = s.get(ChannelAccount, account_id)
        assert account is not None and account.config["server"] == "http://127.0.0.1:1"
    bad = [
        (BotReplyTexts("", "Call", "At {phone}."), "The greeting in English is empty."),
        (BotReplyTexts("Hi", "", "At {phone}."), "The button's text in English"),
        (BotReplyTexts("Hi", "Call\nme", "At {phone}."), "must be one line"),
        (BotReplyTexts("Hi", "Call", "At {number}."), "can hold only {phone}"),
        (BotReplyTexts("Hi", "Call", "At {phone"), "can hold only {phone}"),
        (BotReplyTexts("ж" * 4097, "Call", "At {phone}."), "longer than 4096 characters"),
        (BotReplyTexts("Hi", "Call", ""), "The confirmation in English is empty."),
    ]
    for texts, words in bad:
        with pytest.raises(BadChannelSetting, match=words.replace("{", r"\{")):
            save_bot_replies(
                core.db, account_id, BotReplySettings(texts={**DEFAULT_REPLY_TEXTS, "en": texts})
            )
    with pytest.raises(BadChannelSetting, match="no texts in the language 'de'"):
        save_bot_replies(core.db, account_id, BotReplySettings(language="de"))
    assert bot_replies_for(core.db, account_id) == saved  # nothing of them was stored
    with pytest.raises(BotRepliesError, match="no longer exists"):
        save_bot_replies(core.db, account_id + 100, BotReplySettings())


def test_a_hand_edited_config_never_sends_a_broken_text() -> None:
    config = {
        "replies": {
            "enabled": "yes",
            "language": "xx",
            "texts": {"en": {"greeting": 5, "confirmation": "{oops}"}, "ru": "?"},
        }
    }
    replies = bot_replies_of(config)
    assert replies.enabled is True and replies.language == "en"
    assert dict(replies.texts) == dict(DEFAULT_REPLY_TEXTS)
    assert bot_replies_of({"replies": []}) == BotReplySettings()


# --- a crash anywhere in the transaction ---------------------------------------------------------


def _open_core(paths: AppPaths, url: str) -> Core:
    return Core.open(
        paths, Settings(database_url=url, default_region="UA"), SecretStore(MemoryKeyring())
    )


def _databases(
    db_url: str, request: pytest.FixtureRequest, paths: AppPaths, tmp_path: Path
) -> Iterator[tuple[str, int]]:
    """A new database with one bot for each crash, copied from one made first."""
    if db_url.startswith("sqlite"):
        template = Path(db_url.removeprefix("sqlite:///"))
        core = _open_core(paths, db_url)
        account = _account(core)
        core.close()
        for n in range(1000):
            copy = tmp_path / f"crash-{n}.db"
            copy.write_bytes(template.read_bytes())
            yield f"sqlite:///{copy}", account
        return
    server = request.getfixturevalue("pg_server")
    seeded = server.create_database(template=request.getfixturevalue("pg_template"))
    core = _open_core(paths, server.url(seeded))
    account = _account(core)
    core.close()
    made: list[str] = []
    try:
        for _ in range(1000):
            made.append(server.create_database(template=seeded))
            if len(made) > 1:
                server.drop_database(made.pop(0))
            yield server.url(made[-1]), account
    finally:
        for name in [*made, seeded]:
            server.drop_database(name)


def _store_and_die_at(paths: AppPaths, url: str, account: int, kill_at: int) -> None:
    core = _open_core(paths, url)
    executed = 0

    def after_statement(*_args: Any) -> None:
        nonlocal executed
        executed += 1
        if executed == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Engine, "after_cursor_execute", after_statement)
    core.inbox.store([_start(account, 1)])
    os._exit(0)  # every statement ran: the batch is committed


def _kept(core: Core) -> tuple[int, int, int]:
    """(inbound rows, outbox rows, outbound timeline rows)."""
    with core.db.session() as s:
        count: Callable[..., int] = lambda *where: int(  # noqa: E731
            s.exec(select(func.count()).select_from(Interaction).where(*where)).one()
        )
        outbox = int(s.exec(select(func.count()).select_from(OutboxMessage)).one())
        return count(Interaction.direction == "in"), outbox, count(Interaction.direction == "out")


def test_a_crash_at_any_statement_keeps_the_start_and_its_greeting_together(
    db_url: str, request: pytest.FixtureRequest, tmp_path: Path, app_paths: AppPaths
) -> None:
    fork = multiprocessing.get_context("fork")
    databases = _databases(db_url, request, app_paths, tmp_path)
    outcomes = []
    for kill_at in range(1, 80):
        url, account = next(databases)
        child = fork.Process(target=_store_and_die_at, args=(app_paths, url, account, kill_at))
        child.start()
        child.join(timeout=60)
        assert child.exitcode in (0, -signal.SIGKILL), child.exitcode
        core = _open_core(app_paths, url)
        try:
            kept = _kept(core)
            assert kept in ((0, 0, 0), (1, 1, 1)), f"killed after statement {kill_at}: {kept}"
            core.inbox.store([_start(account, 1)])  # Telegram delivers it again
            assert _kept(core) == (1, 1, 1)
        finally:
            core.close()
        outcomes.append(kept)
        if child.exitcode == 0:
            break
    else:
        pytest.fail("the batch never finished: more statements than expected")
    assert (0, 0, 0) in outcomes and outcomes[-1] == (1, 1, 1)


def test_a_customer_who_wrote_before_is_greeted_on_their_timeline(
    core: Core, account_id: int
) -> None:
    customer = core.customers.create("Олена", [ContactInput("telegram", USER)])
    core.inbox.store([_start(account_id, 1)])
    ((_, interaction),) = _replies(core)
    assert interaction.customer_id == customer.id

"""A Telegram bot end to end through the channel host, against the local Bot
API server of tests/servers/bot_api (written from the documentation): messages
land on the timeline once, the offset moves only past what is committed,
replies reach the server once, and trouble is a status that heals by itself."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import select

from app.core import Core
from app.customers import ContactInput
from app.inbox import InboundMessage
from app.models import (
    Attachment,
    CallbackRequest,
    Channel,
    ChannelAccount,
    Conversation,
    Interaction,
    OutboxMessage,
    utcnow,
)
from app.outbox import OutboxError
from app.secrets import SecretKind
from integrations.base import ChannelState, ChannelStatus
from integrations.host import ChannelHost
from integrations.telegram.channel import TelegramChannel
from tests.servers.bot_api import Bot, BotApiServer, Fault
from tests.statements import statements


def _wait(check: Callable[[], Any], timeout: float = 15.0, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what or check}")


def _count(core: Core, model: type, *where: Any) -> int:
    with core.db.session() as s:
        return int(s.exec(select(func.count()).select_from(model).where(*where)).one())


# Long polls of 2 s instead of 25 (the read timeout follows): a stalled answer
# (a truncated body the server never finishes) ends in seconds, not 40.
FACTORIES = {"telegram": lambda settings: TelegramChannel(settings, poll_timeout_s=2)}


class Desk:
    """A core with one Telegram bot account and a running channel host."""

    def __init__(self, core: Core, server: BotApiServer, bot: Bot) -> None:
        self.core, self.server, self.bot = core, server, bot
        self.statuses: list[ChannelStatus] = []
        with core.db.session() as s:
            row = ChannelAccount(
                kind="telegram", label="Shop bot", config={"server": server.base_url}
            )
            s.add(row)
            s.flush()
            assert row.id is not None
            self.account_id = row.id
        core.secrets.set(SecretKind.CHANNEL, self.account_id, bot.token)
        self.host = ChannelHost(core, on_status=self.statuses.append, factories=FACTORIES)

    def start(self) -> Desk:
        self.host.start()
        return self

    def state(self) -> ChannelState | None:
        statuses = self.host.statuses()
        return statuses[0].state if statuses else None

    def wait_state(self, state: ChannelState, timeout: float = 15.0) -> None:
        _wait(lambda: self.state() is state, timeout, f"state {state}")

    def messages(self) -> int:
        return _count(self.core, Interaction, Interaction.channel == "telegram")


@pytest.fixture
def desk(core: Core, bot_api: BotApiServer) -> Iterator[Desk]:
    desk = Desk(core, bot_api, bot_api.add_bot())
    yield desk.start()
    desk.host.stop()


def test_a_message_lands_on_the_timeline_and_a_reply_reaches_the_server_once(
    desk: Desk,
) -> None:
    olena = desk.bot.user("Олена", last_name="Петренко", username="olena_p")
    desk.bot.push_text(olena, "Добрий день! Чи є розмір M?")
    desk.wait_state(ChannelState.CONNECTED)
    _wait(lambda: desk.messages() == 1, what="the message stored")
    (conversation,) = desk.core.conversations.waiting()
    assert (conversation.title, conversation.username) == ("Олена Петренко", "olena_p")
    assert conversation.identity == str(olena["id"])
    with desk.core.db.session() as s:
        (row,) = s.exec(select(Interaction).where(Interaction.conversation_id == conversation.id))
    assert row.body == "Добрий день! Чи є розмір M?"
    assert conversation.id is not None

    desk.core.outbox.queue(
        conversation.id, "Так, є. Оформити?", operator="Ірина", idempotency_key="press-1"
    )
    (sent,) = desk.server.wait_for_sent(1)
    assert sent.method.lower() == "sendmessage"
    assert str(sent.chat_id) == str(olena["id"])
    assert sent.text == "Так, є. Оформити?"
    _wait(
        lambda: _count(desk.core, OutboxMessage, OutboxMessage.status == "sent") == 1,
        what="the outbox row marked sent",
    )
    time.sleep(0.3)
    assert len(desk.server.sent) == 1  # once
    assert desk.core.conversations.get(conversation.id).waiting_since is None


def test_the_offset_moves_only_past_committed_updates(desk: Desk) -> None:
    user = desk.bot.user("Ігор")
    for n in range(5):
        desk.bot.push_text(user, f"повідомлення {n}")
    _wait(lambda: desk.messages() == 5)
    _wait(lambda: not desk.bot.pending(), what="the updates confirmed to Telegram")
    assert desk.core.inbox.cursor(desk.account_id, "offset") is not None


def test_updates_in_bursts_none_lost_none_doubled(core: Core, bot_api: BotApiServer) -> None:
    # 10,000 on SQLite; 2,000 on PostgreSQL, whose per-batch round trips make
    # it slower here (a team's relay, not this test, is where its speed counts).
    per_burst = 1000 if core.db.dialect == "sqlite" else 200
    desk = Desk(core, bot_api, bot_api.add_bot()).start()
    try:
        users = [desk.bot.user(f"Клієнт {i}") for i in range(20)]
        total = 0
        for burst in range(10):
            for n in range(per_burst):
                desk.bot.push_text(users[n % 20], f"b{burst} n{n}")
                total += 1
            if burst == 4:  # a restart in the middle: the stored offset carries on
                desk.host.stop()
                desk.host = ChannelHost(core, factories=FACTORIES)
                desk.host.start()
        _wait(lambda: desk.messages() == total, timeout=180, what="every update stored")
        _wait(lambda: not desk.bot.pending(), timeout=30)
        with core.db.session() as s:
            bodies = list(s.exec(select(Interaction.body).where(Interaction.channel == "telegram")))
        assert len(bodies) == len(set(bodies)) == total
        assert _count(core, Conversation) == 20
    finally:
        desk.host.stop()


@pytest.mark.parametrize(
    ("fault", "state"),
    [
        (Fault.flood(1), ChannelState.RATE_LIMITED),
        (Fault.server_error(), ChannelState.NOT_REACHABLE),
        (Fault.gateway(502), ChannelState.NOT_REACHABLE),
        (Fault.malformed_json(), ChannelState.NOT_REACHABLE),
        (Fault.truncated_json(), ChannelState.NOT_REACHABLE),
        (Fault.drop(), ChannelState.NOT_REACHABLE),
    ],
)
def test_a_storm_is_a_status_and_nothing_is_lost(
    desk: Desk, fault: Fault, state: ChannelState
) -> None:
    user = desk.bot.user("Олена")
    desk.bot.push_text(user, "перше")
    _wait(lambda: desk.messages() == 1)
    desk.server.inject(fault, method="getUpdates", times=4)
    desk.bot.push_text(user, "друге")
    _wait(lambda: any(s.state is state for s in desk.statuses), timeout=40, what=f"status {state}")
    _wait(lambda: desk.messages() == 2, timeout=30, what="the message after the storm")
    desk.wait_state(ChannelState.CONNECTED, timeout=30)
    polls = desk.server.request_count("getUpdates")
    time.sleep(1.0)
    assert desk.server.request_count("getUpdates") - polls < 10  # long polling, no hot loop


def test_a_webhook_or_a_second_reader_is_a_conflict_with_its_reason(desk: Desk) -> None:
    desk.wait_state(ChannelState.CONNECTED)
    desk.bot.set_webhook("https://shop.example/telegram-hook")
    desk.wait_state(ChannelState.CONFLICT, timeout=20)
    (status,) = desk.host.statuses()
    assert "webhook is set" in status.detail and "shop.example" in status.detail
    polls = desk.server.request_count("getUpdates")
    time.sleep(1.5)
    assert desk.server.request_count("getUpdates") - polls <= 1  # a slow retry


def test_a_revoked_token_is_auth_failed(desk: Desk) -> None:
    desk.wait_state(ChannelState.CONNECTED)
    desk.bot.revoke()
    desk.wait_state(ChannelState.AUTH_FAILED, timeout=40)


def test_media_is_downloaded_and_a_file_over_20_mb_is_said(desk: Desk) -> None:
    user = desk.bot.user("Олена")
    desk.bot.push_photo(user, b"\xff\xd8\xff" + b"p" * 5000, caption="ось фото")
    desk.bot.push_document(user, size=25 * 1024 * 1024, file_name="catalogue.pdf")
    _wait(lambda: desk.messages() == 2)
    with desk.core.db.session() as s:
        (photo,) = s.exec(select(Attachment)).all()
        rows = {r.meta.get("kind"): r for r in s.exec(select(Interaction))}
    assert desk.core.attachments.path_for(photo.sha256).read_bytes().startswith(b"\xff\xd8\xff")
    assert rows["photo"].body == "ось фото"
    (missing,) = rows["document"].meta["unavailable_files"]
    assert missing["filename"] == "catalogue.pdf" and "20 MB" in missing["reason"]


def test_a_blocked_user_is_a_refusal_the_operator_reads(desk: Desk) -> None:
    user = desk.bot.user("Олена")
    desk.bot.push_text(user, "привіт")
    _wait(lambda: desk.messages() == 1)
    (conversation,) = desk.core.conversations.waiting()
    assert conversation.id is not None
    desk.bot.block(user["id"])
    message = desk.core.outbox.queue(
        conversation.id, "Ваше замовлення готове", operator="Ірина", idempotency_key="k1"
    )
    _wait(
        lambda: desk.core.outbox.get(message.id or 0).status == "failed",
        what="the refusal recorded",
    )
    failed = desk.core.outbox.get(message.id or 0)
    assert failed.failure == "policy_refused" and "blocked" in failed.last_error
    assert desk.core.conversations.get(conversation.id).can_write is False


def test_a_customer_who_writes_right_after_a_refusal_can_be_answered(desk: Desk) -> None:
    """The refusal makes the chat unwritable in the failure's own commit
    (Outbox.mark_failed). The sender writes nothing of it afterwards: a
    customer who unblocks the bot and writes before the sender goes on is not
    refused again by a late second write (the host's refuse_conversation did
    that)."""
    user = desk.bot.user("Олена")
    desk.bot.push_text(user, "привіт")
    _wait(lambda: desk.messages() == 1)
    (conversation,) = desk.core.conversations.waiting()
    assert conversation.id is not None
    desk.bot.block(user["id"])
    outbox = desk.core.outbox
    mark_failed, claim_next = outbox.mark_failed, outbox.claim_next
    wrote_again, sender_went_on = threading.Event(), threading.Event()

    def failed_then_the_customer_writes(*args: Any, **kwargs: Any) -> Any:
        row = mark_failed(*args, **kwargs)
        assert desk.core.conversations.get(conversation.id or 0).can_write is False
        desk.core.inbox.store(
            [
                InboundMessage(
                    account_id=desk.account_id,
                    channel=Channel.TELEGRAM,
                    external_id=f"{desk.account_id}:{user['id']}:900",
                    identity=str(user["id"]),
                    sent_at=utcnow(),
                    text="розблокувала",
                )
            ]
        )
        wrote_again.set()
        return row

    def claim(account_id: int) -> Any:
        if wrote_again.is_set():
            sender_went_on.set()  # done with the refused message
        return claim_next(account_id)

    outbox.mark_failed = failed_then_the_customer_writes  # type: ignore[method-assign]
    outbox.claim_next = claim  # type: ignore[method-assign]
    message = outbox.queue(
        conversation.id, "Ваше замовлення готове", operator="Ірина", idempotency_key="k1"
    )
    assert sender_went_on.wait(15), "the sender did not go on"

    failed = outbox.get(message.id or 0)
    assert failed.status == "failed" and failed.failure == "policy_refused"
    after = desk.core.conversations.get(conversation.id)
    assert after.can_write is True and "cannot_write_reason" not in after.meta


def test_a_long_text_goes_in_parts_once(desk: Desk) -> None:
    user = desk.bot.user("Олена")
    desk.bot.push_text(user, "надішліть каталог")
    _wait(lambda: desk.messages() == 1)
    (conversation,) = desk.core.conversations.waiting()
    assert conversation.id is not None
    text = "\n\n".join(f"Пункт {i}: " + "опис товару " * 30 for i in range(40))
    desk.core.outbox.queue(conversation.id, text, operator="Ірина", idempotency_key="long")
    _wait(lambda: _count(desk.core, OutboxMessage, OutboxMessage.status == "sent") == 1)
    parts = [s.text for s in desk.server.sent]
    assert len(parts) > 1 and all(len(p or "") <= 4096 for p in parts)
    # Telegram trims each text at both ends; nothing else of the text may change.
    assert "".join("".join(parts).split()) == "".join(text.split())


def test_a_queued_message_survives_a_restart_and_is_sent_once(
    core: Core, bot_api: BotApiServer
) -> None:
    desk = Desk(core, bot_api, bot_api.add_bot()).start()
    user = desk.bot.user("Олена")
    desk.bot.push_text(user, "привіт")
    _wait(lambda: desk.messages() == 1)
    desk.host.stop()
    (conversation,) = core.conversations.waiting()
    assert conversation.id is not None
    core.outbox.queue(conversation.id, "Доброго ранку", operator="Ірина", idempotency_key="q1")
    again = ChannelHost(core, factories=FACTORIES)
    again.start()
    try:
        bot_api.wait_for_sent(1)
        time.sleep(0.5)
        assert [s.text for s in bot_api.sent] == ["Доброго ранку"]
    finally:
        again.stop()


def test_an_unknown_update_type_does_not_stop_the_channel(desk: Desk) -> None:
    user = desk.bot.user("Олена")
    desk.bot.push_unknown("business_hologram", {"chat": {"id": user["id"], "type": "private"}})
    desk.bot.push_raw({"poll": {"id": "1", "question": "?"}})
    desk.bot.push_text(user, "після невідомого")
    _wait(lambda: _count(desk.core, Interaction, Interaction.body == "після невідомого") == 1)
    assert desk.state() is ChannelState.CONNECTED


def test_bad_settings_are_a_clear_status(core: Core, bot_api: BotApiServer) -> None:
    with core.db.session() as s:
        bad_server = ChannelAccount(kind="telegram", label="A", config={"server": "not a url"})
        no_token = ChannelAccount(kind="telegram", label="B", config={})
        s.add_all([bad_server, no_token])
        s.flush()
        ids = (bad_server.id, no_token.id)
    core.secrets.set(SecretKind.CHANNEL, ids[0], "123456:" + "A" * 35)
    host = ChannelHost(core, factories=FACTORIES)
    host.start()
    try:
        statuses = {s.account_id: s for s in host.statuses()}
        assert statuses[ids[0]].state is ChannelState.MISCONFIGURED
        assert "not a URL" in statuses[ids[0]].detail or "https://" in statuses[ids[0]].detail
        assert statuses[ids[1]].state is ChannelState.MISCONFIGURED
        assert "token" in statuses[ids[1]].detail
    finally:
        host.stop()


def test_a_token_with_a_newline_is_refused_clearly(core: Core, bot_api: BotApiServer) -> None:
    bot = bot_api.add_bot()
    desk = Desk(core, bot_api, bot)
    core.secrets.set(SecretKind.CHANNEL, desk.account_id, bot.token[:10] + "\n" + bot.token[10:])
    desk.start()
    try:
        (status,) = desk.host.statuses()
        assert status.state is ChannelState.MISCONFIGURED
        assert "line breaks" in status.detail
        assert bot.token not in status.detail
    finally:
        desk.host.stop()


def test_a_user_who_blocks_the_bot_makes_the_chat_unwritable_before_a_send(desk: Desk) -> None:
    user = desk.bot.user("Олена")
    desk.bot.push_text(user, "дякую, більше не треба")
    _wait(lambda: desk.messages() == 1)
    chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
    member = {"user": desk.bot.me, "status": "member"}
    desk.bot.push_raw(  # ChatMemberUpdated, as the Bot API documents it
        {
            "my_chat_member": {
                "chat": chat,
                "from": user,
                "date": int(time.time()),
                "old_chat_member": member,
                "new_chat_member": {**member, "status": "kicked", "until_date": 0},
            }
        }
    )
    (conversation,) = desk.core.conversations.waiting()
    assert conversation.id is not None
    _wait(lambda: not desk.core.conversations.get(conversation.id or 0).can_write)
    with pytest.raises(OutboxError, match="the user blocked the bot"):
        desk.core.outbox.queue(conversation.id, "ще одне", operator="Ірина", idempotency_key="b")


def test_a_shared_own_contact_links_the_chat_and_asks_for_a_callback(desk: Desk) -> None:
    customer = desk.core.customers.create("Олена", [ContactInput("phone", "0507001236")])
    user = desk.bot.user("Олена")
    desk.bot.push_contact(user, "+380507001236")  # through a request_contact button
    desk.bot.push_contact(user, "+380671112233", first_name="Ігор", user_id=999)  # not hers
    # Two messages in; the bot's confirmation of the request goes out (app/bot_replies.py).
    inbound = (Interaction.channel == "telegram", Interaction.direction == "in")
    _wait(lambda: _count(desk.core, Interaction, *inbound) == 2)
    (conversation,) = desk.core.conversations.for_customer(customer.id or 0)
    assert conversation.identity == str(user["id"])
    with desk.core.db.session() as s:
        (request,) = s.exec(select(CallbackRequest)).all()
    assert (request.source, request.customer_id) == ("messenger", customer.id)
    assert desk.core.customers.find("phone", "0671112233") is None  # someone else's: a message


def test_a_text_of_100000_characters_is_stored_whole(desk: Desk) -> None:
    user = desk.bot.user("Олена")
    text = "ж" * 100_000
    desk.bot.push_raw(
        {
            "message": {
                "message_id": 1,
                "from": user,
                "chat": {"id": user["id"], "type": "private", "first_name": "Олена"},
                "date": int(time.time()),
                "text": text,
                "some_field_from_a_newer_api": {"x": 1},
            }
        }
    )
    _wait(lambda: desk.messages() == 1)
    with desk.core.db.session() as s:
        (row,) = s.exec(select(Interaction))
    assert row.body == text


def _answered_conversation(desk: Desk) -> int:
    user = desk.bot.user("Олена")
    desk.bot.push_text(user, "привіт")
    _wait(lambda: desk.messages() == 1)
    (conversation,) = desk.core.conversations.waiting()
    assert conversation.id is not None
    return conversation.id


def test_a_5xx_answer_to_a_send_is_may_not_have_been_sent_never_a_resend(desk: Desk) -> None:
    conversation_id = _answered_conversation(desk)
    desk.server.inject(
        Fault.error(500, "Internal Server Error: restart").executed(), method="sendMessage"
    )
    message = desk.core.outbox.queue(
        conversation_id, "Ваше замовлення", operator="Ірина", idempotency_key="5xx"
    )
    _wait(lambda: desk.core.outbox.get(message.id or 0).status == "uncertain")
    time.sleep(1.0)
    assert [s.text for s in desk.server.sent] == ["Ваше замовлення"]  # once, never again


def test_a_passing_refusal_of_getfile_reads_the_batch_again(desk: Desk) -> None:
    user = desk.bot.user("Олена")
    desk.server.inject(Fault.flood(1), method="getFile")
    desk.bot.push_photo(user, b"\xff\xd8\xff" + b"p" * 100, caption="фото")
    _wait(lambda: _count(desk.core, Attachment) == 1, timeout=30, what="the photo stored")
    with desk.core.db.session() as s:
        (row,) = s.exec(select(Interaction))
    assert "unavailable_files" not in row.meta


def test_a_sender_survives_a_message_deleted_while_it_was_sent(desk: Desk) -> None:
    conversation_id = _answered_conversation(desk)
    desk.server.inject(Fault.delay(1.0), method="sendMessage")
    first = desk.core.outbox.queue(conversation_id, "перше", operator="Ірина", idempotency_key="d1")
    _wait(lambda: desk.core.outbox.get(first.id or 0).status == "sending")
    customer = desk.core.customers.create("Олена")
    desk.core.conversations.link(conversation_id, customer.id or 0)
    desk.core.customers.delete(customer.id or 0)  # the chat and its outbox rows go with her
    other = desk.bot.user("Ігор")
    desk.bot.push_text(other, "а мені?")
    _wait(lambda: len(desk.core.conversations.waiting()) == 1)
    (second_chat,) = desk.core.conversations.waiting()
    later = desk.core.outbox.queue(
        second_chat.id or 0, "і вам", operator="Ірина", idempotency_key="d2"
    )
    _wait(lambda: desk.core.outbox.get(later.id or 0).status == "sent", timeout=20)


def test_a_file_too_large_is_refused_before_any_part_goes(desk: Desk, tmp_path: Any) -> None:
    conversation_id = _answered_conversation(desk)
    big = tmp_path / "catalogue.pdf"
    with big.open("wb") as out:
        out.truncate(51 * 1024 * 1024)
    message = desk.core.outbox.queue(
        conversation_id, "ось каталог", operator="Ірина", idempotency_key="big", attachments=[big]
    )
    _wait(lambda: desk.core.outbox.get(message.id or 0).status == "failed")
    assert desk.core.outbox.get(message.id or 0).failure == "too_large"
    assert desk.server.sent == []  # not even the text


def test_a_picture_goes_as_a_photo_and_a_file_named_like_one_as_a_document(
    desk: Desk, tmp_path: Any
) -> None:
    """sendPhoto refuses what its servers can't decode (IMAGE_PROCESS_FAILED):
    a renamed document must not fail the message for ever."""
    conversation_id = _answered_conversation(desk)
    photo = tmp_path / "букет.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 200)
    renamed = tmp_path / "рахунок.jpg"
    renamed.write_bytes(b"%PDF-1.4 an invoice saved with the wrong name")
    message = desk.core.outbox.queue(
        conversation_id,
        "Фото і рахунок",
        operator="Ірина",
        idempotency_key="pictures",
        attachments=[photo, renamed],
    )
    _wait(lambda: desk.core.outbox.get(message.id or 0).status == "sent", timeout=20)
    sent = [(m.method, *[f.filename for f in m.files.values()]) for m in desk.server.sent]
    assert ("sendPhoto", "букет.jpg") in sent
    assert ("sendDocument", "рахунок.jpg") in sent


def test_inbound_traffic_does_not_wake_the_senders(desk: Desk) -> None:
    """A sender looks for work when an outbox row changes and every few
    seconds, not for every batch the inbox commits."""
    user = desk.bot.user("Марта")
    desk.bot.push_text(user, "перше")
    desk.wait_state(ChannelState.CONNECTED)
    _wait(lambda: desk.messages() == 1)
    with statements(desk.core.db) as seen:
        for n in range(20):
            desk.bot.push_text(user, f"повідомлення {n}")
            _wait(lambda n=n: desk.messages() == n + 2, what=f"message {n} stored")
    claims = [s for s in seen if "FROM outboxmessage" in s and "outboxmessage.status" in s]
    # The periodic look (every SENDER_POLL_S) may fall into the window once or twice.
    assert len(claims) <= 3, len(claims)

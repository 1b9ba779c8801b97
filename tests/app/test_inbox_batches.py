"""The inbox over whole batches: a batch reads its conversations once and
writes their counters and its rows' conversation once at the end, so what a
message in the middle of a batch does (a shared contact that links the chat,
a sender who changed their name) must still see and touch every message of
the batch before it, as one message at a time would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event
from sqlmodel import col, select

from app.core import Core
from app.customers import ContactInput
from app.inbox import Cursor, InboundMessage, SharedContact
from app.models import (
    CallbackRequest,
    Channel,
    ChannelAccount,
    Conversation,
    Direction,
    Interaction,
)

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def account_id(core: Core) -> int:
    with core.db.session() as s:
        row = ChannelAccount(kind="telegram", label="Shop bot")
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def _message(account_id: int, user: str, n: int, **kw: object) -> InboundMessage:
    fields: dict[str, object] = {
        "account_id": account_id,
        "channel": Channel.TELEGRAM,
        "external_id": f"{account_id}:{user}:{n}",
        "identity": user,
        "sent_at": T0 + timedelta(minutes=n),
        "text": f"повідомлення {n} від {user}",
        "sender_title": f"Клієнт {user}",
    }
    fields.update(kw)
    return InboundMessage(**fields)  # type: ignore[arg-type]


def _rows(core: Core) -> list[Interaction]:
    with core.db.session() as s:
        return list(s.exec(select(Interaction).order_by(col(Interaction.id))))


def _conversations(core: Core) -> dict[str, Conversation]:
    with core.db.session() as s:
        return {c.identity: c for c in s.exec(select(Conversation))}


def test_several_chats_in_one_batch_each_count_their_own_messages(
    core: Core, account_id: int
) -> None:
    core.inbox.store([_message(account_id, "100", 0)])  # one chat known before the batch
    batch = [_message(account_id, user, n) for n in range(1, 13) for user in ("100", "200", "300")]
    stored = core.inbox.store(batch, Cursor(account_id, "offset", "13"))
    conversations = _conversations(core)
    assert sorted(conversations) == ["100", "200", "300"]
    assert {u: c.unread_count for u, c in conversations.items()} == {
        "100": 13,
        "200": 12,
        "300": 12,
    }
    assert conversations["100"].waiting_since == T0  # the oldest unanswered, from before
    assert conversations["200"].waiting_since == T0 + timedelta(minutes=1)
    assert {u: c.last_inbound_at for u, c in conversations.items()} == dict.fromkeys(
        conversations, T0 + timedelta(minutes=12)
    )
    by_id = {c.id: u for u, c in conversations.items()}
    for row in _rows(core):
        assert row.conversation_id is not None
        assert by_id[row.conversation_id] == row.contact_value
    assert [s.conversation_id for s in stored] == [conversations[m.identity].id for m in batch]
    # Delivered again: nothing counted twice.
    core.inbox.store(batch, Cursor(account_id, "offset", "13"))
    assert _conversations(core)["200"].unread_count == 12


def test_a_contact_in_the_middle_of_a_batch_links_the_messages_before_and_after_it(
    core: Core, account_id: int
) -> None:
    customer = core.customers.create("Олена", [ContactInput("phone", "0507001236")])
    contact = SharedContact(phone="+380507001236", user_id="100", first_name="Олена")
    batch = [
        _message(account_id, "100", 1),
        _message(account_id, "200", 2),
        _message(account_id, "100", 3, text="", kind="contact", contact=contact),
        _message(account_id, "100", 4),
    ]
    stored = core.inbox.store(batch)
    assert [s.customer_id for s in stored] == [None, None, customer.id, customer.id]
    rows = {r.external_id: r for r in _rows(core)}
    olena = [rows[f"{account_id}:100:{n}"] for n in (1, 3, 4)]
    assert {r.customer_id for r in olena} == {customer.id}  # the first one moved too
    assert rows[f"{account_id}:200:2"].customer_id is None
    conversations = _conversations(core)
    assert conversations["100"].customer_id == customer.id
    assert conversations["100"].unread_count == 3
    inbound = [
        r.id
        for r in core.timeline.page(customer.id, channels=["telegram"])
        if r.direction == Direction.INBOUND.value
    ]
    assert inbound == sorted((r.id for r in olena), reverse=True)
    with core.db.session() as s:
        (request,) = s.exec(select(CallbackRequest)).all()
    assert request.meta["conversation_id"] == conversations["100"].id


def test_a_sender_who_changed_their_name_mid_batch_gets_the_last_name(
    core: Core, account_id: int
) -> None:
    core.inbox.store([_message(account_id, "100", 0, sender_username="olena")])
    batch = [
        _message(account_id, "100", 1, sender_username="olena"),
        _message(account_id, "100", 2, sender_title="Олена П.", sender_username="olena_p"),
        _message(account_id, "100", 3, sender_title="Олена П.", sender_username="olena_p"),
    ]
    core.inbox.store(batch)
    (conversation,) = _conversations(core).values()
    assert (conversation.title, conversation.username) == ("Олена П.", "olena_p")
    assert conversation.unread_count == 4


def test_a_chat_that_refused_us_can_be_written_again_after_a_batch(
    core: Core, account_id: int
) -> None:
    (first,) = core.inbox.store([_message(account_id, "100", 1)])
    core.outbox.refuse_conversation(first.conversation_id, "Forbidden: bot was blocked by the user")
    core.inbox.store([_message(account_id, "100", n) for n in (2, 3)])
    conversation = core.conversations.get(first.conversation_id)
    assert conversation.can_write is True
    assert "cannot_write_reason" not in conversation.meta
    assert conversation.unread_count == 3


def test_a_customers_chat_stays_on_their_timeline_batch_after_batch(
    core: Core, account_id: int
) -> None:
    customer = core.customers.create("Ігор", [ContactInput("telegram", "100")])
    for start in (1, 11, 21):
        batch = [
            _message(account_id, u, n) for n in range(start, start + 10) for u in ("100", "200")
        ]
        stored = core.inbox.store(batch)
        theirs = {s.customer_id for m, s in zip(batch, stored, strict=True) if m.identity == "100"}
        assert theirs == {customer.id}
    assert len(core.timeline.page(customer.id, limit=100)) == 30
    assert _conversations(core)["200"].customer_id is None


def test_a_message_delivered_twice_in_one_batch_is_stored_once(core: Core, account_id: int) -> None:
    first, again = _message(account_id, "100", 1), _message(account_id, "100", 1)
    stored = core.inbox.store([first, _message(account_id, "100", 2), again])
    assert [item.created for item in stored] == [True, True, False]
    assert stored[2].interaction_id == stored[0].interaction_id
    assert len(_rows(core)) == 2
    assert _conversations(core)["100"].unread_count == 2


def test_an_edit_in_the_same_batch_as_its_message_edits_that_row(
    core: Core, account_id: int
) -> None:
    original = _message(account_id, "100", 1, text="двi пари")
    edit = _message(account_id, "100", 1, text="дві пари", edited_at=T0 + timedelta(hours=1))
    stored = core.inbox.store([original, edit, _message(account_id, "100", 2)])
    assert [item.created for item in stored] == [True, False, True]
    rows = _rows(core)
    assert [row.body for row in rows] == ["дві пари", "повідомлення 2 від 100"]
    assert rows[0].meta["edits"] == [
        {"text": "двi пари", "until": (T0 + timedelta(hours=1)).isoformat()}
    ]


def test_an_unknown_sender_made_a_customer_once_for_a_whole_batch(
    core: Core, account_id: int
) -> None:
    core.timeline.unknown_sender = "create_customer"
    batch = [_message(account_id, user, n) for n in range(5) for user in ("100", "200")]
    core.inbox.store(batch)
    rows = _rows(core)
    customers = {row.contact_value: row.customer_id for row in rows}
    assert len(rows) == 10 and None not in customers.values()
    assert len(set(customers.values())) == 2
    assert {row.customer_id for row in rows if row.contact_value == "100"} == {customers["100"]}
    conversations = _conversations(core)
    assert conversations["100"].customer_id == customers["100"]
    assert core.customers.get(customers["200"]).name == "Клієнт 200"


def test_a_batch_costs_the_same_statements_whatever_its_length(core: Core, account_id: int) -> None:
    """A burst is mostly a few chats writing several messages each: the
    statements a batch runs grow with its chats, never with its messages."""
    counted: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        counted.append(statement)

    engines = {id(e): e for e in (core.db.engine, core.db.serialized_engine)}.values()
    users = [str(100 + u) for u in range(10)]
    core.inbox.store([_message(account_id, user, 0) for user in users])  # chats known
    per_batch = []
    n = 1
    for length in (20, 200):
        counted.clear()
        for engine in engines:
            event.listen(engine, "before_cursor_execute", count)
        batch = []
        for _ in range(length // len(users)):
            batch.extend(_message(account_id, user, n) for user in users)
            n += 1
        core.inbox.store(batch, Cursor(account_id, "offset", str(n)))
        for engine in engines:
            event.remove(engine, "before_cursor_execute", count)
        per_batch.append(len(counted))
    assert per_batch[0] == per_batch[1], per_batch
    assert len(_rows(core)) == 10 + 20 + 200


def test_new_senders_of_a_batch_each_get_one_conversation_with_their_first_name(
    core: Core, account_id: int
) -> None:
    batch = [_message(account_id, str(500 + u), 1) for u in range(30)]
    batch.append(_message(account_id, "500", 2, sender_title="Олена П."))
    stored = core.inbox.store(batch)
    conversations = _conversations(core)
    assert len(conversations) == 30
    assert conversations["500"].title == "Олена П." and conversations["500"].unread_count == 2
    assert conversations["529"].title == "Клієнт 529"
    assert {item.conversation_id for item in stored[:30]} == {c.id for c in conversations.values()}


def test_a_conversation_made_meanwhile_by_another_writer_is_taken_over(
    core: Core, account_id: int
) -> None:
    core.inbox.store([_message(account_id, "600", 1)])
    before = _conversations(core)["600"].id
    with core.db.transaction() as s:
        made = core.conversations.create_many_in(
            s, account_id, "telegram", [("601", "Нова", ""), ("600", "Клієнт 600", "")]
        )
        assert [c.identity for c in made] == ["601", "600"]
        assert made[1].id == before
    assert set(_conversations(core)) == {"600", "601"}

"""The inbox over whole batches: a batch reads its conversations once and
writes their counters and its rows' conversation once at the end, so what a
message in the middle of a batch does (a shared contact that links the chat,
a sender who changed their name) must still see and touch every message of
the batch before it, as one message at a time would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col, select

from app.core import Core
from app.customers import ContactInput
from app.inbox import Cursor, InboundMessage, SharedContact
from app.models import CallbackRequest, Channel, ChannelAccount, Conversation, Interaction

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
    assert [r.id for r in core.timeline.page(customer.id, channels=["telegram"])] == sorted(
        (r.id for r in olena), reverse=True
    )
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

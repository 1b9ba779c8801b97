"""The inbox's parts for email, on SQLite and PostgreSQL: a message not from a
person (auto-reply, bounce) shown but neither waiting nor a new customer; the
customer found by the sender's address; what the conversation keeps of its
latest message; a batch step inside the batch's transaction; and the thread
tables (app/mail_threads.py) placing as app/mail/threads.MemoryThreads does."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, col, select

from app.core import Core
from app.customers import ContactInput
from app.inbox import Cursor, InboundMessage
from app.mail.threads import MemoryThreads, Placement, ThreadHeaders, place
from app.mail_threads import PlaceInThreads, RecordSent, StoredThreads, conversation_identity
from app.models import (
    Channel,
    ChannelAccount,
    ContactKind,
    Conversation,
    Customer,
    MailThreadId,
)
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
ANNA, BORIS, CLARA = "anna@customer.example", "boris@customer.example", "clara@customer.example"


def _mailbox(core: Core) -> int:
    with core.db.session() as s:
        row = ChannelAccount(kind="email", label="shop@shop.example")
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def _mail(
    account_id: int,
    number: int,
    sender: str = ANNA,
    *,
    person: bool = True,
    minute: int | None = None,
    identity: str = "",
) -> InboundMessage:
    return InboundMessage(
        account_id=account_id,
        channel=Channel.EMAIL,
        external_id=f"{account_id}:<m{number}@customer.example>",
        identity=identity or conversation_identity("thread:one", sender),
        sent_at=T0 + timedelta(minutes=number if minute is None else minute),
        text=f"письмо {number}",
        subject="Заказ 42",
        sender_title="Анна",
        from_a_person=person,
        contact_kind=ContactKind.EMAIL,
        contact_value=sender,
        conversation_meta={"email": {"last_message_id": f"<m{number}@customer.example>"}},
    )


@pytest.fixture
def creating_core(app_paths: AppPaths, db_url: str) -> Iterator[Core]:
    """The core with the unknown-sender policy that makes customers."""
    settings = Settings(database_url=db_url, default_region="UA", unknown_sender="create_customer")
    opened = Core.open(app_paths, settings, secrets=SecretStore(MemoryKeyring()))
    yield opened
    opened.close()


def test_an_auto_reply_is_shown_but_neither_waits_nor_makes_a_customer(
    creating_core: Core,
) -> None:
    core = creating_core
    account = _mailbox(core)
    (auto,) = core.inbox.store([_mail(account, 1, person=False)])
    conversation = core.conversations.get(auto.conversation_id)
    assert auto.created and auto.customer_id is None
    assert conversation.waiting_since is None
    assert conversation.unread_count == 1  # shown, as unread
    with core.db.session() as s:
        assert s.exec(select(Customer)).first() is None
    (person,) = core.inbox.store([_mail(account, 2)])
    conversation = core.conversations.get(person.conversation_id)
    assert person.conversation_id == auto.conversation_id
    assert conversation.waiting_since == T0 + timedelta(minutes=2)
    assert person.customer_id is not None and conversation.customer_id == person.customer_id


def test_the_customer_is_found_by_the_senders_address(core: Core) -> None:
    account = _mailbox(core)
    customer = core.customers.create(
        "Анна", [ContactInput(ContactKind.EMAIL.value, "Anna@Customer.example")]
    )
    # A bounce about her is linked to her too: only creating a customer is withheld.
    stored = core.inbox.store([_mail(account, 1), _mail(account, 2, person=False)])
    assert {item.customer_id for item in stored} == {customer.id}
    conversation = core.conversations.get(stored[0].conversation_id)
    assert conversation.customer_id == customer.id


def test_the_conversation_keeps_what_its_latest_message_says(core: Core) -> None:
    account = _mailbox(core)
    core.inbox.store([_mail(account, 5)])
    # Older mail fetched later (a backfill) changes nothing; newer mail does.
    (older,) = core.inbox.store([_mail(account, 3)])
    meta = core.conversations.get(older.conversation_id).meta
    assert meta["email"]["last_message_id"] == "<m5@customer.example>"
    core.inbox.store([_mail(account, 7)])
    meta = core.conversations.get(older.conversation_id).meta
    assert meta["email"]["last_message_id"] == "<m7@customer.example>"
    # A repeat of an older one changes nothing either.
    core.inbox.store([_mail(account, 5)])
    assert core.conversations.get(older.conversation_id).meta["email"]["last_message_id"] == (
        "<m7@customer.example>"
    )


def test_the_batch_step_runs_in_the_batchs_transaction(core: Core) -> None:
    account = _mailbox(core)
    seen: list[int] = []

    def step(s: Session, batch: Sequence[InboundMessage]) -> list[InboundMessage]:
        s.add(MailThreadId(account_id=account, message_id="<step@x>", thread_key="t"))
        seen.append(len(batch))
        return [dataclasses.replace(m, identity="renamed|" + m.contact_value) for m in batch]

    def failing(s: Session, batch: Sequence[InboundMessage]) -> list[InboundMessage]:
        step(s, batch)
        raise RuntimeError("the step failed")

    with pytest.raises(RuntimeError):
        core.inbox.store([_mail(account, 1)], Cursor(account, "folder:INBOX", "1:1"), failing)
    with core.db.session() as s:
        assert s.exec(select(MailThreadId)).first() is None  # rolled back with the batch
    assert core.inbox.cursor(account, "folder:INBOX") is None
    (stored,) = core.inbox.store([_mail(account, 1)], Cursor(account, "folder:INBOX", "1:1"), step)
    assert core.conversations.get(stored.conversation_id).identity == f"renamed|{ANNA}"
    assert core.inbox.cursor(account, "folder:INBOX") == "1:1"
    with core.db.session() as s:
        assert s.exec(select(MailThreadId.message_id)).all() == ["<step@x>"]
    assert seen == [1, 1]


def _headers(
    message_id: str,
    who: str,
    *,
    references: tuple[str, ...] = (),
    in_reply_to: tuple[str, ...] = (),
    subject: str = "Заказ",
    cc: tuple[str, ...] = (),
    minute: int = 0,
) -> ThreadHeaders:
    return ThreadHeaders(
        message_id=message_id,
        references=references,
        in_reply_to=in_reply_to,
        subject=subject,
        correspondent=who,
        participants=frozenset({who, *cc}),
        date=T0 + timedelta(minutes=minute),
    )


# Every rule of app/mail/threads.py once: references, In-Reply-To, a reply before
# its parent, replies of different people to one mailing, a copied colleague,
# the subject fallback (same sender only), a new question with the same subject.
SCENARIO = [
    _headers("<n1@shop>", ANNA, cc=(BORIS,)),
    _headers("<a1@c>", ANNA, in_reply_to=("<n1@shop>",), minute=1),
    _headers("<b1@c>", BORIS, references=("<n1@shop>",), minute=2),
    _headers("<c2@c>", CLARA, references=("<n1@shop>", "<c1@c>"), minute=3),
    _headers("<c1@c>", CLARA, minute=4),
    _headers("<news@list>", CLARA, subject="Акция", minute=5),
    _headers("<x1@c>", ANNA, references=("<news@list>",), minute=6),
    _headers("<a2@c>", ANNA, subject="Re: Заказ", minute=7),
    _headers("<b2@c>", BORIS, subject="RE: заказ", minute=8),
    _headers("<a3@c>", ANNA, subject="Заказ", minute=9),
    _headers("<a1@c>", ANNA, in_reply_to=("<n1@shop>",), minute=10),  # fetched again
]


def test_the_thread_tables_place_as_the_reference_does(core: Core) -> None:
    account = _mailbox(core)
    memory = MemoryThreads()
    expected: list[Placement] = []
    got: list[Placement] = []
    for number, headers in enumerate(SCENARIO):
        placement = place(headers, memory, new_key=f"t{number}")
        memory.record(headers, placement)
        expected.append(placement)
        with core.db.transaction() as s:
            stored = StoredThreads(s, account)
            placement = place(headers, stored, new_key=f"t{number}")
            stored.record(headers, placement)
            stored.flush()
            got.append(placement)
    assert [(p.key, p.link) for p in got] == [(p.key, p.link) for p in expected]
    assert len({p.key for p in got}) >= 5  # the scenario makes several threads


def test_placing_a_batch_gives_each_message_its_conversation_once(core: Core) -> None:
    account = _mailbox(core)
    first, reply, other = (
        _headers("<q1@c>", ANNA),
        _headers("<q2@c>", ANNA, in_reply_to=("<q1@c>",), minute=1),
        _headers("<q3@c>", BORIS, in_reply_to=("<q1@c>",), minute=2),
    )

    def batch(*items: tuple[ThreadHeaders, int]) -> tuple[list[InboundMessage], PlaceInThreads]:
        messages = [
            dataclasses.replace(
                _mail(account, n, h.correspondent), external_id=f"{account}:{h.message_id}"
            )
            for h, n in items
        ]
        return messages, PlaceInThreads(
            account, {m.external_id: h for m, (h, _) in zip(messages, items, strict=True)}
        )

    messages, step = batch((first, 1), (reply, 2), (first, 1))
    stored = core.inbox.store(messages, None, step)
    assert stored[0].conversation_id == stored[1].conversation_id == stored[2].conversation_id
    assert [item.created for item in stored] == [True, True, False]
    # A stranger's reply to Anna's message is a thread of its own; Anna's
    # message fetched again (another folder, a new UIDVALIDITY) is a repeat.
    messages, step = batch((other, 3), (first, 1))
    again = core.inbox.store(messages, None, step)
    assert again[0].conversation_id != stored[0].conversation_id
    assert (again[1].conversation_id, again[1].created) == (stored[0].conversation_id, False)
    assert list(step.placements) == [messages[0].external_id]  # the repeat placed nothing
    with core.db.session() as s:
        identities = set(s.exec(select(Conversation.identity).order_by(col(Conversation.id))))
    assert len(identities) == 2


def test_linking_an_email_conversation_records_the_address_not_the_thread(core: Core) -> None:
    account = _mailbox(core)
    (stored,) = core.inbox.store([_mail(account, 1, "Boris@Customer.example")])
    assert stored.customer_id is None  # unknown sender, the policy leaves it unlinked
    customer = core.customers.create("Борис", [])
    assert customer.id is not None
    core.conversations.link(stored.conversation_id, customer.id)
    found = core.customers.find(ContactKind.EMAIL.value, "boris@customer.example")
    assert found is not None and found.id == customer.id


def test_a_reply_naming_only_our_sent_message_finds_its_conversation(core: Core) -> None:
    account = _mailbox(core)
    question = _headers("<ask@c>", ANNA)
    message = dataclasses.replace(_mail(account, 1), external_id=f"{account}:<ask@c>")
    (asked,) = core.inbox.store(
        [message], None, PlaceInThreads(account, {message.external_id: question})
    )
    identity = core.conversations.get(asked.conversation_id).identity
    # Our answer went out as <ours@shop>; it is recorded twice (a retry) without harm.
    for _ in range(2):
        core.inbox.store([], None, RecordSent(account, identity, "<ours@shop>"))
    answer = _headers("<again@c>", ANNA, in_reply_to=("<ours@shop>",), subject="Re: x", minute=5)
    reply = dataclasses.replace(_mail(account, 2), external_id=f"{account}:<again@c>")
    (stored,) = core.inbox.store(
        [reply], None, PlaceInThreads(account, {reply.external_id: answer})
    )
    assert stored.conversation_id == asked.conversation_id

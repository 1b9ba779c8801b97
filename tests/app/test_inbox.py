"""The inbox: a delivered batch stored once with its conversation and cursor;
edits keep the earlier text; a sender's own contact links the chat (or offers
a merge) and asks for a callback; files point at fsynced bytes."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from app.core import Core
from app.customers import ContactInput
from app.inbox import Cursor, InboundFile, InboundMessage, SharedContact
from app.models import (
    Attachment,
    CallbackRequest,
    Channel,
    ChannelAccount,
    Conversation,
    Interaction,
)

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
USER = "700100"


@pytest.fixture
def account_id(core: Core) -> int:
    with core.db.session() as s:
        row = ChannelAccount(kind="telegram", label="Shop bot")
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def _message(account_id: int, n: int, text: str = "", **kw: object) -> InboundMessage:
    fields: dict[str, object] = {
        "account_id": account_id,
        "channel": Channel.TELEGRAM,
        "external_id": f"{account_id}:{USER}:{n}",
        "identity": USER,
        "sent_at": T0 + timedelta(minutes=n),
        "text": text or f"повідомлення {n}",
        "sender_title": "Олена Петренко",
        "sender_username": "olena",
    }
    fields.update(kw)
    return InboundMessage(**fields)  # type: ignore[arg-type]


def _count(core: Core, model: type) -> int:
    with core.db.session() as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


def test_a_batch_is_stored_once_with_its_cursor(core: Core, account_id: int) -> None:
    batch = [_message(account_id, n) for n in range(1, 6)]
    first = core.inbox.store(batch, Cursor(account_id, "offset", "106"))
    assert [s.created for s in first] == [True] * 5
    again = core.inbox.store(batch, Cursor(account_id, "offset", "106"))  # re-delivered
    assert [s.created for s in again] == [False] * 5
    assert _count(core, Interaction) == 5
    assert core.inbox.cursor(account_id, "offset") == "106"
    (conversation,) = core.conversations.waiting()
    assert conversation.title == "Олена Петренко"
    assert conversation.waiting_since == T0 + timedelta(minutes=1)  # the oldest unanswered
    assert conversation.unread_count == 5


def test_concurrent_deliveries_of_one_batch_store_it_once(core: Core, account_id: int) -> None:
    batch = [_message(account_id, n) for n in range(1, 21)]
    start = threading.Barrier(8)
    errors: list[Exception] = []

    def deliver() -> None:
        start.wait()
        try:
            core.inbox.store(batch)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    # PostgreSQL: a losing delivery may fail on the unique key and is delivered again
    # by its channel (the cursor was not advanced for it); it never stores twice.
    assert _count(core, Interaction) == 20
    assert _count(core, Conversation) == 1
    assert all("unique" in str(e).lower() or "duplicate" in str(e).lower() for e in errors)


def test_an_edit_updates_the_row_and_keeps_the_earlier_text(core: Core, account_id: int) -> None:
    core.inbox.store([_message(account_id, 1, "розмір M")])
    edit = _message(account_id, 1, "розмір L", edited_at=T0 + timedelta(hours=1))
    (stored,) = core.inbox.store([edit])
    assert (stored.created, stored.edited) == (False, True)
    core.inbox.store([edit])  # the same edit again: nothing more
    row = core.timeline.get(stored.interaction_id)
    assert row.body == "розмір L"
    assert [e["text"] for e in row.meta["edits"]] == ["розмір M"]
    assert _count(core, Interaction) == 1


def test_the_senders_own_contact_links_the_chat_and_asks_for_a_callback(
    core: Core, account_id: int
) -> None:
    customer = core.customers.create("Олена", [ContactInput("phone", "0507001236")])
    contact = SharedContact(phone="+380507001236", user_id=USER, first_name="Олена")
    (stored,) = core.inbox.store([_message(account_id, 1, "", kind="contact", contact=contact)])
    assert stored.customer_id == customer.id
    assert core.conversations.for_customer(customer.id)[0].identity == USER
    with core.db.session() as s:
        (request,) = s.exec(select(CallbackRequest)).all()
    assert request.source == "messenger" and request.customer_id == customer.id
    assert request.meta["conversation_id"] == stored.conversation_id
    # Later messages of the chat land on her timeline.
    (later,) = core.inbox.store([_message(account_id, 2, "коли доставка?")])
    assert later.customer_id == customer.id


def test_a_contact_of_someone_else_is_only_a_message(core: Core, account_id: int) -> None:
    core.customers.create("Ігор", [ContactInput("phone", "0671112233")])
    contact = SharedContact(phone="+380671112233", user_id="999", first_name="Ігор")
    (stored,) = core.inbox.store([_message(account_id, 1, "", kind="contact", contact=contact)])
    assert stored.customer_id is None
    assert _count(core, CallbackRequest) == 0


def test_a_number_of_another_customer_is_offered_as_a_merge(core: Core, account_id: int) -> None:
    olena = core.customers.create("Олена", [ContactInput("telegram", USER)])
    ihor = core.customers.create("Ігор", [ContactInput("phone", "0671112233")])
    (first,) = core.inbox.store([_message(account_id, 1, "привіт")])
    assert first.customer_id == olena.id
    contact = SharedContact(phone="+380671112233", user_id=USER)
    core.inbox.store([_message(account_id, 2, "", kind="contact", contact=contact)])
    conversation = core.conversations.get(first.conversation_id)
    assert conversation.customer_id == olena.id  # not moved silently
    assert conversation.meta["merge_offer"] == {"customer_id": ihor.id, "phone": "+380671112233"}


def test_files_are_attached_and_unavailable_ones_said(
    core: Core, account_id: int, tmp_path: Path
) -> None:
    photo = tmp_path / "download.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 1000)
    files = (
        InboundFile(kind="photo", filename="../../etc/passwd", mime="image/jpeg", path=photo),
        InboundFile(
            kind="video", filename="big.mp4", size=30_000_000, unavailable="larger than 20 MB"
        ),
    )
    (stored,) = core.inbox.store([_message(account_id, 1, "фото", kind="photo", files=files)])
    with core.db.session() as s:
        (attachment,) = s.exec(select(Attachment)).all()
    assert attachment.interaction_id == stored.interaction_id
    assert attachment.filename == "passwd"  # no path parts
    assert core.attachments.path_for(attachment.sha256).read_bytes() == photo.read_bytes()
    row = core.timeline.get(stored.interaction_id)
    assert row.meta["unavailable_files"][0]["reason"] == "larger than 20 MB"


def test_linking_an_unknown_senders_chat_moves_its_messages(core: Core, account_id: int) -> None:
    stored = core.inbox.store([_message(account_id, n) for n in (1, 2)])
    assert {s.customer_id for s in stored} == {None}
    customer = core.customers.create("Олена")
    core.conversations.link(stored[0].conversation_id, customer.id)
    page = core.timeline.page(customer.id)
    assert len(page) == 2
    assert core.customers.find("telegram", USER).id == customer.id

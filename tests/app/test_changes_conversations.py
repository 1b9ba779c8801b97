"""The changes value tells the conversations panel, without a read, that a
conversation got a message (delivered or queued) and that an outgoing
message's sending state changed; a read mark, an assignment or an edit names
the rows only."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from app.changes import Changes
from app.core import Core
from app.enums import SendFailure
from app.inbox import InboundMessage
from app.models import Channel, ChannelAccount

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


def _message(account_id: int, n: int, user: str = USER, **kw: object) -> InboundMessage:
    fields: dict[str, object] = {
        "account_id": account_id,
        "channel": Channel.TELEGRAM,
        "external_id": f"{account_id}:{user}:{n}",
        "identity": user,
        "sent_at": T0 + timedelta(minutes=n),
        "text": f"повідомлення {n}",
        "sender_title": "Олена",
    }
    fields.update(kw)
    return InboundMessage(**fields)  # type: ignore[arg-type]


def _collect(core: Core) -> list[Changes]:
    seen: list[Changes] = []
    lock = threading.Lock()

    def listener(changes: Changes) -> None:
        with lock:
            seen.append(changes)

    core.db.changes.subscribe(listener)
    return seen


def _all(seen: list[Changes]) -> Changes:
    total = Changes()
    for changes in seen:
        total = total | changes
    return total


def test_a_delivered_batch_names_each_new_message_with_its_conversation(
    core: Core, account_id: int
) -> None:
    seen = _collect(core)
    stored = core.inbox.store(
        [_message(account_id, 1), _message(account_id, 2), _message(account_id, 3, user="42")]
    )
    (changes,) = seen
    assert changes.new_messages == {(s.conversation_id, s.interaction_id) for s in stored}
    assert changes.new_messages_in(stored[0].conversation_id) == {
        stored[0].interaction_id,
        stored[1].interaction_id,
    }
    assert changes.outbox == frozenset()
    seen.clear()
    core.inbox.store([_message(account_id, 1)])  # delivered again: nothing new
    core.inbox.store(
        [_message(account_id, 1, text="виправлено", edited_at=T0 + timedelta(hours=1))]
    )
    assert _all(seen).new_messages == frozenset()
    assert stored[0].interaction_id in _all(seen).interactions  # the edit names its row


def test_a_read_mark_or_an_assignment_is_no_new_message(core: Core, account_id: int) -> None:
    (stored,) = core.inbox.store([_message(account_id, 1)])
    seen = _collect(core)
    core.conversations.mark_read(stored.conversation_id)
    core.conversations.assign(stored.conversation_id, "Ірина")
    total = _all(seen)
    assert stored.conversation_id in total.conversations
    assert total.new_messages == frozenset() and total.outbox == frozenset()


def test_queueing_names_the_new_message_and_every_state_after_names_the_outbox_row(
    core: Core, account_id: int
) -> None:
    (stored,) = core.inbox.store([_message(account_id, 1)])
    chat = stored.conversation_id
    seen = _collect(core)
    row = core.outbox.queue(chat, "Добрий день", operator="Ірина", idempotency_key="a")
    assert row.id is not None
    (queued,) = seen
    assert queued.new_messages == {(chat, row.interaction_id)}
    assert queued.outbox == {row.id}
    steps = [
        lambda: core.outbox.claim_next(account_id),
        lambda: core.outbox.mark_failed(row.id or 0, SendFailure.PERMANENT, "Bad Request"),
        lambda: core.outbox.resend(row.id or 0, "Ірина"),
        lambda: core.outbox.claim_next(account_id),
        lambda: core.outbox.mark_sent(row.id or 0, ["5"]),
    ]
    for step in steps:
        seen.clear()
        step()
        (changed,) = seen
        assert changed.outbox == {row.id}
        assert row.interaction_id in changed.interactions
        assert changed.new_messages == frozenset()  # a state, not a new message

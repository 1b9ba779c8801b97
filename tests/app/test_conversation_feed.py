"""The chat view's feed on SQLite and PostgreSQL, over messages stored the way
the channels store them (``Inbox.store``) and sent the way the composer sends
them (``Outbox.queue`` and the sender's marks): keyset pages newest first that
stay put while messages arrive, what arrived since, the view opened at one
message, and each bubble's sender, kind, edits, quote, files and delivery
state, in a fixed number of queries whatever the page holds."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.changes import Changes
from app.conversation_feed import ConversationFeed, FeedItem, MessageKind
from app.conversations import ConversationError
from app.core import Core
from app.enums import Direction, OutboxStatus, SendFailure
from app.inbox import InboundFile, InboundMessage, SharedContact
from app.models import Channel, ChannelAccount
from app.refusals import Notice, Refusal, notices_of, refusal_notice, uncertain_notice
from tests.statements import statements

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
USER = "700100"
_keys = itertools.count()


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def account_id(core: Core) -> int:
    with core.db.session() as s:
        row = ChannelAccount(kind="telegram", label="Shop bot")
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


@pytest.fixture
def clock(core: Core) -> Clock:
    clock = Clock(T0 + timedelta(days=1))
    core.outbox.clock = clock
    return clock


@pytest.fixture
def feed(core: Core) -> ConversationFeed:
    return ConversationFeed(core.db, core.attachments)


def _message(account_id: int, n: int, text: str | None = None, **kw: object) -> InboundMessage:
    fields: dict[str, object] = {
        "account_id": account_id,
        "channel": Channel.TELEGRAM,
        "external_id": f"{account_id}:{USER}:{n}",
        "identity": USER,
        "sent_at": T0 + timedelta(minutes=n),
        "text": f"повідомлення {n}" if text is None else text,
        "sender_title": "Олена Петренко",
        "sender_username": "olena_p",
    }
    fields.update(kw)
    return InboundMessage(**fields)  # type: ignore[arg-type]


def _store(core: Core, account_id: int, numbers: range | list[int]) -> int:
    stored = core.inbox.store([_message(account_id, n) for n in numbers])
    return stored[0].conversation_id


def _send(core: Core, conversation_id: int, text: str, **kw: object) -> int:
    row = core.outbox.queue(
        conversation_id, text, operator="Ірина", idempotency_key=f"k{next(_keys)}", **kw
    )  # type: ignore[arg-type]
    assert row.id is not None
    return row.id


def _texts(items: tuple[FeedItem, ...] | list[FeedItem]) -> list[str]:
    return [item.text for item in items]


def test_pages_go_back_from_the_newest_and_stay_put_while_messages_arrive(
    core: Core, account_id: int, feed: ConversationFeed
) -> None:
    chat = _store(core, account_id, range(120))
    first = feed.page(chat, limit=50)
    assert _texts(first.items) == [f"повідомлення {n}" for n in range(70, 120)]  # oldest first
    assert first.before == first.items[0].cursor and first.after == first.items[-1].cursor
    core.inbox.store([_message(account_id, n) for n in range(120, 130)])  # arrive meanwhile
    second = feed.page(chat, limit=50, before=first.before)
    assert _texts(second.items) == [f"повідомлення {n}" for n in range(20, 70)]
    last = feed.page(chat, limit=50, before=second.before)
    assert _texts(last.items) == [f"повідомлення {n}" for n in range(20)]
    assert last.before is None  # nothing older: no more scrolling up
    since = feed.newer(chat, after=first.after, limit=4)
    assert _texts(since.items) == [f"повідомлення {n}" for n in range(120, 124)]
    assert since.more_after
    rest = feed.newer(chat, after=since.after)
    assert _texts(rest.items) == [f"повідомлення {n}" for n in range(124, 130)]
    assert not rest.more_after
    assert feed.newer(chat, after=rest.after).items == ()
    assert feed.newer(chat, after=rest.after).after == rest.after


def test_a_late_message_sorts_inside_the_view_and_the_changes_value_finds_it(
    core: Core, account_id: int, feed: ConversationFeed, clock: Clock
) -> None:
    chat = _store(core, account_id, [0])
    clock.now = T0 + timedelta(minutes=10)
    _send(core, chat, "Відповідаємо")  # the channel is down; the customer wrote at 0:05
    shown = feed.page(chat)
    seen: list[Changes] = []
    core.db.changes.subscribe(seen.append)
    core.inbox.store([_message(account_id, 5, "написано під час збою")])
    assert feed.newer(chat, after=shown.after).items == ()  # sorts before what is shown
    arrived = seen[-1].new_messages_in(chat)
    (item,) = feed.items(chat, arrived)
    assert item.text == "написано під час збою"
    assert shown.items[0].cursor < item.cursor < shown.items[1].cursor  # where it goes
    assert feed.items(chat + 1000, arrived) == []  # another conversation's ids are left out


def test_the_view_opens_at_a_message_from_the_timeline(
    core: Core, account_id: int, feed: ConversationFeed
) -> None:
    stored = core.inbox.store([_message(account_id, n) for n in range(100)])
    chat, target = stored[0].conversation_id, stored[40].interaction_id
    page = feed.around(chat, target, limit=10)
    assert page.anchor == target
    assert _texts(page.items) == [f"повідомлення {n}" for n in range(35, 45)]
    older = feed.page(chat, limit=5, before=page.before)
    assert _texts(older.items) == [f"повідомлення {n}" for n in range(30, 35)]
    assert page.more_after
    newer = feed.newer(chat, after=page.after, limit=3)
    assert _texts(newer.items) == [f"повідомлення {n}" for n in range(45, 48)]
    edge = feed.around(chat, stored[1].interaction_id, limit=10)
    assert _texts(edge.items) == [f"повідомлення {n}" for n in range(10)]  # the rest after it
    assert edge.before is None
    newest = feed.around(chat, stored[99].interaction_id, limit=10)
    assert _texts(newest.items) == [f"повідомлення {n}" for n in range(94, 100)]
    assert not newest.more_after


def test_a_message_not_in_the_conversation_opens_the_latest_page(
    core: Core, account_id: int, feed: ConversationFeed
) -> None:
    chat = _store(core, account_id, range(3))
    other = core.inbox.store([_message(account_id, 1, identity="42", external_id="x:42:1")])
    page = feed.around(chat, other[0].interaction_id)
    assert page.anchor is None
    assert _texts(page.items) == ["повідомлення 0", "повідомлення 1", "повідомлення 2"]
    assert feed.around(chat, 10**9).anchor is None


def test_a_conversation_that_does_not_exist_is_said(feed: ConversationFeed) -> None:
    for read in (
        lambda: feed.page(999),
        lambda: feed.newer(999, after=None),
        lambda: feed.around(999, 1),
    ):
        with pytest.raises(ConversationError, match="Conversation #999 does not exist"):
            read()


def test_senders_are_the_customer_or_the_platforms_name_and_the_operator(
    core: Core, account_id: int, feed: ConversationFeed, clock: Clock
) -> None:
    chat = _store(core, account_id, [0])
    _send(core, chat, "Добрий день")
    incoming, outgoing = feed.page(chat).items
    assert (incoming.direction, incoming.sender) == (Direction.INBOUND, "Олена Петренко")
    assert (outgoing.direction, outgoing.sender) == (Direction.OUTBOUND, "Ірина")
    customer = core.customers.create("Олена Петренко-Коваль")
    core.conversations.link(chat, customer.id)
    assert feed.page(chat).items[0].sender == "Олена Петренко-Коваль"


def test_kinds_edits_and_shared_things_are_what_the_bubble_shows(
    core: Core, account_id: int, feed: ConversationFeed, tmp_path: Path
) -> None:
    photo = tmp_path / "download.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 1000)
    files = (
        InboundFile(kind="photo", filename="photo-3.jpg", mime="image/jpeg", path=photo),
        InboundFile(kind="video", filename="big.mp4", size=30_000_000, unavailable="too big"),
    )
    location = {"latitude": 50.45, "longitude": 30.52, "title": "Склад", "address": "вул. Й"}
    core.inbox.store(
        [
            _message(account_id, 1, "перший текст"),
            _message(account_id, 2, "[poll]", kind="poll", meta={"raw": "{}"}),
            _message(account_id, 3, "", kind="photo", files=files),
            _message(account_id, 4, "Склад", kind="venue", meta={"location": location}),
            _message(
                account_id,
                5,
                "Олена +380671112233",
                kind="contact",
                contact=SharedContact("+380671112233", user_id="555", first_name="Олена"),
            ),
        ]
    )
    for n, text in ((1, "другий текст"), (2, "третій текст")):
        edit = _message(account_id, 1, text, edited_at=T0 + timedelta(hours=n))
        core.inbox.store([edit])
    chat = core.inbox.store([_message(account_id, 1)])[0].conversation_id  # a repeat
    edited, poll, picture, venue, card = feed.page(chat).items
    assert edited.text == "третій текст" and edited.edited
    assert [e.text for e in edited.earlier_texts] == ["перший текст", "другий текст"]
    assert edited.earlier_texts[0].until == T0 + timedelta(hours=1)
    assert (poll.kind, poll.platform_kind, poll.text) == (MessageKind.UNKNOWN, "poll", "")
    assert (picture.kind, picture.text) == (MessageKind.PHOTO, "")
    (attachment,) = picture.attachments
    assert (attachment.filename, attachment.mime) == ("photo-3.jpg", "image/jpeg")
    assert attachment.path.read_bytes() == photo.read_bytes()
    assert (picture.unavailable[0].filename, picture.unavailable[0].reason) == (
        "big.mp4",
        "too big",
    )
    assert venue.kind is MessageKind.VENUE and venue.location is not None
    assert (venue.location.latitude, venue.location.title) == (50.45, "Склад")
    assert card.kind is MessageKind.CONTACT and card.contact is not None
    assert (card.contact.phone, card.contact.name) == ("+380671112233", "Олена")
    assert not poll.edited and poll.earlier_texts == ()


def test_replies_quote_the_message_they_answer(
    core: Core, account_id: int, feed: ConversationFeed, clock: Clock
) -> None:
    long_text = "Чи можна змінити адресу доставки? " * 10
    chat = _store(core, account_id, [0])
    core.inbox.store([_message(account_id, 1, long_text)])
    answered = feed.page(chat).items[-1]
    assert answered.external_id == f"{account_id}:{USER}:1"
    clock.now = T0 + timedelta(minutes=1, seconds=30)
    reply = _send(core, chat, "Так, можна", reply_to_external_id=answered.external_id)
    core.outbox.claim_next(account_id)
    core.outbox.mark_sent(reply, ["77"])
    core.inbox.store(
        [
            _message(account_id, 2, "Дякую!", reply_to_external_id=f"{account_id}:{USER}:77"),
            _message(account_id, 3, "а це?", reply_to_external_id=f"{account_id}:{USER}:-5"),
        ]
    )
    *_, ours, thanks, unknown = feed.page(chat).items
    assert ours.quote is not None and ours.quote.found
    assert ours.quote.sender == "Олена Петренко" and ours.quote.kind is MessageKind.TEXT
    assert ours.quote.text.endswith("…") and len(ours.quote.text) == 100
    assert long_text.startswith(ours.quote.text[:-1])
    assert thanks.quote is not None and thanks.quote.found
    assert (thanks.quote.text, thanks.quote.sender) == ("Так, можна", "Ірина")
    assert thanks.quote.interaction_id == ours.interaction_id
    assert unknown.quote is not None and not unknown.quote.found  # "a message not in the history"
    assert feed.page(chat).items[0].quote is None


def _delivery_of(feed: ConversationFeed, chat: int, outbox_id: int) -> FeedItem:
    (item,) = [i for i in feed.page(chat).items if i.delivery and i.delivery.outbox_id == outbox_id]
    return item


def test_every_delivery_state_is_shown_with_its_reason_and_what_can_be_done(
    core: Core, account_id: int, feed: ConversationFeed, clock: Clock
) -> None:
    chat = _store(core, account_id, [0])
    outbox = core.outbox
    queued = _send(core, chat, "в черзі")
    state = _delivery_of(feed, chat, queued).delivery
    assert state is not None
    assert (state.state, state.can_cancel, state.can_resend) == (OutboxStatus.QUEUED, True, False)
    outbox.claim_next(account_id)
    state = _delivery_of(feed, chat, queued).delivery
    assert state is not None and state.state is OutboxStatus.SENDING and not state.can_cancel
    outbox.mark_failed(queued, SendFailure.NOT_REACHABLE, "Connection refused")
    state = _delivery_of(feed, chat, queued).delivery
    assert state is not None and state.state is OutboxStatus.QUEUED and state.retrying
    assert state.next_attempt_at is not None and state.next_attempt_at > clock.now
    assert state.notice is not None and "trying again" in str(state.notice)
    assert state.platform_reason == "Connection refused"
    clock.now += timedelta(hours=1)
    outbox.claim_next(account_id)
    outbox.mark_failed(queued, SendFailure.POLICY_REFUSED, "Forbidden: bot was blocked by the user")
    state = _delivery_of(feed, chat, queued).delivery
    assert state is not None and state.state is OutboxStatus.FAILED and state.can_resend
    assert state.notice == refusal_notice(Refusal.BLOCKED)
    assert state.platform_reason == "Forbidden: bot was blocked by the user"
    assert core.conversations.get(chat).can_write is False  # refused with the failure
    _store(core, account_id, [1])  # the customer writes again: the bot may answer
    outbox.resend(queued, "Ірина")
    outbox.claim_next(account_id)
    outbox.mark_uncertain(queued, "read timed out")
    state = _delivery_of(feed, chat, queued).delivery
    assert state is not None and state.state is OutboxStatus.UNCERTAIN and state.can_resend
    assert state.can_cancel  # settled without sending it again
    assert state.notice == uncertain_notice()
    outbox.resend(queued, "Ірина")
    outbox.claim_next(account_id)
    outbox.mark_sent(queued, ["90"])
    state = _delivery_of(feed, chat, queued).delivery
    assert state is not None and state.state is OutboxStatus.SENT and state.notice is None
    assert not state.can_resend and not state.can_cancel
    later = _send(core, chat, "скасуй мене")
    outbox.cancel(later, "Ірина")
    state = _delivery_of(feed, chat, later).delivery
    assert state is not None and state.state is OutboxStatus.FAILED
    assert state.notice == Notice("Cancelled by {operator}.", operator="Ірина")
    refused = _send(core, chat, "завеликий")
    outbox.claim_next(account_id)
    outbox.mark_failed(refused, SendFailure.PERMANENT, "Bad Request: message is too long")
    state = _delivery_of(feed, chat, refused).delivery
    assert state is not None
    assert str(state.notice) == "The platform refused the message: Bad Request: message is too long"
    assert feed.page(chat).items[0].delivery is None  # the customer's message has none


def test_a_sent_messages_notes_are_kept_on_its_row_and_given_to_its_bubble(
    core: Core, account_id: int, feed: ConversationFeed
) -> None:
    chat = _store(core, account_id, [0])
    outbox = core.outbox
    noted = _send(core, chat, "з приміткою")
    outbox.claim_next(account_id)
    cc = Notice(
        "Sent, but not delivered to {address}: {reason}", address="a@b.example", reason="550"
    )
    sent = outbox.mark_sent(noted, ["91"], notes=[cc])
    assert (sent.status, sent.failure, sent.last_error) == ("sent", None, "")
    row = core.timeline.get(sent.interaction_id)
    assert row.status == "sent"
    assert row.meta["send_notes"] == [
        {"template": cc.template, "fields": {"address": "a@b.example", "reason": "550"}}
    ]
    state = _delivery_of(feed, chat, noted).delivery
    assert state is not None and state.state is OutboxStatus.SENT and state.notice is None
    assert state.notes == (cc,) and not state.can_resend
    # A repeat changes nothing, notes included.
    outbox.mark_sent(noted, ["91"], notes=[Notice("Other.")])
    assert core.timeline.get(sent.interaction_id).meta["send_notes"] == row.meta["send_notes"]

    plain = _send(core, chat, "без")
    outbox.claim_next(account_id)
    outbox.mark_sent(plain, ["92"])
    state = _delivery_of(feed, chat, plain).delivery
    assert state is not None and state.notes == ()
    assert "send_notes" not in core.timeline.get(outbox.get(plain).interaction_id).meta


def test_notes_that_are_not_notes_are_left_out() -> None:
    good = {"template": "Sent, but {x}.", "fields": {"x": "y"}}
    assert notices_of(None) == () and notices_of({"template": "a"}) == ()
    assert notices_of(
        [
            good,
            "text",
            {"template": 5, "fields": {}},
            {"template": "{missing}", "fields": {"other": "x"}},
        ]
    ) == (Notice("Sent, but {x}.", x="y"),)
    assert notices_of([{"template": "No fields.", "fields": {}}]) == (Notice("No fields."),)


def test_a_page_is_the_same_few_queries_whatever_it_holds(
    core: Core, account_id: int, feed: ConversationFeed, clock: Clock, tmp_path: Path
) -> None:
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"y" * 100)
    chat = _store(core, account_id, range(60))
    for n in range(60, 120, 3):  # replies, files, outgoing messages with their outbox rows
        f = (InboundFile(kind="photo", filename=f"{n}.jpg", mime="image/jpeg", path=photo),)
        reply_to = f"{account_id}:{USER}:{n - 30}"
        core.inbox.store([_message(account_id, n, files=f, reply_to_external_id=reply_to)])
        clock.now = T0 + timedelta(minutes=n + 1)
        _send(core, chat, f"відповідь {n}", attachments=[photo], reply_to_external_id=reply_to)
    counts = []
    for limit in (5, 60):
        with statements(core.db) as small:
            page = feed.page(chat, limit=limit)
        assert len(page.items) == limit
        counts.append(len(small))
    assert counts[0] == counts[1] == 3  # the rows with their quotes, the outbox rows, the files
    with statements(core.db) as opened:
        feed.around(chat, page.items[30].interaction_id, limit=60)
    assert len(opened) == 5  # the message, both sides of it, the outbox rows, the files
    assert any(i.quote and i.quote.found for i in page.items)
    assert any(i.attachments for i in page.items if i.direction is Direction.OUTBOUND)

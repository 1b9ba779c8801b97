"""The outbox on SQLite and PostgreSQL: a message is committed before any
network call, ``sending`` is committed before the request, two senders never
get one message, transient failures come back with back-off, and after a crash
a message being sent is "may not have been sent", never resent by itself.

The crash tests kill a real child process with SIGKILL after each statement
of ``queue``, and of a send (``claim_next``, the request, ``mark_sent``), then
look at what the database kept and carry on as the next start would.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func
from sqlmodel import col, select

from app.changes import Changes
from app.conversations import ConversationError
from app.core import Core
from app.customers import ContactInput
from app.enums import SendFailure
from app.models import (
    Attachment,
    ChannelAccount,
    Conversation,
    Interaction,
    OutboxMessage,
)
from app.outbox import (
    MessageNotFound,
    Outbox,
    OutboxError,
    OutgoingFile,
    message_external_id,
)
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings
from tests.concurrency import in_threads

T0 = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
USER = "700100"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def _open_core(paths: AppPaths, url: str) -> Core:
    settings = Settings(database_url=url, default_region="UA")
    return Core.open(paths, settings, SecretStore(MemoryKeyring()))


def _outbox(core: Core, clock: Callable[[], datetime] | None = None) -> Outbox:
    if clock is None:
        return Outbox(core.db, core.timeline, core.attachments, rng=random.Random(7))
    return Outbox(core.db, core.timeline, core.attachments, clock, rng=random.Random(7))


def _account(core: Core, label: str = "Shop bot") -> int:
    with core.db.session() as s:
        row = ChannelAccount(kind="telegram", label=label)
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def _conversation(
    core: Core,
    account_id: int,
    identity: str = USER,
    customer_id: int | None = None,
    waiting_since: datetime | None = T0,
) -> int:
    with core.db.session() as s:
        row = Conversation(
            account_id=account_id,
            channel="telegram",
            identity=identity,
            customer_id=customer_id,
            title="Олена Петренко",
            waiting_since=waiting_since,
            last_inbound_at=waiting_since,
        )
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


@pytest.fixture
def clock() -> Clock:
    return Clock(T0 + timedelta(minutes=5))


@pytest.fixture
def outbox(core: Core, clock: Clock) -> Outbox:
    return _outbox(core, clock)


@pytest.fixture
def account_id(core: Core) -> int:
    return _account(core)


@pytest.fixture
def chat(core: Core, account_id: int) -> int:
    customer = core.customers.create("Олена", [ContactInput("telegram", USER)])
    return _conversation(core, account_id, customer_id=customer.id)


def _counts(core: Core, key: str) -> tuple[int, int, int]:
    """(outbox rows with the key, outbound timeline rows, their attachments)."""
    with core.db.session() as s:
        outbox = s.exec(select(func.count()).where(OutboxMessage.idempotency_key == key)).one()
        interactions = list(s.exec(select(Interaction.id).where(Interaction.direction == "out")))
        files = s.exec(
            select(func.count()).where(col(Attachment.interaction_id).in_(interactions))
        ).one()
    return int(outbox), len(interactions), int(files)


def _states(core: Core, message_id: int) -> tuple[str, str]:
    """(the outbox row's status, its timeline row's status), read afresh."""
    with core.db.session() as s:
        row = s.get(OutboxMessage, message_id)
        assert row is not None
        interaction = s.get(Interaction, row.interaction_id)
        assert interaction is not None
        return row.status, interaction.status


# --- queue ------------------------------------------------------------------------


def test_queue_commits_the_timeline_row_and_the_outbox_row_together(
    core: Core, outbox: Outbox, chat: int, account_id: int, clock: Clock
) -> None:
    seen: list[Changes] = []
    core.db.changes.subscribe(seen.append)
    row = outbox.queue(
        chat,
        "Добрий день! Замовлення відправили.",
        operator="Ірина",
        idempotency_key="k-1",
        reply_to_external_id=f"{account_id}:{USER}:41",
    )
    assert (row.status, row.attempts, row.next_attempt_at) == ("queued", 0, None)
    assert (row.account_id, row.conversation_id, row.idempotency_key) == (account_id, chat, "k-1")
    assert row.reply_to_external_id == f"{account_id}:{USER}:41"
    interaction = core.timeline.get(row.interaction_id)
    with core.db.session() as s:
        conv = s.get(Conversation, chat)
        assert conv is not None
    assert (interaction.channel, interaction.direction, interaction.status) == (
        "telegram",
        "out",
        "queued",
    )
    assert interaction.conversation_id == chat
    assert conv.customer_id is not None
    assert interaction.customer_id == conv.customer_id
    assert (interaction.account, interaction.operator) == ("Shop bot", "Ірина")
    assert interaction.body == "Добрий день! Замовлення відправили."
    assert interaction.external_id is None  # the platform's id comes with mark_sent
    assert interaction.started_at == clock.now
    # The customer is answered once the operator pressed Send.
    assert conv.waiting_since is None and conv.last_outbound_at == clock.now
    published = Changes()
    for changes in seen:
        published = published | changes
    assert chat in published.conversations and row.interaction_id in published.interactions
    assert conv.customer_id in published.customers


def test_the_same_key_again_returns_the_first_message_and_writes_nothing(
    core: Core, outbox: Outbox, chat: int
) -> None:
    first = outbox.queue(chat, "Так", operator="Ірина", idempotency_key="press-1")
    again = outbox.queue(chat, "Так", operator="Ірина", idempotency_key="press-1")
    assert again.id == first.id
    assert _counts(core, "press-1") == (1, 1, 0)
    with pytest.raises(OutboxError, match="used for another message"):
        outbox.queue(chat, "Ні", operator="Ірина", idempotency_key="press-1")
    # Refused to the conversation since, the repeat still answers the first row.
    outbox.refuse_conversation(chat, "Forbidden: bot was blocked by the user")
    assert outbox.queue(chat, "Так", operator="Ірина", idempotency_key="press-1").id == first.id
    assert _counts(core, "press-1") == (1, 1, 0)


def test_concurrent_calls_with_one_key_make_one_message(
    core: Core, outbox: Outbox, chat: int
) -> None:
    results = in_threads(
        20, lambda _i: outbox.queue(chat, "Дякуємо!", operator="Ірина", idempotency_key="k-20")
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert not errors, errors[:3]
    assert len({r.id for r in results}) == 1
    assert _counts(core, "k-20") == (1, 1, 0)


def test_attachments_are_in_the_store_and_rows_with_the_message(
    core: Core, outbox: Outbox, chat: int, tmp_path: Path
) -> None:
    photo = tmp_path / "фото.jpg"
    photo.write_bytes(b"\xff\xd8\xffJPEG-bytes")
    pasted = tmp_path / "tmp83jd0.png"
    pasted.write_bytes(b"\x89PNG\r\n\x1a\n-pasted")
    row = outbox.queue(
        chat,
        "",
        operator="Ірина",
        idempotency_key="with-files",
        attachments=[photo, OutgoingFile(pasted, name="../../etc/схема.png")],
    )
    attachments = core.attachments.for_interaction(row.interaction_id)
    assert row.attachment_ids == [a.id for a in attachments]
    assert [(a.filename, a.mime, a.size) for a in attachments] == [
        ("фото.jpg", "image/jpeg", len(b"\xff\xd8\xffJPEG-bytes")),
        ("схема.png", "image/png", len(b"\x89PNG\r\n\x1a\n-pasted")),
    ]
    for attachment in attachments:
        assert core.attachments.path_for(attachment.sha256).read_bytes() in (
            photo.read_bytes(),
            pasted.read_bytes(),
        )


def test_refusals_say_why_and_store_nothing(
    core: Core, outbox: Outbox, chat: int, account_id: int
) -> None:
    with pytest.raises(OutboxError, match="Write a message or attach a file"):
        outbox.queue(chat, "  \n ", operator="Ірина", idempotency_key="empty")
    with pytest.raises(OutboxError, match="operator's name"):
        outbox.queue(chat, "Так", operator=" ", idempotency_key="no-operator")
    with pytest.raises(ConversationError, match="Conversation #9999 does not exist"):
        outbox.queue(9999, "Так", operator="Ірина", idempotency_key="nowhere")
    with pytest.raises(OutboxError, match="blank"):
        outbox.queue(chat, "Так", operator="Ірина", idempotency_key=" ")
    outbox.refuse_conversation(chat, "Forbidden: bot was blocked by the user")
    with pytest.raises(OutboxError, match="can't be written to: Forbidden: bot was blocked") as e:
        outbox.queue(chat, "Так", operator="Ірина", idempotency_key="blocked")
    assert e.value.fields == {"reason": "Forbidden: bot was blocked by the user"}
    # A bot that can't write first, with no reason recorded.
    silent = _conversation(core, account_id, identity="700200")
    with core.db.session() as s:
        conv = s.get(Conversation, silent)
        assert conv is not None
        conv.can_write = False
        s.add(conv)
    with pytest.raises(OutboxError, match="doesn't allow it now"):
        outbox.queue(silent, "Так", operator="Ірина", idempotency_key="silent")
    with core.db.session() as s:
        assert s.exec(select(func.count()).select_from(OutboxMessage)).one() == 0
        assert s.exec(select(func.count()).select_from(Interaction)).one() == 0


# --- claiming and sending ------------------------------------------------------------


def test_a_claim_is_committed_as_sending_before_it_is_returned(
    core: Core, outbox: Outbox, chat: int, account_id: int
) -> None:
    queued = outbox.queue(chat, "Так", operator="Ірина", idempotency_key="c-1")
    claimed = outbox.claim_next(account_id)
    assert claimed is not None and claimed.id == queued.id
    assert (claimed.status, claimed.attempts) == ("sending", 1)
    # Another connection (another process, after a crash) sees it sending.
    other = _open_core(core.paths, core.db.url)
    try:
        assert _states(other, queued.id) == ("sending", "sending")
    finally:
        other.close()
    assert outbox.claim_next(account_id) is None  # nothing else is due


def test_an_idle_sender_asks_without_waiting_for_the_write_lock(sqlite_core: Core) -> None:
    # The inbox writes big batches; a sender with nothing to send polls every
    # few seconds. Its look must not queue for the file's write lock (it did:
    # "the database is busy" in the email benchmark's first sync).
    import sqlite3

    core = sqlite_core
    account = _account(core)
    path = core.db.url.removeprefix("sqlite:///")
    writer = sqlite3.connect(path, isolation_level=None, timeout=0)
    writer.execute("BEGIN IMMEDIATE")  # another program is writing, for a long while
    try:
        # Nothing due: the answer without a write (a write would wait out the
        # busy timeout and raise DatabaseError).
        assert Outbox(core.db, core.timeline, core.attachments).claim_next(account) is None
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_claims_take_due_messages_of_the_account_in_each_chats_order(
    core: Core, outbox: Outbox, chat: int, account_id: int, clock: Clock
) -> None:
    other_account = _account(core, "Second bot")
    elsewhere = _conversation(core, other_account, identity="900")
    second_chat = _conversation(core, account_id, identity="700300")
    a1 = outbox.queue(chat, "1", operator="Ірина", idempotency_key="a1")
    a2 = outbox.queue(chat, "2", operator="Ірина", idempotency_key="a2")
    b1 = outbox.queue(second_chat, "b", operator="Ірина", idempotency_key="b1")
    x1 = outbox.queue(elsewhere, "x", operator="Ірина", idempotency_key="x1")

    first = outbox.claim_next(account_id)
    assert first is not None and first.id == a1.id
    # a2 waits for a1 (still sending): a chat's messages keep their order.
    second = outbox.claim_next(account_id)
    assert second is not None and second.id == b1.id
    assert outbox.claim_next(account_id) is None
    outbox.mark_failed(a1.id, SendFailure.NOT_REACHABLE, "connection refused")
    # a1 is back in the queue but not due yet, and a2 still waits behind it.
    assert outbox.claim_next(account_id) is None
    clock.advance(seconds=3)
    again = outbox.claim_next(account_id)
    assert again is not None and (again.id, again.attempts) == (a1.id, 2)
    outbox.mark_sent(a1.id, ["42"])
    after = outbox.claim_next(account_id)
    assert after is not None and after.id == a2.id
    # The other account's message is its own host's.
    theirs = outbox.claim_next(other_account)
    assert theirs is not None and theirs.id == x1.id


def test_concurrent_senders_never_share_a_message(
    core: Core, outbox: Outbox, account_id: int
) -> None:
    """8 senders over 200 messages in 20 chats, each claiming and marking sent
    until the queue is empty: every message claimed exactly once, every chat's
    messages in the order they were queued (FOR UPDATE SKIP LOCKED on PostgreSQL)."""
    chats = [_conversation(core, account_id, identity=f"8{i:03d}") for i in range(20)]
    queued = [
        outbox.queue(chats[i % 20], f"m{i}", operator="Ірина", idempotency_key=f"m{i}")
        for i in range(200)
    ]
    claimed: list[tuple[int, int]] = []  # (chat, message), in claim order per chat
    lock = threading.Lock()
    errors: list[BaseException] = []
    deadline = time.monotonic() + 120  # a bound on waiting, not a measurement

    def sender(n: int) -> None:
        try:
            while outbox.pending(account_id) and time.monotonic() < deadline:
                got = outbox.claim_next(account_id)
                if got is None:  # the rest are being sent or wait behind those
                    time.sleep(0.001)
                    continue
                with lock:
                    claimed.append((got.conversation_id, got.id))
                outbox.mark_sent(got.id, [f"p{got.id}"])
        except BaseException as exc:  # surfaced below, not lost in a thread
            errors.append(exc)

    threads = [threading.Thread(target=sender, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    counts = Counter(message_id for _, message_id in claimed)
    assert set(counts) == {q.id for q in queued}
    assert max(counts.values()) == 1
    per_chat: dict[int, list[int]] = defaultdict(list)
    for conversation_id, message_id in claimed:
        per_chat[conversation_id].append(message_id)
    assert all(ids == sorted(ids) for ids in per_chat.values())
    with core.db.session() as s:
        assert {r.status for r in s.exec(select(OutboxMessage))} == {"sent"}
        assert {r.attempts for r in s.exec(select(OutboxMessage))} == {1}


def test_mark_sent_names_the_platforms_message_on_the_timeline(
    core: Core, outbox: Outbox, chat: int, account_id: int, clock: Clock
) -> None:
    row = outbox.queue(chat, "x" * 5000, operator="Ірина", idempotency_key="s-1")
    assert outbox.claim_next(account_id) is not None
    at = clock.now + timedelta(seconds=1)
    sent = outbox.mark_sent(row.id, ["101", "102"], at=at)
    assert (sent.status, sent.sent_at, sent.platform_ids) == ("sent", at, ["101", "102"])
    interaction = core.timeline.get(row.interaction_id)
    assert interaction.status == "sent"
    assert interaction.external_id == message_external_id(account_id, USER, "101")
    assert interaction.external_id == f"{account_id}:{USER}:101"
    assert interaction.meta["platform_ids"] == ["101", "102"]
    assert core.timeline.find_external("telegram", f"{account_id}:{USER}:101") is not None
    # A repeat changes nothing; so does a late failure report.
    assert outbox.mark_sent(row.id, ["999"]).platform_ids == ["101", "102"]
    assert outbox.mark_failed(row.id, SendFailure.PERMANENT, "late").status == "sent"
    assert _states(core, row.id) == ("sent", "sent")


def test_transient_failures_come_back_with_back_off_then_fail(
    core: Core, outbox: Outbox, chat: int, account_id: int, clock: Clock
) -> None:
    row = outbox.queue(chat, "Так", operator="Ірина", idempotency_key="t-1")
    delays = []
    for tries in range(1, 8):
        claimed = outbox.claim_next(account_id)
        assert claimed is not None and claimed.attempts == tries
        failed = outbox.mark_failed(row.id, SendFailure.NOT_REACHABLE, "Connection refused")
        assert (failed.status, failed.failure, failed.last_error) == (
            "queued",
            "not_reachable",
            "Connection refused",
        )
        assert failed.next_attempt_at is not None
        delay = (failed.next_attempt_at - clock.now).total_seconds()
        base = min(300.0, 2.0 * 2 ** (tries - 1))
        assert base <= delay <= min(300.0, base * 1.5)
        delays.append(delay)
        assert _states(core, row.id) == ("queued", "queued")
        assert outbox.claim_next(account_id) is None  # not due before its time
        clock.advance(seconds=delay)
    assert delays == sorted(delays)
    assert outbox.claim_next(account_id) is not None  # the 8th try
    failed = outbox.mark_failed(row.id, SendFailure.NOT_REACHABLE, "Connection refused")
    assert (failed.status, failed.attempts, failed.next_attempt_at) == ("failed", 8, None)
    interaction = core.timeline.get(row.interaction_id)
    assert interaction.status == "failed"
    assert interaction.meta["send_error"] == "Connection refused"
    assert interaction.meta["send_failure"] == "not_reachable"


def test_a_rate_limit_is_waited_out_as_the_platform_asks(
    outbox: Outbox, chat: int, account_id: int, clock: Clock
) -> None:
    row = outbox.queue(chat, "Так", operator="Ірина", idempotency_key="r-1")
    assert outbox.claim_next(account_id) is not None
    failed = outbox.mark_failed(
        row.id, SendFailure.RATE_LIMITED, "Too Many Requests: retry after 120", retry_after=120
    )
    assert failed.status == "queued"
    assert failed.next_attempt_at == clock.now + timedelta(seconds=120)
    clock.advance(seconds=119)
    assert outbox.claim_next(account_id) is None
    clock.advance(seconds=1)
    assert outbox.claim_next(account_id) is not None


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (SendFailure.AUTH, "Unauthorized"),
        (SendFailure.POLICY_REFUSED, "Forbidden: bot was blocked by the user"),
        (SendFailure.TOO_LARGE, "Request Entity Too Large"),
        (SendFailure.PERMANENT, "Bad Request: message text is empty"),
    ],
)
def test_other_failures_fail_at_once_with_the_platforms_reason(
    core: Core,
    outbox: Outbox,
    chat: int,
    account_id: int,
    failure: SendFailure,
    reason: str,
) -> None:
    row = outbox.queue(chat, "Так", operator="Ірина", idempotency_key="p-1")
    assert outbox.claim_next(account_id) is not None
    failed = outbox.mark_failed(row.id, failure, reason)
    assert (failed.status, failed.failure, failed.last_error) == ("failed", failure.value, reason)
    interaction = core.timeline.get(row.interaction_id)
    assert interaction.status == "failed" and interaction.meta["send_error"] == reason
    assert outbox.claim_next(account_id) is None


def test_a_refused_chat_is_said_in_the_composer_and_on_resend(
    core: Core, outbox: Outbox, chat: int, account_id: int
) -> None:
    row = outbox.queue(chat, "Так", operator="Ірина", idempotency_key="b-1")
    assert outbox.claim_next(account_id) is not None
    reason = "Forbidden: bot was blocked by the user"
    outbox.mark_failed(row.id, SendFailure.POLICY_REFUSED, reason)
    conversation = outbox.refuse_conversation(chat, reason)
    assert conversation.can_write is False
    assert conversation.meta["cannot_write_reason"] == reason
    with pytest.raises(OutboxError, match="bot was blocked"):
        outbox.resend(row.id, "Ірина")
    with pytest.raises(OutboxError, match="bot was blocked"):
        outbox.queue(chat, "Ще раз", operator="Ірина", idempotency_key="b-2")
    assert _states(core, row.id) == ("failed", "failed")


def test_mark_uncertain_when_the_request_may_have_arrived(
    core: Core, outbox: Outbox, chat: int, account_id: int
) -> None:
    row = outbox.queue(chat, "Так", operator="Ірина", idempotency_key="u-1")
    assert outbox.claim_next(account_id) is not None
    outbox.mark_uncertain(row.id, "Read timed out")
    assert _states(core, row.id) == ("uncertain", "uncertain")
    assert core.timeline.get(row.interaction_id).meta["send_error"] == "Read timed out"
    assert outbox.claim_next(account_id) is None


# --- after a crash: recover, resend, cancel --------------------------------------------


def test_recover_makes_sending_uncertain_and_leaves_queued_alone(
    core: Core, outbox: Outbox, chat: int, account_id: int
) -> None:
    other_account = _account(core, "Second bot")
    elsewhere = _conversation(core, other_account, identity="900")
    being_sent = outbox.queue(chat, "1", operator="Ірина", idempotency_key="g-1")
    waiting = outbox.queue(
        _conversation(core, account_id, identity="700400"),
        "2",
        operator="Ірина",
        idempotency_key="g-2",
    )
    theirs = outbox.queue(elsewhere, "3", operator="Ірина", idempotency_key="g-3")
    assert outbox.claim_next(account_id) is not None  # g-1
    assert outbox.claim_next(other_account) is not None  # g-3
    assert outbox.recover(account_id) == [being_sent.id]
    assert _states(core, being_sent.id) == ("uncertain", "uncertain")
    assert _states(core, theirs.id) == ("sending", "sending")  # another host's
    assert _states(core, waiting.id) == ("queued", "queued")
    assert outbox.recover() == [theirs.id]
    assert outbox.recover() == []
    got = outbox.claim_next(account_id)
    assert got is not None and got.id == waiting.id  # sent once; g-1 not again
    assert outbox.claim_next(account_id) is None


def test_resend_is_the_operators_choice_and_gets_fresh_retries(
    core: Core, outbox: Outbox, chat: int, account_id: int, clock: Clock
) -> None:
    small = Outbox(core.db, core.timeline, core.attachments, clock, max_attempts=2)
    row = small.queue(chat, "Так", operator="Ірина", idempotency_key="e-1")
    for _ in range(2):
        assert small.claim_next(account_id) is not None
        small.mark_failed(row.id, SendFailure.NOT_REACHABLE, "Connection refused")
        clock.advance(minutes=10)
    assert small.get(row.id).status == "failed"
    with pytest.raises(OutboxError, match="operator's name"):
        small.resend(row.id, "")
    again = small.resend(row.id, "Ігор")
    assert (again.status, again.attempts, again.next_attempt_at) == ("queued", 2, clock.now)
    assert (again.failure, again.last_error) == (None, "")
    meta = core.timeline.get(row.interaction_id).meta
    assert meta["resends"] == [
        {"by": "Ігор", "at": clock.now.isoformat(), "was": "failed", "error": "Connection refused"}
    ]
    with pytest.raises(OutboxError, match="is being sent already"):
        small.resend(row.id, "Ігор")
    # Two more automatic tries after the operator's press, not none.
    assert small.claim_next(account_id) is not None
    assert small.mark_failed(row.id, SendFailure.NOT_REACHABLE, "down").status == "queued"
    clock.advance(minutes=10)
    assert small.claim_next(account_id) is not None
    small.mark_sent(row.id, ["7"])
    with pytest.raises(OutboxError, match="was sent already"):
        small.resend(row.id, "Ігор")
    with pytest.raises(MessageNotFound, match="#9999 does not exist"):
        small.resend(9999, "Ігор")


def test_an_uncertain_message_is_resent_only_when_the_operator_says_so(
    core: Core, outbox: Outbox, chat: int, account_id: int, clock: Clock
) -> None:
    row = outbox.queue(chat, "Так", operator="Ірина", idempotency_key="w-1")
    assert outbox.claim_next(account_id) is not None
    outbox.recover(account_id)
    clock.advance(hours=1)
    assert outbox.claim_next(account_id) is None
    outbox.resend(row.id, "Ірина")
    assert core.timeline.get(row.interaction_id).meta["resends"][0]["was"] == "uncertain"
    got = outbox.claim_next(account_id)
    assert got is not None and (got.id, got.attempts) == (row.id, 2)


def test_cancel_takes_a_queued_message_out_of_the_queue(
    core: Core, outbox: Outbox, chat: int, account_id: int
) -> None:
    row = outbox.queue(chat, "Не те", operator="Ірина", idempotency_key="x-1")
    cancelled = outbox.cancel(row.id, "Ірина")
    assert (cancelled.status, cancelled.failure, cancelled.last_error) == (
        "failed",
        "permanent",
        "cancelled by Ірина",
    )
    assert core.timeline.get(row.interaction_id).meta["cancelled_by"] == "Ірина"
    assert _states(core, row.id) == ("failed", "failed")
    assert outbox.claim_next(account_id) is None
    with pytest.raises(OutboxError, match="not waiting to be sent"):
        outbox.cancel(row.id, "Ірина")
    sending = outbox.queue(chat, "Так", operator="Ірина", idempotency_key="x-2")
    assert outbox.claim_next(account_id) is not None
    with pytest.raises(OutboxError, match="being sent already; it can't be cancelled"):
        outbox.cancel(sending.id, "Ірина")
    outbox.mark_sent(sending.id, ["8"])
    with pytest.raises(OutboxError, match="was sent already"):
        outbox.cancel(sending.id, "Ірина")


def test_a_message_that_may_not_have_been_sent_is_settled_by_cancelling_it(
    core: Core, outbox: Outbox, chat: int, account_id: int
) -> None:
    """The operator looked in the chat (the customer has it, or it no longer
    matters): not sent again, and the question is answered."""
    row = outbox.queue(chat, "Дякуємо!", operator="Ірина", idempotency_key="u-1")
    assert outbox.claim_next(account_id) is not None
    outbox.mark_uncertain(row.id, "read timed out")
    cancelled = outbox.cancel(row.id, "Ірина")
    assert (cancelled.status, cancelled.last_error) == ("failed", "cancelled by Ірина")
    assert _states(core, row.id) == ("failed", "failed")
    assert outbox.claim_next(account_id) is None
    outbox.resend(row.id, "Ірина")  # still the operator's to send after all
    assert _states(core, row.id) == ("queued", "queued")


def test_views(core: Core, outbox: Outbox, chat: int, account_id: int) -> None:
    rows = [
        outbox.queue(chat, f"m{i}", operator="Ірина", idempotency_key=f"v{i}") for i in range(4)
    ]
    assert outbox.claim_next(account_id) is not None
    outbox.mark_sent(rows[0].id, ["1"])
    assert outbox.claim_next(account_id) is not None  # rows[1] sending
    assert [r.id for r in outbox.pending(account_id)] == [r.id for r in rows[1:]]
    assert [r.id for r in outbox.for_conversation(chat, limit=3)] == [
        rows[3].id,
        rows[2].id,
        rows[1].id,
    ]
    assert outbox.get(rows[0].id).status == "sent"
    with pytest.raises(MessageNotFound):
        outbox.get(9999)


# --- restarts and crashes ------------------------------------------------------------


@pytest.fixture
def open_core(app_paths: AppPaths) -> Iterator[Callable[[str], Core]]:
    opened: list[Core] = []

    def make(url: str) -> Core:
        core = _open_core(app_paths, url)
        opened.append(core)
        return core

    yield make
    for core in opened:
        core.close()


def test_a_queued_message_survives_a_restart_and_is_sent_once(
    db_url: str, open_core: Callable[[str], Core]
) -> None:
    core = open_core(db_url)
    account_id = _account(core)
    chat = _conversation(core, account_id)
    row = _outbox(core).queue(chat, "Так", operator="Ірина", idempotency_key="restart-1")
    core.close()

    core = open_core(db_url)  # the next start
    outbox = _outbox(core)
    assert outbox.recover(account_id) == []
    claimed = outbox.claim_next(account_id)
    assert claimed is not None and claimed.id == row.id
    outbox.mark_sent(row.id, ["55"])
    assert outbox.claim_next(account_id) is None
    core.close()

    core = open_core(db_url)  # and the one after
    outbox = _outbox(core)
    assert outbox.recover(account_id) == []
    assert outbox.claim_next(account_id) is None
    assert _states(core, row.id) == ("sent", "sent")
    assert outbox.get(row.id).attempts == 1


def _seeded_databases(
    db_url: str,
    request: pytest.FixtureRequest,
    paths: AppPaths,
    tmp_path: Path,
    seed: Callable[[Core], None],
) -> Iterator[str]:
    """A new database for each crash, copied from one migrated and seeded template."""
    if db_url.startswith("sqlite"):
        template = Path(db_url.removeprefix("sqlite:///"))
        core = _open_core(paths, db_url)
        seed(core)
        core.close()
        for n in range(1000):
            copy = tmp_path / f"crash-{n}.db"
            copy.write_bytes(template.read_bytes())
            yield f"sqlite:///{copy}"
        return
    server = request.getfixturevalue("pg_server")
    seeded = server.create_database(template=request.getfixturevalue("pg_template"))
    core = _open_core(paths, server.url(seeded))
    seed(core)
    core.close()
    made: list[str] = []
    try:
        for _ in range(1000):
            made.append(server.create_database(template=seeded))
            if len(made) > 1:
                server.drop_database(made.pop(0))
            yield server.url(made[-1])
    finally:
        for name in [*made, seeded]:
            server.drop_database(name)


def _die_after_statement(kill_at: int) -> None:
    executed = 0

    def after_statement(*_args: Any) -> None:
        nonlocal executed
        executed += 1
        if executed == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Engine, "after_cursor_execute", after_statement)


def _seed_chat(core: Core) -> None:
    account_id = _account(core)
    _conversation(core, account_id)


def _queue_once(core: Core, photo: Path) -> OutboxMessage:
    with core.db.session() as s:
        chat = s.exec(select(Conversation.id)).one()
    return _outbox(core).queue(
        chat,
        "Ваше замовлення",
        operator="Ірина",
        idempotency_key="crash-q",
        attachments=[photo],
    )


def _queue_and_die_at(paths: AppPaths, url: str, photo: Path, kill_at: int) -> None:
    core = _open_core(paths, url)
    _die_after_statement(kill_at)
    _queue_once(core, photo)
    os._exit(0)  # every statement ran: the message is committed


def test_a_crash_at_any_statement_of_queue_keeps_all_rows_or_none(
    db_url: str, request: pytest.FixtureRequest, tmp_path: Path, app_paths: AppPaths
) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8photo")
    fork = multiprocessing.get_context("fork")
    databases = _seeded_databases(db_url, request, app_paths, tmp_path, _seed_chat)
    outcomes = []
    for kill_at in range(1, 80):
        url = next(databases)
        child = fork.Process(target=_queue_and_die_at, args=(app_paths, url, photo, kill_at))
        child.start()
        child.join(timeout=60)
        assert child.exitcode in (0, -signal.SIGKILL), child.exitcode
        core = _open_core(app_paths, url)
        try:
            kept = _counts(core, "crash-q")
            assert kept in ((0, 0, 0), (1, 1, 1)), f"killed after statement {kill_at}: {kept}"
            retried = _queue_once(core, photo)  # the composer tries again with its key
            assert _counts(core, "crash-q") == (1, 1, 1)
            assert _states(core, retried.id) == ("queued", "queued")
        finally:
            core.close()
        outcomes.append(kept)
        if child.exitcode == 0:
            break
    else:
        pytest.fail("queue never finished: more statements than expected")
    assert (0, 0, 0) in outcomes and outcomes[-1] == (1, 1, 1)


def _seed_queued(core: Core) -> None:
    account_id = _account(core)
    chat = _conversation(core, account_id)
    _outbox(core).queue(chat, "Ваше замовлення", operator="Ірина", idempotency_key="crash-s")


def _send_once(core: Core, platform: Path) -> bool:
    """One turn of a sender: claim, make the "request" (a line appended to
    ``platform``, fsynced, as a Bot API server would store the message), mark
    sent. False when nothing was claimed."""
    with core.db.session() as s:
        account_id = s.exec(select(ChannelAccount.id)).one()
    outbox = _outbox(core)
    row = outbox.claim_next(account_id)
    if row is None:
        return False
    with platform.open("a") as out:
        out.write(f"{row.id}\n")
        out.flush()
        os.fsync(out.fileno())
    outbox.mark_sent(row.id, [f"p{row.id}"])
    return True


def _send_and_die_at(paths: AppPaths, url: str, platform: Path, kill_at: int) -> None:
    core = _open_core(paths, url)
    _die_after_statement(kill_at)
    _send_once(core, platform)
    os._exit(0)


def test_a_crash_at_any_statement_of_a_send_never_sends_twice(
    db_url: str, request: pytest.FixtureRequest, tmp_path: Path, app_paths: AppPaths
) -> None:
    """After the kill the message is queued, sending or sent, its timeline row
    says the same; the next start's ``recover`` makes sending uncertain; it
    reached the platform at most once, and when not at all it is queued (and
    then sent) or shown as uncertain."""
    fork = multiprocessing.get_context("fork")
    databases = _seeded_databases(db_url, request, app_paths, tmp_path, _seed_queued)
    outcomes = []
    for kill_at in range(1, 80):
        url = next(databases)
        platform = tmp_path / f"platform-{kill_at}.log"
        platform.touch()
        child = fork.Process(target=_send_and_die_at, args=(app_paths, url, platform, kill_at))
        child.start()
        child.join(timeout=60)
        assert child.exitcode in (0, -signal.SIGKILL), child.exitcode
        core = _open_core(app_paths, url)
        try:
            with core.db.session() as s:
                message_id = s.exec(select(OutboxMessage.id)).one()
            assert message_id is not None
            after_kill = _states(core, message_id)
            assert after_kill in (
                ("queued", "queued"),
                ("sending", "sending"),
                ("sent", "sent"),
            ), f"killed after statement {kill_at}: {after_kill}"
            recovered = _outbox(core).recover()
            assert recovered == ([message_id] if after_kill[0] == "sending" else [])
            while _send_once(core, platform):  # the next start's sender
                pass
            final = _states(core, message_id)
            requests = platform.read_text().split()
            assert len(requests) <= 1, f"killed after statement {kill_at}: sent twice"
            if after_kill[0] == "sending":
                assert final == ("uncertain", "uncertain")  # offered, never resent
            else:
                assert final == ("sent", "sent") and requests == [str(message_id)]
        finally:
            core.close()
        outcomes.append(after_kill[0])
        if child.exitcode == 0:
            break
    else:
        pytest.fail("the send never finished: more statements than expected")
    assert {"queued", "sending"} <= set(outcomes) and outcomes[-1] == "sent"


def test_a_policy_refusal_makes_the_chat_unwritable_in_the_same_commit(
    core: Core, outbox: Outbox, chat: int
) -> None:
    """Whoever sees the message failed sees the chat refused too (the composer
    and the sender's next claim read both)."""
    row = outbox.queue(chat, "Ваше замовлення готове", operator="Ірина", idempotency_key="p-1")
    assert row.id is not None
    outbox.claim_next(row.account_id)
    seen: list[Changes] = []
    core.db.changes.subscribe(seen.append)
    outbox.mark_failed(row.id, SendFailure.POLICY_REFUSED, "Forbidden: bot was blocked by the user")
    conversation = core.conversations.get(chat)
    assert conversation.can_write is False
    assert "blocked" in conversation.meta["cannot_write_reason"]
    assert len(seen) == 1 and chat in seen[0].conversations and row.id in seen[0].outbox

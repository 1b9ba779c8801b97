"""The "waiting for reply" inbox on SQLite and PostgreSQL: every channel and
account in one list, the customer who has waited longest first (not the one
who wrote last), filtered by assignee and channel, paged by keyset, each entry
with its preview, in one query; and the wait clock's amber and red thresholds
as settings."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.conversation_feed import MessageKind
from app.core import Core
from app.inbox import InboundFile, InboundMessage
from app.models import Channel, ChannelAccount
from app.settings import Settings, SettingsError
from app.waiting_inbox import Show, WaitingInbox, WaitLevel, WaitThresholds, wait_level
from tests.statements import statements

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _account(core: Core, label: str) -> int:
    with core.db.session() as s:
        row = ChannelAccount(kind="telegram", label=label)
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def _write(
    core: Core, account_id: int, user: str, minute: int, text: str | None = None, **kw: object
) -> int:
    fields: dict[str, object] = {
        "account_id": account_id,
        "channel": Channel.TELEGRAM,
        "external_id": f"{account_id}:{user}:{minute}",
        "identity": user,
        "sent_at": T0 + timedelta(minutes=minute),
        "text": f"питання о {minute}" if text is None else text,
        "sender_title": f"Клієнт {user}",
        "sender_username": f"user{user}",
    }
    fields.update(kw)
    (stored,) = core.inbox.store([InboundMessage(**fields)])  # type: ignore[arg-type]
    return stored.conversation_id


@pytest.fixture
def inbox(core: Core) -> WaitingInbox:
    return WaitingInbox(core.db)


def test_the_longest_waiting_comes_first_not_the_last_to_write(
    core: Core, inbox: WaitingInbox
) -> None:
    shop, support = _account(core, "Shop bot"), _account(core, "Support bot")
    first = _write(core, shop, "1", 0)
    second = _write(core, support, "2", 10)
    _write(core, shop, "1", 30, "ще раз: де моє замовлення?")  # wrote again, waits since 0
    answered = _write(core, shop, "3", 5)
    core.outbox.queue(answered, "Відповідь", operator="Ірина", idempotency_key="a")
    page = inbox.entries()
    assert [e.conversation_id for e in page.entries] == [first, second]
    one, two = page.entries
    assert (one.account_label, two.account_label) == ("Shop bot", "Support bot")
    assert one.waiting_since == T0 and one.unread == 2
    assert one.preview is not None and one.preview.text == "ще раз: де моє замовлення?"
    assert (one.customer_id, one.customer_name, one.title, one.username) == (
        None,
        "",
        "Клієнт 1",
        "user1",
    )
    assert one.display_name == "Клієнт 1"
    customer = core.customers.create("Олена Петренко")
    core.conversations.link(first, customer.id)
    linked = inbox.entries().entries[0]
    assert (linked.customer_id, linked.display_name) == (customer.id, "Олена Петренко")
    assert page.after is None


def test_filters_mine_unassigned_and_per_channel(core: Core, inbox: WaitingInbox) -> None:
    shop = _account(core, "Shop bot")
    mine, theirs, nobodys = (_write(core, shop, user, n) for n, user in enumerate("abc"))
    core.conversations.assign(mine, "Ірина")
    core.conversations.assign(theirs, "Петро")

    def ids(**kw: object) -> list[int]:
        return [e.conversation_id for e in inbox.entries(**kw).entries]  # type: ignore[arg-type]

    assert ids() == [mine, theirs, nobodys]
    assert ids(show=Show.MINE, operator="Ірина") == [mine]
    assert ids(show=Show.UNASSIGNED) == [nobodys]
    assert ids(channel="telegram") == [mine, theirs, nobodys]
    assert ids(channel="whatsapp") == []
    assert inbox.entries().entries[0].assignee == "Ірина"


def test_previews_are_the_last_message_in_one_line_or_its_kind(
    core: Core, inbox: WaitingInbox, tmp_path: Path
) -> None:
    shop = _account(core, "Shop bot")
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"z" * 100)
    long_text = "Добрий день!\nМоє замовлення\n\nне прийшло. " * 20
    _write(core, shop, "1", 0, long_text)
    file = (InboundFile(kind="photo", filename="p.jpg", mime="image/jpeg", path=photo),)
    _write(core, shop, "2", 1, "", kind="photo", files=file)
    _write(core, shop, "3", 2, "[poll]", kind="poll")
    text, picture, poll = (e.preview for e in inbox.entries().entries)
    assert text is not None and text.kind is MessageKind.TEXT
    assert "\n" not in text.text and 90 < len(text.text) <= 100 and text.text.endswith("…")
    assert text.text.startswith("Добрий день! Моє замовлення не прийшло.")
    assert picture is not None and (picture.text, picture.kind) == ("", MessageKind.PHOTO)
    assert poll is not None and (poll.text, poll.kind) == ("", MessageKind.UNKNOWN)


def test_an_emails_preview_is_the_customers_own_words_not_the_quote(
    core: Core, inbox: WaitingInbox
) -> None:
    with core.db.session() as s:
        mailbox = ChannelAccount(kind="email", label="shop@shop.example")
        s.add(mailbox)
        s.flush()
        assert mailbox.id is not None
        account_id = mailbox.id
    text = (
        "Розмір M підходить, беру.\n\n-- \nАнна\nтел. +380501234567\n\n"
        "чт, 3 груд. 2026 р. о 18:02 Магазин <shop@shop.example> пише:\n> Чи підходить M?\n"
    )
    _write(core, account_id, "anna@customer.example", 0, text, channel=Channel.EMAIL)
    (entry,) = inbox.entries().entries
    assert entry.preview is not None
    assert entry.preview.text == "Розмір M підходить, беру."
    # A message that is all quote still shows something.
    _write(
        core, account_id, "boris@customer.example", 1, "> Чи підходить M?", channel=Channel.EMAIL
    )
    shown = {e.identity: e.preview.text for e in inbox.entries().entries if e.preview}
    assert shown["boris@customer.example"] == "> Чи підходить M?"


def test_pages_by_keyset_in_one_query(core: Core, inbox: WaitingInbox) -> None:
    shop = _account(core, "Shop bot")
    chats = [_write(core, shop, str(100 + n), n % 7) for n in range(25)]  # ties in time
    seen: list[int] = []
    after = None
    counts = []
    while True:
        with statements(core.db) as sent:
            page = inbox.entries(limit=10, after=after)
        counts.append(len(sent))
        seen.extend(e.conversation_id for e in page.entries)
        if page.after is None:
            break
        after = page.after
    assert sorted(seen) == sorted(chats) and len(seen) == len(set(seen))
    assert [c for c in seen] == [e.conversation_id for e in inbox.entries(limit=100).entries]
    assert counts == [1, 1, 1]  # previews included


def test_the_wait_clock_turns_amber_then_red() -> None:
    thresholds = WaitThresholds.from_settings(Settings())
    assert (thresholds.amber, thresholds.red) == (timedelta(minutes=5), timedelta(minutes=15))
    assert thresholds.level(timedelta(minutes=4, seconds=59)) is WaitLevel.NORMAL
    assert thresholds.level(timedelta(minutes=5)) is WaitLevel.AMBER
    assert wait_level(timedelta(minutes=15), thresholds) is WaitLevel.RED
    assert thresholds.until_next_level(timedelta(minutes=3)) == timedelta(minutes=2)
    assert thresholds.until_next_level(timedelta(minutes=6)) == timedelta(minutes=9)
    assert thresholds.until_next_level(timedelta(hours=1)) is None


@pytest.mark.parametrize(
    ("amber", "red", "message"),
    [
        (0, 15, "waiting_amber_minutes must be between 1 minute and a day."),
        (15, 15, "waiting_red_minutes must be more than waiting_amber_minutes (15)"),
        (5, 7 * 24 * 60 + 1, "and at most a week"),
    ],
)
def test_thresholds_that_cant_work_are_refused(amber: int, red: int, message: str) -> None:
    settings = Settings(waiting_amber_minutes=amber, waiting_red_minutes=red)
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        settings.validate()


def test_a_hand_edited_pair_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text(
        json.dumps(
            {"waiting_amber_minutes": 30, "waiting_red_minutes": 10, "operator_name": "Ірина"}
        ),
        encoding="utf-8",
    )
    loaded = Settings.read(path)
    assert (loaded.settings.waiting_amber_minutes, loaded.settings.waiting_red_minutes) == (5, 15)
    assert set(loaded.reset) == {"waiting_amber_minutes", "waiting_red_minutes"}
    assert loaded.settings.operator_name == "Ірина"
    Settings(waiting_amber_minutes=2, waiting_red_minutes=4).save(path)
    assert Settings.load(path).waiting_red_minutes == 4

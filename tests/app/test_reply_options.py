"""What the composer says before the operator types, on SQLite and PostgreSQL:
whether the chat can be written and why not (in words the window translates),
as the platform's refusals leave it (the sender's path: a failed send, then
``refuse_conversation``; or Telegram's my_chat_member through
``set_writable``); the reply window; our account switched off; the counter's
limit and how many messages a long text goes as; and the other ways to reach
the customer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.core import Core
from app.customers import ContactInput
from app.enums import SendFailure
from app.inbox import InboundMessage
from app.messages import QT_TRANSLATE_NOOP
from app.models import Channel, ChannelAccount, Conversation
from app.refusals import Refusal, refusal_notice
from app.reply_options import ReplyOptionsReader, TextUnit
from app.templates import split_message, utf16_length

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
USER = "700100"


def _account(core: Core, label: str = "Shop bot", enabled: bool = True) -> int:
    with core.db.session() as s:
        row = ChannelAccount(kind="telegram", label=label, enabled=enabled)
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def _chat(core: Core, account_id: int, user: str = USER, n: int = 1) -> int:
    (stored,) = core.inbox.store(
        [
            InboundMessage(
                account_id=account_id,
                channel=Channel.TELEGRAM,
                external_id=f"{account_id}:{user}:{n}",
                identity=user,
                sent_at=T0 + timedelta(minutes=n),
                text="Добрий день",
                sender_title="Олена",
            )
        ]
    )
    return stored.conversation_id


@pytest.fixture
def reader(core: Core) -> ReplyOptionsReader:
    return ReplyOptionsReader(core.db, clock=lambda: T0 + timedelta(hours=1))


def test_a_chat_that_can_be_written_has_telegrams_limit(
    core: Core, reader: ReplyOptionsReader
) -> None:
    chat = _chat(core, _account(core))
    options = reader.options(chat)
    assert options.can_write and options.notice is None and options.refusal is None
    assert (options.channel, options.account_label) == ("telegram", "Shop bot")
    limit = options.text_limit
    assert limit is not None and (limit.limit, limit.unit) == (4096, TextUnit.UTF16)
    assert limit.measure("").parts == 0 and limit.measure("   ").parts == 0
    full = limit.measure("а" * 4096)
    assert (full.length, full.parts, full.over) == (4096, 1, False)
    assert limit.measure("😀" * 2048).parts == 1  # 4,096 UTF-16 units
    emoji = limit.measure("😀" * 2049)
    assert (emoji.length, emoji.parts, emoji.over) == (4098, 2, True)
    paste = ("Рядок замовлення номер сорок два. " * 3000)[:100_000]
    measured = limit.measure(paste)
    assert measured.length == utf16_length(paste)
    assert measured.parts == len(split_message(paste, 4096, utf16_length)) == 25


@pytest.mark.parametrize(
    ("words", "refusal"),
    [
        ("Forbidden: bot was blocked by the user", Refusal.BLOCKED),
        ("Forbidden: bot can't initiate conversation with a user", Refusal.CANNOT_WRITE_FIRST),
        ("Bad Request: chat not found", Refusal.CHAT_NOT_FOUND),
        ("Forbidden: user is deactivated", Refusal.CUSTOMER_ACCOUNT_DELETED),
        ("Forbidden: bot was kicked from the group chat", Refusal.NO_RIGHTS),
        ("Forbidden: something new", Refusal.OTHER),
    ],
)
def test_a_refused_send_makes_the_composer_say_why_before_typing(
    core: Core, reader: ReplyOptionsReader, words: str, refusal: Refusal
) -> None:
    account_id = _account(core)
    chat = _chat(core, account_id)
    row = core.outbox.queue(chat, "Привіт", operator="Ірина", idempotency_key="k")
    assert row.id is not None
    core.outbox.claim_next(account_id)
    core.outbox.mark_failed(row.id, SendFailure.POLICY_REFUSED, words)
    core.outbox.refuse_conversation(chat, words)  # as the host's sender does
    options = reader.options(chat)
    assert not options.can_write
    assert options.refusal is refusal
    assert options.notice == refusal_notice(refusal, words)
    assert options.platform_reason == words
    if refusal is Refusal.OTHER:
        assert str(options.notice) == f"The platform doesn't let us write to this chat: {words}"
    else:
        assert words not in str(options.notice)  # the operator's words, not the platform's


def test_a_user_who_blocked_the_bot_and_wrote_again_can_be_answered(
    core: Core, reader: ReplyOptionsReader
) -> None:
    account_id = _account(core)
    chat = _chat(core, account_id)
    core.conversations.set_writable(account_id, USER, False, "the user blocked the bot")
    options = reader.options(chat)
    assert options.refusal is Refusal.BLOCKED
    assert options.notice is not None
    assert options.notice.template == QT_TRANSLATE_NOOP(
        "core",
        "The customer has blocked the bot. Messages reach them again once they write to it.",
    )
    _chat(core, account_id, n=2)  # they started the bot again and wrote
    assert reader.options(chat).can_write


def test_the_reply_window_and_a_switched_off_account(
    core: Core, reader: ReplyOptionsReader
) -> None:
    account_id = _account(core)
    chat = _chat(core, account_id)
    with core.db.session() as s:
        row = s.get(Conversation, chat)
        assert row is not None
        row.reply_window_until = T0 + timedelta(hours=2)  # an hour left
        s.add(row)
    options = reader.options(chat)
    assert options.can_write and options.reply_window_until == T0 + timedelta(hours=2)
    closed = ReplyOptionsReader(core.db, clock=lambda: T0 + timedelta(hours=3)).options(chat)
    assert not closed.can_write and closed.refusal is Refusal.WINDOW_CLOSED
    assert closed.reply_window_until is None
    assert "approved template" in str(closed.notice)
    off = _account(core, "Old bot", enabled=False)
    options = reader.options(_chat(core, off, user="900"))
    assert not options.can_write and options.refusal is Refusal.ACCOUNT_OFF
    assert str(options.notice) == "The account Old bot is switched off in Settings."


def test_the_alternatives_are_the_customers_writable_chats_and_phones(
    core: Core, reader: ReplyOptionsReader
) -> None:
    shop, support, old = _account(core), _account(core, "Support bot"), _account(core, "Old bot")
    chat = _chat(core, shop)
    unknown = reader.options(chat)
    assert unknown.other_conversations == () and unknown.phones == ()  # no customer yet
    customer = core.customers.create(
        "Олена",
        [ContactInput("phone", "+380671112233", "mobile"), ContactInput("phone", "0441234567")],
    )
    core.conversations.link(chat, customer.id)
    other = _chat(core, support)
    blocked = _chat(core, shop, user="800")
    off = _chat(core, old, user="801")
    for conversation_id in (other, blocked, off):
        core.conversations.link(conversation_id, customer.id)
    core.conversations.set_writable(shop, "800", False, "the user blocked the bot")
    with core.db.session() as s:
        account = s.get(ChannelAccount, old)
        assert account is not None
        account.enabled = False
        s.add(account)
    core.conversations.set_writable(shop, USER, False, "the user blocked the bot")
    options = reader.options(chat)
    assert not options.can_write
    assert [(o.conversation_id, o.account_label) for o in options.other_conversations] == [
        (other, "Support bot")
    ]
    assert [(p.number, p.label) for p in options.phones] == [
        ("+380671112233", "mobile"),
        ("+380441234567", ""),
    ]


def test_a_conversation_that_does_not_exist_is_said(reader: ReplyOptionsReader) -> None:
    with pytest.raises(ValueError, match="Conversation #404 does not exist"):
        reader.options(404)

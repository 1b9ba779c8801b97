"""Telegram bot rows (app/channel_accounts.py) on SQLite and PostgreSQL: the
token in the keyring only, checked by the Bot API client's own rules before
anything is written; an empty token keeps the stored one; one bot is one
account; deleting a bot deletes its token and its conversations, keeps its
messages on the timeline and says what it had not sent."""

from __future__ import annotations

import keyring.errors
import pytest
from keyring.backends import fail
from sqlalchemy import text
from sqlmodel import func, select

from app.changes import Changes
from app.channel_accounts import (
    MAILBOX_REMOVED_REASON,
    REMOVED_REASON,
    ChannelAccountError,
    TelegramBot,
    delete_channel_account,
    list_telegram_bots,
    save_telegram_bot,
)
from app.channel_settings import BadChannelSetting, check_bot_server
from app.core import Core
from app.customers import ContactInput
from app.inbox import InboundMessage
from app.memory_keyring import MemoryKeyring
from app.models import Channel, ChannelAccount, Conversation, Interaction, utcnow
from app.secrets import SecretKind, SecretStore, SecretsUnavailable

TOKEN = "7012345678:AAE5sQw-Xy_zx0123456789abcdefGHIJK"
OTHER_BOT = "7099999999:AAF00000000000000000000000000000000"
SELF_HOSTED = "http://127.0.0.1:8081"


def _row_values(core: Core) -> list[str]:
    with core.db.session() as s:
        return [str(v) for r in s.execute(text("SELECT * FROM channelaccount")) for v in r]


def _count(core: Core, model: type) -> int:
    with core.db.session() as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


def test_a_new_bot_keeps_its_token_in_the_keyring_only(core: Core) -> None:
    saved = save_telegram_bot(
        core, TelegramBot("Shop bot", server=f" {SELF_HOSTED}/ "), f"  {TOKEN}\n"
    )
    assert saved.id is not None
    assert (saved.label, saved.enabled, saved.server) == ("Shop bot", True, SELF_HOSTED)
    assert core.secrets.get(SecretKind.CHANNEL, saved.id) == TOKEN  # as BotFather issued it
    values = _row_values(core)
    assert "Shop bot" in values and not any(TOKEN in v for v in values)
    assert not any(TOKEN.split(":")[1] in v for v in values)
    with core.db.session() as s:
        row = s.get(ChannelAccount, saved.id)
        assert row is not None and row.kind == "telegram"
        assert row.config == {"server": SELF_HOSTED}  # what the channel reads
    assert list_telegram_bots(core) == [saved]


def test_the_public_server_is_the_default_and_is_not_stored(core: Core) -> None:
    saved = save_telegram_bot(core, TelegramBot("Shop"), TOKEN)
    assert saved.server == ""
    again = save_telegram_bot(
        core, TelegramBot("Shop", server="https://api.telegram.org/", id=saved.id), None
    )
    assert again.server == ""
    moved = save_telegram_bot(core, TelegramBot("Shop", server=SELF_HOSTED, id=saved.id), None)
    assert moved.server == SELF_HOSTED
    back = save_telegram_bot(core, TelegramBot("Shop", server="", id=saved.id), None)
    with core.db.session() as s:
        row = s.get(ChannelAccount, back.id)
        assert row is not None and "server" not in row.config


def test_an_empty_token_keeps_the_stored_one_and_a_new_one_replaces_it(core: Core) -> None:
    saved = save_telegram_bot(core, TelegramBot("Shop bot"), TOKEN)
    assert saved.id is not None
    renamed = save_telegram_bot(core, TelegramBot("Shop", enabled=False, id=saved.id), "")
    assert (renamed.label, renamed.enabled) == ("Shop", False)
    assert core.secrets.get(SecretKind.CHANNEL, saved.id) == TOKEN
    new_token = TOKEN.split(":")[0] + ":AAHnewnewnewnewnewnewnewnewnewnew12"
    save_telegram_bot(core, TelegramBot("Shop", id=saved.id), new_token)  # revoked and reissued
    assert core.secrets.get(SecretKind.CHANNEL, saved.id) == new_token
    assert len(list_telegram_bots(core)) == 1


def test_a_nameless_bot_is_named_by_its_id(core: Core) -> None:
    saved = save_telegram_bot(core, TelegramBot("   "), TOKEN)
    assert saved.label == f"Telegram #{saved.id}"


@pytest.mark.parametrize(
    ("bot", "token", "said"),
    [
        (TelegramBot("A"), "", "Enter the bot's token"),
        (TelegramBot("A"), TOKEN[:12] + "\n" + TOKEN[12:], "spaces or line breaks"),
        (TelegramBot("A"), "123:short", "This is not a bot token"),
        (TelegramBot("A", server="api.telegram.org"), TOKEN, "must start with https://"),
        (TelegramBot("A", server="not a url"), TOKEN, "must start with https://"),
        (TelegramBot("A", server="http://host:99999"), TOKEN, "is not a URL"),
        (TelegramBot("A", server="https://h/?x=1"), TOKEN, "is not a base address"),
        (TelegramBot("A" * 201), TOKEN, "at most 200 characters"),
    ],
)
def test_what_can_not_work_is_refused_before_anything_is_written(
    core: Core, bot: TelegramBot, token: str, said: str
) -> None:
    with pytest.raises(ValueError, match=said) as refused:
        save_telegram_bot(core, bot, token)
    assert isinstance(refused.value, ChannelAccountError | BadChannelSetting)
    assert _count(core, ChannelAccount) == 0


def test_an_update_of_a_bot_deleted_meanwhile_is_refused(core: Core) -> None:
    saved = save_telegram_bot(core, TelegramBot("Shop"), TOKEN)
    assert saved.id is not None
    delete_channel_account(core, saved.id)
    with pytest.raises(ChannelAccountError, match="no longer exists"):
        save_telegram_bot(core, TelegramBot("Shop", id=saved.id), None)
    assert _count(core, ChannelAccount) == 0


def test_one_bot_is_one_account(core: Core) -> None:
    first = save_telegram_bot(core, TelegramBot("Shop bot"), TOKEN)
    # A token BotFather issued again for the same bot: the same bot id.
    again = TOKEN.split(":")[0] + ":AAHreissuedreissuedreissued0000000"
    with pytest.raises(ChannelAccountError, match="saved already, as “Shop bot”"):
        save_telegram_bot(core, TelegramBot("Shop bot 2"), again)
    assert [b.id for b in list_telegram_bots(core)] == [first.id]
    second = save_telegram_bot(core, TelegramBot("Delivery bot"), OTHER_BOT)
    with pytest.raises(ChannelAccountError, match="as “Shop bot”"):
        save_telegram_bot(core, TelegramBot("Delivery bot", id=second.id), again)
    assert second.id is not None
    assert core.secrets.get(SecretKind.CHANNEL, second.id) == OTHER_BOT


def test_no_keyring_writes_nothing(core: Core) -> None:
    core.secrets = SecretStore(fail.Keyring())
    with pytest.raises(SecretsUnavailable):
        save_telegram_bot(core, TelegramBot("Shop"), TOKEN)
    assert _count(core, ChannelAccount) == 0


class RefusingKeyring(MemoryKeyring):
    """A keyring that is there but refuses to store (a locked collection)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the collection is locked")


def test_a_new_bot_the_keyring_refuses_is_not_kept(core: Core) -> None:
    core.secrets = SecretStore(RefusingKeyring())
    with pytest.raises(SecretsUnavailable, match="refused the password"):
        save_telegram_bot(core, TelegramBot("Shop"), TOKEN)
    assert _count(core, ChannelAccount) == 0


def test_deleting_a_bot_deletes_its_token_and_says_what_it_had_not_sent(core: Core) -> None:
    saved = save_telegram_bot(core, TelegramBot("Shop bot"), TOKEN)
    kept = save_telegram_bot(core, TelegramBot("Delivery bot"), OTHER_BOT)
    assert saved.id is not None and kept.id is not None
    olena = core.customers.create("Олена", [ContactInput("telegram", "700100")])
    (stored,) = core.inbox.store(
        [
            InboundMessage(
                account_id=saved.id,
                channel=Channel.TELEGRAM,
                external_id=f"{saved.id}:700100:1",
                identity="700100",
                sent_at=utcnow(),
                text="Чи є розмір M?",
            )
        ]
    )
    assert stored.customer_id == olena.id
    queued = core.outbox.queue(
        stored.conversation_id, "Так", operator="Ірина", idempotency_key="k1"
    )
    second = core.outbox.queue(stored.conversation_id, "Ще", operator="Ірина", idempotency_key="k2")
    claimed = core.outbox.claim_next(saved.id)  # being sent as the bot is deleted
    assert claimed is not None and claimed.id == queued.id
    seen: list[Changes] = []
    core.db.changes.subscribe(seen.append)

    delete_channel_account(core, saved.id)

    assert core.secrets.get(SecretKind.CHANNEL, saved.id) is None
    assert core.secrets.get(SecretKind.CHANNEL, kept.id) == OTHER_BOT
    assert [b.id for b in list_telegram_bots(core)] == [kept.id]
    assert _count(core, Conversation) == 0
    with core.db.session() as s:
        rows = {r.id: r for r in s.exec(select(Interaction))}
    assert len(rows) == 3  # the customer's message and both replies stay on the timeline
    inbound = rows[stored.interaction_id]
    assert inbound.body == "Чи є розмір M?" and inbound.customer_id == olena.id
    sending, waiting = rows[queued.interaction_id], rows[second.interaction_id]
    assert (sending.status, sending.meta["send_error"]) == ("uncertain", REMOVED_REASON)
    assert (waiting.status, waiting.meta["send_failure"]) == ("failed", "permanent")
    assert waiting.meta["send_error"] == REMOVED_REASON == "The bot was removed in Settings."
    changed = Changes()
    for one in seen:
        changed = changed | one
    assert stored.conversation_id in changed.conversations
    assert olena.id in changed.customers
    assert {queued.interaction_id, second.interaction_id} <= changed.interactions


def test_a_removed_mailbox_s_unsent_replies_speak_of_the_mailbox(core: Core) -> None:
    with core.db.transaction() as s:
        mailbox = ChannelAccount(kind=Channel.EMAIL.value, label="shop@shop.example")
        s.add(mailbox)
        s.flush()
        account_id = mailbox.id
    assert account_id is not None
    (stored,) = core.inbox.store(
        [
            InboundMessage(
                account_id=account_id,
                channel=Channel.EMAIL,
                external_id=f"{account_id}:<m1@example.com>",
                identity="olena@example.com",
                sent_at=utcnow(),
                text="Чи є розмір M?",
            )
        ]
    )
    sending = core.outbox.queue(
        stored.conversation_id, "Так", operator="Ірина", idempotency_key="k1"
    )
    waiting = core.outbox.queue(
        stored.conversation_id, "Ще", operator="Ірина", idempotency_key="k2"
    )
    assert core.outbox.claim_next(account_id) is not None  # being sent as it is removed

    delete_channel_account(core, account_id)

    said = {core.timeline.get(row.interaction_id).meta["send_error"] for row in (sending, waiting)}
    assert said == {MAILBOX_REMOVED_REASON}
    assert MAILBOX_REMOVED_REASON == "The mailbox was removed in Settings."
    assert core.timeline.get(sending.interaction_id).status == "uncertain"
    assert core.timeline.get(waiting.interaction_id).status == "failed"


def test_deleting_a_bot_twice_is_done_either_way(core: Core) -> None:
    saved = save_telegram_bot(core, TelegramBot("Shop"), TOKEN)
    assert saved.id is not None
    delete_channel_account(core, saved.id)
    delete_channel_account(core, saved.id)
    assert list_telegram_bots(core) == []


@pytest.mark.parametrize(
    "address",
    [
        "https://api.telegram.org/bot123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-a1",
        "https://shop:hunter2@bots.shop.example",
    ],
)
def test_an_address_holding_a_secret_is_refused_without_repeating_it(address: str) -> None:
    with pytest.raises(BadChannelSetting) as refused:
        check_bot_server(address)
    assert "secret" in str(refused.value)
    assert "AAEh" not in str(refused.value) and "hunter2" not in str(refused.value)

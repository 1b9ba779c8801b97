"""Channel account rows (Telegram bots): list, save, delete. Qt-free, like
app/accounts.py for SIP.

A bot's token goes to the keyring only (``channel:<row id>``); ChannelAccount
has no column for it, and its ``config`` holds only ``server``, the Bot API
server's base address, when it is not the public one. The token and the
address are checked by app/channel_settings.py, the rules the Bot API client
itself applies. One bot is read by one account: a second row with a token of
the same bot would make the two take each other's updates (409 Conflict).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from app.changes import Changes, note
from app.channel_settings import (
    DEFAULT_BOT_API_SERVER,
    bot_id_of,
    check_bot_server,
    check_bot_token,
)
from app.core import Core
from app.enums import SendFailure
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import (
    Channel,
    ChannelAccount,
    Conversation,
    Interaction,
    InteractionStatus,
    OutboxMessage,
    OutboxStatus,
    utcnow,
)
from app.secrets import SecretKind

MAX_LABEL = 200  # ChannelAccount.label
# Why a message its account had not sent never went, in the timeline row's
# ``meta["send_error"]``: operator messages without fields (the window shows
# the template in its language), worded by the account's kind.
REMOVED_REASON = QT_TRANSLATE_NOOP("core", "The bot was removed in Settings.")
MAILBOX_REMOVED_REASON = QT_TRANSLATE_NOOP("core", "The mailbox was removed in Settings.")


class ChannelAccountError(OperatorError, ValueError):
    """A bot that can't be saved; the message says why."""


@dataclass(frozen=True)
class TelegramBot:
    """A bot's settings as the settings page edits them (never its token)."""

    label: str
    enabled: bool = True
    server: str = ""  # "" is the public Bot API server
    id: int | None = None

    @classmethod
    def of(cls, row: ChannelAccount) -> TelegramBot:
        server = row.config.get("server")
        return cls(
            label=row.label,
            enabled=row.enabled,
            server=server if isinstance(server, str) else "",
            id=row.id,
        )


def list_telegram_bots(core: Core) -> list[TelegramBot]:
    with core.db.session() as s:
        rows = s.exec(
            select(ChannelAccount)
            .where(ChannelAccount.kind == Channel.TELEGRAM.value)
            .order_by(col(ChannelAccount.id))
        )
        return [TelegramBot.of(row) for row in rows]


def save_telegram_bot(core: Core, bot: TelegramBot, token: str | None) -> TelegramBot:
    """Inserts or updates the row; a non-empty ``token`` replaces the stored one.

    Everything is checked before the row is written (the address, the token,
    the keyring, the same bot saved twice), so a bad value costs nothing; a
    new bot whose token the keyring then refuses is not left behind."""
    server = check_bot_server(bot.server)
    label = bot.label.strip()
    if len(label) > MAX_LABEL:
        raise ChannelAccountError(
            QT_TRANSLATE_NOOP("core", "A bot's name can be at most {limit} characters long."),
            limit=MAX_LABEL,
        )
    cleaned = check_bot_token(token) if token else None
    if cleaned is None and bot.id is None:
        raise ChannelAccountError(
            QT_TRANSLATE_NOOP("core", "Enter the bot's token (BotFather gives it).")
        )
    if cleaned is not None:
        core.secrets.check()
        _refuse_same_bot(core, cleaned, bot.id)
    with core.db.session() as s:
        if bot.id is not None:
            row = s.get(ChannelAccount, bot.id)
            if row is None or row.kind != Channel.TELEGRAM.value:
                raise ChannelAccountError(
                    QT_TRANSLATE_NOOP("core", "Bot #{account_id} no longer exists."),
                    account_id=bot.id,
                )
        else:
            row = ChannelAccount(kind=Channel.TELEGRAM.value, label=label)
        config = dict(row.config)
        if server == DEFAULT_BOT_API_SERVER:
            config.pop("server", None)
        else:
            config["server"] = server
        row.config = config  # a new dict: the JSON column sees the change
        row.label, row.enabled = label, bot.enabled
        s.add(row)
        s.flush()
        if not row.label:
            row.label = f"Telegram #{row.id}"
        s.flush()
        s.refresh(row)
    assert row.id is not None
    if cleaned is not None:
        try:
            core.secrets.set(SecretKind.CHANNEL, row.id, cleaned)
        except Exception:
            if bot.id is None:  # a bot that could never log in is not kept
                _delete_row(core, row.id)
            raise
    return TelegramBot.of(row)


def delete_channel_account(core: Core, account_id: int) -> None:
    """Deletes the account with its conversations (the messages stay on the
    customers' timelines) and its token. What it had not sent yet says so:
    a queued message failed, one being sent "may not have been sent"."""
    _delete_row(core, account_id)
    core.secrets.delete(SecretKind.CHANNEL, account_id)


def _delete_row(core: Core, account_id: int) -> None:
    now = utcnow()
    with core.db.transaction() as s:
        row = s.get(ChannelAccount, account_id)
        if row is None:
            return
        reason = removed_reason(row.kind)
        unsent = s.exec(
            select(OutboxMessage).where(
                OutboxMessage.account_id == account_id,
                col(OutboxMessage.status).in_(
                    (OutboxStatus.QUEUED.value, OutboxStatus.SENDING.value)
                ),
            )
        )
        for message in unsent:
            interaction = s.get(Interaction, message.interaction_id)
            if interaction is None:
                continue
            if message.status == OutboxStatus.SENDING.value:
                interaction.status = InteractionStatus.UNCERTAIN.value
                interaction.meta = {**interaction.meta, "send_error": reason}
            else:
                interaction.status = InteractionStatus.FAILED.value
                interaction.meta = {
                    **interaction.meta,
                    "send_failure": SendFailure.PERMANENT.value,
                    "send_error": reason,
                }
            interaction.updated_at = now
            s.add(interaction)
        # The database deletes them with the account (ON DELETE CASCADE), out of
        # the session's sight: their views hear of it here.
        gone = s.exec(
            select(Conversation.id, Conversation.customer_id).where(
                Conversation.account_id == account_id
            )
        ).all()
        note(
            s,
            Changes.of(
                customers=[customer for _, customer in gone],
                conversations=[conversation for conversation, _ in gone],
            ),
        )
        s.delete(row)


def removed_reason(kind: str) -> str:
    """What a removed account's unsent messages say: a mailbox's speak of a mailbox."""
    return MAILBOX_REMOVED_REASON if kind == Channel.EMAIL.value else REMOVED_REASON


def _refuse_same_bot(core: Core, token: str, account_id: int | None) -> None:
    wanted = bot_id_of(token)
    for other in list_telegram_bots(core):
        if other.id is None or other.id == account_id:
            continue
        stored = core.secrets.get(SecretKind.CHANNEL, other.id)
        if stored and bot_id_of(stored) == wanted:
            raise ChannelAccountError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "This bot is saved already, as “{label}”: a bot can be read by one account only.",  # noqa: E501
                ),
                label=other.label,
            )

"""Chats for the window's tests, written the way a channel writes them:
``core.inbox.store`` on a thread of its own (the channel host's writer), so
the window learns of them only from the changes value."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from app.core import Core
from app.inbox import InboundMessage
from app.models import Channel, ChannelAccount

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def channel_account(core: Core, label: str = "Магазин", kind: str = "telegram") -> int:
    with core.db.session() as s:
        row = ChannelAccount(kind=kind, label=label)
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def message(
    account_id: int,
    user: str,
    at: datetime,
    text: str = "Добрий день! Де моє замовлення?",
    *,
    number: int = 0,
    channel: Channel = Channel.TELEGRAM,
    title: str = "",
    username: str = "",
    **fields: Any,
) -> InboundMessage:
    return InboundMessage(
        account_id=account_id,
        channel=channel,
        external_id=f"{account_id}:{user}:{at.timestamp()}:{number}",
        identity=user,
        sent_at=at,
        text=text,
        sender_title=title or f"Клієнт {user}",
        sender_username=username,
        **fields,
    )


def deliver(core: Core, *messages: InboundMessage) -> list[int]:
    """Stores one batch from another thread, as the channel host does; the
    conversation id of each message."""
    stored: list[Any] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            stored.extend(core.inbox.store(list(messages)))
        except BaseException as exc:  # surfaced in the test's thread
            failed.append(exc)

    thread = threading.Thread(target=run, name="fake-channel")
    thread.start()
    thread.join(30)
    if failed:
        raise failed[0]
    return [m.conversation_id for m in stored]


def write(
    core: Core, account_id: int, user: str, minutes: float, text: str = "Де моє замовлення?"
) -> int:
    """One message ``minutes`` after T0; its conversation id."""
    (conversation_id,) = deliver(
        core, message(account_id, user, T0 + timedelta(minutes=minutes), text)
    )
    return conversation_id


__all__ = ["T0", "channel_account", "deliver", "message", "write"]

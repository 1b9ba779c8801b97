"""Demo chats waiting for a reply, for screenshots and trying the inbox out:
a morning's Telegram messages in Ukrainian and Russian, some from customers,
some from senders nobody has linked yet, waiting from a few minutes to over an
hour (so the clocks show every colour). Qt-free; written through the core's
inbox, as a channel writes them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.core import Core
from app.inbox import InboundMessage
from app.models import Channel, ChannelAccount

# (minutes waited, sender's id, the platform's name, @username, customer to link or "", text)
WAITING = (
    (
        72,
        "5101",
        "Катерина",
        "kate_sh",
        "Kateryna Shevchenko",
        "Добрий день! Замовлення №4471 досі не прийшло, а обіцяли вчора. Коли чекати?",
    ),
    (
        27,
        "5102",
        "Алексей К.",
        "alexk_msk",
        "",
        "Здравствуйте, есть ли доставка в Харьков в эту субботу?",
    ),
    (
        12,
        "5103",
        "Dmytro B.",
        "",
        "Dmytro Bondarenko",
        "Підкажіть, будь ласка, чи можна змінити адресу доставки?",
    ),
    (7, "5104", "Марина Гончаренко", "marina_h", "", "Скільки коштує букет із 25 троянд?"),
    (
        2,
        "5105",
        "Natalia Moroz",
        "nmoroz",
        "Natalia Moroz",
        "Дякую! І ще питання щодо оплати карткою",
    ),
)


def seed_waiting_chats(core: Core, now: datetime | None = None, operator: str = "") -> list[int]:
    """Stores the demo chats; their conversation ids, the longest waiting first.
    The second one is assigned to ``operator`` when given."""
    now = now or datetime.now(UTC)
    with core.db.session() as s:
        account = ChannelAccount(kind="telegram", label="Квітка бот", enabled=False)
        s.add(account)
        s.flush()
        assert account.id is not None
        account_id = account.id
    ids: list[int] = []
    for minutes, identity, title, username, customer, text in WAITING:
        sent = now - timedelta(minutes=minutes, seconds=20)
        messages = [
            InboundMessage(
                account_id=account_id,
                channel=Channel.TELEGRAM,
                external_id=f"{account_id}:{identity}:{n}",
                identity=identity,
                sent_at=sent + timedelta(seconds=5 * n),
                text=part,
                sender_title=title,
                sender_username=username,
            )
            for n, part in enumerate(("Вітаю!", text) if minutes > 20 else (text,))
        ]
        (stored, *_) = core.inbox.store(messages)
        ids.append(stored.conversation_id)
        if customer:
            found = next(
                (c for c in core.customers.browse(customer, limit=5) if c.name == customer), None
            )
            if found is not None and found.id is not None:
                core.conversations.link(stored.conversation_id, found.id)
    if operator:
        core.conversations.assign(ids[1], operator)
    return ids

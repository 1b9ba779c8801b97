"""A demo conversation for screenshots and trying the panel out: a customer
of a flower shop writing to its Telegram bot, with a photo, an invoice, an
edit, a reply, and answers in every sending state (sent, failed with the
reason, may not have been sent, queued). Written the way the channel and the
composer write: ``core.inbox.store`` and ``core.outbox``."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QRadialGradient

from app.core import Core
from app.customers import ContactInput
from app.enums import SendFailure
from app.inbox import InboundFile, InboundMessage
from app.models import Channel, ChannelAccount

USER = "48151623"


def bouquet(path: Path) -> Path:
    """A picture of roses (drawn: no photo ships with the app)."""
    image = QImage(960, 720, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4efe6"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#4f7a3a"))
    for x in range(380, 600, 36):
        painter.drawRect(QRectF(x, 380, 10, 340))
    spots = [(480, 300), (380, 330), (580, 330), (430, 230), (540, 230), (480, 170), (330, 250)]
    spots += [(630, 250), (480, 400), (380, 420), (580, 420)]
    for n, (x, y) in enumerate(spots):
        gradient = QRadialGradient(QPointF(x, y), 70)
        gradient.setColorAt(0, QColor("#f2607a" if n % 3 else "#ffd1dc"))
        gradient.setColorAt(1, QColor("#a3123a" if n % 3 else "#e86a8a"))
        painter.setBrush(gradient)
        painter.drawEllipse(QPointF(x, y), 64, 60)
    painter.end()
    image.save(str(path), None, 88)
    return path


def seed_conversation(core: Core, operator: str = "Ірина") -> tuple[int, int]:
    """Stores the demo conversation; (customer id, conversation id)."""
    folder = Path(tempfile.mkdtemp(prefix="switchboard-demo-"))
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    start = now - timedelta(minutes=48)
    with core.db.session() as s:
        account = ChannelAccount(kind="telegram", label="Квітка бот")
        s.add(account)
        s.flush()
        assert account.id is not None
        account_id = account.id
    customer = core.customers.create(
        "Олена Петренко",
        [ContactInput("phone", "+380934172568"), ContactInput("telegram", USER)],
        company="ФОП Петренко",
    )
    assert customer.id is not None

    def said(n: int, minute: int, text: str, **fields: object) -> InboundMessage:
        values: dict[str, object] = {
            "account_id": account_id,
            "channel": Channel.TELEGRAM,
            "external_id": f"{account_id}:{USER}:{n}",
            "identity": USER,
            "sent_at": start + timedelta(minutes=minute),
            "text": text,
            "sender_title": "Олена Петренко",
            "sender_username": "olena_petrenko",
        }
        values.update(fields)
        return InboundMessage(**values)  # type: ignore[arg-type]

    photo = bouquet(folder / "photo.jpg")
    invoice = folder / "invoice.pdf"
    invoice.write_bytes(b"%PDF-1.4\n" + b"0" * 182_000)
    stored = core.inbox.store(
        [
            said(1, 0, "Добрий день! Чи є у вас доставка по Києву на суботу?"),
            said(2, 1, "Хочу замовити букет на день народження мами, 25 троянд."),
        ]
    )
    conversation = stored[0].conversation_id
    keys = iter(range(1000))
    clock = core.outbox.clock

    def answer(minute: int, text: str, reply_to: str | None = None) -> int:
        core.outbox.clock = lambda: start + timedelta(minutes=minute)
        row = core.outbox.queue(
            conversation,
            text,
            operator=operator,
            idempotency_key=f"demo-{next(keys)}",
            reply_to_external_id=reply_to,
        )
        assert row.id is not None
        return row.id

    first = answer(4, "Добрий день, Олено! Так, доставляємо по всьому Києву з 9:00 до 21:00.")
    core.outbox.claim_next(account_id)
    core.outbox.mark_sent(first, ["101"])
    core.inbox.store(
        [
            said(3, 9, "Ось такий, як на фото. Можна?", kind="photo", files=(
                InboundFile("photo", "букет.jpg", "image/jpeg", photo.stat().st_size, photo),
            )),
            said(4, 11, "", kind="document", files=(
                InboundFile(
                    "document", "реквізити-ФОП.pdf", "application/pdf", invoice.stat().st_size,
                    invoice,
                ),
            )),
        ]
    )  # fmt: skip
    second = answer(
        14, "Так, зберемо такий самий. 25 троянд — 2 150 грн.", f"{account_id}:{USER}:3"
    )
    core.outbox.claim_next(account_id)
    core.outbox.mark_sent(second, ["102"])
    core.inbox.store(
        [said(5, 20, "Чудово! Оплачу карткою кур'єру, добре?")]
    )  # the customer's edit follows: the earlier text stays in the tooltip
    core.inbox.store(
        [
            said(
                5,
                20,
                "Чудово! Оплачу на картку заздалегідь, добре?",
                edited_at=start + timedelta(minutes=22),
            )
        ]
    )
    failed = answer(25, "Реквізити надішлю за хвилину.")
    core.outbox.claim_next(account_id)
    core.outbox.mark_failed(
        failed, SendFailure.NOT_REACHABLE, "HTTPSConnectionPool: Max retries exceeded"
    )
    core.outbox.clock = lambda: start + timedelta(hours=2)
    core.outbox.claim_next(account_id)
    core.outbox.mark_failed(failed, SendFailure.PERMANENT, "Bad Request: message is too long")
    unsure = answer(31, "Картка ПриватБанку: 4149 **** **** 1234, отримувач ФОП Квітка.")
    core.outbox.claim_next(account_id)
    core.outbox.recover(account_id)  # the app stopped while it was being sent
    answer(47, "Букет буде готовий у суботу о 10:00, кур'єр зателефонує за годину.")
    core.outbox.clock = clock
    assert unsure
    return customer.id, conversation

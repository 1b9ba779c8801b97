"""Renders the composer's states into docs/screenshots/: the quick-reply
picker open over it, writing an answer (a reply, files, a text longer than
one message), and a chat that can't be written (the refusal banner).

``python -m ui.conversations.composer_screenshots [--out DIR] [--language uk]``
builds a core on a temporary SQLite file, stores a customer's Telegram chat
through the inbox (as the channel does), opens the real conversations panel
on it and grabs it. The picker is a popup window of its own: it is painted
onto the panel's picture where it stands on the screen. Look at every
picture after a change: clipped or overlapping text shows up here first.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.conversations.composer import Composer

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Words:
    """The demo's texts in one language: what the customer and the shop write."""

    customer: tuple[str, ...]
    answer: str
    draft: str
    search: str
    templates: tuple[tuple[str, str], ...]
    operator: str
    files: tuple[tuple[str, int], ...]
    long: str  # a paragraph, repeated into a text longer than one message


WORDS = {
    "uk": Words(
        customer=(
            "Добрий день! Замовила вчора набір каструль, номер 4411.",
            "Коли буде доставка? І чи можна оплатити карткою при отриманні?",
        ),
        answer="Добрий день, Олено! Перевіряю ваше замовлення.",
        draft="Олено, кур'єр буде у вас завтра з 10 до 14.",
        search="дост",
        templates=(
            (
                "Доставка: дата",
                "{name}, ваше замовлення {order} приїде {дата доставки}. {operator}",
            ),
            ("Доставка: кур'єр виїхав", "{name}, кур'єр уже їде до вас, буде протягом години."),
            ("Оплата при отриманні", "Так, оплатити можна карткою або готівкою кур'єру."),
            ("Подяка за замовлення", "Дякуємо за замовлення, {name}! Гарного дня."),
        ),
        operator="Ірина",
        files=(("рахунок-4411.pdf", 184_320), ("фото-каструль.jpg", 2_411_724)),
        long="У наборі три каструлі з кришками: 2, 3 і 5 літрів, індукційне дно, гарантія"
        " два роки. Доставка по Києву безкоштовна від 1 500 грн, по Україні — Новою поштою.",
    ),
    "ru": Words(
        customer=(
            "Добрый день! Заказала вчера набор кастрюль, номер 4411.",
            "Когда будет доставка? И можно ли оплатить картой при получении?",
        ),
        answer="Добрый день, Елена! Проверяю ваш заказ.",
        draft="Елена, курьер будет у вас завтра с 10 до 14.",
        search="дост",
        templates=(
            ("Доставка: дата", "{name}, ваш заказ {order} приедет {дата доставки}. {operator}"),
            ("Доставка: курьер выехал", "{name}, курьер уже едет к вам, будет в течение часа."),
            ("Оплата при получении", "Да, оплатить можно картой или наличными курьеру."),
            ("Спасибо за заказ", "Спасибо за заказ, {name}! Хорошего дня."),
        ),
        operator="Ирина",
        files=(("счёт-4411.pdf", 184_320), ("фото-кастрюль.jpg", 2_411_724)),
        long="В наборе три кастрюли с крышками: 2, 3 и 5 литров, индукционное дно, гарантия"
        " два года. Доставка по Киеву бесплатно от 1 500 грн, по Украине — Новой почтой.",
    ),
    "en": Words(
        customer=(
            "Hello! I ordered a set of pans yesterday, number 4411.",
            "When will it be delivered? Can I pay by card on delivery?",
        ),
        answer="Hello Olena! Let me check your order.",
        draft="Olena, the courier will be with you tomorrow between 10 and 2.",
        search="deliv",
        templates=(
            ("Delivery: date", "{name}, your order {order} arrives {delivery date}. {operator}"),
            ("Delivery: courier on the way", "{name}, the courier is on the way, within an hour."),
            ("Payment on delivery", "Yes, you can pay the courier by card or in cash."),
            ("Thanks for the order", "Thank you for your order, {name}! Have a nice day."),
        ),
        operator="Iryna",
        files=(("invoice-4411.pdf", 184_320), ("pans-photo.jpg", 2_411_724)),
        long="The set has three pans with lids: 2, 3 and 5 litres, an induction base, a"
        " two-year warranty. Delivery in Kyiv is free from 1,500 UAH, elsewhere by Nova Poshta.",
    ),
}
CUSTOMER = {"uk": "Олена Коваль", "ru": "Елена Коваль", "en": "Olena Koval"}
BOT = {"uk": "Кухня-Маркет", "ru": "Кухня-Маркет", "en": "Kitchen Market"}
SUPPORT = {"uk": "Підтримка", "ru": "Поддержка", "en": "Support"}


def _settle(until: Callable[[], bool], timeout: float = 15.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise RuntimeError("the panel did not settle in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for _ in range(10):
        QCoreApplication.processEvents()
        time.sleep(0.005)


def _seed(core: object, words: Words, language: str) -> tuple[int, int, int]:
    """A customer with a phone and two Telegram chats (two bots); the first
    with a morning's messages and an answer. Returns (customer, chat, other)."""
    from app.core import Core
    from app.customers import ContactInput
    from app.inbox import InboundMessage
    from app.models import Channel, ChannelAccount

    assert isinstance(core, Core)
    accounts = []
    with core.db.session() as s:
        for label in (BOT[language], SUPPORT[language]):
            row = ChannelAccount(kind="telegram", label=label, enabled=True)
            s.add(row)
            s.flush()
            assert row.id is not None
            accounts.append(row.id)
    shop, support = accounts
    start = datetime.now(UTC) - timedelta(minutes=12)
    messages = [
        InboundMessage(
            account_id=shop,
            channel=Channel.TELEGRAM,
            external_id=f"{shop}:700100:{n}",
            identity="700100",
            sent_at=start + timedelta(minutes=n),
            text=text,
            sender_title=CUSTOMER[language],
            start_payload="4411" if n == 0 else None,
            meta={"language_code": language},
        )
        for n, text in enumerate(words.customer)
    ]
    stored = core.inbox.store(messages)
    chat = stored[0].conversation_id
    other = core.inbox.store(
        [
            InboundMessage(
                account_id=support,
                channel=Channel.TELEGRAM,
                external_id=f"{support}:700100:1",
                identity="700100",
                sent_at=start - timedelta(days=3),
                text=words.customer[0],
                sender_title=CUSTOMER[language],
            )
        ]
    )[0].conversation_id
    customer = core.customers.create(
        CUSTOMER[language], [ContactInput("phone", "+380671112233", "mobile")]
    )
    assert customer.id is not None
    for conversation in (chat, other):
        core.conversations.link(conversation, customer.id)
    core.outbox.queue(chat, words.answer, operator=words.operator, idempotency_key="demo-1")
    for name, text in words.templates:
        core.templates.create(name, text, language=language, channels=["telegram"])
    return customer.id, chat, other


def render(out: Path, language: str = "", width: int = 640) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtWidgets import QApplication, QWidget

    from app.core import Core
    from app.secrets import MemoryKeyring, SecretStore
    from app.settings import AppPaths, Settings
    from ui.common.tasks import TaskRunner
    from ui.conversations.panel import ConversationsPanel
    from ui.shell.i18n import Translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None  # kept: the widgets need it alive
    code = language or "en"
    translations = Translations()
    translations.install(code)
    words = WORDS[code]
    suffix = f"-{language}" if language else ""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(pixmap: QPixmap, name: str) -> None:
        path = out / f"{name}{suffix}.png"
        pixmap.save(str(path))
        written.append(path)

    def with_popup(window: QWidget, popup: QWidget) -> QPixmap:
        picture = window.grab()
        painter = QPainter(picture)
        at = popup.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
        painter.drawPixmap(at, popup.grab())
        painter.end()
        return picture

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = AppPaths(root / "config", root / "data", root / "logs")
        paths.ensure()
        settings = Settings(
            database_url=f"sqlite:///{root / 'demo.db'}", operator_name=words.operator
        )
        core = Core.open(paths, settings, SecretStore(MemoryKeyring()))
        tasks = TaskRunner()
        try:
            customer, chat, _other = _seed(core, words, code)
            panel = ConversationsPanel(core, tasks, words.operator)
            panel.resize(width, 720)
            panel.show()
            panel.show_conversation(customer, chat)
            _settle(lambda: tasks.pending == 0 and _composer(panel) is not None)
            composer = _composer(panel)
            assert composer is not None
            _settle(lambda: composer.context is not None and tasks.pending == 0)

            # The quick replies, opened with "/" and searched.
            composer.focus_input()
            picker = composer.open_quick_replies()
            assert picker is not None
            picker.search.setText(words.search)
            picker._search_now()
            _settle(lambda: tasks.pending == 0 and 2 <= picker.list.count() < 4)
            save(with_popup(panel, picker), "composer-quick-replies")
            picker.dismiss()

            # Writing: an answer to the customer's question, two files, a long text.
            answered = core.feed.page(chat).items[1]
            composer.set_reply_to(answered)
            for name, size in words.files:
                path = root / name
                with open(path, "wb") as file:
                    file.truncate(size)
                composer.add_files([str(path)])
            composer.input.setPlainText("\n\n".join([words.draft] + [words.long] * 40))
            _settle(lambda: tasks.pending == 0 and "·" in composer.counter.text())
            save(panel.grab(), "composer-writing")
            composer.set_reply_to(None)
            for picked in list(composer.files):
                composer.remove_file(picked.path)

            # The customer blocked the bot: said before typing, with the ways out.
            composer.input.setPlainText(words.draft)
            account = core.conversations.get(chat).account_id
            core.conversations.set_writable(account, "700100", False, "bot was blocked by the user")
            composer._load_context()
            _settle(lambda: tasks.pending == 0 and composer.banner.isVisible())
            save(panel.grab(), "composer-refusal")
            composer.shutdown()
            panel.close()
        finally:
            tasks.shutdown()
            core.close()
    translations.install("en")
    return written


def _composer(panel: object) -> Composer | None:
    """The panel's composer, once it built it (ui.conversations.conversation_view)."""
    from ui.conversations.composer import Composer

    view = getattr(panel, "view", None)
    composer = getattr(view, "composer", None) if view is not None else None
    return composer if isinstance(composer, Composer) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", default="", choices=["", "ru", "uk"])
    parser.add_argument("--width", type=int, default=640, help="the panel's width (px)")
    args = parser.parse_args(argv)
    for path in render(args.out, args.language, args.width):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

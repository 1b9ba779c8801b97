"""The composer (issue 19, item 2), through the real core on SQLite: Ctrl+Enter
queues one outbox row and clears the input only once it committed; a double
press, a retry after an error and a restart after a commit that the draft
did not see yet all make one message (the draft's send key); a refused send
keeps every word; drafts per conversation survive switching and a restart;
``/`` opens the quick replies and a template's free field is asked for; a
chat that can't be written says so before typing, with what is possible
instead; files by drop, paste and picker, checked against Telegram's limit
without being read; the counter counts the messages a long text goes as."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QLocale, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from sqlmodel import col, select

from app.changes import Changes
from app.core import Core
from app.customers import ContactInput
from app.drafts import Draft
from app.inbox import InboundMessage
from app.models import Channel, ChannelAccount, OutboxMessage
from app.templates import field_key
from tests.ui.test_plain_text import MARK, assert_shown_as_text, hostile, shown_by
from ui.common.tasks import TaskRunner
from ui.conversations.composer import Composer

__all__ = ["hostile"]  # the fixture, shared with tests/ui/test_plain_text.py

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
OPERATOR = "Ірина"


def account(core: Core, label: str = "Магазин бот", enabled: bool = True) -> int:
    with core.db.session() as s:
        row = ChannelAccount(kind="telegram", label=label, enabled=enabled)
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def chat(
    core: Core,
    account_id: int,
    user: str = "700100",
    n: int = 1,
    title: str = "Олена Коваль",
    payload: str | None = None,
    language: str = "uk",
) -> int:
    (stored,) = core.inbox.store(
        [
            InboundMessage(
                account_id=account_id,
                channel=Channel.TELEGRAM,
                external_id=f"{account_id}:{user}:{n}",
                identity=user,
                sent_at=T0 + timedelta(minutes=n),
                text="Добрий день, коли буде доставка?",
                sender_title=title,
                start_payload=payload,
                meta={"language_code": language},
            )
        ]
    )
    return stored.conversation_id


def outbox_rows(core: Core, conversation_id: int) -> list[OutboxMessage]:
    with core.db.session() as s:
        return list(
            s.exec(
                select(OutboxMessage)
                .where(OutboxMessage.conversation_id == conversation_id)
                .order_by(col(OutboxMessage.id))
            )
        )


@pytest.fixture
def tasks(qtbot: Any) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def make_composer(qtbot: Any, core: Core, tasks: TaskRunner, operator: str = OPERATOR) -> Composer:
    composer = Composer(core, tasks, operator)
    qtbot.addWidget(composer)
    composer.resize(560, 220)
    composer.show()
    qtbot.waitExposed(composer)
    return composer


@pytest.fixture
def composer(qtbot: Any, sqlite_core: Core, tasks: TaskRunner) -> Iterator[Composer]:
    built = make_composer(qtbot, sqlite_core, tasks)
    yield built
    built.shutdown()


def open_chat(qtbot: Any, composer: Composer, conversation_id: int) -> None:
    composer.set_conversation(conversation_id)
    qtbot.waitUntil(lambda: composer.context is not None and composer._loaded)
    composer.focus_input()


def settled(composer: Composer) -> bool:
    """Nothing of the composer's on its way: no database task, no disk work."""
    composer.disk.run(lambda: None)  # behind every put asked so far
    return composer.tasks.pending == 0 and composer._sending_for is None


def wait_disk(qtbot: Any, composer: Composer) -> None:
    done: list[bool] = []
    composer.disk.run(lambda: None, lambda _: done.append(True), owner=composer)
    qtbot.waitUntil(lambda: done == [True])


def type_text(widget: QWidget, text: str) -> None:
    """Key presses with the text, as a keyboard layout makes them (QTest's
    keyClicks knows only ASCII): Cyrillic, emoji and all."""
    for char in text:
        key = Qt.Key.Key_Space if char == " " else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier(0), char))


def drag_and_drop(target: QWidget, mime: QMimeData) -> bool:
    """A drag entering ``target`` and dropped on it, as a file manager's drag
    arrives; whether the drop was taken."""
    at = QPointF(target.rect().center())
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(at, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def ctrl_enter(qtbot: Any, composer: Composer) -> None:
    qtbot.keyClick(composer.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


# --- sending --------------------------------------------------------------------------


def test_ctrl_enter_queues_one_outbox_row_and_clears_once_committed(
    qtbot: Any, sqlite_core: Core, composer: Composer
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    type_text(composer.input, "Добрий день! Доставка завтра.")
    qtbot.keyClick(composer.input, Qt.Key.Key_Return)  # Enter alone: a new line
    type_text(composer.input, "Дякуємо")
    assert composer.input.toPlainText() == "Добрий день! Доставка завтра.\nДякуємо"
    with qtbot.waitSignal(composer.sent) as sent:
        ctrl_enter(qtbot, composer)
        assert composer.input.toPlainText() != ""  # cleared only after the commit
    (row,) = outbox_rows(sqlite_core, conversation)
    assert sent.args == [row.id]
    assert (row.text, row.operator, row.status) == (
        "Добрий день! Доставка завтра.\nДякуємо",
        OPERATOR,
        "queued",
    )
    assert composer.input.toPlainText() == ""
    assert composer.send_key == ""
    wait_disk(qtbot, composer)
    assert sqlite_core.drafts.get(conversation) is None


def test_pressing_send_twice_fast_queues_one_message(
    qtbot: Any, sqlite_core: Core, composer: Composer
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    type_text(composer.input, "Одне повідомлення")
    with qtbot.waitSignal(composer.sent):
        ctrl_enter(qtbot, composer)
        ctrl_enter(qtbot, composer)
        composer.send_button.click()
    qtbot.waitUntil(lambda: settled(composer))
    wait_disk(qtbot, composer)
    assert [r.text for r in outbox_rows(sqlite_core, conversation)] == ["Одне повідомлення"]


def test_a_file_attached_while_the_send_is_on_its_way_stays_for_the_next(
    qtbot: Any, sqlite_core: Core, composer: Composer, tmp_path: Path
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    late = tmp_path / "пізніше.pdf"
    late.write_bytes(b"%PDF")
    type_text(composer.input, "Спершу текст")
    with qtbot.waitSignal(composer.sent):
        ctrl_enter(qtbot, composer)
        assert composer.input.isReadOnly()  # on its way: the text can't change under it
        composer.add_files([str(late)])
    (row,) = outbox_rows(sqlite_core, conversation)
    assert (row.text, row.attachment_ids) == ("Спершу текст", [])
    assert [f.path for f in composer.files] == [str(late)]
    assert composer.input.toPlainText() == "" and not composer.input.isReadOnly()
    composer.save_draft_now()
    wait_disk(qtbot, composer)
    stored = sqlite_core.drafts.get(conversation)
    assert stored is not None and stored.files == (str(late),) and stored.send_key == ""


def test_a_refused_send_keeps_every_word_and_a_retry_is_the_same_message(
    qtbot: Any, sqlite_core: Core, tasks: TaskRunner
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    composer = make_composer(qtbot, sqlite_core, tasks, operator="")  # no name set yet
    try:
        open_chat(qtbot, composer, conversation)
        type_text(composer.input, "Ваше замовлення №4411 готове")
        ctrl_enter(qtbot, composer)
        qtbot.waitUntil(lambda: composer.problem.isVisible())
        assert "Set the operator's name in the settings" in composer.problem.text()
        assert composer.input.toPlainText() == "Ваше замовлення №4411 готове"
        assert composer.input.isEnabled() and not composer.input.isReadOnly()
        assert outbox_rows(sqlite_core, conversation) == []
        key = composer.send_key
        wait_disk(qtbot, composer)
        stored = sqlite_core.drafts.get(conversation)
        assert stored is not None and (stored.text, stored.send_key) == (
            "Ваше замовлення №4411 готове",
            key,
        )

        sqlite_core.settings.operator_name = OPERATOR  # set meanwhile in Settings
        with qtbot.waitSignal(composer.sent):
            ctrl_enter(qtbot, composer)
        (row,) = outbox_rows(sqlite_core, conversation)
        assert row.idempotency_key == key  # the retry is the first press's message
        assert not composer.problem.isVisible()
    finally:
        composer.shutdown()


def test_editing_after_a_refusal_makes_the_next_send_a_new_message(
    qtbot: Any, sqlite_core: Core, tasks: TaskRunner
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    composer = make_composer(qtbot, sqlite_core, tasks, operator="")
    try:
        open_chat(qtbot, composer, conversation)
        type_text(composer.input, "Перша версія")
        ctrl_enter(qtbot, composer)
        qtbot.waitUntil(lambda: composer.problem.isVisible())
        first_key = composer.send_key
        assert first_key
        type_text(composer.input, "!")
        assert composer.send_key == "" and not composer.problem.isVisible()
        composer.operator = OPERATOR
        with qtbot.waitSignal(composer.sent):
            ctrl_enter(qtbot, composer)
        (row,) = outbox_rows(sqlite_core, conversation)
        assert row.text == "Перша версія!" and row.idempotency_key != first_key
    finally:
        composer.shutdown()


def test_a_draft_whose_send_committed_before_a_crash_is_not_sent_again(
    qtbot: Any, sqlite_core: Core, composer: Composer
) -> None:
    # The app stopped after the outbox committed the message and before the
    # draft was cleared: the draft still holds the text and the send key.
    conversation = chat(sqlite_core, account(sqlite_core))
    row = sqlite_core.outbox.queue(
        conversation, "Вже надіслано", operator=OPERATOR, idempotency_key="key-before-crash"
    )
    sqlite_core.drafts.put(Draft(conversation, "Вже надіслано", send_key="key-before-crash"))
    composer.set_conversation(conversation)
    qtbot.waitUntil(lambda: composer._loaded and composer.context is not None)
    qtbot.waitUntil(lambda: settled(composer))
    wait_disk(qtbot, composer)
    assert composer.input.toPlainText() == ""
    assert sqlite_core.drafts.get(conversation) is None
    assert [r.id for r in outbox_rows(sqlite_core, conversation)] == [row.id]


def test_a_restored_draft_with_its_key_sends_the_first_message_once(
    qtbot: Any, sqlite_core: Core, composer: Composer
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    sqlite_core.drafts.put(Draft(conversation, "Чекаю відповіді", send_key="key-kept"))
    open_chat(qtbot, composer, conversation)
    assert composer.input.toPlainText() == "Чекаю відповіді"
    assert composer.send_key == "key-kept"
    with qtbot.waitSignal(composer.sent):
        ctrl_enter(qtbot, composer)
    (row,) = outbox_rows(sqlite_core, conversation)
    assert row.idempotency_key == "key-kept"


def test_enter_sends_when_the_setting_says_so(
    qtbot: Any, sqlite_core: Core, composer: Composer
) -> None:
    sqlite_core.settings.enter_sends = True
    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    type_text(composer.input, "Рядок один")
    qtbot.keyClick(composer.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(composer.input, "рядок два")
    assert composer.input.toPlainText() == "Рядок один\nрядок два"
    with qtbot.waitSignal(composer.sent):
        qtbot.keyClick(composer.input, Qt.Key.Key_Return)
    assert [r.text for r in outbox_rows(sqlite_core, conversation)] == ["Рядок один\nрядок два"]


# --- drafts -----------------------------------------------------------------------------


def test_the_draft_survives_switching_conversations_and_a_restart(
    qtbot: Any, sqlite_core: Core, tasks: TaskRunner, tmp_path: Path
) -> None:
    shop = account(sqlite_core)
    first, second = chat(sqlite_core, shop), chat(sqlite_core, shop, user="700200")
    answered = sqlite_core.feed.page(first).items[-1].interaction_id
    invoice = tmp_path / "рахунок-4411.pdf"
    invoice.write_bytes(b"%PDF-1.4 invoice")
    composer = make_composer(qtbot, sqlite_core, tasks)
    open_chat(qtbot, composer, first)
    type_text(composer.input, "Для першої розмови")
    composer.add_files([str(invoice)])
    composer.set_reply_to(answered, "Добрий день, коли буде доставка?")
    open_chat(qtbot, composer, second)  # the first one's draft is saved at once
    assert composer.input.toPlainText() == "" and composer.files == []
    type_text(composer.input, "Для другої")
    open_chat(qtbot, composer, first)
    assert composer.input.toPlainText() == "Для першої розмови"
    assert [f.path for f in composer.files] == [str(invoice)]
    assert composer.reply_to == answered and composer.reply_bar.isVisible()
    type_text(composer.input, ", дописано")
    composer.shutdown()  # the app closes: the draft is on the disk when this returns
    composer.close()

    again = make_composer(qtbot, sqlite_core, tasks)  # the app started again
    try:
        open_chat(qtbot, again, first)
        assert again.input.toPlainText() == "Для першої розмови, дописано"
        assert [c.picked.name for c in again.chips.chips] == ["рахунок-4411.pdf"]
        assert again.reply_to == answered
        qtbot.waitUntil(lambda: "коли буде доставка" in again.reply_text.text())
        open_chat(qtbot, again, second)
        assert again.input.toPlainText() == "Для другої"
    finally:
        again.shutdown()


def test_a_draft_typed_while_it_was_being_read_is_kept_after_it(
    qtbot: Any, sqlite_core: Core, composer: Composer
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    sqlite_core.drafts.put(Draft(conversation, "Збережене. "))
    composer.set_conversation(conversation)
    composer.input.insertPlainText("Набране одразу")  # before the draft came back
    qtbot.waitUntil(lambda: composer._loaded)
    assert composer.input.toPlainText() == "Збережене. Набране одразу"
    composer.save_draft_now()
    wait_disk(qtbot, composer)
    stored = sqlite_core.drafts.get(conversation)
    assert stored is not None and stored.text == "Збережене. Набране одразу"


def test_switching_away_and_back_at_once_restores_the_draft_once(
    qtbot: Any, sqlite_core: Core, composer: Composer
) -> None:
    shop = account(sqlite_core)
    first, second = chat(sqlite_core, shop), chat(sqlite_core, shop, user="700200")
    sqlite_core.drafts.put(Draft(first, "Один раз"))
    composer.set_conversation(first)
    composer.set_conversation(second)
    composer.set_conversation(first)  # before any of the three reads came back
    qtbot.waitUntil(lambda: composer._loaded)
    wait_disk(qtbot, composer)
    qtbot.waitUntil(lambda: settled(composer))
    assert composer.input.toPlainText() == "Один раз"


# --- quick replies ------------------------------------------------------------------------


def test_slash_opens_quick_replies_and_a_free_field_is_asked_before_the_text_lands(
    qtbot: Any, sqlite_core: Core, composer: Composer
) -> None:
    sqlite_core.templates.create(
        "Доставка",
        "{name}, ваше замовлення {order} приїде {дата доставки}. {operator}",
        language="uk",
        channels=["telegram"],
    )
    sqlite_core.templates.create("Доставка (рус)", "{name}, доставка {дата}", language="ru")
    sqlite_core.templates.create("Оплата", "Рахунок надіслано, {name}.", language="uk")
    conversation = chat(sqlite_core, account(sqlite_core), payload="4411")
    open_chat(qtbot, composer, conversation)
    qtbot.keyClick(composer.input, Qt.Key.Key_Slash)
    picker = composer._picker
    assert picker is not None
    qtbot.waitUntil(lambda: picker.isVisible() and picker.list.count() == 2)
    assert composer.input.toPlainText() == ""  # the slash opened it, it was not typed
    assert [picker.list.item(i).text() for i in range(2)] == ["Доставка", "Оплата"]  # uk only
    type_text(picker.search, "приїде")
    qtbot.waitUntil(lambda: picker.list.count() == 1)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    dialog = composer.fields_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert [f.label for f in dialog.asked] == ["дата доставки"]  # name, order, operator known
    assert not dialog.insert_button.isEnabled()
    type_text(dialog.edits["дата доставки"], "у п'ятницю")
    assert "у п'ятницю" in dialog.preview.text()
    qtbot.keyClick(dialog.edits["дата доставки"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: composer.fields_dialog is None)
    assert composer.input.toPlainText() == (
        "Олена Коваль, ваше замовлення 4411 приїде у п'ятницю. Ірина"
    )
    qtbot.waitUntil(lambda: settled(composer))
    assert outbox_rows(sqlite_core, conversation) == []  # in the input to edit, not sent


def test_quick_replies_by_keyboard_only_and_esc_gives_the_slash_back(
    qtbot: Any, sqlite_core: Core, composer: Composer
) -> None:
    sqlite_core.templates.create("Вітання", "Вітаємо, {name}!")
    sqlite_core.templates.create("Подяка", "Дякуємо за замовлення!")
    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    qtbot.keyClick(composer.input, Qt.Key.Key_Slash)
    picker = composer._picker
    assert picker is not None
    qtbot.waitUntil(lambda: picker.list.count() == 2)
    type_text(picker.search, "abc")
    qtbot.waitUntil(lambda: picker.list.count() == 0 and picker.empty.isVisible())
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert not picker.isVisible()
    assert composer.input.toPlainText() == "/abc"  # no keystroke lost

    qtbot.keyClick(composer.input, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: picker.isVisible() and picker.list.count() == 2)
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    current = picker.current()
    assert current is not None and current.name == "Подяка"
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert composer.input.toPlainText() == "/abcДякуємо за замовлення!"  # at the cursor


# --- when the chat can't be written ------------------------------------------------------


def test_a_blocked_chat_shows_why_and_the_alternatives_and_disables_the_input(
    qtbot: Any, sqlite_core: Core, composer: Composer
) -> None:
    shop, support = account(sqlite_core), account(sqlite_core, "Підтримка")
    blocked = chat(sqlite_core, shop)
    other = chat(sqlite_core, support, user="555")
    customer = sqlite_core.customers.create(
        "Олена Коваль", [ContactInput("phone", "+380671112233", "mobile")]
    )
    assert customer.id is not None
    for conversation_id in (blocked, other):
        sqlite_core.conversations.link(conversation_id, customer.id)
    sqlite_core.drafts.put(Draft(blocked, "Чернетка лишається"))
    sqlite_core.conversations.set_writable(shop, "700100", False, "bot was blocked by the user")

    requested: list[tuple[str, object]] = []
    composer.conversation_requested.connect(lambda c: requested.append(("conversation", c)))
    composer.call_requested.connect(lambda n: requested.append(("call", n)))
    composer.callback_requested.connect(lambda c: requested.append(("callback", c)))
    open_chat(qtbot, composer, blocked)
    banner = composer.banner
    assert banner.isVisible()
    assert banner.reason.text() == (
        "The customer has blocked the bot. Messages reach them again once they write to it."
    )
    assert "bot was blocked by the user" in banner.reason.toolTip()
    assert not composer.input.isEnabled() and not composer.send_button.isEnabled()
    assert composer.input.toPlainText() == "Чернетка лишається"  # the draft stays
    texts = [b.text() for b in banner.buttons]
    assert texts[0] == "Write in Telegram (Підтримка)"
    assert texts[1].startswith("Call +380") and texts[2] == "Request a callback"
    composer.activateWindow()
    composer.focus_input()
    qtbot.waitUntil(lambda: banner.buttons[0].hasFocus())  # the keyboard lands on what can be done
    for button in banner.buttons:
        button.click()
    assert requested == [
        ("conversation", other),
        ("call", "+380671112233"),
        ("callback", blocked),
    ]

    # The customer writes again: the window's changes value lifts the banner.
    changes: list[Changes] = []
    unsubscribe = sqlite_core.db.changes.subscribe(changes.append)
    chat(sqlite_core, shop, n=2)
    unsubscribe()
    for value in changes:
        composer.apply_changes(value)
    qtbot.waitUntil(lambda: not banner.isVisible())
    assert composer.input.isEnabled() and composer.send_button.isEnabled()
    assert composer.input.toPlainText() == "Чернетка лишається"


def test_a_steady_stream_of_changes_does_not_hold_back_the_reply_options_read(
    qtbot: Any, sqlite_core: Core, composer: Composer, monkeypatch: Any
) -> None:
    import ui.conversations.composer as composer_module

    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    reads: list[int] = []
    real = composer_module.load_context

    def counted(core: Core, conversation_id: int) -> Any:
        reads.append(conversation_id)
        return real(core, conversation_id)

    monkeypatch.setattr(composer_module, "load_context", counted)
    change = Changes(conversations=frozenset({conversation}))
    interval = composer._refresh_timer.interval()
    for _ in range(8):  # a change every half interval, for four intervals
        composer.apply_changes(change)
        qtbot.wait(interval // 2)
    assert len(reads) >= 2  # read during the stream, not only after it


def test_a_switched_off_account_says_so(qtbot: Any, sqlite_core: Core, composer: Composer) -> None:
    conversation = chat(sqlite_core, account(sqlite_core, "Старий бот", enabled=False))
    open_chat(qtbot, composer, conversation)
    assert composer.banner.reason.text() == "The account Старий бот is switched off in Settings."
    assert not composer.input.isEnabled()
    assert composer.banner.buttons == []  # an unknown sender: nothing else to offer


# --- attachments --------------------------------------------------------------------------


def test_a_pasted_image_becomes_a_png_chip_and_goes_with_the_message(
    qtbot: Any, sqlite_core: Core, composer: Composer
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7ae2"))
    QApplication.clipboard().setImage(image)
    composer.input.paste()
    qtbot.waitUntil(lambda: len(composer.chips.chips) == 1)
    (picked,) = composer.files
    assert picked.pasted and Path(picked.path).parent == sqlite_core.paths.data_dir / "pasted"
    assert QImage(picked.path).size() == image.size()
    assert composer.input.toPlainText() == ""  # no bytes or path as text
    chip = composer.chips.chips[0]
    assert chip.name.text().endswith(".png") and chip.size_label.text()
    with qtbot.waitSignal(composer.sent) as sent:
        ctrl_enter(qtbot, composer)
    (row,) = outbox_rows(sqlite_core, conversation)
    assert row.id == sent.args[0] and len(row.attachment_ids) == 1
    (stored,) = sqlite_core.attachments.for_interaction(row.interaction_id)
    assert stored.mime == "image/png"
    wait_disk(qtbot, composer)
    assert not Path(picked.path).exists()  # the outbox has its own copy


def test_a_dropped_file_is_attached_and_removed_by_keyboard(
    qtbot: Any, sqlite_core: Core, composer: Composer, tmp_path: Path
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    price = tmp_path / "прайс.xlsx"
    price.write_bytes(b"x" * 3000)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(price))])
    drag_and_drop(composer.input.viewport(), mime)
    qtbot.waitUntil(lambda: len(composer.chips.chips) == 1)
    assert composer.chips.chips[0].name.text() == "прайс.xlsx"
    assert composer.input.toPlainText() == ""  # not the path as text
    catalogue = tmp_path / "каталог.pdf"
    catalogue.write_bytes(b"%PDF")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(catalogue)), QUrl("https://shop.example/x.pdf")])
    assert drag_and_drop(composer, mime)  # beside the input: the composer takes it too
    assert [c.name.text() for c in composer.chips.chips] == ["прайс.xlsx", "каталог.pdf"]
    composer.chips.chips[1].remove.click()
    remove = composer.chips.chips[0].remove
    remove.setFocus()
    qtbot.keyClick(remove, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: composer.chips.chips == [])
    assert composer.files == []


def test_a_file_named_as_a_picture_that_is_not_one_is_said_and_goes_as_a_file(
    qtbot: Any, sqlite_core: Core, composer: Composer, tmp_path: Path
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    photo = tmp_path / "букет.png"
    image = QImage(32, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    assert image.save(str(photo))
    composer.add_files([str(photo)])
    assert not composer.problem.isVisible()  # a real picture: nothing to say
    renamed = tmp_path / "рахунок.jpg"
    renamed.write_bytes(b"%PDF-1.4 an invoice saved with the wrong name")
    composer.add_files([str(renamed)])
    assert composer.problem.text() == (
        "“рахунок.jpg” is not a picture, whatever its name says: it will go as a file."
    )
    assert [c.name.text() for c in composer.chips.chips] == ["букет.png", "рахунок.jpg"]
    type_text(composer.input, "Фото і рахунок")
    with qtbot.waitSignal(composer.sent):
        ctrl_enter(qtbot, composer)
    (row,) = outbox_rows(sqlite_core, conversation)
    stored = sqlite_core.attachments.for_interaction(row.interaction_id)
    kinds = {a.filename: a.mime for a in stored}
    assert kinds == {"букет.png": "image/png", "рахунок.jpg": "application/octet-stream"}


def test_a_file_over_telegrams_limit_is_refused_without_being_read(
    qtbot: Any, sqlite_core: Core, composer: Composer, tmp_path: Path, english_numbers: None
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    huge = tmp_path / "відео.mp4"
    with open(huge, "wb") as file:
        file.truncate(2 * 1024**3)  # 2 GB, sparse: reading it would show
    composer.add_files([str(huge)])
    assert composer.files == []
    assert "“відео.mp4” is 2" in composer.problem.text()
    assert "Telegram takes files up to 50" in composer.problem.text()

    # One that grew past the limit, or went, after it was attached: said at Send.
    report = tmp_path / "звіт.pdf"
    report.write_bytes(b"%PDF small")
    composer.add_files([str(report)])
    type_text(composer.input, "Звіт у вкладенні")
    os.unlink(report)
    ctrl_enter(qtbot, composer)
    qtbot.waitUntil(lambda: "“звіт.pdf” is gone" in composer.problem.text())
    assert composer.input.toPlainText() == "Звіт у вкладенні"
    assert outbox_rows(sqlite_core, conversation) == []


# --- the counter -----------------------------------------------------------------------------


@pytest.fixture
def english_numbers() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def test_the_counter_shows_how_many_messages_a_long_text_goes_as(
    qtbot: Any, sqlite_core: Core, composer: Composer, english_numbers: None
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    type_text(composer.input, "Привіт")
    qtbot.waitUntil(lambda: composer.counter.text() == "6 / 4,096")
    composer.input.setPlainText(("Речення про доставку. " * 300)[:5000])
    qtbot.waitUntil(lambda: "will go as 2 messages" in composer.counter.text())
    assert composer.counter.text().startswith("5,000 / 4,096")
    assert composer.send_button.isEnabled()  # split, not refused


def test_a_channel_without_a_limit_has_no_counter(
    qtbot: Any, sqlite_core: Core, composer: Composer
) -> None:
    with sqlite_core.db.session() as s:
        row = ChannelAccount(kind="email", label="Пошта", enabled=True)
        s.add(row)
        s.flush()
        email = row.id
    assert email is not None
    (stored,) = sqlite_core.inbox.store(
        [
            InboundMessage(
                account_id=email,
                channel=Channel.EMAIL,
                external_id="<m1@shop>",
                identity="olena@example.com",
                sent_at=T0,
                text="Лист",
            )
        ]
    )
    open_chat(qtbot, composer, stored.conversation_id)
    type_text(composer.input, "Відповідь")
    qtbot.wait(composer._counter_timer.interval() * 2)
    assert not composer.counter.isVisible()


def test_without_a_conversation_nothing_can_be_written(qtbot: Any, composer: Composer) -> None:
    composer.set_conversation(None)
    assert not composer.input.isEnabled() and not composer.send_button.isEnabled()
    assert composer.attach_file() is None and composer.open_quick_replies() is None
    assert isinstance(composer.findChild(QLabel, "composerCounter"), QLabel)
    assert isinstance(composer.findChild(QPushButton, "sendButton"), QPushButton)


# --- outside text is shown as text --------------------------------------------------------


def test_the_composer_shows_outside_text_as_text(
    qtbot: Any, sqlite_core: Core, composer: Composer, tmp_path: Path, hostile: str
) -> None:
    """Account labels, a chat's title, the platform's words, a customer's name,
    a file's name, a quick reply's name and text, a field's label: the walk
    of tests/ui/test_plain_text.py over every widget the composer opens."""
    shop, other_bot = account(sqlite_core, hostile), account(sqlite_core, hostile)
    blocked = chat(sqlite_core, shop, title=hostile)
    other = chat(sqlite_core, other_bot, user="555", title=hostile)
    customer = sqlite_core.customers.create(hostile, [ContactInput("phone", "+380671112233")])
    assert customer.id is not None
    for conversation_id in (blocked, other):
        sqlite_core.conversations.link(conversation_id, customer.id)
    sqlite_core.conversations.set_writable(shop, "700100", False, f"Forbidden: {hostile}")
    open_chat(qtbot, composer, blocked)
    seen = assert_shown_as_text(hostile)
    banner = composer.banner
    assert shown_by(seen, banner.reason, banner.buttons[0]) == [banner.reason, banner.buttons[0]]

    name = "<i>Bold &amp; x.pdf"  # a file name holds no "/"
    (tmp_path / name).write_bytes(b"%PDF")
    sqlite_core.templates.create(hostile, f"{hostile} {{name}}, {{{MARK}}}")
    open_chat(qtbot, composer, other)
    composer.add_files([str(tmp_path / name)])
    answered = sqlite_core.feed.page(other).items[-1]
    quoted = "<i>Bold &amp; a short message"  # the preview is cut at 80 characters
    sqlite_core.timeline.update(answered.interaction_id, body=quoted)
    composer.set_reply_to(answered.interaction_id)
    qtbot.waitUntil(lambda: MARK in composer.reply_text.text())
    picker = composer.open_quick_replies()
    assert picker is not None
    qtbot.waitUntil(lambda: picker.list.count() == 1 and MARK in picker.preview.text())
    pieces = [name, quoted, f"{hostile} {{name}}, {{{MARK}}}"]
    seen = assert_shown_as_text(hostile, pieces=pieces)
    chip = composer.chips.chips[0]
    assert shown_by(seen, chip.name, picker.list, picker.preview, composer.reply_text) == [
        chip.name,
        picker.list,
        picker.preview,
        composer.reply_text,
    ]
    picker.choose_current()
    dialog = composer.fields_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    seen = assert_shown_as_text(hostile, pieces=[*pieces, f"{MARK}:"])
    labels = [w for w in dialog.findChildren(QLabel) if MARK in w.text()]
    assert labels and shown_by(seen, *labels) == labels
    dialog.edits[field_key(MARK)].setText("так")
    dialog.accept()
    assert composer.input.toPlainText() == f"{hostile} {hostile}, так"
    seen = assert_shown_as_text(hostile, pieces=pieces)
    assert shown_by(seen, composer.input) == [composer.input]


def test_a_100000_character_paste_is_counted_split_and_kept_as_the_draft(
    qtbot: Any, sqlite_core: Core, composer: Composer, english_numbers: None
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    paste = ("Рядок замовлення номер сорок два. " * 3000)[:100_000]
    mime = QMimeData()
    mime.setText(paste)
    composer.input.insertFromMimeData(mime)
    qtbot.waitUntil(lambda: composer.counter.text() == "100,000 / 4,096 · will go as 25 messages")
    composer.save_draft_now()
    wait_disk(qtbot, composer)
    stored = sqlite_core.drafts.get(conversation)
    assert stored is not None and stored.text == paste
    with qtbot.waitSignal(composer.sent):
        ctrl_enter(qtbot, composer)
    (row,) = outbox_rows(sqlite_core, conversation)
    assert row.text == paste  # one message in the outbox; the channel sends it as 25


def test_every_control_is_reached_with_tab_in_order(
    qtbot: Any, sqlite_core: Core, composer: Composer, tmp_path: Path
) -> None:
    conversation = chat(sqlite_core, account(sqlite_core))
    open_chat(qtbot, composer, conversation)
    for name in ("a.pdf", "b.pdf"):
        (tmp_path / name).write_bytes(b"%PDF")
    composer.add_files([str(tmp_path / "a.pdf"), str(tmp_path / "b.pdf")])
    composer.activateWindow()
    composer.input.setFocus()
    qtbot.waitUntil(lambda: composer.input.hasFocus())
    reached = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [
        composer.chips.chips[0].remove,
        composer.chips.chips[1].remove,
        composer.attach_button,
        composer.quick_button,
        composer.send_button,
    ]
    assert all(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in reached)

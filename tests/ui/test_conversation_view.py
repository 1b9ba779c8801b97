"""The conversations panel (issue 19, items 1 and 4) in the real window, on a
real SQLite core: messages come in as a channel stores them
(``core.inbox.store`` on a thread of its own) and reach the panel only through
the window's changes value; outgoing ones go through the real outbox."""

from __future__ import annotations

import dataclasses
import itertools
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel
from sqlmodel import select

from app.conversation_feed import QUOTE_CHARS
from app.core import Core
from app.customers import ContactInput
from app.enums import SendFailure
from app.inbox import InboundFile, InboundMessage
from app.models import CallbackRequest, Channel, ChannelAccount, Conversation, OutboxMessage
from tests.ui.test_plain_text import MARK, assert_shown_as_text, shown_by
from ui.callbacks.callback_request_dialog import CallbackRequestDialog
from ui.common.core_text import error_text
from ui.conversations.bubbles import Action
from ui.conversations.message_list import MessageList

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
USER = "700100"
_keys = itertools.count()


# --- the world: accounts, customers, chats written as a channel writes them ---------


def account(core: Core, label: str = "Квітка бот", kind: str = "telegram") -> int:
    with core.db.session() as s:
        row = ChannelAccount(kind=kind, label=label)
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def inbound(
    account_id: int, n: int, text: str | None = None, user: str = USER, **fields: Any
) -> InboundMessage:
    values: dict[str, Any] = {
        "account_id": account_id,
        "channel": Channel.TELEGRAM,
        "external_id": f"{account_id}:{user}:{n}",
        "identity": user,
        "sent_at": T0 + timedelta(minutes=n),
        "text": f"Повідомлення {n}" if text is None else text,
        "sender_title": "Олена Петренко",
        "sender_username": "olena_p",
    }
    values.update(fields)
    return InboundMessage(**values)


def deliver(core: Core, messages: Sequence[InboundMessage]) -> list[Any]:
    """One batch stored from another thread, as the channel host's writer does."""
    stored: list[Any] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            stored.extend(core.inbox.store(list(messages)))
        except BaseException as exc:  # raised again in the test's thread
            failed.append(exc)

    thread = threading.Thread(target=run, name="fake-channel")
    thread.start()
    thread.join(30)
    if failed:
        raise failed[0]
    return stored


def chat(core: Core, account_id: int, count: int, user: str = USER) -> tuple[int, list[int]]:
    """``count`` messages from ``user``: the conversation and the messages' ids."""
    stored = deliver(core, [inbound(account_id, n, user=user) for n in range(count)])
    return stored[0].conversation_id, [m.interaction_id for m in stored]


def customer(core: Core, name: str = "Олена Петренко", user: str = USER) -> int:
    made = core.customers.create(
        name, [ContactInput("phone", "+380501234567"), ContactInput("telegram", user)]
    )
    assert made.id is not None
    return made.id


def send(core: Core, conversation_id: int, text: str) -> int:
    row = core.outbox.queue(
        conversation_id, text, operator="Ірина", idempotency_key=f"view-{next(_keys)}"
    )
    assert row.id is not None
    return row.id


def erased_in_another_view(core: Core, customer_id: int) -> None:
    """The customer erased from another thread, as another view's worker does."""
    eraser = threading.Thread(target=lambda: core.customers.delete(customer_id), name="other-view")
    eraser.start()
    eraser.join(30)


# --- looking at the panel --------------------------------------------------------------


def panel(shell: Any) -> Any:
    return shell.window.side


def rows(view: MessageList) -> list[str]:
    return [item.text for item in view.messages.items]


def shown(view: MessageList) -> int:
    return view.messages.rowCount()


def visible_texts(view: MessageList) -> list[str]:
    """The messages whose bubbles are in sight, top to bottom."""
    area = view.viewport().rect()
    found = []
    for row in range(view.messages.rowCount()):
        index = view.messages.index(row)
        if view.visualRect(index).intersects(area):
            found.append(view.messages.items[row].text)
    return found


def top_message(view: MessageList) -> tuple[str, int]:
    """The message at the top of the view and where its top is."""
    index = view.indexAt(QPoint(view.viewport().width() // 2, 1))
    return view.messages.items[index.row()].text, view.visualRect(index).top()


def painted(view: MessageList, text: str) -> list[str]:
    """What the bubble of the message with ``text`` paints."""
    row = rows(view).index(text)
    return view.bubbles.painted_texts(view.messages.index(row))


def click_button(qtbot: Any, view: MessageList, text: str, action: Action) -> None:
    """A mouse click on the bubble's button, where it is painted."""
    row = rows(view).index(text)
    index = view.messages.index(row)
    view.scrollTo(index)
    bubble = view.bubbles.bubble(view.messages.items[row])
    (button,) = [b for b in bubble.buttons if b.action is action]
    at = view.visualRect(index).topLeft() + button.rect.center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def opened(qtbot: Any, shell: Any, count: int) -> MessageList:
    view = panel(shell).view
    qtbot.waitUntil(lambda: view.header is not None and shown(view.messages) == count)
    return view.messages


def outbox_state(core: Core, message_id: int) -> tuple[str, str]:
    row = core.outbox.get(message_id)
    return row.status, row.last_error


# --- the tests -----------------------------------------------------------------------------


def test_opening_a_customer_shows_their_conversations_the_latest_first(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    shop, support = account(core, "Квітка бот"), account(core, "Підтримка")
    olena = customer(core)
    deliver(core, [inbound(shop, n, f"Магазин {n}") for n in range(3)])
    deliver(core, [inbound(support, 30 + n, f"Підтримка {n}") for n in range(2)])
    window, side = shell.window, panel(shell)

    window.open_customer(olena)
    qtbot.waitUntil(lambda: side.tabs.count() == 2 and side.view.header is not None)
    assert [side.tabs.tabText(i) for i in range(2)] == [
        "Telegram · Підтримка (2)",  # wrote last, first
        "Telegram · Квітка бот (3)",
    ]
    view = side.view
    qtbot.waitUntil(lambda: rows(view.messages) == ["Підтримка 0", "Підтримка 1"])
    assert view.who.text() == "Олена Петренко"
    assert view.where.text() == "Telegram · Підтримка"
    assert view.call_button.isEnabled() and view.callback_button.isEnabled()
    assert not view.unknown_row.isVisible()

    side.next_conversation()
    qtbot.waitUntil(lambda: rows(view.messages) == ["Магазин 0", "Магазин 1", "Магазин 2"])
    assert view.where.text() == "Telegram · Квітка бот"

    # A customer with no chat is told where a chat can start.
    nobody = core.customers.create("Петро Коваль", [ContactInput("phone", "+380671112233")])
    assert nobody.id is not None
    window.open_customer(nobody.id)
    qtbot.waitUntil(lambda: side.stack.currentWidget() is side.empty)
    assert "Telegram (Квітка бот), Telegram (Підтримка)" in side.empty.text()
    assert not side.tabs.isVisible()


def test_a_new_message_appears_from_the_changes_value_alone(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    chat(core, shop, 40)
    shell.window.open_customer(olena)
    view = opened(qtbot, shell, 40)
    assert view.at_bottom()

    deliver(core, [inbound(shop, 100, "А ще листівку можна?")])
    qtbot.waitUntil(lambda: rows(view)[-1:] == ["А ще листівку можна?"])
    assert view.at_bottom()  # it was at the bottom: it follows
    assert not view.jump.isVisible()
    tab = panel(shell).tabs.tabText(0)
    assert tab.startswith("Telegram · Квітка бот")


def test_scrolled_up_a_new_message_does_not_move_the_view(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    chat(core, shop, 50)
    shell.window.open_customer(olena)
    view = opened(qtbot, shell, 50)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before, top = top_message(view), bar.value()

    deliver(core, [inbound(shop, 100, "Нове повідомлення")])
    qtbot.waitUntil(lambda: shown(view) == 51)
    assert bar.value() == top and top_message(view) == before
    assert view.jump.isVisible() and "1" in view.jump.text()

    qtbot.mouseClick(view.jump, Qt.MouseButton.LeftButton)
    assert view.at_bottom() and "Нове повідомлення" in visible_texts(view)
    assert not view.jump.isVisible()


def test_scrolling_to_the_top_loads_the_older_page_keeping_the_message_in_place(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    chat(core, shop, 120)
    shell.window.open_customer(olena)
    view = opened(qtbot, shell, 50)
    assert rows(view)[0] == "Повідомлення 70"
    bar = view.verticalScrollBar()

    bar.setValue(0)  # the top: the page before comes
    first = top_message(view)
    assert first == ("Повідомлення 70", 0) or first[0] == "Повідомлення 70"
    qtbot.waitUntil(lambda: shown(view) == 100)
    assert rows(view)[0] == "Повідомлення 20"
    assert top_message(view) == first  # where it was, with the older ones above
    assert bar.value() > 0

    bar.setValue(0)
    qtbot.waitUntil(lambda: shown(view) == 120)
    assert rows(view) == [f"Повідомлення {n}" for n in range(120)]
    assert not view.has_older


def test_a_stream_of_messages_keeps_the_latest_rows_and_the_older_come_back_on_scrolling_up(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    from ui.conversations.conversation_view import KEEP_ROWS

    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    chat(core, shop, 40)
    shell.window.open_customer(olena)
    view = opened(qtbot, shell, 40)
    total = 40
    for batch in range(6):  # 6 x 50 arrive while the operator follows the chat
        deliver(core, [inbound(shop, total + n) for n in range(50)])
        total += 50
        qtbot.waitUntil(lambda t=total: rows(view)[-1:] == [f"Повідомлення {t - 1}"])
        assert shown(view) <= KEEP_ROWS + 50, batch
    assert shown(view) <= KEEP_ROWS and view.has_older
    assert view.at_bottom()
    assert rows(view) == [f"Повідомлення {n}" for n in range(total - shown(view), total)]

    bar = view.verticalScrollBar()
    for _ in range(10):  # scrolled up page by page, every message comes back, none twice
        if not view.has_older:
            break
        before = shown(view)
        bar.setValue(0)
        qtbot.waitUntil(lambda b=before: shown(view) > b)
    assert rows(view) == [f"Повідомлення {n}" for n in range(total)]


def test_a_reply_sent_while_its_row_is_being_read_shows_sent(
    qtbot: Any, shell: Any, sqlite_core: Core, monkeypatch: Any
) -> None:
    """The channel marks the reply sent right after the view read it as queued
    and before that read's rows are shown: the 'sent' change names a message
    the view does not show yet, and must still be read (a CI run of the
    newcomer's flow once stayed on 'queued' for ever)."""
    import ui.conversations.conversation_view as view_module

    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    conversation, _ = chat(core, shop, 3)
    shell.window.open_customer(olena)
    view = opened(qtbot, shell, 3)
    real = view_module.load_changed
    sent: list[int] = []

    def read_then_sent(core_: Core, cid: int, ids: set[int], header: bool) -> Any:
        loaded = real(core_, cid, ids, header)
        if not sent and loaded.items and loaded.items[-1].text == "Відповідь":
            claimed = core.outbox.claim_next(shop)  # the channel, just after the read
            assert claimed is not None and claimed.id is not None
            core.outbox.mark_sent(claimed.id, ["900"])
            sent.append(claimed.id)
        return loaded

    monkeypatch.setattr(view_module, "load_changed", read_then_sent)
    send(core, conversation, "Відповідь")
    qtbot.waitUntil(lambda: rows(view)[-1:] == ["Відповідь"])
    assert sent
    qtbot.waitUntil(lambda: "✓ sent" in painted(view, "Відповідь"))


def test_a_failed_message_shows_why_and_resend_queues_it_again(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    conversation, _ = chat(core, shop, 3)
    failed = send(core, conversation, "Доставимо завтра")
    assert core.outbox.claim_next(shop) is not None
    core.outbox.mark_failed(failed, SendFailure.PERMANENT, "Bad Request: message is too long")
    shell.window.open_customer(olena)
    view = opened(qtbot, shell, 4)
    item = view.messages.items[-1]
    assert item.delivery is not None and item.delivery.notice is not None
    texts = painted(view, "Доставимо завтра")
    assert error_text(item.delivery.notice) in texts  # why, in the operator's words
    assert "Bad Request: message is too long" in " ".join(texts)
    assert "not sent" in texts and "Resend" in texts and "Cancel" not in texts

    click_button(qtbot, view, "Доставимо завтра", Action.RESEND)
    qtbot.waitUntil(lambda: outbox_state(core, failed) == ("queued", ""))
    # The change brings the new state to the bubble.
    qtbot.waitUntil(lambda: "queued" in painted(view, "Доставимо завтра"))
    assert "Resend" not in painted(view, "Доставимо завтра")
    assert core.timeline.get(view.messages.items[-1].interaction_id).meta["resends"][0]["by"]


def test_a_message_that_may_not_have_been_sent_offers_resend_and_cancel(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    conversation, _ = chat(core, shop, 2)
    unsure = send(core, conversation, "Букет готовий")
    assert core.outbox.claim_next(shop) is not None
    core.outbox.recover(shop)  # the app stopped while it was being sent
    shell.window.open_customer(olena)
    view = opened(qtbot, shell, 3)
    texts = painted(view, "Букет готовий")
    assert "may not have been sent" in texts
    assert "Resend" in texts and "Cancel" in texts
    menu = view.menu_for(view.messages.index(2))
    assert menu is not None
    entries = [a.text() for a in menu.actions()]
    assert entries == ["Copy text", "Reply", "Resend", "Cancel sending"] or entries == [
        "Copy text",
        "Resend",
        "Cancel sending",
    ]
    menu.close()

    # The keyboard: the message selected, Delete settles it without sending it again.
    view.setFocus()
    view.setCurrentIndex(view.messages.index(2))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: outbox_state(core, unsure)[0] == "failed")
    assert outbox_state(core, unsure)[1] == "cancelled by " + shell.window.operator
    qtbot.waitUntil(lambda: "not sent" in painted(view, "Букет готовий"))
    assert "Resend" in painted(view, "Букет готовий")
    assert "Cancel" not in painted(view, "Букет готовий")

    # Ctrl+Shift+R sends it after all.
    qtbot.keyClick(
        view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: outbox_state(core, unsure)[0] == "queued")


def test_the_timelines_chat_row_opens_the_conversation_at_that_message(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    _, ids = chat(core, shop, 120)
    window = shell.window
    window.open_customer(olena)
    timeline = window.card.timeline
    qtbot.waitUntil(lambda: timeline.list.count() == 50 and not timeline.loading)
    opened(qtbot, shell, 50)
    timeline.load_more()  # the second page: messages 20..69
    qtbot.waitUntil(lambda: timeline.list.count() == 100)
    target = ids[30]
    (row,) = [
        r
        for r in range(timeline.list.count())
        if timeline.list.item(r).data(Qt.ItemDataRole.UserRole) == target
    ]
    timeline.list.setFocus()
    timeline.list.setCurrentRow(row)
    qtbot.keyClick(timeline.list, Qt.Key.Key_Return)

    view = panel(shell).view.messages
    qtbot.waitUntil(lambda: "Повідомлення 30" in rows(view) and view.current_item() is not None)
    current = view.current_item()
    assert current is not None and current.interaction_id == target
    assert "Повідомлення 30" in visible_texts(view)
    assert view.has_older and view.has_newer  # history both ways, loaded as scrolled
    assert panel(shell).tabs.count() == 1

    # Scrolled to the bottom, the newer messages come, up to the latest.
    def at_the_end() -> bool:
        bar = view.verticalScrollBar()
        bar.setValue(bar.maximum())
        return not view.has_newer

    qtbot.waitUntil(at_the_end)
    assert rows(view)[-1] == "Повідомлення 119" and not view.has_newer


def test_the_timeline_keeps_its_place_while_messages_arrive(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    chat(core, shop, 120)
    window = shell.window
    window.open_customer(olena)
    timeline = window.card.timeline
    qtbot.waitUntil(lambda: timeline.list.count() == 50 and not timeline.loading)
    qtbot.waitUntil(lambda: not window.card.refresh_pending)  # the chat's own change, read
    timeline.load_more()
    qtbot.waitUntil(lambda: timeline.list.count() == 100 and not timeline.loading)
    bar = timeline.list.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # far down the first pages, not at the end
    top = timeline.list.itemAt(QPoint(4, 1))
    assert top is not None
    looked_at, where, value = top.text(), timeline.list.visualItemRect(top).top(), bar.value()

    deliver(core, [inbound(shop, 500, "Ще одне")])
    qtbot.waitUntil(lambda: timeline.list.count() == 101)  # the new row, the rest kept
    assert "Ще одне" in timeline.list.item(0).text()
    now_top = timeline.list.itemAt(QPoint(4, 1))
    assert now_top is not None and now_top.text() == looked_at
    assert timeline.list.visualItemRect(now_top).top() == where
    assert bar.value() > value  # the row above pushed the content down by its height

    # At the very top a new row is shown, not scrolled past.
    bar.setValue(0)
    deliver(core, [inbound(shop, 501, "І ще")])
    qtbot.waitUntil(lambda: timeline.list.count() == 102)
    assert bar.value() == 0 and "І ще" in timeline.list.item(0).text()


def test_files_open_as_their_name_and_save_where_asked(
    qtbot: Any, shell: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    picture = tmp_path / "upload.jpg"
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7d44"))
    assert image.save(str(picture))
    program = tmp_path / "x"
    program.write_bytes(b"MZ" + b"\0" * 100)
    not_image = tmp_path / "y"
    not_image.write_bytes(b"this is not a PNG")
    files = (
        InboundFile("photo", "букет.jpg", "image/jpeg", picture.stat().st_size, picture),
        InboundFile("document", "рахунок.pdf.exe", "application/octet-stream", 102, program),
        InboundFile("photo", "зламане.png", "image/png", not_image.stat().st_size, not_image),
    )
    deliver(core, [inbound(shop, 1, "Ось", files=files, kind="photo")])
    window = shell.window
    window.open_customer(olena)
    view = opened(qtbot, shell, 1)
    item = view.messages.items[0]
    bubble = view.bubbles.bubble(item)
    pictures = {p.attachment: p.image for p in bubble.pictures}
    assert pictures == {0: True, 1: False, 2: False}  # a thumbnail; icons for the rest
    assert (bubble.pictures[0].rect.width(), bubble.pictures[0].rect.height()) == (260, 195)
    offered = [(a, i) for a, _, _, i in view.actions_for(item)]
    assert ("open", 0) in offered and ("save", 1) in offered
    assert ("open", 1) not in offered  # it could run a program
    qtbot.waitUntil(
        lambda: view.thumbnails.get(item.attachments[0].id, picture, image.size()) is not None
    )

    opens = panel(shell).view.files
    handed: list[Any] = []

    def hand_over(url: Any) -> bool:
        handed.append(url)
        return True

    opens.open_url = hand_over
    view.setFocus()
    view.setCurrentIndex(view.messages.index(0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(handed) == 1)
    assert opens.opened[0].name == "букет.jpg"
    assert opens.opened[0].read_bytes() == picture.read_bytes()

    target = tmp_path / "saved" / "копія.exe"
    target.parent.mkdir()
    opens.save_to(item.attachments[1], target)
    qtbot.waitUntil(lambda: target.exists() and target.read_bytes() == program.read_bytes())


def test_an_unknown_sender_is_shown_alone_and_linked_to_a_customer(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    shop = account(core)
    conversation, _ = chat(core, shop, 2, user="900900")
    olena = core.customers.create("Олена Петренко", [ContactInput("phone", "+380501234567")])
    assert olena.id is not None
    side = panel(shell)
    side.show_conversation(None, conversation)
    view = side.view
    qtbot.waitUntil(lambda: view.header is not None and shown(view.messages) == 2)
    assert side.tabs.count() == 1 and "Олена Петренко" in side.tabs.tabText(0)
    assert view.unknown_row.isVisible()
    assert not view.call_button.isEnabled()  # no customer, no phone

    dialog = view.link_to_customer()
    assert dialog is not None
    dialog.search.setText("Петренко")
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    dialog.link()
    qtbot.waitUntil(lambda: shell.window.card.customer is not None)
    assert shell.window.card.customer.id == olena.id
    qtbot.waitUntil(lambda: side.customer_id == olena.id and view.header is not None)
    qtbot.waitUntil(lambda: view.header is not None and view.header.customer_id == olena.id)
    assert not view.unknown_row.isVisible() and view.conversation_id == conversation
    assert core.conversations.get(conversation).customer_id == olena.id


def test_a_callback_asked_from_a_chat_links_back_to_it_from_the_queue(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    core.settings.operator_name = "Ірина"
    shop, support = account(core, "Квітка бот"), account(core, "Підтримка")
    olena = customer(core)
    deliver(core, [inbound(support, 50, "Підтримка")])
    conversation, _ = chat(core, shop, 3)  # not the latest: the panel opens the other
    side = panel(shell)
    side.show_conversation(olena, conversation)
    qtbot.waitUntil(
        lambda: side.view.conversation_id == conversation and side.view.header is not None
    )
    qtbot.mouseClick(side.view.callback_button, Qt.MouseButton.LeftButton)
    dialog = side.view.findChild(CallbackRequestDialog)
    assert dialog is not None and dialog.conversation_id == conversation
    with qtbot.waitSignal(side.callbackSaved):
        dialog.save()
    with core.db.session() as s:
        (request,) = list(s.exec(select(CallbackRequest)))
        assert request.meta["conversation_id"] == conversation

    petro = core.customers.create("Петро Коваль", [ContactInput("phone", "+380671112233")])
    assert petro.id is not None
    shell.window.open_customer(petro.id)  # elsewhere meanwhile
    qtbot.waitUntil(lambda: side.customer_id == petro.id and side.view.conversation_id is None)
    assert request.id is not None
    shell.window.callbacks.call_request(request.id)
    qtbot.waitUntil(lambda: side.view.conversation_id == conversation)
    assert side.customer_id == olena and shell.window.card.customer_id == olena
    assert side.tabs.count() == 2


def test_shown_in_the_active_window_the_conversation_is_read(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    conversation, _ = chat(core, shop, 3)
    window = shell.window
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.open_customer(olena)
    opened(qtbot, shell, 3)
    qtbot.waitUntil(lambda: core.conversations.get(conversation).unread_count == 0)
    qtbot.waitUntil(lambda: panel(shell).tabs.tabText(0) == "Telegram · Квітка бот")


def test_hostile_names_and_bodies_stay_plain_text(
    qtbot: Any, shell: Any, sqlite_core: Core, hostile: str, tmp_path: Path
) -> None:
    core = sqlite_core
    shop = account(core, hostile)
    paper = tmp_path / "file"
    paper.write_bytes(b"%PDF")
    first = inbound(
        shop,
        1,
        hostile,
        sender_title=hostile,
        files=(InboundFile("document", f"{hostile}.pdf", "application/pdf", 4, paper),),
    )
    (stored,) = deliver(core, [first])
    conversation = stored.conversation_id
    answer = inbound(shop, 2, "Відповідь", reply_to_external_id=first.external_id)
    deliver(core, [dataclasses.replace(answer, sender_title=hostile)])
    failed = send(core, conversation, hostile)
    assert core.outbox.claim_next(shop) is not None
    core.outbox.mark_failed(failed, SendFailure.PERMANENT, hostile)
    side = panel(shell)
    side.show_conversation(None, conversation)
    view = side.view
    qtbot.waitUntil(lambda: view.header is not None and shown(view.messages) == 3)
    with core.db.session() as s:
        row = s.get(Conversation, conversation)
        assert row is not None and row.title == hostile

    # The quote is the core's cut: 99 characters, trailing spaces stripped (the
    # temp folder's name decides where it falls: "pytest-31" put a space last).
    seen = assert_shown_as_text(hostile, pieces=(hostile[: QUOTE_CHARS - 1].rstrip(),))
    assert shown_by(seen, view.who, view.where, side.tabs, view.messages) == [
        view.who,
        view.where,
        side.tabs,
        view.messages,
    ]
    painted_here = [s.text for s in seen if s.widget is view.messages]
    assert sum(MARK in t for t in painted_here) >= 5  # sender, body, file, quote, reason
    labels = [w for w in view.findChildren(QLabel) if MARK in w.text()]
    assert labels and all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)


@pytest.fixture
def hostile(tmp_path: Path) -> str:
    from tests.ui.test_plain_text import PROBE_COLOUR

    probe = tmp_path / "probe.png"
    image = QImage(24, 24, QImage.Format.Format_RGB32)
    image.fill(PROBE_COLOUR)
    assert image.save(str(probe))
    return f'<img src="{probe}"><b>{MARK}</b> Tom &amp; Jerry'


def test_the_composer_is_under_the_messages(qtbot: Any, shell: Any, sqlite_core: Core) -> None:
    try:
        from ui.conversations.composer import Composer
    except ModuleNotFoundError:  # pragma: no cover - built in parallel (issue 19)
        pytest.skip("the composer (ui/conversations/composer.py) is not in the tree")
    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    chat(core, shop, 2)
    shell.window.open_customer(olena)
    opened(qtbot, shell, 2)
    view = panel(shell).view
    assert isinstance(view.composer, Composer)
    layout = view.layout()
    assert layout is not None
    assert layout.indexOf(view.composer) > layout.indexOf(view.messages)
    panel(shell).focus_composer()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focused = QApplication.focusWidget()
    assert focused is not None and view.composer.isAncestorOf(focused)


def test_a_sent_message_with_a_note_says_it_under_the_bubble(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    from app.refusals import Notice

    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    conversation, _ = chat(core, shop, 1)
    sent = send(core, conversation, "Рахунок у вкладенні")
    assert core.outbox.claim_next(shop) is not None
    note = Notice("Sent, but not saved to the Sent folder: {reason}", reason="NO [TRYCREATE]")
    core.outbox.mark_sent(sent, ["m-1"], notes=[note])
    shell.window.open_customer(olena)
    view = opened(qtbot, shell, 2)
    texts = painted(view, "Рахунок у вкладенні")
    assert "Sent, but not saved to the Sent folder: NO [TRYCREATE]" in texts
    assert "✓ sent" in texts


def test_words_written_in_a_chat_deleted_in_another_view_stay_until_dismissed(
    qtbot: Any, shell: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    from tests.ui.test_composer import ctrl_enter, type_text

    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    conversation, _ = chat(core, shop, 3)
    shell.window.open_customer(olena)
    opened(qtbot, shell, 3)
    side = panel(shell)
    composer = side.view.composer
    qtbot.waitUntil(lambda: composer.conversation_id == conversation and composer._loaded)
    words = "Олено, ваше замовлення 4417 готове до відправки"
    type_text(composer.input, words)
    price = tmp_path / "рахунок.pdf"
    price.write_bytes(b"%PDF")
    composer.add_files([str(price)])

    # Another view (the customers list's worker) erases the customer; the
    # operator presses Send before the panel has heard of it.
    erased_in_another_view(core, olena)
    ctrl_enter(qtbot, composer)
    notice = side.unsent
    qtbot.waitUntil(lambda: notice.isVisible())
    assert "“Telegram · Квітка бот · Олена Петренко” was deleted" in notice.reason.text()
    assert notice.words.toPlainText() == words
    assert notice.files.text() == "Files that were attached: рахунок.pdf"
    with core.db.session() as s:
        assert s.exec(select(Conversation)).all() == []
        assert s.exec(select(OutboxMessage)).all() == []  # nothing went, nothing waits
    qtbot.waitUntil(lambda: core.drafts.get(conversation) is not None)
    assert core.drafts.get(conversation).text == words  # on the disk: a crash loses nothing

    notice.copy_button.click()
    assert QApplication.clipboard().text() == words
    qtbot.keyClick(notice.dismiss_button, Qt.Key.Key_Space)
    assert not notice.isVisible()
    qtbot.waitUntil(lambda: core.drafts.get(conversation) is None)
    assert price.exists()  # the operator's own file is theirs: only a pasted copy goes


def test_a_chat_deleted_with_nothing_written_leaves_no_notice(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    shop = account(core)
    olena = customer(core)
    chat(core, shop, 2)
    shell.window.open_customer(olena)
    opened(qtbot, shell, 2)
    side = panel(shell)
    erased_in_another_view(core, olena)
    qtbot.waitUntil(lambda: side.stack.currentWidget() is side.empty)
    assert not side.unsent.isVisible()
    assert side.empty.text() == (
        "This customer is no longer in the database (deleted in another window)."
    )
    qtbot.waitUntil(lambda: shell.tasks.pending == 0)
    # A read of the chat that met it gone is no error to announce.
    assert "could not be read" not in shell.window.statusBar().currentMessage()

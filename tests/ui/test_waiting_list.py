"""The "waiting for reply" list in the window (issue 19, item 3): every chat
whose customer waits, the longest waiting first, filters, the wait clock's
colours at the settings' thresholds (the clock is a function the test moves,
no sleeping), new messages through the changes value only, Enter opening the
card and the conversation, and the unknown sender's "link" and "create"."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from app.core import Core
from app.models import Channel
from tests.statements import statements
from tests.ui.chats import T0, channel_account, deliver, message, write
from ui.conversations.notifier import first_words
from ui.conversations.waiting_list import AMBER_TEXT, RED_TEXT, WaitingList, wait_text


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def shown(waiting: WaitingList) -> list[int]:
    return [e.conversation_id for e in waiting.model.rows]


def cell(waiting: WaitingList, row: int, column: str, role: Any = None) -> Any:
    index = waiting.model.index(row, waiting.model.COLUMNS.index(column))
    return waiting.model.data(index, role if role is not None else Qt.ItemDataRole.DisplayRole)


def started(shell: Any, clock: Clock) -> WaitingList:
    waiting: WaitingList = shell.window.waiting
    waiting.clock = clock
    waiting.refresh()
    return waiting


def test_the_longest_waiting_first_with_who_where_what_and_how_long(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    shop, support = (
        channel_account(sqlite_core, "Магазин"),
        channel_account(sqlite_core, "Підтримка"),
    )
    first = write(sqlite_core, shop, "1", 0, "Добрий день!\nДе моє замовлення?")
    second = write(sqlite_core, support, "2", 10, "Чи є доставка до Львова?")
    write(sqlite_core, shop, "1", 30, "Ау? Чекаю вже пів години")  # wrote last, waits longest
    olena = sqlite_core.customers.create("Олена Петренко")
    sqlite_core.conversations.link(second, olena.id)
    waiting = started(shell, Clock(T0 + timedelta(minutes=72)))
    qtbot.waitUntil(lambda: shown(waiting) == [first, second], timeout=5000)

    assert [cell(waiting, 0, c) for c in waiting.model.COLUMNS] == [
        "1 h 12 min",
        "Клієнт 1",
        "Telegram · Магазин",
        "Ау? Чекаю вже пів години",
        "2",
        "",
    ]
    assert cell(waiting, 1, "customer") == "Олена Петренко"
    assert cell(waiting, 1, "wait") == "1 h 2 min"
    unknown_font = cell(waiting, 0, "customer", Qt.ItemDataRole.FontRole)
    assert unknown_font is not None and unknown_font.italic()  # not linked yet
    assert waiting.summary.text() == "2 waiting · 2 over 15 min"
    assert shell.window.chats_dock.windowTitle() == "Chats (2)"


def test_the_clock_words() -> None:
    assert [
        wait_text(timedelta(seconds=s))
        for s in (0, 59, 60, 4 * 60 + 59, 60 * 60, 72 * 60, 24 * 3600, 26 * 3600 + 5)
    ] == ["< 1 min", "< 1 min", "1 min", "4 min", "1 h", "1 h 12 min", "1 d", "1 d 2 h"]


def test_filters_mine_unassigned_and_per_channel(qtbot: Any, shell: Any, sqlite_core: Core) -> None:
    telegram = channel_account(sqlite_core, "Магазин")
    viber = channel_account(sqlite_core, "Viber магазину", kind="viber")
    mine, theirs, nobodys = (write(sqlite_core, telegram, user, n) for n, user in enumerate("abc"))
    (on_viber,) = deliver(
        sqlite_core, message(viber, "v1", T0 + timedelta(minutes=3), channel=Channel.VIBER)
    )
    operator = shell.window.operator
    sqlite_core.conversations.assign(mine, operator)
    sqlite_core.conversations.assign(theirs, "Петро")
    waiting = started(shell, Clock(T0 + timedelta(minutes=10)))
    qtbot.waitUntil(lambda: shown(waiting) == [mine, theirs, nobodys, on_viber], timeout=5000)
    assert [waiting.channel_box.itemText(i) for i in range(waiting.channel_box.count())] == [
        "All channels",
        "Telegram (3)",
        "Viber (1)",
    ]

    waiting.set_show("mine")
    qtbot.waitUntil(lambda: shown(waiting) == [mine], timeout=5000)
    assert cell(waiting, 0, "assignee") == operator
    waiting.set_show("unassigned")
    qtbot.waitUntil(lambda: shown(waiting) == [nobodys, on_viber], timeout=5000)
    waiting.set_channel("viber")  # among what was read: no query
    assert shown(waiting) == [on_viber]
    assert waiting.channel_box.currentText() == "Viber (1)"
    waiting.set_show("all")
    qtbot.waitUntil(lambda: shown(waiting) == [on_viber] and not waiting.refresh_pending)
    waiting.channel_box.setCurrentIndex(waiting.channel_box.findData("telegram"))
    assert shown(waiting) == [mine, theirs, nobodys]
    waiting.channel_box.setCurrentIndex(0)
    assert shown(waiting) == [mine, theirs, nobodys, on_viber]
    assert shell.window.chats_dock.windowTitle() == "Chats (4)"


def test_the_clock_turns_amber_then_red_at_the_thresholds_without_a_query(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    sqlite_core.settings.waiting_amber_minutes = 5
    sqlite_core.settings.waiting_red_minutes = 15
    shop = channel_account(sqlite_core)
    early = write(sqlite_core, shop, "1", 0)
    late = write(sqlite_core, shop, "2", 3)
    clock = Clock(T0 + timedelta(minutes=4, seconds=59))
    waiting = started(shell, clock)
    qtbot.waitUntil(lambda: shown(waiting) == [early, late], timeout=5000)
    assert waiting.levels() == ["normal", "normal"]
    assert cell(waiting, 0, "wait", Qt.ItemDataRole.ForegroundRole) is None
    # The one timer is due when the first row changes colour, in a second.
    assert waiting.clock_timer.isActive() and waiting.clock_timer.interval() <= 1001

    with statements(sqlite_core.db) as sent:
        clock.now = T0 + timedelta(minutes=5)
        waiting.tick()
        assert waiting.levels() == ["amber", "normal"]
        assert cell(waiting, 0, "wait", Qt.ItemDataRole.ForegroundRole).color() == AMBER_TEXT
        assert cell(waiting, 0, "wait") == "5 min"
        clock.now = T0 + timedelta(minutes=15)
        waiting.tick()
        assert waiting.levels() == ["red", "amber"]
        assert cell(waiting, 0, "wait", Qt.ItemDataRole.ForegroundRole).color() == RED_TEXT
        assert cell(waiting, 0, "wait", Qt.ItemDataRole.FontRole).bold()
        assert waiting.summary.text() == "2 waiting · 1 over 15 min"
        # Settings moved the thresholds: the next tick uses them.
        sqlite_core.settings.waiting_amber_minutes = 20
        sqlite_core.settings.waiting_red_minutes = 30
        waiting.tick()
        assert waiting.levels() == ["normal", "normal"]
    assert sent == []  # the clock never reads the database


def test_a_message_from_a_channel_thread_arrives_through_the_changes_value(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    shop = channel_account(sqlite_core)
    waiting = started(shell, Clock(T0 + timedelta(minutes=30)))
    qtbot.waitUntil(lambda: waiting.loaded, timeout=5000)
    assert shown(waiting) == [] and waiting.summary.text() == "Nobody is waiting for a reply."
    assert shell.window.chats_dock.windowTitle() == "Chats"

    conversation = write(sqlite_core, shop, "7", 12, "Підкажіть, будь ласка, ціну")
    # No timer runs a read before the change: the safety read is a minute away.
    qtbot.waitUntil(lambda: shown(waiting) == [conversation], timeout=5000)
    assert cell(waiting, 0, "message") == "Підкажіть, будь ласка, ціну"
    assert cell(waiting, 0, "wait") == "18 min"

    # The operator answers (the outbox, as the composer queues): it stops waiting.
    def answer() -> None:
        sqlite_core.outbox.queue(
            conversation, "Добрий день!", operator="Ірина", idempotency_key="k"
        )

    shell.tasks.run(answer)
    qtbot.waitUntil(lambda: shown(waiting) == [], timeout=5000)


def test_the_first_change_after_a_quiet_spell_is_read_at_once_and_a_burst_once_more(
    qtbot: Any, shell: Any, sqlite_core: Core, monkeypatch: Any
) -> None:
    from app.changes import Changes
    from ui.conversations import waiting_list

    waiting = started(shell, Clock(T0 + timedelta(minutes=30)))
    qtbot.waitUntil(lambda: waiting.loaded and not waiting.refresh_pending, timeout=5000)
    reads: list[int] = []
    entries = sqlite_core.waiting.entries

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(1)
        return entries(*args, **kwargs)

    monkeypatch.setattr(sqlite_core.waiting, "entries", counted)
    # Quiet: no read asked for SOON_MS (the window's start may ask one more).
    qtbot.waitUntil(
        lambda: not waiting.refresh_pending
        and time.monotonic() - waiting._last_read > waiting_list.SOON_MS / 1000,
        timeout=5000,
    )
    change = Changes(conversations=frozenset({1}))
    waiting.apply_changes(change)
    assert waiting._loading and not waiting._soon.isActive()  # asked at once, no timer
    for _ in range(5):  # a burst right after it: one more read, after the timer
        waiting.apply_changes(change)
    assert waiting._soon.isActive()
    qtbot.waitUntil(lambda: not waiting.refresh_pending, timeout=5000)
    qtbot.waitUntil(lambda: shell.tasks.pending == 0, timeout=5000)
    assert len(reads) == 2


def test_arrows_and_enter_open_the_card_and_the_conversation(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    shop = channel_account(sqlite_core)
    unknown = write(sqlite_core, shop, "1", 0)
    known = write(sqlite_core, shop, "2", 1)
    olena = sqlite_core.customers.create("Олена Петренко")
    assert olena.id is not None
    sqlite_core.conversations.link(known, olena.id)
    window = shell.window
    waiting = started(shell, Clock(T0 + timedelta(minutes=10)))
    qtbot.waitUntil(lambda: shown(waiting) == [unknown, known], timeout=5000)
    chosen: list[tuple[int, int]] = []
    waiting.conversation_chosen.connect(lambda c, v: chosen.append((c, v)))

    window.actions_by_name["focus_chats"].trigger()
    assert waiting.table.hasFocus() and waiting.current_conversation() == unknown
    qtbot.keyClick(waiting.table, Qt.Key.Key_Down)
    assert waiting.current_conversation() == known
    qtbot.keyClick(waiting.table, Qt.Key.Key_Return)
    assert chosen == [(olena.id, known)]
    qtbot.waitUntil(lambda: window.card.customer is not None, timeout=5000)
    assert window.card.customer.id == olena.id
    assert window.open_conversation_id == known
    qtbot.waitUntil(lambda: window.side.conversation_id == known, timeout=5000)
    assert window.side.customer_id == olena.id

    qtbot.keyClick(waiting.table, Qt.Key.Key_Up)
    qtbot.keyClick(waiting.table, Qt.Key.Key_Enter)
    assert chosen[-1] == (-1, unknown)  # an unknown sender: no card to open
    qtbot.waitUntil(lambda: window.side.conversation_id == unknown, timeout=5000)


def test_an_unknown_sender_is_linked_to_a_customer_from_the_menu(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    shop = channel_account(sqlite_core)
    conversation = write(sqlite_core, shop, "42", 0)
    sqlite_core.customers.create("Мороз Віктор")
    olena = sqlite_core.customers.create("Олена Петренко")
    waiting = started(shell, Clock(T0 + timedelta(minutes=10)))
    qtbot.waitUntil(lambda: shown(waiting) == [conversation], timeout=5000)
    menu = waiting.menu_for(conversation)
    entries = [a.text() for a in menu.actions() if a.text()]
    assert entries == ["&Open", "&Assign to me", "&Link to a customer…", "&Create customer…"]

    link = waiting.link_customer(conversation)
    assert link is not None
    link.search.setText("Олена")  # type: ignore[attr-defined]  (QTest types ASCII only)
    qtbot.waitUntil(lambda: link.results.count() == 1, timeout=5000)  # type: ignore[attr-defined]
    qtbot.keyClick(link.search, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert link.results.hasFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(link.results, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: sqlite_core.conversations.get(conversation).customer_id == olena.id)
    # Linked: the list names the customer, and the card opens with the chat.
    qtbot.waitUntil(lambda: cell(waiting, 0, "customer") == "Олена Петренко", timeout=5000)
    qtbot.waitUntil(lambda: shell.window.card.customer is not None, timeout=5000)
    assert shell.window.card.customer.id == olena.id
    assert [a.text() for a in waiting.menu_for(conversation).actions() if a.text()] == [
        "&Open",
        "&Assign to me",
    ]


def test_create_customer_from_an_unknown_sender_with_their_name(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    shop = channel_account(sqlite_core)
    (conversation,) = deliver(
        sqlite_core, message(shop, "77", T0, title="Марина Гончаренко", username="marina_h")
    )
    waiting = started(shell, Clock(T0 + timedelta(minutes=10)))
    qtbot.waitUntil(lambda: shown(waiting) == [conversation], timeout=5000)
    assert cell(waiting, 0, "customer") == "Марина Гончаренко (@marina_h)"
    dialog = waiting.create_customer(conversation)
    assert dialog is not None
    assert dialog.name.text() == "Марина Гончаренко"  # type: ignore[attr-defined]
    dialog.save()  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: sqlite_core.conversations.get(conversation).customer_id is not None, timeout=5000
    )
    customer_id = sqlite_core.conversations.get(conversation).customer_id
    assert sqlite_core.customers.get(customer_id).name == "Марина Гончаренко"
    qtbot.waitUntil(lambda: shell.window.card.customer is not None, timeout=5000)
    assert shell.window.card.customer.id == customer_id


def test_the_chats_dock_is_a_tab_beside_the_callbacks_and_stays_where_it_was_put(
    qtbot: Any, shell: Any, sqlite_core: Core, engine: Any
) -> None:
    from ui.shell.shell import Shell

    window = shell.window
    assert window.chats_dock in window.tabifiedDockWidgets(window.callback_dock)
    assert window.dockWidgetArea(window.chats_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    # The operator puts the chats on the right, beside the conversation.
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.chats_dock)
    window.quitting = True
    window.close()  # as Quit does

    again = Shell(sqlite_core, phone=engine)
    qtbot.addWidget(again.window)
    try:
        chats = again.window.findChild(QDockWidget, "chatsDock")
        assert chats is again.window.chats_dock
        assert again.window.dockWidgetArea(chats) == Qt.DockWidgetArea.RightDockWidgetArea
        assert chats not in again.window.tabifiedDockWidgets(again.window.callback_dock)
    finally:
        again.channels.stop()
        again.window.stop_refreshing()
        again.tasks.shutdown()
        assert again.call_log is not None
        again.call_log.close()


def test_a_damaged_layout_file_leaves_the_default_layout(
    qtbot: Any, shell: Any, sqlite_core: Core, engine: Any
) -> None:
    from ui.shell.shell import Shell

    shell.window.layout_file.write_text('{"version": 2, "state": "%%%", "geometry": 1}')
    again = Shell(sqlite_core, phone=engine)
    qtbot.addWidget(again.window)
    try:
        window = again.window
        assert window.chats_dock in window.tabifiedDockWidgets(window.callback_dock)
    finally:
        again.channels.stop()
        again.window.stop_refreshing()
        again.tasks.shutdown()
        assert again.call_log is not None
        again.call_log.close()


# --- outside text ---------------------------------------------------------------------

from tests.ui.test_plain_text import as_html, assert_shown_as_text, hostile, shown_by  # noqa: E402

__all__ = ["hostile"]  # the fixture, shared with the generic walk


def test_names_and_messages_from_outside_show_as_text_in_the_list_the_menu_and_the_tray(
    qtbot: Any, shell: Any, sqlite_core: Core, hostile: str, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    from ui.shell.tray import Tray

    shop = channel_account(sqlite_core, hostile)
    (stranger,) = deliver(sqlite_core, message(shop, "1", T0, hostile, title=hostile))
    known = write(sqlite_core, shop, "2", 1, hostile)
    customer = sqlite_core.customers.create(hostile)
    sqlite_core.conversations.link(known, customer.id)
    window = shell.window
    tray = Tray(shell.bridge, window=window, tasks=shell.tasks)
    handed: list[tuple[Any, ...]] = []
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    tray.icon.isVisible = lambda: True  # type: ignore[method-assign]
    tray.icon.showMessage = lambda *args: handed.append(args)  # type: ignore[method-assign]
    window.notifier.attach_tray(tray)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    waiting = started(shell, Clock(T0 + timedelta(minutes=30)))
    qtbot.waitUntil(lambda: shown(waiting) == [stranger, known], timeout=5000)
    window.hide()  # now a message is announced
    deliver(sqlite_core, message(shop, "1", T0 + timedelta(minutes=2), hostile, title=hostile))
    qtbot.waitUntil(lambda: len(handed) == 1, timeout=5000)
    body = handed[0][1]
    assert first_words(hostile) in (as_html(body) if tray.body_is_markup else body)

    window.show()
    qtbot.waitUntil(lambda: not waiting.refresh_pending, timeout=5000)
    menu = waiting.menu_for(stranger)
    link = waiting.link_customer(stranger)
    assert link is not None
    qtbot.waitExposed(link)
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    # The core cuts a long preview (app/waiting_inbox.py): the cut piece is shown literally.
    previews = [e.preview.text for e in waiting.model.rows if e.preview is not None]
    seen = assert_shown_as_text(hostile, pieces=previews)
    assert shown_by(seen, waiting.table) == [waiting.table]
    assert {s.what for s in seen if s.widget is waiting.table} >= {
        "item 0,1",  # the sender's name
        "item 0,3",  # the message
        "item 0,3 tooltip",
        "item 1,1",  # the customer's name
    }
    assert any(s.widget in link.findChildren(QWidget) for s in seen)
    menu.close()
    link.close()


def test_a_long_list_is_not_measured_row_by_row_at_every_read(
    qtbot: Any, shell: Any, sqlite_core: Core, monkeypatch: Any
) -> None:
    # The columns fit their contents: Qt's default measures 1,000 rows of every
    # column at each read (a model reset), ~40,000 data() calls and 150-200 ms
    # of the GUI thread for a full list (bench/README.md, "The conversations
    # panel"). The first rows and those in sight are enough.
    shop = channel_account(sqlite_core)
    deliver(
        sqlite_core,
        *(message(shop, f"u{n}", T0 + timedelta(seconds=n)) for n in range(400)),
    )
    shell.window.chats_dock.show()
    shell.window.chats_dock.raise_()
    waiting = started(shell, Clock(T0 + timedelta(minutes=30)))
    qtbot.waitUntil(lambda: len(shown(waiting)) == 400 and not waiting.refresh_pending)
    assert waiting.table.isVisible()
    calls: list[str] = []  # the cells' texts asked for (Qt's calls into data() reach it)
    original = type(waiting.model)._display

    def counted(self: Any, entry: Any, column: str) -> str:
        calls.append(column)
        return original(self, entry, column)

    monkeypatch.setattr(type(waiting.model), "_display", counted)
    write(sqlite_core, shop, "u0", 40, "Ще одне питання")
    qtbot.waitUntil(lambda: cell(waiting, 0, "message") == "Ще одне питання")
    qtbot.wait(200)  # the columns' measuring and the paint
    # Five fitted columns on the first rows and those in sight (~320 texts), not
    # on all 400 rows (~2,000).
    assert 0 < len(calls) < 800, len(calls)

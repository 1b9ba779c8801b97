"""Notifications for new messages (issue 19, item 5): one through the tray when
the window is out of sight, none while the operator looks at it; the privacy
setting hides the words; a burst is one notification per chat; a click opens
that conversation; the tray's badge and tooltip count the unread messages;
the optional sound. Messages come from a channel's thread, as in the app."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app.core import Core
from tests.ui.chats import T0, channel_account, deliver, message, write
from ui.conversations.notifier import QUIET, MessageNotifier, first_words
from ui.shell.tray import Tray


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def tray(shell: Any, monkeypatch: Any) -> Tray:
    """The app's tray, attached as main() attaches it. The offscreen platform
    has no tray: the icon stands in for a desktop that shows messages."""
    icon = Tray(shell.bridge, window=shell.window, tasks=shell.tasks)
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    icon.icon.isVisible = lambda: True  # type: ignore[method-assign]
    icon.handed: list[tuple[Any, ...]] = []  # type: ignore[attr-defined]
    icon.icon.showMessage = lambda *args: icon.handed.append(args)  # type: ignore[method-assign,attr-defined]
    icon.showRequested.connect(shell.window.bring_to_front)
    shell.window.notifier.attach_tray(icon)
    return icon


def seen(tray: Tray) -> list[tuple[str, str]]:
    notes: list[tuple[str, str]] = []
    tray.notified.connect(lambda title, text: notes.append((title, text)))
    return notes


def settled(qtbot: Any, shell: Any) -> None:
    """Every change delivered and every read back (the notifier's included)."""
    qtbot.waitUntil(
        lambda: (
            shell.tasks.pending == 0
            and not shell.window.waiting.refresh_pending
            and not shell.window.notifier.pending
        ),
        timeout=5000,
    )


def looked_at(qtbot: Any, shell: Any, *conversations: int) -> None:
    """The operator has the window in front while these chats arrive (nothing
    is announced), until the window has taken in every change."""
    shell.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    waiting = shell.window.waiting
    qtbot.waitUntil(
        lambda: {e.conversation_id for e in waiting.entries} >= set(conversations), timeout=5000
    )
    settled(qtbot, shell)


def test_a_message_while_the_window_is_hidden_is_notified_with_who_and_the_first_words(
    qtbot: Any, shell: Any, sqlite_core: Core, tray: Tray
) -> None:
    notes = seen(tray)
    shop = channel_account(sqlite_core)
    olena = sqlite_core.customers.create("Олена Петренко")
    known = write(sqlite_core, shop, "1", 0, "Перше")
    sqlite_core.conversations.link(known, olena.id)
    looked_at(qtbot, shell, known)
    assert notes == []
    shell.window.hide()  # closed to the tray

    write(sqlite_core, shop, "1", 1, "Добрий день!\nЧи можна змінити адресу доставки на Київ?")
    qtbot.waitUntil(lambda: len(notes) == 1, timeout=5000)
    assert notes == [
        ("New message", "Олена Петренко: Добрий день! Чи можна змінити адресу доставки на Київ?")
    ]
    assert tray.handed[0][:2] == notes[0]  # type: ignore[attr-defined]
    assert tray.notified_conversation == known

    # An unknown sender: how the platform names them.
    stranger = write(sqlite_core, shop, "2", 2, "Привіт")
    qtbot.waitUntil(lambda: len(notes) == 2, timeout=5000)
    assert notes[1] == ("New message", "Клієнт 2: Привіт")
    assert tray.notified_conversation == stranger


def test_no_notification_while_the_operator_looks_at_the_window(
    qtbot: Any, shell: Any, sqlite_core: Core, tray: Tray
) -> None:
    notes = seen(tray)
    shop = channel_account(sqlite_core)
    shell.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    conversation = write(sqlite_core, shop, "1", 0, "Привіт")
    qtbot.waitUntil(
        lambda: [e.conversation_id for e in shell.window.waiting.entries] == [conversation]
    )
    settled(qtbot, shell)
    assert notes == []
    # ...and the operator's own messages are never announced.
    shell.window.hide()
    sqlite_core.outbox.queue(conversation, "Вітаю!", operator="Ірина", idempotency_key="k1")
    qtbot.waitUntil(lambda: shell.window.waiting.entries == [], timeout=5000)
    settled(qtbot, shell)
    assert notes == []


def test_the_privacy_setting_leaves_the_words_out(
    qtbot: Any, shell: Any, sqlite_core: Core, tray: Tray
) -> None:
    sqlite_core.settings.notify_message_text = False
    notes = seen(tray)
    shop = channel_account(sqlite_core)
    shell.window.hide()
    write(sqlite_core, shop, "1", 0, "Мій пароль від кабінету 12345")
    qtbot.waitUntil(lambda: len(notes) == 1, timeout=5000)
    assert notes == [("New message", "New message from Клієнт 1")]
    assert "12345" not in str(tray.handed)  # type: ignore[attr-defined]


def test_a_burst_in_one_chat_is_one_notification_and_each_chat_gets_its_own(
    qtbot: Any, shell: Any, sqlite_core: Core, tray: Tray
) -> None:
    notes = seen(tray)
    shop = channel_account(sqlite_core)
    clock = Clock(datetime.now(UTC))
    shell.window.notifier.clock = clock
    shell.window.hide()
    # Twenty in one chat: ten in one batch, then ten more one by one, as a
    # customer types in bursts, each seen by the window before the next;
    # another chat writes once after them.
    deliver(
        sqlite_core,
        *(
            message(shop, "1", T0 + timedelta(seconds=n), f"частина {n}", number=n)
            for n in range(10)
        ),
    )
    qtbot.waitUntil(lambda: len(notes) == 1, timeout=5000)
    assert notes == [("New message", "Клієнт 1: частина 9")]  # the newest of the batch
    waiting = shell.window.waiting
    for n in range(10, 20):
        deliver(
            sqlite_core, message(shop, "1", T0 + timedelta(seconds=n), f"частина {n}", number=n)
        )
        qtbot.waitUntil(
            lambda n=n: (
                [e.unread for e in waiting.entries] == [n + 1] and not waiting.refresh_pending
            ),
            timeout=5000,
        )
    deliver(sqlite_core, message(shop, "2", T0 + timedelta(seconds=30), "Інше питання"))
    qtbot.waitUntil(lambda: len(notes) == 2, timeout=5000)
    settled(qtbot, shell)
    assert notes[1] == ("New message", "Клієнт 2: Інше питання")

    # Quiet for a while after a notification; the next message later is news again.
    clock.now += QUIET + timedelta(seconds=1)
    deliver(sqlite_core, message(shop, "1", T0 + timedelta(minutes=5), "Ви тут?"))
    qtbot.waitUntil(lambda: len(notes) == 3, timeout=5000)
    assert notes[-1] == ("New message", "Клієнт 1: Ви тут?")


def test_clicking_the_notification_opens_that_conversation(
    qtbot: Any, shell: Any, sqlite_core: Core, tray: Tray
) -> None:
    notes = seen(tray)
    shop = channel_account(sqlite_core)
    olena = sqlite_core.customers.create("Олена Петренко")
    conversation = write(sqlite_core, shop, "1", 0)
    sqlite_core.conversations.link(conversation, olena.id)
    window = shell.window
    looked_at(qtbot, shell, conversation)
    window.hide()
    write(sqlite_core, shop, "1", 1, "Ви тут?")
    qtbot.waitUntil(lambda: len(notes) == 1, timeout=5000)

    tray.icon.messageClicked.emit()  # as the desktop reports the click
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.side.conversation_id == conversation, timeout=5000)
    qtbot.waitUntil(lambda: window.card.customer is not None, timeout=5000)
    assert window.card.customer.id == olena.id

    # A call's notification shows the window, and opens no conversation.
    window.open_conversation_id = None
    tray.notify("Missed call", "Missed call from +380501234567")
    tray.icon.messageClicked.emit()
    assert window.open_conversation_id is None


def test_the_tray_counts_unread_messages(
    qtbot: Any, shell: Any, sqlite_core: Core, tray: Tray
) -> None:
    shop = channel_account(sqlite_core)
    first = write(sqlite_core, shop, "1", 0)
    write(sqlite_core, shop, "1", 1)
    write(sqlite_core, shop, "2", 2)
    qtbot.waitUntil(lambda: tray.unread == 3, timeout=5000)
    assert tray.tooltip().splitlines()[:2] == ["Switchboard", "3 unread message(s)"]
    sqlite_core.conversations.mark_read(first)
    qtbot.waitUntil(lambda: tray.unread == 1, timeout=5000)
    assert tray.tooltip() == "Switchboard\n1 unread message(s)"


def test_the_message_sound_plays_only_when_chosen(
    qtbot: Any, shell: Any, sqlite_core: Core, tray: Tray
) -> None:
    notifier: MessageNotifier = shell.window.notifier
    notes = seen(tray)
    shop = channel_account(sqlite_core)
    shell.window.hide()
    write(sqlite_core, shop, "1", 0)
    qtbot.waitUntil(lambda: len(notes) == 1, timeout=5000)
    assert notifier.sounds_played == 0 and notifier.sound is None  # off by default

    sqlite_core.settings.message_sound = True
    write(sqlite_core, shop, "2", 1)
    qtbot.waitUntil(lambda: len(notes) == 2, timeout=5000)
    assert notifier.sounds_played == 1
    from PySide6.QtMultimedia import QSoundEffect

    assert isinstance(notifier.sound, QSoundEffect)
    source = notifier.sound.source().toLocalFile()
    assert source.endswith("resources/sounds/message.wav")


def test_first_words_are_one_line_cut_between_words() -> None:
    assert first_words("Добрий день!\n\nДе   моє замовлення?") == "Добрий день! Де моє замовлення?"
    long = "слово " * 40
    cut = first_words(long, 50)
    assert cut.endswith("…") and len(cut) <= 50 and not cut[:-1].endswith(" ")
    assert cut[:-1].split() == ["слово"] * len(cut[:-1].split())


def test_an_emails_notification_says_its_subject_and_own_words_not_the_quote(
    qapp: Any, sqlite_core: Core
) -> None:
    from tests.ui.test_email_conversation import email_thread
    from ui.conversations.notifier import read_new_messages

    conversation_id, interaction_id, _ = email_thread(sqlite_core)
    found = read_new_messages(sqlite_core, conversation_id, [interaction_id])
    assert found is not None
    assert found.text.startswith("Re: Замовлення 42: Добрий день!")
    assert "пише:" not in found.text and "+380501234567" not in found.text

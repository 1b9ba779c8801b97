"""An email conversation in the panel (issue 20, item 6), through the real
window and core on SQLite: the bubble shows the subject, From and Cc, the
customer's own words with the quoted history and signature folded under one
button (unfolded by click or Ctrl+E); the composer has Subject and Cc filled
in from the thread, a wrong Cc is refused naming it with nothing queued, the
reply goes with what the fields show, and an edited Subject stays with the
draft through a restart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlmodel import col, select

from app.core import Core
from app.drafts import Draft
from app.mail.parse import parse
from app.models import OutboxMessage
from tests.app.mail_rows import ANNA, store_mail
from tests.app.test_mail_view import _raw
from tests.ui.test_composer import make_composer, open_chat, type_text, wait_disk
from tests.ui.test_conversation_view import click_button, customer, opened
from ui.common.tasks import TaskRunner
from ui.conversations.bubbles import Action

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)


def email_thread(core: Core) -> tuple[int, int, str]:
    """Anna's reply with a quote and a signature: (conversation, message, text)."""
    mail = parse(_raw())
    stored = store_mail(
        core,
        mail,
        sent_at=T0,
        conversation_meta={
            "email": {
                "subject": mail.subject,
                "address": ANNA,
                "last_message_id": mail.message_id,
                "cc": [["Petrenko, Olena", "olena@customer.example"]],
            }
        },
    )
    assert stored.interaction_id is not None
    return stored.conversation_id, stored.interaction_id, mail.text


@pytest.fixture
def tasks(qtbot: Any) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_the_bubble_shows_the_mail_and_folds_its_quoted_history(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    anna = core.customers.create("Анна Коваль", [])
    assert anna.id is not None
    conversation_id, _, text = email_thread(core)
    core.conversations.link(conversation_id, anna.id)
    shell.window.open_customer(anna.id)
    view = opened(qtbot, shell, 1)
    index = view.messages.index(0)
    texts = view.bubbles.painted_texts(index)
    assert "Re: Замовлення 42" in texts
    assert f"From: Анна <{ANNA}>" in texts
    assert 'Cc: "Petrenko, Olena" <olena@customer.example>' in texts
    assert "Добрий день!\n\nРозмір M підходить, беру." in texts
    assert not any("Чи підходить вам розмір M" in t for t in texts)  # folded
    assert not any("+380501234567" in t for t in texts)  # the signature too
    assert "Show quoted text (7 lines)" in texts  # the signature, the attribution, the quote
    folded_height = view.visualRect(index).height()

    click_button(qtbot, view, text, Action.UNFOLD)
    qtbot.waitUntil(lambda: view.visualRect(index).height() > folded_height)
    texts = view.bubbles.painted_texts(index)
    assert any("> Чи підходить вам розмір M?" in t for t in texts)
    assert "Hide quoted text" in texts

    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.visualRect(index).height() == folded_height)
    assert "Show quoted text" in [a[1] for a in view.actions_for(view.messages.items[0])]


def test_the_reply_goes_with_the_subject_and_cc_the_fields_show(
    qtbot: Any, sqlite_core: Core, tasks: TaskRunner
) -> None:
    core = sqlite_core
    conversation_id, _, _ = email_thread(core)
    composer = make_composer(qtbot, core, tasks)
    try:
        open_chat(qtbot, composer, conversation_id)
        fields = composer.mail_fields
        assert fields.isVisible()
        assert fields.subject.text() == "Re: Замовлення 42"
        assert fields.cc.text() == '"Petrenko, Olena" <olena@customer.example>'

        fields.cc.setFocus()
        fields.cc.selectAll()
        qtbot.keyClicks(fields.cc, "olena@customer.example, boris")
        composer.input.setPlainText("Дякуємо, відправимо сьогодні.")
        composer.send()
        qtbot.waitUntil(lambda: composer.problem.isVisible())
        assert "'boris' in Cc is not an email address." in composer.problem.text()
        assert _outbox(core, conversation_id) == []
        assert composer.input.toPlainText() == "Дякуємо, відправимо сьогодні."  # kept

        fields.cc.selectAll()
        qtbot.keyClicks(fields.cc, "olena@customer.example; boris@customer.example")
        composer.send()
        qtbot.waitUntil(lambda: len(_outbox(core, conversation_id)) == 1)
        (row,) = _outbox(core, conversation_id)
        meta = core.timeline.get(row.interaction_id).meta
        assert meta["email"] == {
            "subject": "Re: Замовлення 42",
            "cc": [["", "olena@customer.example"], ["", "boris@customer.example"]],
        }
        qtbot.waitUntil(lambda: composer.input.toPlainText() == "")
        # The next reply follows the thread again.
        assert fields.cc.text() == '"Petrenko, Olena" <olena@customer.example>'
    finally:
        composer.shutdown()


def test_an_edited_subject_stays_with_the_draft_through_a_restart(
    qtbot: Any, sqlite_core: Core, tasks: TaskRunner
) -> None:
    core = sqlite_core
    conversation_id, _, _ = email_thread(core)
    composer = make_composer(qtbot, core, tasks)
    open_chat(qtbot, composer, conversation_id)
    composer.mail_fields.subject.selectAll()
    type_text(composer.mail_fields.subject, "Рахунок до замовлення 42")
    composer.shutdown()  # the app closes: the draft is on the disk
    draft = core.drafts.get(conversation_id)
    assert draft == Draft(conversation_id, "", subject="Рахунок до замовлення 42")

    again = make_composer(qtbot, core, tasks)
    try:
        open_chat(qtbot, again, conversation_id)
        qtbot.waitUntil(lambda: again.mail_fields.subject.text() == "Рахунок до замовлення 42")
        # The Cc was not edited: it still follows the thread.
        assert again.mail_fields.cc.text() == '"Petrenko, Olena" <olena@customer.example>'
        wait_disk(qtbot, again)
    finally:
        again.shutdown()


def test_a_telegram_chat_has_no_mail_fields(
    qtbot: Any, sqlite_core: Core, tasks: TaskRunner
) -> None:
    from tests.ui.test_composer import account, chat

    conversation_id = chat(sqlite_core, account(sqlite_core))
    composer = make_composer(qtbot, sqlite_core, tasks)
    try:
        open_chat(qtbot, composer, conversation_id)
        assert not composer.mail_fields.isVisible()
    finally:
        composer.shutdown()


def _outbox(core: Core, conversation_id: int) -> list[OutboxMessage]:
    with core.db.session() as s:
        return list(
            s.exec(
                select(OutboxMessage)
                .where(OutboxMessage.conversation_id == conversation_id)
                .order_by(col(OutboxMessage.id))
            )
        )


__all__ = ["customer"]

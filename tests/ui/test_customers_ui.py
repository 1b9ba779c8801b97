"""Screen-pop, customer search and the customer card with its timeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt

from app.core import Core
from app.customers import ContactInput
from app.models import Channel, Direction, InteractionStatus
from app.timeline import InteractionDraft
from sip.events import CallPhase
from tests.ui.conftest import ended, feed, incoming, state
from ui.customers.new_customer_dialog import NewCustomerDialog
from ui.customers.timeline_view import PAGE_SIZE


def make_customer(core: Core, interactions: int = 3) -> int:
    customer = core.customers.create(
        "Olena Kovalenko",
        [ContactInput("phone", "050 123 45 67"), ContactInput("email", "olena@example.com")],
        company="Kvitka Flowers",
        notes="Prefers calls after 14:00.",
        tags=["wholesale", "vip"],
        owner="Iryna",
    )
    assert customer.id is not None
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    for i in range(interactions):
        channel = Channel.CALL if i % 2 == 0 else Channel.TELEGRAM
        core.timeline.record(
            InteractionDraft(
                channel=channel,
                direction=Direction.INBOUND,
                status=InteractionStatus.ANSWERED if channel is Channel.CALL else "received",
                started_at=start + timedelta(hours=i),
                subject=f"contact number {i}",
                customer_id=customer.id,
            )
        )
    return customer.id


def test_incoming_call_pops_the_customer_before_answering(
    qtbot: Any, shell: Any, engine: Any, sqlite_core: Core
) -> None:
    customer_id = make_customer(sqlite_core, interactions=6)
    feed(shell.bridge, incoming("in-1", "+380501234567", "Olena"))
    qtbot.waitUntil(lambda: "in-1" in shell.window.pops)
    pop = shell.window.pops["in-1"]
    qtbot.waitUntil(lambda: pop.info is not None)
    assert pop.name.text() == "Olena Kovalenko"
    assert pop.company.text() == "Kvitka Flowers"
    assert pop.number.text() == "+380 50 123 4567"
    assert pop.recent.count() == 4
    assert pop.recent.item(0).text().splitlines()[1] == "contact number 5"  # newest first
    assert not pop.create_button.isVisible()
    assert shell.book.get("in-1").customer_name == "Olena Kovalenko"

    qtbot.mouseClick(pop.answer_button, Qt.MouseButton.LeftButton)
    assert ("answer", "in-1") in engine.commands
    feed(shell.bridge, state("in-1", CallPhase.CONFIRMED))
    qtbot.waitUntil(lambda: "in-1" not in shell.window.pops)
    qtbot.waitUntil(lambda: shell.window.card.customer is not None)
    assert shell.window.card.customer.id == customer_id


def test_reject_from_the_popup(qtbot: Any, shell: Any, engine: Any) -> None:
    feed(shell.bridge, incoming("in-2", "+380509999999"))
    qtbot.waitUntil(lambda: "in-2" in shell.window.pops)
    pop = shell.window.pops["in-2"]
    qtbot.mouseClick(pop.reject_button, Qt.MouseButton.LeftButton)
    assert ("reject", "in-2") in engine.commands
    feed(shell.bridge, ended("in-2", "+380509999999"))
    qtbot.waitUntil(lambda: "in-2" not in shell.window.pops)


def test_unknown_number_offers_create_customer(qtbot: Any, shell: Any, sqlite_core: Core) -> None:
    feed(shell.bridge, incoming("in-3", "+380671112233"))
    qtbot.waitUntil(lambda: "in-3" in shell.window.pops)
    pop = shell.window.pops["in-3"]
    qtbot.waitUntil(lambda: pop.info is not None)
    assert pop.name.text() == "Unknown caller"
    assert pop.create_button.isVisible()
    qtbot.mouseClick(pop.create_button, Qt.MouseButton.LeftButton)
    dialog = shell.window.findChild(NewCustomerDialog)
    assert dialog is not None
    assert dialog.phone.text() == "+380671112233"
    dialog.name.setText("New Caller")
    dialog.save()
    qtbot.waitUntil(lambda: sqlite_core.customers.find("phone", "+380671112233") is not None)
    qtbot.waitUntil(lambda: shell.window.card.customer is not None)
    assert shell.window.card.customer.name == "New Caller"


def test_search_shows_matching_customers(qtbot: Any, shell: Any, sqlite_core: Core) -> None:
    make_customer(sqlite_core, 0)
    sqlite_core.customers.create("Petro Bondar", [ContactInput("phone", "+380931112233")])
    listing = shell.window.customers
    listing.refresh()
    qtbot.waitUntil(lambda: listing.results.count() == 2)
    qtbot.keyClicks(listing.search, "kvit")
    qtbot.waitUntil(lambda: listing.results.count() == 1)
    assert listing.results.item(0).text() == "Olena Kovalenko — Kvitka Flowers"
    listing.search.setText("093 111")
    qtbot.waitUntil(
        lambda: listing.results.count() == 1 and "Petro" in listing.results.item(0).text()
    )
    listing.search.setText("nobody-like-this")
    qtbot.waitUntil(lambda: listing.status.isVisible())
    assert listing.results.count() == 0


def test_card_shows_details_and_a_paged_timeline(
    qtbot: Any, shell: Any, sqlite_core: Core, engine: Any
) -> None:
    customer_id = make_customer(sqlite_core, interactions=PAGE_SIZE + 30)
    card = shell.window.card
    shell.window.open_customer(customer_id)
    qtbot.waitUntil(lambda: card.customer is not None)
    assert card.name.text() == "Olena Kovalenko"
    assert card.company.text() == "Kvitka Flowers"
    assert card.owner.text() == "Iryna"
    assert card.tags.text() == "wholesale, vip"
    assert "after 14:00" in card.notes.text()
    timeline = card.timeline
    qtbot.waitUntil(lambda: timeline.list.count() >= PAGE_SIZE)
    first = timeline.list.item(0).text()
    assert first.splitlines()[1] == f"contact number {PAGE_SIZE + 29}"
    assert "Telegram" in first
    call_row = timeline.list.item(1).text()
    assert "Call" in call_row and "answered" in call_row
    bar = timeline.list.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: timeline.list.count() == PAGE_SIZE + 30)
    assert not timeline.has_more
    assert timeline.list.item(timeline.list.count() - 1).text().endswith("contact number 0")

    timeline.filter.setCurrentIndex(timeline.filter.findData("telegram"))
    qtbot.waitUntil(lambda: timeline.list.count() == (PAGE_SIZE + 30) // 2)
    assert all("Telegram" in timeline.list.item(i).text() for i in range(timeline.list.count()))

    call = card.findChild(type(shell.window.dialpad.call_button), "callContact")
    qtbot.mouseClick(call, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "dial" in engine.names())
    assert engine.commands[-1][:3] == ("dial", "office", "+380501234567")
    assert shell.book.active.customer_name == "Olena Kovalenko"


def test_new_customer_dialog_shows_core_errors(qtbot: Any, shell: Any) -> None:
    dialog = NewCustomerDialog(shell.core, shell.tasks, "not a phone", shell.window)
    qtbot.addWidget(dialog)
    dialog.name.setText("Somebody")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert "not a phone number" in dialog.error.text()

"""Every view refreshes from the one 'what changed' value: a write from any
thread (the web form's intake, the call log, a plain thread with no Qt) reaches
the open card, its timeline, the customer list and the callback desk with no
wiring per source; a write that concerns a view not refresh it; a burst of
commits is one refresh, not one per commit."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.changes import Changes
from app.core import Core
from app.customers import ContactInput
from app.models import CallbackSource, Channel, Direction, InteractionStatus
from app.timeline import InteractionDraft
from sip.events import CallOutcome
from tests.ui.conftest import ended, feed, incoming
from tests.ui.test_recordings_ui import write_wav

OLENA = "+380501234567"
PETRO = "+380677654321"
START = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def in_a_plain_thread(work: Callable[[], object]) -> None:
    """Runs ``work`` on a Python thread that has never seen Qt, as the web
    form's server threads, the call log's writer and a channel's worker do."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=run, name="plain-writer")
    thread.start()
    thread.join(60)
    assert not thread.is_alive() and not failures, failures


def note(core: Core, customer_id: int, subject: str, minutes: int = 0) -> int:
    row = core.timeline.record(
        InteractionDraft(
            channel=Channel.NOTE,
            direction=Direction.INTERNAL,
            status=InteractionStatus.DONE,
            started_at=START + timedelta(minutes=minutes),
            subject=subject,
            customer_id=customer_id,
        )
    ).interaction
    assert row.id is not None
    return row.id


def customer(core: Core, name: str, phone: str) -> int:
    made = core.customers.create(name, [ContactInput("phone", phone)])
    assert made.id is not None
    return made.id


class Resets:
    """How often a view was read again: its list's model is reset each time."""

    def __init__(self, model: Any) -> None:
        self.count = 0
        model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.count += 1


class TimelineReads:
    """How often the timeline read the database again (a change's rows are
    merged into what it shows, its list is not reset)."""

    def __init__(self, timeline: Any) -> None:
        self.timeline = timeline
        self.before = timeline.reads

    @property
    def count(self) -> int:
        return int(self.timeline.reads - self.before)


def open_card(qtbot: Any, shell: Any, customer_id: int, rows: int) -> Any:
    window = shell.window
    # The queue's own 15 s read must not do the changes' work in these tests.
    window.callbacks.timer.stop()
    window.open_customer(customer_id)
    timeline = window.card.timeline
    qtbot.waitUntil(lambda: window.card.customer is not None and timeline.list.count() == rows)
    settle(qtbot, shell)
    return timeline


def settle(qtbot: Any, shell: Any) -> None:
    """Until every change received is read and nothing waits to be."""
    window = shell.window
    QCoreApplication.sendPostedEvents()  # a change posted by a finished writer
    qtbot.waitUntil(
        lambda: (
            not window.card.refresh_pending
            and not window.callbacks.refresh_pending
            and not window.customers.refresh_pending
            and shell.tasks.pending == 0
        ),
        timeout=10_000,
    )


def first_row(timeline: Any) -> str:
    """The newest row's text; empty while the list is being read again."""
    item = timeline.list.item(0)
    return str(item.text()) if item is not None else ""


def collect(shell: Any) -> list[Changes]:
    seen: list[Changes] = []
    shell.window.changes.changed.connect(seen.append)
    return seen


def test_a_web_form_request_reaches_the_open_card_and_the_desk(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    window = shell.window
    olena = customer(sqlite_core, "Olena Kovalenko", OLENA)
    note(sqlite_core, olena, "Asked about roses")
    timeline = open_card(qtbot, shell, olena, rows=1)
    assert window.callback_panel.model.rows == []

    # The web form's intake, on a thread of its own, as its server calls it.
    in_a_plain_thread(
        lambda: sqlite_core.callbacks.submit(
            "050 123 45 67",
            CallbackSource.WEB_FORM,
            name="Olena",
            comment="About the wedding order",
            external_id="form-1",
            fingerprint="f-1",
        )
    )

    # Nothing else is called: the change alone brings it to both.
    qtbot.waitUntil(lambda: timeline.list.count() == 2, timeout=10_000)
    assert "Callback requested" in timeline.list.item(0).text()
    qtbot.waitUntil(lambda: len(window.callback_panel.model.rows) == 1, timeout=10_000)
    (row,) = window.callback_panel.model.rows
    assert (row.phone, row.source) == (OLENA, "web_form")


def test_a_write_for_another_customer_leaves_the_open_card_alone(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    window = shell.window
    olena = customer(sqlite_core, "Olena Kovalenko", OLENA)
    petro = customer(sqlite_core, "Petro Bondar", PETRO)
    note(sqlite_core, olena, "Asked about roses")
    timeline = open_card(qtbot, shell, olena, rows=1)
    resets = TimelineReads(timeline)
    seen = collect(shell)

    def for_petro() -> None:
        note(sqlite_core, petro, "Petro's order")
        sqlite_core.customers.update(petro, company="Bondar & Sons")
        sqlite_core.callbacks.request(PETRO, CallbackSource.MANUAL)

    in_a_plain_thread(for_petro)
    QCoreApplication.sendPostedEvents()
    assert seen and petro in seen[-1].customers and olena not in seen[-1].customers
    # The card decided at once that none of it was its own: nothing waits, nothing read.
    assert not window.card.refresh_pending
    settle(qtbot, shell)
    assert resets.count == 0 and timeline.list.count() == 1
    assert len(window.callback_panel.model.rows) == 1  # the desk did take Petro's request

    # A write for Olena, the same way, is read.
    in_a_plain_thread(lambda: note(sqlite_core, olena, "Called back", minutes=5))
    qtbot.waitUntil(lambda: timeline.list.count() == 2, timeout=10_000)
    settle(qtbot, shell)
    assert resets.count == 1


def test_a_recording_stored_later_refreshes_the_timeline_showing_its_call(
    qtbot: Any, shell: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    """An attachment names only its interaction: the timeline showing that row
    is read again, the card's details are not."""
    olena = customer(sqlite_core, "Olena Kovalenko", OLENA)
    call = sqlite_core.timeline.record(
        InteractionDraft(
            Channel.CALL,
            Direction.INBOUND,
            InteractionStatus.ANSWERED,
            started_at=START,
            customer_id=olena,
        )
    ).interaction
    assert call.id is not None
    call_id = call.id
    timeline = open_card(qtbot, shell, olena, rows=1)
    assert "recording" not in timeline.list.item(0).text()
    wav = write_wav(tmp_path / "call.wav")
    seen = collect(shell)

    in_a_plain_thread(lambda: sqlite_core.attachments.add(call_id, wav, mime="audio/wav"))

    qtbot.waitUntil(lambda: "recording" in first_row(timeline), timeout=10_000)
    assert seen and olena not in seen[0].customers and call_id in seen[0].interactions


def test_a_call_log_write_still_refreshes_the_timeline_and_the_queue(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    window = shell.window
    olena = customer(sqlite_core, "Olena Kovalenko", OLENA)
    timeline = open_card(qtbot, shell, olena, rows=0)

    feed(shell.call_log, incoming("c1", OLENA, "Olena"))
    feed(shell.call_log, ended("c1", OLENA, CallOutcome.MISSED))

    qtbot.waitUntil(lambda: "missed" in first_row(timeline), timeout=10_000)
    qtbot.waitUntil(lambda: len(window.callback_panel.model.rows) == 1, timeout=10_000)


def test_a_customer_made_elsewhere_appears_in_the_list_which_keeps_the_selection(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    listing = shell.window.customers
    customer(sqlite_core, "Olena Kovalenko", OLENA)
    listing.search.setText("Ole")
    qtbot.waitUntil(lambda: listing.results.count() == 1)
    listing.results.setCurrentRow(0)
    settle(qtbot, shell)

    in_a_plain_thread(lambda: customer(sqlite_core, "Oleh Savchenko", PETRO))

    qtbot.waitUntil(lambda: listing.results.count() == 2, timeout=10_000)
    names = [listing.results.item(i).text() for i in range(listing.results.count())]
    assert sorted(names) == ["Oleh Savchenko", "Olena Kovalenko"]
    current = listing.results.currentItem()
    assert current is not None and current.text() == "Olena Kovalenko"


def test_a_burst_of_200_commits_is_one_value_and_one_refresh_per_view(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    window = shell.window
    olena = customer(sqlite_core, "Olena Kovalenko", OLENA)
    timeline = open_card(qtbot, shell, olena, rows=0)
    card_reads = TimelineReads(timeline)
    desk_reads = Resets(window.callback_panel.model)
    seen = collect(shell)

    def burst() -> None:  # 200 units of work, each committed on its own
        for i in range(150):
            note(sqlite_core, olena, f"note {i}", minutes=i)
        for i in range(50):
            sqlite_core.callbacks.request(f"+38050700{i:04d}", CallbackSource.MANUAL)

    # The GUI thread does not run meanwhile: all 200 wait for one turn.
    in_a_plain_thread(burst)
    qtbot.waitUntil(lambda: len(window.callback_panel.model.rows) == 50, timeout=10_000)
    qtbot.waitUntil(lambda: timeline.list.count() > 0, timeout=10_000)
    settle(qtbot, shell)

    assert len(seen) == 1
    assert olena in seen[0].customers and len(seen[0].callbacks) == 50
    assert len(seen[0].interactions) == 200  # each request has its timeline row
    assert timeline.list.item(0).text().splitlines()[1] == "note 149"
    assert (card_reads.count, desk_reads.count) == (1, 1)


def test_commits_while_the_window_runs_are_read_far_fewer_times_than_made(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    olena = customer(sqlite_core, "Olena Kovalenko", OLENA)
    timeline = open_card(qtbot, shell, olena, rows=0)
    card_reads = TimelineReads(timeline)
    seen = collect(shell)
    done = threading.Event()

    def burst() -> None:
        for i in range(200):
            note(sqlite_core, olena, f"note {i}", minutes=i)
        done.set()

    writer = threading.Thread(target=burst, name="plain-writer")
    writer.start()
    qtbot.waitUntil(done.is_set, timeout=60_000)  # the GUI thread runs throughout
    writer.join()
    settle(qtbot, shell)
    qtbot.waitUntil(lambda: "note 199" in first_row(timeline), timeout=10_000)

    # Values are merged per turn of the event loop, and the card's timer merges
    # the values: each read covers many commits (the exact number depends on
    # the machine's speed, so only its order is checked).
    assert 1 <= card_reads.count <= len(seen) <= 200
    assert card_reads.count < 50, (card_reads.count, len(seen))


def test_after_shutdown_the_views_hear_nothing(qtbot: Any, shell: Any, sqlite_core: Core) -> None:
    olena = customer(sqlite_core, "Olena Kovalenko", OLENA)
    assert shell.window.changes.attached
    seen = collect(shell)
    shell.shutdown()
    assert not shell.window.changes.attached
    note(sqlite_core, olena, "written after the window closed")  # publishes at once, here
    QCoreApplication.sendPostedEvents()
    assert seen == []

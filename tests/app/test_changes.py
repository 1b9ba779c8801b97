"""Every committed write says what it changed, whoever wrote it: one value
(customers, interactions, callbacks, conversations) on the database's feed."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from app.changes import Changes
from app.core import Core
from app.customers import ContactInput
from app.importers import CustomerImporter
from app.models import CallbackSource, Channel, Customer, Direction, InteractionStatus
from app.timeline import InteractionDraft

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def _collect(core: Core) -> list[Changes]:
    seen: list[Changes] = []
    lock = threading.Lock()

    def listener(changes: Changes) -> None:
        with lock:
            seen.append(changes)

    core.db.changes.subscribe(listener)
    return seen


def _all(seen: list[Changes]) -> Changes:
    total = Changes()
    for changes in seen:
        total = total | changes
    return total


def test_a_web_form_request_names_the_customer_whose_timeline_changed(core: Core) -> None:
    customer = core.customers.create("Олена", [ContactInput("phone", "0507001236")])
    seen = _collect(core)
    core.callbacks.clock = lambda: NOW
    request = core.callbacks.submit(
        "+380507001236", CallbackSource.WEB_FORM, external_id="a1", fingerprint="f"
    ).request
    total = _all(seen)
    assert customer.id in total.customers  # the open card of Олена refreshes
    assert request.id in total.callbacks  # the callback desk too
    assert total.interactions  # and the timeline row is named


def test_writes_from_another_thread_and_bulk_updates_are_published(core: Core) -> None:
    seen = _collect(core)
    core.callbacks.clock = lambda: NOW
    request = core.callbacks.request("+380507001236", CallbackSource.MANUAL)
    seen.clear()
    worker = threading.Thread(target=lambda: core.callbacks.claim(request.id, "Ігор"))
    worker.start()
    worker.join(30)
    assert request.id in _all(seen).callbacks  # the guarded claim is a bulk UPDATE


def test_a_rolled_back_unit_publishes_nothing(core: Core) -> None:
    seen = _collect(core)
    try:
        with core.db.session() as s:
            core.timeline.record_in(
                s,
                InteractionDraft(Channel.NOTE, Direction.INTERNAL, InteractionStatus.DONE),
            )
            raise RuntimeError("the operator's dialog failed after the insert")
    except RuntimeError:
        pass
    assert seen == []



def test_an_import_names_the_customers_it_made(core: Core, tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_text("name,phone\nОлена,0507001236\nІгор,0671112233\n", encoding="utf-8")
    seen = _collect(core)
    report = CustomerImporter(core.customers).import_file(path)
    assert report.imported == 2
    assert len(_all(seen).customers) == 2  # bulk inserts say so too


def test_a_savepoint_rolled_back_keeps_what_the_rest_of_the_unit_wrote(core: Core) -> None:
    seen = _collect(core)
    with core.db.transaction() as s:
        first = Customer(name="Олена")
        s.add(first)
        s.flush()
        try:
            with s.begin_nested():  # a lost race for one row, as the inbox has them
                s.add(Customer(id=first.id, name="двійник"))
                s.flush()
        except IntegrityError:
            pass
    assert first.id in _all(seen).customers


def test_a_released_savepoint_publishes_nothing_before_the_commit(core: Core) -> None:
    visible: list[int] = []

    def listener(changes: Changes) -> None:
        with core.db.session() as s:  # another reader: what it sees when told
            visible.append(len(s.exec(select(Customer)).all()))

    core.db.changes.subscribe(listener)
    with core.db.transaction() as s:
        with s.begin_nested():
            s.add(Customer(name="Олена"))
        with s.begin_nested():
            s.add(Customer(name="Ігор"))
    assert visible == [2]  # one announcement, after the commit, with both rows there

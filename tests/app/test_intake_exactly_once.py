"""One delivery, one request, whatever the concurrency and wherever a crash
falls: the request and its timeline row are one transaction, and the delivery's
id is unique in the database (SQLite and PostgreSQL alike).

The crash tests kill a real child process with SIGKILL after each statement of
an intake, then look at what the database kept and deliver the same id again.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func
from sqlmodel import select

from app.callbacks import CallbackQueue, Intake, RequestConflict
from app.core import Core
from app.models import CallbackRequest, CallbackSource, Channel, Interaction
from app.secrets import MemoryKeyring, SecretStore
from app.settings import AppPaths, Settings
from tests.concurrency import in_threads

WORKERS = 50
NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)  # a Thursday morning: the shop is open


def _open_core(paths: AppPaths, url: str, unknown_sender: str = "unlinked") -> Core:
    settings = Settings(database_url=url, default_region="UA", unknown_sender=unknown_sender)
    return Core.open(paths, settings, SecretStore(MemoryKeyring()))


@pytest.fixture
def open_core(app_paths: AppPaths) -> Iterator[Callable[..., Core]]:
    opened: list[Core] = []

    def make(url: str, unknown_sender: str = "unlinked") -> Core:
        core = _open_core(app_paths, url, unknown_sender)
        opened.append(core)
        return core

    yield make
    for core in opened:
        core.close()


def _submit(queue: CallbackQueue, request_id: str, fingerprint: str = "f1") -> Intake:
    return queue.submit(
        "+380 50 700 12 36",
        CallbackSource.WEB_FORM,
        name="Олена",
        comment="Про розмір",
        external_id=request_id,
        fingerprint=fingerprint,
    )


def _counts(core: Core, request_id: str) -> tuple[int, int]:
    with core.db.session() as s:
        requests = s.exec(
            select(func.count()).where(CallbackRequest.external_id == request_id)
        ).one()
        timeline = s.exec(
            select(func.count()).where(
                Interaction.channel == Channel.CALLBACK.value,
                Interaction.external_id == f"web_form:{request_id}",
            )
        ).one()
    return requests, timeline


def test_concurrent_deliveries_of_one_id_make_one_request(
    db_url: str, open_core: Callable[..., Core]
) -> None:
    core = open_core(db_url)
    core.callbacks.clock = lambda: NOW
    results = in_threads(WORKERS, lambda _i: _submit(core.callbacks, "f81d4fae"))
    errors = [r for r in results if isinstance(r, Exception)]
    assert not errors, errors[:3]
    assert sum(r.created for r in results) == 1
    assert len({r.request.id for r in results}) == 1
    assert _counts(core, "f81d4fae") == (1, 1)


def test_the_same_id_with_other_content_is_refused(
    db_url: str, open_core: Callable[..., Core]
) -> None:
    core = open_core(db_url)
    core.callbacks.clock = lambda: NOW
    first = _submit(core.callbacks, "r-1", fingerprint="aaa")
    assert first.created
    again = _submit(core.callbacks, "r-1", fingerprint="aaa")
    assert (again.created, again.request.id) == (False, first.request.id)
    with pytest.raises(RequestConflict, match=r"r-1 was already used for a different request"):
        _submit(core.callbacks, "r-1", fingerprint="bbb")
    results = in_threads(10, lambda i: _submit(core.callbacks, "r-1", fingerprint=f"x{i}"))
    assert all(isinstance(r, RequestConflict) for r in results)
    assert _counts(core, "r-1") == (1, 1)


def test_concurrent_missed_calls_from_one_number_make_one_request(
    db_url: str, open_core: Callable[..., Core]
) -> None:
    core = open_core(db_url)
    core.callbacks.clock = lambda: NOW
    results = in_threads(
        20, lambda i: core.callbacks.register_missed_call("0507001236", interaction_id=1000 + i)
    )
    assert not [r for r in results if isinstance(r, Exception)]
    with core.db.session() as s:
        rows = list(s.exec(select(CallbackRequest)))
    assert len(rows) == 1
    assert rows[0].missed_count == 20


def test_an_unknown_sender_made_a_customer_owns_the_request(
    db_url: str, open_core: Callable[..., Core]
) -> None:
    core = open_core(db_url, unknown_sender="create_customer")
    core.callbacks.clock = lambda: NOW
    intake = _submit(core.callbacks, "new-sender")
    customer = core.customers.find("phone", "0507001236")
    assert customer is not None and customer.name == "Олена"
    assert intake.request.customer_id == customer.id
    timeline_row = core.timeline.find_external(Channel.CALLBACK, "web_form:new-sender")
    assert timeline_row is not None and timeline_row.customer_id == customer.id


# --- a crash at every statement ------------------------------------------------


def _submit_and_die_at(paths: AppPaths, url: str, kill_at: int) -> None:
    """In the child: open the core, then SIGKILL this process right after the
    ``kill_at``-th statement of one submission has run (none is committed
    before the transaction's end)."""
    core = _open_core(paths, url)
    core.callbacks.clock = lambda: NOW
    executed = 0

    def after_statement(*_args: Any) -> None:
        nonlocal executed
        executed += 1
        if executed == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Engine, "after_cursor_execute", after_statement)
    _submit(core.callbacks, "crash-1")
    os._exit(0)  # every statement ran: the submission is committed


def _fresh_databases(db_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new database at head for each crash, copied from one migrated template."""
    if db_url.startswith("sqlite"):
        template = Path(db_url.removeprefix("sqlite:///"))
        _open_core(AppPaths(tmp_path / "c", tmp_path / "d", tmp_path / "l"), db_url).close()
        for n in range(1000):
            copy = tmp_path / f"crash-{n}.db"
            copy.write_bytes(template.read_bytes())
            yield f"sqlite:///{copy}"
        return
    server = request.getfixturevalue("pg_server")
    template_name = request.getfixturevalue("pg_template")
    for _ in range(1000):
        name = server.create_database(template=template_name)
        yield server.url(name)


def test_a_crash_at_any_statement_of_an_intake_keeps_both_rows_or_neither(
    db_url: str, request: pytest.FixtureRequest, tmp_path: Path, app_paths: AppPaths
) -> None:
    fork = multiprocessing.get_context("fork")
    databases = _fresh_databases(db_url, request, tmp_path)
    outcomes = []
    for kill_at in range(1, 60):
        url = next(databases)
        child = fork.Process(target=_submit_and_die_at, args=(app_paths, url, kill_at))
        child.start()
        child.join(timeout=60)
        assert child.exitcode in (0, -signal.SIGKILL), child.exitcode
        core = _open_core(app_paths, url)
        try:
            kept = _counts(core, "crash-1")
            assert kept in ((0, 0), (1, 1)), f"killed after statement {kill_at}: {kept}"
            core.callbacks.clock = lambda: NOW
            retried = _submit(core.callbacks, "crash-1")  # the website tries again
            assert retried.created == (kept == (0, 0))
            assert _counts(core, "crash-1") == (1, 1)
        finally:
            core.close()
        outcomes.append(kept)
        if child.exitcode == 0:
            break
    else:
        pytest.fail("the submission never finished: more statements than expected")
    # The kill fell inside the transaction at least once, and after it once.
    assert (0, 0) in outcomes and outcomes[-1] == (1, 1)

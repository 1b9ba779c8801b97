"""Cancel, release and reassign from the queue (issue 21, item 5), on SQLite and
PostgreSQL, with a clock the test moves: who may do what to a request another
operator holds, what is kept, and what "call next" hands out afterwards."""


import pytest

from app.callbacks import MAX_REASON, CallbackError, CallbackQueue
from app.changes import Changes
from app.core import Core
from app.customers import ContactInput
from tests.app.callback_clock import Clock


def test_cancel_closes_it_keeps_who_and_why_and_puts_it_on_the_timeline(
    core: Core, queue: CallbackQueue, clock: Clock
) -> None:
    olga = core.customers.create("Ольга", [ContactInput("phone", "0501234567")])
    req = queue.request("0501234567", "web_form", external_id="f-1")
    seen: list[Changes] = []
    core.db.changes.subscribe(seen.append)
    clock.advance(minutes=3)
    cancelled = queue.cancel(req.id, "anna", "  Wrote in Telegram: settled  ")
    assert (cancelled.status, cancelled.outcome, cancelled.closed_at) == (
        "cancelled",
        "cancelled",
        clock.now,
    )
    assert cancelled.meta["cancelled_by"] == "anna"
    assert cancelled.meta["cancel_reason"] == "Wrote in Telegram: settled"
    assert queue.queue() == []
    assert queue.claim_next("ivan") is None
    newest = core.timeline.page(olga.id)[0]
    assert (newest.subject, newest.body, newest.operator, newest.direction) == (
        "Callback cancelled",
        "Wrote in Telegram: settled",
        "anna",
        "internal",
    )
    assert any(req.id in c.callbacks for c in seen)  # the queue and the card refresh
    assert any(olga.id in c.customers for c in seen)
    with pytest.raises(CallbackError, match="already cancelled"):
        queue.cancel(req.id, "anna")
    with pytest.raises(CallbackError, match="already cancelled"):
        queue.claim(req.id, "anna")
    # The form's retried delivery is still the same (cancelled) request, not a new one.
    again = queue.submit("0501234567", "web_form", external_id="f-1")
    assert (again.created, again.request.id) == (False, req.id)


def test_a_request_being_called_by_another_is_not_cancelled_or_moved_under_them(
    queue: CallbackQueue, clock: Clock
) -> None:
    req = queue.request("0501234567", "manual")
    queue.claim(req.id, "anna")
    queue.start_attempt(req.id, "anna")
    with pytest.raises(CallbackError, match="being called by anna right now"):
        queue.cancel(req.id, "ivan")
    with pytest.raises(CallbackError, match="being called by anna right now"):
        queue.reassign(req.id, "ivan", "olena")
    assert queue.get(req.id).status == "claimed"
    # Her own claim: she may cancel it (the customer said on the call it is settled).
    assert queue.cancel(req.id, "anna", "settled on the call").status == "cancelled"


def test_an_expired_claim_does_not_block_a_cancel(queue: CallbackQueue, clock: Clock) -> None:
    req = queue.request("0501234567", "manual")
    queue.claim(req.id, "anna")
    clock.advance(minutes=11)  # anna went home with it
    assert queue.cancel(req.id, "ivan").status == "cancelled"


def test_reassigned_request_goes_only_to_its_operator_until_released(
    queue: CallbackQueue, clock: Clock
) -> None:
    urgent = queue.request("0501000001", "manual", priority=5)
    other = queue.request("0501000002", "manual")
    given = queue.reassign(urgent.id, "ivan", "  Olena   K. ")
    assert given.assigned_to == "Olena K."
    assert given.meta["assigned_by"] == "ivan"
    # "Call next" skips it for everyone else, however urgent it is.
    assert queue.claim_next("ivan").id == other.id
    queue.finish_attempt(other.id, "ivan", "reached")
    with pytest.raises(CallbackError, match=r"assigned to Olena K\.: reassign it to yourself"):
        queue.claim(urgent.id, "ivan")
    assert [r.id for r in queue.queue("mine", "Olena K.")] == [urgent.id]
    assert queue.claim_next("Olena K.").id == urgent.id
    # Her attempt fails: the retry stays hers.
    queue.start_attempt(urgent.id, "Olena K.")
    retried = queue.finish_attempt(urgent.id, "Olena K.", "no_answer")
    assert (retried.status, retried.assigned_to, retried.claimed_by) == (
        "open",
        "Olena K.",
        None,
    )
    clock.advance(hours=2)
    assert queue.claim_next("ivan") is None  # due again, but not his
    with pytest.raises(CallbackError, match="only they can release it"):
        queue.release(urgent.id, "ivan")
    released = queue.release(urgent.id, "Olena K.")
    assert (released.assigned_to, released.status) == (None, "open")
    assert queue.claim_next("ivan").id == urgent.id


def test_reassign_to_oneself_and_release_of_ones_claim(queue: CallbackQueue) -> None:
    req = queue.request("0501234567", "manual")
    queue.reassign(req.id, "ivan", "anna")
    taken = queue.reassign(req.id, "ivan", "ivan")  # he takes it over himself
    assert taken.assigned_to == "ivan"
    assert queue.claim(req.id, "ivan").claimed_by == "ivan"
    # Given to another while he holds the claim (no call running): his claim ends.
    moved = queue.reassign(req.id, "ivan", "anna")
    assert (moved.status, moved.claimed_by, moved.assigned_to) == ("open", None, "anna")
    claimed = queue.claim(req.id, "anna")
    assert claimed.claimed_by == "anna"
    released = queue.release(req.id, "anna")
    assert (released.status, released.claimed_by, released.assigned_to) == ("open", None, None)
    # Nothing held: a release changes nothing and says nothing.
    assert queue.release(req.id, "anna").status == "open"


@pytest.mark.parametrize(
    ("to", "says"),
    [("", "Say which operator"), ("   ", "Say which operator"), ("x" * 201, "at most 200")],
)
def test_bad_assignee_is_refused_and_nothing_changes(
    queue: CallbackQueue, to: str, says: str
) -> None:
    req = queue.request("0501234567", "manual")
    with pytest.raises(CallbackError, match=says):
        queue.reassign(req.id, "ivan", to)
    assert queue.get(req.id).assigned_to is None


def test_closed_or_missing_requests_are_refused_by_name(queue: CallbackQueue) -> None:
    req = queue.request("0501234567", "manual")
    queue.claim(req.id, "anna")
    queue.finish_attempt(req.id, "anna", "reached")
    for act in (
        lambda: queue.cancel(req.id, "anna"),
        lambda: queue.release(req.id, "anna"),
        lambda: queue.reassign(req.id, "anna", "ivan"),
    ):
        with pytest.raises(CallbackError, match=f"Callback #{req.id} is already done"):
            act()
    with pytest.raises(CallbackError, match="#999999 does not exist"):
        queue.cancel(999_999, "anna")
    with pytest.raises(CallbackError, match="operator's name"):
        queue.cancel(req.id, " ")


def test_a_too_long_reason_is_refused_and_nothing_changes(queue: CallbackQueue) -> None:
    req = queue.request("0501234567", "manual")
    with pytest.raises(CallbackError, match="reason is too long"):
        queue.cancel(req.id, "anna", "x" * (MAX_REASON + 1))
    assert queue.get(req.id).status == "open"


def test_operators_known_are_those_who_worked_callbacks_newest_first(
    queue: CallbackQueue, clock: Clock
) -> None:
    a = queue.request("0501000001", "manual")
    b = queue.request("0501000002", "manual")
    queue.claim(a.id, "anna")
    queue.start_attempt(a.id, "anna")
    queue.finish_attempt(a.id, "anna", "no_answer")
    clock.advance(minutes=5)
    queue.reassign(b.id, "anna", "Olena")
    assert queue.operators() == ["Olena", "anna"]
    clock.advance(minutes=5)
    c = queue.request("0501000003", "manual")
    queue.claim(c.id, "anna")  # her claim is newer than her last attempt
    assert queue.operators() == ["anna", "Olena"]

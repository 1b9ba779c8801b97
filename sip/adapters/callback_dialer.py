""" "Call next": claim the most urgent callback, count the attempt, dial it.

The window runs ``call_next`` off the GUI thread (it writes to the database and
asks the engine), shows the outcome dialog when the call ends with the outcome
``suggestion`` pre-selected, and hands the operator's choice to ``finish``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.callbacks import CallbackQueue, suggest_outcome
from app.contacts import format_for_dialing
from app.models import CallbackOutcome, CallbackRequest
from sip.adapters.call_log import CallLog, Dialer
from sip.events import CallEnded


@dataclass(frozen=True)
class CallbackCall:
    request: CallbackRequest
    call_id: str
    interaction_id: int


class CallbackDialer:
    def __init__(
        self,
        queue: CallbackQueue,
        call_log: CallLog,
        engine: Dialer,
        account_id: str,
        operator: str,
        dial_format: str = "e164",
    ) -> None:
        format_for_dialing("+10000000000", dial_format)  # a bad format fails here, not mid-call
        self.dial_format = dial_format
        self.queue = queue
        self.call_log = call_log
        self.engine = engine
        self.account_id = account_id
        self.operator = operator

    def call_next(self) -> CallbackCall | None:
        """None when nothing is due. The attempt is counted before the dial."""
        request = self.claim_next()
        if request is None:
            return None
        return self.call(request)

    def claim_next(self) -> CallbackRequest | None:
        """The most urgent due request, claimed for the operator; None when
        nothing is due."""
        return self.queue.claim_next(self.operator)

    def claim(self, request_id: int) -> CallbackRequest:
        """A request the operator picked from the list, claimed for them."""
        return self.queue.claim(request_id, self.operator)

    def call(self, request: CallbackRequest, call_id: str | None = None) -> CallbackCall:
        """Counts the attempt, records the call and dials it (``call_id``: the
        window's, from the engine's ``new_call_id``)."""
        assert request.id is not None
        self.queue.start_attempt(request.id, self.operator)
        call_id = self.call_log.dial(
            self.engine,
            self.account_id,
            format_for_dialing(request.phone, self.dial_format),
            number=request.phone,
            customer_id=request.customer_id,
            meta={"callback_request_id": request.id},
            call_id=call_id,
        )
        interaction_id = self.call_log.interaction_of(call_id)
        assert interaction_id is not None
        return CallbackCall(request, call_id, interaction_id)

    @staticmethod
    def suggestion(ended: CallEnded) -> CallbackOutcome | None:
        """What the outcome dialog pre-selects (the call outcome names match the
        interaction statuses suggest_outcome reads)."""
        return suggest_outcome(ended.outcome.value, ended.code)

    def finish(
        self, call: CallbackCall, outcome: CallbackOutcome, call_later_at: datetime | None = None
    ) -> CallbackRequest:
        assert call.request.id is not None
        return self.queue.finish_attempt(
            call.request.id,
            self.operator,
            outcome,
            call_later_at=call_later_at,
            interaction_id=call.interaction_id,
        )

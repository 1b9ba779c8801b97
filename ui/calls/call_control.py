"""The operator's call commands: dial, answer, hang up, hold, mute, DTMF,
transfer, record, switch between calls, a local 3-way conference.

Buttons, shortcuts and the screen-pop all come here, so each command is written
once. Engine commands only queue work, so they are sent from the GUI thread;
an outbound call is first written to the timeline by the call log on the task
worker (the record must exist before the call does). Problems are reported on
``message`` as translated text, never raised at the operator.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ui.calls.calls import CallBook, CallItem
from ui.calls.dial_input import DialProblem, DialTarget, parse_dial
from ui.calls.phone import PhoneCommands
from ui.common.core_text import error_text
from ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from sip.adapters.call_log import CallLog

log = logging.getLogger(__name__)


class CallControl(QObject):
    message = Signal(str)  # something the operator should read (translated)
    dialProblem = Signal(str)  # why what is in the dial field can't be dialled now
    dialled = Signal(str)  # call id of a call we just placed

    def __init__(
        self,
        book: CallBook,
        tasks: TaskRunner,
        phone: PhoneCommands | None = None,
        call_log: CallLog | None = None,
        recordings_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.tasks = tasks
        self.phone = phone
        self.call_log = call_log
        self.recordings_dir = recordings_dir
        self.account_id = ""  # the account outbound calls go through
        # The PBX's number format (set by the shell from the settings): a number
        # -> how it is dialled. None: as typed.
        self.dial_style: Callable[[str], str] | None = None
        # What was dialled last (text, customer id, name): Redial calls it again.
        self.last_dial: tuple[str, int | None, str] | None = None
        self.do_not_disturb = False  # told to the engine once it runs

    # --- dialling ----------------------------------------------------------------

    def problem_text(self, problem: DialProblem) -> str:
        return {
            DialProblem.EMPTY: self.tr("Type a number to call."),
            DialProblem.LETTERS: self.tr(
                "Letters can't be dialled: type the number with digits only."
            ),
            DialProblem.SYMBOLS: self.tr(
                "That is not a phone number: use digits, spaces, dashes, brackets and a leading +."
            ),
            DialProblem.TOO_LONG: self.tr("That number is too long to be a phone number."),
            DialProblem.BAD_URI: self.tr("That SIP address is not valid."),
        }[problem]

    def not_ready_reason(self) -> str:
        """Why a call can't be placed now ("" when it can)."""
        if self.phone is None:
            return self.tr("The phone engine is not running, so calls can't be placed.")
        if not self.account_id:
            return self.tr("No SIP account configured: add one in Settings > Accounts.")
        return ""

    def dial(self, text: str, customer_id: int | None = None, customer_name: str = "") -> bool:
        """Dials what was typed; False (with a message) when it can't."""
        parsed = parse_dial(text)
        if isinstance(parsed, DialProblem):
            self.dialProblem.emit(self.problem_text(parsed))
            return False
        reason = self.not_ready_reason()
        if reason:
            self.dialProblem.emit(reason)
            return False
        self.last_dial = (text, customer_id, customer_name)
        self._place(parsed, customer_id, customer_name)
        return True

    def redial(self) -> bool:
        """Calls the last number dialled again, for the same customer."""
        if self.last_dial is None:
            self.message.emit(self.tr("Nothing to redial yet: no call was placed."))
            return False
        return self.dial(*self.last_dial)

    def set_do_not_disturb(self, on: bool) -> None:
        """Incoming calls answered busy (and kept as missed calls, so they
        become callbacks) while on; the engine is told now or when it starts."""
        self.do_not_disturb = on
        if self.phone is not None:
            self.phone.set_do_not_disturb(on)

    def _place(self, target: DialTarget, customer_id: int | None, customer_name: str) -> None:
        phone, account, call_log = self.phone, self.account_id, self.call_log
        assert phone is not None
        if not target.is_uri and self.dial_style is not None:
            target = DialTarget(self.dial_style(target.target))
        self._hold_talking()
        # The id first, and the call in the book under it: every event of the
        # call then finds it, however the engine and the task worker race.
        call_id = phone.new_call_id()
        self.book.add_outgoing(call_id, target.target, customer_name)
        if call_log is None:
            phone.dial(account, target.target, call_id)
            self.dialled.emit(call_id)
            return

        def not_placed(exc: Exception) -> None:
            self.book.drop(call_id)
            self.message.emit(
                self.tr("The call could not be placed: %1").replace("%1", error_text(exc))
            )

        self.tasks.run(
            lambda: call_log.dial(
                phone,
                account,
                target.target,
                number=target.target,
                customer_id=customer_id,
                call_id=call_id,
            ),
            lambda _: self.dialled.emit(call_id),
            not_placed,
            owner=self,
        )

    # --- the calls ---------------------------------------------------------------

    def _target(self, call_id: str | None) -> str:
        return call_id if call_id is not None else self.book.active_id

    def _hold_talking(self, except_id: str = "") -> None:
        """Puts every other call we are talking on on hold (one voice at a time)."""
        if self.phone is None:
            return
        for item in self.book.calls():
            if item.call_id != except_id and item.talking and not item.held:
                self.phone.hold(item.call_id)
                self.book.mark(item.call_id, held=True)

    def answer(self, call_id: str | None = None) -> None:
        item = self.book.get(call_id) if call_id else self.book.ringing()
        if item is None or not item.ringing_in:
            self.message.emit(self.tr("No call is ringing."))
            return
        if self.phone is None:
            return
        self._hold_talking(except_id=item.call_id)
        self.phone.answer(item.call_id)
        self.book.set_active(item.call_id)

    def reject(self, call_id: str | None = None) -> None:
        item = self.book.get(call_id) if call_id else self.book.ringing()
        if item is None or self.phone is None:
            return
        self.phone.reject(item.call_id)

    def hangup(self, call_id: str | None = None) -> None:
        item = self.book.get(self._target(call_id))
        if item is None:
            self.message.emit(self.tr("There is no call to hang up."))
            return
        if self.phone is None:
            return
        if item.ringing_in:
            self.phone.reject(item.call_id)
        else:
            self.phone.hangup(item.call_id)

    def toggle_hold(self, call_id: str | None = None) -> None:
        item = self.book.get(self._target(call_id))
        if item is None or self.phone is None or not item.talking:
            return
        if item.held:
            self._hold_talking(except_id=item.call_id)
            self.phone.unhold(item.call_id)
        else:
            self.phone.hold(item.call_id)
        self.book.mark(item.call_id, held=not item.held)

    def toggle_mute(self, call_id: str | None = None) -> None:
        item = self.book.get(self._target(call_id))
        if item is None or self.phone is None:
            return
        self.phone.set_mute(item.call_id, not item.muted)
        self.book.mark(item.call_id, muted=not item.muted)

    def send_dtmf(self, digits: str, call_id: str | None = None) -> None:
        item = self.book.get(self._target(call_id))
        if item is None or self.phone is None or not item.talking:
            return
        self.phone.send_dtmf(item.call_id, digits)

    def blind_transfer(self, target_text: str, call_id: str | None = None) -> bool:
        item = self.book.get(self._target(call_id))
        if item is None or self.phone is None:
            return False
        parsed = parse_dial(target_text)
        if isinstance(parsed, DialProblem):
            self.message.emit(self.problem_text(parsed))
            return False
        self.phone.blind_transfer(item.call_id, parsed.target)
        return True

    def attended_transfer(self, to_call_id: str, call_id: str | None = None) -> bool:
        """Connects the active call's far end with the party on ``to_call_id``."""
        item = self.book.get(self._target(call_id))
        other = self.book.get(to_call_id)
        if item is None or other is None or self.phone is None or item is other:
            self.message.emit(self.tr("An attended transfer needs a second call."))
            return False
        self.phone.attended_transfer(item.call_id, other.call_id)
        return True

    def toggle_recording(self, call_id: str | None = None) -> None:
        """Record button: start; once recording, pause and resume (the paused
        part, e.g. a card number read out, is left out of the file)."""
        item = self.book.get(self._target(call_id))
        if item is None or self.phone is None or not item.talking:
            return
        if not item.recording:
            self.start_recording(item.call_id)
            return
        paused = not item.recording_paused
        self.phone.pause_recording(item.call_id, paused)
        self.book.mark(item.call_id, recording_paused=paused)

    def start_recording(self, call_id: str | None = None) -> None:
        item = self.book.get(self._target(call_id))
        if item is None or self.phone is None or item.recording or not item.talking:
            return
        folder = self.recordings_dir
        if folder is None:
            self.message.emit(self.tr("Recording is not available: no folder for recordings."))
            return
        phone = self.phone
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / f"{stamp}-{item.call_id}.wav"

        def ready(_: object) -> None:
            phone.start_recording(item.call_id, str(path))
            self.book.mark(item.call_id, recording=True)

        self.tasks.run(lambda: folder.mkdir(parents=True, exist_ok=True), ready, owner=self)

    # --- conference ----------------------------------------------------------------

    def conference_pair(self) -> tuple[CallItem, CallItem] | None:
        """The active call and the other one, when there are exactly two calls and
        both are answered (a local conference mixes two conversations, no more)."""
        calls = self.book.calls()
        active = self.book.active
        if active is None or len(calls) != 2:
            return None
        other = calls[0] if calls[1] is active else calls[1]
        if not (active.talking and other.talking):
            return None
        return active, other

    def can_join(self) -> bool:
        pair = self.conference_pair()
        return pair is not None and not pair[0].conference

    def can_split(self) -> bool:
        pair = self.conference_pair()
        return pair is not None and pair[0].conference

    def join_conference(self) -> bool:
        """Joins the active call with the held one: both far ends hear each other and us."""
        pair = self.conference_pair()
        if pair is None or self.phone is None or pair[0].conference:
            self.message.emit(self.tr("A conference needs exactly two answered calls."))
            return False
        for item in pair:
            if item.held:  # a held far end would hear nothing of the conference
                self.phone.unhold(item.call_id)
        active, other = pair
        self.phone.join_calls(active.call_id, other.call_id)
        for item in pair:
            self.book.mark(item.call_id, held=False, conference=True)
        return True

    def split_conference(self) -> bool:
        """Ends the conference: we keep talking on the active call, the other waits on hold."""
        pair = self.conference_pair()
        if pair is None or self.phone is None or not pair[0].conference:
            return False
        active, other = pair
        self.phone.split_calls(active.call_id, other.call_id)
        self.phone.hold(other.call_id)  # one voice at a time again
        self.book.mark(active.call_id, conference=False)
        self.book.mark(other.call_id, held=True, conference=False)
        return True

    def switch_to(self, call_id: str) -> None:
        """Makes ``call_id`` the active call: the others on hold, this one off hold."""
        item = self.book.get(call_id)
        if item is None:
            return
        if item.conference:
            # Both calls are in the conference: holding the other would cut it out.
            self.book.set_active(call_id)
            return
        self._hold_talking(except_id=call_id)
        if item.held and self.phone is not None:
            self.phone.unhold(call_id)
            self.book.mark(call_id, held=False)
        self.book.set_active(call_id)

    def switch_next(self) -> None:
        nxt = self.book.next_call_id()
        if nxt and nxt != self.book.active_id:
            self.switch_to(nxt)

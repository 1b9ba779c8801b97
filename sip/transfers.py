"""Call transfers: ours (blind and attended), and the far end's asking us to
call someone else (REFER) or replacing a call with another (Replaces).

A blind transfer is watched until its outcome is known, because the far end's
report of it (the NOTIFY, RFC 3515) may never come, or come in a form pjsip
refuses: the watch reads each NOTIFY's sipfrag itself and gives up after a
while, so the operator's leg never stays on hold for ever. Runs on the SIP
thread only.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Mapping

import pjsua2 as pj

from sip.account import SipAccount
from sip.call import CallRecord, SipCall, TransferWatch
from sip.events import CallDirection, CallReplaced, Emit, TransferProgress
from sip.uri import parse_remote

log = logging.getLogger(__name__)

# A blind transfer's far end has this long after it accepted our REFER (202) to
# say how the call to the target went (the NOTIFY with its answer, RFC 3515);
# then our leg is hung up as "transferred, not confirmed". Some phones never
# send that NOTIFY, or send one pjsip can't parse, and the operator's leg must
# not stay on hold for ever. Long enough for the target to ring a while.
TRANSFER_CONFIRM_TIMEOUT_S = 30.0
# The code of the final TransferProgress of a transfer completed without the far
# end's confirmation (no NOTIFY, Refer-Sub: false, the timeout, the far end hung
# up first): the REFER's own 202, which no NOTIFY about an INVITE can carry.
TRANSFER_NOT_CONFIRMED = 202

_SIPFRAG_STATUS = re.compile(r"\s*SIP/2\.0\s+(\d{3})[ \t]*([^\r\n]*)")


def sipfrag_status(message: str) -> tuple[int, str] | None:
    """The status line in a NOTIFY's message/sipfrag body (RFC 3420), read as
    leniently as the rest of the message may need: headers pjsip refuses
    don't change what the target answered."""
    head, separator, body = message.partition("\r\n\r\n")
    if not separator:
        head, separator, body = message.partition("\n\n")
    if "sipfrag" not in head.lower():
        return None
    found = _SIPFRAG_STATUS.match(body)
    return (int(found.group(1)), found.group(2).strip()) if found else None


class Transfers:
    """The transfers of the engine's calls, and the blind ones under way.

    ``calls`` is the engine's registry, read only; a call the far end's REFER
    or Replaces brings is made and registered by ``track_call`` (the engine's:
    its wrappers report to the engine). ``checked_uri`` turns a typed target
    into a URI pjsip accepts, or raises InvalidTarget.
    """

    def __init__(
        self,
        *,
        calls: Mapping[str, SipCall],
        new_call_id: Callable[[], str],
        track_call: Callable[[SipAccount, CallRecord, int], SipCall],
        checked_uri: Callable[[str, str | None], str],
        emit: Emit,
    ) -> None:
        self._calls = calls
        self._new_call_id = new_call_id
        self._track_call = track_call
        self._checked_uri = checked_uri
        self._emit = emit
        self._watched: set[str] = set()  # calls with a TransferWatch
        # Blind transfers ask the far end not to report (RFC 4488 "Refer-Sub:
        # false"): where the PBX and the phones honour it there is no NOTIFY at
        # all and our leg ends at the 202; a far end that doesn't know the header
        # ignores it and reports as usual. Off by default: without the report, a
        # transfer to a target that fails leaves the caller with nobody.
        self.ask_no_refer_sub = False

    # ----- ours -------------------------------------------------------------------

    def blind(self, call: SipCall, target: str) -> None:
        uri = self._checked_uri(target, call.account.config.domain)
        prm = pj.CallOpParam(True)
        if self.ask_no_refer_sub:
            header = pj.SipHeader()
            header.hName = "Refer-Sub"
            header.hValue = "false"
            prm.txOption.headers.append(header)
        call.record.transfer = TransferWatch()
        self._watched.add(call.record.call_id)
        try:
            call.xfer(uri, prm)
        except BaseException:
            self._end_watch(call)
            raise

    def attended(self, call: SipCall, other: SipCall) -> None:
        call.xferReplaces(other, pj.CallOpParam(True))

    def _end_watch(self, call: SipCall) -> None:
        call.record.transfer = None
        self._watched.discard(call.record.call_id)

    def on_call_tsx(
        self, call: SipCall, method: str, role: int, code: int, reason: str, message: str
    ) -> None:
        """A transaction of a call with a blind transfer under way: the REFER's
        answer, and each NOTIFY as it came (pjsip may refuse it afterwards)."""
        watch = call.record.transfer
        if watch is None:
            return
        if method == "REFER" and role == pj.PJSIP_ROLE_UAC and code >= 200:
            if code < 300:
                if watch.accepted_at is None:
                    watch.accepted_at = time.monotonic()
                    watch.deadline = watch.accepted_at + TRANSFER_CONFIRM_TIMEOUT_S
            elif code not in (401, 407) and watch.accepted_at is None:
                # The far end refused the REFER itself (pjsua says nothing of it):
                # the caller is still ours, talking or on hold as before.
                self._end_watch(call)
                self._emit(TransferProgress(call.record.call_id, code, reason, True))
        elif method == "NOTIFY" and role == pj.PJSIP_ROLE_UAS and message:
            status = sipfrag_status(message)
            if status is not None:
                watch.notified_code, watch.notified_reason = status

    def on_transfer_status(self, call: SipCall, code: int, reason: str, final: bool) -> None:
        record = call.record
        watch = record.transfer
        if watch is None:  # an attended transfer
            self._emit(TransferProgress(record.call_id, code, reason, bool(final)))
            if final and 200 <= code < 300 and record.ended_at is None:
                # The far end is now talking to the transfer target: our leg is done.
                record.hung_up_by_us = True
                record.transferred = True
                call.hangup(pj.CallOpParam(True))
            return
        if not final:
            self._emit(TransferProgress(record.call_id, code, reason, False))
        elif 200 <= watch.notified_code < 300:
            # The target answered, as the far end's NOTIFY says (read by us even
            # when pjsip refused the rest of that NOTIFY).
            self._complete(call, watch.notified_code, watch.notified_reason)
        elif 200 <= code < 300:
            # pjsua's own 200 for a REFER answered "Refer-Sub: false": no NOTIFY comes.
            self._complete(
                call, TRANSFER_NOT_CONFIRMED, "Accepted; the far end reports no more (Refer-Sub)"
            )
        elif watch.notified_code >= 300 or watch.accepted_at is None:
            # The target failed (the far end said so), or the REFER was refused:
            # our leg stays, so the operator can take the caller back.
            self._end_watch(call)
            if watch.notified_code >= 300:
                code, reason = watch.notified_code, watch.notified_reason
            self._emit(TransferProgress(record.call_id, code, reason, True))
        else:
            # pjsua ended the subscription without a NOTIFY it could read: no word
            # about the target. The far end hanging up or the deadline decides.
            self._emit(TransferProgress(record.call_id, code, reason, False))

    def _complete(self, call: SipCall, code: int, reason: str) -> None:
        """The far end is (or may be) with the target: our leg is done."""
        record = call.record
        self._end_watch(call)
        record.transferred = True
        self._emit(TransferProgress(record.call_id, code, reason, True))
        if record.ended_at is None:
            record.hung_up_by_us = True
            call.hangup(pj.CallOpParam(True))

    def check(self) -> None:
        """Each loop turn, for the blind transfers under way: a NOTIFY we read
        said the target answered though pjsip refused it (pjsua then reports
        nothing, or a 500 of its own), or the far end stayed silent too long."""
        if not self._watched:
            return
        now = time.monotonic()
        for call_id in list(self._watched):
            call = self._calls.get(call_id)
            watch = call.record.transfer if call is not None else None
            if call is None or watch is None:
                self._watched.discard(call_id)
                continue
            if call.record.ended_at is not None:
                continue
            if 200 <= watch.notified_code < 300:
                self._complete(call, watch.notified_code, watch.notified_reason)
                continue
            if watch.deadline is None or now < watch.deadline:
                continue
            waited = watch.deadline - (watch.accepted_at or watch.deadline)
            log.warning(
                "call %s: no word on the transfer %.0f s after the far end accepted it; "
                "our leg is hung up, the transfer not confirmed",
                call_id,
                waited,
            )
            reason = f"Accepted; no NOTIFY about the target in {waited:g} s"
            self._complete(call, TRANSFER_NOT_CONFIRMED, reason)

    def call_left(self, call: SipCall) -> None:
        """The call ended: a blind transfer under way ends with it."""
        record = call.record
        watch = record.transfer
        if watch is None:
            return
        self._end_watch(call)
        if watch.accepted_at is None:
            return
        # The far end accepted the REFER, then left: it went to the target, or
        # gave up; it did not say which.
        record.transferred = True
        if 200 <= watch.notified_code < 300:
            code, reason = watch.notified_code, watch.notified_reason
        else:
            code, reason = TRANSFER_NOT_CONFIRMED, "Accepted; the far end hung up without a word"
        self._emit(TransferProgress(record.call_id, code, reason, True))

    # ----- the far end's ----------------------------------------------------------

    def on_transfer_request(self, call: SipCall, prm: pj.OnCallTransferRequestParam) -> None:
        record = CallRecord(self._new_call_id(), call.account.account_id, CallDirection.OUTBOUND)
        record.remote_uri = str(prm.dstUri)
        record.display_name, record.number = parse_remote(record.remote_uri)
        new_call = self._track_call(call.account, record, -1)
        prm.newCall = new_call

    def on_call_replaced(self, call: SipCall, prm: pj.OnCallReplacedParam) -> None:
        record = CallRecord(self._new_call_id(), call.account.account_id, CallDirection.INBOUND)
        new_call = self._track_call(call.account, record, int(prm.newCallId))
        prm.newCall = new_call
        info = new_call.getInfo()
        record.sip_call_id = str(info.callIdString)
        record.remote_uri = str(info.remoteUri)
        record.display_name, record.number = parse_remote(record.remote_uri)
        self._emit(CallReplaced(call.record.call_id, record.call_id))

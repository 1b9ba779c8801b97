"""DTMF digits sent as SIP INFO, one request at a time.

pjsua sends every digit of a string at once, and a proxy may pass two INFOs on
out of order, which the far end must then refuse (a CSeq lower than the last
one's, RFC 3261 12.2.2). So each digit goes once the one before it is
answered; what is still to go waits in the call's record. Runs on the SIP
thread only.
"""

from __future__ import annotations

import logging

import pjsua2 as pj

from sip.call import SipCall
from sip.errors import describe_error

log = logging.getLogger(__name__)


def queue_digits(call: SipCall, digits: str) -> None:
    """Digits as SIP INFO, each sent once the one before it is answered."""
    waiting = bool(call.record.info_digits)
    call.record.info_digits += digits
    if not waiting:
        _send_next(call)


def _send_next(call: SipCall) -> None:
    record = call.record
    while record.info_digits and record.ended_at is None:
        prm = pj.CallSendDtmfParam()
        prm.digits = record.info_digits[0]
        prm.method = pj.PJSUA_DTMF_METHOD_SIP_INFO
        try:
            call.sendDtmf(prm)
            return  # the next one when this one's answer comes (on_answered)
        except pj.Error as error:
            log.warning("DTMF %s not sent: %s", prm.digits, describe_error(error))
            record.info_digits = record.info_digits[1:]
    record.info_digits = ""


def on_answered(call: SipCall, state: int, code: int = 0) -> None:
    """Our SIP INFO digit's transaction moved on: once it is over (its final
    answer, or a timeout or transport error with none), the next digit goes.
    A transaction that was answered is seen again as it ends: counted once."""
    record = call.record
    if state == pj.PJSIP_TSX_STATE_COMPLETED:
        record.info_answered += 1  # its end comes later (Timer K on UDP)
        if code in (401, 407):
            return  # pjsip sends the same digit again with credentials: wait for that
    elif state == pj.PJSIP_TSX_STATE_TERMINATED:
        if record.info_answered:
            record.info_answered -= 1  # the end of one answered before
            return
    else:
        return
    if not record.info_digits:
        return
    record.info_digits = record.info_digits[1:]
    _send_next(call)

"""Call forwarding by this phone, and Do not disturb: what becomes of an
incoming call before it rings, or after it rang unanswered.

For a PBX that does not forward: the caller is answered 302 Moved Temporarily
with the target as its Contact, so the caller's phone (or PBX) calls the target
itself and the call here ends as forwarded. Runs on the SIP thread only.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping

import pjsua2 as pj

from sip.account import SipAccount
from sip.call import SipCall
from sip.commands import SetForwarding
from sip.errors import EngineError, describe_error
from sip.events import CallPhase, ForwardMode
from sip.uri import InvalidTarget, dial_uri

log = logging.getLogger(__name__)


class Forwarding:
    """The forwarding and Do not disturb settings, and the 302s they send.

    ``calls`` is the engine's registry, read only; ``checked_uri`` turns the
    typed target into a URI pjsip accepts, or raises InvalidTarget;
    ``update_tone`` is called after each call sent on, since it rings no more.
    """

    def __init__(
        self,
        *,
        calls: Mapping[str, SipCall],
        checked_uri: Callable[[str, str | None], str],
        update_tone: Callable[[], None],
    ) -> None:
        self._calls = calls
        self._checked_uri = checked_uri
        self._update_tone = update_tone
        self.do_not_disturb = False  # SetDoNotDisturb
        self._settings = SetForwarding(ForwardMode.OFF)

    @property
    def mode(self) -> ForwardMode:
        return self._settings.mode

    def configure(self, settings: SetForwarding) -> None:
        if settings.mode is not ForwardMode.OFF and not settings.target:
            raise InvalidTarget("no number to forward calls to")
        if settings.mode is ForwardMode.NO_ANSWER and settings.after_s <= 0:
            raise EngineError("calls must ring a while before they are forwarded")
        self._settings = settings

    def uri_now(self, account: SipAccount) -> str | None:
        """Where to send an incoming call of ``account`` at once (always, or
        instead of busy under Do not disturb), or None to let it be."""
        mode = self._settings.mode
        forward_now = mode is ForwardMode.ALWAYS or (
            mode is ForwardMode.DO_NOT_DISTURB and self.do_not_disturb
        )
        return self._uri_for(account) if forward_now else None

    def unanswered_deadline(self) -> float | None:
        """When (time.monotonic()) a call that starts ringing now is sent on, if ever."""
        if self._settings.mode is ForwardMode.NO_ANSWER:
            return time.monotonic() + self._settings.after_s
        return None

    def _uri_for(self, account: SipAccount) -> str | None:
        """Where to send this account's callers (ForwardMode), or None when the
        target can't be used: not a URI pjsip takes, or this very account (a
        caller sent back to us would be sent on again, round and round)."""
        target = self._settings.target
        try:
            uri = self._checked_uri(target, account.config.domain)
        except InvalidTarget as error:
            # Text, not the exception: a log record keeping it would keep its
            # traceback's frames, and with them this call's wrapper, alive past
            # libDestroy (its destructor then asserted in the next engine).
            log.warning("calls not forwarded to %r: %s", target, str(error))
            return None
        own = dial_uri(account.config.user, account.config.domain)
        if uri.split(";", 1)[0].lower() == own.lower():
            log.warning("calls not forwarded to %s: that is this account itself", uri)
            return None
        return uri

    def redirect(self, call: SipCall, uri: str) -> None:
        """302 Moved Temporarily with the new target as its Contact: the
        caller's phone (or PBX) calls it, the call here ends as forwarded.
        Sent with ``answer``: ``hangup`` drops the extra headers of a final
        response, and the 302 went out with this account's own Contact, which
        sends the caller back here."""
        prm = pj.CallOpParam(True)
        prm.statusCode = 302
        contact = pj.SipHeader()
        contact.hName = "Contact"
        contact.hValue = f"<{uri}>"
        prm.txOption.headers.append(contact)
        call.record.forwarded_to = uri
        call.record.forward_at = None
        try:
            call.answer(prm)
        except pj.Error as error:
            call.record.forwarded_to = None
            log.warning("call %s not forwarded: %s", call.record.call_id, describe_error(error))

    def forward_unanswered(self) -> None:
        """ForwardMode.NO_ANSWER: each call that rang its time unanswered is
        sent on (every loop turn while one waits for it)."""
        now = time.monotonic()
        for call_id in list(self._calls):
            call = self._calls.get(call_id)
            if call is None:
                continue
            record = call.record
            if record.forward_at is None or now < record.forward_at:
                continue
            record.forward_at = None
            ringing = record.phase in (CallPhase.INCOMING, CallPhase.EARLY)
            if not ringing or record.ended_at is not None or not call.isActive():
                continue
            uri = self._uri_for(call.account)
            if uri is not None:
                self.redirect(call, uri)
                self._update_tone()

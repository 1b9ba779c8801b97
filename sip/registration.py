"""The engine's accounts and their registration, with its own back-off.

pjsua's retry runs at a fixed interval (turned off in build_account_config);
here a registrar that could not be reached or was unwell is tried again after
a growing, jittered wait, while an answer that the credentials are wrong waits
for the operator. A TCP or TLS connection that drops is taken as the registrar
gone, at once, rather than at the next refresh. Runs on the SIP thread only.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping

import pjsua2 as pj

from sip.account import SipAccount, build_account_config
from sip.call import SipCall
from sip.config import AccountConfig, EngineConfig, Transport
from sip.errors import AccountNotFound, EngineError, describe_error
from sip.events import Emit, RegistrationChanged, RegistrationStatus, TransportFailed

log = logging.getLogger(__name__)


def should_retry_registration(code: int) -> bool:
    """Retry when the registrar could not be reached or was unwell, not when it
    said our credentials are wrong (that needs the operator)."""
    return code in (0, 408) or code >= 500


def backoff_delay(first_s: float, max_s: float, failures: int) -> float:
    """first, 2x first, 4x first... capped at max, with +-20 % jitter."""
    base = min(max_s, first_s * (2 ** min(failures, 20)))
    return base * random.uniform(0.8, 1.2)


class Registrations:
    """Adds and removes the engine's accounts and follows their registration.

    ``accounts`` is the engine's registry, shared: accounts are added to and
    removed from it here. ``transport_ids`` and ``transport_problems`` are the
    engine's, filled as it starts. Of ``config`` only what stays the same for
    the engine's life is read (the bind address, the RTP ports), so the engine
    replacing its config for new codecs changes nothing here.
    """

    def __init__(
        self,
        *,
        accounts: dict[str, SipAccount],
        calls: Mapping[str, SipCall],
        config: EngineConfig,
        transport_ids: Mapping[Transport, int],
        transport_problems: Mapping[Transport, str],
        new_account: Callable[[AccountConfig], SipAccount],
        endpoint: Callable[[], pj.Endpoint | None],
        emit: Emit,
    ) -> None:
        self._accounts = accounts
        self._calls = calls
        self._config = config
        self._transport_ids = transport_ids
        self._transport_problems = transport_problems
        self._new_account = new_account
        self._endpoint = endpoint
        self._emit = emit
        self._status: dict[str, RegistrationStatus] = {}
        self._failures: dict[str, int] = {}  # consecutive retryable failures
        self._retry_at: dict[str, float] = {}  # monotonic time of the next attempt

    def status(self, account_id: str) -> RegistrationStatus | None:
        return self._status.get(account_id)

    def add(self, config: AccountConfig, password: str) -> None:
        if config.account_id in self._accounts:
            raise EngineError(f"account {config.account_id!r} already exists")
        if config.ice and self._config.bind_address:
            # pjsua 2.15 cannot create an ICE media transport on a bound address
            # (PJ_EINVAL at the first call): say so now, not at the first dial.
            raise EngineError("ICE needs the engine to listen on every interface (bind_address '')")
        transport_id = self._transport_ids.get(config.transport)
        if transport_id is None:
            name = config.transport.value.upper()
            problem = self._transport_problems.get(config.transport)
            reason = (
                f"SIP over {name} is not available here: {problem}"
                if problem
                else f"the engine was started without {name}"
            )
            # A state the status bar shows, not only an error in a log.
            self._set_status(config.account_id, RegistrationStatus.FAILED, 0, reason)
            raise EngineError(reason)
        acfg = build_account_config(
            config,
            password,
            transport_id,
            self._config.rtp_port,
            self._config.rtp_port_range,
            self._config.bind_address,
        )
        account = self._new_account(config)
        # Registered before create(): registration callbacks can fire inside it.
        self._accounts[config.account_id] = account
        if config.register:
            self._set_status(config.account_id, RegistrationStatus.REGISTERING, 0, "")
        try:
            account.create(acfg, True)
        except BaseException:
            del self._accounts[config.account_id]
            self._status.pop(config.account_id, None)
            raise

    def remove(self, account_id: str) -> None:
        account = self._accounts.get(account_id)
        if account is None:
            raise AccountNotFound(f"no account {account_id!r}")
        for call in list(self._calls.values()):
            if call.account is account and call.record.ended_at is None:
                call.hangup(pj.CallOpParam(True))
        # The account's calls keep a reference to it until they are reaped.
        account.shutdown()
        del self._accounts[account_id]
        self._status.pop(account_id, None)
        self._failures.pop(account_id, None)
        self._retry_at.pop(account_id, None)

    def clear(self) -> None:
        """At shutdown, once the accounts are gone."""
        self._status.clear()
        self._failures.clear()
        self._retry_at.clear()

    def _set_status(
        self,
        account_id: str,
        status: RegistrationStatus,
        code: int,
        reason: str,
        expires: int = 0,
        retry_in_s: float | None = None,
    ) -> None:
        self._status[account_id] = status
        self._emit(RegistrationChanged(account_id, status, code, reason, expires, retry_in_s))

    def on_reg_state(
        self, account: SipAccount, code: int, reason: str, active: bool, expires: int
    ) -> None:
        if account.account_id not in self._accounts:
            return  # a late callback of an account being removed
        account_id = account.account_id
        retry_in: float | None = None
        if 200 <= code < 300:
            status = RegistrationStatus.REGISTERED if active else RegistrationStatus.UNREGISTERED
            self._failures.pop(account_id, None)
            self._retry_at.pop(account_id, None)
        else:
            status = RegistrationStatus.FAILED
            if should_retry_registration(code) and account.config.register:
                failures = self._failures.get(account_id, 0)
                self._failures[account_id] = failures + 1
                retry_in = backoff_delay(
                    account.config.retry_first_s, account.config.retry_max_s, failures
                )
                self._retry_at[account_id] = time.monotonic() + retry_in
        self._set_status(account_id, status, code, reason, expires if active else 0, retry_in)

    def on_transport_state(
        self, kind: str, state: int, last_error: int, remote: str, verify_messages: list[str]
    ) -> None:
        """A TCP/TLS connection closed: the registrar may be gone. pjsua would only
        notice at the next refresh (minutes away), so register again now."""
        if state != pj.PJSIP_TP_STATE_DISCONNECTED:
            return
        if last_error or verify_messages:
            ep = self._endpoint()
            assert ep is not None
            reason = "; ".join(verify_messages) or str(ep.utilStrError(last_error))
            self._emit(TransportFailed(kind.upper(), remote, reason))
        transport = {"TCP": Transport.TCP, "TLS": Transport.TLS}.get(kind.upper())
        if transport is None:
            return
        for account in list(self._accounts.values()):
            config = account.config
            if (
                config.register
                and config.transport is transport
                and self._status.get(config.account_id) is RegistrationStatus.REGISTERED
            ):
                self.on_reg_state(account, 0, "connection to the registrar lost", False, 0)

    def retry_due(self) -> None:
        """Each loop turn: register again the accounts whose back-off is over."""
        if not self._retry_at:
            return
        now = time.monotonic()
        for account_id, due in list(self._retry_at.items()):
            if due > now:
                continue
            del self._retry_at[account_id]
            account = self._accounts.get(account_id)
            if account is None:
                continue
            log.info("registering %s again", account_id)
            self._set_status(account_id, RegistrationStatus.REGISTERING, 0, "")
            try:
                account.setRegistration(True)
            except pj.Error as error:
                # Failing to even send (no route, transport down): counts as a failure.
                self.on_reg_state(account, 503, describe_error(error), False, 0)

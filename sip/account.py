"""The pjsua2 Account subclass: it only captures values and forwards them.

Everything here runs on the SIP thread (pjsua2 calls back from inside
``libHandleEvents``). Callbacks must never raise: an exception escaping a SWIG
director callback ends the process, so each one is wrapped by ``guarded``.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import pjsua2 as pj

from sip.config import AccountConfig, SrtpMode, Transport
from sip.safety import log_error_text

if TYPE_CHECKING:
    from sip.engine import Engine

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., None])


def guarded(method: F) -> F:
    """Log instead of raising out of a pjsua2 callback (which would abort)."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            method(*args, **kwargs)
        except Exception:
            log_error_text(log, "error in pjsua2 callback %s", method.__name__)

    return wrapper  # type: ignore[return-value]


_SRTP_USE = {
    SrtpMode.OFF: pj.PJMEDIA_SRTP_DISABLED,
    SrtpMode.OPTIONAL: pj.PJMEDIA_SRTP_OPTIONAL,
    SrtpMode.MANDATORY: pj.PJMEDIA_SRTP_MANDATORY,
}


def _with_transport(uri: str, transport: Transport) -> str:
    if transport is Transport.UDP or ";transport=" in uri.lower():
        return uri
    return f"{uri};transport={transport.value}"


def build_account_config(
    config: AccountConfig,
    password: str,
    transport_id: int,
    rtp_port: int,
    rtp_port_range: int,
    bind_address: str,
) -> pj.AccountConfig:
    """The pjsua2 AccountConfig for one of ours. The password goes only here."""
    acfg = pj.AccountConfig()
    scheme = "sips" if config.transport is Transport.TLS else "sip"
    address = f"{scheme}:{config.user}@{config.domain}"
    acfg.idUri = f'"{config.display_name}" <{address}>' if config.display_name else address
    acfg.sipConfig.transportId = transport_id
    if config.register:
        registrar = config.registrar or f"sip:{config.domain}"
        acfg.regConfig.registrarUri = _with_transport(registrar, config.transport)
        acfg.regConfig.timeoutSec = config.reg_timeout_s
        acfg.regConfig.registerOnAdd = True
        # The engine retries with its own back-off (Registrations.on_reg_state); pjsua's
        # fixed-interval retry would run beside it.
        acfg.regConfig.retryIntervalSec = 0
        acfg.regConfig.firstRetryIntervalSec = 0
    proxy = config.proxy
    if proxy is None and config.transport is not Transport.UDP:
        # With the account bound to a TCP/TLS transport, a plain "sip:n@domain"
        # Request-URI would resolve to UDP and fail; routing every request
        # through the registrar over the account's transport avoids that.
        proxy = f"sip:{config.domain};lr"
    if proxy is not None:
        acfg.sipConfig.proxies.append(_with_transport(proxy, config.transport))
    if password:
        cred = pj.AuthCredInfo("digest", config.realm, config.auth_user or config.user, 0, password)
        acfg.sipConfig.authCreds.append(cred)
    acfg.mediaConfig.transportConfig.port = rtp_port
    acfg.mediaConfig.transportConfig.portRange = rtp_port_range
    if bind_address:
        acfg.mediaConfig.transportConfig.boundAddress = bind_address
    # With several codecs in the answer pjsua would send a re-INVITE to lock one.
    acfg.mediaConfig.lockCodecEnabled = False
    acfg.mediaConfig.srtpUse = _SRTP_USE[config.srtp]
    acfg.mediaConfig.srtpSecureSignaling = 0
    acfg.natConfig.iceEnabled = config.ice
    return acfg


class SipAccount(pj.Account):
    """One registered (or local) identity. The engine keeps it referenced until
    ``shutdown()``; pjsua2 must never be left holding a collected wrapper."""

    def __init__(self, config: AccountConfig, engine: Engine) -> None:
        super().__init__()
        self.config = config
        self._engine = engine

    @property
    def account_id(self) -> str:
        return self.config.account_id

    @guarded
    def onRegState(self, prm: pj.OnRegStateParam) -> None:
        info = self.getInfo()
        self._engine.on_reg_state(
            self, int(prm.code), str(prm.reason), bool(info.regIsActive), int(info.regExpiresSec)
        )

    @guarded
    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:
        self._engine.on_incoming_call(self, int(prm.callId))

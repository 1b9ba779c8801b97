"""The website's callback form as one of the host's endpoints: started, kept or
restarted as the settings say, with a status the window (or the relay's log)
shows. Qt-free; the ChannelHost runs it next to the channels.

``apply()`` is idempotent: it restarts the server only when on/off, the
address, the port or the token changed (or the server is not running), so
saving a ring tone in Settings does not cut off a customer's form in flight.
It reads the keyring and binds a socket: call it off the GUI thread.
"""

from __future__ import annotations

import enum
import errno
import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core import Core
from app.messages import OperatorError
from app.secrets import WEBFORM_TOKEN_ID, SecretKind, SecretsUnavailable

if TYPE_CHECKING:
    from integrations.webform import WebFormServer

log = logging.getLogger(__name__)


class WebFormProblem(enum.StrEnum):
    NO_TOKEN = "no_token"  # enabled, but no token saved: nobody could be let in
    NO_KEYRING = "no_keyring"
    PORT_IN_USE = "port_in_use"
    NOT_LOCAL_ADDRESS = "not_local_address"
    NEEDS_ADMIN = "needs_admin"  # a port below 1024
    OTHER = "other"


@dataclass(frozen=True)
class WebFormStatus:
    enabled: bool
    host: str = ""
    port: int = 0
    listening: bool = False
    problem: WebFormProblem | None = None
    # The cause, for the window to word (an OperatorError keeps its template).
    error: Exception | None = None


def problem_of(exc: Exception) -> WebFormProblem:
    if isinstance(exc, SecretsUnavailable):
        return WebFormProblem.NO_KEYRING
    if isinstance(exc, OSError):
        if exc.errno == errno.EADDRINUSE:
            return WebFormProblem.PORT_IN_USE
        if exc.errno == errno.EADDRNOTAVAIL:
            return WebFormProblem.NOT_LOCAL_ADDRESS
        if exc.errno == errno.EACCES:
            return WebFormProblem.NEEDS_ADMIN
    return WebFormProblem.OTHER


class WebFormEndpoint:
    def __init__(self, core: Core) -> None:
        self.core = core
        self._server: WebFormServer | None = None
        self._serving: tuple[bool, str, int, str] | None = None  # on, host, port, token
        self._lock = threading.Lock()
        self.status = WebFormStatus(enabled=False)

    @property
    def address(self) -> tuple[str, int] | None:
        with self._lock:
            return self._server.address if self._server is not None else None

    def apply(self) -> WebFormStatus:
        """Makes the endpoint match the settings and the stored token."""
        settings = self.core.settings
        enabled, host, port = settings.webform_enabled, settings.webform_bind, settings.webform_port
        if not enabled:
            self.stop()
            self.status = WebFormStatus(enabled=False)
            return self.status
        try:
            token = self.core.secrets.get(SecretKind.INTAKE, WEBFORM_TOKEN_ID) or ""
        except SecretsUnavailable as exc:
            self.stop()
            return self._failed(host, port, exc)
        wanted = (True, host, port, token)
        with self._lock:
            if self._server is not None and self._serving == wanted:
                return self.status
        self.stop()
        if not token:
            self.status = WebFormStatus(True, host, port, problem=WebFormProblem.NO_TOKEN)
            return self.status
        from integrations.webform import WebFormServer

        try:
            server = WebFormServer(self.core.callbacks, token, host, port)
            server.start()
        except (OSError, ValueError, RuntimeError, OperatorError) as exc:
            return self._failed(host, port, exc)
        with self._lock:
            self._server, self._serving = server, wanted
        bound_host, bound_port = server.address
        self.status = WebFormStatus(True, bound_host, bound_port, listening=True)
        return self.status

    def stop(self) -> None:
        with self._lock:
            server, self._server, self._serving = self._server, None, None
        if server is not None:
            server.stop()
            self.status = WebFormStatus(enabled=self.status.enabled)

    def _failed(self, host: str, port: int, exc: Exception) -> WebFormStatus:
        log.warning("web form not started: %s", exc)
        self.status = WebFormStatus(True, host, port, problem=problem_of(exc), error=exc)
        return self.status

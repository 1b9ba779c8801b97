"""The website's callback form, run by the window: the endpoint of
integrations/webform.py started with the app (when enabled in the settings),
stopped at the end, its state in the status bar. A stored request reaches the
callback desk and the open card as a change (app/changes.py), like every write.

Reading the token (the keyring can be a D-Bus round trip) and binding the port
run on the task worker; the server answers on its own threads (uvicorn's loop,
and a few for the database work), which never touch a widget.
The endpoint listens where the settings say (loopback by default); putting it on
the internet (TLS, a relay or reverse proxy) is the shop's own set-up.
"""

from __future__ import annotations

import errno
import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.core import Core
from app.secrets import WEBFORM_TOKEN_ID, SecretKind, SecretsUnavailable
from ui.core_text import error_text
from ui.dialog_parts import ERROR_COLOR
from ui.main_window import MainWindow
from ui.plain_text import plain_label, plain_tooltip
from ui.tasks import TaskRunner

if TYPE_CHECKING:  # the server (Starlette, uvicorn and the rest) only when the form is on
    from integrations.webform import WebFormServer

log = logging.getLogger(__name__)


class NoToken(RuntimeError):
    """Enabled, but no token in the keyring: nobody could be let in."""


class WebFormService(QObject):
    # The status bar's text (translated); empty when the form is off.
    statusChanged = Signal(str)

    def __init__(
        self, core: Core, tasks: TaskRunner, window: MainWindow, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = tasks
        self.window = window
        self.status = ""
        self.running = False
        self._server: WebFormServer | None = None
        self._lock = threading.Lock()
        # Bumped by every start and stop: a start still binding on the worker
        # after a stop (or a newer start) closes its server instead of keeping it.
        self._generation = 0
        # What the running server was started with: (on, address, port), token.
        self._serving: tuple[bool, str, int] | None = None
        self._serving_token = ""
        self.label = plain_label(window)
        self.label.setObjectName("webformStatus")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        # The queue and the card learn of a stored request from its change
        # (the window's one changes value), not from this service.

    @property
    def address(self) -> tuple[str, int] | None:
        with self._lock:
            return self._server.address if self._server is not None else None

    def start(self) -> None:
        """(Re)starts the endpoint as the settings say; off when not enabled."""
        self.stop()
        settings = self.core.settings
        if not settings.webform_enabled:
            self._show("", problem=False)
            return
        from integrations.webform import WebFormServer

        host, port = settings.webform_bind, settings.webform_port
        with self._lock:
            generation = self._generation
        core = self.core

        def boot() -> tuple[str, int] | None:
            token = core.secrets.get(SecretKind.INTAKE, WEBFORM_TOKEN_ID)
            if not token:
                raise NoToken
            server = WebFormServer(core.callbacks, token, host, port)
            with self._lock:
                if generation != self._generation:  # stopped while binding
                    server.stop()
                    return None
                server.start()
                self._server = server
                self._serving, self._serving_token = (True, host, port), token
                return server.address

        self.tasks.run(boot, self._started, lambda exc: self._failed(exc, host, port), owner=self)

    def restart(self) -> None:
        """After the settings were saved: starts again only when on/off, the
        address, the port or the token changed (or the server is not running),
        so saving a ring tone does not cut off a customer's form in flight."""
        settings = self.core.settings
        wanted = (settings.webform_enabled, settings.webform_bind, settings.webform_port)
        with self._lock:
            serving, serving_token = self._serving, self._serving_token
            running = self._server is not None
        if wanted != serving or not running:
            self.start()
            return
        core = self.core

        def token_changed() -> bool:  # the keyring: on the worker
            return core.secrets.get(SecretKind.INTAKE, WEBFORM_TOKEN_ID) != serving_token

        self.tasks.run(
            token_changed,
            lambda changed: self.start() if changed else None,
            lambda exc: self._failed(exc, settings.webform_bind, settings.webform_port),
            owner=self,
        )

    def stop(self) -> None:
        with self._lock:
            self._generation += 1
            server, self._server = self._server, None
            self._serving, self._serving_token = None, ""
        self.running = False
        if server is not None:
            server.stop()
            self._show("", problem=False)

    def _started(self, address: tuple[str, int] | None) -> None:
        if address is None:
            return
        self.running = True
        host, port = address
        self._show(
            self.tr("Web form: listening on %1:%2").replace("%1", host).replace("%2", str(port)),
            problem=False,
        )

    def _failed(self, exc: Exception, host: str, port: int) -> None:
        log.warning("web form not started: %s", exc)
        self._show(
            self.tr("Web form not started: %1").replace("%1", self._reason(exc, host, port)),
            problem=True,
        )

    def _reason(self, exc: Exception, host: str, port: int) -> str:
        if isinstance(exc, NoToken):
            return self.tr("no token saved; generate one in Settings > Web form.")
        if isinstance(exc, SecretsUnavailable):
            return self.tr("no keyring to read its token from (%1)").replace("%1", error_text(exc))
        if isinstance(exc, OSError):
            if exc.errno == errno.EADDRINUSE:
                return self.tr("port %1 is already in use.").replace("%1", str(port))
            if exc.errno == errno.EADDRNOTAVAIL:
                return self.tr("%1 is not an address of this computer.").replace("%1", host)
            if exc.errno == errno.EACCES:
                return self.tr("port %1 needs administrator rights; use one above 1024.").replace(
                    "%1", str(port)
                )
        return error_text(exc)

    def _show(self, text: str, problem: bool) -> None:
        self.status = text
        self.label.setText(text)
        self.label.setToolTip(plain_tooltip(text))
        self.label.setStyleSheet(f"color: {ERROR_COLOR};" if problem else "")
        self.label.setVisible(bool(text))
        if text:
            self.window.show_message(text)
        self.statusChanged.emit(text)

"""The website's callback form in the window: its state in the status bar.

The endpoint itself runs under the channel host (integrations/webform_endpoint.py,
hosted by integrations/host.py, which the window runs through
ui/shell/channel_service.py), as the team relay will run it: started with the
channels once the database is open, made to match the settings again after
they are saved (restarted only when on/off, the address, the port or the token
changed), stopped first at the end. This adapter asks for that and words the
endpoint's status in the operator's language. A stored request reaches the
callback desk and the open card as a change (app/changes.py), like every write.

The endpoint listens where the settings say (loopback by default); putting it on
the internet (TLS, a relay or reverse proxy) is the shop's own set-up.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.core import Core
from ui.common.core_text import error_text
from ui.common.dialog_parts import ERROR_COLOR
from ui.common.plain_text import plain_label, plain_tooltip
from ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from integrations.webform import WebFormServer
    from integrations.webform_endpoint import WebFormStatus
    from ui.shell.channel_service import ChannelService

log = logging.getLogger(__name__)


class WebFormService(QObject):
    # The status bar's text (translated); empty when the form is off.
    statusChanged = Signal(str)

    def __init__(
        self,
        core: Core,
        channels: ChannelService,
        window: MainWindow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.channels = channels
        self.window = window
        self.status = ""
        self._last: WebFormStatus | None = None
        self.label = plain_label(window)
        self.label.setObjectName("webformStatus")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        channels.webformChanged.connect(self._show_status)

    @property
    def running(self) -> bool:
        return self._last is not None and self._last.listening

    @property
    def address(self) -> tuple[str, int] | None:
        if self._last is None or not self._last.listening:
            return None
        return self._last.host, self._last.port

    @property
    def server(self) -> WebFormServer | None:
        """The running server (tests compare it across a settings save)."""
        return self.channels.webform_server()

    def start(self) -> None:
        """Makes the endpoint match the settings (the host starts if it had not)."""
        self.channels.reload()

    def restart(self) -> None:
        """After the settings were saved: the host restarts the endpoint only
        when on/off, the address, the port or the token changed, so saving a
        ring tone does not cut off a customer's form in flight."""
        self.channels.reload()

    def stop(self) -> None:
        """No more requests taken (first thing at the end)."""
        self.channels.stop_webform()

    def _show_status(self, status: WebFormStatus) -> None:
        self._last = status
        if not status.enabled:
            self._show("", problem=False)
        elif status.listening:
            self._show(
                self.tr("Web form: listening on %1:%2")
                .replace("%1", status.host)
                .replace("%2", str(status.port)),
                problem=False,
            )
        else:
            self._show(
                self.tr("Web form not started: %1").replace("%1", self._reason(status)),
                problem=True,
            )

    def _reason(self, status: WebFormStatus) -> str:
        from integrations.webform_endpoint import WebFormProblem

        problem = status.problem
        if problem is WebFormProblem.NO_TOKEN:
            return self.tr("no token saved; generate one in Settings > Web form.")
        if problem is WebFormProblem.NO_KEYRING and status.error is not None:
            return self.tr("no keyring to read its token from (%1)").replace(
                "%1", error_text(status.error)
            )
        if problem is WebFormProblem.PORT_IN_USE:
            return self.tr("port %1 is already in use.").replace("%1", str(status.port))
        if problem is WebFormProblem.NOT_LOCAL_ADDRESS:
            return self.tr("%1 is not an address of this computer.").replace("%1", status.host)
        if problem is WebFormProblem.NEEDS_ADMIN:
            return self.tr("port %1 needs administrator rights; use one above 1024.").replace(
                "%1", str(status.port)
            )
        return error_text(status.error) if status.error is not None else ""

    def _show(self, text: str, problem: bool) -> None:
        self.status = text
        self.label.setText(text)
        self.label.setToolTip(plain_tooltip(text))
        self.label.setStyleSheet(f"color: {ERROR_COLOR};" if problem else "")
        self.label.setVisible(bool(text))
        if text:
            self.window.show_message(text)
        self.statusChanged.emit(text)

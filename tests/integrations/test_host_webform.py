"""The website's form runs under the channel host, as the relay will run it:
started as the settings say, kept across a save that changes nothing of it,
restarted for a new port or token, and a problem is a status, not an exception."""

from __future__ import annotations

import socket

import requests

from app.core import Core
from app.secrets import WEBFORM_TOKEN_ID, SecretKind
from integrations.host import ChannelHost
from integrations.webform_endpoint import WebFormProblem, WebFormStatus

TOKEN = "t" * 32


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _post(port: int, token: str, request_id: str) -> requests.Response:
    body = {"phone": "+380507001236", "consent": True, "request_id": request_id}
    return requests.post(
        f"http://127.0.0.1:{port}/callback-requests",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )


def test_the_host_runs_the_form_as_the_settings_say(core: Core) -> None:
    seen: list[WebFormStatus] = []
    core.settings.webform_enabled = True
    core.settings.webform_port = _free_port()
    host = ChannelHost(core, factories={}, webform=True, on_webform=seen.append)
    host.start()
    try:
        assert seen[-1].problem is WebFormProblem.NO_TOKEN and not seen[-1].listening
        core.secrets.set(SecretKind.INTAKE, WEBFORM_TOKEN_ID, TOKEN)
        host.reload()
        assert seen[-1].listening
        port = seen[-1].port
        assert _post(port, TOKEN, "a1").status_code == 201
        server = host.webform._server if host.webform else None
        host.reload()  # nothing of the form changed: the same server goes on
        assert host.webform is not None and host.webform._server is server
        core.settings.webform_port = _free_port()
        host.reload()
        assert seen[-1].port == core.settings.webform_port != port
        assert _post(seen[-1].port, TOKEN, "a1").status_code == 200  # the same request
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            core.settings.webform_port = taken.getsockname()[1]
            host.reload()
        assert seen[-1].problem is WebFormProblem.PORT_IN_USE
        core.settings.webform_enabled = False
        host.reload()
        assert not seen[-1].enabled and host.webform.address is None
    finally:
        host.stop()

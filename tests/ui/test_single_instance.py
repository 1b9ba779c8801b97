"""One instance per user and profile: a second start hands its tel: link over a
local socket; another profile (SWITCHBOARD_HOME) has its own."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtNetwork import QLocalSocket

from app.settings import AppPaths
from ui.shell.single_instance import (
    ACTIVATE,
    SingleInstance,
    forward,
    may_be_running,
    server_name,
    socket_path,
)


def unique_name() -> str:
    return server_name(suffix=f"-test-{uuid.uuid4().hex[:8]}")


def test_second_start_forwards_its_link(qtbot: Any) -> None:
    name = unique_name()
    running = SingleInstance(name)
    assert running.listen()
    try:
        with qtbot.waitSignal(running.received) as got:
            assert forward("tel:+380501234567", name)
        assert got.args == ["tel:+380501234567"]
        with qtbot.waitSignal(running.received) as got:
            assert forward("", name)  # started with no link: just show the window
        assert got.args == [ACTIVATE]
    finally:
        running.close()


def test_raw_socket_end_with_two_messages_in_one_write(qtbot: Any) -> None:
    name = unique_name()
    running = SingleInstance(name)
    assert running.listen()
    received: list[str] = []
    running.received.connect(received.append)
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(1000)
    client.write(b"sip:alice@pbx.example\ncallto:+380441234567\n")
    client.flush()
    qtbot.waitUntil(lambda: len(received) == 2)
    assert received == ["sip:alice@pbx.example", "callto:+380441234567"]
    client.abort()
    running.close()


def test_no_running_instance_means_this_one_starts(qtbot: Any) -> None:
    assert not forward("tel:+380501234567", unique_name())


def test_a_stale_socket_does_not_block_the_next_start(qtbot: Any) -> None:
    name = unique_name()
    first = SingleInstance(name)
    assert first.listen()
    first.close()
    second = SingleInstance(name)
    assert second.listen()
    second.close()


def test_link_from_another_instance_is_dialled(qtbot: Any, shell: Any, engine: Any) -> None:
    shell.window.dial_link("tel:+380-50-123-45-67")
    qtbot.waitUntil(lambda: "dial" in engine.names())
    assert engine.commands[0][:3] == ("dial", "office", "+380501234567")


def test_the_socket_file_says_whether_an_instance_may_be_running(qtbot: Any) -> None:
    name = unique_name()
    assert not may_be_running(name)  # a start with no instance skips QtNetwork
    running = SingleInstance(name)
    assert running.listen()
    try:
        # Where Qt put the socket is where may_be_running looks.
        assert running.server.fullServerName() == socket_path(name)
        assert may_be_running(name)
    finally:
        running.close()
    assert not may_be_running(name)


def test_the_server_name_is_the_user_names_sha256_as_before() -> None:
    """Qt's SHA-256 replaced hashlib's (its OpenSSL import came before the window):
    the name must not change, or a start after an update would not find the
    instance that is already running."""
    import getpass
    import hashlib

    digest = hashlib.sha256(getpass.getuser().encode()).hexdigest()[:12]
    assert server_name() == f"switchboard-{digest}"
    assert server_name(suffix="-x") == f"switchboard-{digest}-x"
    # The default profile named: the same name (a start that passes its paths finds
    # an instance that was started before profiles counted).
    assert server_name(AppPaths.platform_default().data_dir) == server_name()


def test_each_profile_has_its_own_name_however_its_folder_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first" / "data", tmp_path / "second" / "data"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    assert len({server_name(), server_name(first), server_name(second)}) == 3
    (tmp_path / "link").symlink_to(tmp_path / "first")
    monkeypatch.chdir(tmp_path)
    assert server_name(Path("first/data")) == server_name(first)
    assert server_name(tmp_path / "link" / "data") == server_name(first)
    assert server_name(Path(os.fspath(first) + "/")) == server_name(first)

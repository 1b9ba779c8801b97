"""One Switchboard per user and profile: a second start hands its tel:/sip: link
to the running one (over a QLocalServer) and exits.

The socket name includes the user, so two people on one machine each get their
own instance, and the profile (its data folder), so two profiles
(``SWITCHBOARD_HOME``) run side by side, as the README promises. A stale socket
file left by a crash is removed before listening.

QtNetwork (~15 ms to import) is loaded only when needed: an everyday start on
Linux first looks for the running instance's socket file (``may_be_running``),
and listens after the window's first paint.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QDir, QObject, Signal

from app.settings import AppPaths

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 1000
ACTIVATE = "activate"  # the message when no link was given: just show the window


def server_name(profile: Path | None = None, suffix: str = "") -> str:
    """The instance's name for this user and ``profile`` (its data folder; None:
    the default one). The default profile keeps the user's name alone, as before
    profiles counted: a start after an update still finds the instance running."""
    key = getpass.getuser()
    if profile is not None and not _same_folder(profile, AppPaths.platform_default().data_dir):
        key += "\0" + _folder_key(profile)
    # Qt's SHA-256 (the same digest as hashlib's): hashlib's OpenSSL import is
    # ~3.5 ms before the window, QtCore is loaded already.
    sha256 = QCryptographicHash.Algorithm.Sha256
    digest = QCryptographicHash.hash(key.encode("utf-8", "surrogateescape"), sha256)
    tag = bytes(digest.toHex().data()).decode()[:12]
    return f"switchboard-{tag}{suffix}"


def _folder_key(folder: Path) -> str:
    """One text for one folder, however it was written (relative, a symlink, the
    case of a Windows path)."""
    return os.path.normcase(os.path.realpath(folder))


def _same_folder(one: Path, other: Path) -> bool:
    return _folder_key(one) == _folder_key(other)


def socket_path(name: str) -> str:
    """Where QLocalServer puts a Unix socket for a plain name (Qt: QDir::tempPath)."""
    return os.path.join(QDir.tempPath(), name)


def may_be_running(name: str | None = None) -> bool:
    """False only when no instance can be listening: on Unix, its socket file is
    missing. Windows' named pipes leave no file to look at: always True there."""
    if sys.platform == "win32":
        return True
    return os.path.exists(socket_path(name or server_name()))


def forward(message: str, name: str | None = None) -> bool:
    """Sends ``message`` to a running instance; False when none is running."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write((message or ACTIVATE).encode("utf-8") + b"\n")
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """The running instance's end: ``received`` for each message (a link or
    ACTIVATE) another start sent."""

    received = Signal(str)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        # Made by listen(): a start may create this before its window's first
        # paint and listen after it, with QtNetwork imported only then.
        self.server: QLocalServer | None = None
        # Accepted connections, each with the bytes of an unfinished line.
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> bool:
        server = self.server
        if server is None:
            from PySide6.QtNetwork import QLocalServer

            server = self.server = QLocalServer(self)
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            server.newConnection.connect(self._accept)
        if server.listen(self.name):
            return True
        server.removeServer(self.name)  # a crashed instance's leftover
        return server.listen(self.name)

    def error(self) -> str:
        """Why listen() failed, in Qt's words."""
        return self.server.errorString() if self.server is not None else ""

    def close(self) -> None:
        for socket in list(self._buffers):
            self._drop(socket)
        if self.server is not None:
            self.server.close()

    def _accept(self) -> None:
        server = self.server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if socket is None:
                return
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._read_all)
            socket.disconnected.connect(self._read_all)
        self._read_all()

    def _read_all(self) -> None:
        """Reads whatever every connected sender has written (one line each message)."""
        for socket in list(self._buffers):
            buffer = self._buffers[socket]
            buffer.extend(bytes(socket.readAll().data()))
            while b"\n" in buffer:
                line, _, rest = bytes(buffer).partition(b"\n")
                buffer[:] = rest
                self.received.emit(line.decode("utf-8", "replace").strip())
            if socket.state() == socket.LocalSocketState.UnconnectedState:
                self._drop(socket)

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.readyRead.disconnect(self._read_all)
        socket.disconnected.disconnect(self._read_all)
        socket.abort()
        socket.deleteLater()

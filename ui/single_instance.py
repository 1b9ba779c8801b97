"""One Switchboard per user session: a second start hands its tel:/sip: link to
the running one (over a QLocalServer) and exits.

The socket name includes the user, so two people on one machine each get their
own instance. A stale socket file left by a crash is removed before listening.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 1000
ACTIVATE = "activate"  # the message when no link was given: just show the window


def server_name(suffix: str = "") -> str:
    user = hashlib.sha256(getpass.getuser().encode()).hexdigest()[:12]
    return f"switchboard-{user}{suffix}"


def forward(message: str, name: str | None = None) -> bool:
    """Sends ``message`` to a running instance; False when none is running."""
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
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        # Accepted connections, each with the bytes of an unfinished line.
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)  # a crashed instance's leftover
        return self.server.listen(self.name)

    def close(self) -> None:
        for socket in list(self._buffers):
            self._drop(socket)
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
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
            if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                self._drop(socket)

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.readyRead.disconnect(self._read_all)
        socket.disconnected.disconnect(self._read_all)
        socket.abort()
        socket.deleteLater()

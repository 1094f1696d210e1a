"""One library, one writer: a lock file in the library folder, and the hand-over of a
second start's request to the window already running on that library.

- ``app.writer_lock.WriterLock``: the library's writer lock (held by the window for
  its whole life, by a command-line import for its run).
- ``InstanceServer`` / ``send_to_window``: a local socket (``QLocalServer``) named
  after the library folder. A second ``attache`` on the same library sends its request
  (``{"action": "show"}`` or ``{"action": "import", "paths": [...]}``) to the running
  window and exits; the window gets it as the ``request`` signal.
- ``claim_window``: what the window's start-up calls to decide between the three.

Signals (``InstanceServer``): ``request(dict)`` — a request from a second start.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.writer_lock import WriterLock

TIMEOUT_MS = 2000


def server_name(folder: Path) -> str:
    """The local socket's name for a library folder (one per user and folder)."""
    key = f"{os.getuid()}:{folder.resolve()}".encode()
    return "attache-" + hashlib.sha256(key).hexdigest()[:24]


def send_to_window(folder: Path, request: dict[str, Any], timeout_ms: int = TIMEOUT_MS) -> bool:
    """Hand ``request`` to the window running on ``folder``; True if it took it."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(json.dumps(request).encode() + b"\n")
    socket.waitForBytesWritten(timeout_ms)
    answered = socket.waitForReadyRead(timeout_ms) and bytes(socket.readAll().data()).strip()
    socket.disconnectFromServer()
    return answered == b"ok"


class InstanceServer(QObject):
    """Listens for requests from later starts on the same library.

    Signals: ``request(dict)`` — a request from a second start.
    """

    request = Signal(dict)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self.name = server_name(folder)
        self.actions = {"show", "import"}
        """The actions the window handles (``MainWindow.handle_request``); others are
        refused, and the sender is told."""

    def listen(self) -> bool:
        QLocalServer.removeServer(self.name)  # a dead window's socket file (we hold the lock)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        try:
            request = json.loads(bytes(socket.readLine().data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            request = None
        ok = isinstance(request, dict) and request.get("action") in self.actions
        socket.write(b"ok\n" if ok else b"bad\n")
        socket.flush()
        socket.disconnectFromServer()
        if ok:
            self.request.emit(request)


class WindowClaim:
    """The outcome of :func:`claim_window`.

    ``mode`` is ``"primary"`` (this window writes: ``lock`` and ``server`` are held),
    ``"handed"`` (a running window took the request: exit) or ``"read-only"`` (another
    process writes and no window answered: open the library read-only, say so).
    """

    def __init__(
        self, mode: str, lock: WriterLock | None = None, server: InstanceServer | None = None
    ) -> None:
        self.mode = mode
        self.lock = lock
        self.server = server

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        if self.lock is not None:
            self.lock.release()


READ_ONLY_NOTICE = (
    "Another Attaché is writing to this library, so this window opened it read-only: "
    "you can search and read, but not import or edit. Close the other one to write."
)


def claim_window(folder: Path, request: dict[str, Any] | None = None) -> WindowClaim:
    """Decide how a window starting on ``folder`` runs (needs a QCoreApplication)."""
    lock = WriterLock(folder, "window")
    if lock.try_acquire():
        server = InstanceServer(folder)
        server.listen()
        return WindowClaim("primary", lock, server)
    if send_to_window(folder, request or {"action": "show"}):
        return WindowClaim("handed")
    return WindowClaim("read-only")

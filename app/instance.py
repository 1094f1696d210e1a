"""One library, one writer: a lock file in the library folder, and the hand-over of a
second start's request to the window already running on that library.

- ``app.writer_lock.WriterLock``: the library's writer lock (held by the window for
  its whole life, by a command-line import for its run).
- ``InstanceServer`` / ``send_to_window``: a local socket (``QLocalServer``) named
  after the library folder. A second ``attache`` on the same library sends its request
  (``{"action": "show"}`` or ``{"action": "import", "paths": [...]}``) to the running
  window and exits; the window gets it as the ``request`` signal.
- ``hand_import``: ``attache import`` on a library open in a window hands the files to
  it and, when the window answers imports (``InstanceServer.answers_imports``), waits for
  its result: the window imports, then calls ``InstanceServer.answer`` with the request's
  ``ticket`` and :func:`import_answer` of its report, and the command prints it.
- ``claim_window``: what the window's start-up calls to decide between the three.

The protocol: one JSON line from the second start; the window answers ``ok`` (taken),
``bad`` (refused), or ``wait`` (an import whose sender asked, with ``"wait": true``, to be
told the result: a JSON line follows when the import has finished).

Signals (``InstanceServer``): ``request(dict)`` — a request from a second start.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class HandedImport:
    """What became of an import handed to a window (:func:`hand_import`)."""

    result: dict[str, Any] | None
    """The window's :func:`import_answer`; None when it reports no result (a window that
    does not answer imports, or one that closed before the import finished)."""
    waited: bool
    """The window said it would answer (so a None result means it went away)."""


def hand_import(
    folder: Path,
    paths: list[str],
    timeout_ms: int = TIMEOUT_MS,
    on_waiting: Callable[[], None] | None = None,
) -> HandedImport | None:
    """Hand ``paths`` to the window running on ``folder`` and wait for its result; None
    when no window took them. ``on_waiting()`` is called once the window has taken them
    and will answer. Waits as long as the import runs; the window closing ends the wait."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(timeout_ms):
        return None
    request = {"action": "import", "paths": paths, "wait": True}
    socket.write(json.dumps(request).encode() + b"\n")
    socket.waitForBytesWritten(timeout_ms)
    if not _wait_line(socket, timeout_ms):
        socket.abort()
        return None
    answer = bytes(socket.readLine().data()).strip()
    if answer == b"ok":  # taken, but this window tells no result
        socket.disconnectFromServer()
        return HandedImport(None, waited=False)
    if answer != b"wait":
        socket.abort()
        return None
    if on_waiting is not None:
        on_waiting()
    try:
        got = _wait_line(socket, None)
        line = bytes(socket.readLine().data()) if got else b""
    finally:
        socket.abort()
    try:
        result = json.loads(line.decode("utf-8")) if line.strip() else None
    except (ValueError, UnicodeDecodeError):
        result = None
    return HandedImport(result if isinstance(result, dict) else None, waited=True)


def _wait_line(socket: QLocalSocket, timeout_ms: int | None) -> bool:
    """Wait for a whole line (``timeout_ms`` None: for as long as the peer is there), in
    short steps so that Ctrl+C is heard; False when the peer went away or time ran out."""
    waited = 0
    while not socket.canReadLine():
        if socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
            return False
        if timeout_ms is not None and waited >= timeout_ms:
            return False
        socket.waitForReadyRead(200)
        waited += 200
    return True


def import_answer(report: object) -> dict[str, Any]:
    """What the window tells a waiting ``attache import``: its ``ImportReport`` as a
    dict, or (the import stopped: ``report`` is None or an exception) why."""
    if report is None or isinstance(report, BaseException):
        why = str(report) if report is not None else "it stopped (the window says why)"
        return {"error": f"the import in the window failed: {why}"}
    return {
        "imported": list(getattr(report, "imported", [])),
        "skipped": list(getattr(report, "skipped", [])),
        "failed": [list(pair) for pair in getattr(report, "failed", [])],
        "cancelled": bool(getattr(report, "cancelled", False)),
    }


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
        self.answers_imports = False
        """The window reports each handed import's result (:meth:`answer` with the
        request's ``ticket``); then a waiting ``attache import`` is kept waiting for it."""
        self._waiting: dict[int, QLocalSocket] = {}
        self._tickets = itertools.count(1)

    def listen(self) -> bool:
        QLocalServer.removeServer(self.name)  # a dead window's socket file (we hold the lock)
        return self._server.listen(self.name)

    def close(self) -> None:
        for socket in list(self._waiting.values()):  # the waiting commands learn it closed
            socket.disconnectFromServer()
        self._waiting.clear()
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
        wants_result = ok and request.pop("wait", False) is True
        if ok and wants_result and self.answers_imports and request.get("action") == "import":
            ticket = next(self._tickets)
            self._waiting[ticket] = socket
            socket.disconnected.connect(lambda t=ticket: self._waiting.pop(t, None))
            request["ticket"] = ticket
            socket.write(b"wait\n")
            socket.flush()
        else:
            socket.write(b"ok\n" if ok else b"bad\n")
            socket.flush()
            socket.disconnectFromServer()
        if ok:
            self.request.emit(request)

    def answer(self, ticket: int, result: dict[str, Any]) -> None:
        """Tell the ``attache import`` waiting on ``ticket`` its result (see
        :func:`import_answer`); nothing when it stopped waiting."""
        socket = self._waiting.pop(ticket, None)
        if socket is None:
            return
        socket.write(json.dumps(result).encode() + b"\n")
        socket.flush()
        socket.disconnectFromServer()


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

"""Starting the window: the QApplication, one writing window per library, the main window.

A second start on a library whose window is running hands its request to that window
and exits (``app.instance``); when another process writes to it and no window answers,
the window opens the library read-only and says so.

The window is built and shown before the library is opened: loading SQLAlchemy, Whoosh
and the library's own code takes about a second, which the window spends on screen
(``MainWindow.open_library``). Nothing imported here or by ``ui.main_window`` loads them.

The log (``app.logs``) says when the window first painted and when its library opened;
SIGTERM and SIGINT (a desktop session ending, Ctrl+C in a terminal) close the window as
its close button does, saving its state. ``attache --self-test`` runs this same path
with a ``probe`` that watches the start and closes the window when it has seen enough.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import __version__
from app.faults import read_only_reason
from app.instance import READ_ONLY_NOTICE, WindowClaim, claim_window
from app.logs import install_bug_hook, setup_logging
from app.resources import resource_path
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from app.library import Library

log = logging.getLogger(__name__)

StartupProbe = Callable[[QApplication, MainWindow, WindowClaim], None]
"""Called once the window is shown, before the event loop runs (the self-test's)."""


def _icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256, 512):
        path = resource_path("icons", f"attache-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon


GIL_SWITCH_S = 0.001
"""How long a worker thread may keep the GIL while the GUI thread waits for it. Every
call from Qt into Python (each cell painted) needs the GIL; with Python's default of
5 ms, a busy worker made each such call wait up to 5 ms, and the window stall."""


class FirstPaint(QObject):
    """Logs the window's first paint (and emits ``painted(width, height)``) once."""

    painted = Signal(int, int)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            size = self._window.size()
            log.info("window painted (%d x %d)", size.width(), size.height())
            self.painted.emit(size.width(), size.height())
        return False


class BugReporter(QObject):
    """Carries a bug's one-sentence name from any thread to the window's status bar."""

    bug = Signal(str)


def close_on_signals(window: MainWindow) -> None:
    """SIGTERM and SIGINT close ``window`` as its close button does. Python runs a signal
    handler only between bytecodes, and the Qt event loop runs none while idle: the
    signal's wake-up byte on a socket pair wakes a QSocketNotifier, whose slot (Python)
    lets the handler run."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    try:
        signal.set_wakeup_fd(writer.fileno())
    except ValueError:  # not the main thread (a test's): nothing to wire
        reader.close()
        writer.close()
        return
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, window)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    notifier.activated.connect(drain)
    window._signal_sockets = (reader, writer)  # kept alive

    def handler(signum: int, _frame: object) -> None:
        log.info("signal %s: closing the window", signal.Signals(signum).name)
        window.close()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, handler)


def read_only_notice(folder: Path) -> str:
    reason = read_only_reason(folder) or "it cannot be written"
    return (
        f"The library at {folder} is read-only ({reason}): you can search, read and "
        "export, but not import or edit."
    )


def open_failure(exc: object, folder: Path) -> str:
    """What the window says when its library cannot be opened: the words of a fault a
    person can act on; for a bug, one sentence and where its traceback was logged."""
    from app.faults import explain
    from app.library import LibraryError
    from app.logs import bug_sentence, log_file

    if isinstance(exc, LibraryError):
        log.warning("cannot open the library at %s: %s", folder, exc)
        return str(exc)
    if isinstance(exc, BaseException):
        said = explain(exc, folder)
        if said is not None:
            log.warning("cannot open the library at %s: %s", folder, said)
            return said
        sentence = bug_sentence(type(exc), exc)
        log.error("%s", sentence, exc_info=exc)
        return f"{sentence}. The details are in {log_file()}."
    return str(exc) or "the library cannot be opened"


def run_gui(library_dir: Path, probe: StartupProbe | None = None) -> int:
    sys.setswitchinterval(GIL_SWITCH_S)
    log_path = setup_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Attaché")
    app.setOrganizationName("Attache")
    app.setWindowIcon(_icon())
    log.info(
        "Attaché %s starting on %s (platform %s, log %s)",
        __version__,
        library_dir,
        app.platformName(),
        log_path,
    )
    claim = claim_window(library_dir)
    if claim.mode == "handed":
        log.info("handed to the window already running on %s", library_dir)
        return 0
    read_only = claim.mode == "read-only"

    window = MainWindow(None, folder=library_dir)
    reporter = BugReporter(window)
    reporter.bug.connect(lambda text: window.statusBar().showMessage(text, 20_000))
    install_bug_hook(reporter.bug.emit)
    if claim.server is not None:
        server = claim.server
        server.answers_imports = True  # a handed import waits for the window's result
        server.request.connect(lambda request: window.handle_request(request, server.answer))
    window.first_paint = FirstPaint(window)
    close_on_signals(window)
    window.show()

    def open_library() -> Library:  # in a worker thread
        from app.library import Library

        # The backup and the index check run in another worker once the views can load.
        library = Library(library_dir, read_only=read_only, defer_maintenance=True)
        log.info("library opened: %s (%d articles)", library_dir, library.article_count())
        return library

    notice = READ_ONLY_NOTICE if read_only else None
    if read_only and read_only_reason(library_dir) is not None:  # a read-only folder/medium
        notice = read_only_notice(library_dir)

    def failed(exc: object) -> None:
        message = open_failure(exc, library_dir)
        from app.library import DamagedLibraryError

        if isinstance(exc, DamagedLibraryError) and not read_only:
            from ui.restore_dialog import RestoreDialog

            dialog = RestoreDialog(exc.folder, message, window)
            if dialog.exec() == RestoreDialog.DialogCode.Accepted:
                window.statusBar().showMessage("Restored a backup; opening the library…")
                window.open_library(open_library, failed, notice)
                return
        else:
            QMessageBox.critical(window, "Attaché", message)
        app.exit(1)

    window.open_library(open_library, failed, notice)
    if probe is not None:
        probe(app, window, claim)
    code = app.exec()
    window.wait_for_tasks()
    if window.library is not None:
        window.library.close()
    claim.release()
    log.info("window closed (exit code %d)", code)
    return code

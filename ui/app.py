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

Without ``--library`` the window reopens the last library it had open (``app.settings``).
File › Open library… (``ui.library_menu``) opens another in a window that takes over from
this one (:func:`switch_library`): the same path as a start (:func:`open_in_window`); the
old window closes, its work cancelled and its claim released, once the new library opened.
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

from PySide6.QtCore import QEvent, QObject, QSettings, QSocketNotifier, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import __version__
from app.config import window_library_dir
from app.faults import read_only_reason
from app.instance import READ_ONLY_NOTICE, WindowClaim, claim_window
from app.logs import install_bug_hook, setup_logging
from app.resources import resource_path
from app.settings import Settings, open_store
from ui import library_menu, window_state
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


class Opened(QObject):
    """Carries "the library opened" from the worker that opened it to ``then`` on the
    GUI thread (this object's)."""

    ok = Signal()

    def __init__(self, parent: QObject, then: Callable[[], None]) -> None:
        super().__init__(parent)
        self._then = then
        self.ok.connect(self._run)

    def _run(self) -> None:
        self._then()


class LibraryWindow:
    """A window on one library and its writer claim (``claim_window``). When the window
    closes, its running work is cancelled and waited for, its library closed and the
    claim released (:meth:`finish`)."""

    def __init__(self, window: MainWindow, claim: WindowClaim, folder: Path) -> None:
        self.window = window
        self.claim = claim
        self.folder = folder
        self.finished = False
        window.installEventFilter(_CLOSE_WATCHER)

    def finish(self) -> None:
        """Close the library and release the claim (once)."""
        if self.finished:
            return
        self.finished = True
        with contextlib.suppress(RuntimeError):  # the window's C++ side already gone
            self.window.wait_for_tasks()
        library = self.window.library
        if library is not None:
            library.close()
        self.claim.release()
        if self in _windows:
            _windows.remove(self)
        log.info("library closed: %s", self.folder)


class CloseWatcher(QObject):
    """Finishes a :class:`LibraryWindow` once its window has closed."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, lambda w=watched: _finish_closed(w))
        return False


def _finish_closed(watched: QObject) -> None:
    for session in list(_windows):
        if session.window is watched and not session.window.isVisible():
            session.finish()
            session.window.deleteLater()


_CLOSE_WATCHER = CloseWatcher()
_windows: list[LibraryWindow] = []
"""The open library windows (one, but while a switch opens the next beside it)."""
_reporter: BugReporter | None = None


def open_windows() -> list[LibraryWindow]:
    return list(_windows)


def close_all() -> None:
    """Close every library window and finish it (at the end of the event loop, in tests)."""
    for session in list(_windows):
        with contextlib.suppress(RuntimeError):
            if session.window.isVisible():
                window_state.save(session.window)
                session.window.hide()
        session.finish()


def _bug_to_status_bar(text: str) -> None:
    if _windows:
        _windows[-1].window.statusBar().showMessage(text, 20_000)


def open_in_window(
    folder: Path,
    claim: WindowClaim | None = None,
    settings: QSettings | None = None,
    replacing: MainWindow | None = None,
    create: bool = False,
) -> LibraryWindow | None:
    """Open the library in ``folder`` in a new window, as a start does: the writer claim
    (``claim_window``; None when another window took the request), the window shown at
    once, the library opened in a worker; a damaged library offers its backups.

    ``replacing``: the window this one takes over from (File › Open library…); it closes
    once the new library has opened, and stays if it cannot be opened. ``create``: a new
    library (File › New library…), without the sample articles."""
    global _reporter
    folder = folder.expanduser().absolute()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if claim is None:
        claim = claim_window(folder)
    if claim.mode == "handed":
        log.info("handed to the window already running on %s", folder)
        return None
    read_only = claim.mode == "read-only"
    store = settings if settings is not None else open_store()
    if replacing is not None:
        window_state.save(replacing)  # the new window takes its place and size
    window = MainWindow(None, settings=store, folder=folder)
    session = LibraryWindow(window, claim, folder)
    _windows.append(session)
    library_menu.set_opener(window, lambda other, new: switch_library(window, other, new))
    if _reporter is None:
        _reporter = BugReporter()
        _reporter.bug.connect(_bug_to_status_bar)
        install_bug_hook(_reporter.bug.emit)
    if claim.server is not None:
        server = claim.server
        server.answers_imports = True  # a handed import waits for the window's result
        server.request.connect(lambda request: window.handle_request(request, server.answer))
    window.first_paint = FirstPaint(window)
    if replacing is None:
        close_on_signals(window)
    window.show()

    def open_library() -> Library:  # in a worker thread
        from app.library import Library

        if create:
            from app.sample import MARKER

            folder.mkdir(parents=True, exist_ok=True)
            (folder / MARKER).touch()  # a new library is the person's own: no sample
        # The backup and the index check run in another worker once the views can load.
        library = Library(folder, read_only=read_only, defer_maintenance=True)
        log.info("library opened: %s (%d articles)", folder, library.article_count())
        opened.ok.emit()
        return library

    def took_over() -> None:
        Settings(store).add_recent(folder)
        if replacing is not None:
            with contextlib.suppress(RuntimeError):
                replacing.close()
            close_on_signals(window)

    opened = Opened(window, took_over)

    notice = READ_ONLY_NOTICE if read_only else None
    if read_only and read_only_reason(folder) is not None:  # a read-only folder/medium
        notice = read_only_notice(folder)

    def give_up(message: str) -> None:
        if replacing is None:
            # the next start reopens this library: say how to open another one
            other = "To open another library, start Attaché with: attache --library FOLDER"
            QMessageBox.critical(window, "Attaché", f"{message}\n\n{other}")
            app.exit(1)
            return
        window.hide()
        session.finish()
        window.deleteLater()
        replacing.menuBar().setEnabled(True)
        replacing.statusBar().clearMessage()
        library_menu.show_message(replacing, f"Cannot open the library: {message}")

    def failed(exc: object) -> None:
        from app.library import DamagedLibraryError
        from app.restore import as_damage

        exc = as_damage(exc, folder) or exc  # damage met at the first read, too
        message = open_failure(exc, folder)
        if isinstance(exc, DamagedLibraryError) and not read_only:
            from ui.restore_dialog import RestoreDialog

            dialog = RestoreDialog(exc.folder, message, window)
            if dialog.exec() == RestoreDialog.DialogCode.Accepted:
                window.statusBar().showMessage("Restored a backup; opening the library…")
                window.open_library(open_library, failed, notice)
                return
        give_up(message)

    window.open_library(open_library, failed, notice)
    return session


def switch_library(current: MainWindow, folder: Path, create: bool = False) -> LibraryWindow | None:
    """File › New library… / Open library… / Open recent: open ``folder`` in a window that
    takes over from ``current`` (whose work is cancelled, library closed and claim
    released once the new one has opened). A library open in another Attaché window is
    brought forward there instead; one another process writes to opens read-only."""
    folder = folder.expanduser().absolute()
    if current.library is not None and current.library.folder.absolute() == folder:
        current.statusBar().showMessage(f"The library at {folder} is already open.", 8000)
        return None
    claim = claim_window(folder)
    if claim.mode == "handed":
        library_menu.show_message(
            current,
            f"The library at {folder} is open in another Attaché window, which has been "
            "brought forward. Close that window to open the library here.",
        )
        return None
    current.statusBar().showMessage(f"Opening the library at {folder}…")
    current.menuBar().setEnabled(False)  # no second switch while this one opens
    return open_in_window(folder, claim, current.settings, replacing=current, create=create)


def run_gui(library_dir: Path | None = None, probe: StartupProbe | None = None) -> int:
    """The window: on ``library_dir`` (named for this run), else on the library
    ``app.config.window_library_dir`` picks (the last one open)."""
    sys.setswitchinterval(GIL_SWITCH_S)
    log_path = setup_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Attaché")
    app.setOrganizationName("Attache")
    app.setWindowIcon(_icon())
    folder = startup_library(library_dir)
    log.info(
        "Attaché %s starting on %s (platform %s, log %s)",
        __version__,
        folder,
        app.platformName(),
        log_path,
    )
    claim = claim_window(folder)
    session = open_in_window(folder, claim)
    if session is None:
        return 0
    if probe is not None:
        probe(app, session.window, claim)
    code = app.exec()
    close_all()
    log.info("window closed (exit code %d)", code)
    return code


def startup_library(library_dir: Path | None) -> Path:
    """The library a start opens: ``library_dir`` when a person named it, else the last
    library open (or the default library: ``app.config.window_library_dir``)."""
    return window_library_dir(library_dir)

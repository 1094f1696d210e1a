"""One way to run work off the GUI thread.

``run_task(func, on_done, on_error)`` runs ``func`` in a thread pool and delivers
its result or exception back on the GUI thread. Work functions must never touch
widgets; they get a :class:`TaskContext` to report progress and ask whether the
user cancelled.

A window runs its work through a :class:`LibraryTasks`: ``tasks.run(func, on_done)``
calls ``func(library, context)`` with the library open when the work was started (as
Anki's ``QueryOp`` hands its work ``mw.col``), so work functions take the library as
an argument instead of reading it from the window.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

if TYPE_CHECKING:
    from app.library import Library

_T = TypeVar("_T")

_RUNNING: set[Task] = set()
"""Tasks are kept alive here until their result has been delivered."""


log = logging.getLogger(__name__)


class TaskContext:
    """Handed to a work function: progress reporting and cancellation."""

    PROGRESS_INTERVAL = 0.05
    """Seconds between two progress reports the GUI thread is shown: work that
    reports every step would otherwise queue more signals than the window can take,
    and the window (and a cancel) would wait behind them."""

    def __init__(self, signals: _TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self.ended = threading.Event()
        """Set in the worker when the work function has returned (or raised)."""
        self._last_report = -1.0

    def progress(self, done: int, total: int, text: str = "") -> None:
        now = time.monotonic()
        finished = total > 0 and done >= total
        if finished or now - self._last_report >= self.PROGRESS_INTERVAL:
            self._last_report = now
            self._signals.progress.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _TaskSignals(QObject):
    """Signals: progress(done, total, text); finished(result); failed(exception, traceback)."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)


class _Runnable(QRunnable):
    def __init__(
        self, func: Callable[[TaskContext], Any], signals: _TaskSignals, context: TaskContext
    ) -> None:
        super().__init__()
        self._func, self._signals, self._context = func, signals, context

    def run(self) -> None:
        try:
            result = self._func(self._context)
        except Exception as exc:  # delivered to the GUI thread, never lost
            self._deliver("failed", exc, traceback.format_exc())
        else:
            self._deliver("finished", result)
        finally:
            self._context.ended.set()

    def _deliver(self, name: str, *args: object) -> None:
        """Emit a result; the window that asked for it may have been closed and deleted
        meanwhile (its signals with it): then there is no one to tell."""
        try:
            getattr(self._signals, name).emit(*args)
        except RuntimeError:  # "Signal source has been deleted"
            log.debug("work finished after its window was closed: %s dropped", name)


class Task(QObject):
    """A running piece of work. Signals: progress(int, int, str), done(object), error(object)."""

    progress = Signal(int, int, str)
    done = Signal(object)
    error = Signal(object)

    def __init__(self, func: Callable[[TaskContext], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _TaskSignals()
        self.context = TaskContext(self._signals)
        self.running = True
        self.traceback = ""
        self._signals.progress.connect(self.progress)
        self._signals.finished.connect(self._finish)
        self._signals.failed.connect(self._fail)
        self._runnable = _Runnable(func, self._signals, self.context)
        # Python owns the runnable: Qt deleting it after run() would leave this
        # wrapper pointing at freed memory.
        self._runnable.setAutoDelete(False)

    def _finish(self, result: object) -> None:
        self.running = False
        self.done.emit(result)
        self._release()

    def _fail(self, exc: object, tb: str) -> None:
        self.running = False
        self.traceback = tb
        self.error.emit(exc)
        self._release()

    def _release(self) -> None:
        # Dropped on the next turn of the event loop, never inside its own signal.
        QTimer.singleShot(0, lambda: _RUNNING.discard(self))

    def cancel(self) -> None:
        self.context.cancel()

    def wait(self, timeout_s: float) -> bool:
        """Block until the work function has returned, at most ``timeout_s`` seconds
        (its result is delivered later, on the GUI thread); whether it has."""
        return self.context.ended.wait(max(0.0, timeout_s))


def run_task(
    func: Callable[[TaskContext], Any],
    on_done: Callable[[Any], object] | None = None,
    on_error: Callable[[Any], object] | None = None,
    parent: QObject | None = None,
    pool: QThreadPool | None = None,
    priority: int = 0,
) -> Task:
    """Start ``func(context)`` in ``pool`` (the global one by default); of the work
    waiting for a thread, the highest ``priority`` starts first (``ROWS``: what a view
    is waiting to show; ``LATER``: what fills in the rows on screen)."""
    task = Task(func, parent)
    _RUNNING.add(task)
    if on_done is not None:
        task.done.connect(on_done)
    if on_error is not None:
        task.error.connect(on_error)
    (pool or QThreadPool.globalInstance()).start(task._runnable, priority)
    return task


ROWS = 10
"""The priority of reading the rows a view is to show (a sort, a filter, a load): that
work runs in a pool of its own (:func:`rows_pool`), never queued behind long work."""


_ROWS_POOL: list[QThreadPool] = []


def rows_pool() -> QThreadPool:
    """The thread pool of work at ``ROWS`` priority: one thread, so that reading the rows
    a person waits for never waits for an import, a search or a chart."""
    if not _ROWS_POOL:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        pool.setExpiryTimeout(-1)
        _ROWS_POOL.append(pool)
    return _ROWS_POOL[0]


QUERY = ROWS + 5
"""The priority of reading a view's ids for a new sort or filter: before the rows of
pages scrolled past that are still waiting."""
LATER = -10
"""The priority of work filling in rows already shown (the People counts)."""


class NoLibraryError(RuntimeError):
    """Work that reads the library was started before a library was open."""


class LibraryTasks:
    """A window's task runner: its work runs off the GUI thread, its results come back
    on it, and the window waits for (only) its own work when it closes.

    ``run(func, on_done, on_error, priority)`` calls ``func(library, context)`` in a
    worker, with the library current when the work was started (:meth:`attach`
    changes it); ``run_plain`` calls ``func(context)``, for work that needs no library
    (opening one) or that holds its library itself. ``on_error`` defaults to the
    runner's ``on_error`` (the window's status bar)."""

    def __init__(self, parent: QObject, on_error: Callable[[Any], object]) -> None:
        self.library: Library | None = None
        """The open library: None until :meth:`attach`."""
        self._parent = parent
        self._on_error = on_error
        self.running: set[Task] = set()
        """The work started here that has not yet delivered its result."""

    def attach(self, library: Library) -> None:
        """The library the work started from now on is handed."""
        self.library = library

    def run(
        self,
        func: Callable[[Library, TaskContext], _T],
        on_done: Callable[[_T], object],
        on_error: Callable[[Any], object] | None = None,
        priority: int = 0,
    ) -> Task:
        """Start ``func(library, context)`` in a worker; ``on_done(result)`` (or
        ``on_error(exception)``) on the GUI thread. Without a library open the work
        fails with :class:`NoLibraryError` (delivered to ``on_error``)."""
        library = self.library

        def work(ctx: TaskContext) -> _T:
            if library is None:
                raise NoLibraryError("no library is open yet")
            return func(library, ctx)

        return self.run_plain(work, on_done, on_error, priority)

    def run_plain(
        self,
        func: Callable[[TaskContext], _T],
        on_done: Callable[[_T], object],
        on_error: Callable[[Any], object] | None = None,
        priority: int = 0,
    ) -> Task:
        """Start ``func(context)`` in a worker (work that is handed no library); work
        at ``ROWS`` priority or above runs in :func:`rows_pool`."""
        pool = rows_pool() if priority >= ROWS else None
        task = run_task(func, on_done, on_error or self._on_error, self._parent, pool, priority)
        self.running.add(task)
        task.done.connect(lambda _r, t=task: self.running.discard(t))
        task.error.connect(lambda _e, t=task: self.running.discard(t))
        return task

    def wait(self, timeout_ms: int = 30_000) -> None:
        """Cancel the running work and wait for it, ``timeout_ms`` at most in all."""
        tasks = list(self.running)
        for task in tasks:
            task.cancel()
        deadline = time.monotonic() + timeout_ms / 1000
        for task in tasks:
            task.wait(deadline - time.monotonic())

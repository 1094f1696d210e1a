"""Rebuilding a stale search index from the window: in a worker, with progress in the
status bar and Cancel (a cancelled rebuild keeps the old index, which still answers).

Signals: finished(bool rebuilt).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from ui.progress import progress_widgets
from ui.tasks import LibraryTasks, Task, TaskContext

if TYPE_CHECKING:
    from app.library import Library


class IndexRebuilder(QObject):
    """Rebuilds the index of the library the window's ``tasks`` hand it; progress and
    Cancel in ``window``'s status bar."""

    finished = Signal(bool)

    def __init__(self, window: QMainWindow, tasks: LibraryTasks) -> None:
        super().__init__(window)
        self.window, self.tasks = window, tasks
        self.task: Task | None = None
        self.progress, self.cancel_button = progress_widgets(
            "index %p%", "Stop rebuilding", self.cancel
        )

    def start(self) -> Task:
        def work(library: Library, ctx: TaskContext) -> bool:
            from search.index import Cancelled

            try:
                library.reindex(progress=ctx.progress, cancelled=ctx.cancelled)
            except Cancelled:
                return False
            return True

        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.window.statusBar().showMessage("Rebuilding the search index from the library…")
        self.task = self.tasks.run(work, self._done, self._failed)
        self.task.progress.connect(self._progress)
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, done: int, total: int, _name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def _done(self, rebuilt: bool) -> None:
        self._end()
        message = (
            "Search index rebuilt." if rebuilt else "Index rebuild stopped; the old index is kept."
        )
        self.window.statusBar().showMessage(message, 10_000)
        self.finished.emit(rebuilt)

    def _failed(self, exc: object) -> None:
        """Say why in words (a full disk names the index's folder); the old index stays."""
        from app.faults import explain

        self._end()
        library = self.tasks.library
        index = library.index.path if library is not None else None
        said = explain(exc, index) if isinstance(exc, OSError) else None
        self.window.statusBar().showMessage(
            f"The index could not be rebuilt: {said or exc}; the old index is kept.", 15_000
        )
        self.finished.emit(False)

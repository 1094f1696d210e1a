"""Importing from the window: files, folders or dropped paths, in a worker with progress,
Cancel and a report of every file that failed.

Signals: finished(object report or None).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox

from ui.progress import progress_widgets
from ui.tasks import LibraryTasks, Task, TaskContext

if TYPE_CHECKING:
    from app.library import ImportReport, Library

log = logging.getLogger(__name__)

REPORT_LIMIT = 50


def report_html(report: ImportReport) -> str:
    lines = "".join(
        f"<li><b>{html.escape(path)}</b>: {html.escape(reason)}</li>"
        for path, reason in report.failed[:REPORT_LIMIT]
    )
    extra = len(report.failed) - REPORT_LIMIT
    more = f"<p>… and {extra} more</p>" if extra > 0 else ""
    return f"<p>{html.escape(report.summary())}</p><ul>{lines}</ul>{more}"


class Importer(QObject):
    """The window's imports, one at a time, run by the window's ``tasks`` (handed the
    library open when the import starts); progress and Cancel in ``window``'s status bar."""

    finished = Signal(object)

    def __init__(self, window: QMainWindow, tasks: LibraryTasks) -> None:
        super().__init__(window)
        self.window, self.tasks = window, tasks
        self.task: Task | None = None
        self.progress, self.cancel_button = progress_widgets("file %v of %m", "Cancel", self.cancel)
        self.actions: list = []  # disabled while an import runs
        self.message_box: QMessageBox | None = None
        """The last box saying why an import stopped."""

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def start(self, paths: Sequence[Path], sample: bool = False) -> Task | None:
        if self.running:
            QMessageBox.information(self.window, "Import", "An import is already running.")
            return None

        def work(library: Library, ctx: TaskContext) -> ImportReport:
            if sample:
                from app.sample import import_sample

                return import_sample(library, ctx.progress, ctx.cancelled)
            return library.import_paths(paths, ctx.progress, ctx.cancelled, apart=True)

        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        for action in self.actions:
            action.setEnabled(False)
        task = self.tasks.run(work, self._finished, self._failed)
        task.progress.connect(self._progress)
        self.task = task
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.window.statusBar().showMessage("Cancelling the import…")

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done + (1 if name else 0), max(total, 1)))
        if name:
            self.window.statusBar().showMessage(f"Importing {name} (file {done + 1} of {total})")

    def _end(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        for action in self.actions:
            action.setEnabled(True)

    def _finished(self, report: ImportReport) -> None:
        self._end()
        self.window.statusBar().showMessage(report.summary(), 10_000)
        if report.failed:
            box = QMessageBox(
                QMessageBox.Icon.Warning, "Import report", report_html(report), parent=self.window
            )
            box.setTextFormat(Qt.TextFormat.RichText)
            box.open()
        self.finished.emit(report)

    def _failed(self, exc: object) -> None:
        """The import stopped: a full disk (every article stored so far is whole) or
        another fault, said in a message box naming the file and the reason."""
        from app.library import NoSpaceError

        self._end()
        if isinstance(exc, NoSpaceError):
            stored = len(exc.report.imported) if exc.report is not None else 0
            self.window.statusBar().showMessage(
                f"The disk is full: the import stopped after {stored} new article(s), each whole."
            )
            said = str(exc)
            self._tell("The disk is full", f"{said[:1].upper()}{said[1:]}.")
        else:
            self.window.statusBar().showMessage("The import stopped.", 10_000)
            self._tell("Import failed", f"The import stopped: {self._words(exc)}")
        self.finished.emit(None)

    def _words(self, exc: object) -> str:
        """A fault in words (naming the file and the reason); a bug in one sentence, its
        traceback logged."""
        from app import faults
        from app.library import LibraryError
        from app.logs import bug_sentence, log_file

        if isinstance(exc, LibraryError) or not isinstance(exc, BaseException):
            return str(exc)
        library = self.tasks.library
        said = faults.explain(exc, library.folder if library else None)
        if said is not None:
            return said
        sentence = bug_sentence(type(exc), exc)
        log.error("%s", sentence, exc_info=exc)
        return f"{sentence}. The details are in {log_file()}."

    def _tell(self, title: str, text: str) -> None:
        """A message box that does not block the window (``message_box`` while shown)."""
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=self.window)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self.message_box = box

"""The main window: search box, result list, article reader, import with progress.

Everything that touches the library runs through :func:`ui.tasks.run_task`, so
the window keeps painting while an import or a search runs.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.library import ArticleRow, ImportReport, Library
from app.sample import import_sample, should_import_sample
from search.index import QueryError, SearchResult
from ui.html_delegate import HtmlDelegate
from ui.reader import ArticleReader
from ui.results_model import ResultsModel
from ui.tasks import Task, TaskContext, run_task

SEARCH_DELAY_MS = 250


class MainWindow(QMainWindow):
    """Signals: search_done(int hits); article_shown(int id); import_done(object report)."""

    search_done = Signal(int)
    article_shown = Signal(int)
    import_done = Signal(object)

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.import_task: Task | None = None
        self._tasks: set[Task] = set()
        self._search_serial = 0
        self.setWindowTitle(f"Attaché — {library.folder}")
        self.resize(1100, 720)
        self._build()
        self._build_menus()
        self._update_status()

    # -- construction -------------------------------------------------------------
    def _build(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search articles (Ctrl+K)…")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._schedule_search)
        self.search_box.returnPressed.connect(self.run_search)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)

        self.results = ResultsModel(self)
        self.results_view = QListView()
        self.results_view.setModel(self.results)
        self.results_view.setItemDelegate(HtmlDelegate(self.results_view))
        self.results_view.setWordWrap(True)
        self.results_view.setUniformItemSizes(False)
        self.results_view.setAlternatingRowColors(True)
        self.results_view.selectionModel().currentChanged.connect(self._current_changed)
        self.results_view.activated.connect(self._open_index)
        self.result_label = QLabel()
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)

        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.result_label)
        layout.addWidget(self.results_view)

        self.reader = ArticleReader()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.reader)
        splitter.setSizes([420, 680])
        self.setCentralWidget(splitter)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setFormat("%v of %m")
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_import)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_files_action = QAction(
            "Import &files…", self, shortcut=QKeySequence.StandardKey.Open
        )
        self.import_files_action.triggered.connect(self.choose_files)
        self.import_folder_action = QAction("Import f&older…", self, shortcut="Ctrl+Shift+O")
        self.import_folder_action.triggered.connect(self.choose_folder)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addActions([self.import_files_action, self.import_folder_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        focus = QAction(
            "Search", self, shortcuts=[QKeySequence("Ctrl+K"), QKeySequence.StandardKey.Find]
        )
        focus.triggered.connect(lambda: (self.search_box.setFocus(), self.search_box.selectAll()))
        self.addAction(focus)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Attaché", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # -- tasks ----------------------------------------------------------------------
    def _start(self, func, on_done, on_error=None) -> Task:  # type: ignore[no-untyped-def]
        task = run_task(func, on_done, on_error or self._task_failed, parent=self)
        self._tasks.add(task)
        task.done.connect(lambda _r, t=task: self._tasks.discard(t))
        task.error.connect(lambda _e, t=task: self._tasks.discard(t))
        return task

    def _task_failed(self, exc: object) -> None:
        self.statusBar().showMessage(f"Error: {exc}", 10_000)

    def wait_for_tasks(self, timeout_ms: int = 30_000) -> None:
        """Cancel and wait for running work (used at close and by tests)."""
        from PySide6.QtCore import QThreadPool

        for task in list(self._tasks):
            task.cancel()
        QThreadPool.globalInstance().waitForDone(timeout_ms)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.wait_for_tasks()
        super().closeEvent(event)

    # -- status -----------------------------------------------------------------------
    def _update_status(self) -> None:
        self._start(lambda _ctx: self.library.article_count(), self._show_count)

    def _show_count(self, count: int) -> None:
        self.status_label.setText(f"{count} article(s) in {self.library.folder}")

    # -- search -----------------------------------------------------------------------
    def _schedule_search(self) -> None:
        self._search_timer.start()

    def run_search(self) -> None:
        self._search_timer.stop()
        query = self.search_box.text()
        self._search_serial += 1
        serial = self._search_serial

        def work(_ctx: TaskContext) -> SearchResult:
            return self.library.search(query, limit=100)

        self._start(
            work,
            lambda result: self._show_results(serial, result),
            lambda exc: self._search_failed(serial, exc),
        )

    def _show_results(self, serial: int, result: SearchResult) -> None:
        if serial != self._search_serial:
            return  # a newer query is on its way
        self.results.set_hits(result.hits)
        query = self.search_box.text().strip()
        if not query:
            self.result_label.setText(f"{result.total} article(s)")
        elif result.hits:
            self.result_label.setText(f"{result.total} article(s) match “{query}”")
        else:
            self.result_label.setText(f"No article matches “{query}”")
        self.search_done.emit(len(result.hits))

    def _search_failed(self, serial: int, exc: object) -> None:
        if serial != self._search_serial:
            return
        self.results.set_hits([])
        message = str(exc) if isinstance(exc, QueryError) else f"Search failed: {exc}"
        self.result_label.setText(message)
        self.search_done.emit(0)

    # -- reading ------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._open_index(current)

    def _open_index(self, index: QModelIndex) -> None:
        self.open_article(self.results.hit(index.row()).id, self.search_box.text())

    def open_article(self, article_id: int, query: str = "") -> None:
        def work(_ctx: TaskContext) -> tuple[ArticleRow | None, list[tuple[int, int]]]:
            article = self.library.article(article_id)
            spans = self.library.index.match_spans(query, article.text) if article and query else []
            return article, spans

        self._start(work, self._show_article)

    def _show_article(self, loaded: tuple[ArticleRow | None, Sequence[tuple[int, int]]]) -> None:
        article, spans = loaded
        if article is None:
            self.statusBar().showMessage("That article is no longer in the library.", 5000)
            return
        self.reader.show_article(article, spans)
        self.article_shown.emit(article.id)

    # -- import --------------------------------------------------------------------------
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", "", "Articles (*.txt *.text *.md *.markdown);;All files (*)"
        )
        if names:
            self.start_import([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles")
        if folder:
            self.start_import([Path(folder)])

    def start_import(self, paths: Sequence[Path], sample: bool = False) -> Task | None:
        if self.import_task is not None and self.import_task.running:
            QMessageBox.information(self, "Import", "An import is already running.")
            return None

        def work(ctx: TaskContext) -> ImportReport:
            if sample:
                return import_sample(self.library, ctx.progress, ctx.cancelled)
            return self.library.import_paths(paths, ctx.progress, ctx.cancelled)

        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.import_files_action.setEnabled(False)
        self.import_folder_action.setEnabled(False)
        task = self._start(work, self._import_finished, self._import_failed)
        task.progress.connect(self._import_progress)
        self.import_task = task
        return task

    def import_sample_library(self) -> Task | None:
        return self.start_import([], sample=True)

    def cancel_import(self) -> None:
        if self.import_task is not None:
            self.import_task.cancel()
            self.cancel_button.setEnabled(False)
            self.statusBar().showMessage("Cancelling the import…")

    def _import_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if name:
            self.statusBar().showMessage(f"Importing {name} ({done + 1} of {total})")

    def _end_import(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.import_files_action.setEnabled(True)
        self.import_folder_action.setEnabled(True)
        self._update_status()

    def _import_finished(self, report: ImportReport) -> None:
        self._end_import()
        self.statusBar().showMessage(report.summary(), 10_000)
        if report.failed:
            lines = "".join(
                f"<li><b>{html.escape(path)}</b>: {html.escape(reason)}</li>"
                for path, reason in report.failed[:50]
            )
            more = f"<p>… and {len(report.failed) - 50} more</p>" if len(report.failed) > 50 else ""
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "Import report",
                f"<p>{html.escape(report.summary())}</p><ul>{lines}</ul>{more}",
                parent=self,
            )
            box.setTextFormat(Qt.TextFormat.RichText)
            box.open()
        self.run_search()
        self.import_done.emit(report)

    def _import_failed(self, exc: object) -> None:
        self._end_import()
        QMessageBox.critical(self, "Import failed", f"The import stopped: {exc}")
        self.import_done.emit(None)

    # -- misc ---------------------------------------------------------------------------
    def start(self) -> None:
        """After the window is shown: import the sample at first start, list the library."""
        if should_import_sample(self.library):
            self.import_sample_library()
        else:
            self.run_search()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Attaché",
            f"<h3>Attaché {html.escape(__version__)}</h3>"
            "<p>An offline reference browser for bilateral relations between countries.</p>"
            "<p>Built with Qt for Python (PySide6, LGPL), SQLAlchemy (MIT), "
            "Whoosh-Reloaded (BSD) and platformdirs (MIT). It never uses the network.</p>",
        )

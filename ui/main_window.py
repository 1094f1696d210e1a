"""The main window: the views in tabs, the detail pane and reader beside them, the
selection panel, search everywhere, Back/Forward, import and export.

Everything that touches the library runs through :func:`ui.tasks.run_task`, so the
window keeps painting while an import, a search or a reload runs. Menus and
shortcuts live in ``ui/menus.py``, window state in ``ui/window_state.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QWidget,
)

from app.library import ArticleRow, Library
from app.sample import should_import_sample
from app.views import VIEW_OF_TYPE, ViewData, build_view_data
from search.index import Hit, QueryError, SearchResult
from ui import menus, window_state
from ui.detail_pane import DetailPane
from ui.history import History, Place
from ui.importer import Importer
from ui.reader import ArticleReader
from ui.selection_panel import SelectionPanel
from ui.tasks import Task, TaskContext, run_task
from ui.views.agreements import AgreementsPage
from ui.views.articles import ArticlesPage
from ui.views.entities import EntitiesPage
from ui.views.missions import MissionsPage
from ui.views.statistics import StatisticsPage
from ui.views.timeline import TimelinePage
from ui.views.visits import VisitsPage

SEARCH_DELAY_MS = 250


class MainWindow(QMainWindow):
    """Signals: search_done(int hits); article_shown(int id); import_done(object report);
    data_loaded(); fact_shown(int id); selection_changed(list ids)."""

    search_done = Signal(int)
    article_shown = Signal(int)
    import_done = Signal(object)
    data_loaded = Signal()
    fact_shown = Signal(int)
    selection_changed = Signal(list)

    def __init__(self, library: Library, settings: QSettings | None = None) -> None:
        super().__init__()
        self.library = library
        self.settings = settings or QSettings()
        self.data = ViewData()
        self.selected: list[int] = []
        self.history = History()
        self._tasks: set[Task] = set()
        self._search_serial = 0
        self._load_serial = 0
        self._article_serial = 0
        self.setWindowTitle(f"Attaché — {library.folder}")
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self.importer = Importer(self, library, self._start)
        self.importer.finished.connect(self._import_finished)
        self._build()
        menus.build(self)
        window_state.restore(self)
        self._update_nav()

    # -- construction -------------------------------------------------------------
    def _build(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search articles and facts (Ctrl+K)…")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textEdited.connect(lambda _t: self._search_timer.start())
        self.search_box.returnPressed.connect(self.open_first_result)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.run_search(show=True))

        self.pages = [VisitsPage(), AgreementsPage(), StatisticsPage(), TimelinePage()]
        self.pages += [MissionsPage(), EntitiesPage()]
        self.articles_page = ArticlesPage()
        self.articles_page.hit_chosen.connect(self.open_hit)
        self.results = self.articles_page.results
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in self.pages:
            self.tabs.addTab(page, page.title.replace("&", "&&"))
            page.fact_selected.connect(self.show_fact)
            page.check_toggled.connect(self._check_toggled)
        self.tabs.addTab(self.articles_page, "Articles")

        self.detail = DetailPane()
        self.detail.fact_clicked.connect(self.open_fact)
        self.detail.evidence_clicked.connect(self.open_evidence)
        self.detail.add_clicked.connect(lambda i: self.add_to_selection([i]))
        self.reader = ArticleReader()
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.addWidget(self.detail)
        self.side.addWidget(self.reader)
        self.side.setSizes([470, 330])
        self.splitter = QSplitter()
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.side)
        self.splitter.setSizes([760, 520])
        self.setCentralWidget(self.splitter)

        self.selection_panel = SelectionPanel()
        self.selection_panel.order_changed.connect(self._reorder)
        self.selection_panel.remove_requested.connect(self.remove_from_selection)
        self.selection_panel.clear_requested.connect(
            lambda: self.remove_from_selection(self.selected)
        )
        self.selection_panel.export_requested.connect(self.export_selection)
        self.selection_panel.fact_activated.connect(self.open_fact)
        self.selection_dock = QDockWidget("Selection", self)
        self.selection_dock.setObjectName("selection")
        self.selection_dock.setWidget(self.selection_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.selection_dock)
        self.resizeDocks([self.selection_dock], [170], Qt.Orientation.Vertical)

        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.importer.progress)
        self.statusBar().addPermanentWidget(self.importer.cancel_button)
        self.progress, self.cancel_button = self.importer.progress, self.importer.cancel_button

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
        for task in list(self._tasks):
            task.cancel()
        QThreadPool.globalInstance().waitForDone(timeout_ms)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        window_state.save(self)
        self.wait_for_tasks()
        super().closeEvent(event)

    # -- loading --------------------------------------------------------------------
    def start(self) -> None:
        """After the window is shown: import the sample at first start, else load the views."""
        if should_import_sample(self.library):
            self.importer.start([], sample=True)
        else:
            self.reload()
            self.run_search()

    def reload(self) -> None:
        """Read the facts again (in a worker) and refresh every view."""
        self._load_serial += 1
        serial = self._load_serial

        def work(_ctx: TaskContext) -> tuple[ViewData, list[int], int]:
            lib = self.library
            data = build_view_data(lib.facts(), lib.article_heads())
            return data, lib.selection(), len(data.articles)

        self._start(work, lambda result: self._loaded(serial, *result))

    def _loaded(self, serial: int, data: ViewData, selected: list[int], articles: int) -> None:
        if serial != self._load_serial:
            return
        self.data = data
        self._set_selection(selected)
        for page in self.pages:
            page.set_data(data, set(selected))
        if self.detail.fact is not None and self.detail.fact.id in data.facts:
            self.detail.show_fact(
                data, data.facts[self.detail.fact.id], self.detail.fact.id in selected
            )
        self.status_label.setText(
            f"{articles} article(s), {len(data.facts)} fact(s) in {self.library.folder}"
        )
        self.data_loaded.emit()

    # -- facts and the detail pane ----------------------------------------------------
    def page_of(self, fact_id: int) -> QWidget | None:
        fact = self.data.facts.get(fact_id)
        if fact is None:
            return None
        name = VIEW_OF_TYPE[fact.type]
        return next((p for p in self.pages if p.title == name), None)

    def current_page(self) -> QWidget:
        return self.tabs.currentWidget()

    def show_fact(self, fact_id: int, record: bool = True) -> None:
        """Show a fact in the detail pane (the view's own selection is left as it is)."""
        fact = self.data.facts.get(fact_id)
        if fact is None:
            self.statusBar().showMessage("That fact is no longer in the library.", 5000)
            return
        self.detail.show_fact(self.data, fact, fact_id in self.selected)
        if record:
            self.history.visit(Place("fact", fact_id))
            self._update_nav()
        self.fact_shown.emit(fact_id)

    def open_fact(self, fact_id: int, record: bool = True) -> None:
        """Go to the fact's view, select its row and show it in the detail pane."""
        page = self.page_of(fact_id)
        if page is not None:
            self.tabs.setCurrentWidget(page)
            page.select_fact(fact_id, emit=False)
        self.show_fact(fact_id, record)

    def open_evidence(self, article_id: int, start: int, end: int, record: bool = True) -> None:
        self.open_article(article_id, focus=(start, end), record=record)

    # -- the reader -------------------------------------------------------------------
    def open_article(
        self,
        article_id: int,
        query: str = "",
        focus: tuple[int, int] | None = None,
        record: bool = True,
    ) -> None:
        def work(_ctx: TaskContext) -> tuple[ArticleRow | None, list[tuple[int, int]]]:
            article = self.library.article(article_id)
            spans = self.library.index.match_spans(query, article.text) if article and query else []
            return article, spans

        if record:
            self.history.visit(Place("article", article_id, focus))
            self._update_nav()
        self._article_serial += 1
        serial = self._article_serial
        self._start(work, lambda loaded: self._show_article(serial, *loaded, focus))

    def _show_article(
        self,
        serial: int,
        article: ArticleRow | None,
        spans: Sequence[tuple[int, int]],
        focus: tuple[int, int] | None,
    ) -> None:
        if serial != self._article_serial:
            return  # the user asked for another article since
        if article is None:
            self.statusBar().showMessage("That article is no longer in the library.", 5000)
            return
        self.reader.show_article(article, spans, focus)
        self.article_shown.emit(article.id)

    # -- history ------------------------------------------------------------------------
    def go_back(self) -> None:
        self._go(self.history.back())

    def go_forward(self) -> None:
        self._go(self.history.forward())

    def _go(self, place: Place | None) -> None:
        if place is None:
            return
        if place.kind == "fact":
            self.open_fact(place.id, record=False)
        else:
            self.open_article(place.id, focus=place.span, record=False)
        self._update_nav()

    def _update_nav(self) -> None:
        if hasattr(self, "back_action"):
            self.back_action.setEnabled(self.history.can_go_back())
            self.forward_action.setEnabled(self.history.can_go_forward())

    # -- the selection ------------------------------------------------------------------
    def _set_selection(self, ids: list[int]) -> None:
        self.selected = list(ids)
        self.selection_panel.set_rows([(i, self.data.label(i)) for i in ids])
        for page in self.pages:
            page.set_checked(set(ids))
        if self.detail.fact is not None and self.detail.fact.id in self.data.facts:
            fact = self.detail.fact
            self.detail.show_fact(self.data, fact, fact.id in self.selected)
        self.selection_changed.emit(list(ids))

    def _selection_task(self, change) -> None:  # type: ignore[no-untyped-def]
        def work(_ctx: TaskContext) -> list[int]:
            change()
            return self.library.selection()

        self._start(work, self._set_selection)

    def targets(self) -> list[int]:
        """The facts Ctrl+D acts on: the rows chosen in the current view, else the detail pane's."""
        page = self.current_page()
        ids = page.selected_fact_ids() if hasattr(page, "selected_fact_ids") else []
        if not ids and self.detail.fact is not None:
            ids = [self.detail.fact.id]
        return ids

    def add_to_selection(self, ids: Sequence[int] | None = None) -> None:
        ids = list(ids) if ids is not None else self.targets()
        if not ids:
            self.statusBar().showMessage("Select a fact first, then add it (Ctrl+D).", 5000)
            return
        self._selection_task(lambda: self.library.select_facts(ids))
        self.statusBar().showMessage(f"Added {len(ids)} fact(s) to the selection", 4000)

    def remove_from_selection(self, ids: Sequence[int]) -> None:
        ids = list(ids)
        self._selection_task(lambda: self.library.unselect_facts(ids))

    def _check_toggled(self, fact_id: int, checked: bool) -> None:
        (self.add_to_selection if checked else self.remove_from_selection)([fact_id])

    def _reorder(self, ids: list[int]) -> None:
        self._selection_task(lambda: self.library.reorder_selection(ids))

    def export_selection(self) -> None:
        from ui.export_dialog import ExportDialog

        if not self.selected:
            self.statusBar().showMessage(
                "The selection is empty: add facts with Ctrl+D (or their check box) first.", 8000
            )
            menus.empty_selection_box(self)
            return
        self.export_dialog = ExportDialog(self.library, self._start, len(self.selected), self)
        self.export_dialog.exported.connect(
            lambda path: self.statusBar().showMessage(f"Exported the selection to {path}", 10_000)
        )
        self.export_dialog.open()

    # -- search ---------------------------------------------------------------------------
    def run_search(self, show: bool = False) -> None:
        self._search_timer.stop()
        query = self.search_box.text()
        self._search_serial += 1
        serial = self._search_serial

        def work(_ctx: TaskContext) -> SearchResult:
            return self.library.search(query, limit=100, kinds=None)

        if show:
            self.tabs.setCurrentWidget(self.articles_page)
        self._start(
            work,
            lambda result: self._show_results(serial, query, result),
            lambda exc: self._search_failed(serial, exc),
        )

    def _show_results(self, serial: int, query: str, result: SearchResult) -> None:
        if serial != self._search_serial:
            return  # a newer query is on its way
        hits = list(result.hits)
        places = {
            h.id: VIEW_OF_TYPE[self.data.facts[h.id].type]
            for h in hits
            if h.kind == "fact" and h.id in self.data.facts
        }
        self.results.set_hits(hits, places)
        articles = sum(1 for h in hits if h.kind != "fact")
        facts = len(hits) - articles
        if not query.strip():
            self.articles_page.label.setText(f"{result.total} article(s)")
        elif hits:
            self.articles_page.label.setText(
                f"{articles} article(s) and {facts} fact(s) match “{query.strip()}”"
            )
        else:
            self.articles_page.label.setText(f"Nothing matches “{query.strip()}”")
        self.search_done.emit(len(hits))

    def _search_failed(self, serial: int, exc: object) -> None:
        if serial != self._search_serial:
            return
        self.results.set_hits([])
        message = str(exc) if isinstance(exc, QueryError) else f"Search failed: {exc}"
        self.articles_page.label.setText(message)
        self.search_done.emit(0)

    def open_first_result(self) -> None:
        """Enter in the search box: search now, then open the first result."""

        def open_first(_count: int) -> None:
            self.search_done.disconnect(open_first)
            if self.results.rowCount():
                self.articles_page.view.setCurrentIndex(self.results.index(0))
                self.open_hit(self.results.hit(0), activated=True)

        self.search_done.connect(open_first)
        self.run_search(show=True)

    def open_hit(self, hit: Hit, activated: bool = True) -> None:
        """A result chosen in the list: a fact is shown in the detail pane (and opened in
        its view when activated), an article in the reader."""
        if hit.kind == "fact":
            (self.open_fact if activated else self.show_fact)(hit.id)
        else:
            self.open_article(hit.id, self.search_box.text())

    # -- import ---------------------------------------------------------------------------
    def start_import(self, paths: Sequence[Path]) -> Task | None:
        return self.importer.start(paths)

    def cancel_import(self) -> None:
        self.importer.cancel()

    @property
    def import_task(self) -> Task | None:
        return self.importer.task

    def _import_finished(self, report: object) -> None:
        self.reload()
        self.run_search()
        self.import_done.emit(report)

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

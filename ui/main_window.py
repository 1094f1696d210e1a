"""The main window: the views in tabs, the detail pane and reader beside them, the
selection panel, search everywhere, Back/Forward, import and export.

Everything that touches the library runs through the window's runner ``tasks``
(:class:`ui.tasks.LibraryTasks`: work functions are handed the library), so the window
keeps painting while an import, a search or a reload runs. The window holds its parts:
``search`` (:class:`ui.window_search.WindowSearch`), ``selection``
(:class:`ui.window_selection.WindowSelection`), ``importer``, ``index_rebuilder``, the
views (``pages``) and ``history``, each handed what it uses when it is made. Menus and
shortcuts live in ``ui/menus.py``, window state in ``ui/window_state.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, cast

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from app import fact_types
from app.plural import count_of
from app.rows import ArticleRow, FactRow
from app.settings import open_store
from app.views import VIEW_OF_TYPE, FactSource, ViewData
from db import queries
from ui import menus, window_layout, window_panes, window_state
from ui import palette as ui_palette
from ui.article_details import open_article_details
from ui.detail_pane import DetailPane, RelatedFacts, find_related
from ui.history import History, Place
from ui.importer import Importer
from ui.index_rebuild import IndexRebuilder
from ui.reader import ArticleReader
from ui.selection_panel import SelectionPanel
from ui.tasks import QUERY, LibraryTasks, Task, TaskContext
from ui.views.agreements import AgreementsPage
from ui.views.articles import ArticlesPage
from ui.views.base import FactPage
from ui.views.entities import EntitiesPage
from ui.views.missions import MissionsPage
from ui.views.review import REVIEWED_TYPES, ReviewPage
from ui.views.statistics import StatisticsPage
from ui.views.timeline import TimelinePage
from ui.views.visits import VisitsPage
from ui.window_search import WindowSearch
from ui.window_selection import WindowSelection

if TYPE_CHECKING:
    import socket

    from sqlalchemy.orm import Session

    from app.library import Library
    from search.results import Hit
    from ui.app import FirstPaint

log = logging.getLogger(__name__)

ViewPage: TypeAlias = FactPage | TimelinePage
"""A view in the window's tabs (the Articles view aside): a table of facts, or the Timeline."""


def _size(folder: Path) -> str:
    """The library folder's size on disk (database, index, backups), e.g. '2.4 MB'."""
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return f"{total / 1e6:.1f} MB"


def _maintain(library: Library, _ctx: TaskContext) -> object:
    """Finish opening a library: its backup and index check (work for a worker)."""
    return library.maintain(warm=True)


class MainWindow(QMainWindow):
    """Signals: search_done(int hits) (``search.done``, forwarded); article_shown(int id);
    import_done(object report); views_shown() (a load's facts are in the views);
    data_loaded() (and linked: the load is complete); fact_shown(int id) (the detail pane
    shows the fact with its related facts, looked up in a worker). The selection's own:
    ``selection.changed(list ids)``."""

    search_done = Signal(int)
    article_shown = Signal(int)
    import_done = Signal(object)
    views_shown = Signal()
    data_loaded = Signal()
    fact_shown = Signal(int)

    # Made by ui.menus.build.
    import_files_action: QAction
    import_folder_action: QAction
    export_action: QAction
    add_action: QAction
    find_action: QAction
    undo_action: QAction
    redo_action: QAction
    confirm_action: QAction
    reject_action: QAction
    edit_action: QAction
    article_details_action: QAction
    print_action: QAction
    print_selection_action: QAction
    briefing_document: object
    article_details_dialog: QWidget
    back_action: QAction
    forward_action: QAction
    about_action: QAction
    names_action: QAction
    query_help_action: QAction
    query_help_box: QMessageBox
    _review_row: int | None
    """The review view's row the keyboard was on when a review or edit began."""
    # Set by ui.app.run_gui (the first paint's logger) and close_on_signals (kept alive).
    first_paint: FirstPaint
    _signal_sockets: tuple[socket.socket, socket.socket]
    # Made by ui.library_menu.build; set by ui.app.open_in_window (None: no switching).
    new_library_action: QAction
    open_library_action: QAction
    recent_menu: QMenu
    preferences_action: QAction
    open_other_library: Callable[..., object] | None = None

    def __init__(
        self,
        library: Library | None,
        settings: QSettings | None = None,
        folder: Path | None = None,
    ) -> None:
        """``library`` None: the window shows at once while the library of ``folder`` is
        opened elsewhere (:meth:`open_library`); it works once :meth:`attach` is called."""
        super().__init__()
        self.tasks = LibraryTasks(self, self._task_failed)
        """The runner of this window's work; it carries the library (:meth:`attach`)."""
        if library is not None:
            self.tasks.attach(library)
        self.settings = settings or open_store()  # $ATTACHE_SETTINGS, else the user's
        self.data = ViewData()
        self.history = History()
        self._opening = False  # open_fact chooses the tab: the panes do not follow it
        self._load_serial = 0
        self._selection_at_load = 0
        self._article_serial = 0
        self._related_serial = 0
        self._waiting_imports: list[Path] = []
        self.setWindowTitle(f"Attaché — {library.folder if library else folder}")
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self.importer = Importer(self, self.tasks)
        self.index_rebuilder = IndexRebuilder(self, self.tasks)
        self.importer.finished.connect(self._import_finished)
        self._build()
        for page in self.pages:  # their work is handed the library the runner holds
            page.attach(self.tasks)
        menus.build(self)
        window_state.restore(self)
        self._update_nav()
        if library is None:
            self.menuBar().setEnabled(False)
            self.selection_dock.setEnabled(False)
            self.statusBar().showMessage("Opening the library…")

    def open_library(
        self,
        open_: Callable[[], Library],
        on_error: Callable[[object], None],
        read_only_notice: str | None = None,
    ) -> None:
        """Open the library in a worker, then :meth:`attach` it and :meth:`start`. Loading
        the database and index code takes about a second: the window is on screen (and
        answers) meanwhile, instead of appearing after it."""

        def opened(library: Library) -> None:
            self.attach(library)
            notice = read_only_notice
            reason = getattr(library, "read_only_reason", None)
            if reason and not notice:  # found at open: a read-only file or medium
                notice = (
                    f"The library at {library.folder} is read-only ({reason}): you can "
                    "search, read and export, but not import or edit."
                )
            index_notice = getattr(library, "index_notice", None)
            if notice and index_notice:  # the index is a temporary one: say so
                notice = f"{notice} Note: {index_notice}."
            if notice:
                self.set_read_only(notice)
            self.start()

        self.tasks.run_plain(lambda _ctx: open_(), opened, on_error)

    @property
    def library(self) -> Library:
        """The open library (the runner's; None until :meth:`attach`)."""
        return cast("Library", self.tasks.library)

    @property
    def selected(self) -> list[int]:
        """The facts chosen for export, in order (``selection.selected``)."""
        return self.selection.selected

    def _set_selection(self, ids: list[int]) -> None:
        """Show ``ids`` as the selection without storing it (``ui/screenshots.py``'s
        preview; ``selection.show``)."""
        self.selection.show(ids)

    def run_search(self, show: bool = False) -> None:
        """Run the search box's query now (``search.run``; the dialogs that change what
        a search finds call it)."""
        self.search.run(show)

    def attach(self, library: Library) -> None:
        """Give a window built without its library the library, opened."""
        self.tasks.attach(library)
        self.menuBar().setEnabled(True)
        self.selection_dock.setEnabled(True)
        self.statusBar().clearMessage()
        waiting, self._waiting_imports = self._waiting_imports, []
        if waiting:
            QTimer.singleShot(0, lambda: self.start_import(waiting))

    # -- construction -------------------------------------------------------------
    def _build(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search articles and facts (Ctrl+K)…")
        self.search_box.setClearButtonEnabled(True)

        self.pages: list[ViewPage] = [
            VisitsPage(),
            AgreementsPage(),
            StatisticsPage(),
            TimelinePage(),
        ]
        self.entities_page = EntitiesPage()
        self.review_page = ReviewPage()
        self.pages += [MissionsPage(), self.entities_page, self.review_page]
        self.review_page.review_requested.connect(self.review_facts)
        self.review_page.open_requested.connect(self.open_fact)
        self.undo_stack = QUndoStack(self)
        self.articles_page = ArticlesPage()
        self.articles_page.hit_chosen.connect(self.open_hit)
        self.results = self.articles_page.results
        articles_view = self.articles_page.view
        articles_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        articles_view.customContextMenuRequested.connect(self._articles_menu)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in self.pages:
            self.tabs.addTab(page, page.title.replace("&", "&&"))
            view = page.table.table if hasattr(page, "table") else page.tree
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, p=page, v=view: self._table_menu(p, v, pos)
            )
            page.fact_selected.connect(self.show_fact)
        self.tabs.addTab(self.articles_page, "Articles")
        self.search = WindowSearch(
            self.search_box,
            self.tabs,
            self.articles_page,
            self.tasks,
            lambda: self.data,
            self.settings,
            self.open_hit,
        )
        self.search.done.connect(self.search_done)
        self._stale: set[ViewPage] = set()
        self.tabs.currentChanged.connect(lambda _n: self._refresh_current())
        self.tabs.currentChanged.connect(lambda _n: window_panes.follow_tab(self))

        self.detail = DetailPane()
        self.detail.fact_clicked.connect(self.open_fact)
        self.detail.evidence_clicked.connect(self.open_evidence)
        self.detail.details_clicked.connect(lambda i: open_article_details(self, i))
        self.reader = ArticleReader()
        self.reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reader.customContextMenuRequested.connect(self._reader_menu)
        self.reader.details_requested.connect(lambda i: open_article_details(self, i))
        self.reader.status.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.addWidget(self.detail)
        self.side.addWidget(self.reader)
        self.side.setSizes([540, 260])
        self.splitter = QSplitter()
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.side)
        # the views first: on a 1024 px screen the Visits table shows all its columns
        self.splitter.setSizes([900, 480])
        self.setCentralWidget(self.splitter)

        self.selection_panel = SelectionPanel()
        self.selection_panel.fact_activated.connect(self.open_fact)
        self.selection = WindowSelection(
            self,
            self.tasks,
            self.undo_stack,
            self.selection_panel,
            self.detail,
            self.pages,
            lambda: self.data,
            self.facts_in_focus,
            self.settings,
        )
        self.selection_dock = QDockWidget("Selection", self)
        self.selection_dock.setObjectName("selection")
        self.selection_dock.setWidget(self.selection_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.selection_dock)
        self.resizeDocks([self.selection_dock], [130], Qt.Orientation.Vertical)

        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        # stays while the library is open read-only (a message would be replaced by the next)
        self.read_only_badge = QLabel("<b>read-only</b>")
        self.read_only_badge.hide()
        self.statusBar().addPermanentWidget(self.read_only_badge)
        self.statusBar().addPermanentWidget(self.importer.progress)
        self.statusBar().addPermanentWidget(self.importer.cancel_button)
        self.statusBar().addPermanentWidget(self.index_rebuilder.progress)
        self.statusBar().addPermanentWidget(self.index_rebuilder.cancel_button)
        self.progress, self.cancel_button = self.importer.progress, self.importer.cancel_button
        window_layout.apply(self)  # minimum pane sizes, wrapping notices (small screens)
        ui_palette.follow()  # check boxes that show under a dark palette

    # -- tasks ----------------------------------------------------------------------
    def _task_failed(self, exc: object) -> None:
        self.statusBar().showMessage(f"Error: {exc}", 10_000)

    def wait_for_tasks(self, timeout_ms: int = 30_000) -> None:
        """Cancel and wait for this window's running work (used at close, at a switch of
        library and by tests); another window's work goes on."""
        self.tasks.wait(timeout_ms)

    def closeEvent(self, event: QCloseEvent) -> None:
        window_state.save(self)
        self.wait_for_tasks()
        super().closeEvent(event)

    # -- loading --------------------------------------------------------------------
    def start(self) -> None:
        """After the window is shown: finish opening the library (backup, index check) in
        a worker if that was left to the window, then import the sample at first start,
        else load the views."""
        from app.sample import should_import_sample

        self.search.wait_for_views()
        writable = not getattr(self.library, "read_only", False)
        if self.library.maintenance_pending and writable and should_import_sample(self.library):
            # a first start: the index is checked, then the sample imported and shown
            self.statusBar().showMessage("Checking the library…")
            self.tasks.run(_maintain, lambda _r: self._start_views())
            return
        if self.library.maintenance_pending:
            # The views read SQLite only: they show first, then the index is checked.
            def maintained(_result: object) -> None:
                # after an upgrade, maintain computed the views' rows: read them again
                self._start_views(loaded=not self.library.rows_recomputed)

            def maintain() -> None:
                self.views_shown.disconnect(maintain)
                self.statusBar().showMessage("Checking the library…")
                self.tasks.run(_maintain, maintained)

            self.views_shown.connect(maintain)
            self.reload()
            return
        self._start_views()

    def _start_views(self, loaded: bool = False) -> None:
        from app.sample import should_import_sample

        if not getattr(self.library, "read_only", False) and should_import_sample(self.library):
            self.search.views_ready()  # no load to wait for: the sample is imported first
            self.importer.start([], sample=True)
        else:
            if not loaded:
                self.reload()
            self.search.run()
        if not getattr(self.library, "read_only", False) and self.library.index_needs_rebuild():
            self.index_rebuilder.start()
            self.index_rebuilder.finished.connect(lambda _ok: self.search.run())

    def reload(self) -> None:
        """Read the counts and the ids of the view on screen again (in a worker); the
        other views read theirs when next shown, and every view reads a row's fact when
        it is on screen (``FactSource``)."""
        if self.library is None:
            return
        self._load_serial += 1
        serial = self._load_serial
        self._selection_at_load = self.selection.version()
        current = self.tabs.currentWidget()

        def work(lib: Library, _ctx: TaskContext) -> tuple[ViewData, list[int], str]:
            def read(session: Session) -> ViewData:
                articles, facts, left = queries.counts(session.connection(), REVIEWED_TYPES)
                data = ViewData(
                    facts=FactSource(lambda ids: lib.facts(ids=ids, include_hidden=True), facts),
                    articles=articles,
                    to_review=left,
                    article_name_of=lambda i: lib.read(
                        lambda s: queries.article_names(s.connection(), [i])
                    ).get(i),
                )
                if isinstance(current, FactPage | TimelinePage):
                    current.prepare(data, session)  # the view on screen, ready to show
                return data

            return lib.read(read), lib.selection(), _size(lib.folder)

        self.tasks.run(work, lambda result: self._loaded(serial, *result), self._load_failed, QUERY)

    def _load_failed(self, exc: object) -> None:
        """A load failed (said in the status bar): searches wait for it no longer."""
        self._task_failed(exc)
        self.search.views_ready()

    def _loaded(self, serial: int, data: ViewData, selected: list[int], size: str) -> None:
        if serial != self._load_serial:
            return
        self.data = data
        if self.selection.version() != self._selection_at_load:
            selected = self.selection.current  # changed while loading: newer than the load's
        self.selection.show(selected)
        # The view on screen shows the ids read with the load; the others read theirs
        # (in a worker) when they are shown.
        self._stale = set(self.pages)
        self._refresh_current()
        self._show_detail_again()
        self.search.views_ready()  # the first load: a search typed meanwhile runs now
        self.status_label.setText(
            f"{count_of(data.articles, 'article')}, {count_of(len(data.facts), 'fact')}, "
            f"{data.to_review} to review, "
            f"{size} in {self.library.folder}"
        )
        self._review_loaded()
        self.statusBar().clearMessage()
        log.info("views loaded: %d facts", len(data.facts))
        self.views_shown.emit()
        self.data_loaded.emit()

    def _show_detail_again(self) -> None:
        """Show the fact in the detail pane again from the current data."""
        data, fact = self.data, self.detail.fact
        if fact is not None and fact.id in data.facts:
            self.show_fact(fact.id, record=False, follow=False)
        elif (article_id := self.detail.article_id) is not None:  # an article's facts
            window_panes.list_facts_of(self, article_id)

    def _refresh_current(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, FactPage | TimelinePage) and page in self._stale:
            self._stale.discard(page)
            page.set_data(self.data, set(self.selection.selected))

    def fill_all_views(self) -> None:
        """Fill every view now, on this thread (screenshots and tests look at views not
        on screen)."""
        for page in list(self._stale):
            self._stale.discard(page)
            prepare: Callable[[Session], None] = partial(page.prepare, self.data)
            self.library.read(prepare)
            page.set_data(self.data, set(self.selection.selected))

    # -- facts and the detail pane ----------------------------------------------------
    def page_of(self, fact_id: int) -> ViewPage | None:
        fact = self.data.facts.get(fact_id)
        if fact is None or fact.hidden:
            return None
        name = VIEW_OF_TYPE[fact.type]
        return next((p for p in self.pages if p.title == name), None)

    def show_fact(self, fact_id: int, record: bool = True, follow: bool = True) -> None:
        """Show a fact in the detail pane (the view's own selection is left as it is),
        and (``follow``) its sentence in the reader (see ``ui.window_panes``)."""
        fact = self.data.facts.get(fact_id)
        if fact is None or fact.hidden:
            self.statusBar().showMessage("That fact is no longer in the library.", 5000)
            return
        self.detail.show_fact(self.data, fact, fact_id in self.selection.selected)
        evidence = window_panes.chosen_evidence(fact, self.reader.article) if follow else None
        span = (evidence.start, evidence.end) if evidence else None
        if record:
            article = evidence.article_id if evidence else None
            self.history.visit(Place("fact", fact_id, span, article=article))
            self._update_nav()
        if evidence is not None and span is not None:
            self.open_article(evidence.article_id, focus=span, record=False, list_facts=False)
        elif follow:
            self._article_serial += 1  # an article on its way is not shown
            self.reader.clear()
            self.reader.article = None
        self._find_related(fact)

    def _find_related(self, fact: FactRow) -> None:
        """Look up the facts related to the one shown, in a worker; the detail pane
        shows them when found (if it still shows that fact)."""
        self._related_serial += 1
        serial = self._related_serial

        def done(found: RelatedFacts) -> None:
            if serial == self._related_serial:
                self.detail.show_related(found)
                self.fact_shown.emit(fact.id)

        def failed(exc: object) -> None:
            self._task_failed(exc)
            if serial == self._related_serial:
                self.fact_shown.emit(fact.id)

        self.tasks.run(lambda lib, _ctx: lib.read(lambda s: find_related(s, fact)), done, failed)

    def open_fact(self, fact_id: int, record: bool = True, follow: bool = True) -> None:
        """Go to the fact's view, select its row and show it in the detail pane."""
        page = self.page_of(fact_id)
        if page is not None:
            self._opening = True  # the panes are set here, not by the tab change
            try:
                self.tabs.setCurrentWidget(page)
                page.select_fact(fact_id, emit=False)
            finally:
                self._opening = False
        self.show_fact(fact_id, record, follow)

    def open_hit(self, hit: Hit, activated: bool = True) -> None:
        """A search result chosen in the list: a fact is shown in the detail pane (and
        opened in its view when activated), an article in the reader."""
        if hit.kind == "fact":
            (self.open_fact if activated else self.show_fact)(hit.id)
        else:
            self.open_article(hit.id, self.search_box.text())

    def open_evidence(self, article_id: int, start: int, end: int, record: bool = True) -> None:
        fact = self.detail.fact.id if self.detail.fact is not None else None
        here = self.history.current
        if here is not None and here.shows(article_id, (start, end), fact):
            record = False  # already on screen: not a place of its own
        self.open_article(article_id, focus=(start, end), record=record, list_facts=False)

    # -- the reader -------------------------------------------------------------------
    def open_article(
        self,
        article_id: int,
        query: str = "",
        focus: tuple[int, int] | None = None,
        record: bool = True,
        list_facts: bool | None = None,
    ) -> None:
        """Show an article in the reader. Chosen by itself (``list_facts``; by default
        when no sentence is to be shown), the detail pane lists the facts taken from it."""
        if list_facts is None:
            list_facts = focus is None
        Loaded = tuple[ArticleRow | None, list[tuple[int, int]], list[FactRow] | None]

        def work(lib: Library, _ctx: TaskContext) -> Loaded:
            article = lib.article(article_id)
            spans = lib.index.match_spans(query, article.text) if article and query else []
            facts = window_panes.facts_of(lib, article_id) if list_facts else None
            return article, spans, facts

        if record:
            fact = None if list_facts or self.detail.fact is None else self.detail.fact.id
            self.history.visit(Place("article", article_id, focus, fact=fact))
            self._update_nav()
        self._article_serial += 1
        serial = self._article_serial
        self.tasks.run(work, lambda loaded: self._show_article(serial, article_id, *loaded, focus))

    def _show_article(
        self,
        serial: int,
        article_id: int,
        article: ArticleRow | None,
        spans: Sequence[tuple[int, int]],
        facts: list[FactRow] | None,
        focus: tuple[int, int] | None,
    ) -> None:
        if serial != self._article_serial:
            return  # the user asked for another article since
        if facts is not None:  # chosen by itself: the pane lists the facts taken from it
            self.detail.show_article_facts(self.data, article, article_id, facts)
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
            self.open_fact(place.id, record=False, follow=place.article is None)
            if place.article is not None:
                self.open_article(place.article, focus=place.span, record=False, list_facts=False)
        else:
            if place.fact is not None and place.fact in self.data.facts:
                self.open_fact(place.fact, record=False, follow=False)
            self.open_article(
                place.id, focus=place.span, record=False, list_facts=place.fact is None
            )
        self._update_nav()

    def _update_nav(self) -> None:
        if hasattr(self, "back_action"):
            self.back_action.setEnabled(self.history.can_go_back())
            self.forward_action.setEnabled(self.history.can_go_forward())

    # -- a person's review: confirm, reject, restore (undoable) ------------------------
    def facts_in_focus(self) -> list[int]:
        """The facts an Edit-menu command acts on: the rows selected in the view on
        screen, else the fact in the detail pane."""
        page = self.tabs.currentWidget()
        ids = page.selected_fact_ids() if hasattr(page, "selected_fact_ids") else []
        if not ids and self.detail.fact is not None:
            ids = [self.detail.fact.id]
        return ids

    def review_facts(self, fact_ids: list[int] | None = None, action: str = "confirm") -> None:
        """Confirm, reject or restore facts, as one command on the undo stack (``edit``:
        open the editor on the first)."""
        from ui.review import ReviewCommand

        if action == "edit":
            self.edit_fact(fact_ids[0] if fact_ids else None)
            return

        ids = list(fact_ids if fact_ids is not None else self.facts_in_focus())
        if self.library is None:
            return
        if getattr(self.library, "read_only", False):
            self.statusBar().showMessage(
                "This library is open read-only: facts cannot be reviewed here.", 6000
            )
            return
        held = self.data.facts.fetch(ids)  # rejected ones too: they can be restored
        ids = [i for i in ids if i in held]
        if not ids:
            self.statusBar().showMessage("Choose a fact first.", 5000)
            return
        page = self.tabs.currentWidget()
        if page is self.review_page:
            self._review_row = self.review_page.table.table.currentIndex().row()
        self.undo_stack.push(ReviewCommand(self.library, ids, action, self._reviewed))

    def edit_fact(self, fact_id: int | None = None) -> None:
        """Open the editor on a fact (the one in focus by default); Save stores the
        corrections as one undoable command."""
        from ui.fact_editor import EditCommand, EditFactDialog

        if fact_id is None:
            ids = self.facts_in_focus()
            fact_id = ids[0] if ids else None
        fact = self.data.facts.get(fact_id) if fact_id is not None else None
        if fact is None or self.library is None or getattr(self.library, "read_only", False):
            self.statusBar().showMessage("Choose a fact to edit first.", 5000)
            return
        page = self.tabs.currentWidget()
        if page is self.review_page:
            self._review_row = self.review_page.table.table.currentIndex().row()
        dialog = EditFactDialog(fact, self)
        self.editor = dialog

        def saved() -> None:
            changes = dialog.changes()
            if changes:
                self.undo_stack.push(EditCommand(self.library, fact, changes, self._reviewed))

        focus = QApplication.focusWidget()

        def closed(_result: int) -> None:  # back where the person was
            self.activateWindow()
            if focus is not None:
                focus.setFocus()

        dialog.accepted.connect(saved)
        dialog.finished.connect(closed)
        dialog.open()

    def new_fact_from_sentence(
        self, fact_type: str, chosen: str | None = None, near: tuple[str, int] | None = None
    ) -> None:
        """A fact of ``fact_type`` from the sentence(s) of the text chosen in the reader
        (``chosen``; the reader's selection by default): the editor opens with what the
        extractor reads there filled in; Save adds it (undoable), citing the sentence."""
        from app.rows import EvidenceRow, FactRow
        from app.sentence_facts import locate, prefill, sentence_around
        from ui.fact_editor import AddFactCommand, EditFactDialog

        article = self.reader.article
        if chosen is None:
            chosen, near = self._reader_choice()
        span = locate(article.text, chosen, near) if article is not None and chosen else None
        if article is None or span is None or getattr(self.library, "read_only", False):
            self.statusBar().showMessage(
                "Select words of a sentence in the article first, then choose New fact.", 6000
            )
            return
        start, end = sentence_around(article.text, *span)
        ids = (article.id, start, end)

        def opened(data: dict) -> None:
            evidence = EvidenceRow(
                article.id, article.file_name, start, end, article.text[start:end]
            )
            draft = FactRow(0, fact_type, data, (evidence,), origin="user")
            dialog = EditFactDialog(draft, self, new=True)
            self.editor = dialog

            def saved() -> None:
                command = AddFactCommand(
                    self.library, fact_type, dialog.values(), [ids], self._reviewed
                )
                self.undo_stack.push(command)

            dialog.accepted.connect(saved)
            dialog.open()

        # The extractor loads its rules on first use: off the GUI thread.
        self.tasks.run_plain(
            lambda _ctx: prefill(fact_type, article.text, (start, end), article.date), opened
        )

    def _reader_choice(self) -> tuple[str, tuple[str, int]]:
        """The words chosen in the reader, and the paragraph they are in with their place
        in it (to tell which occurrence was chosen)."""
        cursor = self.reader.textCursor()
        block = cursor.document().findBlock(cursor.selectionStart())
        return cursor.selectedText(), (block.text(), cursor.selectionStart() - block.position())

    def _reader_menu(self, pos: QPoint) -> None:
        """The reader's context menu: its own (copy, select all) and New fact from this
        sentence, one entry a fact type."""
        menu = self.reader.createStandardContextMenu(pos)
        sub = menu.addMenu("New fact from this sentence")
        chosen, near = self._reader_choice()
        writable = not getattr(self.library, "read_only", False)
        sub.setEnabled(bool(chosen.strip()) and self.reader.article is not None and writable)

        def new_fact(kind: str) -> Callable[[], None]:
            return lambda: self.new_fact_from_sentence(kind, chosen, near)

        for kind in REVIEWED_TYPES:
            sub.addAction(f"{fact_types.noun(kind).capitalize()}…", new_fact(kind))
        if self.reader.article is not None and writable:
            self._language_menu(menu, self.reader.article.id)
        menu.exec(self.reader.viewport().mapToGlobal(pos))

    def merge_facts(self, ids: list[int]) -> None:
        """Two facts of one type that are one fact: the first keeps its id and gains the
        second's evidence; undoable."""
        from ui.review import SnapshotCommand

        facts = [self.data.facts.get(i) for i in ids]
        if len(ids) != 2 or None in facts or len({f.type for f in facts if f}) != 1:
            self.statusBar().showMessage("Choose two facts of one view to merge.", 6000)
            return
        keep, other = sorted(ids)
        lib = self.library
        self.undo_stack.push(
            SnapshotCommand(
                lib,
                f"Merge fact {other} into fact {keep}",
                lambda: lib.merge_facts(keep, other),
                self._reviewed,
            )
        )

    def split_fact(self, fact_id: int, article_id: int) -> None:
        """The evidence of one article of a fact, split off into a fact of its own."""
        from ui.review import SnapshotCommand

        lib = self.library
        self.undo_stack.push(
            SnapshotCommand(
                lib,
                f"Split an article's evidence off fact {fact_id}",
                lambda: lib.split_fact(fact_id, [article_id])[1],
                self._reviewed,
            )
        )

    def delete_article(self, article_id: int) -> None:
        """Delete an article: its evidence goes, and the facts left without evidence but
        those a person confirmed or added. Undoable (the same ids come back)."""
        from ui.review import RemovalCommand

        if self.library is None or getattr(self.library, "read_only", False):
            return
        self.undo_stack.push(RemovalCommand(self.library, [article_id], self._removed))

    def _removed(self, message: str) -> None:
        self.reader.clear()
        self.reader.article = None
        self._reviewed(message)
        self.search.run()

    def _articles_menu(self, pos: QPoint) -> None:
        view = self.articles_page.view
        index = view.indexAt(pos)
        if not index.isValid():
            return
        hit = self.articles_page.results.hit(index.row())
        if hit.kind != "article" or getattr(self.library, "read_only", False):
            return
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        self._language_menu(menu, hit.id)
        menu.addAction("Article &details…", lambda: open_article_details(self, hit.id))
        menu.addAction("Delete article (Ctrl+Z undoes)", lambda: self.delete_article(hit.id))
        menu.exec(view.viewport().mapToGlobal(pos))

    def _language_menu(self, menu: QMenu, article_id: int) -> None:
        """The "Language" submenu of an article: its language checked, the others to
        choose (the article's facts are then read again in that language)."""
        from app.language import LANGUAGES

        article = self.library.article(article_id)
        if article is None:
            return
        current = article.language or "unknown"
        sub = menu.addMenu("&Language of this article")
        sub.setToolTipsVisible(True)
        for code, name in LANGUAGES.items():
            action = sub.addAction(name.capitalize())
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setToolTip("Its facts are read again in this language (Ctrl+Z undoes)")
            if code != current:
                action.triggered.connect(
                    lambda _checked=False, c=code: self.set_article_language(article_id, c)
                )

    def set_article_language(self, article_id: int, language: str) -> None:
        """A person's word on an article's language: its facts are read again in it.
        Undoable (undo reads them again in the language it had)."""
        from ui.review import LanguageCommand

        if self.library is None or getattr(self.library, "read_only", False):
            return
        self.undo_stack.push(
            LanguageCommand(self.library, article_id, language, self._language_set)
        )

    def _language_set(self, message: str) -> None:
        self._reviewed(message)
        self.search.run()
        if self.reader.article is not None:  # its header names the language
            keep = self.detail.fact is not None  # the pane keeps its fact
            self.open_article(self.reader.article.id, record=False, list_facts=not keep)

    def _reviewed(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        self.reload()

    def _review_loaded(self) -> None:
        """After a load: the review view's row the keyboard was on, so the review walks on."""
        row = getattr(self, "_review_row", None)
        if row is not None and self.tabs.currentWidget() is self.review_page:
            self._review_row = None
            table = self.review_page.table.table
            count = table.model().rowCount()
            if count:
                index = table.model().index(min(row, count - 1), 1)
                table.setCurrentIndex(index)
                table.setFocus()

    def _table_menu(self, page: ViewPage, view: QAbstractItemView, pos: QPoint) -> None:
        """The context menu of a view's rows."""
        from PySide6.QtWidgets import QMenu

        ids = page.selected_fact_ids()
        if not ids:
            return
        menu = QMenu(self)
        writable = not getattr(self.library, "read_only", False)
        if page is self.review_page and self.review_page.show_rejected.isChecked():
            if writable:
                menu.addAction("Restore", lambda: self.review_facts(ids, "restore"))
        else:
            if writable:
                menu.addAction("Confirm (right)", lambda: self.review_facts(ids, "confirm"))
                menu.addAction("Reject (wrong)", lambda: self.review_facts(ids, "reject"))
                menu.addAction("Edit…", lambda: self.edit_fact(ids[0]))
                menu.addSeparator()
            if writable and len(ids) == 2:
                menu.addAction("Merge the two facts (one fact)", lambda: self.merge_facts(ids))
            fact = self.data.facts.get(ids[0]) if len(ids) == 1 else None
            articles = (
                dict.fromkeys((e.article_id, e.article) for e in fact.evidence) if fact else {}
            )
            if writable and len(articles) >= 2:

                def split_off(article_id: int) -> Callable[[], None]:
                    return lambda: self.split_fact(ids[0], article_id)

                split = menu.addMenu("Split off the evidence of")
                for article_id, name in articles:
                    split.addAction(name, split_off(article_id))
            menu.addAction("Add to selection", lambda: self.selection.add(ids))
            if page is self.review_page:
                menu.addAction("Open in its view", lambda: self.open_fact(ids[0]))
        if menu.isEmpty():
            return
        menu.exec(view.viewport().mapToGlobal(pos))

    # -- requests from a second start, read-only libraries ---------------------------------
    def handle_request(
        self, request: dict, answer: Callable[[int, dict], None] | None = None
    ) -> None:
        """A second ``attache`` on this library: show this window, import what it was given.
        A request with a ``ticket`` waits for the import's result: ``answer(ticket, result)``
        (``app.instance.import_answer``) once it has finished."""
        log.info("a second start handed over: %s", request.get("action"))
        self.showNormal()
        self.raise_()
        self.activateWindow()
        paths = request.get("paths") if request.get("action") == "import" else None
        if not (isinstance(paths, list) and paths):
            return
        files = [Path(str(p)) for p in paths]
        ticket = request.get("ticket")
        if answer is not None and isinstance(ticket, int):
            self._import_handed(files, ticket, answer)
        else:
            self.start_import(files)

    def _import_handed(
        self, paths: list[Path], ticket: int, answer: Callable[[int, dict], None]
    ) -> None:
        """Import files a waiting ``attache import`` handed over, after the library has
        opened and any running import has finished, and answer with the result."""
        from app.instance import import_answer

        if self.library is None or self.importer.running:
            QTimer.singleShot(200, self, lambda: self._import_handed(paths, ticket, answer))
            return
        task = self.start_import(paths)
        if task is None:  # not expected: the library is open and no import runs
            answer(ticket, import_answer(None))
            return
        task.done.connect(lambda report: answer(ticket, import_answer(report)))
        task.error.connect(lambda exc: answer(ticket, import_answer(exc)))

    def set_read_only(self, notice: str) -> None:
        """Another process writes to the library: reading only, and say so."""
        for action in (
            self.import_files_action,
            self.import_folder_action,
            self.add_action,
            self.confirm_action,
            self.reject_action,
            self.edit_action,
        ):
            action.setEnabled(False)
        self.importer.actions = []
        self.setAcceptDrops(False)
        self.selection_panel.setEnabled(False)
        self.setWindowTitle(f"{self.windowTitle()} (read-only)")
        self.read_only_badge.setToolTip(notice)
        self.read_only_badge.show()
        self.statusBar().showMessage(notice)

    # -- import ---------------------------------------------------------------------------
    def start_import(self, paths: Sequence[Path]) -> Task | None:
        if self.library is None:  # dropped while the library opens: imported right after
            self._waiting_imports.extend(paths)
            self.statusBar().showMessage("Opening the library… the files follow.")
            return None
        return self.importer.start(paths)

    def cancel_import(self) -> None:
        self.importer.cancel()

    @property
    def import_task(self) -> Task | None:
        return self.importer.task

    def _import_finished(self, report: object) -> None:
        # The undo history stays: ids are never reused (migration 0007), so an undo
        # after an import brings back exactly what it took.
        self.reload()
        self.search.run()
        self.import_done.emit(report)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

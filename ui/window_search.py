"""The main window's search everywhere: the search box lists articles and facts in the
Articles view; a fact says which view it lives in; Enter opens the first result."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from app.views import VIEW_OF_TYPE
from ui.tasks import TaskContext
from ui.window_part import WindowPart

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, Signal
    from PySide6.QtWidgets import QLineEdit, QTabWidget

    from search.results import Hit, SearchResult
    from ui.results_model import ResultsModel
    from ui.views.articles import ArticlesPage


class SearchMixin(WindowPart):
    """Mixed into :class:`ui.main_window.MainWindow` (uses its search box and pages)."""

    # The window's, made by MainWindow (library, data and _start: WindowPart).
    search_box: QLineEdit
    tabs: QTabWidget
    articles_page: ArticlesPage
    results: ResultsModel
    _search_timer: QTimer
    _search_serial: int
    search_done: ClassVar[Signal]

    if TYPE_CHECKING:

        def open_fact(self, fact_id: int, record: bool = True) -> None: ...
        def show_fact(self, fact_id: int, record: bool = True) -> None: ...
        def open_article(
            self,
            article_id: int,
            query: str = "",
            focus: tuple[int, int] | None = None,
            record: bool = True,
        ) -> None: ...

    def run_search(self, show: bool = False) -> None:
        self._search_timer.stop()
        if self.library is None:  # still opening: searched as soon as it is open
            return
        query = self.search_box.text()
        self._search_serial += 1
        serial = self._search_serial

        panel = self.articles_page.facets
        filters, sort = panel.filters(), panel.sort()

        def work(_ctx: TaskContext) -> SearchResult:
            return self.library.search(
                query, limit=100, kinds=None, facets=True, filters=filters, sort=sort
            )

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
        self.articles_page.facets.set_facets(result.facets)
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
        extra = []
        if result.did_you_mean:
            extra.append(f"Did you mean: {result.did_you_mean}?")
        extra += list(result.notices)
        if getattr(result, "index_stale", False):
            extra.append("The search index is being rebuilt; results may be incomplete.")
        if extra:
            self.articles_page.label.setText(
                self.articles_page.label.text() + " — " + " ".join(extra)
            )
        self.search_done.emit(len(hits))

    def _search_failed(self, serial: int, exc: object) -> None:
        if serial != self._search_serial:
            return
        self.results.set_hits([])
        from search.query import QueryError  # loaded with the library by now

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

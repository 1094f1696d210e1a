"""The main window's search everywhere: the search box lists articles and facts in the
Articles view; a fact says which view it lives in; Enter opens the first result.

Above the results: a header counting them ("3 articles and 12 facts match “Astana”"),
the active filters as removable chips, and links: *Did you mean* (runs the suggestion)
and *Search without filters* (when filters hide every result, or the query changed
since they were ticked)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from PySide6.QtWidgets import QBoxLayout

from app.plural import count_of
from app.settings import page_size
from app.views import VIEW_OF_TYPE
from ui.filter_chips import FilterChips, SearchHints, filters_phrase
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

    def search_extras(self) -> tuple[FilterChips, SearchHints]:
        """The chips and the hints line of the Articles view, made (and put under its
        header) the first time they are needed."""
        made = cast("tuple[FilterChips, SearchHints] | None", getattr(self, "_extras", None))
        if made is not None:
            return made
        page = self.articles_page
        chips, hints = FilterChips(page), SearchHints(page)
        layout = cast(QBoxLayout, page.layout())
        at = layout.indexOf(page.label) + 1
        layout.insertWidget(at, hints)
        layout.insertWidget(at + 1, chips)
        chips.removed.connect(page.facets.untick)
        chips.cleared.connect(page.facets.untick_all)
        hints.without_filters.connect(page.facets.untick_all)
        hints.suggestion_chosen.connect(self.search_for)
        self._extras = (chips, hints)
        return chips, hints

    def search_for(self, query: str) -> None:
        """Put ``query`` in the search box and run it (a *Did you mean* link)."""
        self.search_box.setText(query)
        self.run_search(show=True)

    def run_search(self, show: bool = False) -> None:
        self._search_timer.stop()
        if self.library is None:  # still opening: searched as soon as it is open
            return
        if getattr(self, "_views_pending", False):
            # the first load runs: a search would take the CPU it needs (at 50,000
            # articles the views showed at 2.9 s beside the first search, 1.x s after)
            self._search_after_views = show or getattr(self, "_search_after_views", False)
            return
        query = self.search_box.text()
        self._search_serial += 1
        serial = self._search_serial

        panel = self.articles_page.facets
        filters, sort = panel.filters(), panel.sort()
        chips, _hints = self.search_extras()
        chips.set_chips(panel.chips())
        if filters != getattr(self, "_filters_of", None):
            self._filters_of = filters  # the query the filters were chosen for
            self._filtered_query = query.strip()
        limit = page_size(getattr(self, "settings", None))  # Preferences: results shown

        def work(_ctx: TaskContext) -> SearchResult:
            return self.library.search(
                query, limit=limit, kinds=None, facets=True, filters=filters, sort=sort
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
        facts = self.data.facts.fetch(h.id for h in hits if h.kind == "fact")
        places = {i: VIEW_OF_TYPE[f.type] for i, f in facts.items() if not f.hidden}
        self.results.set_hits(hits, places)
        page = self.articles_page
        page.facets.set_facets(result.facets)
        chips, hints = self.search_extras()
        chips.set_chips(page.facets.chips())
        active = chips.chips
        typed = query.strip()
        header = self._count_header(typed, result, len(hits))
        if active:  # named one by one on the chips below; three or more are counted here
            header += " with " + (
                filters_phrase(active) if len(active) < 3 else f"{len(active)} filters"
            )
            if not hits:
                header = (
                    f"No results for “{typed}” with {filters_phrase(active)}"
                    if typed
                    else f"No results with {filters_phrase(active)}"
                )
        extra = list(result.notices)
        if getattr(result, "index_stale", False):
            extra.append("The search index is being rebuilt; results may be incomplete.")
        page.label.setText(" — ".join([header, " ".join(extra)]) if extra else header)
        changed_query = typed != getattr(self, "_filtered_query", typed)
        hints.show_hints(result.did_you_mean, bool(active) and (not hits or changed_query))
        self.search_done.emit(len(hits))

    @staticmethod
    def _count_header(typed: str, result: SearchResult, shown: int) -> str:
        """The header: "12 articles and 98 facts match “X”", "110 results: 12 articles, 98 facts",
        "Nothing matches “X”": every number says what it counts."""
        kinds = result.kind_totals
        if kinds is None and result.total == shown:
            kinds = {"article": 0, "fact": 0}
            for hit in result.hits:
                kinds["fact" if hit.kind == "fact" else "article"] += 1
        total = result.total
        more = f" (the first {shown} listed)" if shown < total else ""
        if not typed:
            if kinds is None:
                return f"{count_of(total, 'result')}{more}"
            return (
                f"{count_of(total, 'result')}: {count_of(kinds['article'], 'article')}, "
                f"{count_of(kinds['fact'], 'fact')}{more}"
            )
        if not total:
            return f"Nothing matches “{typed}”"
        verb = "matches" if total == 1 else "match"
        if kinds is None:
            return f"{count_of(total, 'result')} {verb} “{typed}”{more}"
        parts = [count_of(kinds[k], k) for k in ("article", "fact") if kinds[k]]
        return f"{' and '.join(parts)} {verb} “{typed}”{more}"

    def _search_failed(self, serial: int, exc: object) -> None:
        if serial != self._search_serial:
            return
        self.results.set_hits([])
        from search.query import QueryError  # loaded with the library by now

        message = str(exc) if isinstance(exc, QueryError) else f"Search failed: {exc}"
        self.articles_page.label.setText(message)
        self.search_extras()[1].show_hints(None, False)
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

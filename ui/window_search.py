"""The main window's search everywhere: the search box lists articles and facts in the
Articles view; a fact says which view it lives in; Enter opens the first result.

Above the results: a header counting them ("3 articles and 12 facts match “Astana”"),
the active filters as removable chips, and links: *Did you mean* (runs the suggestion)
and *Search without filters* (when filters hide every result, or the query changed
since they were ticked).

:class:`WindowSearch` is a part the window holds, made with what it drives (the search
box, the tabs, the Articles view), the window's task runner and a way to open a result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout

from app.plural import count_of
from app.settings import page_size
from app.views import VIEW_OF_TYPE
from ui.filter_chips import FilterChips, SearchHints, filters_phrase
from ui.tasks import LibraryTasks, TaskContext

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLineEdit, QTabWidget

    from app.library import Library
    from app.views import ViewData
    from search.results import Hit, SearchResult
    from ui.views.articles import ArticlesPage

SEARCH_DELAY_MS = 250
"""The pause in typing after which the search runs."""


class WindowSearch(QObject):
    """Runs the search box's query in a worker and shows the results in the Articles view.

    Signals: done(int hits) (the results are shown)."""

    done = Signal(int)

    def __init__(
        self,
        box: QLineEdit,
        tabs: QTabWidget,
        page: ArticlesPage,
        tasks: LibraryTasks,
        data: Callable[[], ViewData],
        settings: QSettings | None,
        open_hit: Callable[[Hit, bool], object],
    ) -> None:
        """``data`` gives the window's current view data (which view a fact is in);
        ``open_hit(hit, activated)`` opens a result (Enter in the search box)."""
        super().__init__(page)
        self.box, self.tabs, self.page, self.tasks = box, tabs, page, tasks
        self.results = page.results
        self._data, self._settings, self._open_hit = data, settings, open_hit
        self._serial = 0
        self._extras: tuple[FilterChips, SearchHints] | None = None
        self._filters_of: object = None  # the filters the last query ran with
        self._filtered_query: str | None = None  # the query they were chosen for
        self._views_pending = False
        """The first load runs (searches wait for it: :meth:`run`)."""
        self._after_views: bool | None = None
        """A search asked for meanwhile (its ``show``), run when the views are in."""
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.timer.timeout.connect(lambda: self.run(show=True))
        box.textEdited.connect(lambda _t: self.timer.start())
        box.returnPressed.connect(self.open_first_result)
        page.facets.changed.connect(lambda: self.run(show=True))

    @property
    def library(self) -> Library | None:
        """The library searched (the runner's: None while it opens)."""
        return self.tasks.library

    def extras(self) -> tuple[FilterChips, SearchHints]:
        """The chips and the hints line of the Articles view, made (and put under its
        header) the first time they are needed."""
        if self._extras is not None:
            return self._extras
        page = self.page
        chips, hints = FilterChips(page), SearchHints(page)
        layout = page.layout()
        assert isinstance(layout, QBoxLayout)
        at = layout.indexOf(page.label) + 1
        layout.insertWidget(at, hints)
        layout.insertWidget(at + 1, chips)
        chips.removed.connect(page.facets.untick)
        chips.cleared.connect(page.facets.untick_all)
        hints.without_filters.connect(page.facets.untick_all)
        hints.suggestion_chosen.connect(self.search_for)
        self._extras = (chips, hints)
        return chips, hints

    def wait_for_views(self) -> None:
        """The first load starts: searches wait for it (at 50,000 articles the views
        showed at 2.9 s beside the first search, 1.x s after)."""
        self._views_pending = True

    def views_ready(self) -> None:
        """The first load ended (or failed): a search asked for meanwhile runs now."""
        if self._views_pending:
            self._views_pending = False
            if self._after_views is not None:
                show, self._after_views = self._after_views, None
                self.run(show=bool(show))

    def search_for(self, query: str) -> None:
        """Put ``query`` in the search box and run it (a *Did you mean* link)."""
        self.box.setText(query)
        self.run(show=True)

    def run(self, show: bool = False) -> None:
        """Search for the box's text now (``show``: bring the Articles view forward)."""
        self.timer.stop()
        if self.library is None:  # still opening: searched as soon as it is open
            return
        if self._views_pending:  # the first load runs: a search would take its CPU
            self._after_views = show or self._after_views
            return
        query = self.box.text()
        self._serial += 1
        serial = self._serial

        panel = self.page.facets
        filters, sort = panel.filters(), panel.sort()
        chips, _hints = self.extras()
        chips.set_chips(panel.chips())
        if filters != self._filters_of:
            self._filters_of = filters  # the query the filters were chosen for
            self._filtered_query = query.strip()
        limit = page_size(self._settings)  # Preferences: results shown

        def work(library: Library, _ctx: TaskContext) -> SearchResult:
            return library.search(
                query, limit=limit, kinds=None, facets=True, filters=filters, sort=sort
            )

        if show:
            self.tabs.setCurrentWidget(self.page)
        self.tasks.run(
            work,
            lambda result: self._show_results(serial, query, result),
            lambda exc: self._failed(serial, exc),
        )

    def _show_results(self, serial: int, query: str, result: SearchResult) -> None:
        if serial != self._serial:
            return  # a newer query is on its way
        hits = list(result.hits)
        facts = self._data().facts.fetch(h.id for h in hits if h.kind == "fact")
        places = {i: VIEW_OF_TYPE[f.type] for i, f in facts.items() if not f.hidden}
        self.results.set_hits(hits, places)
        page = self.page
        page.facets.set_facets(result.facets)
        chips, hints = self.extras()
        chips.set_chips(page.facets.chips())
        active = chips.chips
        typed = query.strip()
        header = count_header(typed, result, len(hits))
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
        changed_query = self._filtered_query is not None and typed != self._filtered_query
        hints.show_hints(result.did_you_mean, bool(active) and (not hits or changed_query))
        self.done.emit(len(hits))

    def _failed(self, serial: int, exc: object) -> None:
        if serial != self._serial:
            return
        self.results.set_hits([])
        from search.query import QueryError  # loaded with the library by now

        message = str(exc) if isinstance(exc, QueryError) else f"Search failed: {exc}"
        self.page.label.setText(message)
        self.extras()[1].show_hints(None, False)
        self.done.emit(0)

    def open_first_result(self) -> None:
        """Enter in the search box: search now, then open the first result."""

        def open_first(_count: int) -> None:
            self.done.disconnect(open_first)
            if self.results.rowCount():
                self.page.view.setCurrentIndex(self.results.index(0))
                self._open_hit(self.results.hit(0), True)

        self.done.connect(open_first)
        self.run(show=True)


def count_header(typed: str, result: SearchResult, shown: int) -> str:
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

"""A view page: a fact table (filter box, sortable columns) with room above or below it.

The page reads the ids of its rows from SQLite (``db.queries.view_ids``): with the
window's load (:meth:`FactPage.prepare`, in the load's worker), and again in a worker
of its own when the table's sort, filter text or state filter changes. The window
hands it the library and the task runner (:meth:`FactPage.attach`).

Signals: fact_selected(int fact_id); check_toggled(int fact_id, bool checked).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.fact_store import load_facts
from app.rows import FactRow
from app.view_columns import ViewSpec
from app.views import ViewData
from db import queries
from ui.fact_table import PAGE, Column, FactTable, RowQuery, columns_of
from ui.tasks import LATER, QUERY, ROWS, LibraryTasks, TaskContext
from ui.views.on_screen import OnScreen

log = logging.getLogger(__name__)

LIVE_BATCH = 100
"""Rows whose live cells one worker computes at most (those asked for last)."""
LIVE_STEP = 10
"""Rows whose live cells are computed between two looks at whether they are still wanted
(a new sort or filter, or the view hidden, stops the worker within a step)."""

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.library import Library


class FactPage(QWidget):
    """One view of facts. Subclasses give ``spec`` (``app.view_columns``)."""

    fact_selected = Signal(int)
    check_toggled = Signal(int, bool)
    spec: ViewSpec

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ViewData()
        self.tasks: LibraryTasks | None = None
        """The window's task runner (:meth:`attach`): work is handed the library."""
        self._serial = 0
        self.requeries = 0
        """How many times the rows were read again for a new query (tests count them)."""
        self._live_wanted: list[FactRow] = []
        self._live_running = False
        self._live_generation = 0
        """Bumped by each new query: live cells being computed for the rows before stop."""
        self.on_screen = OnScreen(self, self.requery, hidden=self._stop_live)
        self.reads = 0
        """How many times a worker read the rows for a query (tests count them)."""
        self._reading: int | None = None
        """The serial of the query whose rows are on their way (None: none)."""
        self._select_later: tuple[int, bool] | None = None
        self.table = FactTable(self.columns(), self)
        self.table.fact_selected.connect(self.fact_selected)
        self.table.fact_selected.connect(self.current_changed)
        self.table.model.check_toggled.connect(self.check_toggled)
        self.table.query_changed.connect(lambda: self.requery(asked=True))
        self.table.query_now = self._ids_now
        if any(c.live for c in self.table.model.columns):
            self.table.model.live = self._want_live
        self.table.model.fetch_later = self._fetch_rows
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.build(self.splitter)

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def fact_types(self) -> tuple[str, ...]:
        return self.spec.fact_types

    # -- for subclasses -------------------------------------------------------------
    def columns(self) -> Sequence[Column]:
        return columns_of(self.spec)

    def build(self, splitter: QSplitter) -> None:
        splitter.addWidget(self.table)

    def states(self) -> tuple[str, ...]:
        """The review states the view lists when the state filter shows all ('': every
        one but rejected)."""
        return ()

    def live_values(self, session: Session, facts: list[FactRow]) -> dict[int, dict[int, Any]]:
        """The live columns' values of these facts (run in a worker)."""
        return {}

    def current_changed(self, fact_id: int) -> None:
        """Called when the current row changes (charts and strips follow it)."""

    # -- the rows ----------------------------------------------------------------------
    def attach(self, tasks: LibraryTasks) -> None:
        """The runner of the page's work, which hands it the library."""
        self.tasks = tasks

    @property
    def library(self) -> Library | None:
        """The open library (read on the GUI thread only when a person waits for it)."""
        return self.tasks.library if self.tasks is not None else None

    def ids_for(self, session: Session, query: RowQuery) -> list[int]:
        """The ids of the rows ``query`` shows (any thread: plain values only)."""
        return queries.view_ids(
            session.connection(),
            self.spec.title,
            query.column,
            query.descending,
            query.needle,
            query.state,
            self.states(),
        )

    def _ids_now(self, query: RowQuery) -> list[int]:
        if self.library is None:
            return []
        return self.library.read(lambda session: self.ids_for(session, query))

    def prepare(self, data: ViewData, session: Session) -> None:
        """Run by the window's load worker: this view's ids for its current query, and
        the facts of its first rows."""
        ids = self.ids_for(session, self.table.model.query)
        data.prepared[self.title] = (ids, self._first_rows(session, ids, None))

    def _first_rows(
        self, session: Session, ids: list[int], current: int | None
    ) -> tuple[list[int], dict[int, FactRow]]:
        """The facts of the rows shown first (and of the current one's page), read with
        the ids so that they show at once (any thread)."""
        wanted = ids[:PAGE]
        if current is not None and current in ids:
            at = ids.index(current)
            wanted += ids[max(0, at - PAGE // 2) : at + PAGE // 2]
        facts = load_facts(session, ids=wanted, include_hidden=True)
        return wanted, {f.id: f for f in facts}

    def _fetch_rows(self, ids: list[int], done: Callable[[dict[int, FactRow]], None]) -> None:
        """Read facts of rows being shown, in a worker (``FactTableModel.fetch_later``)."""
        if self.tasks is None:
            return
        on_screen = self.on_screen

        def work(library: Library, _ctx: TaskContext) -> dict[int, FactRow] | None:
            if on_screen.off_screen:  # hidden meanwhile: asked for again when painted
                return None
            return {f.id: f for f in library.facts(ids=ids, include_hidden=True)}

        def arrived(found: dict[int, FactRow] | None) -> None:
            if found is None:
                self.table.model.fetch_failed()
            else:
                done(found)

        def failed(exc: object) -> None:
            log.warning("the rows of %s could not be read: %s", self.title, exc)
            self.table.model.fetch_failed()

        self.tasks.run(work, arrived, failed, priority=ROWS)

    def set_data(self, data: ViewData, checked: set[int]) -> None:
        """Show a load's data: the ids it read for this view, or (not read with it: the
        view was off screen) those read now in a worker."""
        self.data = data
        model = self.table.model
        model.source = data.facts
        found = data.prepared.pop(self.title, None)
        model.forget(facts=False)  # the load's facts are fresh, and shared by the views
        model.set_checked(checked)
        if found is not None:
            ids, (read, facts) = found
            data.facts.put(read, facts)
            self.table.show_ids(ids)
        else:
            self.requery()

    def requery(self, asked: bool = False) -> None:
        """Read the rows again for the table's query, in a worker; the newest wins. Off
        screen, the rows are read when the view is shown again, unless the query itself
        changed (``asked``: a sort or a filter)."""
        if self.tasks is None:
            return
        self._serial += 1
        self._stop_live()
        if not asked and self.on_screen.holds_back():
            return
        self.requeries += 1
        serial, query = self._serial, self.table.model.query
        self._reading = serial
        on_screen = self.on_screen
        current = self.current_fact_id()
        Found = tuple[list[int], tuple[list[int], dict[int, FactRow]]]

        def read(session: Session) -> Found:
            ids = self.ids_for(session, query)
            return ids, self._first_rows(session, ids, current)

        def work(library: Library, _ctx: TaskContext) -> Found | None:
            if on_screen.off_screen and not asked:  # hidden before its turn came
                return None
            self.reads += 1
            return library.read(read)

        def done(found: Found | None) -> None:
            if self._reading == serial:
                self._reading = None
            if found is None:
                if serial == self._serial:
                    on_screen.skipped()
                return
            if serial == self._serial and query == self.table.model.query:
                ids, (first, facts) = found
                self.table.model.source.put(first, facts)
                self.table.show_ids(ids)
                self.table.filtered.emit()  # (the Visits strip follows it)
                later, self._select_later = self._select_later, None
                if later is not None:
                    self.select_fact(*later)

        def failed(exc: object) -> None:
            if self._reading == serial:
                self._reading = self._select_later = None
            log.warning("the rows of %s could not be read: %s", self.title, exc)

        self.tasks.run(work, done, failed, priority=QUERY)

    def _want_live(self, facts: list[FactRow]) -> None:
        """Rows shown whose live cells are not computed: one worker at a time computes
        those of the rows asked for last (rows scrolled past meanwhile are asked for
        again when shown again), after the work of reading rows."""
        wanted = [*self._live_wanted, *facts]
        self.table.model.forget_asked(f.id for f in wanted[:-LIVE_BATCH])
        self._live_wanted = wanted[-LIVE_BATCH:]
        if not self._live_running:
            self._next_live()

    def _stop_live(self) -> None:
        """The rows are read again, or the view is hidden: live cells being computed or
        waiting are dropped (the rows shown next ask for theirs)."""
        self._live_generation += 1
        self.table.model.forget_asked(f.id for f in self._live_wanted)
        self._live_wanted = []

    def _next_live(self) -> None:
        model = self.table.model
        if self.tasks is None or not self._live_wanted:
            self._live_running = False
            return
        facts, self._live_wanted = self._live_wanted, []
        self._live_running = True
        generation = self._live_generation

        def wanted() -> bool:  # (not after a new query, nor once the view was hidden)
            return generation == self._live_generation

        def compute(session: Session) -> dict[int, dict[int, Any]]:
            values: dict[int, dict[int, Any]] = {}
            for at in range(0, len(facts), LIVE_STEP):
                if not wanted():
                    break
                values.update(self.live_values(session, facts[at : at + LIVE_STEP]))
            return values

        def done(values: dict[int, dict[int, Any]]) -> None:
            model.forget_asked(f.id for f in facts if f.id not in values)
            model.set_live(values)
            self._next_live()

        def failed(exc: object) -> None:
            self._live_running = False
            log.warning("the live cells of %s failed: %s", self.title, exc)

        self.tasks.run(lambda library, _ctx: library.read(compute), done, failed, priority=LATER)

    def set_checked(self, checked: set[int]) -> None:
        self.table.model.set_checked(checked)

    def holds(self, fact_id: int) -> bool:
        return self.table.model.row_of(fact_id) >= 0

    def select_fact(self, fact_id: int, emit: bool = True) -> bool:
        """Select the fact's row; a fact not among the rows while they are being read
        again (the view was stale) is selected when they arrive."""
        self._select_later = None
        found = self.table.select_fact(fact_id, emit)
        if found and not emit:
            self.current_changed(fact_id)
        if not found and self._reading is not None:
            self._select_later = (fact_id, emit)
            return True
        return found

    def current_fact_id(self) -> int | None:
        return self.table.current_fact_id()

    def selected_fact_ids(self) -> list[int]:
        return self.table.selected_fact_ids()

    def focus_table(self) -> None:
        self.table.table.setFocus()

    def header_state(self) -> bytes:
        return bytes(self.table.table.horizontalHeader().saveState().data())

    def restore_header(self, state: bytes) -> None:
        header = self.table.table.horizontalHeader()
        if header.restoreState(state):
            self.table.sized_by_hand = True  # the widths a person left: not fitted again
            column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
            if column >= 0:  # the order a person left: the rows are read in it
                descending = order == Qt.SortOrder.DescendingOrder
                self.table.set_default_sort(column, descending)

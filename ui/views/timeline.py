"""The Timeline view: every dated event, visit and agreement, oldest first, grouped by year
(read and filtered by SQLite in a worker: ``db.queries.timeline``).

Signals: fact_selected(int fact_id); check_toggled(int, bool) (unused: no check boxes here).
"""

from __future__ import annotations

from sys import intern
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from app.views import TimelineRow, ViewData, group_by_year
from db import queries
from search.analysis import fold
from ui.fact_table import (
    DebouncedFilter,
    FactIdRole,
    filter_row,
    quietly_cleared,
    state_filter_box,
)
from ui.tasks import QUERY, LibraryTasks, TaskContext
from ui.views.on_screen import OnScreen
from ui.views.timeline_model import TimelineModel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.library import Library

EXPAND_ALL_UP_TO = 3000
"""Years open by themselves when at most this many facts are shown (laying out the rows
of open years walks each one); beyond, years show their counts and open on a click, or
when a fact in them is selected."""


class TimelinePage(QWidget):
    fact_selected = Signal(int)
    check_toggled = Signal(int, bool)
    title = "Timeline"
    fact_types = ("events",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ViewData()
        self.tasks: LibraryTasks | None = None
        """The window's task runner (:meth:`attach`): work is handed the library."""
        self._serial = 0
        self.on_screen = OnScreen(self, self.requery)
        self.model = TimelineModel(self)
        self.filter_box = QLineEdit(placeholderText="Filter this view…", clearButtonEnabled=True)
        self.filter = DebouncedFilter(self.filter_box, self._filter)
        self.state_box = state_filter_box(self)
        self.state_box.currentIndexChanged.connect(self._filter_state)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setTabKeyNavigation(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setColumnWidth(0, 150)
        self.tree.setColumnWidth(1, 120)  # "agreement" and its state icon, whole
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filter_row(self.filter_box, self.state_box))
        layout.addWidget(self.tree)

    def _filter(self, _text: str) -> None:
        self.requery(asked=True)

    def _filter_state(self, _index: int) -> None:
        self.requery(asked=True)

    def attach(self, tasks: LibraryTasks) -> None:
        """The runner of the page's work, which hands it the library."""
        self.tasks = tasks

    @property
    def library(self) -> Library | None:
        """The open library (read on the GUI thread only when a person waits for it)."""
        return self.tasks.library if self.tasks is not None else None

    def query(self) -> tuple[str, str]:
        """The filter's folded text and review state."""
        return fold(self.filter_box.text()).strip(), self.state_box.currentData() or ""

    def rows_for(self, session: Session, query: tuple[str, str]) -> list[TimelineRow]:
        found = queries.timeline(session.connection(), *query)
        # dates and years recur: one string each (129,000 rows at 50,000 articles)
        return [
            TimelineRow(intern(d[:4]), intern(d), i, t, label, review)
            for d, i, t, label, review in found
        ]

    def requery(self, asked: bool = False) -> None:
        """Read the rows again for the filter, in a worker; the newest wins. Off screen,
        the rows are read when the view is shown again, unless the filter changed
        (``asked``)."""
        if self.tasks is None:
            return
        self._serial += 1
        if not asked and self.on_screen.holds_back():
            return
        serial, query, on_screen = self._serial, self.query(), self.on_screen
        Found = tuple[list[TimelineRow], dict[str, list[TimelineRow]]]

        def work(library: Library, _ctx: TaskContext) -> Found | None:
            if on_screen.off_screen and not asked:  # hidden before its turn came
                return None
            rows = library.read(lambda session: self.rows_for(session, query))
            return rows, group_by_year(rows)

        def done(found: Found | None) -> None:
            if serial != self._serial:
                return
            if found is None:
                on_screen.skipped()
            else:
                self._show(*found)

        self.tasks.run(work, done, priority=QUERY)

    def _show(self, rows: list[TimelineRow], years: dict[str, list[TimelineRow]]) -> None:
        current = self.current_fact_id()
        self.model.set_rows(rows, years)
        self._open_years()
        if current is not None and self.model.locate(current).isValid():
            self.select_fact(current, emit=False)

    def _open_years(self) -> None:
        if self.model.shown() <= EXPAND_ALL_UP_TO:
            self.tree.expandAll()

    def prepare(self, data: ViewData, session: Session) -> None:
        """Run by the window's load worker: the rows for the filter, grouped by year."""
        rows = self.rows_for(session, self.query())
        data.prepared[self.title] = (rows, group_by_year(rows))

    def set_data(self, data: ViewData, checked: set[int]) -> None:
        """Show a load's rows, or (not read with it) read them in a worker."""
        self.data = data
        found = data.prepared.pop(self.title, None)
        if found is not None:
            self._show(*found)
        else:
            self.requery()

    def set_checked(self, checked: set[int]) -> None:
        """No check boxes in the timeline; Ctrl+D adds the current fact."""

    def holds(self, fact_id: int) -> bool:
        """Whether the fact is on the timeline (shown or filtered out)."""
        if self.model.locate(fact_id).isValid():
            return True
        library = self.library
        return library is not None and library.read(
            lambda session: queries.on_timeline(session.connection(), fact_id)
        )

    def select_fact(self, fact_id: int, emit: bool = True) -> bool:
        index = self.model.locate(fact_id)
        selection = self.tree.selectionModel()
        if not index.isValid():
            if not self.holds(fact_id) or self.library is None:
                return False
            selection.blockSignals(not emit)  # the rows coming back move the current row
            quietly_cleared(self.filter_box, self.filter, self.state_box)  # hidden by a filter
            self._serial += 1  # a filter's rows on their way are not shown
            rows = self.library.read(lambda session: self.rows_for(session, ("", "")))
            self.model.set_rows(rows)
            self._open_years()
            index = self.model.locate(fact_id)
        selection.blockSignals(not emit)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        selection.setCurrentIndex(index, flags)
        selection.blockSignals(False)
        self.tree.scrollTo(index)
        return True

    def current_fact_id(self) -> int | None:
        index = self.tree.currentIndex()
        return index.data(FactIdRole) if index.isValid() else None

    def selected_fact_ids(self) -> list[int]:
        ids = [i.data(FactIdRole) for i in self.tree.selectionModel().selectedRows()]
        ids = [i for i in ids if i is not None]
        current = self.current_fact_id()
        return ids or ([current] if current is not None else [])

    def focus_table(self) -> None:
        self.tree.setFocus()

    def header_state(self) -> bytes:
        return bytes(self.tree.header().saveState().data())

    def restore_header(self, state: bytes) -> None:
        self.tree.header().restoreState(state)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        fact_id = current.data(FactIdRole) if current.isValid() else None
        if fact_id is not None:
            self.fact_selected.emit(fact_id)

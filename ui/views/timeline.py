"""The Timeline view: every dated event, visit and agreement, oldest first, grouped by year.

Signals: fact_selected(int fact_id); check_toggled(int, bool) (unused: no check boxes here).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from app.views import ViewData, group_by_year
from ui.fact_table import DebouncedFilter, FactIdRole, filter_row, state_filter_box
from ui.views.timeline_model import TimelineModel

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

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._open_years()

    def _filter_state(self, _index: int) -> None:
        self.model.set_filter(self.filter_box.text(), self.state_box.currentData() or "")
        self._open_years()

    def _open_years(self) -> None:
        if self.model.shown() <= EXPAND_ALL_UP_TO:
            self.tree.expandAll()

    def prepare(self, data: ViewData) -> None:
        """The timeline (computed with the data) grouped by year."""
        data.prepared[self.title] = group_by_year(data.timeline())

    def set_data(self, data: ViewData, checked: set[int]) -> None:
        current = self.current_fact_id()
        self.data = data
        self.model.set_rows(data.timeline(), self.filter_box.text(), data.prepared.get(self.title))
        self._open_years()
        if current is not None:
            self.select_fact(current, emit=False)

    def set_checked(self, checked: set[int]) -> None:
        """No check boxes in the timeline; Ctrl+D adds the current fact."""

    def holds(self, fact_id: int) -> bool:
        return self.model.holds(fact_id)

    def select_fact(self, fact_id: int, emit: bool = True) -> bool:
        index = self.model.locate(fact_id)
        selection = self.tree.selectionModel()
        if not index.isValid():
            if not self.holds(fact_id):
                return False
            selection.blockSignals(not emit)  # the rows coming back move the current row
            self.filter_box.clear()  # hidden by a filter (an emptied box filters at once)
            self.state_box.setCurrentIndex(0)
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

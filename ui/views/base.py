"""A view page: a fact table (filter box, sortable columns) with room above or below it.

Signals: fact_selected(int fact_id); check_toggled(int fact_id, bool checked).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.rows import FactRow
from app.views import ViewData
from ui.fact_table import Column, FactTable


class FactPage(QWidget):
    """One view of facts of some types. Subclasses give ``title``, ``fact_types``, columns."""

    fact_selected = Signal(int)
    check_toggled = Signal(int, bool)
    title = ""
    fact_types: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ViewData()
        self._preparing = threading.local()
        self.table = FactTable(self.columns(), self)
        self.table.fact_selected.connect(self.fact_selected)
        self.table.fact_selected.connect(self.current_changed)
        self.table.model.check_toggled.connect(self.check_toggled)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.build(self.splitter)

    # -- for subclasses -------------------------------------------------------------
    def columns(self) -> Sequence[Column]:
        raise NotImplementedError

    @property
    def source(self) -> ViewData:
        """The data a column reads: the data being prepared in the worker's thread (its
        rows are ordered by it), the data shown in any other."""
        return getattr(self._preparing, "data", None) or self.data

    def build(self, splitter: QSplitter) -> None:
        splitter.addWidget(self.table)

    def rows(self, data: ViewData) -> list[FactRow]:
        return [f for t in self.fact_types for f in data.of_type(t)]

    def current_changed(self, fact_id: int) -> None:
        """Called when the current row changes (charts and strips follow it)."""

    # -- for the window --------------------------------------------------------------
    def prepare(self, data: ViewData) -> None:
        """Run by the window's worker after loading: the rows of this view in the table's
        order (pure Python, no Qt), kept in ``data.prepared`` for :meth:`set_data`."""
        rows = self.rows(data)
        self._preparing.data = data
        try:
            data.prepared[self.title] = (rows, self.table.model.sorted_rows(rows))
        finally:
            self._preparing.data = None

    def set_data(self, data: ViewData, checked: set[int]) -> None:
        self.data = data
        rows, order = data.prepared.get(self.title) or (self.rows(data), None)
        self.table.set_rows(rows, checked, order)

    def set_checked(self, checked: set[int]) -> None:
        self.table.model.set_checked(checked)

    def holds(self, fact_id: int) -> bool:
        return self.table.model.row_of(fact_id) >= 0

    def select_fact(self, fact_id: int, emit: bool = True) -> bool:
        found = self.table.select_fact(fact_id, emit)
        if found and not emit:
            self.current_changed(fact_id)
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
        if self.table.table.horizontalHeader().restoreState(state):
            self.table.sized_by_hand = True  # the widths a person left: not fitted again

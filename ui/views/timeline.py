"""The Timeline view: every dated event, visit and agreement, oldest first, grouped by year.

Signals: fact_selected(int fact_id); check_toggled(int, bool) (unused: no check boxes here).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from app.views import SINGULAR, ViewData, group_by_year
from ui.fact_table import FactIdRole


class TimelinePage(QWidget):
    fact_selected = Signal(int)
    check_toggled = Signal(int, bool)
    title = "Timeline"
    fact_types = ("events",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ViewData()
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["Date", "What", "Description"])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_box = QLineEdit(placeholderText="Filter this view…", clearButtonEnabled=True)
        self.filter_box.textChanged.connect(self._filter)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setTabKeyNavigation(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setColumnWidth(0, 150)
        self.tree.setColumnWidth(1, 90)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tree)
        self._items: dict[int, QStandardItem] = {}

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def set_data(self, data: ViewData, checked: set[int]) -> None:
        current = self.current_fact_id()
        self.data = data
        self.model.removeRows(0, self.model.rowCount())
        self._items.clear()
        for year, rows in group_by_year(data.timeline()).items():
            year_item = QStandardItem(year)
            year_item.setEditable(False)
            font = year_item.font()
            font.setBold(True)
            year_item.setFont(font)
            blank = [QStandardItem(f"{len(rows)} item(s)"), QStandardItem("")]
            for item in blank:
                item.setEditable(False)
            for row in rows:
                description = row.label.split(": ", 1)[-1] if row.type == "events" else row.label
                cells = [
                    QStandardItem(row.date),
                    QStandardItem(SINGULAR[row.type]),
                    QStandardItem(description),
                ]
                for cell in cells:
                    cell.setEditable(False)
                    cell.setData(row.fact_id, FactIdRole)
                    cell.setToolTip(row.label)
                year_item.appendRow(cells)
                self._items[row.fact_id] = cells[0]
            self.model.appendRow([year_item, *blank])
        self.tree.expandAll()
        if current is not None:
            self.select_fact(current, emit=False)

    def set_checked(self, checked: set[int]) -> None:
        """No check boxes in the timeline; Ctrl+D adds the current fact."""

    def holds(self, fact_id: int) -> bool:
        return fact_id in self._items

    def select_fact(self, fact_id: int, emit: bool = True) -> bool:
        item = self._items.get(fact_id)
        if item is None:
            return False
        index = self.proxy.mapFromSource(item.index())
        if not index.isValid():
            self.filter_box.clear()
            index = self.proxy.mapFromSource(item.index())
        selection = self.tree.selectionModel()
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

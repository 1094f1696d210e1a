"""Facets beside the search results: counts by year, country, fact type and source.
Ticking a value narrows the search to it; the sort box orders by relevance or date.

Signals: changed(): the user ticked or unticked a value or changed the order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from search.results import FacetCount


GROUPS = (
    ("year", "Year"),
    ("country", "Country"),
    ("type", "Fact type"),
    ("source", "Source"),
    ("language", "Language"),
)
ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_PER_GROUP = 12


class FacetPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sort_box = QComboBox()
        self.sort_box.addItem("Most relevant first", "relevance")
        self.sort_box.addItem("Newest first", "date")
        self.sort_box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.itemChanged.connect(self._item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sort_box)
        layout.addWidget(self.tree)
        self._chosen: dict[str, set[str]] = {}
        self._filling = False

    def sort(self) -> str:
        return str(self.sort_box.currentData())

    def filters(self) -> dict[str, Sequence[str]]:
        return {field: sorted(values) for field, values in self._chosen.items() if values}

    def clear_filters(self) -> None:
        self._chosen.clear()

    def set_facets(self, facets: dict[str, list[FacetCount]]) -> None:
        """Show the counts of the latest result; ticked values stay ticked."""
        self._filling = True
        try:
            self.tree.clear()
            for field, title in GROUPS:
                counts = list(facets.get(field) or [])
                chosen = self._chosen.get(field, set())
                shown = counts[:SHOWN_PER_GROUP] + [
                    c for c in counts[SHOWN_PER_GROUP:] if c.value in chosen
                ]
                if not shown:
                    continue
                group = QTreeWidgetItem(self.tree, [title])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                for count in shown:
                    item = QTreeWidgetItem(group, [f"{count.label} ({count.count})"])
                    item.setData(0, ROLE, (field, count.value))
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    checked = count.value in chosen
                    item.setCheckState(
                        0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )
                group.setExpanded(True)
        finally:
            self._filling = False

    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._filling:
            return
        key = item.data(0, ROLE)
        if not key:
            return
        field, value = key
        values = self._chosen.setdefault(field, set())
        if item.checkState(0) == Qt.CheckState.Checked:
            values.add(value)
        else:
            values.discard(value)
        self.changed.emit()

    def tick(self, field: str, value: str) -> None:
        """Tick a value as the user would (used by keyboard shortcuts and tests)."""
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:
                continue
            for j in range(group.childCount()):
                child = group.child(j)
                if child is not None and child.data(0, ROLE) == (field, value):
                    child.setCheckState(0, Qt.CheckState.Checked)
                    return
        raise KeyError(f"no facet {field}:{value} is shown")

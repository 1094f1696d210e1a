"""Facets beside the search results: counts by year, country, fact type, source and
language. Ticking a value narrows the search to it; the sort box orders by relevance or
date. A count is of results (articles and facts), as the header above the results
counts them; a ticked value stays listed (with 0) when a new search has none of it.

Signals: changed(): the user ticked or unticked a value or changed the order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from search.results import facet_label
from ui.filter_chips import Chip

if TYPE_CHECKING:
    from search.results import FacetCount


GROUPS = (
    ("year", "Year"),
    ("country", "Country"),
    ("type", "Fact type"),
    ("source", "Source"),
    ("language", "Language"),
)
TITLES = dict(GROUPS)
ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_PER_GROUP = 12
COUNT_TIP = (
    "{count} of the results (articles and facts) have {label}. A result counts under "
    "each value it has: an article naming two countries, or holding facts of several "
    "types, counts under each."
)


class FacetPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sort_box = QComboBox()
        self.sort_box.addItem("Most relevant first", "relevance")
        self.sort_box.addItem("Newest first", "date")
        self.sort_box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.caption = QLabel("Tick to narrow; the numbers count results (articles and facts).")
        self.caption.setWordWrap(True)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Value", "Results"])
        self.tree.setHeaderHidden(True)  # the caption says it in the room of a header
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(8)
        self.tree.setIndentation(12)
        self.tree.setRootIsDecorated(True)
        self.tree.itemChanged.connect(self._item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sort_box)
        layout.addWidget(self.caption)
        layout.addWidget(self.tree)
        self._chosen: dict[str, set[str]] = {}
        self._labels: dict[tuple[str, str], str] = {}
        self._filling = False

    def sort(self) -> str:
        return str(self.sort_box.currentData())

    def filters(self) -> dict[str, Sequence[str]]:
        return {field: sorted(values) for field, values in self._chosen.items() if values}

    def clear_filters(self) -> None:
        self._chosen.clear()

    def chips(self) -> list[Chip]:
        """The active filters, in the order of the groups, as chips to show."""
        return [
            Chip(field, value, title, self._labels.get((field, value), facet_label(field, value)))
            for field, title in GROUPS
            for value in sorted(self._chosen.get(field, ()))
        ]

    def untick(self, field: str, value: str) -> None:
        """Remove one filter (a chip's ✕) and search again."""
        if value in self._chosen.get(field, set()):
            self._chosen[field].discard(value)
            self._set_checked(field, value, False)
            self.changed.emit()

    def untick_all(self) -> None:
        """Remove every filter (*Clear all*, *Search without filters*) and search again."""
        if not any(self._chosen.values()):
            return
        for field, value in [(f, v) for f, vs in self._chosen.items() for v in vs]:
            self._set_checked(field, value, False)
        self._chosen.clear()
        self.changed.emit()

    def _set_checked(self, field: str, value: str, checked: bool) -> None:
        self._filling = True
        try:
            for item in self._items():
                if item.data(0, ROLE) == (field, value):
                    state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    item.setCheckState(0, state)
        finally:
            self._filling = False

    def _items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:
                continue
            out += [c for j in range(group.childCount()) if (c := group.child(j)) is not None]
        return out

    def count_of(self, field: str, value: str) -> int | None:
        """The count shown beside a value, or None when it is not listed."""
        for item in self._items():
            if item.data(0, ROLE) == (field, value):
                return int(item.text(1))
        return None

    def set_facets(self, facets: dict[str, list[FacetCount]]) -> None:
        """Show the counts of the latest result; ticked values stay ticked."""
        self._filling = True
        try:
            self.tree.clear()
            numbers: list[int] = []
            for field, title in GROUPS:
                counts = list(facets.get(field) or [])
                chosen = self._chosen.get(field, set())
                for c in counts:
                    self._labels[(field, c.value)] = c.label
                shown = [
                    (c.value, c.label, c.count)
                    for c in counts[:SHOWN_PER_GROUP]
                    + [c for c in counts[SHOWN_PER_GROUP:] if c.value in chosen]
                ]
                listed = {value for value, _, _ in shown}
                # A ticked value the new results do not have stays, with 0: never an
                # invisible filter (its chip above the results says so too).
                shown += [
                    (v, self._labels.get((field, v), facet_label(field, v)), 0)
                    for v in sorted(chosen - listed)
                ]
                if not shown:
                    continue
                group = QTreeWidgetItem(self.tree, [title])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                numbers += [number for _v, _l, number in shown]
                for value, label, number in shown:
                    item = QTreeWidgetItem(group, [label, str(number)])
                    item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                    item.setToolTip(0, COUNT_TIP.format(count=number, label=label))
                    item.setToolTip(1, COUNT_TIP.format(count=number, label=label))
                    item.setData(0, ROLE, (field, value))
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    checked = value in chosen
                    item.setCheckState(
                        0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )
                group.setExpanded(True)
            widest = max((len(str(n)) for n in numbers), default=1)
            digits = self.tree.fontMetrics().horizontalAdvance("0" * widest)
            self.tree.header().resizeSection(1, digits + 10)
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
        for item in self._items():
            if item.data(0, ROLE) == (field, value):
                item.setCheckState(0, Qt.CheckState.Checked)
                return
        raise KeyError(f"no facet {field}:{value} is shown")

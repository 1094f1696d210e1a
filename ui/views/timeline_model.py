"""The Timeline's model: years, each holding its dated facts, read only when shown.

A tree of ``QStandardItem`` made three Python objects per fact on the GUI thread, and a
sort/filter proxy asked ``data()`` of every row: at 10,000 articles showing the tab held
the window for over two seconds. Here the rows come ready (``ViewData.timeline()`` is
computed in a worker), setting them costs one pass grouping them by year, and Qt asks
only for the cells it paints. Filtering is a substring test over each row's text, done
here so that it touches every row once, not through ``data()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.plural import count_of
from app.views import SINGULAR, TimelineRow, group_by_year
from search.analysis import fold
from ui.fact_table import FactIdRole
from ui.review_marks import STATES, state_icon

_Index = QModelIndex | QPersistentModelIndex
YEAR = 0xFFFFFFFF
"""The internal id of a year's index; a fact's index holds its year's row instead."""
COLUMNS = ("Date", "What", "Description")


def _description(row: TimelineRow) -> str:
    return row.label.split(": ", 1)[-1] if row.type == "events" else row.label


class TimelineModel(QAbstractItemModel):
    """Two levels: a year (its fact count beside it), then its facts oldest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[TimelineRow] = []
        self._all_years: dict[str, list[TimelineRow]] | None = None
        self._years: list[str] = []
        self._rows: list[list[TimelineRow]] = []
        self._where: dict[int, tuple[int, int]] | None = None
        self._text: list[str] | None = None
        self._ids: set[int] | None = None
        self._needle = ""
        self._state = ""
        self.passes = 0
        """How many times the rows were filtered (tests count them)."""
        self._bold = QFont()
        self._bold.setBold(True)

    # -- filling -----------------------------------------------------------------------
    def set_rows(
        self,
        rows: list[TimelineRow],
        needle: str = "",
        years: dict[str, list[TimelineRow]] | None = None,
    ) -> None:
        """The timeline, oldest first; ``needle`` keeps the rows whose text holds it.
        ``years`` is ``group_by_year(rows)`` when a worker computed it already (grouping
        a whole timeline held the GUI thread 130-160 ms at 50,000 articles); it is kept
        for when the filter is cleared."""
        self._all, self._text, self._ids, self._all_years = rows, None, None, years
        self.set_filter(needle)

    def holds(self, fact_id: int) -> bool:
        """Whether the fact is on the timeline (shown or filtered out)."""
        if self._ids is None:
            self._ids = {r.fact_id for r in self._all}
        return fact_id in self._ids

    def set_filter(self, needle: str, state: str | None = None) -> None:
        """Keep the rows whose text holds ``needle`` (without regard to case or accents,
        as the search box: ``search.analysis.fold``) and, when ``state`` is a review
        state (``None``: the one chosen before), are in it."""
        self._needle = needle = fold(needle).strip()
        self.passes += 1
        if state is not None:
            self._state = state
        if needle or self._state:
            if self._text is None:
                self._text = [fold(f"{r.date}\t{SINGULAR[r.type]}\t{r.label}") for r in self._all]
            years = group_by_year(
                r
                for r, text in zip(self._all, self._text, strict=True)
                if needle in text and (not self._state or r.review == self._state)
            )
        else:
            if self._all_years is None:
                self._all_years = group_by_year(self._all)
            years = self._all_years
        self.beginResetModel()
        self._years, self._rows, self._where = list(years), list(years.values()), None
        self.endResetModel()

    def shown(self) -> int:
        """How many facts pass the filter."""
        return sum(len(r) for r in self._rows)

    def locate(self, fact_id: int) -> QModelIndex:
        """The index of a fact's row, invalid when it is not shown."""
        if self._where is None:
            self._where = {
                row.fact_id: (y, n)
                for y, rows in enumerate(self._rows)
                for n, row in enumerate(rows)
            }
        found = self._where.get(fact_id)
        return self.createIndex(found[1], 0, found[0]) if found else QModelIndex()

    # -- Qt's model interface --------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            if not 0 <= row < len(self._years):
                return QModelIndex()
            return self.createIndex(row, column, YEAR)
        if parent.internalId() != YEAR or not 0 <= row < len(self._rows[parent.row()]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row())

    # The model's parent(index). The stubs overload the name with QObject's parent() (no
    # argument, returns a QObject), which one Python override cannot also match.
    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == YEAR:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, YEAR)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._years)
        if parent.internalId() == YEAR and parent.column() == 0:
            return len(self._rows[parent.row()])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if index.internalId() == YEAR:
            if role == Qt.ItemDataRole.DisplayRole:
                year = index.row()
                return (
                    self._years[year]
                    if col == 0
                    else (count_of(len(self._rows[year]), "item") if col == 1 else "")
                )
            if role == Qt.ItemDataRole.FontRole and col == 0:
                return self._bold
            return None
        row = self._rows[index.internalId()][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.date, SINGULAR[row.type], _description(row))[col]
        if role == FactIdRole:
            return row.fact_id
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return state_icon(row.review)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.label}\n{STATES.get(row.review, row.review)}"
        return None

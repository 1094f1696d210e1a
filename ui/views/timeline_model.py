"""The Timeline's model: years, each holding its dated facts, read only when shown.

A tree of ``QStandardItem`` made three Python objects per fact on the GUI thread, and a
sort/filter proxy asked ``data()`` of every row: at 10,000 articles showing the tab held
the window for over two seconds. Here the rows come ready (``ViewData.timeline()`` is
read and filtered by SQLite in a worker: ``db.queries.timeline``), setting them costs
one pass grouping them by year, and Qt asks only for the cells it paints.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.plural import count_of
from app.views import SINGULAR, TimelineRow, group_by_year
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
        self._years: list[str] = []
        self._rows: list[list[TimelineRow]] = []
        self._where: dict[int, tuple[int, int]] | None = None
        self.passes = 0
        """How many times rows were set (tests count the filter's passes)."""
        self._bold = QFont()
        self._bold.setBold(True)

    # -- filling -----------------------------------------------------------------------
    def set_rows(
        self, rows: list[TimelineRow], years: dict[str, list[TimelineRow]] | None = None
    ) -> None:
        """The timeline's rows as SQLite filtered them, oldest first; ``years`` is
        ``group_by_year(rows)`` when a worker grouped them already (grouping a whole
        timeline held the GUI thread 130-160 ms at 50,000 articles)."""
        self.passes += 1
        years = group_by_year(rows) if years is None else years
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

"""A table of facts: a Qt model fed plain rows with named columns, a filter box, sorting.

Column 0 is a check box: checked facts are in the export selection. Each view
module (``ui/views/*``) gives the columns; the model never reads the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.rows import FactRow
from app.sorting import sorted_in_steps
from app.views import confidence_reasons, confidence_text
from search.analysis import fold
from ui.review_marks import STATES, state_icon, state_tip

FactIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
Order = tuple[Any, list[FactRow]]
"""Rows in a table's order, with the sort they were put in (``sorted_rows``)."""


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[FactRow], Any]
    sort: Callable[[FactRow], Any] | None = None
    width: int = 120
    tooltip: Callable[[FactRow], str] | None = None
    icon: Callable[[FactRow], Any] | None = None
    main: bool = False
    """The view's main column (a title): on a small screen it keeps room first."""
    keep: bool = False
    """Never narrower than its content (a short cell whose tooltip says something else)."""


def confidence_column() -> Column:
    """Every fact view's Confidence column: sorts by the figure, a person's confirmed
    facts above all; its icon is the review state, its tooltip the state and reasons."""
    return Column(
        "Confidence",
        confidence_text,
        lambda f: f.confidence,
        110,
        lambda f: f"{state_tip(f)}\n{confidence_reasons(f)}",
        lambda f: state_icon(f.review),
        keep=True,  # its tooltip gives the reasons, not the cell's words
    )


_EMPTY = 2


def _sort_key(value: Any) -> tuple[int, float, str]:
    """Numbers before text (text without regard to case), empty cells last (in both
    directions: see ``FactTableModel._sorted``)."""
    if value is None or value == "":
        return (_EMPTY, 0.0, "")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, float(value), "")
    return (1, 0.0, str(value).casefold())


class _SourceSortedProxy(QSortFilterProxyModel):
    """Filters only (the filter box's text, and the review state when one is chosen);
    sorting is handed to the source model (see FactTableModel.sort).

    The text is matched as the search box matches it, without regard to case or accents
    ("erdogan" finds Erdoğan), against each row's cells folded once
    (:meth:`FactTableModel.folded`), not through ``data()`` for every cell."""

    state = ""
    needle = ""
    passes = 0
    """How many times the rows were filtered by a new needle (tests count them)."""

    def set_state(self, state: str) -> None:
        self.beginFilterChange()
        self.state = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_needle(self, text: str) -> None:
        """Keep the rows whose cells hold ``text`` (any case, any accents)."""
        needle = fold(text).strip()
        if needle == self.needle:
            return
        self.passes += 1
        self.beginFilterChange()
        self.needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        source = self.sourceModel()
        if not isinstance(source, FactTableModel):
            return super().filterAcceptsRow(row, parent)
        if self.state and source.fact(row).review != self.state:
            return False
        return not self.needle or self.needle in source.folded(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None and column >= 0:
            source.sort(column, order)


def _checked(value: Any) -> bool:
    return int(getattr(value, "value", value)) == Qt.CheckState.Checked.value


class FactTableModel(QAbstractTableModel):
    """One row per fact. Signals: check_toggled(int fact_id, bool checked)."""

    check_toggled = Signal(int, bool)

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[FactRow] = []
        self._checked: set[int] = set()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._folded: dict[int, str] = {}

    def set_rows(self, rows: Sequence[FactRow], order: Order | None = None) -> None:
        """Show ``rows``; ``order``: what :meth:`sorted_rows` gave for them (in a worker),
        used if the sort has not changed since."""
        self.beginResetModel()
        self._rows = order[1] if order and order[0] == self._sort else self._sorted(rows)
        self._folded = {}
        self.endResetModel()

    def folded(self, row: int) -> str:
        """The row's cells as the filter matches them: their text, folded (lower case,
        no accents: ``search.analysis.fold``), tab-separated; made once per row."""
        fact = self._rows[row]
        text = self._folded.get(fact.id)
        if text is None:
            cells = (column.value(fact) for column in self.columns)
            text = fold("\t".join("" if v is None else str(v) for v in cells))
            self._folded[fact.id] = text
        return text

    def sorted_rows(self, rows: Sequence[FactRow]) -> Order:
        """The rows in the table's current order, with that order's key: pure Python,
        run by the window's worker so that showing a large view costs no sorting."""
        sort = self._sort
        return sort, self._sorted(rows, sort, sorted_in_steps)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows here, each row's key computed once. (A sorting proxy asks
        ``data()`` for both rows of every comparison: n log n calls into Python, seconds
        for a view of tens of thousands of facts, on the GUI thread.)"""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self._rows
        self._rows = self._sorted(old)
        where = {id(fact): n for n, fact in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        moved = [self.index(where[id(old[i.row()])], i.column()) for i in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sorted(
        self,
        rows: Sequence[FactRow],
        sort: tuple[int, Qt.SortOrder] | None = None,
        order_by: Callable[..., list[Any]] = sorted,
    ) -> list[FactRow]:
        """``rows`` in the order ``sort`` says; ``order_by`` is ``sorted`` or, in the
        worker, :func:`~app.sorting.sorted_in_steps` (it lets the GUI thread paint)."""
        sort = sort or self._sort
        if sort is None:
            return list(rows)
        column, order = sort
        descending = order == Qt.SortOrder.DescendingOrder
        if column == 0:
            return order_by(rows, key=lambda f: f.id in self._checked, reverse=descending)
        get = self.columns[column - 1].sort or self.columns[column - 1].value
        keyed: list[tuple[tuple[int, float, str], FactRow]] = [(_sort_key(get(f)), f) for f in rows]
        # Empty cells (an undated fact's date) go last in both directions.
        filled = [pair for pair in keyed if pair[0][0] != _EMPTY]
        empty = [pair[1] for pair in keyed if pair[0][0] == _EMPTY]
        ordered = order_by(filled, key=lambda pair: pair[0], reverse=descending)
        return [pair[1] for pair in ordered] + empty

    def set_checked(self, fact_ids: set[int]) -> None:
        self._checked = set(fact_ids)
        if self._rows:
            last = self.index(len(self._rows) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.CheckStateRole])

    def fact(self, row: int) -> FactRow:
        return self._rows[row]

    def row_of(self, fact_id: int) -> int:
        return next((n for n, f in enumerate(self._rows) if f.id == fact_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "✓" if section == 0 else self.columns[section - 1].title
        if role == Qt.ItemDataRole.ToolTipRole and section == 0:
            return "In the export selection (Ctrl+D)"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        fact, col = self._rows[index.row()], index.column()
        if role == FactIdRole:
            return fact.id
        if col == 0:
            if role == Qt.ItemDataRole.CheckStateRole:
                state = fact.id in self._checked
                return Qt.CheckState.Checked if state else Qt.CheckState.Unchecked
            if role == SortRole:
                return int(fact.id in self._checked)
            return None
        column = self.columns[col - 1]
        if role == Qt.ItemDataRole.DecorationRole:
            return column.icon(fact) if column.icon is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(fact)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = column.value(fact)
            return "" if value is None else str(value)
        if role == SortRole:
            value = (column.sort or column.value)(fact)
            return "" if value is None else value
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        fact_id, checked = self._rows[index.row()].id, _checked(value)
        (self._checked.add if checked else self._checked.discard)(fact_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.check_toggled.emit(fact_id, checked)
        return True


def state_filter_box(parent: QWidget) -> QComboBox:
    """The "State" filter of a view: every state, or one (with its icon)."""
    box = QComboBox(parent)
    box.setAccessibleName("Review state")
    box.setToolTip("Show the facts in one review state only")
    box.addItem("All states", "")
    for state, words in STATES.items():
        box.addItem(state_icon(state), words, state)
    return box


FILTER_DELAY_MS = 150
"""How long typing in a view's filter box pauses before the rows are filtered."""


class DebouncedFilter:
    """Filters a view when typing in its filter box pauses (``FILTER_DELAY_MS``), once
    per burst of keystrokes, as qutebrowser's ``misc/throttle.py`` does; an emptied box
    shows every row at once. ``apply`` gets the box's text."""

    def __init__(self, box: QLineEdit, apply: Callable[[str], None]) -> None:
        self.box, self.apply = box, apply
        self.timer = QTimer(box)
        self.timer.setSingleShot(True)
        self.timer.setInterval(FILTER_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        box.textChanged.connect(self._changed)

    def _changed(self, text: str) -> None:
        if text:
            self.timer.start()
        else:
            self.flush()

    def flush(self) -> None:
        """Filter by the box's text now (a pending pause is not waited for)."""
        self.timer.stop()
        self.apply(self.box.text())


def filter_row(filter_box: QLineEdit, state_box: QComboBox) -> QHBoxLayout:
    """The filter box and the state filter side by side."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(filter_box, 1)
    row.addWidget(state_box)
    return row


FIT_SAMPLE = 200
"""How many rows :meth:`FactTable.fit_columns` measures (the first, in the table's order)."""
MIN_WIDTH, MAX_WIDTH, SHARED_MIN = 40, 420, 100
CELL_PADDING, HEADER_PADDING, ICON_WIDTH = 16, 28, 22


MAIN_SHARE = 0.4
"""The share of a small table the main column keeps (if its content needs it)."""


def capped(
    natural: Sequence[int], room: int, main: int | None = None, keep: Sequence[int] = ()
) -> list[int]:
    """Widths that fit ``room``: columns narrower than a cap keep their width, the wider
    ones are cut to the cap (never below ``SHARED_MIN``); unchanged when all fit. The
    ``main`` column (an index) first keeps up to ``MAIN_SHARE`` of the room; the ``keep``
    columns are never cut."""
    if room <= 0 or sum(natural) <= room:
        return list(natural)
    widths, fixed = list(natural), set(keep)
    if main is not None:
        widths[main] = min(natural[main], max(SHARED_MIN, int(room * MAIN_SHARE)))
        fixed.add(main)
    free = [n for n in range(len(natural)) if n not in fixed]
    left = room - sum(widths[n] for n in fixed)
    lo, hi = SHARED_MIN, max([SHARED_MIN, *(natural[n] for n in free)])
    while lo < hi:  # the largest cap whose widths fit
        mid = (lo + hi + 1) // 2
        if sum(min(natural[n], mid) for n in free) <= left:
            lo = mid
        else:
            hi = mid - 1
    for n in free:
        widths[n] = min(natural[n], lo)
    return widths


class FactTable(QWidget):
    """A filter box over a sortable table. Signals: fact_selected(int fact_id);
    filtered() (the filter box's text or the state filter changed the rows shown)."""

    fact_selected = Signal(int)
    filtered = Signal()

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FactTableModel(columns, self)
        self.proxy = _SourceSortedProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.filter_box = QLineEdit(placeholderText="Filter this view…", clearButtonEnabled=True)
        self.filter = DebouncedFilter(self.filter_box, self._filter_text)
        self.state_box = state_filter_box(self)
        self.state_box.currentIndexChanged.connect(self._filter_state)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the next pane
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(0, 28)
        for n, column in enumerate(columns, 1):
            self.table.setColumnWidth(n, column.width)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # a clipped cell's tooltip
        self._natural: list[int] = []  # each column's width for its content (fit_columns)
        self._fitting = False
        self.sized_by_hand = False
        """A person resized a column (or their widths were restored): no more fitting."""
        header.sectionResized.connect(self._resized)
        self.table.viewport().installEventFilter(self)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filter_row(self.filter_box, self.state_box))
        layout.addWidget(self.table)

    def set_rows(
        self, rows: Sequence[FactRow], checked: set[int], order: Order | None = None
    ) -> None:
        current = self.current_fact_id()
        self.model.set_rows(rows, order)
        self.model.set_checked(checked)
        self.fit_columns()
        if current is not None:
            self.select_fact(current, emit=False)

    # -- columns sized to their content --------------------------------------------------
    def _resized(self, section: int, _old: int, _new: int) -> None:
        last = self.table.horizontalHeader().count() - 1
        if not self._fitting and 0 < section < last:
            self.sized_by_hand = True

    def natural_widths(self) -> list[int]:
        """Each column's width for its title and the text of its first rows (at most
        ``FIT_SAMPLE``, in the table's order), within ``MIN_WIDTH`` and ``MAX_WIDTH``."""
        fm = self.table.fontMetrics()
        header_fm = self.table.horizontalHeader().fontMetrics()
        sample = [self.model.fact(r) for r in range(min(FIT_SAMPLE, self.model.rowCount()))]
        widths = []
        for column in self.model.columns:
            texts = ("" if v is None else str(v) for v in map(column.value, sample))
            content = max((fm.horizontalAdvance(t) for t in texts), default=0)
            content += CELL_PADDING + (ICON_WIDTH if column.icon is not None else 0)
            title = header_fm.horizontalAdvance(column.title) + HEADER_PADDING
            widths.append(min(MAX_WIDTH, max(MIN_WIDTH, content, title)))
        return widths

    def fit_columns(self, measure: bool = True) -> None:
        """Size the columns to their content; when they do not all fit, the widest
        share what is left (none below ``SHARED_MIN``), elided, their full text in the
        tooltip. A person's own widths are kept."""
        if self.sized_by_hand or not self.model.rowCount():
            return
        if measure or not self._natural:
            self._natural = self.natural_widths()
        main = next((n for n, c in enumerate(self.model.columns) if c.main), None)
        room = self.table.viewport().width() - self.table.columnWidth(0)
        keep = [n for n, c in enumerate(self.model.columns) if c.keep]
        widths = capped(self._natural, room, main, keep)
        self._fitting = True
        try:
            for n, width in enumerate(widths, 1):
                self.table.setColumnWidth(n, width)
        finally:
            self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The table's viewport resized (shown, or the window resized): fit again. (The
        viewport, not this widget: a view filled while hidden gets its size last.)"""
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self.fit_columns(measure=False)
        return False

    def _filter_text(self, text: str) -> None:
        before = self.proxy.needle
        self.proxy.set_needle(text)
        if self.proxy.needle != before:
            self.filtered.emit()

    def _filter_state(self, _index: int) -> None:
        self.proxy.set_state(self.state_box.currentData() or "")
        self.filtered.emit()

    def is_filtered(self) -> bool:
        """Whether the filter box or the state filter hides rows."""
        return bool(self.proxy.needle or self.proxy.state)

    def shown_ids(self) -> set[int]:
        """The facts the filters let through (every fact when none is set)."""
        proxy, model = self.proxy, self.model
        return {
            model.fact(proxy.mapToSource(proxy.index(r, 0)).row()).id
            for r in range(proxy.rowCount())
        }

    def current_fact_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(FactIdRole) if index.isValid() else None

    def selected_fact_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        ids = [i.data(FactIdRole) for i in sorted(rows, key=lambda i: i.row())]
        current = self.current_fact_id()
        return ids or ([current] if current is not None else [])

    def select_fact(self, fact_id: int, emit: bool = True) -> bool:
        row = self.model.row_of(fact_id)
        if row < 0:
            return False
        # Blocked before the filter is emptied: the rows it brings back move the current
        # row, which would show (and put in the history) a fact nobody chose.
        self.table.selectionModel().blockSignals(not emit)
        index = self.proxy.mapFromSource(self.model.index(row, 1))
        if not index.isValid():  # hidden by the filter
            self.filter_box.clear()  # an emptied box filters at once
            self.state_box.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, 1))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.fact_selected.emit(current.data(FactIdRole))

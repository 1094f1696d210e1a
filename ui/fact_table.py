"""A table of facts: a Qt model over the ids of its rows, a filter box, sorting.

The ids come sorted and filtered from SQLite (``db.queries.view_ids``, read by the page
in a worker); a row's fact is read when Qt asks for it, a page of rows at a time, as
Anki's browser table does. Column 0 is a check box: checked facts are in the export
selection. Each view's columns are in ``app.view_columns``.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
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
from app.view_columns import ColumnSpec, ViewSpec
from app.views import FactSource, confidence_reasons
from search.analysis import fold
from ui.review_marks import STATES, state_icon, state_tip

FactIdRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(ColumnSpec):
    """A view's column (``app.view_columns.ColumnSpec``) as the window shows it, with
    a tooltip and an icon."""

    tooltip: Callable[[FactRow], str] | None = None
    icon: Callable[[FactRow], Any] | None = None


def columns_of(
    view: ViewSpec, tooltips: dict[str, Callable[[FactRow], str]] | None = None
) -> list[Column]:
    """The window's columns of a view (``app.view_columns``): the Confidence column
    gets the review state's icon and the reasons in its tooltip."""
    out = []
    for spec in view.columns:
        tooltip = (tooltips or {}).get(spec.title)
        icon = None
        if spec.confidence:
            tooltip = lambda f: f"{state_tip(f)}\n{confidence_reasons(f)}"  # noqa: E731
            icon = lambda f: state_icon(f.review)  # noqa: E731
        out.append(Column(**vars(spec), tooltip=tooltip, icon=icon))
    return out


def quietly_cleared(box: QLineEdit, pending: DebouncedFilter, state_box: QComboBox) -> None:
    """Empty a view's filter box and State filter without their signals (the caller
    reads the rows again), the pause the box was waiting for dropped."""
    for widget in (box, state_box):
        widget.blockSignals(True)
    pending.timer.stop()
    box.clear()
    state_box.setCurrentIndex(0)
    for widget in (box, state_box):
        widget.blockSignals(False)


def _checked(value: Any) -> bool:
    return int(getattr(value, "value", value)) == Qt.CheckState.Checked.value


@dataclass(frozen=True)
class RowQuery:
    """What a table shows: sorted by a column (0: in the selection; 1 …: the view's
    columns), the filter box's text folded, a review state ('' every one but rejected)."""

    column: int = 1
    descending: bool = False
    needle: str = ""
    state: str = ""


PAGE = 100
"""Rows read at once around a row Qt asks for (the rows on screen and a few more)."""


class FactTableModel(QAbstractTableModel):
    """One row per fact id, in the order SQLite gave; a row's fact is read (``source``,
    a page at a time, in a worker: ``fetch_later``) when Qt asks for it. Signals:
    check_toggled(int fact_id, bool checked); sort_requested() (a header click:
    ``query`` changed, rows to be read); rows_read() (facts read in a worker shown)."""

    check_toggled = Signal(int, bool)
    sort_requested = Signal()
    rows_read = Signal()

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._ids = array("q")
        """The rows' fact ids (8 bytes each: a view of 270,000 rows holds 2 MB, not the
        40 MB of a list and a dict of Python ints)."""
        self._checked: set[int] = set()
        self.query = RowQuery()
        self.source = FactSource()
        self.live: Callable[[list[FactRow]], None] | None = None
        """Asked for the live cells of facts read for the first time (the page computes
        them in a worker and calls :meth:`set_live`)."""
        self._live: dict[int, dict[int, Any]] = {}
        self._asked: set[int] = set()
        self.fetch_later: Callable[[list[int], Callable[[dict[int, FactRow]], None]], None] | None
        self.fetch_later = None
        """Reads facts in a worker and hands them to the callback on the GUI thread (set
        by the page); without it, rows are read when painted."""
        self._wanted: list[int] = []
        self._fetching = False

    # -- the rows ---------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int]) -> None:
        """Show these facts, in this order (their rows are read when shown)."""
        self.layoutAboutToBeChanged.emit()
        old = self._ids
        persistent = self.persistentIndexList()
        self._ids = array("q", ids)
        moved = []
        for index in persistent:
            row = index.row()
            new = self.row_of(old[row]) if 0 <= row < len(old) else -1
            moved.append(self.index(new, index.column()) if new >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def ids(self) -> list[int]:
        return self._ids.tolist()

    def rows_of(self, fact_ids: Iterable[int]) -> list[int]:
        """The rows of these facts (those shown), in one pass over the rows."""
        wanted = set(fact_ids)
        if len(wanted) <= 4:
            return [r for r in map(self.row_of, wanted) if r >= 0]
        return [n for n, fact_id in enumerate(self._ids) if fact_id in wanted]

    def forget(self, ids: Sequence[int] | None = None, facts: bool = True) -> None:
        """Read these rows (None: every row) again when next shown; ``facts`` False
        keeps the facts read (a new load's source is fresh: other views share it)."""
        if facts:
            self.source.forget(ids)
        if ids is None:
            self._live.clear()
            self._asked.clear()
        else:
            for fact_id in ids:
                self._live.pop(fact_id, None)
                self._asked.discard(fact_id)
        if self._ids:
            last = self.index(len(self._ids) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def fact_id(self, row: int) -> int:
        return self._ids[row]

    def fact(self, row: int) -> FactRow | None:
        """The fact of a row, read now (with the rows around it) when not read yet."""
        if not 0 <= row < len(self._ids):
            return None
        fact_id = self._ids[row]
        found = self.source.fetch(self._page(row))
        self._ask_live(found.values())
        return found.get(fact_id)

    def _page(self, row: int) -> list[int]:
        first = max(0, row - PAGE // 4)
        return self._ids[first : first + PAGE].tolist()

    def shown_fact(self, row: int) -> FactRow | None:
        """The fact of a row Qt paints: read already, or asked for in a worker
        (``fetch_later``) and None meanwhile (the row is blank until it arrives)."""
        fact_id = self._ids[row]
        if self.fetch_later is None:
            return self.fact(row)
        if self.source.has(fact_id):
            fact = self.source.cached(fact_id)
            if fact is not None and self.live is not None and fact_id not in self._asked:
                page = (self.source.cached(i) for i in self._page(row))
                self._ask_live(f for f in page if f is not None)  # the page at once
            return fact
        self._wanted = [i for i in self._page(row) if not self.source.has(i)]
        if not self._fetching:
            self._fetch_next()
        return None

    def _fetch_next(self) -> None:
        wanted, self._wanted = self._wanted, []
        wanted = [i for i in wanted if not self.source.has(i)]
        self._fetching = bool(wanted) and self.fetch_later is not None
        if self._fetching and self.fetch_later is not None:
            self.fetch_later(wanted, partial(self._arrived, wanted))

    def fetch_failed(self) -> None:
        """Reading rows failed (logged): rows are asked for again when painted."""
        self._fetching = False

    def _arrived(self, ids: list[int], found: dict[int, FactRow]) -> None:
        """Facts read in a worker: shown, and the next rows asked for read."""
        self.source.put(ids, found)
        self._ask_live(found.values())
        rows = self.rows_of(ids)
        if rows:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), last))
            self.rows_read.emit()
        self._fetch_next()

    def _ask_live(self, facts: Iterable[FactRow]) -> None:
        if self.live is None:
            return
        new = [f for f in facts if f.id not in self._asked]
        if new:
            self._asked.update(f.id for f in new)
            self.live(new)

    def forget_asked(self, ids: Iterable[int]) -> None:
        """These rows' live cells were not computed: asked for again when shown."""
        self._asked.difference_update(ids)

    def set_live(self, values: dict[int, dict[int, Any]]) -> None:
        """Live cells computed: {fact id: {column index: value}}."""
        self._live.update(values)
        rows = self.rows_of(values)
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), 1), self.index(max(rows), self.columnCount() - 1)
            )

    def live_value(self, fact_id: int, column: int) -> Any:
        return self._live.get(fact_id, {}).get(column)

    def value(self, fact: FactRow, column: int) -> Any:
        """A cell's value: the column's, or a live one (column: 0-based in ``columns``)."""
        spec = self.columns[column]
        return self.live_value(fact.id, column) if spec.live else spec.value(fact)

    def row_of(self, fact_id: int) -> int:
        try:
            return self._ids.index(fact_id)
        except ValueError:
            return -1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the rows are sorted again by SQLite (``sort_requested``);
        a live column does not sort."""
        if column < 0 or (column > 0 and self.columns[column - 1].live):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        query = replace(self.query, column=column, descending=descending)
        if query != self.query:
            self.query = query
            self.sort_requested.emit()

    def set_checked(self, fact_ids: set[int]) -> None:
        self._checked = set(fact_ids)
        if self._ids:
            last = self.index(len(self._ids) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.CheckStateRole])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

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
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        fact_id, col = self._ids[index.row()], index.column()
        if role == FactIdRole:
            return fact_id
        if col == 0:
            if role == Qt.ItemDataRole.CheckStateRole:
                state = fact_id in self._checked
                return Qt.CheckState.Checked if state else Qt.CheckState.Unchecked
            return None
        if role not in _SHOWN_ROLES:
            return None
        fact = self.shown_fact(index.row())
        if fact is None:
            return None
        column = self.columns[col - 1]
        if role == Qt.ItemDataRole.DecorationRole:
            return column.icon(fact) if column.icon is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(fact)
        value = self.value(fact, col - 1)
        return "" if value is None else str(value)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        fact_id, checked = self._ids[index.row()], _checked(value)
        (self._checked.add if checked else self._checked.discard)(fact_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.check_toggled.emit(fact_id, checked)
        return True


_SHOWN_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole,
)


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
    """A filter box over a sortable table. Sorting and filtering change the model's
    ``query``; the page owning the table reads the ids SQLite gives for it (in a worker:
    ``query_changed``) and shows them (:meth:`show_ids`). Signals: fact_selected(int
    fact_id); filtered() (the rows shown changed by the filter box or the state filter);
    query_changed() (rows to be read for ``model.query``); rows_shown() (the rows read for
    the query are shown)."""

    fact_selected = Signal(int)
    filtered = Signal()
    query_changed = Signal()
    rows_shown = Signal()

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FactTableModel(columns, self)
        self.model.sort_requested.connect(self.query_changed)
        self.model.rows_read.connect(self._rows_read)
        self._sampled = True
        self.query_now: Callable[[RowQuery], list[int]] | None = None
        """Reads the ids of a query at once (set by the page; used when a fact to be
        shown is hidden by the filter)."""
        self.filter_box = QLineEdit(placeholderText="Filter this view…", clearButtonEnabled=True)
        self.filter = DebouncedFilter(self.filter_box, self._filter_text)
        self.state_box = state_filter_box(self)
        self.state_box.currentIndexChanged.connect(self._filter_state)
        self.table = QTableView()
        self.table.setModel(self.model)
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
        self.set_default_sort(1)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filter_row(self.filter_box, self.state_box))
        layout.addWidget(self.table)

    def set_default_sort(self, column: int, descending: bool = False) -> None:
        """The order before a person clicks a header (set before the first rows)."""
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.model.query = replace(self.model.query, column=column, descending=descending)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def show_ids(self, ids: Sequence[int], checked: set[int] | None = None) -> None:
        """Show these facts (read for ``model.query``), the current one kept."""
        current = self.current_fact_id()
        self.model.set_ids(ids)
        if checked is not None:
            self.model.set_checked(checked)
        self.fit_columns()
        if current is not None and self.model.row_of(current) >= 0:
            self.select_fact(current, emit=False)
        self.rows_shown.emit()

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
        model = self.model
        ids = model.ids()[:FIT_SAMPLE]
        sample = [f for f in map(model.source.cached, ids) if f is not None]  # never reads
        self._sampled = len(sample) >= len(ids) // 2
        widths = []
        for n, column in enumerate(model.columns):
            texts = ("" if v is None else str(v) for v in (model.value(f, n) for f in sample))
            content = max((fm.horizontalAdvance(t) for t in texts), default=0)
            content += CELL_PADDING + (ICON_WIDTH if column.icon is not None else 0)
            if column.live:  # not computed yet: the room its default width gives
                content = max(content, column.width // 2)
            title = header_fm.horizontalAdvance(column.title) + HEADER_PADDING
            widths.append(min(MAX_WIDTH, max(MIN_WIDTH, content, title)))
        return widths

    def _rows_read(self) -> None:
        """Rows read in a worker: the columns are fitted to them if they were fitted
        before the first rows were read."""
        if not self._sampled:
            self.fit_columns()

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

    # -- filters ---------------------------------------------------------------------------
    def _filter_text(self, text: str) -> None:
        needle = fold(text).strip()
        if needle != self.model.query.needle:
            self.model.query = replace(self.model.query, needle=needle)
            self.query_changed.emit()

    def _filter_state(self, _index: int) -> None:
        state = self.state_box.currentData() or ""
        if state != self.model.query.state:
            self.model.query = replace(self.model.query, state=state)
            self.query_changed.emit()

    def is_filtered(self) -> bool:
        """Whether the filter box or the state filter hides rows."""
        return bool(self.model.query.needle or self.model.query.state)

    def shown_ids(self) -> set[int]:
        """The facts the filters let through (every fact when none is set)."""
        return set(self.model.ids())

    def current_fact_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(FactIdRole) if index.isValid() else None

    def selected_fact_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        ids = [i.data(FactIdRole) for i in sorted(rows, key=lambda i: i.row())]
        current = self.current_fact_id()
        return ids or ([current] if current is not None else [])

    def clear_filters(self) -> None:
        """Empty the filter box and the state filter without reading the rows again
        (the caller does)."""
        quietly_cleared(self.filter_box, self.filter, self.state_box)
        self.model.query = replace(self.model.query, needle="", state="")

    def select_fact(self, fact_id: int, emit: bool = True) -> bool:
        row = self.model.row_of(fact_id)
        if row < 0 and self.is_filtered() and self.query_now is not None:
            # hidden by the filter: the filters are emptied and the rows read at once
            self.clear_filters()
            self.model.set_ids(self.query_now(self.model.query))
            self.filtered.emit()
            row = self.model.row_of(fact_id)
        if row < 0:
            return False
        self.table.selectionModel().blockSignals(not emit)
        index = self.model.index(row, 1)
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

"""The Selection panel: the facts chosen for export, in export order.

Signals: order_changed(list ids); remove_requested(list ids); clear_requested();
export_requested(); fact_activated(int fact_id).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.plural import count_of

_Index = QModelIndex | QPersistentModelIndex
FactIdRole = Qt.ItemDataRole.UserRole + 1


class SelectionModel(QAbstractListModel):
    """One row per selected fact: (id, label)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str]] = []

    def set_rows(self, rows: list[tuple[int, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def ids(self) -> list[int]:
        return [i for i, _ in self._rows]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        fact_id, label = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return f"{index.row() + 1}. {label}"
        if role == FactIdRole:
            return fact_id
        return None


class SelectionPanel(QWidget):
    order_changed = Signal(list)
    remove_requested = Signal(list)
    clear_requested = Signal()
    export_requested = Signal()
    fact_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SelectionModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.activated.connect(lambda i: self.fact_activated.emit(i.data(FactIdRole)))
        self.count_label = QLabel()
        self.up_button = QPushButton("Up")
        self.down_button = QPushButton("Down")
        self.remove_button = QPushButton("Remove")
        self.clear_button = QPushButton("Clear")
        self.export_button = QPushButton("Export…")
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        self.remove_button.clicked.connect(self.remove_current)
        self.clear_button.clicked.connect(self.clear_requested)
        self.export_button.clicked.connect(self.export_requested)
        for key, slot in (
            ("Alt+Up", lambda: self.move_row(-1)),
            ("Alt+Down", lambda: self.move_row(1)),
            (QKeySequence.StandardKey.Delete, self.remove_current),
        ):
            QShortcut(QKeySequence(key), self.view, slot, context=Qt.ShortcutContext.WidgetShortcut)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.set_rows([])

    def set_rows(self, rows: list[tuple[int, str]]) -> None:
        current = self.view.currentIndex().data(FactIdRole)
        self.model.set_rows(rows)
        self.count_label.setText(
            f"{count_of(len(rows), 'fact')} chosen for export"
            if rows
            else "Nothing chosen yet: Ctrl+D adds a fact."
        )
        if current in self.model.ids():
            self.view.setCurrentIndex(self.model.index(self.model.ids().index(current)))
        for button in (self.remove_button, self.clear_button, self.export_button):
            button.setEnabled(bool(rows))
        for button in (self.up_button, self.down_button):  # one fact has nowhere to go
            button.setEnabled(len(rows) > 1)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [self.model.ids()[r] for r in rows]

    def move_row(self, step: int) -> None:
        """Move the one chosen row ``step`` places up (negative) or down."""
        ids = self.model.ids()
        chosen = self.selected_ids()
        if len(chosen) != 1:
            return
        row = ids.index(chosen[0])
        target = row + step
        if not 0 <= target < len(ids):
            return
        ids[row], ids[target] = ids[target], ids[row]
        labels = dict(self.model._rows)
        self.set_rows([(i, labels[i]) for i in ids])
        self.view.setCurrentIndex(self.model.index(target))
        self.order_changed.emit(ids)

    def remove_current(self) -> None:
        chosen = self.selected_ids()
        if chosen:
            self.remove_requested.emit(chosen)

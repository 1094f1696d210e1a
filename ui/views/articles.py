"""The Articles view: the search results (articles and facts) as a list.

Signals: hit_chosen(object hit, bool activated): the current result changed (False)
or was activated with Enter or a double click (True).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QSplitter, QVBoxLayout, QWidget

from ui.facet_panel import FacetPanel
from ui.html_delegate import HtmlDelegate
from ui.results_model import ResultsModel


class ArticlesPage(QWidget):
    hit_chosen = Signal(object, bool)
    title = "Articles"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = ResultsModel(self)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.view = QListView()
        self.view.setModel(self.results)
        self.view.setItemDelegate(HtmlDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setAlternatingRowColors(True)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.activated.connect(self._chosen)
        self.facets = FacetPanel()
        split = QSplitter()
        split.addWidget(self.facets)
        split.addWidget(self.view)
        split.setStretchFactor(1, 3)
        split.setSizes([230, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.label)
        layout.addWidget(split, 1)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.hit_chosen.emit(self.results.hit(current.row()), False)

    def _chosen(self, index: QModelIndex) -> None:
        self.hit_chosen.emit(self.results.hit(index.row()), True)

    def focus_table(self) -> None:
        self.view.setFocus()

"""The To review view: the facts nobody reviewed yet, the least certain first, walked
with the keyboard: ↑/↓ move, C confirms, X rejects, E edits, Enter opens the fact in
its view.
A switch shows the rejected facts instead, where X (or R) restores one.

Signals: review_requested(list fact_ids, str action) with action ``confirm``, ``reject``
or ``restore``; open_requested(int fact_id).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QSplitter

from app.view_columns import REVIEW
from app.view_columns import REVIEWED_TYPES as REVIEWED_TYPES
from app.views import confidence_reasons, fact_label
from ui.fact_table import Column, columns_of
from ui.views.base import FactPage

HELP = (
    "The facts nobody has checked yet, the least certain first. ↑/↓ move, C confirms "
    "(the fact is right), X rejects (it is wrong: hidden from views and exports), E edits "
    "it, Enter opens it in its view. Ctrl+Z undoes."
)
REJECTED_HELP = "The facts rejected: X or R restores the one selected. Ctrl+Z undoes."


class ReviewPage(FactPage):
    spec = REVIEW

    review_requested = Signal(list, str)
    open_requested = Signal(int)

    def columns(self) -> Sequence[Column]:
        tip = {"Fact": lambda f: f"{fact_label(f)}\n{confidence_reasons(f)}"}  # clipped: whole
        return columns_of(REVIEW, tip)

    def build(self, splitter: QSplitter) -> None:
        self.help = QLabel(HELP)
        self.help.setWordWrap(True)
        self.show_rejected = QCheckBox("Show the rejected facts instead")
        self.show_rejected.toggled.connect(self._mode_changed)
        self._rejected_mode = False
        splitter.addWidget(self.help)
        splitter.addWidget(self.show_rejected)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(2, 1)
        self.table.table.installEventFilter(self)

    def states(self) -> tuple[str, ...]:
        return ("rejected",) if self._rejected_mode else ("unreviewed",)

    def left(self) -> int:
        """How many facts are still to review (the status bar says it)."""
        return self.table.model.rowCount() if not self.show_rejected.isChecked() else 0

    def _mode_changed(self, rejected: bool) -> None:
        self._rejected_mode = rejected
        self.help.setText(REJECTED_HELP if rejected else HELP)
        self.table.show_ids(self._ids_now(self.table.model.query), set())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False
            ids = self.selected_fact_ids()
            key = event.key()
            if not ids:
                return False
            rejected = self.show_rejected.isChecked()
            if key == Qt.Key.Key_C and not rejected:
                self.review_requested.emit(ids, "confirm")
                return True
            if key == Qt.Key.Key_X or (key == Qt.Key.Key_R and rejected):
                self.review_requested.emit(ids, "restore" if rejected else "reject")
                return True
            if key == Qt.Key.Key_E and not rejected:
                self.review_requested.emit(ids[:1], "edit")
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not rejected:
                self.open_requested.emit(ids[0])
                return True
        return False

"""The Visits view: a timeline strip of the visits above a table of them; the strip
marks the visits the view's filter (text and review state) lets through."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSplitter, QWidget

from app.view_columns import VISITS
from app.views import ViewData
from db import queries
from ui.views.base import FactPage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.library import Library

MARKS = "visit marks"
"""The key of ``ViewData.prepared`` holding the strip's marks."""


def _day_number(value: str) -> float | None:
    """'2022-05-10' → a day count; '2022-05' and '2022' fall mid-month, mid-year."""
    try:
        parts = [int(p) for p in value.split("-")[:3]]
        year, month, day = [*parts, 0, 0][:3]
        return date(year, month or 7, day or (15 if month else 1)).toordinal()
    except (ValueError, TypeError):
        return None


class TimelineStrip(QWidget):
    """Visits as marks on a line of years. Signals: fact_clicked(int fact_id)."""

    fact_clicked = Signal(int)
    MARGIN = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(64)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._marks: list[tuple[float, int, str]] = []
        """The marks drawn: those of :attr:`_all` the view's filter lets through."""
        self._all: list[tuple[float, int, str]] = []
        self._shown: set[int] | None = None
        self._day_of: dict[int, float] = {}
        self.current: int | None = None
        self.loaded = False  # until the first set_marks: "Loading…", not "No dated visits"

    def sizeHint(self) -> QSize:
        return QSize(400, 72)

    @staticmethod
    def marks_of(starts: Sequence[tuple[str, int]]) -> list[tuple[float, int, str]]:
        """(day, fact id, date) of each dated visit, in order, from (start, fact id)
        pairs (no Qt: run in a worker)."""
        marks = []
        for start, fact_id in starts:
            day = _day_number(start)
            if day is not None:
                marks.append((day, fact_id, start))
        return sorted(marks)

    def set_marks(self, marks: list[tuple[float, int, str]]) -> None:
        self._all = marks
        self.loaded = True
        self.show_only(self._shown)

    def show_only(self, fact_ids: set[int] | None) -> None:
        """Mark only these visits (the view's filter lets them through); None: all."""
        self._shown = fact_ids
        marks = self._all
        self._marks = marks if fact_ids is None else [m for m in marks if m[1] in fact_ids]
        self._day_of = {fact_id: day for day, fact_id, _label in self._marks}
        self.update()

    def shown_ids(self) -> list[int]:
        """The visits marked on the strip, in date order."""
        return [fact_id for _day, fact_id, _label in self._marks]

    def set_current(self, fact_id: int | None) -> None:
        self.current = fact_id
        self.update()

    def _span(self) -> tuple[int, int]:
        """The years on the line: those of every visit, filtered or not (the line stays
        put while the filter changes)."""
        marks = self._all or self._marks
        first = date.fromordinal(int(marks[0][0])).year
        last = date.fromordinal(int(marks[-1][0])).year
        return first, max(last + 1, first + 1)

    def _x(self, day: float) -> float:
        first, last = self._span()
        lo, hi = date(first, 1, 1).toordinal(), date(last, 1, 1).toordinal()
        return self.MARGIN + (day - lo) / (hi - lo) * (self.width() - 2 * self.MARGIN)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if not self._marks:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            if not self.loaded:
                words = "Loading the visits…"
            elif self._all:
                words = "No dated visit matches the view's filter"
            else:
                words = "No dated visits"
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, words)
            return
        axis_y = self.height() - 22
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Text), 1))
        painter.drawLine(self.MARGIN, axis_y, self.width() - self.MARGIN, axis_y)
        first, last = self._span()
        step = max(1, (last - first) // max(1, self.width() // 60))
        for year in range(first, last + 1, step):
            x = self._x(date(year, 1, 1).toordinal())
            painter.drawLine(QPointF(x, axis_y - 3), QPointF(x, axis_y + 3))
            painter.drawText(
                QRectF(x - 30, axis_y + 4, 60, 16), Qt.AlignmentFlag.AlignHCenter, str(year)
            )
        # One mark per pixel column: thousands of visits fall on a few hundred columns,
        # and each mark drawn is a call into Qt (6,500 took 0.2 s per paint).
        lo, scale = self._x(0.0), self._x(1.0) - self._x(0.0)
        columns = sorted({round(lo + day * scale) for day, _id, _label in self._marks})
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Text), 1))
        painter.setBrush(pal.color(QPalette.ColorRole.Mid))
        for x in columns:
            painter.drawEllipse(QPointF(x, axis_y - 16), 6, 6)
        chosen = self._day_of.get(self.current) if self.current is not None else None
        if chosen is not None:
            painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
            painter.drawEllipse(QPointF(self._x(chosen), axis_y - 16), 8, 8)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self._marks:
            return
        x = event.position().x()
        # The marks are in day order: the nearest is beside the day under the pointer.
        lo, scale = self._x(0.0), self._x(1.0) - self._x(0.0)
        at = bisect.bisect_left(self._marks, ((x - lo) / scale,))
        near = self._marks[max(0, at - 1) : at + 1]
        day, fact_id, _ = min(near, key=lambda m: abs(self._x(m[0]) - x))
        if abs(self._x(day) - x) <= 12:
            self.fact_clicked.emit(fact_id)


class VisitsPage(FactPage):
    spec = VISITS

    def build(self, splitter: QSplitter) -> None:
        self.strip = TimelineStrip()
        self.strip.fact_clicked.connect(lambda i: self.select_fact(i))
        self.table.filtered.connect(self._follow_filter)
        splitter.addWidget(self.strip)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([80, 400])

    def prepare(self, data: ViewData, session: Session) -> None:
        super().prepare(data, session)
        starts = queries.starts(session.connection(), "visits")
        data.prepared[MARKS] = TimelineStrip.marks_of(starts)

    def set_data(self, data: ViewData, checked: set[int]) -> None:
        super().set_data(data, checked)
        marks = data.prepared.pop(MARKS, None)
        if marks is not None:
            self.strip.set_marks(marks)
            self._follow_filter()
        elif self.tasks is not None:  # read in a worker

            def work(library: Library, _ctx: object) -> list[tuple[float, int, str]]:
                starts = library.read(lambda s: queries.starts(s.connection(), "visits"))
                return TimelineStrip.marks_of(starts)

            def done(marks: list[tuple[float, int, str]]) -> None:
                self.strip.set_marks(marks)
                self._follow_filter()

            self.tasks.run(work, done)

    def _follow_filter(self) -> None:
        """The strip marks the visits the view's filter lets through."""
        table = self.table
        self.strip.show_only(table.shown_ids() if table.is_filtered() else None)

    def current_changed(self, fact_id: int) -> None:
        self.strip.set_current(fact_id)

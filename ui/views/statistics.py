"""The Statistics view: the figures in a table, and a chart of the selected metric.

The chart (``app/chart.py`` computes it, the PDF export draws the same) has a line per
country pair of the selected figure's metric and unit, on a time axis; targets are a
dashed line through hollow marks, a range (2019/2021, 2024-H1) a bar across its extent.
It is painted with QPainter: Qt Charts is not part of PySide6-Essentials (the package
Attaché depends on). Hovering a mark shows its figure; clicking one selects it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSplitter, QToolTip, QWidget

from app.chart import MOST_PAIRS, Chart, Layout, Mark, chart_of, charts, layout, narrowed
from app.fact_store import load_facts
from app.related import BY_PERIOD
from app.rows import FactRow
from app.view_columns import STATISTICS
from app.view_columns import period_order as period_order
from app.views import ViewData, text
from db import queries
from ui.views.base import FactPage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

TEXT_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine


class _Metrics:
    """``app.chart.Measure`` from the widget's font, rounded up to whole pixels."""

    def __init__(self, metrics: QFontMetricsF) -> None:
        self._metrics = metrics
        self.line = float(math.ceil(metrics.height()))

    def width(self, value: str) -> float:
        return float(math.ceil(self._metrics.horizontalAdvance(value)) + 1)


class MetricChart(QWidget):
    """The figures of one metric and unit over time, a line per country pair; the
    current figure's mark is ringed. Signals: fact_clicked(int fact_id)."""

    fact_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(150)
        self.setMouseTracking(False)
        self.chart: Chart | None = None
        self.current: int | None = None
        self.layout_: Layout | None = None
        self.drawn: list[tuple[str, str, QRectF]] = []
        """(role, text, bounding rectangle) of each text the last paint drew."""

    def sizeHint(self) -> QSize:
        return QSize(400, 220)

    @staticmethod
    def chart_for(fact: FactRow | None, figures: Sequence[FactRow]) -> Chart | None:
        """The chart of the metric and unit of ``fact``; without one, of the metric with
        the most figures that have a period (no Qt: run in a worker)."""
        pairs = [(f.id, f.data) for f in figures if not f.hidden]
        if fact is not None and fact.type == "statistics":
            metric, unit = text(fact.data.get("metric")), text(fact.data.get("unit"))
            return narrowed(chart_of(metric, unit, pairs), fact.id)
        every = charts(pairs)
        if not every:
            return None
        return narrowed(max(every, key=lambda c: (len(c.points), -every.index(c))))

    def show_chart(self, chart: Chart | None, current: int | None) -> None:
        self.chart, self.current, self.layout_ = chart, current, None
        self.update()

    def show_metric(self, fact: FactRow | None, figures: Sequence[FactRow]) -> None:
        """Chart the metric and unit of ``fact`` among ``figures`` (see :meth:`chart_for`)."""
        current = fact.id if fact is not None and fact.type == "statistics" else None
        self.show_chart(self.chart_for(fact, figures), current)

    def _layout(self) -> Layout | None:
        if self.chart is None:
            return None
        if self.layout_ is None or (self.layout_.width, self.layout_.height) != (
            self.width(),
            self.height(),
        ):
            measure = _Metrics(QFontMetricsF(self.font()))
            heading = _Metrics(QFontMetricsF(self._title_font()))
            self.layout_ = layout(
                self.chart, self.width(), self.height(), measure, self.current, heading
            )
        return self.layout_

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.layout_ = None
        super().resizeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        self.drawn = []
        chart_layout = self._layout()
        if chart_layout is None:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No figures to chart")
            return
        self._paint(painter, chart_layout, pal)

    def _paint(self, painter: QPainter, out: Layout, pal: QPalette) -> None:
        assert self.chart is not None
        fg = pal.color(QPalette.ColorRole.Text)
        base = pal.color(QPalette.ColorRole.Base)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        grid = QColor(fg)
        grid.setAlphaF(0.12)
        plot = out.plot
        painter.setPen(QPen(grid, 1))
        for y in out.y_grid:
            painter.drawLine(QPointF(plot.x, y), QPointF(plot.right, y))
        for x in out.x_grid:
            painter.drawLine(QPointF(x, plot.y), QPointF(x, plot.bottom))
        painter.setPen(QPen(muted, 1))
        axis_y = out.baseline if out.baseline is not None else plot.bottom
        painter.drawLine(QPointF(plot.x, axis_y), QPointF(plot.right, axis_y))
        painter.drawLine(QPointF(plot.x, plot.y), QPointF(plot.x, plot.bottom))

        series = self.chart.series
        for n, points in out.lines:
            if len(points) > 1:
                painter.setPen(self._pen(series[n].colour, series[n].target, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in points]))
        for mark in out.marks:
            self._mark(painter, mark, out.radius, base, pal)
        for n, box in out.legend:
            s = series[n]
            mid = box.y + box.h / 2
            painter.setPen(self._pen(s.colour, s.target, 2))
            painter.drawLine(QPointF(box.x, mid), QPointF(box.right, mid))
            self._dot(painter, box.x + box.w / 2, mid, out.radius, s.colour, s.target, base)

        light = base.lightness() > 128  # series colours read well on a light base only
        for item in out.texts:
            rect = QRectF(item.box.x, item.box.y, item.box.w, item.box.h)
            ink = muted if item.role in ("note", "empty", "x-tick", "y-tick") else fg
            if item.role == "value" and item.series is not None and light:
                ink = QColor(series[item.series].colour).darker(115)  # whose figure it is
            painter.setPen(ink)
            painter.setFont(self._title_font() if item.role == "title" else self.font())
            painter.drawText(rect, TEXT_FLAGS, item.text)
            drawn = painter.boundingRect(rect, TEXT_FLAGS, item.text)
            self.drawn.append((item.role, item.text, drawn))

    @staticmethod
    def _pen(colour: str, target: bool, width: float) -> QPen:
        pen = QPen(QColor(colour), width)
        if target:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    @staticmethod
    def _dot(
        painter: QPainter, x: float, y: float, r: float, colour: str, target: bool, base: QColor
    ) -> None:
        painter.setPen(QPen(QColor(colour), 1.5))
        painter.setBrush(base if target else QColor(colour))
        painter.drawEllipse(QPointF(x, y), r, r)

    def _mark(self, painter: QPainter, mark: Mark, r: float, base: QColor, pal: QPalette) -> None:
        assert self.chart is not None
        s = self.chart.series[mark.series]
        if mark.x1 > mark.x0:  # a range: a bar across the period, with end caps
            painter.setPen(QPen(QColor(s.colour), 1.5))
            painter.drawLine(QPointF(mark.x0, mark.y), QPointF(mark.x1, mark.y))
            for x in (mark.x0, mark.x1):
                painter.drawLine(QPointF(x, mark.y - r), QPointF(x, mark.y + r))
        self._dot(painter, mark.x, mark.y, r, s.colour, s.target, base)
        if mark.current:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(mark.x, mark.y), r + 3, r + 3)

    def _mark_at(self, pos: QPointF) -> Mark | None:
        chart_layout = self._layout()
        if chart_layout is None:
            return None
        return chart_layout.mark_at(pos.x(), pos.y(), chart_layout.radius + 4)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            mark = self._mark_at(QPointF(event.pos()))
            if mark is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), mark.point.tip, self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        mark = self._mark_at(event.position())
        if mark is not None and mark.point.fact_id is not None:
            self.fact_clicked.emit(mark.point.fact_id)
        super().mousePressEvent(event)


PAIR_COLUMNS = tuple(f"k{STATISTICS.column(title) + 1}" for title in ("Direction", "Countries"))
"""The stored keys a figure's country pair is read from (``app.chart.pair_label``)."""


def chart_figures(session: Session, fact_id: int | None) -> tuple[Chart | None, int | None]:
    """The chart of a figure's metric (None: of the metric with the most dated figures),
    read and laid out in a worker, with the figure to ring. Only the figures of the
    ``MOST_PAIRS`` country pairs drawn are read (a metric of 50,000 figures: tens of
    thousands of rows, for a chart that draws eight pairs)."""
    connection = session.connection()
    found = load_facts(session, ids=[fact_id]) if fact_id is not None else []
    fact = found[0] if found and found[0].type == "statistics" else None
    metric = (
        text(fact.data.get("metric"))
        if fact is not None
        else queries.top_topic(connection, "statistics", *BY_PERIOD)
    )
    if not metric:
        return None, None
    current = fact.id if fact is not None else None
    ids, left_out = queries.with_topic_in_groups(
        connection, "statistics", metric, STATISTICS.title, PAIR_COLUMNS, MOST_PAIRS, current
    )
    chart = MetricChart.chart_for(fact, load_facts(session, ids=ids))
    if chart is not None and left_out:
        chart = replace(chart, pairs_left_out=chart.pairs_left_out + left_out)
    return chart, current


class StatisticsPage(FactPage):
    spec = STATISTICS

    def build(self, splitter: QSplitter) -> None:
        self.chart = MetricChart()
        self.chart.fact_clicked.connect(lambda fact_id: self.select_fact(fact_id))
        self._chart_serial = 0
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([400, 200])

    def set_data(self, data: ViewData, checked: set[int]) -> None:
        super().set_data(data, checked)
        self._chart(self.current_fact_id())

    def current_changed(self, fact_id: int) -> None:
        self._chart(fact_id)

    def _chart(self, fact_id: int | None) -> None:
        """Chart the figure's metric (read in a worker; the newest asked wins)."""
        if self.tasks is None:
            return
        self._chart_serial += 1
        serial = self._chart_serial

        def done(found: tuple[Chart | None, int | None]) -> None:
            if serial == self._chart_serial:
                self.chart.show_chart(*found)

        self.tasks.run(
            lambda library, _ctx: library.read(lambda s: chart_figures(s, fact_id)), done
        )

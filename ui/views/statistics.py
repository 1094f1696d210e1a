"""The Statistics view: the figures in a table, and a chart of the selected metric.

The chart is painted with QPainter: Qt Charts is not part of PySide6-Essentials (the
package Attaché depends on), and a handful of bars needs no chart library. Actual
values are filled bars; targets are hollow dashed bars, so they never read as facts.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSplitter, QWidget

from app.rows import FactRow
from app.views import (
    ViewData,
    direction,
    human_number,
    metric_name,
    source_count,
    statistic_value,
    text,
)
from ui.fact_table import Column, confidence_column
from ui.views.base import FactPage


class MetricChart(QWidget):
    """Bars of one metric over its periods; the current fact's bar is highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(150)
        self.bars: list[tuple[str, float, bool, int]] = []  # period, value, is target, fact id
        self.heading = ""
        self.current: int | None = None

    def sizeHint(self) -> QSize:
        return QSize(400, 200)

    def show_metric(self, fact: FactRow | None, all_stats: Sequence[FactRow]) -> None:
        self.bars, self.heading, self.current = [], "", None
        if fact is not None:
            metric, unit = fact.data.get("metric"), fact.data.get("unit")
            same = [
                f
                for f in all_stats
                if f.data.get("metric") == metric
                and f.data.get("unit") == unit
                and isinstance(f.data.get("value"), int | float)
            ]
            same.sort(
                key=lambda f: (
                    text(f.data.get("period")) or "~",
                    f.data.get("qualifier") == "target",
                )
            )
            self.bars = [
                (
                    text(f.data.get("period")) or "no period",
                    float(f.data["value"]),
                    f.data.get("qualifier") == "target",
                    f.id,
                )
                for f in same
            ]
            self.heading = f"{metric_name(fact.data).capitalize()} ({text(unit)})"
            self.current = fact.id
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fg = pal.color(QPalette.ColorRole.Text)
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if not self.bars:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, "Select a figure to chart its metric"
            )
            return
        line = self.fontMetrics().height()
        painter.setPen(fg)
        painter.drawText(
            QRectF(8, 4, self.width() - 16, line), Qt.AlignmentFlag.AlignLeft, self.heading
        )
        legend = "■ actual   ▭ target (dashed)"
        painter.drawText(QRectF(8, 4, self.width() - 16, line), Qt.AlignmentFlag.AlignRight, legend)
        top, bottom = 8 + 2 * line, self.height() - 2 * line - 4
        top_value = max(v for _p, v, _t, _i in self.bars) or 1.0
        slot = (self.width() - 16) / len(self.bars)
        width = min(80.0, slot * 0.6)
        for n, (period, value, target, fact_id) in enumerate(self.bars):
            x = 8 + n * slot + (slot - width) / 2
            height = max(1.0, (bottom - top) * value / top_value)
            rect = QRectF(x, bottom - height, width, height)
            chosen = fact_id == self.current
            accent = pal.color(QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Mid)
            if target:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(accent if chosen else fg, 2, Qt.PenStyle.DashLine))
            else:
                painter.setBrush(accent)
                painter.setPen(QPen(fg, 1))
            painter.drawRect(rect)
            painter.setPen(fg)
            label = ("target " if target else "") + human_number(value)
            painter.drawText(
                QRectF(x - slot / 2, rect.top() - line - 2, width + slot, line),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
            painter.drawText(
                QRectF(x - slot / 2, bottom + 4, width + slot, line),
                Qt.AlignmentFlag.AlignHCenter,
                period,
            )
        painter.drawLine(8, int(bottom), self.width() - 8, int(bottom))


class StatisticsPage(FactPage):
    title = "Statistics"
    fact_types = ("statistics",)

    def columns(self) -> Sequence[Column]:
        return [
            Column("Metric", lambda f: metric_name(f.data), width=150),
            Column(
                "Value", lambda f: statistic_value(f.data), lambda f: f.data.get("value") or 0, 170
            ),
            Column(
                "Period",
                lambda f: text(f.data.get("period")),
                lambda f: text(f.data.get("period")) or "~",
                120,
            ),
            Column("Direction", lambda f: direction(f.data), width=80),
            Column("Countries", lambda f: text(f.data.get("countries")), width=80),
            Column("Sources", source_count, width=60),
            confidence_column(),
        ]

    def build(self, splitter: QSplitter) -> None:
        self.chart = MetricChart()
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([400, 200])

    def set_data(self, data: ViewData, checked: set[int]) -> None:
        super().set_data(data, checked)
        current = self.current_fact_id()
        self.chart.show_metric(data.facts.get(current) if current else None, self.rows(data))

    def current_changed(self, fact_id: int) -> None:
        self.chart.show_metric(self.data.facts.get(fact_id), self.rows(self.data))

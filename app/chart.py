"""The statistics chart, computed once for the window and the PDF (no Qt, no reportlab).

:func:`charts` groups figures by metric and unit; each :class:`Chart` holds one
:class:`Series` per country pair and kind (actual figures, targets), its points on a
time axis (:func:`period_span`: "2024", "2024-05", "2024-05-12", "2019/2021",
"2024-01/2024-06", "2023-H1", "Q3 2024"). Figures without a period are counted, not
plotted. :func:`layout` places everything in a box of a given size, in the units of a
:class:`Measure` (pixels in the window, points in the PDF), top-left origin: the title,
the legend, the axes and their tick labels, the marks and the value labels, and a note
saying how many figures were left out. No two texts overlap and every text lies inside
the box: tick and value labels that have no room are left out (value labels are tried
above, below and beside their point). ``ui/views/statistics.py`` paints a layout with
QPainter, ``app/export/pdf.py`` draws the same layout as a reportlab Drawing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from app.export.common import QUALIFIER_PREFIX, metric_label
from app.number_format import format_amount, format_number

ACTUAL_QUALIFIERS = frozenset({"", "actual", "more_than", "less_than", "about"})
COLOURS = ("#3b6e99", "#c0392b", "#2e8b57", "#8e44ad", "#d68910", "#16a085", "#7f5a3c")
"""Series colours, one per country pair (a pair's targets share its colour)."""
ELLIPSIS = "…"


def _text(value: Any) -> str:
    return "" if value is None else str(value)


# ---------------------------------------------------------------------------
# Periods on a time axis (fractional years)


_HALF_OR_QUARTER = (
    re.compile(r"(?P<y>\d{4})\s*-?\s*(?P<k>[HQ])(?P<n>[1-4])", re.IGNORECASE),
    re.compile(r"(?P<k>[HQ])(?P<n>[1-4])\s*-?\s*(?P<y>\d{4})", re.IGNORECASE),
)


def _one(value: str) -> tuple[float, float, bool] | None:
    """(start, end, is a part of a year) of one date, month, year, half or quarter."""
    s = value.strip()
    if re.fullmatch(r"\d{4}", s):
        y = int(s)
        return float(y), float(y + 1), False
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", s)
    if m:
        y, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            return None
        return y + (month - 1) / 12, y + month / 12, False
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        first = date(day.year, 1, 1).toordinal()
        days = date(day.year + 1, 1, 1).toordinal() - first
        offset = day.toordinal() - first
        return day.year + offset / days, day.year + (offset + 1) / days, False
    for pattern in _HALF_OR_QUARTER:
        m = pattern.fullmatch(s)
        if m:
            size = 0.5 if m["k"].upper() == "H" else 0.25
            n = int(m["n"])
            if n * size > 1:
                return None
            y = int(m["y"])
            return y + (n - 1) * size, y + n * size, True
    return None


def period_span(period: Any) -> tuple[float, float, bool] | None:
    """(start, end, is a range) in fractional years, or None when the text is no period:
    "2024" is 2024.0–2025.0, "2024-05" May, "2019/2021" 2019.0–2022.0, "2023-H1" the
    first half of 2023. A range (two ends, a half or a quarter) is drawn with its extent."""
    s = _text(period).strip()
    if not s:
        return None
    if "/" in s:
        first, _sep, last = s.partition("/")
        a, b = _one(first), _one(last)
        if a is None or b is None or b[1] <= a[0]:
            return None
        return a[0], b[1], True
    return _one(s)


# ---------------------------------------------------------------------------
# Series


@dataclass(frozen=True)
class Point:
    fact_id: int | None
    period: str
    start: float
    end: float
    ranged: bool
    value: float
    label: str
    """The value as the tables write it: ``$3.1 billion``, ``> 20 visits``."""
    tip: str
    """One line for a tooltip: pair, period, value, target."""

    @property
    def x(self) -> float:
        return (self.start + self.end) / 2


@dataclass
class Series:
    pair: str
    target: bool
    colour: str
    points: list[Point] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.pair} target" if self.target else self.pair


@dataclass
class Chart:
    """The figures of one metric in one unit: a series per country pair and kind."""

    metric: str
    unit: str
    series: list[Series]
    undated: int = 0
    """Figures of this metric and unit without a period: not plotted."""
    pairs_left_out: int = 0
    """Country pairs not drawn (``narrowed``: a chart of thousands of pairs is a blot)."""

    @property
    def points(self) -> list[Point]:
        return [p for s in self.series for p in s.points]

    @property
    def periods(self) -> set[str]:
        return {p.period for p in self.points}

    @property
    def scale(self) -> tuple[float, str]:
        """The divisor of the axis' numbers and its word: (1e9, "billion")."""
        top = max((abs(p.value) for p in self.points), default=0.0)
        for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if top >= size:
                return size, word
        return 1.0, ""

    @property
    def unit_label(self) -> str:
        """``USD billion``, ``million people``, ``people``."""
        word = self.scale[1]
        unit = self.unit
        if len(unit) == 3 and unit.isupper():
            return " ".join(x for x in (unit, word) if x)
        return " ".join(x for x in (word, unit) if x)

    @property
    def title(self) -> str:
        unit = self.unit_label
        head = f"{metric_label(self.metric) or 'Figures'} by period"
        return f"{head} ({unit})" if unit else head

    @property
    def note(self) -> str:
        """What the chart leaves out, or ''."""
        n, parts = self.undated, []
        if n == 1:
            parts.append("1 figure without a period is not plotted")
        elif n:
            parts.append(f"{n} figures without a period are not plotted")
        pairs = self.pairs_left_out
        if pairs:
            parts.append(f"{pairs} more country pair{'s' if pairs > 1 else ''} not drawn")
        return "; ".join(parts)


def pair_label(data: Mapping[str, Any]) -> str:
    """``KZ → TR`` for a figure with a direction, else the pair ``CL – PE``."""
    src, dst = _text(data.get("from_country")), _text(data.get("to_country"))
    if src or dst:
        return f"{src or '?'} → {dst or '?'}"
    countries = data.get("countries") or []
    if isinstance(countries, str):
        countries = [countries]
    names = sorted({_text(c) for c in countries if c})
    return " – ".join(names) or "no country"


def _value_label(data: Mapping[str, Any]) -> str:
    qualifier = _text(data.get("qualifier"))
    prefix = "" if qualifier == "target" else QUALIFIER_PREFIX.get(qualifier, "")
    return prefix + format_amount(data.get("value"), data.get("unit"))


def _chartable(data: Mapping[str, Any]) -> bool:
    value = data.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if not math.isfinite(float(value)):
        return False
    return _text(data.get("qualifier")) in ACTUAL_QUALIFIERS | {"target"}


def charts(figures: Iterable[tuple[int | None, Mapping[str, Any]]]) -> list[Chart]:
    """Charts of (fact id or None, statistic fields) pairs: one per (metric, unit), in
    the order the metrics first appear; series ordered by pair, actual before target."""
    groups: dict[tuple[str, str], list[tuple[int | None, Mapping[str, Any]]]] = {}
    for fact_id, data in figures:
        if _chartable(data):
            key = (_text(data.get("metric")), _text(data.get("unit")))
            groups.setdefault(key, []).append((fact_id, data))
    return [_chart(metric, unit, members) for (metric, unit), members in groups.items()]


def chart_of(
    metric: str, unit: str, figures: Iterable[tuple[int | None, Mapping[str, Any]]]
) -> Chart:
    """The chart of one metric and unit (empty when no figure has them)."""
    for chart in charts(figures):
        if chart.metric == metric and chart.unit == unit:
            return chart
    return Chart(metric, unit, [])


MOST_PAIRS = 8
"""Country pairs the window's chart draws at most (``narrowed``)."""


def narrowed(chart: Chart, current: int | None = None, most: int = MOST_PAIRS) -> Chart:
    """The chart with at most ``most`` country pairs: the pair of figure ``current``
    first, then those with the most figures; the note says how many are left out."""
    counts: dict[str, int] = {}
    mine = ""
    for series in chart.series:
        counts[series.pair] = counts.get(series.pair, 0) + len(series.points)
        if current is not None and any(p.fact_id == current for p in series.points):
            mine = series.pair
    if len(counts) <= most:
        return chart
    ranked = sorted(counts, key=lambda pair: (pair != mine, -counts[pair], pair))
    kept = set(ranked[:most])
    drawn = [s for s in chart.series if s.pair in kept]
    return Chart(chart.metric, chart.unit, drawn, chart.undated, len(counts) - len(kept))


def _chart(metric: str, unit: str, members: list[tuple[int | None, Mapping[str, Any]]]) -> Chart:
    undated = 0
    by_key: dict[tuple[str, bool], list[Point]] = {}
    for fact_id, data in members:
        period = _text(data.get("period"))
        span = period_span(period)
        if span is None:
            undated += 1
            continue
        pair = pair_label(data)
        target = _text(data.get("qualifier")) == "target"
        label = _value_label(data)
        tip = f"{pair}, {period}: {'target ' if target else ''}{label}"
        point = Point(fact_id, period, span[0], span[1], span[2], float(data["value"]), label, tip)
        by_key.setdefault((pair, target), []).append(point)
    pairs = sorted({pair for pair, _t in by_key})
    colour = {pair: COLOURS[n % len(COLOURS)] for n, pair in enumerate(pairs)}
    series = [
        Series(pair, target, colour[pair], sorted(points, key=lambda p: (p.x, p.value)))
        for (pair, target), points in sorted(by_key.items())
    ]
    return Chart(metric, unit, series, undated)


# ---------------------------------------------------------------------------
# Layout


class Measure(Protocol):
    """Text metrics of the renderer: the width of a text, the height of a line."""

    line: float

    def width(self, text: str) -> float: ...


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def intersects(self, other: Box) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def inside(self, other: Box) -> bool:
        eps = 1e-6
        return (
            self.x >= other.x - eps
            and self.y >= other.y - eps
            and self.right <= other.right + eps
            and self.bottom <= other.bottom + eps
        )


@dataclass(frozen=True)
class Text:
    text: str
    box: Box
    role: str
    """``title``, ``legend``, ``note``, ``x-tick``, ``y-tick``, ``value`` or ``empty``."""
    series: int | None = None


@dataclass(frozen=True)
class Mark:
    series: int
    point: Point
    x: float
    y: float
    x0: float
    """Left and right ends of the period when it is a range (else both are ``x``)."""
    x1: float
    current: bool = False


@dataclass
class Layout:
    chart: Chart
    width: float
    height: float
    plot: Box
    texts: list[Text] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    lines: list[tuple[int, list[tuple[float, float]]]] = field(default_factory=list)
    """(series index, polyline): a line through a series' figures of periods of the same
    length, in time order."""
    legend: list[tuple[int, Box]] = field(default_factory=list)
    """Per series, the box its sample (a line and a mark) is drawn in."""
    x_grid: list[float] = field(default_factory=list)
    y_grid: list[float] = field(default_factory=list)
    baseline: float | None = None
    """The y of the value 0 when the axis holds it."""
    radius: float = 3.0

    def of_role(self, role: str) -> list[Text]:
        return [t for t in self.texts if t.role == role]

    def mark_at(self, x: float, y: float, reach: float) -> Mark | None:
        """The mark nearest (x, y) within ``reach``, for tooltips."""
        best: tuple[float, Mark] | None = None
        for mark in self.marks:
            d = math.hypot(mark.x - x, mark.y - y)
            if d <= reach and (best is None or d < best[0]):
                best = (d, mark)
        return best[1] if best else None


def elide(text: str, width: float, measure: Measure) -> str:
    """``text`` cut with an ellipsis to fit ``width`` ('' when not even that fits)."""
    if measure.width(text) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if measure.width(text[:mid].rstrip() + ELLIPSIS) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS if lo else ""


def nice_ticks(lo: float, hi: float, most: int) -> list[float]:
    """At most ``most`` (≥ 2) round values covering lo..hi: 0, 2.5, 5, 7.5…"""
    if hi <= lo:
        hi = lo + 1.0
    most = max(2, most)
    raw = (hi - lo) / (most - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    ticks: list[float] = []
    for m in (1, 2, 2.5, 5, 10, 20):
        step = m * magnitude
        first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
        ticks = [round(k * step, 10) for k in range(first, last + 1)]
        if len(ticks) <= most:
            return ticks
    return ticks


class _Placer:
    """Texts placed one by one; a text that would overlap a placed one (or a box kept
    clear) or leave the bounds is refused."""

    def __init__(self, bounds: Box) -> None:
        self.bounds = bounds
        self.texts: list[Text] = []
        self.blocked: list[Box] = []

    def fits(self, box: Box, within: Box | None = None) -> bool:
        if not box.inside(within or self.bounds) or not box.inside(self.bounds):
            return False
        return not any(box.intersects(t.box) for t in self.texts) and not any(
            box.intersects(b) for b in self.blocked
        )

    def place(self, text: Text, within: Box | None = None) -> bool:
        if not text.text or not self.fits(text.box, within):
            return False
        self.texts.append(text)
        return True


def _x_axis(
    lo: float, hi: float, fine: bool, plot_w: float, measure: Measure
) -> tuple[float, float, list[tuple[float, float, str]], bool]:
    """The time axis: its ends, rounded out to whole years (or months, for figures of
    parts of a year over three years or less), its labels (tick, centre, text), thinned
    so that each has room, and whether it counts months. A year's label sits in the
    middle of the year when every year is labelled, else on its tick, as a month's."""
    gap = measure.line
    if fine and hi - lo <= 3:
        m_lo, m_hi = math.floor(lo * 12 + 1e-9), math.ceil(hi * 12 - 1e-9)
        per_month = plot_w / max(1, m_hi - m_lo)
        label_w = measure.width("2024-05") + gap
        for step in (1, 2, 3, 6):
            if step * per_month >= label_w:
                labels = [
                    (m / 12, m / 12, f"{m // 12}-{m % 12 + 1:02d}")
                    for m in range(m_lo, m_hi + 1)
                    if (m % 12) % step == 0
                ]
                return m_lo / 12, m_hi / 12, labels, True
    y_lo, y_hi = math.floor(lo + 1e-9), math.ceil(hi - 1e-9)
    per_year = plot_w / max(1, y_hi - y_lo)
    label_w = measure.width("2024") + gap
    step = 1
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if step * per_year >= label_w:
            break
    middle = 0.5 if step == 1 else 0.0  # thinned, a label marks its year's start
    labels = [(float(y), y + middle, str(y)) for y in range(y_lo, y_hi) if y % step == 0]
    return float(y_lo), float(y_hi), labels, False


def layout(
    chart: Chart,
    width: float,
    height: float,
    measure: Measure,
    current: int | None = None,
    title_measure: Measure | None = None,
) -> Layout:
    """Everything of ``chart`` placed in a ``width`` × ``height`` box (see the module's
    docstring); ``current`` is the fact whose mark is ringed and labelled first;
    ``title_measure`` measures the title when it is set in another font."""
    line = measure.line
    pad = max(3.0, line * 0.4)
    bounds = Box(0, 0, width, height)
    placer = _Placer(bounds)
    inner_w = max(0.0, width - 2 * pad)
    y = pad
    heading = title_measure or measure
    title = elide(chart.title, inner_w, heading)
    placer.place(Text(title, Box(pad, y, heading.width(title), heading.line), "title"))
    y += heading.line + line * 0.3
    out = Layout(chart, width, height, Box(pad, y, inner_w, 0))
    if not chart.points:
        message = "No figure of this metric has a period to plot" if chart.undated else ""
        message = elide(message, inner_w, measure)
        box = Box((width - measure.width(message)) / 2, (height - line) / 2, 0, line)
        placer.place(Text(message, Box(box.x, box.y, measure.width(message), line), "empty"))
        out.texts = placer.texts
        return out

    # The legend (a sample and a label per series, in rows) and the note at the foot
    # take what height they need; on a chart too low for them and a plot of three
    # lines, the legend goes first, then the note.
    radius = max(2.5, line * 0.28)
    head = line + radius + 3  # room above the highest mark for its label
    sample_w = line * 2.2
    entries: list[tuple[int, str, float, int]] = []  # series, label, x, row
    x, row = pad, 0
    for n, series in enumerate(chart.series):
        label = elide(series.label, inner_w - sample_w - 4, measure)
        entry_w = sample_w + 4 + measure.width(label)
        if x > pad and x + entry_w > pad + inner_w:
            x, row = pad, row + 1
        if row >= 3:
            break
        entries.append((n, label, x, row))
        x += entry_w + line
    legend_h = (entries[-1][3] + 1) * line + line * 0.4 if entries else 0.0
    note = elide(chart.note, inner_w, measure)
    note_h = line * 1.3 if note else 0.0
    axis_h = line * 2.0  # the x labels and the gap above them, the top label's half
    room = height - pad - y - axis_h
    while entries and room - legend_h - note_h < head + 2 * line:
        entries = [e for e in entries if e[3] < entries[-1][3]]  # drop the last row
        legend_h = (entries[-1][3] + 1) * line + line * 0.4 if entries else 0.0
    if room - legend_h - note_h < head + 2 * line:
        note, note_h = "", 0.0
    for n, label, ex, erow in entries:
        top = y + erow * line
        text_box = Box(ex + sample_w + 4, top, measure.width(label), line)
        if placer.place(Text(label, text_box, "legend", n)):
            sample = Box(ex, top, sample_w, line)
            placer.blocked.append(sample)
            out.legend.append((n, sample))
    y += legend_h

    bottom = height - pad
    if note:
        bottom -= line
        placer.place(Text(note, Box(pad, bottom, measure.width(note), line), "note"))
        bottom -= line * 0.3
    x_label_top = bottom - line
    plot_bottom = x_label_top - max(2.0, line * 0.5)
    plot_top = y + line * 0.5  # the top tick label's upper half sits above the plot
    head = min(head, max(0.0, (plot_bottom - plot_top) * 0.4))

    # The value axis: round ticks, as many as the height leaves room for.
    divisor = chart.scale[0]
    values = [p.value / divisor for p in chart.points]
    span_h = max(1.0, plot_bottom - plot_top - head)
    ticks = nice_ticks(min(0.0, *values), max(0.0, *values), int(span_h // (line * 1.6)) + 1)
    v_lo, v_hi = ticks[0], ticks[-1]
    tick_texts = [format_number(t) for t in ticks]
    left = pad + max(measure.width(t) for t in tick_texts) + line * 0.4
    plot = Box(left, plot_top, max(1.0, width - pad - left), max(1.0, plot_bottom - plot_top))
    radius = min(radius, plot.h / 4)
    out.plot, out.radius = plot, radius

    def to_y(v: float) -> float:
        return plot.bottom - (v - v_lo) / (v_hi - v_lo) * (plot.h - head)

    for t, label in zip(ticks, tick_texts, strict=True):
        ty = to_y(t)
        out.y_grid.append(ty)
        w = measure.width(label)
        placer.place(Text(label, Box(left - line * 0.4 - w, ty - line / 2, w, line), "y-tick"))
    if v_lo <= 0 <= v_hi:
        out.baseline = to_y(0.0)

    # The time axis: whole years (or months), labels thinned to fit.
    lo = min(p.start for p in chart.points)
    hi = max(p.end for p in chart.points)
    fine = any(p.end - p.start < 0.99 or abs(p.start - round(p.start)) > 1e-6 for p in chart.points)
    inset = min(radius + 2, plot.w / 4)
    x_lo, x_hi, x_labels, months = _x_axis(lo, hi, fine, plot.w - 2 * inset, measure)

    def to_x(t: float) -> float:
        return plot.x + inset + (t - x_lo) / (x_hi - x_lo) * (plot.w - 2 * inset)

    for tick, centre, label in x_labels:
        out.x_grid.append(to_x(tick))
        w = measure.width(label)
        lx = min(max(to_x(centre) - w / 2, pad), width - pad - w)  # the ends stay inside
        placer.place(Text(label, Box(lx, x_label_top, w, line), "x-tick"))
    if not months:
        out.x_grid.append(to_x(x_hi))

    # Marks, and a line through the figures of periods of one length (a year's figure
    # and a half-year's are not joined: the line would show a fall that is none).
    for n, series in enumerate(chart.series):
        runs: dict[int, list[tuple[float, float]]] = {}
        for p in series.points:
            mx, my = to_x(p.x), to_y(p.value / divisor)
            # A range's extent is drawn; on an axis of months, a year's too.
            extent = p.ranged or (months and p.end - p.start > 1 / 12 + 1e-6)
            x0, x1 = (to_x(p.start), to_x(p.end)) if extent else (mx, mx)
            chosen = current is not None and p.fact_id == current
            out.marks.append(Mark(n, p, mx, my, x0, x1, chosen))
            runs.setdefault(round((p.end - p.start) * 365), []).append((mx, my))
        out.lines.extend((n, run) for run in runs.values() if len(run) > 1)
    for mark in out.marks:
        placer.blocked.append(Box(mark.x - radius, mark.y - radius, 2 * radius, 2 * radius))

    # Value labels where there is room: the current figure's first, then each series'
    # latest and earliest, then the others from the latest back.
    def priority(mark: Mark) -> tuple[int, float]:
        points = chart.series[mark.series].points
        if mark.current:
            return (0, 0.0)
        if mark.point is points[-1]:
            return (1, -mark.x)
        if mark.point is points[0]:
            return (2, -mark.x)
        return (3, -mark.x)

    gap = 2.0
    for mark in sorted(out.marks, key=priority):
        label = mark.point.label
        w = measure.width(label)
        r = radius + gap
        candidates = [
            (mark.x - w / 2, mark.y - r - line),
            (mark.x - w / 2, mark.y + r),
            (mark.x - r, mark.y - r - line),
            (mark.x + r - w, mark.y - r - line),
            (mark.x - r, mark.y + r),
            (mark.x + r - w, mark.y + r),
            (mark.x + r, mark.y - line / 2),
            (mark.x - r - w, mark.y - line / 2),
        ]
        for cx, cy in candidates:
            if placer.place(Text(label, Box(cx, cy, w, line), "value", mark.series), plot):
                break
    out.texts = placer.texts
    return out

"""The window's table views and their columns, with no Qt: one registry.

Each :class:`ViewSpec` names a view, the fact types it lists and its columns. A column
gives a fact's cell text (``value``) and, if it sorts otherwise, its sort key (``sort``).
Both are read twice: when a fact is written, ``app.view_rows`` stores each view's sort
keys and filter text for it (the views sort and filter in SQLite), and when a row is on
screen, the window shows ``value`` of the fact read then. A ``live`` column depends on
other facts (the visit an agreement belongs to, the facts naming a person): it is not
stored, so it does not sort, and the window computes it for the rows on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from app import fact_types
from app.chart import period_span
from app.name_spelling import display_name
from app.rows import FactRow
from app.views import (
    confidence_text,
    direction,
    fact_date,
    fact_label,
    metric_name,
    source_count,
    statistic_value,
    text,
    visit_dates,
)


@dataclass(frozen=True)
class ColumnSpec:
    title: str
    value: Callable[[FactRow], Any]
    sort: Callable[[FactRow], Any] | None = None
    width: int = 120
    main: bool = False
    """The view's main column (a title): on a small screen it keeps room first."""
    keep: bool = False
    """Never narrower than its content (a short cell whose tooltip says something else)."""
    live: bool = False
    """Computed from other facts when shown (not stored, not sortable)."""
    confidence: bool = False
    """The Confidence column (the window adds the review state's icon and the reasons)."""


@dataclass(frozen=True)
class ViewSpec:
    title: str
    fact_types: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    dated_only: bool = False
    """Lists only the facts with a date (``app.views.fact_date``): the Timeline."""

    def column(self, title: str) -> int:
        """The index of a column by its title."""
        return next(n for n, c in enumerate(self.columns) if c.title == title)


def _confidence() -> ColumnSpec:
    """Every fact view's Confidence column: sorts by the figure, a person's confirmed
    facts above all."""
    return ColumnSpec(
        "Confidence", confidence_text, lambda f: f.confidence, 110, keep=True, confidence=True
    )


def _sources() -> ColumnSpec:
    return ColumnSpec("Sources", source_count, width=60)


def _field(name: str) -> Callable[[FactRow], str]:
    return lambda f: text(f.data.get(name))


def _count(f: FactRow) -> str:
    more = "more than " if f.data.get("count_qualifier") == "more_than" else ""
    return f"{more}{text(f.data.get('count') or 1)}"


def period_order(fact: FactRow) -> float | str:
    """A figure's period as the Period column sorts it: the middle of its span in time
    ("2024-H1" before "2024-07", "2019/2021" at 2020.5); text it cannot place after
    those; '' (last in both directions) when it has none."""
    period = text(fact.data.get("period"))
    span = period_span(period)
    return (span[0] + span[1]) / 2 if span else period


REVIEWED_TYPES = tuple(t.name for t in fact_types.REGISTRY if t.has_confidence)
"""The types the To review view lists (those with a confidence)."""

VISITS = ViewSpec(
    "Visits",
    ("visits",),
    (
        ColumnSpec("Date", lambda f: visit_dates(f.data), _field("start"), 170),
        ColumnSpec("Visitor", _field("visitor"), width=170),
        ColumnSpec("Host", _field("host"), width=170),
        ColumnSpec("City", _field("city"), width=100),
        ColumnSpec("Kind", _field("kind"), width=80),  # empty: not said
        ColumnSpec("Status", lambda f: text(f.data.get("status") or "held"), width=70),
        _sources(),
        _confidence(),
    ),
)
AGREEMENTS = ViewSpec(
    "Agreements",
    ("agreements",),
    (
        ColumnSpec("Date", _field("date"), _field("date"), 90),  # undated: last either way
        ColumnSpec("Title", _field("title"), width=180, main=True),
        ColumnSpec("Kind", _field("kind"), width=90),
        ColumnSpec("Areas", _field("areas"), width=160),
        ColumnSpec("Count", _count, lambda f: f.data.get("count") or 1, 110),
        ColumnSpec("Visit", lambda _f: "", width=200, live=True),
        _confidence(),
    ),
)
STATISTICS = ViewSpec(
    "Statistics",
    ("statistics",),
    (
        ColumnSpec("Metric", lambda f: metric_name(f.data), width=150),
        ColumnSpec(
            "Value", lambda f: statistic_value(f.data), lambda f: f.data.get("value") or 0, 170
        ),
        ColumnSpec("Period", _field("period"), period_order, 120),  # time order, undated last
        ColumnSpec("Direction", lambda f: direction(f.data), width=80),
        ColumnSpec("Countries", _field("countries"), width=80),
        _sources(),
        _confidence(),
    ),
)
MISSIONS = ViewSpec(
    "Missions",
    ("missions",),
    (
        ColumnSpec(
            "Country",
            _field("country"),
            lambda f: f"{text(f.data.get('country'))}/{text(f.data.get('city'))}",
            80,
        ),
        ColumnSpec("In", _field("host_country"), width=60),
        ColumnSpec("City", _field("city"), width=140),
        ColumnSpec("Kind", lambda f: text(f.data.get("kind")).replace("_", " "), width=160),
        _sources(),
        _confidence(),
    ),
)
ENTITIES = ViewSpec(
    "People & organisations",
    ("entities",),
    (
        ColumnSpec("Name", lambda f: display_name(f.data), width=220),
        ColumnSpec("Kind", _field("kind"), width=100),
        ColumnSpec("Also called", _field("aliases"), width=160),
        ColumnSpec("Facts", lambda _f: None, width=60, live=True),
        ColumnSpec("Articles", lambda _f: None, width=60, live=True),
    ),
)
REVIEW = ViewSpec(
    "To review",
    REVIEWED_TYPES,
    (
        _confidence(),
        ColumnSpec("Type", lambda f: fact_types.noun(f.type), width=80),
        ColumnSpec("Fact", fact_label, width=360, main=True),
        _sources(),
    ),
)

TIMELINE = ViewSpec(
    "Timeline",
    tuple(t.name for t in fact_types.REGISTRY if t.on_timeline),
    (
        ColumnSpec("Date", fact_date),
        ColumnSpec("What", lambda f: fact_types.noun(f.type)),
        ColumnSpec("Description", fact_label),
    ),
    dated_only=True,
)

TABLE_VIEWS: tuple[ViewSpec, ...] = (
    VISITS,
    AGREEMENTS,
    STATISTICS,
    TIMELINE,
    MISSIONS,
    ENTITIES,
    REVIEW,
)
"""Every view whose rows are stored (``view_rows``): sorted and filtered by SQLite."""
BY_TITLE = {v.title: v for v in TABLE_VIEWS}
MAX_COLUMNS = 9
"""Sort keys stored per row (``view_rows.k1`` …): no view has more columns."""
assert all(len(v.columns) <= MAX_COLUMNS for v in TABLE_VIEWS)


def views_of(fact: FactRow) -> list[ViewSpec]:
    """The views that list this fact."""
    return [
        v
        for v in TABLE_VIEWS
        if fact.type in v.fact_types and (not v.dated_only or fact_date(fact))
    ]


def cells(view: ViewSpec, fact: FactRow) -> list[str]:
    """The text of each stored cell of a fact's row (live ones empty)."""
    out = []
    for column in view.columns:
        value = None if column.live else column.value(fact)
        out.append("" if value is None else str(value))
    return out


def sort_keys(view: ViewSpec, fact: FactRow) -> list[Any]:
    """Each column's sort key as SQLite orders it: numbers before text (SQLite sorts
    INTEGER and REAL before TEXT), text without regard to case, empty cells NULL (the
    queries put them last in both directions), live columns NULL."""
    keys: list[Any] = []
    for column in view.columns:
        if column.live:
            keys.append(None)
            continue
        value = (column.sort or column.value)(fact)
        if value is None or value == "":
            keys.append(None)
        elif isinstance(value, bool):
            keys.append(int(value))
        elif isinstance(value, int | float):
            keys.append(value)
        else:
            keys.append(str(value).casefold())
    return keys


def columns_of(title: str) -> Sequence[ColumnSpec]:
    return BY_TITLE[title].columns

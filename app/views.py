"""How the window's views write facts (labels, dates, amounts, review marks) and what
they read them through (:class:`ViewData`, :class:`FactSource`): no Qt here.

The views' rows are not held here: each view holds the ids of its rows, sorted and
filtered by SQLite (``db.queries`` over the rows ``app.view_rows`` stores), and reads a
fact when it is shown. Related facts are looked up for the fact shown
(``app.related``).
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from app import fact_types
from app.name_spelling import display_name
from app.number_format import format_amount, format_number
from app.rows import FactRow

VIEW_OF_TYPE = {t.name: t.view for t in fact_types.REGISTRY}
SINGULAR = {t.name: t.noun for t in fact_types.REGISTRY}
"""What the window calls one fact of each type (``app.fact_types``)."""
_QUALIFIER = {
    "target": "target",
    "more_than": "more than",
    "less_than": "less than",
    "about": "about",
}


def text(value: Any) -> str:
    """A field value as plain text: lists joined, None as empty."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(text(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def human_number(value: Any) -> str:
    """A number as every view and export writes it (``app.number_format``)."""
    return format_number(value)


def statistic_value(data: dict[str, Any]) -> str:
    """'more than $5 billion', 'target: €10 billion', 'No. 3': the amount as the
    exports write it (``app.number_format.format_amount``)."""
    amount = format_amount(data.get("value"), data.get("unit"))
    qualifier = data.get("qualifier")
    if qualifier == "target":
        return f"target: {amount}"
    if qualifier in _QUALIFIER:
        return f"{_QUALIFIER[qualifier]} {amount}"
    return amount


def visit_dates(data: dict[str, Any]) -> str:
    start, end = text(data.get("start")), text(data.get("end"))
    return f"{start} – {end}" if start and end and end != start else start


def direction(data: dict[str, Any]) -> str:
    src, dst = text(data.get("from_country")), text(data.get("to_country"))
    return f"{src or '?'} → {dst or '?'}" if src or dst else ""


def metric_name(data: dict[str, Any]) -> str:
    return text(data.get("metric")).replace("_", " ")


def fact_date(fact: FactRow) -> str:
    """The date a fact is placed at on the timeline ('' when it has none)."""
    kind = fact_types.TYPES.get(fact.type)
    if kind is None or not kind.on_timeline or kind.date_field is None:
        return ""
    return text(fact.data.get(kind.date_field))


def fact_label(fact: FactRow) -> str:
    """One line naming a fact, for lists, links and the selection."""
    d = fact.data
    if fact.type == "visits":
        where = f" in {d['city']}" if d.get("city") else ""
        when = visit_dates(d) or text(d.get("status")) or "undated"
        return f"Visit of {text(d.get('visitor')) or '?'}{where} ({when})"
    if fact.type == "agreements":
        count = f"{text(d.get('count'))} × " if (d.get("count") or 1) > 1 else ""
        return (
            f"{count}{text(d.get('title')) or text(d.get('kind'))} ({text(d.get('date')) or '?'})"
        )
    if fact.type == "statistics":
        period = f" ({d['period']})" if d.get("period") else ""
        return f"{metric_name(d).capitalize()}: {statistic_value(d)}{period}"
    if fact.type == "events":
        about = text(d.get("description")) or text(d.get("kind"))
        return f"{text(d.get('date')) or '?'}: {about[:117] + '…' if len(about) > 120 else about}"
    if fact.type == "missions":
        kind = text(d.get("kind")).replace("_", " ")
        return f"{kind.capitalize()} of {text(d.get('country'))} in {text(d.get('city')) or '?'}"
    return f"{display_name(d)} ({text(d.get('kind'))})"


def source_count(fact: FactRow) -> int:
    return len({e.article_id for e in fact.evidence})


REVIEW_GLYPHS = {"unreviewed": "?", "confirmed": "✔", "edited": "✎", "added": "+"}
"""A review state's mark: the tables' cell text and the window's state icons."""
REVIEW_MARKS = {s: f"{REVIEW_GLYPHS[s]} {s}" for s in ("confirmed", "edited", "added")}


def confidence_text(fact: FactRow) -> str:
    """'0.92 likely', '0.45 guess', or a person's word ('✔ confirmed', '✎ edited',
    '+ added'): the table cell (the filter box finds facts by these words)."""
    assessment = fact.assessment
    if assessment.by_person:
        return REVIEW_MARKS.get(fact.review, "✔ confirmed")
    return f"{assessment.value:.2f} {assessment.label}"


def confidence_reasons(fact: FactRow) -> str:
    """Why the confidence is what it is, one reason a line (a cell's tooltip)."""
    assessment = fact.assessment
    head = "Checked by a person" if assessment.by_person else f"Confidence {assessment.value:.2f}"
    return "\n".join([head, *(f"• {r}" for r in assessment.reasons)])


@dataclass(frozen=True, slots=True)
class TimelineRow:
    year: str
    date: str
    fact_id: int
    type: str
    label: str
    review: str = "unreviewed"  # FactRow.review: the mark the row shows


class FactSource:
    """The library's facts as the window reads them: by id, when shown, the last
    ``CACHE`` kept (a view of 50,000 rows reads the few dozen on screen). ``read`` loads
    facts by id, rejected ones too (``in`` says whether a fact is held and not rejected)."""

    CACHE = 5000

    def __init__(
        self, read: Callable[[list[int]], Iterable[FactRow]] | None = None, count: int = 0
    ) -> None:
        self._read = read
        self._count = count
        self._cache: OrderedDict[int, FactRow | None] = OrderedDict()

    def fetch(self, ids: Iterable[int]) -> dict[int, FactRow]:
        """The facts held among ``ids`` (read at once, those not cached)."""
        ids = list(dict.fromkeys(ids))
        missing = [i for i in ids if i not in self._cache]
        if missing and self._read is not None:
            found = {f.id: f for f in self._read(missing)}
            for fact_id in missing:
                self._cache[fact_id] = found.get(fact_id)
            while len(self._cache) > self.CACHE:
                self._cache.popitem(last=False)
        out = {}
        for fact_id in ids:
            fact = self._cache.get(fact_id)
            if fact is not None:
                out[fact_id] = fact
        return out

    def get(self, fact_id: int, default: FactRow | None = None) -> FactRow | None:
        return self.fetch([fact_id]).get(fact_id, default)

    def has(self, fact_id: int) -> bool:
        """Whether the fact was read (held or found missing)."""
        return fact_id in self._cache

    def cached(self, fact_id: int) -> FactRow | None:
        """The fact if read already (never reads)."""
        return self._cache.get(fact_id)

    def put(self, ids: Iterable[int], found: dict[int, FactRow]) -> None:
        """Facts read elsewhere (a worker) for these ids; those not found are missing."""
        for fact_id in ids:
            self._cache[fact_id] = found.get(fact_id)
            self._cache.move_to_end(fact_id)
        while len(self._cache) > self.CACHE:
            self._cache.popitem(last=False)

    def __getitem__(self, fact_id: int) -> FactRow:
        fact = self.get(fact_id)
        if fact is None:
            raise KeyError(fact_id)
        return fact

    def __contains__(self, fact_id: object) -> bool:
        if not isinstance(fact_id, int):
            return False
        fact = self.get(fact_id)
        return fact is not None and not fact.hidden

    def __len__(self) -> int:
        """How many facts the library showed when loaded."""
        return self._count

    def forget(self, ids: Iterable[int] | None = None) -> None:
        """Read these facts (None: every fact) again when next asked for."""
        if ids is None:
            self._cache.clear()
        else:
            for fact_id in ids:
                self._cache.pop(fact_id, None)


@dataclass
class ViewData:
    """What the views show: the counts, and the facts read when shown (``facts``); each
    view holds the ids of its rows, sorted and filtered by SQLite (``db.queries``)."""

    facts: FactSource = field(default_factory=FactSource)
    articles: int = 0
    to_review: int = 0
    article_name_of: Callable[[int], str | None] = field(default=lambda _i: None, repr=False)
    prepared: dict[str, Any] = field(default_factory=dict, repr=False)
    """What the load computed off the GUI thread for each view (its ordered ids)."""

    def label(self, fact_id: int) -> str:
        fact = self.facts.get(fact_id)
        return fact_label(fact) if fact else f"fact {fact_id} (no longer held)"

    def article_name(self, article_id: int) -> str:
        return self.article_name_of(article_id) or f"article {article_id}"


def group_by_year(rows: Iterable[TimelineRow]) -> dict[str, list[TimelineRow]]:
    """Timeline rows by year, the years in the order the rows first name them (oldest
    first for :meth:`ViewData.timeline`)."""
    years: dict[str, list[TimelineRow]] = defaultdict(list)
    for row in rows:
        years[row.year].append(row)
    return dict(years)

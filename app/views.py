"""What the window's views show, computed from plain fact rows (no Qt here).

:func:`build_view_data` takes the library's facts and article heads once, in a
worker, and returns a :class:`ViewData`: the facts by type, one-line labels, the
visit each agreement belongs to, the facts and articles naming each entity, the
chronological timeline and the related facts of any fact (see ``app/related.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app import fact_types
from app.name_spelling import display_name
from app.number_format import format_amount, format_number
from app.related import EntityIndex, VisitCalendar, related_groups
from app.rows import ArticleRow, FactRow
from app.sorting import sorted_in_steps

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


@dataclass(frozen=True)
class TimelineRow:
    year: str
    date: str
    fact_id: int
    type: str
    label: str
    review: str = "unreviewed"  # FactRow.review: the mark the row shows


@dataclass
class ViewData:
    """Everything the views show, computed once per library change."""

    facts: dict[int, FactRow] = field(default_factory=dict)
    articles: dict[int, ArticleRow] = field(default_factory=dict)
    visit_of: dict[int, int] = field(default_factory=dict)
    entities: EntityIndex | None = None
    prepared: dict[str, Any] = field(default_factory=dict, repr=False)
    """What each view computed from these facts in the worker (``FactPage.prepare``)."""
    _of_type: dict[str, list[FactRow]] | None = field(default=None, repr=False)
    _timeline: list[TimelineRow] | None = field(default=None, repr=False)

    def prepare(self) -> None:
        """Compute, once and off the GUI thread, what each view asks for: the facts of
        each type and the timeline. (Computed at each call, a tab shown at 50,000 articles
        walked every fact on the GUI thread.)"""
        by_type: dict[str, list[FactRow]] = defaultdict(list)
        for fact in self.facts.values():
            by_type[fact.type].append(fact)
        self._of_type = dict(by_type)
        self._timeline = self._timeline_rows()

    def of_type(self, fact_type: str) -> list[FactRow]:
        if self._of_type is not None:
            return self._of_type.get(fact_type, [])
        return [f for f in self.facts.values() if f.type == fact_type]

    def label(self, fact_id: int) -> str:
        fact = self.facts.get(fact_id)
        return fact_label(fact) if fact else f"fact {fact_id} (no longer held)"

    def article_name(self, article_id: int) -> str:
        article = self.articles.get(article_id)
        return article.file_name if article else f"article {article_id}"

    def timeline(self) -> list[TimelineRow]:
        """Every dated event, visit and agreement, oldest first."""
        return self._timeline if self._timeline is not None else self._timeline_rows()

    def _timeline_rows(self) -> list[TimelineRow]:
        rows = [
            TimelineRow(fact_date(f)[:4], fact_date(f), f.id, f.type, fact_label(f), f.review)
            for f in self.facts.values()
            if fact_date(f)
        ]
        return sorted_in_steps(rows, key=lambda r: (r.date, r.type, r.fact_id))

    def link_entities(self) -> None:
        """Find the facts and articles naming each person, organisation and place: the
        costliest relation (every fact's fields and sentences are read; ~22 s at 50,000
        articles), so the window does it after the views are shown."""
        self.entities = EntityIndex(self.of_type("entities"), self.facts.values())

    @property
    def entities_linked(self) -> bool:
        return self.entities is not None

    def entity_fact_ids(self, entity_id: int) -> list[int]:
        return self.entities.facts_naming(entity_id) if self.entities else []

    def entity_article_ids(self, entity_id: int) -> set[int]:
        return self.entities.articles_naming(entity_id) if self.entities else set()

    def related(self, fact_id: int) -> list[tuple[str, list[int]]]:
        """Headed groups of related fact ids, e.g. ("Agreements signed during the visit", [...])."""
        fact = self.facts.get(fact_id)
        return related_groups(self, fact) if fact else []


def build_view_data(
    facts: Iterable[FactRow], articles: Sequence[ArticleRow], link_entities: bool = True
) -> ViewData:
    """The views' data; without ``link_entities``, :meth:`ViewData.link_entities` is
    left to the caller."""
    data = ViewData(
        facts={f.id: f for f in facts},
        articles={a.id: a for a in articles},
    )
    data.prepare()
    calendar = VisitCalendar(data.of_type("visits"))
    for fact in data.of_type("agreements"):
        visit = calendar.containing(fact)
        if visit is not None:
            data.visit_of[fact.id] = visit.id
    if link_entities:
        data.link_entities()
    return data


def group_by_year(rows: Iterable[TimelineRow]) -> dict[str, list[TimelineRow]]:
    """Timeline rows by year, the years in the order the rows first name them (oldest
    first for :meth:`ViewData.timeline`)."""
    years: dict[str, list[TimelineRow]] = defaultdict(list)
    for row in rows:
        years[row.year].append(row)
    return dict(years)

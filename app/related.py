"""Which facts relate to which: the links the window's detail pane follows (no Qt here).

- a visit: the agreements and events dated within it (start..end, or its day) that
  involve its countries, and the figures quoted in the same articles;
- an agreement or event: the visit it falls in, the other facts of that visit;
- a figure: the same metric in other periods, and the visits its articles report;
- an entity: every fact whose fields or evidence sentences name it (name or aliases);
- every fact: the entities it names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from app.rows import FactRow

if TYPE_CHECKING:
    from app.views import ViewData


def _date(fact: FactRow) -> str:
    key = {"visits": "start", "agreements": "date", "events": "date"}.get(fact.type, "")
    value = fact.data.get(key)
    return value if isinstance(value, str) else ""


def _countries(fact: FactRow) -> set[str]:
    d = fact.data
    if fact.type == "visits":
        return {c for c in (d.get("visitor_country"), d.get("host_country")) if c}
    return set(d.get("parties") or d.get("countries") or [])


def within_visit(visit: FactRow, fact: FactRow) -> bool:
    """``fact`` is dated within the visit (day precision at least) and shares its countries."""
    start, day = _date(visit), _date(fact)
    if not start or len(day) < len(start):
        return False
    end = visit.data.get("end") or start
    if not start <= day <= f"{end}~":  # '~' sorts after digits: '2022-05' covers its days
        return False
    theirs, ours = _countries(fact), _countries(visit)
    return not theirs or not ours or bool(theirs & ours)


def visit_containing(visits: Iterable[FactRow], fact: FactRow) -> FactRow | None:
    held = [v for v in visits if v.data.get("status") != "planned" and within_visit(v, fact)]
    return min(held, key=lambda v: (len(_date(v)), v.id), default=None)


class VisitCalendar:
    """Visits by the months they cover and the countries they involve, so finding the
    visit a fact falls in looks only at the visits of its month that share one of its
    countries (a library of 50,000 articles has ~80 visits a month over many pairs of
    countries: trying each for each of its 75,000 agreements took 23 s)."""

    def __init__(self, visits: Iterable[FactRow]) -> None:
        self._by_month: dict[str, dict[str, list[FactRow]]] = defaultdict(lambda: defaultdict(list))
        for visit in visits:
            start = _date(visit)
            if not start or visit.data.get("status") == "planned":
                continue
            end = visit.data.get("end") if isinstance(visit.data.get("end"), str) else start
            for month in _months(start, end or start):
                for country in _countries(visit) or {_ANY}:
                    self._by_month[month][country].append(visit)

    def containing(self, fact: FactRow) -> FactRow | None:
        """The same answer as :func:`visit_containing` over all the visits."""
        day = _date(fact)
        if not day:
            return None
        countries = _countries(fact)
        near: dict[int, FactRow] = {}
        for bucket in (day[:7], day[:4]):
            by_country = self._by_month.get(bucket)
            if not by_country:
                continue
            # A fact naming no country may fall in any visit; a visit naming none may
            # hold any fact.
            keys = by_country.keys() if not countries else (*countries, _ANY)
            for key in keys:
                near.update((v.id, v) for v in by_country.get(key, ()))
        return visit_containing(near.values(), fact)


_ANY = "\0"
"""The bucket of visits that name no country."""


def _months(start: str, end: str) -> list[str]:
    """The buckets a visit from ``start`` to ``end`` is filed under: its months
    ("2022-05"), or its years ("2022") when it is dated to the year only."""
    try:
        return _month_range(start, end)
    except ValueError:  # not an ISO date: filed under what it starts with
        return [start[:7]]


def _month_range(start: str, end: str) -> list[str]:
    if len(start) < 7:
        return [str(y) for y in range(int(start[:4]), int((end or start)[:4]) + 1)]
    first, last = (int(start[:4]), int(start[5:7])), (int(end[:4]), int(end[5:7] or "12"))
    if last < first or last[0] - first[0] > 5:  # a bad end date: its start month only
        last = first
    out = []
    year, month = first
    while (year, month) <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _texts(fact: FactRow) -> list[str]:
    """The texts a fact names things in beside its evidence sentences: its field values."""
    parts: list[str] = []
    for key, value in fact.data.items():
        if key in ("conflicts", "aliases", "equivalents") or isinstance(value, dict):
            continue
        parts.extend(str(v) for v in value) if isinstance(value, list) else parts.append(str(value))
    return parts


_WORDS = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.casefold())


class EntityIndex:
    """Which facts and articles name each entity: a fact names it in a field or an
    evidence sentence; an article names it in its own mentions of the entity or in an
    evidence sentence it gave (a visit reported by six articles, one of which names the
    visitor, counts that one article, not six).

    Names are looked up as runs of words: each text is cut into words once and every
    run of up to the longest name's length is looked up in a dictionary of the names
    (one regular expression of thousands of alternatives, tried at every position, took
    minutes on a library of 10,000 articles). The same text (a sentence that is the
    evidence of several facts, a country named in many) is looked up once."""

    def __init__(self, entities: list[FactRow], facts: Iterable[FactRow]) -> None:
        self._facts: dict[int, list[int]] = defaultdict(list)
        self._articles: dict[int, set[int]] = defaultdict(set)
        self._named_by: dict[int, list[int]] = defaultdict(list)
        owner: dict[tuple[str, ...], frozenset[int]] = {}
        for entity in entities:
            self._articles[entity.id].update(e.article_id for e in entity.evidence)
            names = [entity.data.get("name"), *(entity.data.get("aliases") or [])]
            for name in names:
                if isinstance(name, str) and len(name.strip()) > 2:
                    key = tuple(_words(name))
                    if key:
                        owner[key] = owner.get(key, frozenset()) | {entity.id}
        if not owner:
            return
        # Runs are looked up only where a name can start: most words start none.
        longest: dict[str, int] = {}
        for key in owner:
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
        seen: dict[str, frozenset[int]] = {}
        nothing: frozenset[int] = frozenset()

        def names_in(text: str) -> frozenset[int]:
            words = _words(text)
            named: set[int] = set()
            for i in [i for i, word in enumerate(words) if word in longest]:
                for n in range(1, min(longest[words[i]], len(words) - i) + 1):
                    found = owner.get(tuple(words[i : i + n]))
                    if found:
                        named |= found
            return frozenset(named) if named else nothing

        def lookup(text: str) -> frozenset[int]:
            found = seen.get(text)
            if found is None:
                found = seen[text] = names_in(text)
            return found

        for fact in facts:
            if fact.type == "entities":
                continue
            named: set[int] = set()
            for text in _texts(fact):
                named |= lookup(text)
            for evidence in fact.evidence:
                found = lookup(evidence.quote)
                named |= found
                for entity_id in found:
                    self._articles[entity_id].add(evidence.article_id)
            for entity_id in sorted(named):
                self._facts[entity_id].append(fact.id)
                self._named_by[fact.id].append(entity_id)

    def facts_naming(self, entity_id: int) -> list[int]:
        return list(self._facts.get(entity_id, []))

    def articles_naming(self, entity_id: int) -> set[int]:
        return set(self._articles.get(entity_id, set()))

    def entities_in(self, fact_id: int) -> list[int]:
        return list(self._named_by.get(fact_id, []))


def _same_articles(data: ViewData, fact: FactRow, fact_type: str) -> list[int]:
    articles = {e.article_id for e in fact.evidence}
    return [
        f.id
        for f in data.of_type(fact_type)
        if f.id != fact.id and articles & {e.article_id for e in f.evidence}
    ]


def _by_date(data: ViewData, ids: Iterable[int]) -> list[int]:
    return sorted(ids, key=lambda i: (_date(data.facts[i]) or "9999", i))


def related_groups(data: ViewData, fact: FactRow) -> list[tuple[str, list[int]]]:
    groups: list[tuple[str, list[int]]] = []

    def add(title: str, ids: Iterable[int]) -> None:
        ids = [i for i in dict.fromkeys(ids) if i != fact.id and i in data.facts]
        if ids:
            groups.append((title, ids))

    if fact.type == "visits":
        add("Agreements signed during the visit", _inside(data, fact, "agreements"))
        add("Events during the visit", _inside(data, fact, "events"))
        add("Figures quoted in the same articles", _same_articles(data, fact, "statistics"))
    elif fact.type in ("agreements", "events"):
        visit_id = data.visit_of.get(fact.id)
        if visit_id is None:
            found = visit_containing(data.of_type("visits"), fact)
            visit_id = found.id if found else None
        if visit_id is not None:
            add("During the visit", [visit_id])
            visit = data.facts[visit_id]
            add(
                "Also during that visit",
                _inside(data, visit, "agreements") + _inside(data, visit, "events"),
            )
        add("Figures quoted in the same articles", _same_articles(data, fact, "statistics"))
    elif fact.type == "statistics":
        metric = fact.data.get("metric")
        add(
            "The same metric in other periods",
            sorted(
                (f.id for f in data.of_type("statistics") if f.data.get("metric") == metric),
                key=lambda i: (str(data.facts[i].data.get("period") or ""), i),
            ),
        )
        add("Visits reported in the same articles", _same_articles(data, fact, "visits"))
    elif fact.type == "missions":
        add("Other missions in the same articles", _same_articles(data, fact, "missions"))
    if fact.type == "entities":
        named = data.entity_fact_ids(fact.id)
        for fact_type, title in _ENTITY_GROUPS:
            add(title, _by_date(data, (i for i in named if data.facts[i].type == fact_type)))
    elif data.entities is not None:
        add("People and organisations named", data.entities.entities_in(fact.id))
    return groups


_ENTITY_GROUPS = (
    ("visits", "Visits naming it"),
    ("agreements", "Agreements naming it"),
    ("events", "Events naming it"),
    ("statistics", "Figures naming it"),
    ("missions", "Missions naming it"),
)


def _inside(data: ViewData, visit: FactRow, fact_type: str) -> list[int]:
    return _by_date(data, (f.id for f in data.of_type(fact_type) if within_visit(visit, f)))


def conflicts(fact: FactRow) -> dict[str, list[dict[str, Any]]]:
    """{field: [{value, articles}]} — the disagreements between sources, if any."""
    found = fact.data.get("conflicts")
    return found if isinstance(found, dict) else {}

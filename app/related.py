"""Which facts relate to which: the links the window's detail pane follows (no Qt here).

- a visit: the agreements and events dated within it (start..end, or its day) that
  involve its countries, and the figures quoted in the same articles;
- an agreement or event: the visit it falls in, the other facts of that visit;
- a figure: the same metric in other periods, and the visits its articles report;
- an entity: every fact whose fields or evidence sentences name it (name or aliases);
- every fact: the entities it names.

Each is looked up for the fact being shown (``Lookup`` over the rows ``app.view_rows``
stores: ``db.queries``), never for every fact.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from app.fact_store import load_facts
from app.rows import FactRow
from app.view_columns import STATISTICS
from db import queries

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _date(fact: FactRow) -> str:
    key = {"visits": "start", "agreements": "date", "events": "date"}.get(fact.type, "")
    value = fact.data.get(key)
    return value if isinstance(value, str) else ""


def countries_of(fact: FactRow) -> set[str]:
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
    theirs, ours = countries_of(fact), countries_of(visit)
    return not theirs or not ours or bool(theirs & ours)


def visit_containing(visits: Iterable[FactRow], fact: FactRow) -> FactRow | None:
    held = [v for v in visits if v.data.get("status") != "planned" and within_visit(v, fact)]
    return min(held, key=lambda v: (len(_date(v)), v.id), default=None)


def field_texts(fact: FactRow) -> list[str]:
    """The texts a fact names things in beside its evidence sentences: its field values."""
    parts: list[str] = []
    for key, value in fact.data.items():
        if key in ("conflicts", "aliases", "equivalents") or isinstance(value, dict):
            continue
        parts.extend(str(v) for v in value) if isinstance(value, list) else parts.append(str(value))
    return parts


def fact_span(fact: FactRow) -> tuple[str, str]:
    """A fact's own date and, for a visit, its last day ('' when it has none)."""
    start = _date(fact)
    end = fact.data.get("end") if fact.type == "visits" else None
    return start, end if isinstance(end, str) else ""


_WORDS = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.casefold())


def name_keys(entity: FactRow) -> list[tuple[str, ...]]:
    """An entity's name and aliases as runs of words (names of two letters or fewer
    left out: they would be found everywhere)."""
    keys = []
    for name in [entity.data.get("name"), *(entity.data.get("aliases") or [])]:
        if isinstance(name, str) and len(name.strip()) > 2:
            key = tuple(_words(name))
            if key and key not in keys:
                keys.append(key)
    return keys


class NameFinder:
    """Finds which entities a text names, looking its words up as runs in a dictionary
    of the names (one regular expression of thousands of alternatives, tried at every
    position, took minutes on a library of 10,000 articles)."""

    def __init__(self, names: Iterable[tuple[int, tuple[str, ...]]]) -> None:
        self._owner: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for entity_id, key in names:
            self._owner[key].add(entity_id)
        self._longest: dict[str, int] = {}
        for key in self._owner:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    def names_in(self, text: str) -> set[int]:
        words = _words(text)
        named: set[int] = set()
        for i in [i for i, word in enumerate(words) if word in self._longest]:
            for n in range(1, min(self._longest[words[i]], len(words) - i) + 1):
                named |= self._owner.get(tuple(words[i : i + n]), set())
        return named


class Lookup:
    """What :func:`related_groups` reads: the library's stored rows through one session
    (``db.queries``), the facts it loads kept for the call."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.connection = session.connection()
        self._facts: dict[int, FactRow] = {}

    def facts(self, ids: Iterable[int]) -> dict[int, FactRow]:
        ids = list(ids)
        wanted = [i for i in dict.fromkeys(ids) if i not in self._facts]
        if wanted:
            for fact in load_facts(self.session, ids=wanted):
                self._facts[fact.id] = fact
        return {i: self._facts[i] for i in ids if i in self._facts}

    def fact(self, fact_id: int) -> FactRow | None:
        return self.facts([fact_id]).get(fact_id)

    def name_finder(self) -> NameFinder:
        pairs: list[tuple[int, tuple[str, ...]]] = []
        for entity_id, topic in queries.topics(self.connection, "entities"):
            pairs.extend((entity_id, tuple(line.split())) for line in topic.split("\n") if line)
        return NameFinder(pairs)


def _by_date(lookup: Lookup, ids: Iterable[int]) -> list[int]:
    facts = lookup.facts(ids)
    return sorted(facts, key=lambda i: (_date(facts[i]) or "9999", i))


def _inside(lookup: Lookup, visit: FactRow, fact_types: Sequence[str]) -> list[int]:
    """The facts of these types dated within the visit (``within_visit``)."""
    start = _date(visit)
    if not start:
        return []
    end = visit.data.get("end") if isinstance(visit.data.get("end"), str) else start
    ids = queries.starting_between(
        lookup.connection, fact_types, start, f"{end or start}~", countries_of(visit)
    )
    facts = lookup.facts(ids)
    return _by_date(lookup, (i for i, f in facts.items() if within_visit(visit, f)))


VISIT_REACH_DAYS = 62
"""How long before a fact's day a visit holding it may start (visits are days long;
one dated to a month or a year is looked up by that month or year)."""


def containing_visit(lookup: Lookup, fact: FactRow) -> FactRow | None:
    """The held visit a fact falls in (``visit_containing``), looked up among the visits
    starting up to ``VISIT_REACH_DAYS`` before its day, or in its month or year."""
    day = _date(fact)
    if not day:
        return None
    countries = countries_of(fact)
    ids = queries.starting_on(lookup.connection, "visits", [day[:4], day[:7]], countries)
    try:
        earliest = (date.fromisoformat(day[:10]) - timedelta(days=VISIT_REACH_DAYS)).isoformat()
    except ValueError:
        earliest = day[:4]
    ids += queries.starting_between(lookup.connection, ["visits"], earliest, f"{day}~", countries)
    return visit_containing(lookup.facts(ids).values(), fact)


def facts_naming(lookup: Lookup, entity: FactRow) -> list[int]:
    """The facts whose fields or evidence sentences name the entity (name or aliases)."""
    phrases = [" ".join(key) for key in name_keys(entity)]
    return queries.naming(lookup.connection, phrases, but="entities")


def articles_naming(lookup: Lookup, entity: FactRow, naming: Sequence[int]) -> set[int]:
    """The articles naming an entity: those giving its own mentions, and those whose
    evidence sentence for a fact names it (a visit reported by six articles, one of which
    names the visitor, counts that one article, not six)."""
    found = {e.article_id for e in entity.evidence}
    finder = NameFinder((entity.id, key) for key in name_keys(entity))
    for _fact_id, article_id, quote in queries.evidence_of(lookup.connection, naming):
        if article_id not in found and finder.names_in(quote):
            found.add(article_id)
    return found


def entities_in(lookup: Lookup, fact: FactRow) -> list[int]:
    """The entities a fact names in its fields or sentences."""
    if fact.type == "entities":
        return []
    finder = lookup.name_finder()
    named: set[int] = set()
    for text in [*field_texts(fact), *(e.quote for e in fact.evidence)]:
        named |= finder.names_in(text)
    return sorted(named)


def related_groups(lookup: Lookup, fact: FactRow) -> list[tuple[str, list[int]]]:
    """Headed groups of related fact ids, e.g. ("Agreements signed during the visit",
    [...]), looked up for this fact only."""
    groups: list[tuple[str, list[int]]] = []
    connection = lookup.connection

    def add(title: str, ids: Iterable[int]) -> None:
        ids = [i for i in dict.fromkeys(ids) if i != fact.id]
        if ids:
            groups.append((title, ids))

    if fact.type == "visits":
        add("Agreements signed during the visit", _inside(lookup, fact, ["agreements"]))
        add("Events during the visit", _inside(lookup, fact, ["events"]))
        add(
            "Figures quoted in the same articles",
            queries.in_same_articles(connection, fact.id, "statistics"),
        )
    elif fact.type in ("agreements", "events"):
        visit = containing_visit(lookup, fact)
        if visit is not None:
            add("During the visit", [visit.id])
            add(
                "Also during that visit",
                _inside(lookup, visit, ["agreements"]) + _inside(lookup, visit, ["events"]),
            )
        add(
            "Figures quoted in the same articles",
            queries.in_same_articles(connection, fact.id, "statistics"),
        )
    elif fact.type == "statistics":
        metric = fact.data.get("metric")
        if metric:
            add(
                "The same metric in other periods",
                queries.with_topic(connection, "statistics", str(metric), BY_PERIOD),
            )
        add(
            "Visits reported in the same articles",
            queries.in_same_articles(connection, fact.id, "visits"),
        )
    elif fact.type == "missions":
        add(
            "Other missions in the same articles",
            queries.in_same_articles(connection, fact.id, "missions"),
        )
    if fact.type == "entities":
        named = facts_naming(lookup, fact)
        heads = queries.heads(connection, named)
        for fact_type, title in _ENTITY_GROUPS:
            of_type = [i for i in named if heads[i][0] == fact_type]
            add(title, sorted(of_type, key=lambda i: (heads[i][3] or "9999", i)))
    else:
        add("People and organisations named", entities_in(lookup, fact))
    return groups


BY_PERIOD = (STATISTICS.title, f"k{STATISTICS.column('Period') + 1}")
"""The order of "the same metric in other periods": the Statistics view's Period."""

_ENTITY_GROUPS = (
    ("visits", "Visits naming it"),
    ("agreements", "Agreements naming it"),
    ("events", "Events naming it"),
    ("statistics", "Figures naming it"),
    ("missions", "Missions naming it"),
)


def conflicts(fact: FactRow) -> dict[str, list[dict[str, Any]]]:
    """{field: [{value, articles}]} — the disagreements between sources, if any."""
    found = fact.data.get("conflicts")
    return found if isinstance(found, dict) else {}

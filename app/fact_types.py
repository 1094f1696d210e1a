"""The one registry of fact types: every part of Attaché that lists, names or dates the
types of facts (extraction, consolidation, the views, search, export, the command line)
reads it here, so a new type is one entry, not an edit in four places.

Each :class:`FactType` gives the type's name in the exchange document (``visits``), its
singular (``statistic``: CSV rows, ``type:statistic`` in a search, ``--type
statistic``), the noun the window calls one (``figure``), the view that shows it, the
heading of its section in a report, the field it is dated by (and whether the Timeline
shows it), the fields ``../shared/facts/SCHEMA.md`` gives it, and whether it carries a
confidence. When two reports are one fact is ``app.consolidate`` (``block_key``, then
``same_fact``): its keys are stored with every fact, so they stay where they are.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class FactType:
    name: str
    singular: str
    noun: str
    view: str
    heading: str
    date_field: str | None
    fields: tuple[str, ...]
    on_timeline: bool = False
    """Placed on the Timeline by its :attr:`date_field`."""
    has_confidence: bool = True

    @property
    def plural(self) -> str:
        return self.name


REGISTRY: tuple[FactType, ...] = (
    FactType(
        "visits",
        "visit",
        "visit",
        "Visits",
        "Visits",
        "start",
        (
            "visitor",
            "visitor_country",
            "host_country",
            "host",
            "city",
            "start",
            "end",
            "kind",
            "status",
        ),
        on_timeline=True,
    ),
    FactType(
        "agreements",
        "agreement",
        "agreement",
        "Agreements",
        "Agreements",
        "date",
        ("title", "kind", "date", "parties", "areas", "count", "status"),
        on_timeline=True,
    ),
    FactType(
        "statistics",
        "statistic",
        "figure",
        "Statistics",
        "Statistics",
        "period",
        (
            "metric",
            "value",
            "unit",
            "qualifier",
            "period",
            "countries",
            "from_country",
            "to_country",
            "equivalents",
        ),
    ),
    FactType(
        "events",
        "event",
        "event",
        "Timeline",
        "Events",
        "date",
        ("kind", "date", "countries", "description"),
        on_timeline=True,
    ),
    FactType(
        "missions",
        "mission",
        "mission",
        "Missions",
        "Diplomatic missions",
        None,
        ("country", "host_country", "kind", "city"),
    ),
    FactType(
        "entities",
        "entity",
        "entity",
        "People & organisations",
        "People & organisations",
        None,
        ("name", "kind", "country", "aliases"),
        has_confidence=False,
    ),
)

TYPES: dict[str, FactType] = {t.name: t for t in REGISTRY}
NAMES: tuple[str, ...] = tuple(TYPES)
"""The types in the document's (and the views') order."""


def _fold(value: str) -> str:
    text = unicodedata.normalize("NFKD", value.strip().casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


_SPELLINGS: dict[str, str] = {}
for _t in REGISTRY:
    for _word in (_t.name, _t.singular, _t.noun, _t.noun + "s"):
        _SPELLINGS.setdefault(_fold(_word), _t.name)


def parse(value: str) -> str | None:
    """The type a person means by ``visit``, ``Visits``, ``statistic``, ``figure``,
    ``entity``…; None for anything else."""
    return _SPELLINGS.get(_fold(value))


def get(name: str) -> FactType:
    return TYPES[name]


def noun(name: str) -> str:
    """What the window calls one fact of the type: 'visit', 'figure'."""
    return TYPES[name].noun if name in TYPES else name


def view_of(name: str) -> str:
    return TYPES[name].view if name in TYPES else name

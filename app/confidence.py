"""How much a fact can be trusted: a confidence in [0, 1] computed from its evidence.

The extractor reads facts with rules, and rules guess. A fact's confidence says how
often a fact like it is right, from what can be seen in the fact itself:

* **how strong the pattern**: each type starts from how often its recogniser is right
  (:data:`PRIOR`), and loses where the reading had to guess: a field the type needs that
  the text did not give (a visit with no date, a figure with no period), a kind of
  phrasing its recogniser is known to read less well (:data:`WEAK`);
* **how many independent articles** report it: each further article is strong support;
* **whether the sources disagree**: every field on which they differ takes some away.

A person's word outranks all of it: a fact a person confirmed, corrected or added has
confidence 1.0 (``origin`` / ``edited``). The weights are log-odds, so they add: the
prior, plus one term a feature, through the logistic function. They were set from the
dev set's two halves pooled, on what the extractor read from them *before* its rules
were tuned on them (so on articles its rules had never seen): there, facts at 0.8 or
more were right 90 % (dev-a) and 93 % (dev-b) of the time and held 59 % and 72 % of the
right facts. ``python -m benchmarks.extract_quality`` prints the calibration of any
set; on articles the rules were tuned on it flatters, as every in-sample figure does.

:func:`assess` gives the figure with its reasons (the detail pane lists them);
:func:`fact_confidence` the figure alone.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

HIGH = 0.8
"""At or above: shown as likely right. Below :data:`LOW`: shown as a guess."""
LOW = 0.5

PRIOR: dict[str, float] = {
    "visits": 0.80,
    "agreements": 0.90,
    "statistics": 0.55,
    "events": 0.80,
    "missions": 0.80,
    "entities": 0.80,
}
"""How often a fact of each type, read from one article with every field it needs, is
right (on the dev set)."""

MORE_SOURCES = 1.2
"""Log-odds added by each further article reporting the fact (two at most count)."""
DISAGREEMENT = 0.9
"""Log-odds taken by each field the sources give differently."""

CORE_METRICS = frozenset(
    {"trade_volume", "investment", "tourists", "students", "companies", "joint_projects"}
)
"""The metrics the statistics recogniser reads most reliably."""


@dataclass(frozen=True)
class Rule:
    """One feature: a test on the fact's data, the log-odds it adds, and why (shown)."""

    test: Any  # Callable[[Mapping[str, Any]], bool]
    weight: float
    reason: str


def _missing(key: str) -> Any:
    return lambda d: d.get(key) in (None, "", [])


WEAK: dict[str, tuple[Rule, ...]] = {
    "visits": (
        Rule(_missing("start"), -2.0, "no date given for the visit"),
        Rule(_missing("host_country"), -1.5, "the host country is a guess"),
        Rule(lambda d: d.get("status") == "planned", -1.2, "announced, not reported as held"),
        Rule(
            lambda d: d.get("start") and len(str(d["start"])) < 7,
            -0.6,
            "dated only by its year",
        ),
    ),
    "agreements": (
        Rule(lambda d: d.get("status") == "planned", -1.2, "to be signed, not signed"),
        Rule(_missing("date"), -0.8, "no date given"),
        Rule(
            lambda d: d.get("count") is None and d.get("kind") != "declaration",
            -0.8,
            "a number of documents not given",
        ),
    ),
    "statistics": (
        Rule(
            lambda d: d.get("metric") not in CORE_METRICS,
            -1.2,
            "a metric read less reliably",
        ),
        Rule(
            lambda d: d.get("qualifier") == "target",
            0.6,
            "a stated target (read reliably)",
        ),
        Rule(
            lambda d: d.get("qualifier") not in ("target",) and d.get("period") in (None, ""),
            -0.5,
            "no period given",
        ),
        Rule(
            lambda d: d.get("metric") == "investment" and not d.get("from_country"),
            -0.8,
            "the direction of the investment is not given",
        ),
    ),
    "events": (
        Rule(_missing("date"), -1.4, "no date given"),
        Rule(
            lambda d: d.get("kind") in ("anniversary", "partnership_upgrade"),
            -1.0,
            "a kind of event read less reliably",
        ),
    ),
    "missions": (
        Rule(_missing("city"), -1.5, "no city given"),
        Rule(
            lambda d: d.get("kind") == "honorary_consulate",
            -1.0,
            "honorary consulates are read less reliably",
        ),
    ),
    "entities": (),
}


@dataclass(frozen=True)
class Assessment:
    value: float
    reasons: tuple[str, ...] = field(default=())
    by_person: bool = False

    @property
    def label(self) -> str:
        """'confirmed', 'likely', 'uncertain' or 'guess'."""
        if self.by_person:
            return "confirmed"
        if self.value >= HIGH:
            return "likely"
        return "uncertain" if self.value >= LOW else "guess"


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def assess(
    fact_type: str,
    data: Mapping[str, Any],
    articles: Iterable[int | str],
    origin: str = "extracted",
    edited: Iterable[str] = (),
    confirmed: bool = False,
) -> Assessment:
    """The confidence of a fact of ``fact_type`` with fields ``data``, read from the
    ``articles`` (ids or names, repeats allowed), with its reasons."""
    edited = tuple(edited)
    if origin == "user" or edited or confirmed:
        who = (
            "added by a person"
            if origin == "user"
            else ("corrected by a person" if edited else "confirmed by a person")
        )
        return Assessment(1.0, (who,), by_person=True)
    score = _logit(PRIOR.get(fact_type, 0.6))
    reasons: list[str] = []
    sources = len(set(articles))
    if sources > 1:
        score += MORE_SOURCES * min(sources - 1, 2)
        reasons.append(f"reported by {sources} articles")
    else:
        reasons.append("reported by one article")
    conflicts = data.get("conflicts") or {}
    if conflicts:
        score -= DISAGREEMENT * min(len(conflicts), 3)
        reasons.append("the sources disagree on " + ", ".join(sorted(conflicts)))
    for rule in WEAK.get(fact_type, ()):
        if rule.test(data):
            score += rule.weight
            reasons.append(rule.reason)
    value = 1.0 / (1.0 + math.exp(-score))
    return Assessment(round(min(max(value, 0.01), 0.99), 2), tuple(reasons))


def fact_confidence(
    fact_type: str, data: Mapping[str, Any], articles: Iterable[int | str]
) -> float:
    """The figure alone, for a fact read by the extractor (tests, benchmarks)."""
    return assess(fact_type, data, articles).value

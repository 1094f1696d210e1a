"""What the views compute, without Qt: dates within a visit, related facts, entity links."""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING

from app.library import Library
from app.related import (
    Lookup,
    articles_naming,
    containing_visit,
    facts_naming,
    related_groups,
    visit_containing,
    within_visit,
)
from app.rows import EvidenceRow, FactRow
from app.views import fact_label, statistic_value

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _fact(i: int, type_: str, article: int = 1, **data: object) -> FactRow:
    return FactRow(i, type_, dict(data), (EvidenceRow(article, f"{article}.txt", 0, 5, "quote"),))


def test_a_fact_is_within_a_visit_by_date_and_countries() -> None:
    visit = _fact(
        1, "visits", visitor_country="AA", host_country="BB", start="2020-03-04", end="2020-03-06"
    )
    inside = _fact(2, "agreements", date="2020-03-05", parties=["AA", "BB"])
    other_pair = _fact(3, "agreements", date="2020-03-05", parties=["CC", "DD"])
    after = _fact(4, "events", date="2020-03-07", countries=["AA"])
    vague = _fact(5, "events", date="2020-03", countries=["AA"])
    assert within_visit(visit, inside)
    assert not within_visit(visit, other_pair)
    assert not within_visit(visit, after)
    assert not within_visit(visit, vague)  # a month is not a day within the visit
    one_day = _fact(6, "visits", visitor_country="AA", host_country="BB", start="2020-03-04")
    assert within_visit(one_day, _fact(7, "events", date="2020-03-04"))


def test_labels_say_what_a_figure_is() -> None:
    target = {"metric": "trade_volume", "value": 1e10, "unit": "EUR", "qualifier": "target"}
    assert statistic_value(target) == "target: €10 billion"
    assert fact_label(_fact(1, "statistics", **target, period="2030")) == (
        "Trade volume: target: €10 billion (2030)"
    )
    # The window writes amounts as the exports do (one formatter: app.number_format).
    from app.export.common import format_statistic_value

    odd = {"value": 12_345_000_000, "unit": "KZT", "qualifier": "more_than"}
    assert statistic_value(odd) == "more than KZT 12.35 billion"
    assert "KZT 12.35 billion" in format_statistic_value(odd)
    assert statistic_value({"value": 3, "unit": "rank"}) == "No. 3"


def test_seed_visit_links_its_agreements_figures_and_people(
    tmp_path: Path, seeds_dir: Path
) -> None:
    with Library(tmp_path / "lib") as library:
        library.import_paths([seeds_dir])
        facts = {f.id: f for f in library.facts()}
        visit = next(f for f in facts.values() if f.data.get("start") == "2022-10-12")
        groups = dict(library.read(lambda s: related_groups(Lookup(s), visit)))
        statement = groups["Agreements signed during the visit"][0]
        found = library.read(lambda s: containing_visit(Lookup(s), facts[statement]))
        erdogan = next(f for f in facts.values() if f.data.get("name") == "Recep Tayyip Erdoğan")

        def names(session: Session) -> tuple[list[int], set[int]]:
            lookup = Lookup(session)
            naming = facts_naming(lookup, erdogan)
            return naming, articles_naming(lookup, erdogan, naming)

        naming, articles = library.read(names)
    assert [facts[i].data["title"] for i in groups["Agreements signed during the visit"]] == [
        "Joint statement"
    ]
    assert groups["Figures quoted in the same articles"]
    named = {facts[i].data["name"] for i in groups["People and organisations named"]}
    assert {"Kassym-Jomart Tokayev", "Recep Tayyip Erdoğan"} <= named
    assert found is not None and found.id == visit.id
    assert visit.id in naming
    assert len(articles) == 5


def test_the_visit_a_fact_falls_in_is_found_by_its_date_as_a_scan_of_every_visit_finds(
    tmp_path: Path,
) -> None:
    """The stored visits looked up by a fact's day (and month, and year) give the same
    visit as trying every visit, whichever countries and dates (day, month, year,
    missing) the facts carry."""
    rng = random.Random(7)
    countries = ["AA", "BB", "CC", "DD"]

    def date() -> str:
        day = f"2020-0{rng.randint(1, 3)}-{rng.randint(1, 28):02d}"
        return rng.choice([day, day, day, day[:7], day[:4], ""])

    def some_countries() -> list[str]:
        return rng.sample(countries, rng.randint(0, 2))

    with Library(tmp_path / "lib") as library:
        for _ in range(120):
            start = date()
            later = f"{start[:8]}{min(28, int(start[8:]) + 3):02d}" if len(start) == 10 else start
            end = rng.choice([None, start, later])
            pair = [*some_countries(), None, None]
            data = {
                "visitor": "A visitor",
                "start": start or None,
                "end": end if start else None,
                "visitor_country": pair[0],
                "host_country": pair[1],
                "status": rng.choice(["held", "held", "planned"]),
            }
            library.add_fact("visits", {k: v for k, v in data.items() if v})
        visits = library.facts(["visits"])
        facts = [
            _fact(
                1000 + i,
                rng.choice(["agreements", "events"]),
                date=date(),
                parties=some_countries(),
                countries=some_countries(),
            )
            for i in range(400)
        ]
        found = library.read(lambda s: [containing_visit(Lookup(s), f) for f in facts])
    assert found == [visit_containing(visits, f) for f in facts]
    assert sum(v is not None for v in found) > 30  # the dates do meet

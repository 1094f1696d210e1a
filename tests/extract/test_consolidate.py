"""Consolidation: block keys, identity rules, merging with conflicts, the facts document."""

from __future__ import annotations

from app.consolidate import block_key, consolidate, merge, same_fact
from app.extract.model import Candidate, Evidence
from app.facts_doc import build_document


def cand(kind: str, data: dict, article: str = "a.txt", start: int = 0) -> Candidate:
    return Candidate(kind, data, [Evidence(article, start, start + 4, "text")])


VISIT = {
    "visitor_country": "JP",
    "host_country": "IN",
    "start": "2023-03-20",
    "kind": "official",
    "status": "held",
}


def test_block_key_of_a_visit() -> None:
    assert block_key(cand("visits", VISIT)) == "visits|JP>IN|2023"


def test_visits_one_day_apart_are_the_same_visit() -> None:
    assert same_fact("visits", VISIT, dict(VISIT, start="2023-03-21"))
    assert not same_fact("visits", VISIT, dict(VISIT, start="2023-03-25"))
    # Announced in one article, reported as held in another: one visit (CONVENTIONS 1)...
    assert same_fact("visits", VISIT, dict(VISIT, status="planned"))
    # ...but not an announcement of a later trip.
    assert not same_fact("visits", VISIT, dict(VISIT, status="planned", start="2023-09-02"))
    assert not same_fact("visits", VISIT, dict(VISIT, host_country="CN"))


def test_merge_records_conflicts_and_fills_gaps() -> None:
    b = dict(VISIT, kind="state", city="New Delhi")
    merged = merge("visits", dict(VISIT, city=None), b, "b.txt", ["a.txt"])
    assert merged["kind"] == "official"
    assert merged["city"] == "New Delhi"
    assert merged["conflicts"]["kind"] == [
        {"value": "official", "articles": ["a.txt"]},
        {"value": "state", "articles": ["b.txt"]},
    ]
    again = merge("visits", merged, dict(VISIT, kind="state"), "c.txt", ["a.txt", "b.txt"])
    assert again["conflicts"]["kind"][1]["articles"] == ["b.txt", "c.txt"]


def test_merge_keeps_the_more_precise_date() -> None:
    a = {"kind": "recognition", "date": "1991", "countries": ["PL", "DE"]}
    b = {"kind": "recognition", "date": "1991-12-16", "countries": ["PL", "DE"]}
    assert same_fact("events", a, b)
    assert merge("events", a, b, "b.txt", ["a.txt"])["date"] == "1991-12-16"


def test_statistics_union_equivalents_and_respect_periods() -> None:
    a = {
        "metric": "trade_volume",
        "value": 1e10,
        "unit": "USD",
        "qualifier": "target",
        "period": None,
        "countries": ["DE", "PL"],
        "equivalents": [{"value": 9e9, "unit": "EUR"}],
    }
    b = dict(a, equivalents=[{"value": 9.2e9, "unit": "EUR"}])
    assert same_fact("statistics", a, b)
    assert len(merge("statistics", a, b, "b.txt", ["a.txt"])["equivalents"]) == 2
    assert not same_fact("statistics", dict(a, period="2025"), dict(a, period="2024"))
    assert not same_fact("statistics", a, dict(a, qualifier="actual"))


def test_entities_merge_by_alias_and_union_aliases() -> None:
    a = {"name": "Olaf Scholz", "kind": "person", "aliases": ["Scholz"]}
    b = {"name": "Scholz", "kind": "person", "aliases": ["Chancellor Scholz"]}
    assert same_fact("entities", a, b)
    merged = merge("entities", a, b, "b.txt", ["a.txt"])
    assert merged["name"] == "Olaf Scholz"
    assert set(merged["aliases"]) == {"Scholz", "Chancellor Scholz"}
    org1 = {"name": "Parliamentary Assembly of Baltic States", "kind": "organization"}
    org2 = {"name": "Baltic Parliamentary Assembly", "kind": "organization"}
    assert same_fact("entities", org1, org2)


def test_consolidate_concatenates_evidence_once() -> None:
    one = cand("visits", VISIT, "a.txt", 0)
    two = cand("visits", dict(VISIT, start="2023-03-21"), "b.txt", 10)
    dup = cand("visits", VISIT, "a.txt", 0)
    facts = consolidate([one, two, dup])
    assert len(facts) == 1
    assert [(e.article, e.start) for e in facts[0].evidence] == [("a.txt", 0), ("b.txt", 10)]


def test_build_document() -> None:
    doc = build_document([{"id": "a.txt", "date": None}], [cand("visits", VISIT)])
    assert doc["format"] == "bilateral-facts/1"
    assert doc["articles"] == [{"id": "a.txt", "date": None}]
    assert doc["visits"][0]["evidence"] == [{"article": "a.txt", "quote": "text"}]
    assert doc["agreements"] == [] and doc["entities"] == []


def test_namesakes_stay_two_people() -> None:
    """Two full names sharing a surname are two people, even when each article also
    calls its person by the bare surname; the bare surname still joins either."""
    samuel = {"name": "Samuel Okafor", "kind": "person", "aliases": ["Okafor"]}
    lucia = {"name": "Lucia Okafor", "kind": "person", "aliases": ["Okafor"]}
    assert not same_fact("entities", samuel, lucia)
    assert same_fact("entities", samuel, {"name": "Okafor", "kind": "person"})
    titled = {"name": "Okafor", "kind": "person", "aliases": ["President Okafor"]}
    assert same_fact("entities", samuel, titled)


def test_a_target_quoted_with_and_without_its_deadline_is_one_target() -> None:
    target = {
        "metric": "trade_volume",
        "value": 1e10,
        "unit": "USD",
        "qualifier": "target",
        "period": "2030",
        "countries": ["CL", "PE"],
    }
    assert same_fact("statistics", target, dict(target, period=None))
    assert not same_fact("statistics", target, dict(target, period="2035"))
    actual = dict(target, qualifier="actual", period="2023")
    assert not same_fact("statistics", actual, dict(actual, period=None))


def test_a_name_written_family_name_first_is_the_same_person() -> None:
    from app.consolidate import consolidate, related_blocks
    from app.extract.model import Candidate, Evidence

    given_first = {"name": "Fumio Kishida", "kind": "person", "country": "JP"}
    family_first = {"name": "Kishida Fumio", "kind": "person", "country": "JP"}
    assert same_fact("entities", given_first, family_first)
    assert not same_fact("entities", given_first, dict(family_first, name="Kishida Taro"))
    facts = consolidate(
        [
            Candidate("entities", given_first, [Evidence("a.txt", 0, 5, "x")]),
            Candidate("entities", family_first, [Evidence("b.txt", 0, 5, "y")]),
        ]
    )
    assert len(facts) == 1 and {e.article for e in facts[0].evidence} == {"a.txt", "b.txt"}
    # the block is the family name's sound key (app.name_keys)
    assert related_blocks(Candidate("entities", family_first)) == ("entities|person|kisida",)


def test_a_person_named_in_latin_and_cyrillic_letters_is_one_entity() -> None:
    from app.consolidate import block_key, consolidate
    from app.extract.model import Candidate, Evidence

    latin = {"name": "Bakhyt Sadyrbayev", "kind": "person", "aliases": ["Sadyrbayev"]}
    cyrillic = {"name": "Бахыт Садырбаев", "kind": "person", "aliases": ["Садырбаев"]}
    other = {"name": "Бахыт Сатыбалдиев", "kind": "person"}
    assert block_key(Candidate("entities", latin)) == block_key(Candidate("entities", cyrillic))
    assert same_fact("entities", latin, cyrillic)
    assert not same_fact("entities", latin, other)
    facts = consolidate(
        [
            Candidate("entities", latin, [Evidence("en.txt", 0, 5, "x")]),
            Candidate("entities", cyrillic, [Evidence("ru.txt", 0, 5, "y")]),
        ]
    )
    assert len(facts) == 1 and {e.article for e in facts[0].evidence} == {"en.txt", "ru.txt"}


def test_a_middle_name_left_out_or_an_initial_is_the_same_person() -> None:
    full = {"name": "Arman Beisenovich Dzhaksybekov", "kind": "person"}
    assert same_fact("entities", full, {"name": "Arman Dzhaksybekov", "kind": "person"})
    assert same_fact("entities", full, {"name": "A. Dzhaksybekov", "kind": "person"})
    assert not same_fact("entities", full, {"name": "Berik Dzhaksybekov", "kind": "person"})
    assert not same_fact("entities", full, {"name": "B. Dzhaksybekov", "kind": "person"})


def test_visits_by_two_different_people_are_two_visits() -> None:
    undated = dict(VISIT, start=None, city="Mumbai")
    pm = dict(undated, visitor="Kenji Mori", kind="working")
    president = dict(undated, visitor="Aiko Tanaka", kind="state")
    assert not same_fact("visits", pm, president)
    assert len(consolidate([cand("visits", pm, "a.txt"), cand("visits", president, "b.txt")])) == 2
    # one person spelt two ways, and a visit whose visitor the text does not name, are one
    assert same_fact("visits", president, dict(president, visitor="A. Tanaka"))
    assert same_fact("visits", president, dict(undated, visitor=None))
    assert same_fact("visits", president, dict(undated, visitor="  "))  # typed blank
    # undated reports of visits to two different cities are two visits
    assert not same_fact("visits", undated, dict(undated, city="Chennai"))
    # articles may call one visit "official" and "state": no proof of two
    assert same_fact("visits", VISIT, dict(VISIT, kind="state"))

"""extract_article as others call it: dates, evidence offsets, and facts about any pair."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extract import extract_article
from app.extract.sentences import split_sentences

from .conftest import SEEDS
from .score_seeds import split_date

ARTICLE = """Brazilian President Luiz Inácio Lula da Silva arrived in Buenos Aires on Sunday for a \
two-day state visit to Argentina, where he was received by Argentine President Alberto Fernández.

The two presidents signed a memorandum of understanding on a common currency and a joint \
declaration on energy integration. In total, the delegations signed 12 agreements.

Trade between Brazil and Argentina reached $28.5 billion last year, and Brazilian companies \
invested more than $3 billion in Argentina between 2015 and 2022.

Lula said the two countries aim to raise trade to $40 billion by 2026.

Brazil has an embassy in Buenos Aires and consulates general in Córdoba, Rosario and Mendoza.

Fernández will visit Brasília in March."""


def facts(kind: str, extraction) -> list[dict]:  # type: ignore[no-untyped-def]
    return [c.data for c in extraction.facts if c.type == kind]


def test_an_article_about_another_pair_yields_visits_agreements_and_figures() -> None:
    ex = extract_article("br_ar.txt", ARTICLE, "2023-01-24")
    visits = facts("visits", ex)
    held = [v for v in visits if v["status"] == "held"]
    assert [(v["visitor_country"], v["host_country"], v["start"], v["kind"]) for v in held] == [
        ("BR", "AR", "2023-01-22", "state")
    ]
    assert held[0]["city"] == "Buenos Aires"
    planned = [v for v in visits if v["status"] == "planned"]
    assert [(v["visitor_country"], v["host_country"], v["start"]) for v in planned] == [
        ("AR", "BR", "2023-03")
    ]
    kinds = sorted(a["kind"] for a in facts("agreements", ex))
    assert kinds == ["agreement", "declaration", "memorandum"]
    batch = next(a for a in facts("agreements", ex) if a["kind"] == "agreement")
    assert batch["count"] == 12
    stats = {
        (s["metric"], s["value"], s["qualifier"], s["period"]) for s in facts("statistics", ex)
    }
    assert ("trade_volume", 28.5e9, "actual", "2022") in stats
    assert ("investment", 3e9, "more_than", "2015/2022") in stats
    assert ("trade_volume", 40e9, "target", "2026") in stats
    inv = next(s for s in facts("statistics", ex) if s["metric"] == "investment")
    assert (inv["from_country"], inv["to_country"]) == ("BR", "AR")
    assert all(set(s["countries"]) == {"AR", "BR"} for s in facts("statistics", ex))
    missions = {
        (m["country"], m["host_country"], m["city"], m["kind"]) for m in facts("missions", ex)
    }
    assert ("BR", "AR", "Rosario", "consulate_general") in missions
    assert len(missions) == 4
    people = {e["name"] for e in facts("entities", ex) if e["kind"] == "person"}
    assert {"Luiz Inácio Lula da Silva", "Alberto Fernández"} <= people


def test_evidence_offsets_are_exact_and_repeats_merge() -> None:
    text = (
        "Japan and India established diplomatic relations on April 28, 1952. "
        "Officials recalled that diplomatic relations were established in 1952."
    )
    ex = extract_article("x.txt", text, "2023-01-01")
    rel = [c for c in ex.facts if c.type == "events" and c.data["kind"] == "diplomatic_relations"]
    assert len(rel) == 1 and len(rel[0].evidence) == 2
    for c in ex.facts:
        for e in c.evidence:
            assert text[e.start : e.end] == e.quote
            assert e.article == "x.txt"


def test_article_date_given_inferred_or_none() -> None:
    ex = extract_article("a", "Nothing dated here.", "2020-02-02")
    assert (ex.date, ex.date_inferred) == ("2020-02-02", False)
    ex = extract_article("b", "The premier arrived on May 4, 2021. On Tuesday he left.", None)
    assert (ex.date, ex.date_inferred) == ("2021-05-04", True)
    ex = extract_article("c", "Relations improved in 2019.", None)
    assert (ex.date, ex.date_inferred) == (None, False)


def test_undated_seed_is_dated_by_its_visit() -> None:
    path = SEEDS / "004_fa93dc6aeb8c9ce0.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus/seeds is absent")
    date, body = split_date(path.read_text(encoding="utf-8"))
    assert date is None
    assert extract_article(path.name, body, None).date == "2022-10-13"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab. ,\n1$Oct()“”»-")), max_size=200))
def test_sentence_offsets_are_exact(text: str) -> None:
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_any_text_extracts_without_error(text: str) -> None:
    ex = extract_article("h", text, "2024-01-01")
    for c in ex.facts:
        for e in c.evidence:
            assert text[e.start : e.end] == e.quote


def test_committed_gazetteer_is_what_the_packages_give() -> None:
    """resources/extract/gazetteer.json is generated, never edited by hand."""
    from app.extract import gazetteer

    committed = json.loads(gazetteer.RESOURCE.read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(gazetteer.build(), ensure_ascii=False))


def test_no_country_or_leader_is_named_in_the_rules() -> None:
    banned = re.compile(
        r"kazakh|t[uü]rk|tokayev|erdo[gğ]an|ankara|almaty|astana|istanbul", re.IGNORECASE
    )
    folder = Path(__file__).resolve().parents[2] / "app" / "extract"
    for path in folder.glob("*.py"):
        assert not banned.search(path.read_text(encoding="utf-8")), path.name


def test_a_phone_call_is_not_a_visit() -> None:
    text = (
        "Polish President Andrzej Duda received a phone call from German Chancellor "
        "Olaf Scholz on Monday. Duda welcomed the decision of Germany and Poland."
    )
    ex = extract_article("call.txt", text, "2023-05-03")
    assert facts("visits", ex) == []


def test_anniversary_of_relations_falls_on_the_day_they_were_established() -> None:
    text = (
        "Japan and India established diplomatic relations on April 28, 1952. "
        "This year the two countries mark the 70th anniversary of diplomatic relations."
    )
    ex = extract_article("x.txt", text, "2022-02-01")
    dates = {c.data["kind"]: c.data["date"] for c in ex.facts if c.type == "events"}
    assert dates == {"diplomatic_relations": "1952-04-28", "anniversary": "2022-04-28"}


def test_a_name_written_with_several_spaces_or_a_line_break_is_read() -> None:
    """Found by the property test: 'President A  A' stopped the extractor (the name,
    joined with one space, was looked for in the text as written)."""
    text = "President Ilse  Marner met Foreign Minister Tomas\nVerhoeven in Lisbon."
    extraction = extract_article("spaces.txt", text, "2024-03-01")
    names = {f.data.get("name") for f in extraction.facts if f.type == "entities"}
    assert {"Ilse Marner", "Tomas Verhoeven"} <= names
    for fact in extraction.facts:
        for ev in fact.evidence:
            assert text[ev.start : ev.end] == ev.quote

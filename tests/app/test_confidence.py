"""Every fact carries a confidence computed from its evidence: more independent
articles raise it, disagreeing sources and guessed fields lower it, a person's word
makes it 1.0; exports write it and the views show it. The articles here are written
for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from app.confidence import HIGH, assess, fact_confidence
from app.library import Library

VISIT = {
    "visitor": "Ana Lima",
    "visitor_country": "PT",
    "host_country": "CL",
    "city": "Santiago",
    "start": "2023-04-12",
    "status": "held",
}


def test_a_second_article_raises_the_confidence_and_a_third_more() -> None:
    one = fact_confidence("visits", VISIT, ["a.txt"])
    two = fact_confidence("visits", VISIT, ["a.txt", "b.txt"])
    three = fact_confidence("visits", VISIT, ["a.txt", "b.txt", "c.txt"])
    assert 0 < one < two < three < 1
    assert fact_confidence("visits", VISIT, ["a.txt", "a.txt"]) == one  # one article twice


def test_disagreeing_sources_and_guessed_fields_lower_it_and_say_why() -> None:
    base = assess("visits", VISIT, ["a.txt"])
    undated = assess("visits", VISIT | {"start": None}, ["a.txt"])
    conflict = {"conflicts": {"city": [{"value": "Valparaíso", "articles": ["b.txt"]}]}}
    disputed = assess("visits", VISIT | conflict, ["a.txt", "b.txt"])
    assert undated.value < base.value and "no date given for the visit" in undated.reasons
    assert disputed.value < fact_confidence("visits", VISIT, ["a.txt", "b.txt"])
    assert "the sources disagree on city" in disputed.reasons
    assert undated.label in ("uncertain", "guess") and not undated.by_person


def test_a_persons_word_is_certain() -> None:
    edited = assess("statistics", {"metric": "exports"}, ["a.txt"], edited=["value"])
    added = assess("missions", {}, [], origin="user")
    assert edited.value == added.value == 1.0
    assert edited.label == added.label == "confirmed"


def test_values_stay_inside_zero_and_one_for_every_type() -> None:
    worst = {
        "conflicts": {k: [] for k in "abcdef"},
        "status": "planned",
        "metric": "deposits",
        "kind": "honorary_consulate",
    }
    for fact_type in ("visits", "agreements", "statistics", "events", "missions"):
        for data in ({}, worst):
            assert 0.0 < fact_confidence(fact_type, data, ["a.txt"]) < 1.0


ARTICLE_1 = (
    " date 2023-04-14 \n"
    "Portuguese President Ana Lima arrived in Santiago on Wednesday for a state visit to "
    "Chile. The two leaders signed five "
    "agreements on energy, mining and education. Trade between Portugal and Chile "
    "reached $1.2 billion last year."
)
ARTICLE_2 = (
    " date 2023-04-13 \n"
    "Ana Lima, the President of Portugal, arrived in Santiago on Wednesday for a state "
    "visit to Chile, where President Tomás Reyes welcomed her."
)


def test_the_json_export_carries_a_confidence_on_every_fact(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "lima_santiago_1.txt").write_text(ARTICLE_1, encoding="utf-8")
    (folder / "lima_santiago_2.txt").write_text(ARTICLE_2, encoding="utf-8")
    with Library(tmp_path / "lib") as library:
        library.import_paths([folder])
        doc = library.export_document()
        out = tmp_path / "facts.json"
        from app.export import export_document

        export_document(doc, out, "json")
    written = json.loads(out.read_text(encoding="utf-8"))
    facts = [
        (kind, fact)
        for kind in ("visits", "agreements", "statistics", "events", "missions")
        for fact in written[kind]
    ]
    assert {k for k, _ in facts} >= {"visits", "agreements", "statistics"}
    for _kind, fact in facts:
        assert 0.0 <= fact["confidence"] <= 1.0
    assert all("confidence" not in e for e in written["entities"])
    (visit,) = written["visits"]
    assert {e["article"] for e in visit["evidence"]} == {
        "lima_santiago_1.txt",
        "lima_santiago_2.txt",
    }
    # Two articles agree on a dated, hosted visit: likely right.
    assert visit["confidence"] >= HIGH

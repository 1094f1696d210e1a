"""The language module: the registry, the names it must define, and the recognisers
reading their words from the article's context (not from module globals)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.extract import extract_article
from app.extract.context import build_context
from app.extract.lang import LANGUAGES, REQUIRED, en, language
from app.extract.pipeline import extract
from app.extract.sentences import Span, split_clauses, split_sentences

EXTRACT = Path(__file__).resolve().parents[2] / "app" / "extract"
RECOGNISERS = (
    "agreements",
    "visits",
    "events",
    "statistics",
    "missions",
    "numbers",
    "dates",
    "countries",
    "context",
    "pipeline",
    "entities",
    "entity_facts",
    "sentences",
)

# sentences written for these tests
COVENANT = (
    "Kenya and Ghana signed a covenant on fisheries in Nairobi on 5 March 2024. "
    "Ghana and Kenya agreed to meet again next year."
)
JOURNEY = (
    "Kenya's President William Ruto journeyed to Ghana on 4 March 2024. "
    "Ghana and Kenya discussed trade and fisheries."
)
COMMISSIONER = (
    "Kenya's Commissioner Amina Wanjiru met Ghana's President Kofi Asante in Nairobi on "
    "5 March 2024. Wanjiru and Asante discussed fisheries."
)
MWALIMU = (
    "Kenya's President Mwalimu Daniel Otieno arrived in Accra on 4 March 2024. "
    "Ghana and Kenya discussed trade."
)
GUILD = (
    "The Kenya Fisheries Guild and the Ghana Trade Council met in Nairobi on 5 March 2024. "
    "Kenya and Ghana agreed to cooperate."
)
AMBASSADOR = "The delegation was led by Amb. Wanjiru Kamau. Talks began at noon."


def _with(**changes: object) -> SimpleNamespace:
    """English with some names replaced: a language of its own."""
    lang = SimpleNamespace(**vars(en))
    for name, value in changes.items():
        setattr(lang, name, value)
    return lang


def _facts(text: str, kind: str, lang: object = "en") -> list[dict]:
    return [c.data for c in extract("t.txt", text, "2024-03-06", lang).facts if c.type == kind]


def test_registry() -> None:
    assert language("en") is en
    assert language() is en
    assert LANGUAGES["en"] is en
    with pytest.raises(ValueError, match="en"):
        language("xx")
    with pytest.raises(ValueError, match="en"):
        extract_article("t.txt", COVENANT, "2024-03-06", lang="xx")


def test_context_carries_the_language() -> None:
    assert build_context("t.txt", COVENANT, "2024-03-06").lang is en
    other = _with()
    assert build_context("t.txt", COVENANT, "2024-03-06", other).lang is other


def test_agreements_read_the_document_nouns_from_the_context() -> None:
    assert _facts(COVENANT, "agreements") == []  # no English document noun
    covenant = _with(
        DOC_NOUN=re.compile(
            en.DOC_NOUN.pattern.replace("treat(?:y|ies)|", "treat(?:y|ies)|covenants?|"),
            en.DOC_NOUN.flags,
        )
    )
    found = _facts(COVENANT, "agreements", covenant)
    assert [(a["kind"], a["date"], a["status"]) for a in found] == [
        ("agreement", "2024-03-05", "signed")
    ]
    assert found[0]["title"].startswith("Covenant on fisheries")
    assert _facts(COVENANT, "agreements") == []  # English itself is unchanged


def test_visits_read_the_visit_verbs_from_the_context() -> None:
    assert _facts(JOURNEY, "visits") == []  # "journeyed" is no English visit verb
    journey = _with(
        VISIT_TRIGGER=re.compile(en.VISIT_TRIGGER.pattern.replace("|trip|", "|trip|journeyed|"))
    )
    found = _facts(JOURNEY, "visits", journey)
    pair = build_context("t.txt", JOURNEY, "2024-03-06").pair
    assert len(found) == 1
    visit = found[0]
    assert {visit["visitor_country"], visit["host_country"]} == set(pair)
    assert (visit["start"], visit["status"]) == ("2024-03-04", "held")


def test_dates_read_the_month_names_from_the_context() -> None:
    # the visit keeps its date only while "March" is a month of the language
    months = {k: v for k, v in en.MONTHS.items() if not k.startswith("mar")}
    src = (
        "(?=[JFMASOND])(?:"
        + "|".join(sorted((m.capitalize() for m in months), key=len, reverse=True))
        + ")"
    )
    no_march = _with(
        DATE_PATTERNS=[
            (kind, re.compile(p.pattern.replace(en.MONTH_NAME_SRC, src), p.flags))
            for kind, p in en.DATE_PATTERNS
        ],
        DATE_PROBES={**en.DATE_PROBES, "month": re.compile(src)},
        MONTHS=months,
        VISIT_TRIGGER=re.compile(en.VISIT_TRIGGER.pattern.replace("|trip|", "|trip|journeyed|")),
    )
    assert [v["start"] for v in _facts(JOURNEY, "visits", no_march)] == ["2024"]


def test_every_required_name_is_defined_in_english() -> None:
    assert set(REQUIRED) == set(RECOGNISERS)
    missing = [n for names in REQUIRED.values() for n in names if not hasattr(en, n)]
    assert missing == []
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]*", n) for names in REQUIRED.values() for n in names)


def test_the_recognisers_read_only_listed_names() -> None:
    """Every language name a recogniser reads is in the list (the list is complete)."""
    read = re.compile(r"\b(?:L|lang|self\.lang|ctx\.lang|_EN)\.([A-Z][A-Z0-9_]*)")
    for name in RECOGNISERS:
        used = set(read.findall((EXTRACT / f"{name}.py").read_text(encoding="utf-8")))
        assert used, name
        assert used <= set(REQUIRED[name]), (name, sorted(used - set(REQUIRED[name])))


def _entities(text: str, kind: str, lang: object = "en") -> list[tuple[str, ...]]:
    return sorted(
        (e["name"], e["country"]) if kind == "person" else (e["name"],)
        for e in _facts(text, "entities", lang)
        if e["kind"] == kind
    )


def test_people_read_the_titles_from_the_context() -> None:
    assert _entities(COMMISSIONER, "person") == [("Kofi Asante", "GH")]
    commissioner = _with(TITLE=en.TITLE.replace("|Pope|", "|Pope|Commissioner|"))
    assert _entities(COMMISSIONER, "person", commissioner) == [
        ("Amina Wanjiru", "KE"),
        ("Kofi Asante", "GH"),
    ]
    assert _entities(COMMISSIONER, "person") == [("Kofi Asante", "GH")]  # English unchanged


def test_people_read_the_honorifics_from_the_context() -> None:
    assert _entities(MWALIMU, "person") == [("Mwalimu Daniel Otieno", "KE")]
    mwalimu = _with(HONORIFIC=en.HONORIFIC.replace("|Madam|", "|Madam|Mwalimu|"))
    assert _entities(MWALIMU, "person", mwalimu) == [("Daniel Otieno", "KE")]


def test_organisations_read_the_head_nouns_from_the_context() -> None:
    assert _entities(GUILD, "organization") == [("Trade Council",)]
    guild = _with(ORG_HEADS=en.ORG_HEADS | {"Guild"})
    assert _entities(GUILD, "organization", guild) == [("Fisheries Guild",), ("Trade Council",)]


def test_sentences_read_the_abbreviations_from_the_language() -> None:
    english = ["The delegation was led by Amb.", "Wanjiru Kamau.", "Talks began at noon."]
    assert [s.text for s in split_sentences(AMBASSADOR)] == english
    assert [s.text for s in split_sentences(AMBASSADOR, en)] == english
    amb = _with(ABBREVIATIONS=en.ABBREVIATIONS | {"amb"})
    assert [s.text for s in split_sentences(AMBASSADOR, amb)] == [
        "The delegation was led by Amb. Wanjiru Kamau.",
        "Talks began at noon.",
    ]
    # build_context splits with the article's language
    assert len(build_context("t.txt", AMBASSADOR, "2024-03-06").sentences) == 3
    assert len(build_context("t.txt", AMBASSADOR, "2024-03-06", amb).sentences) == 2


def test_clauses_read_the_joints_from_the_language() -> None:
    text = "Kenya raised exports, whereas Ghana cut imports"
    span = Span(0, len(text), text)
    assert [c.text for c in split_clauses(span)] == [
        "Kenya raised exports",
        "whereas Ghana cut imports",
    ]
    semicolons = _with(CLAUSE=re.compile(r";\s+"))
    assert [c.text for c in split_clauses(span, semicolons)] == [text]
    assert len(split_clauses(span)) == 2  # each language keeps its own cache

"""Event phrasings, one class per test, each in a sentence written for the test (invented
names and country pairs; no article of the corpus is quoted)."""

from __future__ import annotations

from typing import Any

from app.extract import extract_article


def facts(text: str, date: str | None = "2024-05-08") -> list[dict[str, Any]]:
    return [c.data for c in extract_article("t.txt", text, date).facts if c.type == "events"]


def events(text: str, date: str | None = "2024-05-08") -> set[tuple[str, str | None]]:
    return {(e["kind"], e["date"]) for e in facts(text, date)}


def test_relations_officially_established_in_a_year() -> None:
    text = (
        "The relations which were officially established in 1975 between Chile and Peru have "
        "grown steadily."
    )
    assert ("diplomatic_relations", "1975") in events(text)


def test_a_participle_opening_names_the_year_a_committee_was_set_up() -> None:
    text = (
        "Norway's Prime Minister Ola Berg met Danish Prime Minister Lars Holm at the fourth "
        "meeting of their joint strategic committee. Set up in 2016, the body meets twice a "
        "year."
    )
    assert ("council_established", "2016") in events(text)


def test_a_commission_set_up_in_a_year_after_a_comma() -> None:
    text = (
        "Ghana and Togo hold talks through a Permanent Joint Commission, established in 2001 "
        "to oversee trade and transport."
    )
    assert ("council_established", "2001") in events(text)


def test_an_upgrade_with_a_long_object() -> None:
    text = (
        "Kenya and Ethiopia on Monday adopted a declaration on elevating their ties, long "
        "described as friendly, to the level of an enhanced partnership."
    )
    assert ("partnership_upgrade", "2024-05-06") in events(text)


def test_an_upgrade_confirmed_at_a_council_session() -> None:
    text = (
        "At the third session of the Chile-Peru joint council in Lima, President Gabriel Boric "
        "confirmed that both governments would upgrade their ties to a strategic partnership, "
        "one that will cover energy."
    )
    got = events(text)
    assert ("council_meeting", "2024-05-08") in got
    assert ("partnership_upgrade", "2024-05-08") in got


def test_a_numbered_leaders_retreat_is_a_council_meeting() -> None:
    text = "Dutch and Belgian ministers prepared the 5th Dutch-Belgian Leaders' Retreat."
    assert {k for k, _d in events(text)} == {"council_meeting"}


def test_a_named_high_level_meeting_held_on_weekdays() -> None:
    text = (
        "The High Level Meeting, held Monday and Tuesday in Lisbon, ended with twelve accords "
        "between Portugal and Spain."
    )
    assert ("council_meeting", "2024-05-06") in events(text)


def test_the_first_joint_session_of_two_governments() -> None:
    text = (
        "The first joint session of the two governments took place in Oslo on 4 March 2019, "
        "Norway and Denmark said."
    )
    assert ("council_meeting", "2019-03-04") in events(text, None)


def test_an_anniversary_celebrated_now_falls_in_the_article_year() -> None:
    text = (
        "The 20th anniversary of the Kenya-Ethiopia joint commission will be celebrated during "
        "the upcoming talks."
    )
    assert ("anniversary", "2024") in events(text)


def test_an_anniversary_in_a_when_clause_takes_the_sentence_year() -> None:
    text = (
        "Chile and Peru plan a festival next year, when the 40th anniversary of their "
        "diplomatic relations falls."
    )
    assert ("anniversary", "2025") in events(text)


def test_an_odd_anniversary_is_no_event() -> None:
    text = "This year marks the 27th anniversary of diplomatic relations between Chile and Peru."
    assert not {k for k, _d in events(text)} & {"anniversary"}


def test_a_multilateral_body_set_up_in_a_year_is_not_the_pairs_council() -> None:
    text = (
        "Chile and Peru both spoke at the Security Council. The Security Council, established "
        "in 1945, met on Monday. Founded in 1948, the body of the region meets yearly."
    )
    assert "council_established" not in {k for k, _d in events(text)}


def test_an_acronym_of_a_bilateral_commission_set_up_in_a_year() -> None:
    text = (
        "Ghana and Togo will mark the tenth year of their Permanent Joint Commission (PJC). "
        "The PJC, established in 2014, meets every two years."
    )
    assert ("council_established", "2014") in events(text)

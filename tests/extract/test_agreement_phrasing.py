"""Agreements: phrasing classes read on real articles, each in sentences written for this
test (no article of the corpus is quoted): programmes adopted, coordinated batches, a
plan that covers every document of its sentence, exchanges of notes, a future signing
announced on a past day."""

from __future__ import annotations

from typing import Any

from app.extract import extract_article


def agreements(text: str, date: str = "2024-05-06") -> list[dict[str, Any]]:
    return [c.data for c in extract_article("t.txt", text, date).facts if c.type == "agreements"]


def test_a_programme_adopted_or_signed_is_a_decision() -> None:
    text = (
        "Chile and Peru signed a joint programme of cooperation in mining on Monday. "
        "The ministers also agreed to adopt a programme covering twelve priority areas."
    )
    got = agreements(text)
    assert [a["kind"] for a in got] == ["decision", "decision"]
    assert got[0]["status"] == "signed" and got[0]["date"] == "2024-05-06"


def test_a_programme_nobody_adopted_is_no_document() -> None:
    text = (
        "The visit programme included a tour of the old town of Cusco. "
        "A student exchange program has run between the two universities for years."
    )
    assert agreements(text) == []


def test_memoranda_and_agreements_signed_together_are_one_batch() -> None:
    got = agreements("Ghana and Togo signed MoUs and agreements in several sectors on Monday.")
    assert len(got) == 1
    (batch,) = got
    assert batch["kind"] == "agreement" and batch["count"] is None
    assert batch["title"].startswith("MoUs and agreements")


def test_a_plan_covers_every_document_its_sentence_names() -> None:
    text = (
        "The two prime ministers will also witness the signing of a memorandum of "
        "understanding on fisheries and a side letter on the joint fund."
    )
    got = agreements(text)
    assert {a["kind"] for a in got} == {"memorandum", "agreement"}
    assert {a["status"] for a in got} == {"planned"}


def test_an_exchange_of_notes_is_an_agreement() -> None:
    text = "Korea and Laos conducted an exchange of notes on a grant for flood warning systems."
    (got,) = agreements(text)
    assert got["kind"] == "agreement" and got["title"].startswith("Exchange of notes")


def test_a_future_signing_is_not_dated_by_the_day_it_was_announced() -> None:
    text = (
        "The minister said on Monday that Kenya and Uganda will sign agreements on rail "
        "transport during the president's visit in September."
    )
    (got,) = agreements(text, "2024-05-08")
    assert got["status"] == "planned"
    assert got["date"] == "2024-09"


def test_same_day_news_in_the_present_perfect_takes_the_article_date() -> None:
    text = (
        "President Ana Lima of Portugal arrived in Santiago on Monday for a state visit to "
        "Chile. At the end of the visit the two governments have issued a joint statement "
        "on energy cooperation."
    )
    got = [a for a in agreements(text, "2024-05-08") if a["kind"] == "declaration"]
    assert [a["date"] for a in got] == ["2024-05-08"]  # not the visit's first day

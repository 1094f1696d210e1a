"""Sentence splitting: ordinary text, and hard-wrapped text whose sentences run on across
line breaks (texts written for this test)."""

from __future__ import annotations

from app.extract import extract_article
from app.extract.sentences import split_sentences, wrap_width

WRAPPED = (
    "The Presidents of Ruritania and Norway met in Oslo and issued a joint\n"
    "statement on the first session of their new joint commission, held at\n"
    "the royal palace.\n"
    "Text Of The Statement\n"
    "1. At the invitation of the Prime Minister of Norway, Her Excellency,\n"
    "Kari Nordvik, the President of Iceland, Jon Haraldsson, paid an\n"
    "official visit to Norway from 02 - 04 May 2024, accompanied by a large\n"
    "delegation of ministers and senior officials of both governments.\n"
    "2. The two leaders reviewed bilateral, regional and global issues of\n"
    "common interest and agreed to meet again in Reykjavik next year.\n"
)


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_index_the_text() -> None:
    for s in split_sentences(WRAPPED):
        assert WRAPPED[s.start : s.end] == s.text


def test_hard_wrapped_text_is_recognised() -> None:
    assert 60 <= wrap_width(WRAPPED) <= 75


def test_paragraphs_of_one_line_are_not_hard_wrapped() -> None:
    text = "\n\n".join(["A first paragraph of some length that ends here." * 3] * 6)
    assert wrap_width(text) == 0
    menu = "World\nBusiness & Economy\nScience & Space\nSport\nPress Review\nWeather\n"
    assert wrap_width(menu) == 0


def test_a_wrapped_sentence_runs_on_across_line_breaks() -> None:
    got = texts(WRAPPED)
    assert got[0].startswith("The Presidents") and got[0].endswith("royal palace.")
    assert "\n" in got[0]


def test_a_short_line_ends_a_heading() -> None:
    assert "Text Of The Statement" in texts(WRAPPED)


def test_an_item_number_stays_with_its_item() -> None:
    got = texts(WRAPPED)
    item = next(s for s in got if s.startswith("1."))
    assert item.endswith("governments.")
    assert "1." not in got
    assert any(s.startswith("2. The two leaders") for s in got)


def test_a_number_ending_a_sentence_still_ends_it() -> None:
    assert texts("Trade grew by 2. Then it fell.") == ["Trade grew by 2.", "Then it fell."]


def test_unwrapped_lines_still_end_sentences() -> None:
    text = "Iceland and Norway\nThe ministers met in Oslo on Monday.\nThey signed a pact."
    assert texts(text) == [
        "Iceland and Norway",
        "The ministers met in Oslo on Monday.",
        "They signed a pact.",
    ]


def test_people_of_a_wrapped_communique_are_found() -> None:
    people = {
        c.data["name"]
        for c in extract_article("t.txt", WRAPPED, "2024-05-05").facts
        if c.type == "entities" and c.data["kind"] == "person"
    }
    assert {"Kari Nordvik", "Jon Haraldsson"} <= people
    assert not any("Excellency" in p for p in people)


def test_a_list_of_titles_one_a_line_is_not_hard_wrapped() -> None:
    text = (
        "Documents signed at the talks\n"
        "Memorandum of Understanding on Cooperation in Renewable Energy\n"
        "Agreement on the Mutual Protection of Classified Information\n"
        "Programme of Cultural Exchanges for the Years 2025 to 2028\n"
        "Memorandum of Understanding on Maritime Search and Rescue\n"
        "Agreement on Cooperation in Tourism and Hospitality Training\n"
        "Protocol on Consultations Between the Two Foreign Ministries\n"
    )
    assert wrap_width(text) == 0
    assert len(texts(text)) == 7

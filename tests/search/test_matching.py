"""What an analyst types finds what they mean: folding, stemming, aliases, fields, fuzzy."""

from __future__ import annotations

import pytest

from app.library import Library
from tests.search.conftest import sources

ALL = 100


def test_accents_and_case_fold_both_ways(lib: Library) -> None:
    assert sources(lib.search("Erdogan", ALL)) == sources(lib.search("ERDOĞAN", ALL))
    assert len(sources(lib.search("Erdogan", ALL))) == 5
    assert sources(lib.search("Turkiye", ALL)) == sources(lib.search("Türkiye", ALL))
    izmir = sources(lib.search("Izmir", ALL))
    assert izmir == sources(lib.search("İzmir", ALL)) == {"002_a37c1cf257e965da.txt"}
    # Polish letters: ł has no Unicode decomposition and is folded by hand.
    assert sources(lib.search("Lodz", ALL)) == {"poland_lithuania_2023.txt"}
    assert sources(lib.search("Suwalki Bialystok", ALL)) == {"poland_lithuania_2023.txt"}


def test_stemming_matches_plurals(lib: Library) -> None:
    singular = sources(lib.search("agreement", ALL))
    assert singular == sources(lib.search("agreements", ALL))
    assert "chile_argentina_2021.txt" in singular  # the article says only "agreements"


@pytest.mark.parametrize(
    ("typed", "only_in"),
    [
        ("Astana", "kazakhstan_poland_2020.txt"),  # says only "Nur-Sultan"
        ("OTS", "001_76c739ae50ea2fb1.txt"),  # says only "Organization of Turkic States"
    ],
)
def test_aliases_from_the_entity_table_widen_a_name(lib: Library, typed: str, only_in: str) -> None:
    found = sources(lib.search(typed, ALL))
    assert only_in in found


def test_turkey_and_turkiye_find_the_same_articles(lib: Library) -> None:
    assert sources(lib.search("Turkey", ALL)) == sources(lib.search("Türkiye", ALL))
    assert sources(lib.search("Nur-Sultan", ALL)) == sources(lib.search("Astana", ALL))


def test_fuzzy_word_finds_the_other_spelling(lib: Library) -> None:
    assert "tokaev" not in lib.article(1).text.lower()  # the texts spell it Tokayev
    fuzzy = sources(lib.search("Tokaev~", ALL))
    assert fuzzy == sources(lib.search("Tokayev", ALL)) and len(fuzzy) >= 4


def test_did_you_mean_for_a_misspelt_word(lib: Library) -> None:
    result = lib.search("Tokayv agreemnt", ALL)
    assert result.did_you_mean is not None
    assert "tokayev" in result.did_you_mean.lower()
    assert lib.search(result.did_you_mean).total > 0
    assert lib.search("Tokayev agreement").did_you_mean is None


def test_phrase_is_stricter_than_its_words(lib: Library) -> None:
    words = lib.search("strategic partnership", ALL).total
    phrase = lib.search('"enhanced strategic partnership"', ALL)
    assert 0 < phrase.total < words
    for hit in phrase.hits:
        marked = [t.lower() for t, m in hit.snippet if m]
        assert {"enhanced", "strategic", "partnership"} <= set(marked)


def test_boolean_operators(lib: Library) -> None:
    poland = sources(lib.search("Poland", ALL))
    lithuania = sources(lib.search("Lithuania", ALL))
    assert sources(lib.search("Poland AND Lithuania", ALL)) == poland & lithuania
    assert sources(lib.search("Poland OR Chile", ALL)) == poland | sources(lib.search("Chile", ALL))
    assert sources(lib.search("Poland NOT Lithuania", ALL)) == poland - lithuania
    assert sources(lib.search("(Poland OR Chile) AND lithium", ALL)) == {"chile_argentina_2021.txt"}


def test_prefix_matches_word_beginnings(lib: Library) -> None:
    assert "chile_argentina_2021.txt" in sources(lib.search("Antarc*", ALL))
    assert sources(lib.search("source:002*", ALL)) == {"002_a37c1cf257e965da.txt"}
    assert sources(lib.search("source:CHILE*", ALL)) == {"chile_argentina_2021.txt"}


def test_date_fields(lib: Library) -> None:
    in_2022 = lib.search("date:2022", ALL)
    assert in_2022.hits and all(h.date.startswith("2022") for h in in_2022.hits)
    span = lib.search("date:[2020 to 2021]", ALL)
    assert sources(span) == {"kazakhstan_poland_2020.txt", "chile_argentina_2021.txt"}
    assert sources(lib.search("date:2023-09", ALL)) == {"poland_lithuania_2023.txt"}


def test_country_by_code_or_name(lib: Library) -> None:
    by_code = sources(lib.search("country:LT", ALL))
    assert by_code == sources(lib.search("country:Lithuania", ALL))
    assert "poland_lithuania_2023.txt" in by_code
    assert "chile_argentina_2021.txt" not in by_code
    assert sources(lib.search("country:KZ", ALL)) == sources(lib.search("country:kazakhstan", ALL))


def test_person_and_type_fields(lib: Library) -> None:
    people = sources(lib.search("person:Tokayev", ALL))
    assert people and people == sources(lib.search("person:tokayev", ALL))
    assert "chile_argentina_2021.txt" not in people
    visits = lib.search("type:visit", ALL, kinds=["fact"])
    assert visits.hits and {h.fact_type for h in visits.hits} == {"visits"}
    assert lib.search("type:visits", ALL, kinds=["fact"]).total == visits.total


def test_words_and_fields_combine(lib: Library) -> None:
    found = lib.search("trade country:PL date:2023", ALL)
    assert sources(found) == {"poland_lithuania_2023.txt"}

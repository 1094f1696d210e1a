"""A city named as no document names it (a former name, another spelling) is suggested
by the name the documents use, from the gazetteer's table of city names (data, not
pairs written into the code)."""

from __future__ import annotations

from pathlib import Path

from search.index import SearchIndex
from search.schema import ArticleDoc


def _index(tmp_path: Path, text: str) -> SearchIndex:
    index = SearchIndex(tmp_path / "index")
    index.rebuild([ArticleDoc(1, "Forum", text, "2024-02-01", "forum.txt")], 1)
    return index


def test_a_former_name_suggests_the_name_the_documents_use(tmp_path: Path) -> None:
    index = _index(tmp_path, "The regional forum met in Astana and then in Bishkek.")
    for typed in ("Nur-Sultan", "Nur Sultan", "Akmola"):
        result = index.search(typed, 10)
        assert result.total == 0
        assert result.did_you_mean == "Astana", typed
    assert index.search("forum in Nur-Sultan", 10).did_you_mean == "forum in Astana"
    index.close()


def test_no_suggestion_when_the_documents_use_that_name(tmp_path: Path) -> None:
    index = _index(tmp_path, "The regional forum met in Nur-Sultan in 2021.")
    assert index.search("Nur-Sultan", 10).did_you_mean is None
    assert index.search("Astana", 10).did_you_mean == "Nur-Sultan"  # and the other way
    index.close()


def test_another_spelling_is_offered_when_the_own_name_is_not_held(tmp_path: Path) -> None:
    index = _index(tmp_path, "Delegates travelled on to Ulaanbaatar for the talks.")
    assert index.search("Urga", 10).did_you_mean == "Ulaanbaatar"
    index.close()


def test_an_excluded_or_quoted_name_is_left_as_typed(tmp_path: Path) -> None:
    index = _index(tmp_path, "The regional forum met in Astana and then in Bishkek.")
    for typed in ("forum -Akmola", "forum NOT Akmola", 'forum "met in Akmola"'):
        suggestion = index.search(typed, 10).did_you_mean
        assert suggestion is None or "Astana" not in suggestion, (typed, suggestion)
    index.close()

"""Searching Russian text finds a word in any of its case forms (names included), as
English text finds agreements by agreement; English search is unchanged. Articles
written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.library import Library
from search.analysis import name_analyzer, text_analyzer

RUSSIAN = (
    " date 2024-10-04 \n"
    "Президент Казахстана Касым-Жомарт Токаев прибыл в Анкару с государственным визитом. "
    "Стороны подписали пятнадцать соглашений о сотрудничестве."
)
ENGLISH = (
    " date 2024-10-05 \n"
    "President Tokayev signed fifteen agreements in Ankara during his state visit."
)


@pytest.mark.parametrize(
    "family",
    [
        ["Токаев", "Токаева", "Токаеву", "Токаевым"],
        ["Анкара", "Анкару", "Анкаре"],
        ["визит", "визита", "визитом", "визиты"],
        ["соглашение", "соглашения", "соглашений"],
        ["Мирзиёев", "Мирзиёева", "Мирзиеву"],  # ё folded to е
    ],
)
def test_the_case_forms_of_a_russian_word_are_one_term(family: list[str]) -> None:
    text, names = text_analyzer(), name_analyzer()
    assert len({t.text for form in family for t in text(form)}) == 1
    assert len({t.text for form in family for t in names(form)}) == 1


def test_latin_names_are_not_stemmed_but_running_english_is() -> None:
    assert [t.text for t in name_analyzer()("Agreements Tokayev")] == ["agreements", "tokayev"]
    assert [t.text for t in text_analyzer()("agreements")] == ["agreement"]


def test_a_russian_article_is_found_by_any_form_of_its_words(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    with Library(tmp_path / "lib") as library:
        library.import_paths([folder])

        def found(query: str) -> set[str]:
            hits = library.search(query, limit=10).hits
            return {h.source for h in hits if h.kind == "article"}

        # The text says Токаев and Анкару; the English article says Tokayev and Ankara:
        # one person and one city, found in either script.
        assert found("Токаева") == {"ru.txt", "en.txt"}
        assert found("Анкара") == {"ru.txt", "en.txt"}
        assert found("соглашение визиту") == {"ru.txt"}
        assert found("agreement") == {"en.txt"}


def test_a_name_typed_in_latin_letters_finds_the_russian_article(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")  # no English article at all
    with Library(tmp_path / "lib") as library:
        library.import_paths([folder])

        def found(query: str) -> set[str]:
            hits = library.search(query, limit=10).hits
            return {h.source for h in hits if h.kind == "article"}

        assert found("Tokayev") == {"ru.txt"}  # the person's sound: Токаев
        assert found("Tokaev") == {"ru.txt"}
        assert found("Ankara") == {"ru.txt"}  # the city's English name
        assert found("Putin") == set()


def test_a_name_field_finds_an_article_indexed_before_the_name_was_learned(
    tmp_path: Path,
) -> None:
    """The English article is indexed first; the Russian one, imported later, teaches the
    library the Cyrillic name: person:Токаев finds both."""
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    with Library(tmp_path / "lib") as library:
        library.import_paths([tmp_path / "en.txt"])
        library.import_paths([tmp_path / "ru.txt"])
        hits = library.search("person:Токаев", limit=10).hits
        assert {h.source for h in hits if h.kind == "article"} == {"en.txt", "ru.txt"}

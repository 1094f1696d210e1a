"""A person corrects an article's language: the article's facts are read again in that
language, the facts other articles give are left as they were, and a fact the person
confirmed stays. Articles written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.library import Library, LibraryError

RUSSIAN = (
    " date 2024-03-14 \n"
    "Президент Армении Арам Саакян прибыл в Улан-Батор с государственным визитом. "
    "Стороны подписали соглашение о сотрудничестве в области образования."
)
ENGLISH = (
    " date 2024-04-02 \nMongolia and Armenia signed a memorandum on tourism in Yerevan on Tuesday."
)


def _facts(library: Library) -> dict[int, tuple[str, dict, set[str]]]:  # type: ignore[type-arg]
    return {
        f.id: (f.type, f.data, {e.article for e in f.evidence})
        for f in library.facts()
        if f.type != "entities"
    }


def test_a_corrected_language_reads_the_article_again(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    with Library(tmp_path / "lib") as library:
        library.import_paths([folder])
        ru = next(a for a in library.articles() if a.file_name == "ru.txt")
        assert ru.language == "ru"
        before = _facts(library)
        visits = [
            f for f in library.facts(["visits"]) if "ru.txt" in {e.article for e in f.evidence}
        ]
        assert [(v.data["visitor_country"], v.data["host_country"]) for v in visits] == [
            ("AM", "MN")
        ]
        english = {i: f for i, f in before.items() if f[2] == {"en.txt"}}
        assert english

        library.set_article_language(ru.id, "unknown")  # read as English: nothing found
        after = _facts(library)
        assert not [f for f in after.values() if "ru.txt" in f[2]]
        assert {i: after[i] for i in english} == english  # the other article's facts stay

        library.set_article_language(ru.id, "ru")
        back = _facts(library)
        assert sorted(
            (t, d.get("visitor_country")) for t, d, a in back.values() if "ru.txt" in a
        ) == sorted((t, d.get("visitor_country")) for t, d, a in before.values() if "ru.txt" in a)

        # A fact the person confirmed stays when the article no longer gives it.
        visit = next(f for f in library.facts(["visits"]) if f.data["visitor_country"] == "AM")
        library.confirm_facts([visit.id])
        library.set_article_language(ru.id, "en")
        (kept,) = library.facts(ids=[visit.id])
        assert kept.review == "confirmed" and not kept.evidence

        with pytest.raises(LibraryError, match="not a language"):
            library.set_article_language(ru.id, "xx")


ENGLISH_VISIT = (
    " date 2024-03-13 \n"
    "Armenian President Aram Saakyan arrived in Ulaanbaatar on Wednesday for a state visit "
    "to Mongolia."
)


def _state(library: Library) -> dict:  # type: ignore[type-arg]
    return {
        f.id: (f.type, f.data, sorted((e.article, e.start, e.end) for e in f.evidence), f.review)
        for f in library.facts(include_hidden=True)
    }


def test_undoing_a_language_change_puts_back_exactly_what_it_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH_VISIT, encoding="utf-8")
    with Library(tmp_path / "lib") as library:
        library.import_paths([folder])
        ru = next(a for a in library.articles() if a.file_name == "ru.txt")
        visit = next(
            f for f in library.facts(["visits"]) if "ru.txt" in {e.article for e in f.evidence}
        )
        library.select_facts([visit.id])
        before, selected = _state(library), library.selection()

        snap = library.set_article_language(ru.id, "en")
        assert snap is not None and _state(library) != before
        library.restore_article_language(snap)
        assert _state(library) == before  # the same ids, fields, evidence
        assert library.selection() == selected
        assert library.article(ru.id).language == "ru"  # type: ignore[union-attr]
        assert library.set_article_language(ru.id, "ru") is None  # no change, nothing to undo


def test_a_deletion_is_undone_after_a_language_change_and_its_undo(tmp_path: Path) -> None:
    """Undo in the order a person makes changes: delete the English article (its visit is
    also the Russian article's), change the Russian one's language, undo both."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH_VISIT, encoding="utf-8")
    with Library(tmp_path / "lib") as library:
        library.import_paths([folder])
        before = _state(library)
        ids = {a.file_name: a.id for a in library.articles()}
        gone = library.remove_articles([ids["en.txt"]])
        snap = library.set_article_language(ids["ru.txt"], "en")
        assert snap is not None
        library.restore_article_language(snap)
        library.restore_articles(gone)
        assert _state(library) == before

"""Merging two facts that are one and splitting evidence off, each undone exactly: the
same ids, fields, evidence, confirmation and place in the selection. Articles written
for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.fact_edits import FactEditError
from app.library import Library

ONE = (
    " date 2024-03-05 \n"
    "Ghanaian President John Mahama arrived in Lomé on Tuesday for a working visit to Togo."
)
TWO = (
    " date 2024-03-22 \n"
    "Ghana's President John Mahama visited Togo on Wednesday and met President Faure "
    "Gnassingbé in Lomé."
)


@pytest.fixture
def lib(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(ONE, encoding="utf-8")
    (folder / "two.txt").write_text(TWO, encoding="utf-8")
    with Library(tmp_path / "lib") as library:
        library.import_paths([folder])
        yield library


def _state(library: Library) -> dict:  # type: ignore[type-arg]
    return {
        f.id: (f.type, f.data, sorted((e.article, e.start, e.end) for e in f.evidence), f.review)
        for f in library.facts(include_hidden=True)
    }


def test_two_visits_merged_are_one_and_the_merge_is_undone(lib: Library) -> None:
    visits = sorted(lib.facts(["visits"]), key=lambda f: f.data["start"])
    assert len(visits) == 2  # two weeks apart in the texts: read as two visits
    keep, other = visits
    lib.confirm_facts([other.id])
    lib.select_facts([keep.id, other.id])
    before = _state(lib)

    snap = lib.merge_facts(keep.id, other.id)
    (merged,) = lib.facts(["visits"])
    assert merged.id == keep.id and merged.data["start"] == keep.data["start"]
    assert {e.article for e in merged.evidence} == {"one.txt", "two.txt"}
    assert "start" in merged.data["conflicts"]  # the other date is kept, not lost
    assert merged.review == "confirmed"  # the person's confirmation comes along
    assert lib.selection() == [keep.id]

    lib.restore_facts(snap)
    assert _state(lib) == before
    assert lib.selection() == [keep.id, other.id]


def test_evidence_split_off_is_a_fact_of_its_own_until_undone(lib: Library) -> None:
    keep, other = sorted(lib.facts(["visits"]), key=lambda f: f.data["start"])
    lib.merge_facts(keep.id, other.id)
    before = _state(lib)
    two = next(a.id for a in lib.articles() if a.file_name == "two.txt")

    new_id, snap = lib.split_fact(keep.id, [two])
    facts = {f.id: f for f in lib.facts(["visits"])}
    assert {e.article for e in facts[keep.id].evidence} == {"one.txt"}
    assert {e.article for e in facts[new_id].evidence} == {"two.txt"}
    assert facts[new_id].review == "unreviewed"

    lib.restore_facts(snap)
    assert _state(lib) == before


def test_merges_and_splits_that_cannot_be_are_refused(lib: Library) -> None:
    visit = lib.facts(["visits"])[0]
    entity = lib.facts(["entities"])[0]
    with pytest.raises(FactEditError, match="cannot be one fact"):
        lib.merge_facts(visit.id, entity.id)
    with pytest.raises(FactEditError, match="two different facts"):
        lib.merge_facts(visit.id, visit.id)
    only = next(a.id for a in lib.articles())
    with pytest.raises(FactEditError, match=r"at least one article|none of those"):
        lib.split_fact(visit.id, [only])


def test_deleting_an_article_is_undone_exactly(lib: Library) -> None:
    one = next(a for a in lib.articles() if a.file_name == "one.txt")
    only_one = [f.id for f in lib.facts() if {e.article for e in f.evidence} == {"one.txt"}]
    confirmed = only_one[0]
    lib.confirm_facts([confirmed])
    lib.select_facts(only_one[:2])
    before = _state(lib)
    assert lib.search("Lomé", limit=10).total == 2

    gone = lib.remove_articles([one.id])
    after = {f.id: f for f in lib.facts(include_hidden=True)}
    assert one.id not in {a.id for a in lib.articles()}
    assert confirmed in after and not after[confirmed].evidence  # kept, no source
    assert all(i not in after for i in only_one[1:])  # the rest went with the article
    assert lib.search("Lomé", limit=10).total == 1

    lib.restore_articles(gone)
    assert _state(lib) == before
    assert lib.selection() == only_one[:2]
    assert lib.search("Lomé", limit=10).total == 2


def test_a_merge_holds_when_the_articles_are_read_again(lib: Library) -> None:
    keep, other = sorted(lib.facts(["visits"]), key=lambda f: f.data["start"])
    lib.merge_facts(keep.id, other.id)

    lib.reextract()
    (merged,) = lib.facts(["visits"])  # the extractor alone reads two visits here
    assert merged.id == keep.id
    assert {e.article for e in merged.evidence} == {"one.txt", "two.txt"}


SAME = (
    " date 2024-03-06 \n"
    "Ghanaian President John Mahama arrived in Lomé on Tuesday for a working visit to Togo."
)


def test_a_split_holds_when_the_articles_are_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(ONE, encoding="utf-8")
    (folder / "same.txt").write_text(SAME, encoding="utf-8")
    with Library(tmp_path / "lib") as library:
        library.import_paths([folder])
        (visit,) = library.facts(["visits"])  # one visit, reported twice
        same = next(a.id for a in library.articles() if a.file_name == "same.txt")
        new_id, _snap = library.split_fact(visit.id, [same])

        library.reextract()
        facts = {f.id: f for f in library.facts(["visits"])}
        assert set(facts) == {visit.id, new_id}
        assert {e.article for e in facts[visit.id].evidence} == {"one.txt"}
        assert {e.article for e in facts[new_id].evidence} == {"same.txt"}


def test_an_article_deleted_comes_back_whole_after_an_import(lib: Library, tmp_path: Path) -> None:
    newest = max(lib.articles(), key=lambda a: a.id)
    before = _state(lib)
    gone = lib.remove_articles([newest.id])
    later = tmp_path / "later"
    later.mkdir()
    (later / "later.txt").write_text(
        " date 2024-05-02 \nGhana's President John Mahama visited Benin on Thursday.",
        encoding="utf-8",
    )
    lib.import_paths([later])  # its rows would have taken the deleted rows' ids
    added = {i: v for i, v in _state(lib).items() if i not in before}
    assert added and all(i > max(before) for i in added)

    lib.restore_articles(gone)
    after = _state(lib)
    assert {i: after[i] for i in added} == added  # the new facts are untouched
    for i, (kind, data, evidence, review) in before.items():  # the old are back whole
        also = [e for e in after[i][2] if e[0] == "later.txt"]  # (a person named again)
        assert after[i] == (kind, data, sorted(evidence + also), review)


def test_an_article_imported_again_is_in_the_way_of_its_undo(lib: Library) -> None:
    newest = max(lib.articles(), key=lambda a: a.id)
    gone = lib.remove_articles([newest.id])
    lib.import_paths([Path(newest.path)])
    with pytest.raises(FactEditError, match="imported again"):
        lib.restore_articles(gone)


def test_a_merged_person_takes_back_only_its_own_mentions(lib: Library) -> None:
    """Re-reading after a merge of two people sends back to the merged fact the mentions
    of those people only, not the countries and places named in the same sentences."""
    people = [f for f in lib.facts(["entities"]) if f.data.get("kind") == "person"]
    others = {f.id: f.data for f in lib.facts(["entities"]) if f.data.get("kind") != "person"}
    assert len(people) >= 2 and others
    keep, other = people[0], people[1]
    lib.merge_facts(keep.id, other.id)
    lib.reextract()
    after = {f.id: f.data for f in lib.facts(["entities"])}
    assert after[keep.id]["kind"] == "person"
    names = {after[keep.id]["name"], *after[keep.id].get("aliases", [])}
    assert not names & {d["name"] for d in others.values()}  # no country or place in it
    assert set(others) <= set(after)  # and they are all still there

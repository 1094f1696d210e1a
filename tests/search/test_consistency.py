"""The index follows the database: import, re-extract, delete, stale or lost index."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import indexing
from app.library import Library
from search.index import Cancelled
from tests.search.conftest import DATA


def counts(lib: Library) -> tuple[int, int, int, int]:
    """(articles in the database, in the index, visible facts in the database, in the index)"""
    visible = sum(1 for _ in lib.facts())
    return lib.article_count(), lib.index.doc_count("article"), visible, lib.index.doc_count("fact")


def in_step(lib: Library) -> bool:
    db_a, ix_a, db_f, ix_f = counts(lib)
    return db_a == ix_a and db_f == ix_f


@pytest.fixture
def own(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "lib"
    with Library(folder) as lib:
        lib.import_paths([DATA])
    yield folder


def test_import_indexes_articles_and_their_facts(own: Path) -> None:
    with Library(own) as lib:
        assert lib.article_count() == 4 and lib.fact_count() > 0
        assert in_step(lib)
        assert lib.search("Vilnius").total == 1


def test_delete_articles_updates_database_and_index_together(own: Path) -> None:
    with Library(own) as lib:
        (hit,) = lib.search("Vilnius").hits
        facts_before = lib.search("Vilnius", 50, kinds=["fact"]).total
        assert facts_before > 0
        assert lib.delete_articles([hit.id]) == 1
        assert lib.search("Vilnius").total == 0
        assert lib.search("Vilnius", 50, kinds=["fact"]).total == 0
        assert lib.article(hit.id) is None
        assert in_step(lib)
        assert lib.search("Nur-Sultan").total == 1  # the others are untouched


def test_reextract_keeps_index_in_step(own: Path) -> None:
    with Library(own) as lib:
        lib.reextract()
        assert in_step(lib)
        assert lib.search("lithium", 10, kinds=None).total >= 1


def test_deleted_index_is_rebuilt_without_losing_anything(own: Path) -> None:
    with Library(own) as lib:
        before = counts(lib)
        found = [h.id for h in lib.search("agreement", 50, kinds=None).hits]
    shutil.rmtree(own / "index")
    with Library(own) as lib:
        assert counts(lib) == before
        assert [h.id for h in lib.search("agreement", 50, kinds=None).hits] == found


@pytest.mark.parametrize("damage", ["garbage", "truncate", "remove_toc"])
def test_corrupt_index_is_rebuilt(own: Path, damage: str) -> None:
    with Library(own) as lib:
        before = counts(lib)
    for f in (own / "index").iterdir():
        if damage == "garbage":
            f.write_bytes(b"\x00not an index\xff" * 10)
        elif damage == "truncate":
            f.write_bytes(f.read_bytes()[:7])
        elif f.suffix == ".toc":
            f.unlink()
    with Library(own) as lib:
        assert counts(lib) == before
        assert lib.search("Vilnius").total == 1


def test_other_version_stamp_means_rebuild(own: Path) -> None:
    stamp = own / "index" / "VERSION"
    old = json.loads(stamp.read_text())
    stamp.write_text(json.dumps({**old, "analyzer": old["analyzer"] - 1}))
    with Library(own) as lib:
        assert json.loads(stamp.read_text()) == old
        assert in_step(lib) and lib.search("Vilnius").total == 1


def test_missing_and_extra_documents_are_repaired_at_open(own: Path) -> None:
    with Library(own) as lib:
        (hit,) = lib.search("Vilnius").hits
        lib.index.update(delete_articles=[hit.id], delete_facts=[1, 2])
        assert not in_step(lib)
    with Library(own) as lib:
        assert in_step(lib) and lib.search("Vilnius").total == 1


def test_large_stale_library_is_rebuilt_in_a_worker_with_progress_and_cancel(
    own: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexing, "REBUILD_AT_OPEN", 1)  # "large" = more than one article
    shutil.rmtree(own / "index")
    with Library(own) as lib:
        assert lib.index_needs_rebuild()
        stale = lib.search("Vilnius")
        assert stale.index_stale and stale.total == 0
        with pytest.raises(Cancelled):
            lib.reindex(cancelled=lambda: True)
        assert lib.index_needs_rebuild()
        seen: list[tuple[int, int]] = []
        assert lib.reindex(progress=lambda d, t, _name: seen.append((d, t))) == 4
        assert seen and seen[-1][0] == seen[-1][1] > 4
        assert not lib.index_needs_rebuild() and in_step(lib)
        assert not lib.search("Vilnius").index_stale


def test_searching_goes_on_during_a_rebuild(own: Path) -> None:
    with Library(own) as lib:
        totals: list[int] = []
        lib.reindex(progress=lambda *_: totals.append(lib.search("Vilnius").total))
        assert totals and all(t == 1 for t in totals)


def test_index_is_updated_by_each_import(own: Path, tmp_path: Path) -> None:
    extra = tmp_path / "more.txt"
    extra.write_text(" date 2024-02-02 Estonian and Finnish ministers opened a ferry terminal.")
    with Library(own) as lib:
        lib.import_paths([extra])
        assert in_step(lib) and lib.search('"ferry terminal"').total == 1
        assert lib.search("date:2024", 10).total == 1

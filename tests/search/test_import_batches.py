"""A long import writes the index in batches; each fact is in the index once, current."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.import_pipeline as pipeline_module
from app.library import Library


def _indexed_once(library: Library):  # type: ignore[no-untyped-def]
    """Asserts the index holds each article and fact of the library once; its searcher."""
    searcher = library.index._current_searcher()
    uids = [fields["uid"] for fields in searcher.all_stored_fields()]
    assert len(uids) == len(set(uids)), "a document was added twice"
    articles, facts = library.index.ids()
    assert articles == {a.id for a in library.articles()}
    assert facts == {f.id for f in library.facts()}
    return searcher


def test_facts_merged_across_batches_are_indexed_once(
    library: Library, seeds_dir: Path, articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline_module, "INDEX_BATCH", 2)  # many batches, facts shared
    monkeypatch.setattr(pipeline_module, "STORE_GROUP", 2)
    report = library.import_paths([seeds_dir, articles_dir], processes=0)
    assert len(report.imported) >= 8
    searcher = _indexed_once(library)
    # A fact cited by articles of several batches names them all in its document.
    shared = max(library.facts(), key=lambda f: len({e.article_id for e in f.evidence}))
    cited = {e.article_id for e in shared.evidence}
    assert len(cited) >= 3
    stored = next(f for f in searcher.all_stored_fields() if f["uid"] == f"f{shared.id}")
    assert set(stored["articles"]) == cited


def test_a_fact_naming_all_its_sources_is_not_rewritten_by_each_batch(
    library: Library, seeds_dir: Path, articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once a fact's document names ``MAX_EVIDENCE`` sources, indexing more articles
    that cite it leaves the document as it is; a correction of the fact still reaches it."""
    import app.indexing as indexing

    monkeypatch.setattr(indexing, "MAX_EVIDENCE", 2)
    assert not library.import_paths([seeds_dir, articles_dir], processes=0).failed
    facts = library.facts()
    entities = [f for f in facts if f.type == "entities"]
    shared = max(entities, key=lambda f: len({e.article_id for e in f.evidence}))
    citing = sorted({e.article_id for e in shared.evidence})
    assert len(citing) >= 3
    stored = library.index._current_searcher().document(uid=f"f{shared.id}")
    assert list(stored["articles"]) == citing[:2], "its first two sources are named"

    cited = {f.id for f in facts if {e.article_id for e in f.evidence} & set(citing)}
    library.close()
    library = Library(library.folder)  # a new session knows nothing written before
    first = library.indexer.index_articles(citing) - len(citing)
    again = library.indexer.index_articles(citing) - len(citing)
    assert first == len(cited)
    assert again < first, "facts naming all the sources they can were written again"

    library.edit_fact(shared.id, {"name": "Zzqlandia"})
    library.indexer.index_articles(citing)
    stored = library.index._current_searcher().document(uid=f"f{shared.id}")
    assert "Zzqlandia" in stored["title"]
    library.close()


@pytest.mark.parametrize("processes", [0, 2])
def test_a_batch_in_several_parts_is_one_commit_with_each_fact_once(
    library: Library,
    seeds_dir: Path,
    articles_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    processes: int,
) -> None:
    """Batches grow while the index writer is busy and are sent in parts (``CHUNK``); a
    fact cited by articles of two parts is one document, naming all its sources."""
    import app.indexing as indexing

    monkeypatch.setattr(indexing, "CHUNK", 2)
    monkeypatch.setattr(pipeline_module, "INDEX_BATCH", 5)
    monkeypatch.setattr(pipeline_module, "STORE_GROUP", 1)
    report = library.import_paths([seeds_dir, articles_dir], processes=processes)
    assert len(report.imported) >= 8 and not report.failed
    searcher = _indexed_once(library)
    for fact in library.facts():
        stored = searcher.document(uid=f"f{fact.id}")
        cited = sorted({e.article_id for e in fact.evidence})
        assert sorted(stored["articles"]) == cited[: indexing.MAX_EVIDENCE], fact.id

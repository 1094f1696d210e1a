"""A long import writes the index in batches; each fact is in the index once, current."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.library as library_module
from app.library import Library


def test_facts_merged_across_batches_are_indexed_once(
    library: Library, seeds_dir: Path, articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_module, "INDEX_BATCH", 2)  # many batches, facts shared
    monkeypatch.setattr(library_module, "STORE_GROUP", 2)
    report = library.import_paths([seeds_dir, articles_dir], processes=0)
    assert len(report.imported) >= 8
    searcher = library.index._current_searcher()
    uids = [fields["uid"] for fields in searcher.all_stored_fields()]
    assert len(uids) == len(set(uids)), "a document was added twice"
    articles, facts = library.index.ids()
    assert articles == {a.id for a in library.articles()}
    assert facts == {f.id for f in library.facts()}
    # A fact cited by articles of several batches names them all in its document.
    shared = max(library.facts(), key=lambda f: len({e.article_id for e in f.evidence}))
    cited = {e.article_id for e in shared.evidence}
    assert len(cited) >= 3
    stored = next(f for f in searcher.all_stored_fields() if f["uid"] == f"f{shared.id}")
    assert set(stored["articles"]) == cited

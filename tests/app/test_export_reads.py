"""An export of a few facts reads only the articles those facts cite, and never an
article's text (an export of three facts read all 50,000 articles whole)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from app.library import Library
from benchmarks.corpus import write_files


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library of 40 generated articles."""
    tmp = tmp_path_factory.mktemp("many")
    with Library(tmp / "lib") as library:
        library.import_paths(write_files(tmp / "articles", 40))
    return tmp / "lib"


def _article_reads(library: Library) -> list[tuple[str, Any]]:
    """Every statement run on the library that reads the articles table, with its
    parameters, from now on."""
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, params: Any, *_a: Any) -> None:
        if "FROM articles" in statement:
            seen.append((statement, params))

    event.listen(library.engine, "before_cursor_execute", record)
    return seen


def test_an_export_of_two_facts_reads_only_the_articles_they_cite(many: Path) -> None:
    with Library(many) as library:
        assert library.article_count() == 40
        two = [f for f in library.facts(["visits", "agreements"]) if f.evidence][:2]
        cited = {e.article_id for f in two for e in f.evidence}
        assert len(cited) < 10
        reads = _article_reads(library)
        doc = library.export_document(ids=[f.id for f in two])
    assert [f["id"] for kind in ("visits", "agreements") for f in doc[kind]] != []
    names = {a["id"] for a in doc["articles"]}
    assert len(names) == len(cited)
    assert reads, "the articles' heads are read in a query"
    for statement, params in reads:
        assert "articles.text" not in statement
        asked = {v for v in (params.values() if isinstance(params, dict) else params)}
        assert asked <= cited, statement  # only the cited articles' ids


def test_an_export_of_everything_lists_every_article_without_its_text(many: Path) -> None:
    with Library(many) as library:
        reads = _article_reads(library)
        doc = library.export_document()
    assert len(doc["articles"]) == 40
    assert all("articles.text" not in statement for statement, _p in reads)
    assert [a["id"] for a in doc["articles"]] == sorted(a["id"] for a in doc["articles"])

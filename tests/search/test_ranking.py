"""The block-at-a-time ranking and counting agree with Whoosh's own, hit for hit."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.collectors import TopCollector

from app.library import Library
from search.counting import doc_set
from search.ranking import LengthCache, rank

QUERIES = [
    "agreements",
    "trade OR investment",
    "visit country:KZ",
    "agreement NOT energy",
    "president AND (trade OR tourism) date:2022",
    "minist*",
    "Tokaev~",
]


@pytest.fixture
def filled(library: Library, seeds_dir: Path, articles_dir: Path) -> Library:
    library.import_paths([seeds_dir, articles_dir])
    library.delete_articles([library.articles()[0].id])  # a segment with deletions
    library.import_paths([seeds_dir])  # ...and a second segment
    return library


@pytest.mark.parametrize("text", QUERIES)
def test_same_hits_scores_and_counts_as_whoosh(filled: Library, text: str) -> None:
    index = filled.index
    searcher = index._current_searcher()
    from search.query import bound_expansions

    query = bound_expansions(index.parse(text), searcher.reader())
    ours = rank(searcher, query, 10, LengthCache())
    assert ours is not None, f"{text!r} should be ranked block by block"
    theirs = TopCollector(limit=10, usequality=False)
    searcher.search_with_collector(query, theirs)
    expected = [(round(r.score, 6), r.docnum) for r in theirs.results()]
    assert [(round(s, 6), d) for s, d in ours.top] == expected
    whole = sum(1 for _ in searcher.docs_for_query(query))
    assert ours.total == whole > 0
    for sub, _ in searcher.leaf_searchers():
        assert doc_set(query, sub.reader()) == set(query.docs(sub))


def test_a_phrase_is_left_to_whoosh(filled: Library) -> None:
    index = filled.index
    searcher = index._current_searcher()
    assert rank(searcher, index.parse('"state visit"'), 10, LengthCache()) is None


def test_warming_reads_each_segment_once(filled: Library) -> None:
    index = filled.index
    index.warm()
    searcher = index._current_searcher()
    readers = [sub.reader() for sub, _ in searcher.leaf_searchers()]
    assert len(index._facets._by_segment) == len(readers) > 0
    warmed = len(index._lengths._by_key)
    filled.search("agreements", facets=True)
    assert len(index._lengths._by_key) == warmed  # the search read nothing new


@pytest.mark.parametrize("word", ["tokaev", "agrement", "ankra", "lo", "visti"])
def test_near_words_are_whooshs_own(filled: Library, word: str) -> None:
    """The fuzzy expansion finds the words Whoosh's terms_within finds (same distance,
    same kept first letters), only faster."""
    from whoosh.query import FuzzyTerm

    from search.query import FUZZY_PREFIX, _near_words, _str

    reader = filled.index._current_searcher().reader()
    keep = FUZZY_PREFIX if len(word) > 4 else 1
    for field in ("title", "body", "person"):
        query = FuzzyTerm(field, word, maxdist=1 if len(word) <= 5 else 2, prefixlength=keep)
        whoosh_words = sorted(_str(t) for t in query._btexts(reader))
        assert sorted(_near_words(reader, query)) == whoosh_words


def test_an_import_keeps_what_was_read_of_unchanged_segments(
    filled: Library, tmp_path: Path
) -> None:
    index = filled.index
    index.warm()
    before = dict(index._lengths._by_key)
    new = tmp_path / "new.txt"
    new.write_text(" date 2024-02-02 \nThe ministers discussed trade and energy.\n")
    filled.import_paths([new])
    filled.search("agreements")
    readers = [sub.reader() for sub, _ in index._current_searcher().leaf_searchers()]
    from search.results import segment_key

    kept = [key for key in before if key[0] in {segment_key(r) for r in readers}]
    assert kept
    assert all(index._lengths._by_key.get(key) is before[key] for key in kept)  # not re-read


def test_segment_lengths_and_facets_read_whole_are_whooshs_per_document(
    filled: Library,
) -> None:
    from search.ranking import _all_lengths
    from search.results import SegmentFacets
    from search.schema import decode_facets

    searcher = filled.index._current_searcher()
    for sub, _ in searcher.leaf_searchers():
        reader = sub.reader()
        docs = range(reader.doc_count_all())
        for name in ("title", "body", "person"):
            assert _all_lengths(reader, name) == [
                reader.doc_field_length(d, name, 1) or 0 for d in docs
            ]
        column = reader.column_reader("facets", translate=False)
        facets = SegmentFacets.read(reader, kinds=False)
        values = [facets.doc(d) for d in docs]
        assert values == [decode_facets(column[d]) for d in docs]
        assert any(any(doc) for doc in values)

"""Ranking many matches fast: BM25F scores computed a posting block at a time.

Whoosh scores matches one document at a time through its matcher tree, about 7 µs per
document and field; a common word matches most of a 50,000-article library, and its
block-quality skipping rarely skips (a common word's blocks all score alike). For the
queries people mostly type, words over several fields combined with AND / OR / NOT
and filters, :func:`rank` instead reads each word's postings a block at a time (ids
and weights, decoded by Whoosh), adds up the same BM25F scores Whoosh would give
(same idf, average field length, B and K1, the document's stored field length, the
query's boosts) in a dictionary, and keeps the best with ``heapq``.

It returns None for a query it cannot rank this way (phrases, ranges, ...): the
caller then lets Whoosh rank it. Whoosh internals are reached here for the same
reason as in :mod:`search.counting`.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.query import And, AndNot, Or, Query, Term
from whoosh.reading import IndexReader
from whoosh.scoring import BM25FScorer
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from search.counting import Postings, doc_set, read_postings
from search.results import segment_key

__all__ = ["Ranked", "rank"]


@dataclass
class Ranked:
    """The best documents (score, global document number), best first; the total; and
    per segment the matching documents (for the facet counts)."""

    top: list[tuple[float, int]]
    total: int
    segments: list[tuple[object, set[int]]] = field(default_factory=list)


def _scored_terms(query: Query, boost: float = 1.0) -> list[tuple[Term, float]] | None:
    """The words whose scores add up to a document's score, with their boosts; None
    when the query has parts only Whoosh can score."""
    boost *= getattr(query, "boost", 1.0)
    if isinstance(query, Term):
        return [(query, boost)]
    if isinstance(query, AndNot):
        return _scored_terms(query.a, boost)
    if type(query) in (Or, And):
        out: list[tuple[Term, float]] = []
        for sub in query.subqueries:
            found = _scored_terms(sub, boost)
            if found is None:
                return None
            out.extend(found)
        return out
    if type(query).__name__ in ("Every", "_NullQuery", "NullQuery"):
        return []  # matches everything or nothing: adds no score
    return None


class LengthCache:
    """Each segment's stored field lengths, read once per segment and field."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[object, str], list[int]] = {}

    def lengths(self, reader: IndexReader, fieldname: str) -> list[int]:
        key = (segment_key(reader), fieldname)
        found = self._by_key.get(key)
        if found is None:
            found = _all_lengths(reader, fieldname)
            self._by_key[key] = found
        return found

    def forget_except(self, readers: Sequence[object]) -> None:
        """Drop the segments no longer in the index (an import adds segments and merges
        some; the others keep their lengths, as the facet values keep theirs)."""
        keep = {segment_key(r) for r in readers}
        self._by_key = {k: v for k, v in self._by_key.items() if k[0] in keep}


_BYTE_LENGTH = [byte_to_length(b) if b else 0 for b in range(256)]


def _all_lengths(reader: IndexReader, fieldname: str) -> list[int]:
    """Every document's length of ``fieldname`` in a segment: its one-byte column read
    whole and decoded through a table (asking Whoosh document by document took 1.5 s
    at 50,000 articles, this 0.9 s). Whoosh's own way when its reader is not the one
    this knows."""
    count = reader.doc_count_all()
    try:
        column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    except AttributeError:
        column = False
    if column is None:  # the field has no lengths: Whoosh answers its default
        return [1] * count
    if column is not False:
        found = [_BYTE_LENGTH[b] for b in column]
        if len(found) == count:
            return found
    length = reader.doc_field_length
    return [length(d, fieldname, 1) or 0 for d in range(count)]


def rank(searcher: Searcher, query: Query, limit: int, lengths: LengthCache) -> Ranked | None:
    """The ``limit`` best matches of ``query`` with Whoosh's BM25F scores, or None."""
    terms = _scored_terms(query)
    if terms is None:
        return None
    best: list[tuple[float, int]] = []
    result = Ranked(top=[], total=0)
    weighting = searcher.weighting
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        if not reader.doc_count():
            continue
        read: dict[tuple[str, object], Postings] = {}
        for term, _ in terms:
            postings = read_postings(reader, term, weights=True)
            if postings is None:
                return None
            read[(term.fieldname, term.text)] = postings

        def known(term: Term, read: dict[tuple[str, object], Postings] = read) -> set[int] | None:
            got = read.get((term.fieldname, term.text))
            return None if got is None else set(got[0]).difference(got[2])

        matches = doc_set(query, reader, known)
        if matches is None:
            return None
        result.total += len(matches)
        result.segments.append((reader, matches))
        if not matches:
            continue
        scores: dict[int, float] = dict.fromkeys(matches, 0.0)
        for term, boost in terms:
            ids, weights, _deleted = read[(term.fieldname, term.text)]
            if not ids:
                continue
            scorer = weighting.scorer(sub, term.fieldname, term.text)
            if isinstance(scorer, BM25FScorer):
                fl = lengths.lengths(reader, term.fieldname)
                idf, k1, norm = scorer.idf * boost, scorer.K1, scorer.B / scorer.avgfl
                base = 1 - scorer.B
                get = scores.get
                for d, tf in zip(ids, weights, strict=True):
                    old = get(d)
                    if old is not None:
                        scores[d] = old + idf * (tf * (k1 + 1)) / (tf + k1 * (base + norm * fl[d]))
            else:  # a field without lengths: Whoosh scores the weight alone
                for d, tf in zip(ids, weights, strict=True):
                    if d in scores:
                        scores[d] += tf * boost
        top = heapq.nlargest(limit, scores.items(), key=lambda kv: (kv[1], -kv[0]))
        best = heapq.nlargest(
            limit, [*best, *((s, offset + d) for d, s in top)], key=lambda x: (x[0], -x[1])
        )
    result.top = best
    return result

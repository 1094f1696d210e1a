"""Counting matches fast: the set of documents a query matches, read block by block.

Whoosh walks matches one document at a time in Python (``Matcher.all_ids``), about a
microsecond each through a union of fields; a common word in a large library matches
tens of thousands of documents, and the total and the facet counts need them all.
For the queries people mostly type (words over several fields, AND / OR / NOT of
them, filters) the document numbers can instead be read a posting block at a time
(128 ids per block, already decoded by Whoosh) and combined as Python sets, in C.

:func:`doc_set` returns None for any query it does not know how to read this way
(phrases, ranges, ...); the caller then falls back to Whoosh's own matching.
This reaches into Whoosh's on-disk matcher (``W3LeafMatcher``), which is why it lives
in ``search/`` beside the other Whoosh details; ``whoosh-reloaded`` is no longer
developed, so these internals stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query import And, AndNot, Every, NullQuery, Or, Query, Term
from whoosh.reading import IndexReader

__all__ = ["Postings", "doc_set", "read_postings"]


Postings = tuple[list[int], list[float], set[int]]
"""A word's document numbers and weights in one segment, and its deleted documents."""


def read_postings(reader: IndexReader, term: Term, weights: bool = False) -> Postings | None:
    """All of ``term``'s postings in a segment, read a block at a time (weights only
    when asked: they are decoded separately). None when Whoosh's on-disk matcher is not
    the one that answers (then only Whoosh's own matching will do)."""
    try:
        text = reader.schema[term.fieldname].to_bytes(term.text)
    except Exception:  # not a field, or a value it cannot hold: nothing matches
        return [], [], set()
    if (term.fieldname, text) not in reader:
        return [], [], set()
    matcher = reader.postings(term.fieldname, text)
    deleted: set[int] = set()
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        deleted = set(matcher._ids)
        matcher = matcher.child
    if not isinstance(matcher, W3LeafMatcher):
        return None
    ids: list[int] = []
    found: list[float] = []
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        start = matcher._i
        ids.extend(matcher._ids[start:])
        if weights:
            if matcher._weights is None:
                matcher._read_weights()
            found.extend(matcher._weights[start:])
        matcher._i = matcher._blocklength
        matcher._next_block()
    return ids, found, deleted


IdsOf = Callable[[Term], set[int] | None]
"""Document numbers of a word already read by the caller (None: not read)."""


def _term(reader: IndexReader, query: Term) -> set[int] | None:
    postings = read_postings(reader, query)
    if postings is None:
        return None
    ids, _, deleted = postings
    return set(ids).difference(deleted)


def doc_set(query: Query, reader: IndexReader, known: IdsOf | None = None) -> set[int] | None:
    """The segment-local document numbers ``query`` matches in ``reader`` (a segment
    reader), or None when this query needs Whoosh's own matching. ``known`` gives the
    words the caller has read already (a block of postings is costly to decode)."""
    if isinstance(query, Term):
        found = known(query) if known is not None else None
        return found if found is not None else _term(reader, query)
    if query is NullQuery or type(query).__name__ == "_NullQuery":
        return set()
    if isinstance(query, Every) and not query.fieldname:
        return set(reader.all_doc_ids())
    if isinstance(query, AndNot):
        positive = doc_set(query.a, reader, known)
        negative = doc_set(query.b, reader, known) if positive else set()
        if positive is None or negative is None:
            return None
        return positive - negative
    if type(query) in (Or, And) and not getattr(query, "minmatch", 0):
        parts: list[set[int]] = []
        for sub in query.subqueries:
            found = doc_set(sub, reader, known)
            if found is None:
                return None
            parts.append(found)
        if not parts:
            return set()
        if isinstance(query, Or):
            return set().union(*parts)
        parts.sort(key=len)
        return parts[0].intersection(*parts[1:])
    return None

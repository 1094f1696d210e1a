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

__all__ = ["doc_set"]


def _leaf_ids(matcher: W3LeafMatcher) -> list[int]:
    out: list[int] = []
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        out.extend(matcher._ids[matcher._i :])
        matcher._i = matcher._blocklength
        matcher._next_block()
    return out


IdsOf = Callable[[Term], set[int] | None]
"""Document numbers of a word already read by the caller (None: not read)."""


def _term(reader: IndexReader, query: Term) -> set[int] | None:
    try:
        field = reader.schema[query.fieldname]
        text = field.to_bytes(query.text)
    except Exception:  # not a field, or a value it cannot hold: nothing matches
        return set()
    if (query.fieldname, text) not in reader:
        return set()
    matcher = reader.postings(query.fieldname, text)
    deleted: frozenset[int] | set[int] = frozenset()
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        deleted = matcher._ids
        matcher = matcher.child
    if not isinstance(matcher, W3LeafMatcher):
        return None
    ids = set(_leaf_ids(matcher))
    ids.difference_update(deleted)
    return ids


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

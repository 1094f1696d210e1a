"""Search results: hits with highlighted snippets, facet counts, page information.

Snippets of articles are cut from the article text the caller reads from SQLite:
the query's words are looked for in the folded text, and only a window around
the first match is analysed, so a long article costs little. Facet values of
each document live in a column; they are read once per index segment and kept.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice, repeat
from typing import TYPE_CHECKING, Any

from search.analysis import fold, text_analyzer
from search.query import country_name
from search.schema import FACET_FIELDS

if TYPE_CHECKING:
    from whoosh.reading import IndexReader

_ANALYZER = text_analyzer()
WINDOW = 600


@dataclass
class Hit:
    """One search result. ``snippet`` is a list of (text, is_match) segments.

    ``id`` is the article id for an article, the fact id for a fact (then
    ``fact_type`` and ``summary`` say what it is and ``article_ids`` where it was read).
    """

    kind: str
    id: int
    title: str
    date: str | None
    source: str
    score: float
    snippet: list[tuple[str, bool]] = field(default_factory=list)
    fact_type: str | None = None
    summary: str | None = None
    article_ids: list[int] = field(default_factory=list)

    def snippet_text(self, mark: tuple[str, str] = ("[", "]")) -> str:
        """The snippet as plain text, matched words between ``mark``."""
        return "".join(f"{mark[0]}{t}{mark[1]}" if m else t for t, m in self.snippet)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready row: ``id`` is the article's file name (its sources for a fact)."""
        row: dict[str, Any] = {
            "kind": self.kind,
            "id": self.source,
            "title": self.title,
            "date": self.date,
            "score": round(self.score, 4),
            "snippet": self.snippet_text(("**", "**")),
        }
        if self.kind == "fact":
            row |= {"fact_id": self.id, "fact_type": self.fact_type, "articles": self.article_ids}
        else:
            row["article_id"] = self.id
        return row


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet: ``filter`` (field, value) narrows a search to it."""

    value: str
    label: str
    count: int
    field: str

    @property
    def query(self) -> str:
        """The same narrowing as query text, e.g. ``country:KZ``."""
        value = self.value if re.fullmatch(r"[\w.\-]+", self.value) else f'"{self.value}"'
        return f"{'date' if self.field == 'year' else self.field}:{value}"


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    page: int = 1
    page_count: int = 1
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    did_you_mean: str | None = None
    notices: list[str] = field(default_factory=list)
    """What was repaired or ignored in the query (unbalanced quotes, unknown fields…)."""
    index_stale: bool = False
    """The index is being rebuilt: results may be incomplete."""

    @property
    def kind_totals(self) -> dict[str, int] | None:
        """How many of the ``total`` matches are articles and how many facts
        ({"article": n, "fact": m}), counted with the facets; None when the search did
        not count facets (or counted fewer than ``total``: a search stopped early)."""
        kinds = getattr(self.facets, "kinds", None)
        if kinds is None or sum(kinds.values()) != self.total:
            return None
        return {"article": kinds.get("article", 0), "fact": kinds.get("fact", 0)}

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "page": self.page,
            "page_count": self.page_count,
            "did_you_mean": self.did_you_mean,
            "notices": self.notices,
            "hits": [h.as_dict() for h in self.hits],
            "facets": {
                name: [{"value": f.value, "label": f.label, "count": f.count} for f in counts]
                for name, counts in self.facets.items()
            },
        }


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _window(text: str, terms: Iterable[str], chars: int) -> int:
    """Where in ``text`` the most of the query's words may meet within ``chars``
    (found cheaply in the folded text, without analysis), or 0."""
    if len(text) <= WINDOW:
        return 0
    folded = fold(text)
    if len(folded) != len(text):  # folding changed lengths: offsets would not map
        folded = text.lower()
    found: list[tuple[int, str]] = []
    for term in terms:
        pattern = re.compile(r"\b" + re.escape(term[:5]))
        found.extend((m.start(), term) for m in islice(pattern.finditer(folded), 50))
    if not found:
        return 0
    found.sort()
    best, best_start = 0, found[0][0]
    for n, (start, _term) in enumerate(found):
        near = {t for p, t in found[n:] if p < start + chars - 60}
        if len(near) > best:
            best, best_start = len(near), start
    return max(0, best_start - WINDOW // 3)


def snippet(text: str, terms: set[str], chars: int = 180) -> list[tuple[str, bool]]:
    """Segments of ``text`` around the first of the query's words, those words marked.

    Only a window of the text around where the words may be is analysed."""
    if not text:
        return []
    lo = _window(text, terms, chars)
    part = text[lo : lo + WINDOW]
    spans = [
        (lo + t.startchar, lo + t.endchar)
        for t in _ANALYZER(part, chars=True, mode="index")
        if t.text in terms
    ]
    if not spans:
        return [(_squash(text[:chars]) + ("…" if len(text) > chars else ""), False)]
    first = max(
        spans,
        key=lambda sp: len(
            {text[a:b].lower() for a, b in spans if sp[0] <= a < sp[0] + chars - 60}
        ),
    )
    start = max(0, first[0] - 60)
    if start:
        space = text.find(" ", start, first[0])
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + chars)
    if end < len(text):
        space = text.rfind(" ", first[1], end)
        end = space if space > 0 else end
    out: list[tuple[str, bool]] = [("…", False)] if start else []
    pos = start
    for a, b in spans:
        if a < pos or b > end:
            continue
        if a > pos:
            out.append((_squash(text[pos:a]), False))
        out.append((text[a:b], True))
        pos = b
    if end > pos:
        out.append((_squash(text[pos:end]), False))
    if end < len(text):
        out.append(("…", False))
    return out


def match_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character spans of ``text`` whose analysed words are in ``terms``."""
    if not terms:
        return []
    return [
        (tok.startchar, tok.endchar)
        for tok in _ANALYZER(text, chars=True, mode="index")
        if tok.text in terms
    ]


KIND_MARK = {"article": "\x00article", "fact": "\x00fact"}
"""Counted with the year values, one per document, so the same pass that counts the
facets also counts the articles and the facts among the matches (see
:func:`count_facets`); never a year, never shown."""


class SegmentFacets:
    """One index segment's facet values per document, for counting many matches fast.

    Per facet, each document holds a number (4 bytes, in an ``array``) naming its tuple
    of values in that facet's table: documents share their values' tuples, and counting
    the matches is a ``Counter`` over numbers (its loop runs in C), then each distinct
    tuple counted once. (A tuple of tuples per document took 110 MB at 50,000 articles.)
    With the documents' kinds the year values carry a :data:`KIND_MARK` too, so the one
    count says how many matches are articles and how many facts."""

    def __init__(self, tables: list[list[tuple[str, ...]]], codes: list[array[int]]) -> None:
        self._tables, self._codes = tables, codes

    @classmethod
    def read(cls, reader: IndexReader, kinds: bool = True) -> SegmentFacets:
        """A segment's facet values, its column read whole (decoded document by document
        this took 4.5 s at 50,000 articles); ``kinds`` marks the year values."""
        count = reader.doc_count_all()
        raws: Iterable[bytes] = repeat(b"", count)
        if reader.has_column("facets"):
            column = reader.column_reader("facets", translate=False)
            # read as it goes (a list of the raw values would hold 20 MB at its peak)
            whole = hasattr(column, "__len__") and len(column) == count
            raws = iter(column) if whole else (column[d] for d in range(count))
        of_kind = _all_kinds(reader) if kinds else None
        if of_kind is not None and len(of_kind) != count:
            of_kind = None
        facets = len(FACET_FIELDS)
        tables: list[list[tuple[str, ...]]] = [[] for _ in range(facets)]
        known: list[dict[object, int]] = [{} for _ in range(facets)]
        codes = [array("i") for _ in range(facets)]
        for doc, raw in enumerate(raws):
            parts = raw.decode("utf-8").split("|") if raw else []
            parts += [""] * (facets - len(parts))
            kind = of_kind[doc] if of_kind is not None else None
            for n in range(facets):
                part = parts[n]
                key: object = (kind, part) if n == 0 and kind is not None else part
                code = known[n].get(key)
                if code is None:
                    values = tuple(v for v in part.split(",") if v)
                    if n == 0 and kind is not None:
                        values = (*values, KIND_MARK[kind])
                    code = known[n][key] = len(tables[n])
                    tables[n].append(values)
                codes[n].append(code)
        return cls(tables, codes)

    def doc(self, docnum: int) -> tuple[tuple[str, ...], ...]:
        """A document's values, one tuple per name in ``FACET_FIELDS``."""
        pairs = zip(self._tables, self._codes, strict=True)
        return tuple(table[codes[docnum]] for table, codes in pairs)

    def add(self, docnum: int, counters: Sequence[Counter[str]]) -> None:
        """Add one document's facet values to ``counters``."""
        for counter, table, codes in zip(counters, self._tables, self._codes, strict=True):
            counter.update(table[codes[docnum]])

    def count(self, docnums: Iterable[int], counters: Sequence[Counter[str]]) -> None:
        """Add the facet values of ``docnums`` (segment document numbers) to ``counters``
        (one per name in ``FACET_FIELDS``)."""
        docnums = docnums if isinstance(docnums, list) else list(docnums)
        for counter, table, codes in zip(counters, self._tables, self._codes, strict=True):
            for code, times in Counter(map(codes.__getitem__, docnums)).items():
                for value in table[code]:
                    counter[value] += times


class FacetCache:
    """Per index segment: each document's facet values (read once from the column)."""

    def __init__(self) -> None:
        self._by_segment: dict[object, SegmentFacets] = {}

    def segment(self, reader: IndexReader) -> SegmentFacets:
        key = segment_key(reader)
        found = self._by_segment.get(key)
        if found is None:
            found = self._by_segment[key] = SegmentFacets.read(reader)
        return found

    def forget_except(self, readers: Sequence[object]) -> None:
        keep = {segment_key(r) for r in readers}
        for key in list(self._by_segment):
            if key not in keep:
                del self._by_segment[key]


def _all_kinds(reader: IndexReader) -> list[str] | None:
    """Every document's kind in a segment ("article" or "fact", from the first letter
    of its ``uid``), or None when the segment has no uid column."""
    if not reader.has_column("uid"):
        return None
    column = reader.column_reader("uid", translate=False)
    return ["fact" if raw[:1] == b"f" else "article" for raw in column]


class FacetCounts(dict[str, list["FacetCount"]]):
    """The facet counts of a result by facet name, and :attr:`kinds`: how many of the
    matches are articles and how many facts (empty when the index could not say)."""

    kinds: dict[str, int]

    def __init__(self, *args: Any, kinds: dict[str, int] | None = None) -> None:
        super().__init__(*args)
        self.kinds = dict(kinds or {})


def segment_key(reader: object) -> object:
    segment = getattr(reader, "segment", None)
    seg = segment() if callable(segment) else None
    return getattr(seg, "segid", None) or id(reader)


def count_facets(counters: Sequence[Counter[str]], top: int = 12) -> FacetCounts:
    """The ``top`` values of each facet with their counts (years newest first, the
    others most frequent first), and how many matches are articles and facts."""
    out = FacetCounts()
    marks = {mark: kind for kind, mark in KIND_MARK.items()}
    for name, counter in zip(FACET_FIELDS, counters, strict=True):
        if name == "year":
            counter = Counter(counter)
            for mark, kind in marks.items():
                found = counter.pop(mark, 0)
                if found:
                    out.kinds[kind] = found
            items = sorted(counter.items(), reverse=True)[:top]
        else:
            items = counter.most_common(top)
        out[name] = [FacetCount(v, facet_label(name, v), n, name) for v, n in items]
    return out


def facet_label(name: str, value: str) -> str:
    """How a facet's value is shown: ``Kazakhstan (KZ)``, ``Visits``, ``2022``."""
    if name == "country":
        return f"{country_name(value)} ({value})"
    if name == "type":
        return value.capitalize()
    return value

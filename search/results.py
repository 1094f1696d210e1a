"""Search results: hits with highlighted snippets, facet counts, page information.

Snippets of articles are cut from the article text the caller reads from SQLite:
the query's words are looked for in the folded text, and only a window around
the first match is analysed, so a long article costs little. Facet values of
each document live in a column; they are read once per index segment and kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from whoosh.analysis.acore import Token
from whoosh.highlight import ContextFragmenter, Formatter, highlight

from search.analysis import fold, text_analyzer
from search.query import country_name
from search.schema import FACET_FIELDS, decode_facets

_MARK_START, _MARK_END = "\x02", "\x03"
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


class _SegmentFormatter(Formatter):
    between = " … "

    def format_token(self, text: str, token: Token, replace: bool = False) -> str:
        word = token.text if replace else text[token.startchar : token.endchar]
        return f"{_MARK_START}{self._text(word)}{_MARK_END}"


def _segments(marked: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(marked.split(_MARK_START)):
        if i == 0:
            if part:
                out.append((part, False))
            continue
        match, _, rest = part.partition(_MARK_END)
        out.append((match, True))
        if rest:
            out.append((rest, False))
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _window(text: str, terms: Iterable[str]) -> str:
    """A part of ``text`` around the first place a term may match (cheap, no analysis)."""
    if len(text) <= WINDOW:
        return text
    folded = fold(text)
    if len(folded) != len(text):  # folding changed lengths: offsets would not map
        folded = text.lower()
    starts = []
    for term in terms:
        m = re.search(r"\b" + re.escape(term[:5]), folded)
        if m:
            starts.append(m.start())
    first = min(starts) if starts else 0
    lo = max(0, first - WINDOW // 3)
    lo = text.rfind(" ", 0, lo) + 1 if lo else 0
    hi = min(len(text), lo + WINDOW)
    return text[lo:hi]


def snippet(text: str, terms: set[str], chars: int = 160) -> list[tuple[str, bool]]:
    """Segments of ``text`` around the query's words, the words marked."""
    if not text:
        return []
    part = _window(text, terms)
    marked = ""
    if terms:
        marked = highlight(
            part,
            frozenset(terms),
            _ANALYZER,
            ContextFragmenter(maxchars=chars, surround=60),
            _SegmentFormatter(),
            top=2,
        )
    if not marked:
        cut = text[:chars]
        return [(_squash(cut) + ("…" if len(text) > chars else ""), False)]
    return [(_squash(t), m) for t, m in _segments(marked)]


def match_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character spans of ``text`` whose analysed words are in ``terms``."""
    if not terms:
        return []
    return [
        (tok.startchar, tok.endchar)
        for tok in _ANALYZER(text, chars=True, mode="index")
        if tok.text in terms
    ]


class FacetCache:
    """Per index segment: each document's facet values (read once from the column)."""

    def __init__(self) -> None:
        self._by_segment: dict[object, list[tuple[tuple[str, ...], ...]]] = {}

    def values(self, reader) -> list[tuple[tuple[str, ...], ...]]:  # type: ignore[no-untyped-def]
        key = _segment_key(reader)
        found = self._by_segment.get(key)
        if found is None:
            column = reader.column_reader("facets", translate=False)
            found = [decode_facets(column[d]) for d in range(reader.doc_count_all())]
            self._by_segment[key] = found
        return found

    def forget_except(self, readers: Sequence[object]) -> None:
        keep = {_segment_key(r) for r in readers}
        for key in list(self._by_segment):
            if key not in keep:
                del self._by_segment[key]


def _segment_key(reader) -> object:  # type: ignore[no-untyped-def]
    segment = getattr(reader, "segment", None)
    seg = segment() if callable(segment) else None
    return getattr(seg, "segid", None) or id(reader)


def count_facets(counters: Sequence[Counter[str]], top: int = 12) -> dict[str, list[FacetCount]]:
    out: dict[str, list[FacetCount]] = {}
    for name, counter in zip(FACET_FIELDS, counters, strict=True):
        if name == "year":
            items = sorted(counter.items(), reverse=True)[:top]
        else:
            items = counter.most_common(top)
        out[name] = [FacetCount(v, _label(name, v), n, name) for v, n in items]
    return out


def _label(name: str, value: str) -> str:
    if name == "country":
        return f"{country_name(value)} ({value})"
    if name == "type":
        return value.capitalize()
    return value

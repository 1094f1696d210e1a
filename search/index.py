"""The Whoosh full-text index of a library: documents for articles.

The index is derived data: SQLite is the truth and :meth:`SearchIndex.rebuild`
recreates the index from rows the caller reads from the database. Every Whoosh
call of the project lives in this package.

A ``VERSION`` file in the index folder stamps the schema/analyzer version; an
index with another stamp (or none, or one Whoosh cannot open) is recreated
empty and reported by :attr:`SearchIndex.needs_rebuild`.
"""

from __future__ import annotations

import gc
import json
import re
import shutil
import threading
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from whoosh import index as windex
from whoosh.analysis.acore import Token
from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, Schema
from whoosh.highlight import ContextFragmenter, Formatter, highlight
from whoosh.qparser import MultifieldParser, OrGroup
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.query import Every, Query, Term
from whoosh.searching import Searcher

from search.analysis import name_analyzer, text_analyzer

SCHEMA_VERSION = 1
WRITER_TIMEOUT_S = 30.0
_MARK_START, _MARK_END = "\x02", "\x03"


class QueryError(ValueError):
    """A query the parser cannot make sense of; the message says why."""


@dataclass(frozen=True)
class ArticleDoc:
    """What the index needs of one article."""

    id: int
    title: str
    text: str
    date: str | None
    source: str


@dataclass
class Hit:
    """One search result. ``snippet`` is a list of (text, is_match) segments."""

    kind: str
    id: int
    title: str
    date: str | None
    source: str
    score: float
    snippet: list[tuple[str, bool]] = field(default_factory=list)

    def snippet_text(self, mark: tuple[str, str] = ("[", "]")) -> str:
        """The snippet as plain text, matched words between ``mark``."""
        return "".join(f"{mark[0]}{t}{mark[1]}" if m else t for t, m in self.snippet)


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int


def make_schema() -> Schema:
    return Schema(
        uid=ID(unique=True, stored=True),
        kind=ID(stored=True),
        ref=NUMERIC(stored=True, numtype=int, bits=64),
        title=TEXT(analyzer=text_analyzer(), stored=True, field_boost=2.0),
        body=TEXT(analyzer=text_analyzer(), phrase=True),
        date=DATETIME(stored=False),
        datestr=STORED(),
        source=ID(),
        file=STORED(),
        names=TEXT(analyzer=name_analyzer()),
    )


class _SegmentFormatter(Formatter):
    """Marks matched terms with control characters that :func:`_segments` splits on."""

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
    """Collapse line breaks and runs of spaces, for one-line snippets."""
    return re.sub(r"\s+", " ", text)


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value[:10])
    except ValueError:
        return None


class SearchIndex:
    """A library's index folder, with one writer at a time and a long-lived searcher."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.needs_rebuild = False
        self._lock = threading.RLock()
        self._searcher: Searcher | None = None
        self._ix = self._open()

    # -- opening ---------------------------------------------------------------
    def _stamp_path(self) -> Path:
        return self.path / "VERSION"

    def _stamp_ok(self) -> bool:
        try:
            stamp = json.loads(self._stamp_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(stamp, dict) and stamp.get("schema") == SCHEMA_VERSION

    def _open(self) -> windex.Index:
        if self.path.is_dir() and self._stamp_ok():
            # Whoosh leaves a damaged file open when it fails; it is closed (quietly)
            # when the exception that references it goes away.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ResourceWarning)
                try:
                    return windex.open_dir(str(self.path))
                except Exception:  # any damage means: start afresh
                    pass
                gc.collect()
        existed = self.path.exists()
        return self._create(report=existed)

    def _create(self, report: bool) -> windex.Index:
        if self.path.exists():
            shutil.rmtree(self.path)
        self.path.mkdir(parents=True)
        ix = windex.create_in(str(self.path), make_schema())
        self._stamp_path().write_text(json.dumps({"schema": SCHEMA_VERSION}), encoding="utf-8")
        self.needs_rebuild = self.needs_rebuild or report
        return ix

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._ix.close()

    # -- writing ---------------------------------------------------------------
    def add_articles(self, docs: Iterable[ArticleDoc]) -> int:
        """Add or replace article documents; returns how many were written."""
        count = 0
        with self._lock:
            writer = self._ix.writer(timeout=WRITER_TIMEOUT_S)
            try:
                for doc in docs:
                    fields = {
                        "uid": f"a{doc.id}",
                        "kind": "article",
                        "ref": doc.id,
                        "title": doc.title,
                        "body": doc.text,
                        "datestr": doc.date,
                        "source": doc.source.lower(),
                        "file": doc.source,
                    }
                    when = _parse_date(doc.date)
                    if when is not None:
                        fields["date"] = when
                    writer.update_document(**fields)
                    count += 1
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
        return count

    def delete_articles(self, ids: Iterable[int]) -> None:
        with self._lock:
            writer = self._ix.writer(timeout=WRITER_TIMEOUT_S)
            for i in ids:
                writer.delete_by_term("uid", f"a{i}")
            writer.commit()

    def rebuild(self, docs: Iterable[ArticleDoc]) -> int:
        """Recreate the index from ``docs`` (read from the database by the caller)."""
        with self._lock:
            self.close()
            self._ix = self._create(report=False)
            count = self.add_articles(docs)
            self.needs_rebuild = False
            return count

    # -- reading ---------------------------------------------------------------
    def _current_searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        elif not self._searcher.up_to_date():
            try:
                # refresh() reuses the segments that did not change.
                self._searcher = self._searcher.refresh()
            except TypeError:
                # Whoosh cannot refresh a searcher made on an empty index.
                self._searcher.close()
                self._searcher = self._ix.searcher()
        return self._searcher

    def doc_count(self, kind: str = "article") -> int:
        with self._lock:
            searcher = self._current_searcher()
            return len(list(searcher.docs_for_query(Term("kind", kind))))

    def article_ids(self) -> set[int]:
        with self._lock:
            searcher = self._current_searcher()
            return {
                searcher.stored_fields(d)["ref"]
                for d in searcher.docs_for_query(Term("kind", "article"))
            }

    def parse(self, text: str) -> Query:
        parser = MultifieldParser(
            ["title", "body"], schema=self._ix.schema, group=OrGroup.factory(0.9)
        )
        parser.add_plugin(DateParserPlugin())
        text = text.strip()
        if not text:
            return Every()
        try:
            return parser.parse(text)
        except Exception as exc:  # the parser raises many kinds
            raise QueryError(f"cannot understand the query {text!r}: {exc}") from exc

    def search(
        self,
        text: str,
        limit: int = 20,
        texts: Callable[[list[int]], dict[int, str]] | None = None,
    ) -> SearchResult:
        """Ranked hits for ``text``; ``texts`` supplies article bodies for snippets."""
        query = self.parse(text)
        with self._lock:
            searcher = self._current_searcher()
            results = searcher.search(query, limit=limit, terms=True)
            total = results.estimated_length() if not results.has_exact_length() else len(results)
            rows = [(dict(r), r.score) for r in results]
            bodies = texts([f["ref"] for f, _ in rows]) if texts else {}
            hits = []
            for stored, score in rows:
                body = bodies.get(stored["ref"], "")
                hits.append(
                    Hit(
                        kind=stored["kind"],
                        id=stored["ref"],
                        title=stored.get("title", ""),
                        date=stored.get("datestr"),
                        source=stored.get("file", ""),
                        score=float(score),
                        snippet=self._snippet(query, body),
                    )
                )
        return SearchResult(hits=hits, total=total)

    def match_spans(self, query_text: str, text: str) -> list[tuple[int, int]]:
        """Character spans of ``text`` that the query's words match (for the reader)."""
        try:
            query = self.parse(query_text)
        except QueryError:
            return []
        terms = {t.decode() if isinstance(t, bytes) else t for _f, t in query.all_terms()}
        if not terms:
            return []
        return [
            (tok.startchar, tok.endchar)
            for tok in text_analyzer()(text, chars=True, mode="index")
            if tok.text in terms
        ]

    def _snippet(self, query: Query, body: str, chars: int = 160) -> list[tuple[str, bool]]:
        if not body:
            return []
        terms = {text for fieldname, text in query.all_terms() if fieldname in ("body", "title")}
        terms = {t.decode() if isinstance(t, bytes) else t for t in terms}
        marked = ""
        if terms:
            marked = highlight(
                body,
                frozenset(terms),
                text_analyzer(),
                ContextFragmenter(maxchars=chars, surround=60),
                _SegmentFormatter(),
                top=2,
            )
        if not marked:
            cut = body[:chars]
            return [(_squash(cut) + ("…" if len(body) > chars else ""), False)]
        return [(_squash(t), m) for t, m in _segments(marked)]

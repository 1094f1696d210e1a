"""The Whoosh full-text index of a library: one document per article and per fact.

The index is derived data: SQLite is the truth and :meth:`SearchIndex.rebuild`
recreates the index from documents the caller reads from the database. Every
Whoosh call of the project lives in this package.

A ``VERSION`` file in the index folder stamps the schema and analyzer versions;
an index with another stamp (or none, or one Whoosh cannot open) is recreated
empty and reported by :attr:`SearchIndex.needs_rebuild`. A rebuild writes a new
folder beside the old one and swaps it in, so searching goes on meanwhile.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import shutil
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from itertools import islice
from math import ceil
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import sorting
from whoosh.collectors import Collector, TimeLimit, TopCollector, WrappingCollector
from whoosh.query import And, Every, Or, Query, Term
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from search import whoosh_fixes
from search.analysis import ANALYZER_VERSION
from search.counting import doc_set
from search.query import (
    QueryError,
    bound_expansions,
    did_you_mean,
    fact_type,
    parse,
    query_terms,
    surface_word,
)
from search.ranking import LengthCache, rank
from search.results import (
    FacetCache,
    FacetCount,
    Hit,
    SearchResult,
    SegmentFacets,
    count_facets,
    match_spans,
    snippet,
)
from search.schema import (
    FACET_FIELDS,
    SCHEMA_VERSION,
    ArticleDoc,
    FactDoc,
    article_fields,
    fact_fields,
    make_schema,
)

whoosh_fixes.apply()

__all__ = [
    "ArticleDoc",
    "FacetCount",
    "FactDoc",
    "Hit",
    "QueryError",
    "SearchIndex",
    "SearchResult",
]

WRITER_TIMEOUT_S = 30.0
SEARCH_TIME_LIMIT_S = 1.0
"""A search stops after this long and says so (a phrase over tens of thousands of
matches can take Whoosh many seconds)."""
UPDATE_LIMIT_MB = 32
"""Postings an update holds in memory before it spills them to a temporary file (an
import's batch is hundreds to thousands of articles, and a commit may merge segments;
Whoosh's default of 128 MB of postings cost the writing process several hundred
megabytes)."""
COUNT_CHUNK = 4096
"""Matches counted between two looks at the clock."""
STAMP = {"schema": SCHEMA_VERSION, "analyzer": ANALYZER_VERSION}
Progress = Callable[[int, int], None]
Aliases = Mapping[tuple[str, ...], tuple[str, ...]]


class Cancelled(Exception):
    """A rebuild was cancelled; the old index is kept."""


def _create_in(path: Path) -> windex.Index:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    ix = windex.create_in(str(path), make_schema())
    (path / "VERSION").write_text(json.dumps(STAMP), encoding="utf-8")
    return ix


class NewestFirst(sorting.FacetType):  # type: ignore[misc]  # untyped whoosh base
    """Dated documents newest first, then the undated ones. (Whoosh reads a missing date
    as the date column's largest value, so ``sortedby="date", reverse=True`` put every
    undated article and fact above the newest.)"""

    def categorizer(self, global_searcher: Searcher) -> sorting.Categorizer:
        return _NewestFirstKeys(global_searcher)


class _NewestFirstKeys(sorting.Categorizer):  # type: ignore[misc]  # untyped whoosh base
    def __init__(self, global_searcher: Searcher) -> None:
        self._missing = getattr(global_searcher.schema["date"].column_type, "_default", None)
        self._column: Any = None

    def set_searcher(self, segment_searcher: Searcher, docoffset: int) -> None:
        self._column = segment_searcher.reader().column_reader("date", translate=False)

    def key_for(self, matcher: Any, segment_docnum: int) -> int:
        """The newest date's key is the smallest; an undated document's, 0, is the
        largest (a dated key is minus the date's column value)."""
        value = self._column[segment_docnum]
        return 0 if value is None or value == self._missing else -int(value)


class SearchIndex:
    """A library's index folder, with one writer at a time and a long-lived searcher."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.needs_rebuild = False
        self.aliases: Aliases = {}
        self.time_limit = SEARCH_TIME_LIMIT_S
        self._lock = threading.RLock()
        self._searcher: Searcher | None = None
        self._facets = FacetCache()
        self._lengths = LengthCache()
        self._open_writer: IndexWriter | None = None
        self._ix = self._open()

    # -- opening ---------------------------------------------------------------
    def _stamp_ok(self) -> bool:
        try:
            stamp: object = json.loads((self.path / "VERSION").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return stamp == STAMP

    def _open(self) -> windex.Index:
        if self.path.is_dir() and self._stamp_ok():
            # Whoosh leaves a damaged file open when it fails; it is closed (quietly)
            # when the exception that references it goes away.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ResourceWarning)
                try:
                    ix = windex.open_dir(str(self.path))
                    with ix.searcher() as probe:
                        probe.doc_count()
                    return ix
                except Exception:  # any damage means: start afresh
                    pass
                gc.collect()
        self.needs_rebuild = True  # new or damaged: the caller fills it from the database
        return _create_in(self.path)

    def close(self) -> None:
        with self._lock:
            if self._open_writer is not None:  # a batch left unfinished: not written
                self._open_writer.cancel()
                self._open_writer = None
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._ix.close()

    # -- writing ---------------------------------------------------------------
    def update(
        self,
        articles: Iterable[ArticleDoc] = (),
        facts: Iterable[FactDoc] = (),
        delete_articles: Iterable[int] = (),
        delete_facts: Iterable[int] = (),
        new_articles: bool = False,
        facts_new_above: int | None = None,
        commit: bool = True,
    ) -> int:
        """Add, replace and delete documents in one commit; returns how many were written.

        ``new_articles`` says the articles are not in the index yet, and so are facts
        with an id above ``facts_new_above``: they are added without looking for an old
        copy to replace (a look-up per document and segment, a tenth of an import).
        ``commit=False`` keeps the writer open for the next call, which adds to the same
        commit (a large batch arrives in parts and becomes one segment)."""
        with self._lock:
            writer = self._open_writer or self._ix.writer(
                timeout=WRITER_TIMEOUT_S, limitmb=UPDATE_LIMIT_MB
            )
            self._open_writer = None
            try:
                for i in delete_articles:
                    writer.delete_by_term("uid", f"a{i}")
                for i in delete_facts:
                    writer.delete_by_term("uid", f"f{i}")
                count = 0
                for doc in articles:
                    write = writer.add_document if new_articles else writer.update_document
                    write(**article_fields(doc))
                    count += 1
                for fact in facts:
                    new = facts_new_above is not None and fact.id > facts_new_above
                    (writer.add_document if new else writer.update_document)(**fact_fields(fact))
                    count += 1
            except BaseException:
                writer.cancel()
                raise
            if commit:
                writer.commit()
            else:
                self._open_writer = writer
        return count

    def add_articles(self, docs: Iterable[ArticleDoc]) -> int:
        return self.update(articles=docs)

    def delete_articles(self, ids: Iterable[int]) -> None:
        self.update(delete_articles=ids)

    def rebuild(
        self,
        docs: Iterable[ArticleDoc | FactDoc],
        total: int = 0,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Write a new index from ``docs`` beside the old one, then swap it in.

        Raises :class:`Cancelled` (the old index stays) when ``cancelled()`` says so.
        """
        fresh = self.path.with_name(self.path.name + ".new")
        ix: windex.Index | None = None
        writer: IndexWriter | None = None
        count = 0
        try:
            ix = _create_in(fresh)
            writer = ix.writer(limitmb=256)
            for doc in docs:
                if cancelled is not None and count % 200 == 0 and cancelled():
                    raise Cancelled("the index rebuild was cancelled")
                fields = article_fields(doc) if isinstance(doc, ArticleDoc) else fact_fields(doc)
                writer.add_document(**fields)
                count += 1
                if progress is not None and count % 500 == 0:
                    progress(count, total)
            writer.commit()
        except BaseException as exc:
            with contextlib.suppress(Exception):  # a full disk may fail these too
                if writer is not None:
                    writer.cancel()
                if ix is not None:
                    ix.close()
            shutil.rmtree(fresh, ignore_errors=True)  # the old index is left as it was
            if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
                # Named by the index folder, not by the new folder's file that hit it.
                raise OSError(exc.errno, exc.strerror, str(self.path)) from exc
            raise
        ix.close()
        with self._lock:
            self.close()
            old = self.path.with_name(self.path.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            if self.path.exists():
                self.path.rename(old)
            fresh.rename(self.path)
            shutil.rmtree(old, ignore_errors=True)
            self._ix = windex.open_dir(str(self.path))
            self.needs_rebuild = False
        if progress is not None:
            progress(count, max(total, count))
        return count

    # -- reading ---------------------------------------------------------------
    def _current_searcher(self) -> Searcher:
        """The long-lived searcher, reopened after a change. (Whoosh's ``refresh()``
        would reuse segment readers whose deletions have since changed.)"""
        if self._searcher is not None and not self._searcher.up_to_date():
            self._searcher.close()
            self._searcher = None
        if self._searcher is None:
            self._searcher = self._ix.searcher()
            readers = [r for r, _ in self._searcher.reader().leaf_readers()]
            self._facets.forget_except(readers)
            self._lengths.forget_except(readers)
        return self._searcher

    def warm(self) -> None:
        """Read what the first search would otherwise read: each segment's facet values
        and field lengths (a second or more on a large library). Called in a worker
        after the window opens. The lock is held one segment at a time, so a search
        typed meanwhile waits for one segment, not for all of them."""
        with self._lock:
            searcher = self._current_searcher()
            subs = [sub for sub, _ in searcher.leaf_searchers()]
        for sub in subs:
            with self._lock:
                if self._searcher is not searcher:
                    return  # the index changed: the next search reads its segments
                reader = sub.reader()
                self._facets.segment(reader)
                for name in ("title", "body"):
                    self._lengths.lengths(reader, name)

    def doc_count(self, kind: str = "article") -> int:
        with self._lock:
            searcher = self._current_searcher()
            return sum(1 for _ in searcher.docs_for_query(Term("kind", kind)))

    def ids(self) -> tuple[set[int], set[int]]:
        """The (article ids, fact ids) the index holds."""
        articles: set[int] = set()
        facts: set[int] = set()
        with self._lock:
            searcher = self._current_searcher()
            for reader, _ in searcher.reader().leaf_readers():
                if not reader.doc_count_all() or not reader.has_column("uid"):
                    continue
                column = reader.column_reader("uid")
                for docnum in reader.all_doc_ids():
                    uid = column[docnum]
                    (articles if uid.startswith("a") else facts).add(int(uid[1:]))
        return articles, facts

    def article_ids(self) -> set[int]:
        return self.ids()[0]

    def parse(self, text: str) -> Query:
        return parse(text, self._ix.schema, self.aliases).query

    def search(
        self,
        text: str,
        limit: int = 20,
        texts: Callable[[list[int]], dict[int, str]] | None = None,
        *,
        page: int = 1,
        sort: str = "relevance",
        kinds: Iterable[str] | None = None,
        types: Iterable[str] | None = None,
        filters: Mapping[str, Iterable[str]] | None = None,
        facets: bool = False,
    ) -> SearchResult:
        """A page of ranked hits for ``text``; ``texts`` supplies article bodies for
        snippets. ``kinds`` ("article", "fact") and ``types`` (fact types) and
        ``filters`` ({facet field: values}) narrow the result; ``sort`` is
        ``relevance`` or ``date`` (newest first)."""
        parsed = parse(text, self._ix.schema, self.aliases)
        narrowing = _narrowing(kinds, types, filters)
        with self._lock:
            searcher = self._current_searcher()
            query = bound_expansions(parsed.query, searcher.reader())
            if narrowing:
                query = And([query, *narrowing])
            page, limit = max(1, page), max(1, limit)
            counters: list[Counter[str]] = [Counter() for _ in FACET_FIELDS]
            wanted = page * limit
            notices = list(parsed.notices)
            ranked = rank(searcher, query, wanted, self._lengths) if sort != "date" else None
            if ranked is not None:
                rows = [
                    (searcher.stored_fields(docnum), score)
                    for score, docnum in ranked.top[(page - 1) * limit : wanted]
                ]
                total, complete, stopped, found = ranked.total, True, False, len(ranked.top)
                if facets:
                    for reader, matches in ranked.segments:
                        self._facets.segment(reader).count(list(matches), counters)
            else:
                stopped = False
                if sort == "date":
                    collector = searcher.collector(limit=wanted, sortedby=NewestFirst())
                else:
                    # Phrases and ranges: Whoosh matches them (reading positions), so the
                    # matches are counted in the same pass rather than matched twice.
                    collector = _Collector(wanted, self._facets, counters if facets else None)
                bounded = _Deadline(collector, self.time_limit)
                try:
                    searcher.search_with_collector(query, bounded)
                except TimeLimit:
                    stopped = True
                results = collector.results()
                found = len(results)
                rows = [
                    (dict(r), 0.0 if sort == "date" else r.score)  # a date's key is no score
                    for r in results[(page - 1) * limit : wanted]
                ]
                if sort == "date":  # the total and the facet counts: an unscored pass
                    total, complete = self._count(
                        searcher, query, counters if facets else None, bounded.deadline
                    )
                else:
                    total, complete = found, not stopped
            if not complete:
                total = max(total, found)
                notices.append(
                    f"The search stopped after {self.time_limit:g} s: the results, their "
                    "order and the counts cover only the matches found so far. Add words, "
                    "a date or a country to narrow it."
                )
            elif stopped:
                notices.append(
                    f"The search stopped after {self.time_limit:g} s: the results and their "
                    "order cover only the matches ranked so far (the total and the counts "
                    "cover all). Add words, a date or a country to narrow it."
                )
            counts = count_facets(counters) if facets else {}
            suggestion = self._did_you_mean(searcher, text, texts)
        terms = query_terms(query)
        article_ids = [f["ref"] for f, _ in rows if f["kind"] == "article"]
        bodies = texts(article_ids) if texts and article_ids else {}
        hits = [self._hit(stored, score, terms, bodies) for stored, score in rows]
        return SearchResult(
            hits=hits,
            total=total,
            page=page,
            page_count=max(1, ceil(total / limit)),
            facets=counts,
            did_you_mean=suggestion,
            notices=notices,
            index_stale=self.needs_rebuild,
        )

    @staticmethod
    def _hit(stored: dict[str, Any], score: float, terms: set[str], bodies: dict[int, str]) -> Hit:
        kind = stored["kind"]
        if kind == "fact":
            return Hit(
                kind="fact",
                id=stored["ref"],
                title=stored.get("title", ""),
                date=stored.get("datestr"),
                source=stored.get("file", ""),
                score=float(score or 0.0),
                snippet=snippet(stored.get("fact_text", ""), terms, chars=220),
                fact_type=stored.get("type"),
                summary=stored.get("title", ""),
                article_ids=list(stored.get("articles") or []),
            )
        return Hit(
            kind="article",
            id=stored["ref"],
            title=stored.get("title", ""),
            date=stored.get("datestr"),
            source=stored.get("file", ""),
            score=float(score or 0.0),
            snippet=snippet(bodies.get(stored["ref"], ""), terms),
            article_ids=[stored["ref"]],
        )

    def _count(
        self,
        searcher: Searcher,
        query: Query,
        counters: list[Counter[str]] | None,
        deadline: float,
    ) -> tuple[int, bool]:
        """How many documents match, and (when ``counters`` is given) their facet values;
        False when the deadline stopped the count. No scoring: the matching document
        numbers are read in chunks and counted by value with ``Counter`` (in C)."""
        total = 0
        for sub, _offset in searcher.leaf_searchers():
            reader = sub.reader()
            if not reader.doc_count():
                continue
            facets = self._facets.segment(reader) if counters is not None else None
            found = doc_set(query, reader)
            if found is not None:
                total += len(found)
                if facets is not None and counters is not None:
                    facets.count(list(found), counters)
                continue
            matching = query.docs(sub)
            while True:
                if time.monotonic() > deadline:
                    return total, False
                chunk = list(islice(matching, COUNT_CHUNK))
                if not chunk:
                    break
                total += len(chunk)
                if facets is not None and counters is not None:
                    facets.count(chunk, counters)
        return total, True

    def _did_you_mean(
        self,
        searcher: Searcher,
        typed: str,
        texts: Callable[[list[int]], dict[int, str]] | None = None,
    ) -> str | None:
        """The query with each word the index does not know replaced by the nearest
        word it does know, or None when no word needs replacing."""

        def surface(stem: str) -> str | None:
            for number, docnum in enumerate(searcher.docs_for_query(Term("body", stem))):
                if number >= 3:
                    break
                stored = searcher.stored_fields(docnum)
                text = f"{stored.get('title', '')} {stored.get('fact_text', '')}"
                if stored.get("kind") == "article" and texts is not None:
                    text += " " + texts([stored["ref"]]).get(stored["ref"], "")
                word = surface_word(text, stem)
                if word:
                    return word
            return None

        return did_you_mean(searcher, typed, surface)

    def match_spans(self, query_text: str, text: str) -> list[tuple[int, int]]:
        """Character spans of ``text`` that the query's words match (for the reader)."""
        try:
            query = self.parse(query_text)
        except QueryError:
            return []
        return match_spans(text, query_terms(query))


class _Deadline(WrappingCollector):  # type: ignore[misc]  # untyped whoosh base
    """Stops a search that runs past ``limit`` seconds (raising ``TimeLimit``; what was
    collected so far stays in the wrapped collector). Checked at each match, with no timer
    thread or signal, so it works in worker threads and is exact in tests."""

    def __init__(self, child: Collector, limit: float) -> None:
        self.child = child
        self.limit = limit
        self.deadline = 0.0

    def prepare(self, top_searcher: Searcher, q: Query, context: object) -> None:
        self.child.prepare(top_searcher, q, context)
        self.deadline = time.monotonic() + self.limit

    def collect_matches(self) -> None:
        child = self.child
        for sub_docnum in child.matches():
            if time.monotonic() > self.deadline:
                raise TimeLimit
            child.collect(sub_docnum)


class _Collector(TopCollector):  # type: ignore[misc]  # untyped whoosh base
    """Top hits by score, counting every match (and, if asked, its facet values) in
    the one pass over the matches (for the queries :func:`search.ranking.rank` leaves
    to Whoosh)."""

    def __init__(self, limit: int, cache: FacetCache, counters: list[Counter[str]] | None):
        # replace=0: Whoosh would otherwise swap in matchers that skip documents unable
        # to reach the top N, and the total and the facet counts would miss them.
        super().__init__(limit=limit, usequality=False, replace=0)
        self._cache = cache
        self._counters = counters
        self._segment: SegmentFacets | None = None

    def set_subsearcher(self, subsearcher: Searcher, offset: int) -> None:
        super().set_subsearcher(subsearcher, offset)
        reader = subsearcher.reader()
        has = self._counters is not None and reader.has_column("facets")
        self._segment = self._cache.segment(reader) if has else None

    def collect(self, sub_docnum: int) -> object:
        if self._segment is not None and self._counters is not None:
            self._segment.add(sub_docnum, self._counters)
        return super().collect(sub_docnum)


def _narrowing(
    kinds: Iterable[str] | None,
    types: Iterable[str] | None,
    filters: Mapping[str, Iterable[str]] | None,
) -> list[Query]:
    out: list[Query] = []
    if kinds:
        out.append(Or([Term("kind", k) for k in kinds]))
    if types:
        out.append(Or([Term("type", fact_type(t)) for t in types]))
    for name, values in (filters or {}).items():
        if name not in FACET_FIELDS:
            raise QueryError(f"cannot narrow by {name!r}: use one of {', '.join(FACET_FIELDS)}")
        values = [v.lower() if name in ("country", "source", "language") else v for v in values]
        if name == "type":
            values = [fact_type(v) for v in values]
        out.append(Or([Term(name, v) for v in values]) if values else Every())
    return out

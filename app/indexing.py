"""Keeping the Whoosh index in step with the database.

The library calls this module after each change it commits; it reads what the
index needs from the database (articles, the facts read from them, the entity
table's aliases) and hands it to ``search/`` (which owns every Whoosh call).
``check`` compares the two at open: a few missing or extra documents are
repaired at once; a stale stamp or a large difference needs a full rebuild, done
at once for a small library and otherwise left to the caller (the window runs
:meth:`Indexer.rebuild` in a worker with progress; the CLI runs it directly).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.fact_store import effective_data
from db.models import Article, Evidence, Fact
from search import facttext
from search.index import ArticleDoc, FactDoc, SearchIndex, SearchResult
from search.query import alias_key, sound_alias_key, stem_alias_key
from search.writer_process import WriterProcess

CHUNK = 500
MAX_EVIDENCE = 50
"""A fact's document names its first sources only (a country may be cited by every
article; its document would otherwise grow with each import). Once a fact has this
many, its document no longer changes when another article cites it, and an import
skips writing it again (:meth:`Indexer.index_articles`): at 10,000 articles a batch of
200 new ones re-wrote some 700 older facts naming 44,000 sources, more words than the
articles themselves. The facts of an article are always found through the article."""
MAX_QUOTES = 5
"""Evidence sentences kept with a fact's document for its snippet. They are not
indexed: the fact is found by its own summary and values, the sentences through the
articles that hold them (indexing them again made each article cost about three
times its own words, since an article yields a dozen facts or more)."""
REPAIR_LIMIT = 5000
"""At most this many missing or extra documents are repaired one by one at open."""
REBUILD_AT_OPEN = 3000
"""A library of at most this many articles is rebuilt at once when its index is stale."""

Progress = Callable[[int, int], None]


class _Batch(TypedDict):
    """The arguments of one :meth:`SearchIndex.update` (or of the writer process's)."""

    articles: list[ArticleDoc]
    facts: list[FactDoc]
    delete_facts: set[int]
    new_articles: bool
    facts_new_above: int | None
    commit: bool


class Indexer:
    """Feeds the search index from the database."""

    def __init__(self, sessions: sessionmaker[Session], index: SearchIndex) -> None:
        self._sessions = sessions
        self.index = index
        self._settled: dict[int, int] = {}
        """Fact id -> hash of the document last written for it, for facts that name
        ``MAX_EVIDENCE`` sources already (only their own data can still change them)."""

    # -- reading the database ---------------------------------------------------------
    def _facts(
        self, session: Session, fact_ids: Iterable[int] | None
    ) -> dict[int, tuple[str, dict[str, Any]]]:
        query = select(Fact.id, Fact.type, Fact.data, Fact.user_data).where(~Fact.hidden)
        if fact_ids is not None:
            query = query.where(Fact.id.in_(list(fact_ids)))
        rows = session.connection().execute(query)
        return {i: (t, effective_data(d, u)) for i, t, d, u in rows}

    def _fact_docs(
        self, session: Session, fact_ids: Iterable[int] | None, full: set[int] | None = None
    ) -> Iterator[FactDoc]:
        """The documents of the given facts (all with ``None``); ``full`` receives the ids
        of those whose source list is full (``MAX_EVIDENCE``)."""
        facts = self._facts(session, fact_ids)
        if not facts:
            return
        evidence: dict[int, list[tuple[int, str, str, str | None, str | None]]] = defaultdict(list)
        order = func.row_number().over(
            partition_by=Evidence.fact_id, order_by=(Evidence.article_id, Evidence.start)
        )
        first = select(Evidence.fact_id, Evidence.article_id, Evidence.quote, order.label("n"))
        if fact_ids is not None:
            first = first.where(Evidence.fact_id.in_(list(facts)))
        rows_of = first.subquery()
        query = (
            select(rows_of.c.fact_id, rows_of.c.article_id, rows_of.c.quote)
            .add_columns(Article.file_name, Article.date, Article.language)
            .join(Article, Article.id == rows_of.c.article_id)
            .where(rows_of.c.n <= MAX_EVIDENCE)
            .order_by(rows_of.c.fact_id, rows_of.c.n)
        )
        for fact_id, article_id, quote, name, date, lang in session.connection().execute(query):
            evidence[fact_id].append((article_id, quote, name, date, lang))
        for fact_id, (kind, data) in facts.items():
            rows = evidence.get(fact_id, [])
            if full is not None and len(rows) >= MAX_EVIDENCE:
                full.add(fact_id)
            quotes = list(dict.fromkeys(r[1] for r in rows))[:MAX_QUOTES]
            date = facttext.date(kind, data)
            if date is None and kind != "entities":
                date = min((r[3] for r in rows if r[3]), default=None)
            yield FactDoc(
                id=fact_id,
                type=kind,
                summary=facttext.summary(kind, data),
                text=facttext.text(kind, data, ()),
                quotes="\n".join(quotes),
                date=date,
                countries=facttext.countries(kind, data),
                sources=tuple(dict.fromkeys(r[2] for r in rows)),
                article_ids=tuple(dict.fromkeys(r[0] for r in rows)),
                names=facttext.names(kind, data),
                languages=tuple(sorted({r[4] for r in rows if r[4]})),
            )

    def _article_docs(self, ids: Iterable[int] | None = None) -> Iterator[ArticleDoc]:
        id_list = None if ids is None else list(ids)
        with self._sessions() as session:
            cited: dict[int, set[int]] = defaultdict(set)
            links = select(Evidence.article_id, Evidence.fact_id)
            if id_list is not None:
                links = links.where(Evidence.article_id.in_(id_list))
            for article_id, fact_id in session.connection().execute(links):
                cited[article_id].add(fact_id)
            wanted = None if id_list is None else {f for fs in cited.values() for f in fs}
            facts = self._facts(session, wanted)
            query = select(
                Article.id,
                Article.title,
                Article.text,
                Article.date,
                Article.file_name,
                Article.language,
            )
            if id_list is not None:
                query = query.where(Article.id.in_(id_list))
            for row in session.execute(query.execution_options(yield_per=500)):
                yield _article_doc(row, [facts[f] for f in cited.get(row[0], ()) if f in facts])

    def article_texts(self, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        with self._sessions() as session:
            rows = session.connection().execute(
                select(Article.id, Article.text).where(Article.id.in_(ids))
            )
            return {i: t for i, t in rows}

    def facts_of(self, session: Session, article_ids: list[int]) -> set[int]:
        """The ids of the facts citing any of the articles."""
        rows = session.scalars(
            select(Evidence.fact_id).where(Evidence.article_id.in_(article_ids)).distinct()
        )
        return set(rows)

    def refresh_aliases(self, fact_ids: Iterable[int] | None = None) -> None:
        """Give the index the entity table's names, for widening queries at search time.

        With ``fact_ids`` (the facts an import touched) the names of those entities are
        added to the groups known; without, the groups are read afresh (after edits,
        hiding and deletions, which can also take names away)."""
        groups: dict[tuple[str, ...], set[str]] = defaultdict(set)
        query = select(Fact.data, Fact.user_data).where(Fact.type == "entities", ~Fact.hidden)
        if fact_ids is not None:
            ids = list(fact_ids)
            if not ids:
                return
            query = query.where(Fact.id.in_(ids))
            for key, known in self.index.aliases.items():
                groups[key].update(known)
        with self._sessions() as session:
            rows = session.connection().execute(query)
            for data, user_data in rows:
                entity = effective_data(data, user_data)
                forms = {entity.get("name"), entity.get("canonical"), *entity.get("aliases", [])}
                forms = {f for f in forms if isinstance(f, str) and len(f) >= 3}
                if len(forms) < 2:
                    continue
                for form in forms:
                    groups[alias_key(form)] |= forms
                    # a person's sound: "Tokayev" finds one known only as "Токаев"/"Tokaev"
                    # (people only: Cuba and Juba sound alike to the key)
                    if entity.get("kind") == "person":
                        groups[sound_alias_key(form)] |= forms
                    groups[stem_alias_key(form)] |= forms  # "Токаева" finds "Токаев"
        self.index.aliases = {k: tuple(sorted(v)) for k, v in groups.items() if k[-1:] != k[:1]}

    # -- writing the index ------------------------------------------------------------
    def index_articles(
        self,
        ids: Iterable[int],
        new: bool = False,
        facts_new_above: int | None = None,
        writer: WriterProcess | None = None,
    ) -> int:
        """(Re)index the given articles and the facts read from them, after a commit.
        ``new``: the articles were just imported (not in the index yet), as were the facts
        with an id above ``facts_new_above``. With ``writer`` the documents are handed to
        that process and written there (returns 0: the count is the writer's)."""
        ids = sorted(set(ids))
        written = 0
        touched: set[int] = set()
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            full: set[int] = set()
            with self._sessions() as session:
                # A fact cited by articles of two chunks is written with the first: its
                # document names every source stored so far (and one commit cannot
                # replace a document it added itself).
                fact_ids = self.facts_of(session, chunk) - touched
                fact_docs = list(self._fact_docs(session, fact_ids, full))
            hidden = fact_ids - {f.id for f in fact_docs}
            fact_docs = [d for d in fact_docs if d.id not in full or self._changed(d)]
            batch: _Batch = {
                "articles": list(self._article_docs(chunk)),
                "facts": fact_docs,
                "delete_facts": hidden,
                "new_articles": new,
                "facts_new_above": facts_new_above,
                "commit": start + CHUNK >= len(ids),  # the parts of a call: one commit
            }
            if writer is not None:
                writer.update(**batch)
            else:
                written += self.index.update(**batch)
            touched |= fact_ids
        self.refresh_aliases(touched)
        return written

    def _changed(self, doc: FactDoc) -> bool:
        """False when ``doc`` is the document last written for its fact (and notes it)."""
        signature = hash(doc)
        if self._settled.get(doc.id) == signature:
            return False
        self._settled[doc.id] = signature
        return True

    def remove_articles(self, ids: Iterable[int], fact_ids: Iterable[int] = ()) -> None:
        """Drop deleted articles; facts that cited them are re-indexed or dropped."""
        self._settled.clear()
        fact_ids = set(fact_ids)
        with self._sessions() as session:
            docs = list(self._fact_docs(session, fact_ids)) if fact_ids else []
        gone = fact_ids - {d.id for d in docs}
        self.index.update(facts=docs, delete_articles=ids, delete_facts=gone)
        self.refresh_aliases()

    def index_facts(self, fact_ids: Iterable[int]) -> None:
        """Re-index facts after they were edited, hidden or deleted."""
        self._settled.clear()
        fact_ids = set(fact_ids)
        with self._sessions() as session:
            docs = list(self._fact_docs(session, fact_ids))
        self.index.update(facts=docs, delete_facts=fact_ids - {d.id for d in docs})
        self.refresh_aliases()

    def _db_ids(self) -> tuple[set[int], set[int]]:
        with self._sessions() as session:
            articles = set(session.connection().scalars(select(Article.id)))
            facts = set(session.connection().scalars(select(Fact.id).where(~Fact.hidden)))
        return articles, facts

    def needs_rebuild(self) -> bool:
        """True when the index must be rebuilt whole before it can be trusted."""
        return self.index.needs_rebuild

    def check(self) -> tuple[int, int]:
        """Compare the index with the database at open and repair what is cheap to repair;
        returns (added, removed). A rebuild too large for now sets ``needs_rebuild``."""
        self.refresh_aliases()
        db_articles, db_facts = self._db_ids()
        if not db_articles and not db_facts and self.index.needs_rebuild:
            self.index.needs_rebuild = False  # a new library: nothing to index
        if not self.index.needs_rebuild:
            ix_articles, ix_facts = self.index.ids()
            missing_a, extra_a = db_articles - ix_articles, ix_articles - db_articles
            missing_f, extra_f = db_facts - ix_facts, ix_facts - db_facts
            changes = len(missing_a) + len(extra_a) + len(missing_f) + len(extra_f)
            if changes == 0:
                return 0, 0
            if changes <= REPAIR_LIMIT:
                self.index.update(delete_articles=extra_a, delete_facts=extra_f)
                if missing_a:
                    self.index_articles(missing_a)
                if missing_f:
                    self.index_facts(missing_f)
                return len(missing_a) + len(missing_f), len(extra_a) + len(extra_f)
            self.index.needs_rebuild = True
        if len(db_articles) <= REBUILD_AT_OPEN:
            self.rebuild()
            return len(db_articles) + len(db_facts), 0
        return 0, 0

    def rebuild(
        self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> int:
        """Rebuild the whole index from the database; returns the article count.
        Raises ``search.index.Cancelled`` when cancelled (the old index is kept)."""
        with self._sessions() as session:
            articles = session.scalar(select(func.count(Article.id))) or 0
            facts = session.scalar(select(func.count(Fact.id)).where(~Fact.hidden)) or 0

        def docs() -> Iterator[ArticleDoc | FactDoc]:
            yield from self._article_docs()
            with self._sessions() as session:
                yield from self._fact_docs(session, None)

        self.index.rebuild(docs(), articles + facts, progress, cancelled)
        self.refresh_aliases()
        return articles

    def search(self, query: str, limit: int = 20, **options: Any) -> SearchResult:
        return self.index.search(query, limit=limit, texts=self.article_texts, **options)


def _article_doc(row: Any, facts: list[tuple[str, dict[str, Any]]]) -> ArticleDoc:
    article_id, title, text, date, file_name, language = row
    countries: set[str] = set()
    people: dict[str, None] = {}
    orgs: dict[str, None] = {}
    places: dict[str, None] = {}
    for kind, data in facts:
        countries.update(facttext.countries(kind, data))
        people.update(dict.fromkeys(facttext.names(kind, data)))
        if kind == "entities":
            forms = [data.get("name"), data.get("canonical"), *(data.get("aliases") or [])]
            target = {"organization": orgs, "place": places}.get(data.get("kind") or "")
            if target is not None:
                target.update(dict.fromkeys(f for f in forms if f))
        for key in ("city",):
            if data.get(key):
                places[data[key]] = None
    return ArticleDoc(
        id=article_id,
        title=title,
        text=text,
        date=date,
        source=file_name,
        language=language or "",
        countries=tuple(sorted(countries)),
        people=tuple(people),
        organisations=tuple(orgs),
        places=tuple(places),
        fact_types=tuple(sorted({kind for kind, _ in facts})),
    )

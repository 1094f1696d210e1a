"""Keeping the Whoosh index in step with the database.

The library calls this module after each change it commits; it reads what the
index needs from the database and hands it to ``search/`` (which owns every
Whoosh call). ``sync`` compares the two at open and repairs the index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Article
from search.index import ArticleDoc, SearchIndex, SearchResult

CHUNK = 2000


class Indexer:
    """Feeds the search index from the database."""

    def __init__(self, sessions: sessionmaker[Session], index: SearchIndex) -> None:
        self._sessions = sessions
        self.index = index

    def _article_docs(self, ids: Iterable[int] | None = None) -> Iterator[ArticleDoc]:
        with self._sessions() as session:
            query = select(Article.id, Article.title, Article.text, Article.date, Article.file_name)
            if ids is not None:
                query = query.where(Article.id.in_(list(ids)))
            for row in session.execute(query.execution_options(yield_per=500)):
                yield ArticleDoc(*row)

    def article_texts(self, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        with self._sessions() as session:
            rows = session.execute(select(Article.id, Article.text).where(Article.id.in_(ids)))
            return {i: t for i, t in rows}

    def index_articles(self, ids: Iterable[int]) -> int:
        """(Re)index the given articles after they were committed."""
        ids = sorted(set(ids))
        written = 0
        for start in range(0, len(ids), CHUNK):
            written += self.index.add_articles(self._article_docs(ids[start : start + CHUNK]))
        return written

    def remove_articles(self, ids: Iterable[int]) -> None:
        self.index.delete_articles(ids)

    def sync(self) -> tuple[int, int]:
        """Make the index hold exactly the database's articles; returns (added, removed)."""
        with self._sessions() as session:
            db_ids = set(session.scalars(select(Article.id)))
        if self.index.needs_rebuild:
            self.rebuild()
            return len(db_ids), 0
        indexed = self.index.article_ids()
        missing, extra = db_ids - indexed, indexed - db_ids
        if extra:
            self.index.delete_articles(extra)
        if missing:
            self.index_articles(missing)
        return len(missing), len(extra)

    def rebuild(self) -> int:
        return self.index.rebuild(self._article_docs())

    def search(self, query: str, limit: int = 20) -> SearchResult:
        return self.index.search(query, limit=limit, texts=self.article_texts)

"""The library service: open a library folder, import files, search, read, export.

The command line, the window and the tests all go through this class. A library
is a folder holding ``library.sqlite`` (the truth) and ``index/`` (the Whoosh
index, derived from the database and rebuilt from it whenever it disagrees).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from app.extract import Extraction, extract_article
from app.fact_store import FactRow, drop_orphans, load_facts, store_candidates
from app.facts_doc import build_document
from app.ingest import Document, IngestError, is_supported, read_document
from db.engine import make_engine, make_sessionmaker, transaction, upgrade
from db.models import Article, Fact
from db.models import Evidence as EvidenceModel
from search.index import ArticleDoc, SearchIndex, SearchResult

DB_NAME = "library.sqlite"
INDEX_DIR = "index"
INDEX_BATCH = 200

Progress = Callable[[int, int, str], None]
"""progress(done, total, current file name)"""
Cancelled = Callable[[], bool]


class LibraryError(Exception):
    """The library folder cannot be opened or used; the message says why."""


@dataclass(frozen=True)
class ArticleRow:
    """A plain, detached view of an article for the UI and the CLI."""

    id: int
    file_name: str
    path: str
    date: str | None
    title: str
    text: str
    imported_at: datetime
    date_inferred: str | None = None


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    def summary(self) -> str:
        text = (
            f"imported {len(self.imported)}, skipped {len(self.skipped)}, failed {len(self.failed)}"
        )
        return text + (" (cancelled)" if self.cancelled else "")


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand folders (recursively, hidden entries skipped) into importable files.

    Returns the files and the problems met (a path that does not exist, a file
    given by name whose type is not supported). Folders never follow symbolic
    links to folders, so a link loop cannot trap the walk.
    """
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    candidate = Path(root) / name
                    if not name.startswith(".") and is_supported(candidate):
                        files.append(candidate)
        elif path.exists() or path.is_symlink():
            if is_supported(path):
                files.append(path)
            else:
                problems.append((str(path), f"unsupported file type {path.suffix or '(none)'!r}"))
        else:
            problems.append((str(path), "no such file or folder"))
    unique = []
    for f in files:
        key = f.absolute()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, problems


def _row(article: Article) -> ArticleRow:
    return ArticleRow(
        id=article.id,
        file_name=article.file_name,
        path=article.path,
        date=article.date,
        title=article.title,
        text=article.text,
        imported_at=article.imported_at,
        date_inferred=article.date_inferred,
    )


class Library:
    """One library folder, opened for reading and writing."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create the library folder {folder}: {exc}") from exc
        self.engine = make_engine(folder / DB_NAME)
        upgrade(self.engine)
        self._sessions = make_sessionmaker(self.engine)
        self.index = SearchIndex(folder / INDEX_DIR)
        self.sync_index()

    def close(self) -> None:
        self.index.close()
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------
    def article_count(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count(Article.id))) or 0

    def articles(self) -> list[ArticleRow]:
        with self._sessions() as session:
            rows = session.scalars(select(Article).order_by(Article.date, Article.id))
            return [_row(a) for a in rows]

    def article(self, article_id: int) -> ArticleRow | None:
        with self._sessions() as session:
            found = session.get(Article, article_id)
            return _row(found) if found else None

    def article_texts(self, ids: Sequence[int]) -> dict[int, str]:
        if not ids:
            return {}
        with self._sessions() as session:
            rows = session.execute(select(Article.id, Article.text).where(Article.id.in_(ids)))
            return {i: t for i, t in rows}

    def search(self, query: str, limit: int = 20) -> SearchResult:
        return self.index.search(query, limit=limit, texts=self.article_texts)

    # -- importing --------------------------------------------------------------
    def import_paths(
        self,
        paths: Iterable[Path],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportReport:
        """Import files and folders. Each article is committed on its own, so an
        interruption keeps every article imported before it; the index follows in
        batches (and is repaired at the next open if a crash comes in between)."""
        files, problems = collect_files(paths)
        report = ImportReport(failed=list(problems))
        pending: list[ArticleDoc] = []
        total = len(files)
        for done, path in enumerate(files):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            if progress is not None:
                progress(done, total, path.name)
            try:
                doc = read_document(path)
            except IngestError as exc:
                report.failed.append((str(path), str(exc)))
                continue
            article = self._store(doc)
            if article is None:
                report.skipped.append(str(path))
                continue
            report.imported.append(str(path))
            pending.append(article)
            if len(pending) >= INDEX_BATCH:
                self.index.add_articles(pending)
                pending.clear()
        if pending:
            self.index.add_articles(pending)
        if progress is not None and not report.cancelled:
            progress(total, total, "")
        return report

    def _is_held(self, sha256: str) -> bool:
        with self._sessions() as session:
            return session.scalar(select(Article.id).where(Article.sha256 == sha256)) is not None

    def _store(self, doc: Document) -> ArticleDoc | None:
        """Store one document with its facts, as one transaction; None when the same
        content is already held."""
        if self._is_held(doc.sha256):
            return None
        extraction = extract_article(doc.file_name, doc.text, doc.date)
        with transaction(self._sessions) as session:
            exists = session.scalar(select(Article.id).where(Article.sha256 == doc.sha256))
            if exists is not None:
                return None
            article = Article(
                file_name=doc.file_name,
                path=doc.path,
                sha256=doc.sha256,
                format=doc.format,
                date=doc.date,
                title=doc.title,
                text=doc.text,
                date_inferred=extraction.date if extraction.date_inferred else None,
                imported_at=datetime.now(UTC).replace(tzinfo=None),
            )
            session.add(article)
            session.flush()
            store_candidates(session, article, extraction.facts)
            return ArticleDoc(article.id, doc.title, doc.text, doc.date, doc.file_name)

    # -- facts --------------------------------------------------------------------
    def facts(
        self, types: Sequence[str] | None = None, ids: Sequence[int] | None = None
    ) -> list[FactRow]:
        with self._sessions() as session:
            return load_facts(session, types, ids)

    def fact_count(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count(Fact.id))) or 0

    def reextract(
        self, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> int:
        """Extract the facts of every article again, replacing the extracted facts in
        one transaction (a cancelled run changes nothing). Returns the fact count."""
        with self._sessions() as session:
            rows = session.execute(
                select(Article.id, Article.file_name, Article.text, Article.date).order_by(
                    Article.id
                )
            ).all()
        extractions: list[tuple[int, Extraction]] = []
        for done, (article_id, name, text, date) in enumerate(rows):
            if cancelled is not None and cancelled():
                return self.fact_count()
            if progress is not None:
                progress(done, len(rows), name)
            extractions.append((article_id, extract_article(name, text, date)))
        with transaction(self._sessions) as session:
            session.execute(delete(EvidenceModel))
            session.execute(delete(Fact))
            for article_id, extraction in extractions:
                article = session.get_one(Article, article_id)
                article.date_inferred = extraction.date if extraction.date_inferred else None
                store_candidates(session, article, extraction.facts)
            drop_orphans(session)
        if progress is not None:
            progress(len(rows), len(rows), "")
        return self.fact_count()

    # -- the index ----------------------------------------------------------------
    def _article_docs(self, ids: set[int] | None = None) -> Iterator[ArticleDoc]:
        with self._sessions() as session:
            query = select(Article.id, Article.title, Article.text, Article.date, Article.file_name)
            if ids is not None:
                query = query.where(Article.id.in_(ids))
            for row in session.execute(query.execution_options(yield_per=500)):
                yield ArticleDoc(*row)

    def sync_index(self) -> tuple[int, int]:
        """Make the index hold exactly the database's articles; returns (added, removed)."""
        with self._sessions() as session:
            db_ids = set(session.scalars(select(Article.id)))
        if self.index.needs_rebuild:
            self.index.rebuild(self._article_docs())
            return len(db_ids), 0
        indexed = self.index.article_ids()
        missing, extra = db_ids - indexed, indexed - db_ids
        if extra:
            self.index.delete_articles(extra)
        if missing:
            for start in range(0, len(missing), 5000):
                chunk = set(sorted(missing)[start : start + 5000])
                self.index.add_articles(self._article_docs(chunk))
        return len(missing), len(extra)

    def reindex(self) -> int:
        return self.index.rebuild(self._article_docs())

    # -- export -----------------------------------------------------------------
    def export_document(self) -> dict[str, Any]:
        """Everything the library holds as a ``bilateral-facts/1`` document."""
        articles = [
            {"id": a.file_name, "date": a.date, "title": a.title}
            | ({"date_inferred": a.date_inferred} if a.date_inferred else {})
            for a in sorted(self.articles(), key=lambda a: (a.file_name, a.id))
        ]
        return build_document(articles, (f.as_candidate() for f in self.facts()))

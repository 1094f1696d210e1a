"""Importing files into a library: folders expanded into files, the files read and
extracted by worker processes (``app.import_pool``), the articles stored in groups and
indexed in batches, and the report of what became of each file.

``Library.import_paths`` runs an :class:`ImportPipeline` over the library's database
and index.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app import article_source, faults, import_pool, import_worker
from app.extract import Extraction
from app.fact_store import store_candidates
from app.indexing import Indexer
from app.ingest import Document, is_supported
from app.language import detect as detect_language
from app.library_errors import NoSpaceError
from db.engine import transaction
from db.models import Article, Fact
from search.writer_process import WriterProcess

log = logging.getLogger(__name__)

INDEX_BATCH = 200
STORE_GROUP = 32
STORE_GROUP_S = 1.0
"""Imported articles are committed in groups of this many, or after this long: each
article is whole or absent after a crash (one transaction holds all of a group), and
the disk is synced once per group instead of once per article."""
INDEX_INTERVAL_S = 5.0

Progress = Callable[[int, int, str], None]
"""progress(done, total, current file name)"""
Cancelled = Callable[[], bool]

Stored = list[tuple[import_worker.Prepared, int | str | None]]
"""Per prepared file its article id, None (held already) or why it failed."""


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


def _parts(item: import_worker.Prepared) -> tuple[Document, Extraction]:
    assert item.document is not None and item.extraction is not None
    return item.document, item.extraction


class _IndexBatch:
    """Imported article ids waiting to be indexed: written when ``INDEX_BATCH`` have
    gathered or ``INDEX_INTERVAL_S`` have passed since the last write (so a long import
    becomes searchable as it goes, and each Whoosh commit carries many articles) and,
    with an index-writer process, once that process has written the previous batch
    (``busy``): storing goes on while it writes, and the next batch is larger."""

    def __init__(
        self, write: Callable[[list[int]], None], busy: Callable[[], bool] = lambda: False
    ) -> None:
        self._write = write
        self._busy = busy
        self._ids: list[int] = []
        self._since = time.monotonic()

    def add(self, article_id: int) -> None:
        self._ids.append(article_id)
        full = len(self._ids) >= INDEX_BATCH
        if (full or time.monotonic() - self._since >= INDEX_INTERVAL_S) and not self._busy():
            self.flush()

    def flush(self) -> None:
        if self._ids:
            self._write(self._ids)
            self._ids = []
        self._since = time.monotonic()


class ImportPipeline:
    """Imports into one library: its database (``sessions``, the file ``db_path``) and
    its index (``indexer``, the folder ``index_dir``)."""

    def __init__(
        self, sessions: sessionmaker[Session], indexer: Indexer, db_path: Path, index_dir: Path
    ) -> None:
        self._sessions = sessions
        self._indexer = indexer
        self._db_path = db_path
        self._index_dir = index_dir

    def run(
        self,
        paths: Iterable[Path],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        processes: int | None = None,
        apart: bool = False,
    ) -> ImportReport:
        """Import files and folders (``Library.import_paths`` says how)."""
        files, problems = collect_files(paths)
        report = ImportReport(failed=list(problems))
        total = len(files)
        # Facts above this id are new since the last index write: added, not replaced.
        indexed_up_to = [self._last_fact_id()]
        workers = import_pool.worker_count(total, processes)
        if apart and total:
            workers = max(1, workers)
        # A long import writes the index in a process of its own (see search.writer_process).
        writer = WriterProcess(self._index_dir) if workers else None

        def index(ids: list[int]) -> None:
            self._index_imported(ids, indexed_up_to[0], writer)
            indexed_up_to[0] = self._last_fact_id()

        batch = _IndexBatch(index, (lambda: writer.busy) if writer is not None else lambda: False)
        items = import_pool.prepared(
            files, self._db_path, workers, cancelled, is_held=self._is_held
        )
        done = 0
        group: list[import_worker.Prepared] = []
        started = time.monotonic()

        def store_group() -> None:
            try:
                stored = self._store_all(group)
            except NoSpaceError as full:  # the articles of the group stored before it ran out
                record(full.stored)
                raise
            record(stored)
            group.clear()

        def record(stored: Stored) -> None:
            for item, outcome in stored:
                if isinstance(outcome, str):
                    report.failed.append((item.path, outcome))
                elif outcome is None:
                    report.skipped.append(item.path)
                else:
                    report.imported.append(item.path)
                    batch.add(outcome)

        try:
            for item in items:
                if progress is not None:
                    progress(done, total, Path(item.path).name)
                done += 1
                if item.error is not None:
                    report.failed.append((item.path, item.error))
                    continue
                if item.held or item.document is None:
                    if item.document is not None:
                        self._refresh_source(item.document)
                    report.skipped.append(item.path)
                    continue
                group.append(item)
                if len(group) >= STORE_GROUP or time.monotonic() - started >= STORE_GROUP_S:
                    store_group()
                    started = time.monotonic()
            store_group()
            batch.flush()
        except NoSpaceError as exc:
            # Every article stored so far is whole (one transaction per group); the
            # index of the last ones is repaired at the next open.
            close = getattr(items, "close", None)
            if close is not None:
                close()  # the workers stop
            raise NoSpaceError(
                f"{exc}: the import stopped after {len(report.imported)} new article(s), "
                "each whole; free some space and import again to bring the rest",
                report,
            ) from exc
        finally:
            if writer is not None:
                writer.close()  # every batch written: the import is searchable
        report.cancelled = done < total and cancelled is not None and cancelled()
        if progress is not None and not report.cancelled:
            progress(total, total, "")
        return report

    def _store_all(self, items: list[import_worker.Prepared]) -> Stored:
        """Store prepared articles in one transaction (one disk sync for them all); if
        any fails, each is stored in its own, so one bad article costs only itself.
        Returns per item its article id, None (held already) or why it failed."""
        if not items:
            return []
        try:
            with transaction(self._sessions) as session:
                ids = [_insert_into(session, *_parts(i)) for i in items]
            return list(zip(items, ids, strict=True))
        except Exception:  # e.g. another process stored one of them, or space ran out
            pass  # each alone: those that fit are stored
        out: Stored = []
        for item in items:
            try:
                out.append((item, self._insert(*_parts(item))))
            except IntegrityError:  # another process stored the same content meanwhile
                out.append((item, None))
            except Exception as exc:  # the store's fault: named, not fatal
                try:
                    self._stop_if_full(exc)
                except NoSpaceError as full:
                    full.stored = out  # those stored before the disk filled
                    raise
                out.append((item, f"could not be stored ({type(exc).__name__}: {exc})"))
        return out

    def _stop_if_full(self, exc: BaseException) -> None:
        """A full disk stops an import (every next article would fail the same way)."""
        if faults.is_no_space(exc):
            raise NoSpaceError(f"no space left on the device holding {self._db_path}")

    def _index_imported(
        self, ids: list[int], last_fact: int | None = None, writer: WriterProcess | None = None
    ) -> None:
        try:
            self._indexer.index_articles(ids, new=True, facts_new_above=last_fact, writer=writer)
        except Exception:  # e.g. another process holds the index writer for too long
            # The articles are safe in the database; the next open repairs the index.
            log.warning("the index missed %d imported article(s)", len(ids), exc_info=True)

    def _refresh_source(self, doc: Document) -> None:
        """A file held already: fill in the address, outlet and author it gives (never
        over a person's edit; ``article_source.refresh``)."""
        given = {"url": doc.url, "outlet": doc.outlet, "author": doc.author}
        if not any(given.values()):
            return
        with transaction(self._sessions) as session:
            article_source.refresh(session, doc.sha256, given)

    def _last_fact_id(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.max(Fact.id))) or 0

    def _is_held(self, sha256: str) -> bool:
        with self._sessions() as session:
            return session.scalar(select(Article.id).where(Article.sha256 == sha256)) is not None

    def _insert(self, doc: Document, extraction: Extraction) -> int | None:
        with transaction(self._sessions) as session:
            return _insert_into(session, doc, extraction)


def _insert_into(session: Session, doc: Document, extraction: Extraction) -> int | None:
    """Store one article and its facts in ``session``; its id, or None when the library
    holds the same content already."""
    found = select(Article.id).where(Article.sha256 == doc.sha256)
    if session.connection().scalar(found) is not None:
        return None
    row = {
        "file_name": doc.file_name,
        "path": doc.path,
        "sha256": doc.sha256,
        "format": doc.format,
        "date": doc.date,
        "title": doc.title,
        "text": doc.text,
        "date_inferred": extraction.date if extraction.date_inferred else None,
        "language": detect_language(doc.text),
        "url": doc.url,
        "outlet": doc.outlet,
        "author": doc.author,
        "imported_at": datetime.now(UTC).replace(tzinfo=None),
    }
    table = Article.__table__
    article_id: int = (
        session.connection().execute(insert(table).returning(table.c.id), row).scalar_one()
    )
    store_candidates(session, article_id, doc.file_name, extraction.facts)
    return article_id

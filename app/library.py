"""The library service: open a library folder, import files, search, read, export.

The command line, the window and the tests all go through this class. A library
is a folder holding ``library.sqlite`` (the truth) and ``index/`` (the Whoosh
index, derived from the database and rebuilt from it whenever it disagrees).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import delete, func, select
from sqlalchemy.exc import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy import CursorResult
    from sqlalchemy.orm import Session

from app import (
    article_removal,
    article_source,
    fact_edits,
    fact_merge,
    fact_types,
    faults,
    import_worker,
    language_change,
    selection,
    view_rows,
)
from app.check import CheckReport, check_library
from app.extract import Candidate, Extraction, extract_article
from app.fact_store import drop_orphans, load_facts
from app.facts_doc import build_document

# The import pipeline and the errors live in modules of their own; callers import
# them from here too.
from app.import_pipeline import Cancelled as Cancelled
from app.import_pipeline import ImportPipeline
from app.import_pipeline import ImportReport as ImportReport
from app.import_pipeline import Progress as Progress
from app.import_pipeline import collect_files as collect_files
from app.indexing import Indexer
from app.library_errors import DamagedLibraryError as DamagedLibraryError
from app.library_errors import LibraryError as LibraryError
from app.library_errors import NewerLibraryError as NewerLibraryError
from app.library_errors import NoSpaceError as NoSpaceError
from app.reconcile import reconcile
from app.rows import ArticleRow, FactRow
from db import backup
from db.engine import make_engine, make_sessionmaker, transaction, upgrade
from db.models import Article, Fact
from db.models import Evidence as EvidenceModel
from search.index import SearchIndex, SearchResult

log = logging.getLogger(__name__)
_T = TypeVar("_T")

DB_NAME = "library.sqlite"
INDEX_DIR = "index"


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
        language=article.language,
        url=article.url,
        outlet=article.outlet,
        author=article.author,
        note=article.note,
        edited_fields=tuple(article.edited_fields or ()),
    )


def _with_confidence(fact: FactRow) -> Candidate:
    """A stored fact for an export, with its ``id``, its ``review`` state and (every
    type but entities) its ``confidence``."""
    candidate = fact.as_candidate()
    if fact_types.TYPES[fact.type].has_confidence:
        candidate.data["confidence"] = fact.confidence
    candidate.data["review"] = fact.review
    return candidate


class Library:
    """One library folder, opened for reading and writing."""

    def __init__(
        self, folder: Path, read_only: bool = False, defer_maintenance: bool = False
    ) -> None:
        """Open (or create) the library in ``folder``. ``read_only`` opens a library
        another process writes to: nothing is migrated, repaired or written.
        ``defer_maintenance`` leaves the scheduled backup and the index check to a later
        :meth:`maintain` call (the window runs it in a worker once it is shown)."""
        self.folder = folder
        self.read_only_reason = faults.read_only_reason(folder, DB_NAME)
        """Why the library cannot be written (a read-only medium or folder), or None."""
        self.read_only = read_only or self.read_only_reason is not None
        self.maintenance_pending = defer_maintenance and not self.read_only
        """True until :meth:`maintain` ran, when opening left it to the caller."""
        self.rows_recomputed = 0
        """How many facts' views' rows the last :meth:`maintain` computed (after an
        upgrade: every fact)."""
        self.index_notice: str | None = None
        """Said with every search when the index could not be used as it is."""
        self._temp_index: Path | None = None
        try:
            self._refuse_newer()
            self._open(self.read_only)
        except DatabaseError as exc:
            raise self._fault(exc.orig or exc) from exc
        except sqlite3.DatabaseError as exc:
            raise self._fault(exc) from exc

    def _fault(self, exc: BaseException) -> LibraryError:
        """An error SQLite raised while opening, in words."""
        db_path = self.folder / DB_NAME
        if isinstance(exc, sqlite3.OperationalError):  # locked, full, unreadable: not damage
            return LibraryError(faults.explain(exc, db_path) or f"cannot open {db_path}: {exc}")
        newest = backup.backups(self.folder / backup.BACKUP_DIR)
        hint = (
            f"; the newest backup is {newest[0]} (attache restore --latest brings it back)"
            if newest
            else "; there is no backup of it"
        )
        message = f"the library database {db_path} is damaged ({exc}){hint}"
        return DamagedLibraryError(message, self.folder)

    def _refuse_newer(self) -> None:
        """A schema this program does not know: refused before anything is written."""
        db_path = self.folder / DB_NAME
        newer = backup.unknown_revision(db_path)
        if newer is None:
            return
        from app import __version__

        raise NewerLibraryError(
            f"the library at {self.folder} was written by a newer Attaché: its database "
            f"is at version {newer}, and this Attaché ({__version__}) knows versions up to "
            f"{backup.head_revision()}. Open it with the newer Attaché; nothing was changed."
        )

    def _open(self, read_only: bool) -> None:
        folder = self.folder
        if read_only:
            try:
                self.engine = backup.open_readonly(folder / DB_NAME)
            except FileNotFoundError as exc:
                raise LibraryError(f"there is no library in {folder}") from exc
            current, head = backup.pending_revisions(self.engine)
            if current != head:
                if self.read_only_reason is not None:
                    raise LibraryError(
                        f"the library at {folder} is at version {current}, older than this "
                        f"Attaché's {head}, and is read-only ({self.read_only_reason}), so "
                        "it cannot be upgraded: copy it to a folder you can write to"
                    )
                raise LibraryError("this library must be upgraded by the Attaché writing to it")
        else:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                words = faults.explain(exc, folder) or str(exc)
                raise LibraryError(f"cannot create the library folder {folder}: {words}") from exc
            self.engine = make_engine(folder / DB_NAME)
            self._upgrade_with_backup()
        self._sessions = make_sessionmaker(self.engine)
        view_rows.install(self._sessions)  # each commit brings the views' rows up to date
        if read_only:
            self.index = self._read_only_index()
        else:
            self.index = SearchIndex(folder / INDEX_DIR)
        self.indexer = Indexer(self._sessions, self.index)
        self.repaired_at_open = (0, 0)
        """(added, removed) index entries when the index was repaired at open."""
        if read_only and self._temp_index is not None:
            self.indexer.rebuild()
        if not read_only and not self.maintenance_pending:
            self.maintain()

    def _read_only_index(self) -> SearchIndex:
        """The index as it is, when it can be used; else a temporary one built from the
        database (the library's own is never rebuilt in place when it is read-only)."""
        from search.read_only_index import IndexUnusable, open_in_place

        path = self.folder / INDEX_DIR
        try:
            return open_in_place(path)
        except IndexUnusable as exc:
            import tempfile

            self._temp_index = Path(tempfile.mkdtemp(prefix="attache-index-"))
            self.index_notice = (
                f"the search index in {path} {exc} and the library is read-only: "
                "searching a temporary index built from the database"
            )
            log.warning("%s", self.index_notice)
            return SearchIndex(self._temp_index / INDEX_DIR)

    def maintain(
        self, warm: bool = False, progress: Callable[[int, int], object] | None = None
    ) -> tuple[int, int]:
        """The work of opening a library for writing: the daily backup, then making the
        index agree with the database; with ``warm``, reading ahead what the first search
        needs (the window does, in a worker). Returns (added, removed) index entries."""
        self._scheduled_backup()
        # after an upgrade, or writes from outside the library: the views' rows (progress)
        self.rows_recomputed = view_rows.refresh_all(self._sessions, progress)
        self.repaired_at_open = self.sync_index()
        self.maintenance_pending = False
        if warm and not self.index.needs_rebuild:
            self.index.warm()
        return self.repaired_at_open

    def _upgrade_with_backup(self) -> None:
        """Back up the database when a migration is due, then migrate."""
        db_path, backups = self.folder / DB_NAME, self.folder / backup.BACKUP_DIR
        current, head = backup.pending_revisions(self.engine)
        if current is not None and current not in backup.known_revisions():
            self._refuse_newer()  # written meanwhile by a newer Attaché
        try:
            due = backup.backup_before_upgrade(self.engine, db_path, backups)
        except (OSError, sqlite3.Error) as exc:
            words = faults.explain(exc, backups) or str(exc)
            raise LibraryError(
                f"cannot back up the library before upgrading it ({words}); nothing was changed"
            ) from exc
        if not due:
            return
        try:
            upgrade(self.engine)
        except Exception as exc:
            # Every step runs in one transaction (db/migrations/env.py): nothing changed.
            said = faults.explain(exc, db_path)
            if said is None:
                log.exception("upgrading %s from %s to %s failed", db_path, current, head)
            words = said or f"{type(exc).__name__}: {exc}".splitlines()[0]
            raise LibraryError(
                f"upgrading the library at {self.folder} from version {current} to {head} "
                f"failed ({words}); nothing was changed: it is still at version {current}"
            ) from exc

    def _scheduled_backup(self) -> None:
        try:
            if self.article_count():
                backup.backup_if_due(self.folder / DB_NAME, self.folder / backup.BACKUP_DIR)
        except (OSError, sqlite3.Error) as exc:  # the last backups stay as they were
            said = faults.explain(exc, self.folder / backup.BACKUP_DIR)
            log.warning("the scheduled backup failed: %s", said or exc, exc_info=said is None)

    def check(self, repair: bool = True) -> CheckReport:
        """Integrity checks of the database, index, files and backups (``attache check``),
        with the safe repairs."""
        return check_library(self, repair)

    def _check_writable(self) -> None:
        if self.read_only_reason is not None:
            raise LibraryError(
                f"the library at {self.folder} is read-only ({self.read_only_reason})"
            )
        if self.read_only:
            raise LibraryError("this library is open read-only: another Attaché is writing to it")

    def close(self) -> None:
        self.index.close()
        self.engine.dispose()
        if self._temp_index is not None:
            import shutil

            shutil.rmtree(self._temp_index, ignore_errors=True)
            self._temp_index = None

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

    def article_heads(self) -> list[ArticleRow]:
        """Every article without its text (``text`` is empty): cheap, for lists and labels."""
        columns = (Article.id, Article.file_name, Article.path, Article.date, Article.title)
        with self._sessions() as session:
            rows = session.execute(
                select(
                    *columns,
                    Article.imported_at,
                    Article.date_inferred,
                    Article.language,
                    Article.url,
                    Article.outlet,
                    Article.author,
                ).order_by(Article.date, Article.id)
            ).all()
        return [
            ArticleRow(i, f, p, d, t, "", at, di, lang, url, outlet, author)
            for i, f, p, d, t, at, di, lang, url, outlet, author in rows
        ]

    def edit_article_source(
        self, article_id: int, values: dict[str, str | None]
    ) -> article_source.SourceEdit | None:
        """A person's values for an article's title, outlet, author, date, address or
        note (``app.article_source``): stored, marked edited, the article re-indexed.
        Raises ``article_source.SourceError`` naming each refused field; returns what
        :meth:`restore_article_source` needs to undo it (None: nothing changed)."""
        self._check_writable()
        try:
            with transaction(self._sessions) as session:
                change = article_source.edit(session, article_id, values)
        except LookupError as exc:
            raise LibraryError(str(exc)) from exc
        if change is not None:
            self.indexer.index_articles([article_id])
        return change

    def restore_article_source(self, change: article_source.SourceEdit, redo: bool = False) -> None:
        """Undo :meth:`edit_article_source` exactly (or redo it)."""
        self._check_writable()
        with transaction(self._sessions) as session:
            article_source.restore(session, change, redo)
        self.indexer.index_articles([change.article_id])

    def set_article_language(
        self, article_id: int, language: str
    ) -> language_change.LanguageChange | None:
        """A person's word on an article's language (``en``, ``ru`` or ``unknown``): the
        article's facts are read again in it, in one transaction. Returns what
        :meth:`restore_article_language` needs to undo it exactly (None: no change)."""
        from app.language import LANGUAGES

        if language not in LANGUAGES:
            raise LibraryError(
                f"{language!r} is not a language Attaché knows: {', '.join(LANGUAGES)}"
            )
        self._check_writable()
        with self._sessions() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise LibraryError(f"there is no article {article_id}")
            if article.language == language:
                return None
            name, text, date = article.file_name, article.text, article.date
        lang = import_worker.extraction_language(language)
        extraction = extract_article(name, text, date, lang)
        with transaction(self._sessions) as session:
            before = self.indexer.facts_of(session, [article_id])
            snap = language_change.change(session, article_id, language, extraction)
            touched = before | self.indexer.facts_of(session, [article_id])
        self.indexer.index_facts(touched)
        self.indexer.index_articles([article_id])  # its language, people and places
        return snap

    def restore_article_language(self, snap: language_change.LanguageChange) -> None:
        """Undo :meth:`set_article_language`: the language, facts, evidence and selection
        as they were."""
        self._check_writable()
        with transaction(self._sessions) as session:
            touched = language_change.restore(session, snap)
        self.indexer.index_facts(touched)
        self.indexer.index_articles([snap.article_id])

    def article(self, article_id: int) -> ArticleRow | None:
        with self._sessions() as session:
            found = session.get(Article, article_id)
            return _row(found) if found else None

    def search(
        self,
        query: str,
        limit: int = 20,
        *,
        page: int = 1,
        sort: str = "relevance",
        kinds: Sequence[str] | None = ("article",),
        types: Sequence[str] | None = None,
        filters: dict[str, Sequence[str]] | None = None,
        facets: bool = False,
    ) -> SearchResult:
        """Page ``page`` of ``limit`` hits for ``query``: articles by default, facts with
        ``kinds=("fact",)``, both with ``kinds=None``; ``types`` keeps facts of those
        types (and articles holding them); ``filters`` ({"year"|"country"|"type"|"source":
        values}) is what a clicked facet adds; ``sort`` is "relevance" or "date";
        ``facets=True`` counts the hits by those four. Raises
        ``search.index.QueryError`` for a query with nothing to search for."""
        return self.indexer.search(
            query,
            limit=limit,
            page=page,
            sort=sort,
            kinds=kinds,
            types=types,
            filters=filters,
            facets=facets,
        )

    # -- importing --------------------------------------------------------------
    def import_paths(
        self,
        paths: Iterable[Path],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        processes: int | None = None,
        apart: bool = False,
    ) -> ImportReport:
        """Import files and folders. Files are read and extracted by worker processes
        (``processes``: how many; default one per core, none for a few files; ``apart``:
        at least one, so that this process never runs the extractor, as the window
        wants: its start holds the GIL for a second) and stored
        here in order, committed in small groups (``import_pipeline.STORE_GROUP``): an
        interruption keeps every article of the groups committed before it, each whole
        with its facts; the index follows in batches (and is repaired at the next open if
        a crash comes in between)."""
        self._check_writable()
        pipeline = ImportPipeline(
            self._sessions, self.indexer, self.folder / DB_NAME, self.folder / INDEX_DIR
        )
        return pipeline.run(paths, progress, cancelled, processes, apart)

    # -- facts --------------------------------------------------------------------
    def read(self, work: Callable[[Session], _T]) -> _T:
        """Run ``work`` with a session of its own (the window's row queries: ``db.queries``,
        ``app.related``), in the caller's thread; nothing it does is committed."""
        with self._sessions() as session:
            return work(session)

    def facts(
        self,
        types: Sequence[str] | None = None,
        ids: Sequence[int] | None = None,
        include_hidden: bool = False,
        review: str | None = None,
    ) -> list[FactRow]:
        """Facts as shown (a person's corrections applied); hidden ones on request;
        ``review`` ``"rejected"`` or ``"unreviewed"`` keeps those only."""
        with self._sessions() as session:
            return load_facts(session, types, ids, include_hidden, review)

    def edit_fact(self, fact_id: int, fields: dict[str, Any]) -> None:
        """Correct fields of a fact (None takes a correction back); the correction
        survives re-extraction and re-import. Raises ``FactEditError``."""
        with transaction(self._sessions) as session:
            fact_edits.edit_fact(session, fact_id, fields)
        self.indexer.index_facts([fact_id])

    def hide_fact(self, fact_id: int, hidden: bool = True) -> None:
        """Mark a fact wrong (hidden from lists and exports) or show it again."""
        with transaction(self._sessions) as session:
            fact_edits.hide_fact(session, fact_id, hidden)
        self.indexer.index_facts([fact_id])

    def confirm_facts(self, fact_ids: Iterable[int], confirmed: bool = True) -> None:
        """A person checked these facts and called them right (False takes it back).
        Confirmed facts survive re-extraction, even when no longer found. Raises
        ``FactEditError`` for an id that is not held (then nothing is changed)."""
        ids = list(fact_ids)
        with transaction(self._sessions) as session:
            for fact_id in ids:
                fact_edits.confirm_fact(session, fact_id, confirmed)

    def reject_facts(self, fact_ids: Iterable[int], rejected: bool = True) -> None:
        """A person called these facts wrong: hidden from the views and exports, listed
        among the rejected, restorable (``rejected=False``). Raises ``FactEditError``."""
        ids = list(fact_ids)
        with transaction(self._sessions) as session:
            for fact_id in ids:
                fact_edits.hide_fact(session, fact_id, rejected)
        self.indexer.index_facts(ids)

    def review_queue(self, types: Sequence[str] | None = None) -> list[FactRow]:
        """The facts nobody reviewed yet, the least certain first (then by type and id)."""
        order = {name: n for n, name in enumerate(fact_types.NAMES)}
        reviewed = types or [t.name for t in fact_types.REGISTRY if t.has_confidence]
        facts = self.facts(reviewed, review="unreviewed")
        return sorted(facts, key=lambda f: (f.confidence, order.get(f.type, 99), f.id))

    def rejected_facts(self, types: Sequence[str] | None = None) -> list[FactRow]:
        return self.facts(types, review="rejected")

    def add_fact(
        self,
        type: str,
        data: dict[str, Any],
        evidence: Sequence[tuple[int, int, int]] = (),
    ) -> int:
        """Add a fact by hand, citing the sentences ``evidence`` (article id, start, end);
        returns its id. Raises ``FactEditError``."""
        with transaction(self._sessions) as session:
            fact_id = fact_edits.add_fact(session, type, data, evidence)
        self.indexer.index_facts([fact_id])
        return fact_id

    def merge_facts(self, keep_id: int, other_id: int) -> fact_merge.Snapshot:
        """Make two facts one (``app.fact_merge``); returns what to give
        :meth:`restore_facts` to undo it. Raises ``FactEditError``."""
        with transaction(self._sessions) as session:
            snap = fact_merge.merge_facts(session, keep_id, other_id)
        self.indexer.index_facts([keep_id, other_id])
        return snap

    def split_fact(
        self, fact_id: int, article_ids: Sequence[int]
    ) -> tuple[int, fact_merge.Snapshot]:
        """Move the evidence of some articles to a new fact; its id and the undo."""
        with transaction(self._sessions) as session:
            new_id, snap = fact_merge.split_fact(session, fact_id, article_ids)
        self.indexer.index_facts([fact_id, new_id])
        return new_id, snap

    def restore_facts(self, snap: fact_merge.Snapshot) -> None:
        """Undo a merge or a split."""
        with transaction(self._sessions) as session:
            fact_merge.restore(session, snap)
        self.indexer.index_facts(list(snap.facts))

    def delete_added_fact(self, fact_id: int) -> None:
        """Delete a fact a person added (undoing the addition). Raises ``FactEditError``."""
        with transaction(self._sessions) as session:
            fact_edits.delete_added_fact(session, fact_id)
        self.indexer.index_facts([fact_id])

    def fact_count(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count(Fact.id))) or 0

    def reextract(
        self,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        article_ids: Iterable[int] | None = None,
    ) -> int:
        """Extract the facts of every article (or of ``article_ids``) again, in one
        transaction (a cancelled run changes nothing). Facts found again keep their ids,
        corrections, hidden flags and place in the selection; facts a person added are
        kept, and so are facts other articles give. Each article is read in its stored
        language (English where that is unknown). Returns the count of facts."""
        self._check_writable()
        some = sorted(set(article_ids)) if article_ids is not None else None
        query = select(
            Article.id, Article.file_name, Article.text, Article.date, Article.language
        ).order_by(Article.id)
        if some is not None:
            query = query.where(Article.id.in_(some))
        with self._sessions() as session:
            rows = session.execute(query).all()
            cited = self.indexer.facts_of(session, some) if some else set()
        extractions: list[tuple[int, Extraction]] = []
        for done, (article_id, name, text, date, language) in enumerate(rows):
            if cancelled is not None and cancelled():
                return self.fact_count()
            if progress is not None:
                progress(done, len(rows), name)
            lang = import_worker.extraction_language(language)
            extractions.append((article_id, extract_article(name, text, date, lang)))
        with transaction(self._sessions) as session:
            reconcile(session, extractions, whole=some is None)
            if some:
                cited |= self.indexer.facts_of(session, some)
        if some is None:
            self.indexer.rebuild()
        else:  # the facts these articles gave before or give now
            self.indexer.index_facts(cited)
        if progress is not None:
            progress(len(rows), len(rows), "")
        return self.fact_count()

    # -- the index ----------------------------------------------------------------
    def sync_index(self) -> tuple[int, int]:
        """Check the index against the database and repair it; returns (added, removed).
        A large library whose index is stale is left for :meth:`reindex` (see
        :meth:`index_needs_rebuild`)."""
        return self.indexer.check()

    def index_needs_rebuild(self) -> bool:
        """True when the index is stale and :meth:`reindex` should run (in a worker)."""
        return self.indexer.needs_rebuild()

    def reindex(self, progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
        """Rebuild the search index from the database; returns the article count.
        ``progress(done, total, "")`` counts documents; a cancelled rebuild raises
        ``search.index.Cancelled`` and keeps the old index."""
        self._check_writable()
        report = (lambda done, total: progress(done, total, "")) if progress else None
        return self.indexer.rebuild(report, cancelled)

    def delete_articles(self, article_ids: Iterable[int]) -> int:
        """Delete articles, their evidence and the facts left without evidence, and
        update the index in the same call; returns how many articles were deleted."""
        ids = sorted(set(article_ids))
        if not ids:
            return 0
        with transaction(self._sessions) as session:
            facts = set(
                session.scalars(
                    select(EvidenceModel.fact_id).where(EvidenceModel.article_id.in_(ids))
                )
            )
            result = session.execute(delete(Article).where(Article.id.in_(ids)))
            deleted = cast("CursorResult[Any]", result).rowcount  # a DELETE's result
            session.execute(delete(EvidenceModel).where(EvidenceModel.article_id.in_(ids)))
            drop_orphans(session)
        self.indexer.remove_articles(ids, facts)
        return int(deleted or 0)

    def remove_articles(self, article_ids: Iterable[int]) -> article_removal.Removal:
        """Delete articles as :meth:`delete_articles` does, keeping what it takes to undo
        it (:meth:`restore_articles`)."""
        self._check_writable()
        with transaction(self._sessions) as session:
            gone = article_removal.remove(session, list(article_ids))
        self.indexer.remove_articles(gone.article_ids, gone.fact_ids)
        return gone

    def restore_articles(self, gone: article_removal.Removal) -> None:
        """Undo :meth:`remove_articles`: the same articles, facts, evidence, selection."""
        self._check_writable()
        with transaction(self._sessions) as session:
            article_removal.restore(session, gone)
        self.indexer.index_articles(gone.article_ids)

    # -- the selection (facts chosen for export) ---------------------------------------
    def selection(self) -> list[int]:
        with self._sessions() as session:
            return selection.selection_ids(session)

    def select_facts(self, fact_ids: Iterable[int]) -> list[int]:
        with transaction(self._sessions) as session:
            return selection.add(session, fact_ids)

    def unselect_facts(self, fact_ids: Iterable[int]) -> None:
        with transaction(self._sessions) as session:
            selection.remove(session, fact_ids)

    def clear_selection(self) -> None:
        with transaction(self._sessions) as session:
            selection.clear(session)

    def set_selection(self, fact_ids: Sequence[int]) -> list[int]:
        """Make the selection exactly ``fact_ids``, in that order (undo and redo of a
        selection change); ids of facts no longer held are left out."""
        with transaction(self._sessions) as session:
            selection.clear(session)
            selection.add(session, fact_ids)
            return selection.selection_ids(session)

    def reorder_selection(self, fact_ids: Sequence[int]) -> None:
        with transaction(self._sessions) as session:
            selection.reorder(session, fact_ids)

    # -- export -----------------------------------------------------------------
    def export_document(
        self,
        types: Sequence[str] | None = None,
        ids: Sequence[int] | None = None,
        query: str | None = None,
        confirmed_only: bool = False,
    ) -> dict[str, Any]:
        """A ``bilateral-facts/1`` document of the facts held, optionally narrowed to
        some types, some fact ids (kept in that order), the facts cited by articles
        that match a search query, or the facts a person reviewed (confirmed, corrected
        or added). ``articles`` lists every article when nothing narrows the document,
        else the articles the facts cite. Rejected facts are never in it."""
        facts = self.facts(types, ids)
        if confirmed_only:
            facts = [f for f in facts if f.review in ("confirmed", "edited", "added")]
        if query:
            hits = self.search(query, limit=100_000).hits
            matched = {h.id for h in hits if h.kind == "article"}
            facts = [f for f in facts if any(e.article_id in matched for e in f.evidence)]
        if ids is not None:
            order = {fact_id: n for n, fact_id in enumerate(ids)}
            facts.sort(key=lambda f: order.get(f.id, len(order)))
        narrowed = bool(types or ids is not None or query or confirmed_only)
        cited = {e.article_id for f in facts for e in f.evidence} if narrowed else None
        articles = [
            {"id": name, "date": date, "title": title}
            | ({"date_inferred": inferred} if inferred else {})
            | {"url": url, "outlet": outlet, "author": author}
            for _id, name, date, title, inferred, url, outlet, author in sorted(
                self._export_heads(cited), key=lambda a: (a[1], a[0])
            )
        ]
        return build_document(articles, (_with_confidence(f) for f in facts))

    def _export_heads(self, ids: set[int] | None) -> list[tuple[Any, ...]]:
        """(id, file name, date, title, date inferred, url, outlet, author) of the
        articles ``ids`` (every article when None), read in a query: never an article's
        text, and only the articles asked for (an export of three facts read all 50,000
        articles whole)."""
        columns = select(
            Article.id,
            Article.file_name,
            Article.date,
            Article.title,
            Article.date_inferred,
            Article.url,
            Article.outlet,
            Article.author,
        )
        with self._sessions() as session:
            if ids is None:
                return [tuple(r) for r in session.execute(columns)]
            wanted, rows = sorted(ids), []
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                rows += [tuple(r) for r in session.execute(columns.where(Article.id.in_(chunk)))]
            return rows

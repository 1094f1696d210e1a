"""``attache check``: integrity checks of a library (database, index, files, backups),
with the repairs that are safe to make, and a plain report of both.

- database: ``PRAGMA integrity_check`` and ``foreign_key_check``; rows that point at
  nothing (evidence of a deleted article, a selection entry of a deleted fact) are
  removed, and extracted facts left without any evidence are dropped. Damage SQLite
  finds in the file itself cannot be repaired here: the report names the newest backup.
- index: compared with the database and repaired (or rebuilt when it cannot be used).
- the views' rows (``app.view_rows``): derived from the facts like the index, computed
  again when they disagree.
- files: the source files the articles were imported from that are gone (their text is
  kept in the library, so nothing is lost; the report only says so).
- backups: how many there are and the newest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import delete, select

from app import view_rows
from app.config import DB_NAME
from app.fact_store import drop_orphans
from db import backup
from db.engine import transaction
from db.models import Article, Evidence, Fact, SelectionItem

if TYPE_CHECKING:
    from sqlalchemy import CursorResult

    from app.library import Library


@dataclass
class CheckReport:
    """What ``check_library`` found (``problems``: not repaired) and fixed."""

    found: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        out = [f"ok: {line}" for line in self.found]
        out += [f"fixed: {line}" for line in self.fixed]
        out += [f"problem: {line}" for line in self.problems]
        return out


def _database(library: Library, db_path: Path, report: CheckReport, repair: bool) -> bool:
    problems = backup.integrity_problems(db_path)
    damaged = [p for p in problems if "points at a missing" not in p]
    if damaged:
        newest = backup.backups(library.folder / backup.BACKUP_DIR)
        hint = f"; the newest backup is {newest[0]}" if newest else "; there is no backup"
        report.problems.append(f"the database file is damaged: {damaged[0]}{hint}")
        return False
    report.found.append("database integrity (PRAGMA integrity_check)")
    if not repair:
        report.problems += problems
        return True
    with transaction(library._sessions) as session:
        articles = select(Article.id)
        facts = select(Fact.id)
        # A DELETE's result is a CursorResult (with a rowcount); Session.execute is typed
        # as returning the base Result.
        gone_ev = cast(
            "CursorResult[Any]",
            session.execute(
                delete(Evidence).where(
                    Evidence.article_id.not_in(articles) | Evidence.fact_id.not_in(facts)
                )
            ),
        ).rowcount
        gone_sel = cast(
            "CursorResult[Any]",
            session.execute(delete(SelectionItem).where(SelectionItem.fact_id.not_in(facts))),
        ).rowcount
        orphans = drop_orphans(session)
    if gone_ev:
        report.fixed.append(f"removed {gone_ev} evidence row(s) pointing at nothing")
    if gone_sel:
        report.fixed.append(f"removed {gone_sel} selection entry(ies) of deleted facts")
    if orphans:
        report.fixed.append(f"dropped {orphans} extracted fact(s) left without evidence")
    if not (gone_ev or gone_sel or orphans):
        report.found.append("every fact and evidence row points at what it should")
    return True


def _index(library: Library, report: CheckReport, repair: bool) -> None:
    if not repair:
        report.found.append("index not compared (read-only)")
        return
    added, removed = library.repaired_at_open
    if added or removed:
        report.fixed.append(f"search index at open: added {added}, removed {removed} entry(ies)")
    if library.index_needs_rebuild():
        count = library.reindex()
        report.fixed.append(f"rebuilt the search index from the database ({count} article(s))")
        return
    added, removed = library.sync_index()
    if added or removed:
        report.fixed.append(f"search index: added {added}, removed {removed} entry(ies)")
    else:
        report.found.append("the search index agrees with the database")


def _view_rows(library: Library, report: CheckReport, repair: bool) -> None:
    """The rows the views sort and filter by (``app.view_rows``): derived from the
    facts, computed again when they disagree."""
    with library._sessions() as session:
        found = view_rows.disagreements(session)
    if not found:
        report.found.append("the views' rows agree with the facts")
    elif repair:
        count = view_rows.rebuild(library._sessions)
        report.fixed.append(f"{'; '.join(found)}: computed the rows of {count} fact(s) again")
    else:
        report.problems.append("; ".join(found))


def _files(library: Library, report: CheckReport) -> None:
    with library._sessions() as session:
        paths = list(session.scalars(select(Article.path)))
    gone = [p for p in paths if not Path(p).exists()]
    report.found.append(f"{len(paths)} article(s); their texts are kept in the library")
    if gone:
        report.found.append(
            f"{len(gone)} source file(s) moved or deleted since import (nothing is lost)"
        )


def check_library(library: Library, repair: bool = True) -> CheckReport:
    """Check the library and repair what can be repaired safely."""
    report = CheckReport()
    repair = repair and not library.read_only
    if _database(library, library.folder / DB_NAME, report, repair):
        _index(library, report, repair)
        _view_rows(library, report, repair)
        _files(library, report)
    copies = backup.backups(library.folder / backup.BACKUP_DIR)
    if copies:
        report.found.append(f"{len(copies)} backup(s); the newest is {copies[0].name}")
    else:
        report.found.append("no backup yet (one is taken daily, and before each upgrade)")
    return report

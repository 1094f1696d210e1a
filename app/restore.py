"""Backups a person takes and restores: ``attache backup``, ``attache restore``, and the
window's restore dialog (``ui.restore_dialog``).

A backup is taken with SQLite's backup API, then opened and checked (``quick_check``,
``integrity_check``) before it gets its final name (``db.backup``). Restoring one checks
it again, copies it beside the library under a temporary name, moves the library's
database aside (``library.sqlite.damaged-<time>`` when SQLite finds it damaged, else
``library.sqlite.replaced-<time>``, with its ``-wal`` and ``-shm`` files), puts the copy
in its place, and rebuilds the search index from it. A copy that cannot be written whole
(a full disk) changes nothing.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app import faults
from db import backup

if TYPE_CHECKING:
    from app.library import DamagedLibraryError

DB_NAME = "library.sqlite"
_STAMP = re.compile(r"^library-(\d{8}T\d{6})\d*Z-(.+)\.sqlite$")


class RestoreError(Exception):
    """A backup cannot be taken or restored; the message says why."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup of a library, as listed to a person."""

    path: Path
    taken: datetime | None
    reason: str
    articles: int | None
    version: str | None
    problem: str | None
    """Why it cannot be restored (unreadable, written by a newer Attaché), or None."""

    def describe(self) -> str:
        when = self.taken.astimezone().strftime("%Y-%m-%d %H:%M") if self.taken else "?"
        what = {"scheduled": "daily", "manual": "taken by hand"}.get(self.reason, self.reason)
        if what.startswith("before-"):
            what = f"before the upgrade to {what.removeprefix('before-')}"
        count = "?" if self.articles is None else str(self.articles)
        line = f"{when}  {count:>6} article(s)  {what}  ({self.path.name})"
        return line + (f"  — cannot be restored: {self.problem}" if self.problem else "")


def as_damage(exc: object, folder: Path) -> DamagedLibraryError | None:
    """``exc`` as the damage of the library in ``folder`` when it is SQLite saying the
    database is damaged (met at the first read after the open, say), else None: the
    window then offers the backups as it does for damage found while opening."""
    from app.library import DamagedLibraryError

    if isinstance(exc, DamagedLibraryError):
        return exc
    if not isinstance(exc, BaseException) or not faults.is_damage(exc):
        return None
    orig = getattr(exc, "orig", None) or exc
    newest = backup.backups(backups_folder(folder))
    hint = (
        f"; the newest backup is {newest[0]} (attache restore --latest brings it back)"
        if newest
        else "; there is no backup of it"
    )
    return DamagedLibraryError(
        f"the library database {folder / DB_NAME} is damaged ({orig}){hint}", folder
    )


def backups_folder(folder: Path) -> Path:
    return folder / backup.BACKUP_DIR


def _info(path: Path) -> BackupInfo:
    match = _STAMP.match(path.name)
    taken = (
        datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC) if match else None
    )
    reason = match.group(2) if match else "?"
    articles = version = problem = None
    try:
        with closing(backup.connect_read_only(path)) as con:
            articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            version = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    except sqlite3.Error as exc:
        problem = f"unreadable ({exc})"
    if version is not None and version not in backup.known_revisions():
        problem = f"written by a newer Attaché (version {version})"
    return BackupInfo(path, taken, reason, articles, version, problem)


def list_backups(folder: Path) -> list[BackupInfo]:
    """The library's backups, newest first."""
    return [_info(p) for p in backup.backups(backups_folder(folder))]


def find_backup(folder: Path, choice: str) -> BackupInfo:
    """A backup by its number in :func:`list_backups` (1: the newest), its file name or
    its path."""
    found = list_backups(folder)
    if choice.isdigit() and 1 <= int(choice) <= len(found):
        return found[int(choice) - 1]
    for info in found:
        if choice in (info.path.name, str(info.path)):
            return info
    path = Path(choice).expanduser()
    if path.is_file():
        return _info(path)
    raise RestoreError(
        f"there is no backup {choice!r} (attache restore lists the {len(found)} there are)"
    )


def take_backup(folder: Path, keep: int | None = None) -> BackupInfo:
    """A verified backup of the library in ``folder`` (``attache backup``); ``keep`` sets
    how many are kept from now on."""
    db_path = folder / DB_NAME
    if not db_path.is_file():
        raise RestoreError(f"there is no library in {folder}")
    target = backups_folder(folder)
    try:
        if keep is not None:
            backup.set_keep_count(target, keep)
        return _info(backup.backup_database(db_path, target, "manual"))
    except (OSError, sqlite3.Error) as exc:
        if faults.is_no_space(exc):  # the copy's folder is full: SQLite names no file
            full = faults.explain(exc, target) or str(exc)
            raise RestoreError(
                f"cannot back up {db_path}: {full}; the backups already there are as they were"
            ) from exc
        if isinstance(exc, OSError):
            raise RestoreError(
                f"cannot back up {db_path}: {faults.explain(exc, target) or exc}"
            ) from exc
        said = faults.explain(exc, db_path)
        if said is None or "damaged" in str(exc):
            said = (
                f"the library database {db_path} is damaged ({exc}); nothing was backed up: "
                "attache restore brings back an earlier backup"
            )
        raise RestoreError(f"cannot back up {db_path}: {said}") from exc


@dataclass(frozen=True)
class Restored:
    backup: BackupInfo
    aside: Path | None
    """Where the library's database was moved (None: there was none)."""
    articles: int
    indexed: int


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def restore_backup(folder: Path, info: BackupInfo) -> Restored:
    """Put ``info`` in place of the library's database (kept aside), then rebuild the
    index. The caller holds the writer lock (no other Attaché writes meanwhile)."""
    from app.library import Library, LibraryError

    if info.problem:
        raise RestoreError(f"{info.path} cannot be restored: {info.problem}")
    problems = backup.integrity_problems(info.path)
    if problems:
        raise RestoreError(f"{info.path} is damaged ({problems[0]}): choose another backup")
    db_path = folder / DB_NAME
    part = folder / f"{DB_NAME}.restoring"
    try:
        with (
            closing(backup.connect_read_only(info.path)) as source,
            closing(sqlite3.connect(part)) as copy,
        ):
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        if backup.integrity_problems(part):
            raise RestoreError(f"the copy of {info.path} came out damaged: nothing was changed")
        with open(part, "rb") as fh:
            os.fsync(fh.fileno())
    except (OSError, sqlite3.Error) as exc:
        part.unlink(missing_ok=True)
        said = faults.explain(exc, folder) or str(exc)
        raise RestoreError(f"cannot restore {info.path}: {said}; nothing was changed") from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    aside = None
    if db_path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kind = "damaged" if backup.integrity_problems(db_path) else "replaced"
        aside = db_path.with_name(f"{DB_NAME}.{kind}-{stamp}")
        os.replace(db_path, aside)
        for suffix in ("-wal", "-shm"):  # the aside file keeps its own journal
            journal = db_path.with_name(DB_NAME + suffix)
            if journal.exists():
                os.replace(journal, aside.with_name(aside.name + suffix))
    os.replace(part, db_path)
    _fsync_dir(folder)
    try:
        with Library(folder) as library:
            indexed = library.reindex()
            articles = library.article_count()
    except LibraryError as exc:
        raise RestoreError(f"restored {info.path}, but opening it failed: {exc}") from exc
    return Restored(info, aside, articles, indexed)

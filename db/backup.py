"""Backups of a library's database (SQLite's online backup API) and integrity checks.

A backup is taken before any migration changes the schema, at open when the newest one
is older than ``BACKUP_EVERY``, and on request (``attache backup``); the newest
:func:`keep_count` copies (``KEEP`` unless a person set another count) are kept in the
library's ``backups/`` folder. Each copy is written under a temporary name, opened and
checked with ``PRAGMA integrity_check`` and only then given its final name, so a crash
or a full disk while backing up never leaves a half copy that looks whole (and never
touches the copies already there).

The schema's version is read here too, without Alembic: a library whose version no
migration of this program names was written by a newer Attaché (:func:`unknown_revision`).
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import sqlite3
import tempfile
from contextlib import closing
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from db.engine import MIGRATIONS_DIR

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"
KEEP = 5
BACKUP_EVERY = timedelta(days=1)
_PREFIX, _SUFFIX = "library-", ".sqlite"
KEEP_FILE = "keep"
"""``backups/keep``: how many backups to keep, when a person set it (``attache backup
--keep N``)."""


def connect_read_only(db_path: Path) -> sqlite3.Connection:
    """A connection that cannot write ``db_path`` and sees every committed transaction.

    ``mode=ro`` reads a WAL database when its ``-wal`` and ``-shm`` files exist and can be
    read (or can be made). Where they cannot (a ``-wal`` without its ``-shm`` in a
    read-only folder), ``immutable`` would read the main file alone and miss what the
    ``-wal`` holds: then the two files are copied to a temporary folder and the copy,
    with the ``-wal`` folded in, is read instead (:func:`_wal_copy`). ``immutable`` is
    left for a database whose ``-wal`` is empty or absent, or cannot be copied."""
    uri = db_path.absolute().as_uri()
    con = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError:
        con.close()
    copy = _wal_copy(db_path)
    if copy is not None:
        return sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)


_WAL_COPIES: dict[tuple[str, int, int, int], Path] = {}
"""(database, its size and mtime, its -wal's size) -> the temporary copy read instead."""


def _wal_copy(db_path: Path) -> Path | None:
    """A temporary copy of ``db_path`` with its ``-wal`` folded in, when the ``-wal``
    holds data that a read-only open cannot otherwise see; None when there is none (or
    the copy cannot be made: then the main file alone is read, and a warning logged)."""
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        stat, wal_size = db_path.stat(), wal.stat().st_size
    except OSError:
        return None
    if wal_size == 0:
        return None
    key = (str(db_path.absolute()), stat.st_size, stat.st_mtime_ns, wal_size)
    if key in _WAL_COPIES and _WAL_COPIES[key].exists():
        return _WAL_COPIES[key]
    folder = Path(tempfile.mkdtemp(prefix="attache-read-only-"))
    copy = folder / db_path.name
    try:
        shutil.copyfile(db_path, copy)
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        with closing(sqlite3.connect(copy)) as con:  # replays the -wal into the copy
            con.execute("PRAGMA journal_mode=DELETE")
    except (OSError, sqlite3.Error) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        log.warning(
            "%s has a -wal file that cannot be read in place nor copied (%s): reading the "
            "database without the changes it holds",
            db_path,
            exc,
        )
        return None
    if not _WAL_COPIES:
        atexit.register(_remove_wal_copies)
    _WAL_COPIES[key] = copy
    log.info("%s is read-only with an unread -wal: reading a copy in %s", db_path, folder)
    return copy


def _remove_wal_copies() -> None:
    for copy in _WAL_COPIES.values():
        shutil.rmtree(copy.parent, ignore_errors=True)
    _WAL_COPIES.clear()


def integrity_problems(db_path: Path, references: bool = True) -> list[str]:
    """What ``PRAGMA quick_check``, ``integrity_check`` and (``references``)
    ``foreign_key_check`` find (empty: whole); damage bad enough to stop a check is one
    line, SQLite's words. A backup is checked without ``references``: a copy that keeps
    the library's own broken references is a faithful copy, not a damaged one."""
    try:
        # A writable connection where it can be (it removes its -wal and -shm on close).
        writable = os.access(db_path, os.W_OK) and os.access(db_path.parent, os.W_OK)
        con = sqlite3.connect(db_path) if writable else connect_read_only(db_path)
    except sqlite3.Error as exc:
        return [str(exc)]
    with closing(con):
        try:
            rows = [r[0] for r in con.execute("PRAGMA quick_check")]
            if rows == ["ok"]:
                rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
            if rows != ["ok"] or not references:
                return [] if rows == ["ok"] else rows
            return [
                f"{table} row {rowid} points at a missing {parent} row"
                for table, rowid, parent, _ in con.execute("PRAGMA foreign_key_check")
            ]
        except sqlite3.DatabaseError as exc:  # damage bad enough to stop the check itself
            return [str(exc)]


def read_revision(db_path: Path) -> str | None:
    """The schema revision in ``db_path``, read without writing to it; None for a file
    that holds no library yet."""
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    with closing(connect_read_only(db_path)) as con:
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:  # no such table: a new or foreign database
            return None
    return row[0] if row else None


def unknown_revision(db_path: Path) -> str | None:
    """The revision of ``db_path`` when no migration of this program names it (the
    library was written by a newer Attaché), else None."""
    current = read_revision(db_path)
    if current is None or current in known_revisions():
        return None
    return current


def pending_revisions(engine: Engine) -> tuple[str | None, str | None]:
    """(the database's schema revision, the newest one) — equal when nothing is pending.

    Read without Alembic (which takes a third of a second to import): the revision from
    Alembic's own ``alembic_version`` table, the newest from the migration files."""
    try:
        with engine.connect() as connection:
            current = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:  # no such table: a new or foreign database
        current = None
    return current, head_revision()


_REVISION = re.compile(r"^revision(?:: str)? = [\"'](\w+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:: [\w |]+)? = [\"'](\w+)[\"']", re.MULTILINE)


@lru_cache(maxsize=1)
def _revisions() -> tuple[frozenset[str], frozenset[str]]:
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revisions.update(_REVISION.findall(source))
        parents.update(_DOWN.findall(source))
    return frozenset(revisions), frozenset(parents)


def known_revisions() -> frozenset[str]:
    """Every schema revision this program's migrations name."""
    return _revisions()[0]


def head_revision() -> str | None:
    """The newest migration: the revision no other migration builds on."""
    revisions, parents = _revisions()
    heads = sorted(revisions - parents)
    return heads[-1] if heads else None


def keep_count(folder: Path) -> int:
    """How many backups ``folder`` keeps: ``backups/keep`` when a person set it."""
    try:
        return max(1, int((folder / KEEP_FILE).read_text(encoding="utf-8").strip()))
    except (OSError, ValueError):
        return KEEP


def set_keep_count(folder: Path, keep: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / KEEP_FILE).write_text(f"{max(1, keep)}\n", encoding="utf-8")


def backups(folder: Path) -> list[Path]:
    """The backups in ``folder`` (a library's ``backups/``), newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.name.startswith(_PREFIX) and p.suffix == _SUFFIX]
    return sorted(found, key=lambda p: p.name, reverse=True)


def backup_database(db_path: Path, folder: Path, reason: str, keep: int | None = None) -> Path:
    """Copy the database at ``db_path`` into ``folder``; keeps the newest ``keep``
    (default :func:`keep_count`). A copy that cannot be written whole (a full disk)
    raises and leaves the backups already there as they were."""
    keep = keep_count(folder) if keep is None else keep
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = folder / f"{_PREFIX}{stamp}-{reason}{_SUFFIX}"
    part = final.with_name(final.name + ".part")
    try:
        with closing(sqlite3.connect(db_path)) as source, closing(sqlite3.connect(part)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # a copy is one file, read as it is
        problems = integrity_problems(part, references=False)
        if problems:
            raise sqlite3.DatabaseError(f"the backup copy is damaged: {problems[0]}")
        with open(part, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(part, final)
    finally:
        part.unlink(missing_ok=True)
    for old in backups(folder)[keep:]:
        for path in (old, old.with_name(old.name + "-wal"), old.with_name(old.name + "-shm")):
            path.unlink(missing_ok=True)
    return final


def backup_before_upgrade(engine: Engine, db_path: Path, folder: Path) -> bool:
    """Back the database up when a migration is about to change it; returns whether a
    migration is due (not when the schema is the newest: then Alembic, a third of a
    second to import, need not even be loaded)."""
    current, head = pending_revisions(engine)
    if current is not None and current == head:
        return False
    if current is not None:  # a new library has nothing to back up
        backup_database(db_path, folder, f"before-{head}")
    return True


def backup_if_due(db_path: Path, folder: Path, every: timedelta = BACKUP_EVERY) -> Path | None:
    """Take the scheduled backup when the newest one is older than ``every``."""
    newest = backups(folder)
    if newest:
        age = datetime.now(UTC).timestamp() - newest[0].stat().st_mtime
        if age < every.total_seconds():
            return None
    return backup_database(db_path, folder, "scheduled")


def quick_check(engine: Engine) -> bool:
    """``PRAGMA quick_check`` through the engine: True when the database is whole."""
    with engine.connect() as connection:
        return [r[0] for r in connection.execute(text("PRAGMA quick_check"))] == ["ok"]


def open_readonly(db_path: Path) -> Engine:
    """An engine that can only read ``db_path`` (SQLite refuses every write), for a
    library another process is writing to, or one on a read-only folder or medium.

    SQLite reads a WAL database only with its ``-shm`` file, which it cannot create in
    a read-only folder: see :func:`connect_read_only` for how its ``-wal`` is still read."""
    from sqlalchemy import create_engine

    if not db_path.is_file():
        raise FileNotFoundError(db_path)

    def connect() -> sqlite3.Connection:
        con = connect_read_only(db_path)
        con.execute("PRAGMA busy_timeout=10000")
        return con

    return create_engine(f"sqlite:///{db_path}", creator=connect)

"""Backups of a library's database (SQLite's online backup API) and integrity checks.

A backup is taken before any migration changes the schema and, at open, when the
newest one is older than ``BACKUP_EVERY``; the newest ``KEEP`` copies are kept in the
library's ``backups/`` folder. Each copy is written under a temporary name, checked
with ``PRAGMA integrity_check`` and only then given its final name, so a crash while
backing up never leaves a half copy that looks whole.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from db.engine import MIGRATIONS_DIR

BACKUP_DIR = "backups"
KEEP = 5
BACKUP_EVERY = timedelta(days=1)
_PREFIX, _SUFFIX = "library-", ".sqlite"


def integrity_problems(db_path: Path) -> list[str]:
    """What ``PRAGMA integrity_check`` and ``foreign_key_check`` find (empty: whole)."""
    with closing(sqlite3.connect(db_path)) as con:
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
            if rows != ["ok"]:
                return rows
            return [
                f"{table} row {rowid} points at a missing {parent} row"
                for table, rowid, parent, _ in con.execute("PRAGMA foreign_key_check")
            ]
        except sqlite3.DatabaseError as exc:  # damage bad enough to stop the check itself
            return [str(exc)]


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
def head_revision() -> str | None:
    """The newest migration: the revision no other migration builds on."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revisions.update(_REVISION.findall(source))
        parents.update(_DOWN.findall(source))
    heads = sorted(revisions - parents)
    return heads[-1] if heads else None


def backups(folder: Path) -> list[Path]:
    """The backups in ``folder`` (a library's ``backups/``), newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.name.startswith(_PREFIX) and p.suffix == _SUFFIX]
    return sorted(found, key=lambda p: p.name, reverse=True)


def backup_database(db_path: Path, folder: Path, reason: str, keep: int = KEEP) -> Path:
    """Copy the database at ``db_path`` into ``folder``; keeps the newest ``keep``."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = folder / f"{_PREFIX}{stamp}-{reason}{_SUFFIX}"
    part = final.with_name(final.name + ".part")
    try:
        with closing(sqlite3.connect(db_path)) as source, closing(sqlite3.connect(part)) as copy:
            source.backup(copy)
        problems = integrity_problems(part)
        if problems:
            raise sqlite3.DatabaseError(f"the backup copy is damaged: {problems[0]}")
        with open(part, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(part, final)
    finally:
        part.unlink(missing_ok=True)
    for old in backups(folder)[keep:]:
        old.unlink(missing_ok=True)
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
    library another process is writing to."""
    from sqlalchemy import create_engine

    if not db_path.is_file():
        raise FileNotFoundError(db_path)
    return create_engine(
        f"sqlite:///file:{db_path}?mode=ro&uri=true",
        connect_args={"timeout": 10, "check_same_thread": False},
    )

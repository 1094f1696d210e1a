"""Everyday faults in words: a full disk, a read-only folder, a missing permission, a
locked or damaged database. :func:`explain` turns such an error into a sentence naming
the file and the reason; what it cannot explain is a bug (``app.logs``)."""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

NO_SPACE = {errno.ENOSPC, errno.EDQUOT}
READ_ONLY = {errno.EROFS}
DENIED = {errno.EACCES, errno.EPERM}


def read_only_reason(folder: Path, db_name: str = "library.sqlite") -> str | None:
    """Why the library in ``folder`` cannot be written, or None when it can (a folder
    not made yet can be, if its parent can)."""
    db = folder / db_name
    if not folder.is_dir():
        return None
    try:
        medium = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        medium = False
    if medium:
        return "it is on a read-only medium"
    if not os.access(folder, os.W_OK):
        return "its folder cannot be written"
    if db.exists() and not os.access(db, os.W_OK):
        return f"{db} cannot be written"
    return None


def is_no_space(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in NO_SPACE:
        return True
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return isinstance(orig, sqlite3.OperationalError) and "disk is full" in str(orig)


# what SQLite says of a damaged file (not of a broken constraint or a closed handle)
_DAMAGE = re.compile(r"malformed|not a database|disk image|corrupt|file is encrypted", re.I)


def is_damage(exc: BaseException) -> bool:
    """SQLite says a database file itself is damaged (not a constraint, a lock or space)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return (
        isinstance(orig, sqlite3.DatabaseError)
        and not isinstance(orig, sqlite3.OperationalError)
        and _DAMAGE.search(str(orig)) is not None
    )


def explain(exc: BaseException, where: Path | None = None) -> str | None:
    """A sentence naming the file and the reason for a fault a person can act on, or
    None (a bug). ``where``: the file or folder meant when the error names none."""
    orig: BaseException = exc.orig if isinstance(exc, DBAPIError) else exc  # type: ignore[assignment]
    name = getattr(orig, "filename", None) or where
    place = f" {name}" if name else ""
    if is_no_space(orig):
        return f"no space left on the device holding{place}: free some space and try again"
    if isinstance(orig, OSError):
        if orig.errno in READ_ONLY:
            return f"{name or 'the file'} is on a read-only medium: it cannot be written"
        if orig.errno in DENIED:
            return f"no permission to write or read {name or 'the file'} ({orig.strerror})"
        if orig.errno == errno.ENOENT:
            return f"{name or 'the file'} does not exist"
        if orig.errno is not None:
            return f"cannot use {name or 'the file'}: {orig.strerror}"
        return None
    if isinstance(orig, sqlite3.OperationalError):
        text = str(orig)
        if "locked" in text or "busy" in text:
            return f"the database{place} is locked by another program: try again when it is done"
        if "readonly" in text or "read-only" in text:
            return f"the database{place} is read-only: it cannot be written"
        if "unable to open" in text:
            return f"cannot open the database{place}: it is missing, or its folder cannot be read"
        return None
    if isinstance(orig, sqlite3.DatabaseError) and _DAMAGE.search(str(orig)):
        return f"the database{place} is damaged ({orig}): attache restore brings back a backup"
    return None  # an integrity or programming error is a bug, not damage: logged

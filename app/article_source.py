"""An article's source (title, outlet, author, date, address, note): a person's edits,
checked field by field, undone exactly, and kept when the file is imported again.

Pure functions on a session; :class:`app.library.Library` calls them in a transaction.
Re-extraction (``attache reextract``) reads an article's text and date and never writes
these columns, so an edit survives it as it is; importing a file already held fills in
only the address, outlet and author the person did not edit (:func:`refresh`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from db.models import Article

FIELDS = ("title", "outlet", "author", "date", "url", "note")
"""The fields a person edits in the *Article details* dialog (the language has its own
path: ``app.language_change``)."""
REFRESHED = ("url", "outlet", "author")
"""The fields a second import of the same file may fill in."""
LIMITS = {"title": 500, "outlet": 300, "author": 500, "url": 2000, "note": 10_000}

_URL = re.compile(r"(?i)\A(https?|file)://\S+\Z")


class SourceError(ValueError):
    """Values that cannot be stored; ``problems`` maps each field to the reason."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


@dataclass(frozen=True)
class SourceEdit:
    """What an edit changed, enough to undo it exactly (and to redo it)."""

    article_id: int
    before: dict[str, Any]
    """The edited fields' values, and ``edited_fields``, before the edit."""
    after: dict[str, Any]


def problems(values: dict[str, str | None]) -> dict[str, str]:
    """Why any of ``values`` cannot be stored, per field (empty: all can)."""
    found: dict[str, str] = {}
    for key, value in values.items():
        if key not in FIELDS:
            found[key] = f"{key!r} is not a field of an article's source"
            continue
        text = (value or "").strip()
        if key == "title" and not text:
            found[key] = "an article needs a title"
        elif key == "date" and text:
            try:
                ok = dt.date.fromisoformat(text).isoformat() == text
            except ValueError:
                ok = False
            if not ok:
                found[key] = f"{text!r} is not a date in the calendar written YYYY-MM-DD"
        elif key == "url" and text and not _URL.match(text):
            found[key] = "an address begins with http:// or https:// and has no spaces"
        elif key in LIMITS and len(text) > LIMITS[key]:
            found[key] = f"longer than {LIMITS[key]} characters"
    return found


def normalised(values: dict[str, str | None]) -> dict[str, str | None]:
    """Trimmed values, empty ones None; the note keeps its lines."""
    out: dict[str, str | None] = {}
    for key, value in values.items():
        text = (value or "").strip()
        if key != "note":
            text = " ".join(text.split())
        out[key] = text or None
    return out


def edit(session: Session, article_id: int, values: dict[str, str | None]) -> SourceEdit | None:
    """Store a person's values for some fields of an article's source and mark them
    edited. Raises :class:`SourceError` for a refused value, LookupError for a missing
    article; None when nothing changes."""
    found = problems(values)
    if found:
        raise SourceError(found)
    article = session.get(Article, article_id)
    if article is None:
        raise LookupError(f"there is no article {article_id}")
    new = normalised(values)
    changed = {k: v for k, v in new.items() if getattr(article, k) != v}
    if not changed:
        return None
    edited = sorted(set(article.edited_fields or ()) | set(changed))
    before = {k: getattr(article, k) for k in changed} | {
        "edited_fields": list(article.edited_fields or ())
    }
    after = changed | {"edited_fields": edited}
    _apply(article, after)
    return SourceEdit(article_id, before, after)


def restore(session: Session, change: SourceEdit, redo: bool = False) -> None:
    """Undo ``change`` (or, with ``redo``, make it again) exactly."""
    article = session.get(Article, change.article_id)
    if article is None:
        raise LookupError(f"there is no article {change.article_id}")
    _apply(article, change.after if redo else change.before)


def _apply(article: Article, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if key == "edited_fields":
            article.edited_fields = list(value) or None
        else:
            setattr(article, key, value)


def refresh(session: Session, sha256: str, given: dict[str, str | None]) -> bool:
    """A file already held imported again: fill in the address, outlet and author it
    gives, except those a person edited. Returns whether anything changed."""
    article = session.query(Article).filter(Article.sha256 == sha256).one_or_none()
    if article is None:
        return False
    edited = set(article.edited_fields or ())
    changed = False
    for key in REFRESHED:
        value = given.get(key)
        if value and key not in edited and getattr(article, key) != value:
            setattr(article, key, value)
            changed = True
    return changed

"""The errors a library raises, in words a person can act on (``app.library`` gives
them to its callers; ``app.import_pipeline`` raises ``NoSpaceError``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.import_pipeline import ImportReport


class LibraryError(Exception):
    """The library folder cannot be opened or used; the message says why."""


class NewerLibraryError(LibraryError):
    """The library was written by a newer Attaché (a schema version this one does not
    know); nothing was written or backed up."""


class DamagedLibraryError(LibraryError):
    """SQLite finds the library's database damaged; ``folder`` holds its backups
    (``attache restore``, the window's restore dialog)."""

    def __init__(self, message: str, folder: Path) -> None:
        super().__init__(message)
        self.folder = folder


class NoSpaceError(LibraryError):
    """The device holding the library is full; ``report``: what an import did before."""

    def __init__(self, message: str, report: ImportReport | None = None) -> None:
        super().__init__(message)
        self.report = report
        self.stored: list[tuple[Any, int | str | None]] = []
        """What the group being stored when space ran out did store
        (``ImportPipeline._store_all``)."""

"""The built-in sample library, imported when a library is empty at its first start."""

from __future__ import annotations

from pathlib import Path

from app.library import Cancelled, ImportReport, Library, Progress
from app.resources import resource_path

MARKER = ".sample-offered"


def sample_dir() -> Path:
    return resource_path("sample", "articles")


def should_import_sample(library: Library) -> bool:
    """True at a library's first start when it is empty (never again once offered)."""
    return not (library.folder / MARKER).exists() and library.article_count() == 0


def import_sample(
    library: Library, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> ImportReport:
    (library.folder / MARKER).touch()
    return library.import_paths([sample_dir()], progress=progress, cancelled=cancelled)

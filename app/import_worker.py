"""The part of an import that runs in worker processes: read a file and extract its facts.

Reading and extraction are pure functions of the file, and together they are most of
an import's work, so :func:`prepare_batch` runs them in a process pool (both cores, and
the window's GUI thread never competes with them for the GIL). Storing and indexing
stay in the importing process: they write to the one database and the one index.

A worker first checks, read-only, whether the library already holds the file's
content, so importing a folder again costs a read and a hash per file, not an
extraction. (The importing process checks again when it stores: the worker's answer
is only a shortcut.)
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.extract import Extraction, extract_article
from app.ingest import Document, IngestError, read_document
from app.language import detect as detect_language


@dataclass(frozen=True)
class Prepared:
    """One file, read and extracted; or why it cannot be imported."""

    path: str
    document: Document | None = None
    extraction: Extraction | None = None
    held: bool = False
    """The library already holds this content (nothing was extracted)."""
    error: str | None = None


_held_db: sqlite3.Connection | None = None


def start_worker(db_path: str) -> None:
    """Pool initializer: open the library read-only for the "already held" check, and
    warm the extractor (its gazetteer loads on first use)."""
    global _held_db
    _exit_with_parent()
    try:
        _held_db = sqlite3.connect(f"file:{Path(db_path).as_posix()}?mode=ro", uri=True)
    except sqlite3.Error:
        _held_db = None
    extract_article("warm-up", "A short text.", None)


def _exit_with_parent() -> None:
    """End this worker when the importing process ends, however it ends (killed, it
    would not tell the pool to stop, and the worker would wait for work forever)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="attache-parent-watch", daemon=True).start()


def _is_held(sha256: str) -> bool:
    if _held_db is None:
        return False
    try:
        row = _held_db.execute("SELECT 1 FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
    except sqlite3.Error:
        return False
    return row is not None


def extraction_language(language: str | None) -> str:
    """The language module an article is extracted with: its detected (or corrected)
    language, English where that is ``unknown`` or not a language the extractor reads."""
    from app.extract.lang import LANGUAGES

    return language if language in LANGUAGES else "en"


def prepare(path: str, is_held: Callable[[str], bool] | None = None) -> Prepared:
    """Read and extract one file (unless ``is_held(sha256)`` says the library holds its
    content already). Never raises: a failure comes back as its reason."""
    try:
        doc = read_document(Path(path))
    except IngestError as exc:
        return Prepared(path, error=str(exc))
    except Exception as exc:  # a reader's fault: named, not fatal
        return Prepared(path, error=f"could not be imported ({type(exc).__name__}: {exc})")
    if is_held is not None and is_held(doc.sha256):
        return Prepared(path, document=doc, held=True)
    try:
        extraction = extract_article(
            doc.file_name, doc.text, doc.date, extraction_language(detect_language(doc.text))
        )
    except Exception as exc:  # the extractor's fault: named, not fatal
        return Prepared(path, error=f"could not be imported ({type(exc).__name__}: {exc})")
    return Prepared(path, document=doc, extraction=extraction)


def prepare_batch(paths: list[str]) -> list[Prepared]:
    """:func:`prepare` for several files (one round trip to the worker for them all)."""
    return [prepare(p, _is_held) for p in paths]

"""A person's settings kept between runs (QSettings, beside the window's geometry): the
libraries opened lately, the default library, how many search results to show, the
PDF author line. Typed accessors over the store; each value is checked when read, so a
hand-edited or stale settings file never breaks a start.

``$ATTACHE_SETTINGS`` names an INI file to use instead of the user's settings (tests,
and a person who keeps several set-ups)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "Attache"
APPLICATION = "Attaché"
ENV_SETTINGS = "ATTACHE_SETTINGS"

RECENT_KEY = "libraries/recent"
DEFAULT_KEY = "libraries/default"
START_KEY = "libraries/start_with"
PAGE_SIZE_KEY = "search/page_size"
PDF_AUTHOR_KEY = "export/pdf_author"

RECENT_MAX = 8
PAGE_SIZE = 100
PAGE_SIZE_MIN, PAGE_SIZE_MAX = 10, 1000
PDF_AUTHOR = "Attaché"
PDF_AUTHOR_MAX = 200
START_LAST, START_DEFAULT = "last", "default"


def open_store() -> QSettings:
    """The settings store: ``$ATTACHE_SETTINGS`` when set, else the user's (the same file
    ``QSettings()`` opens once the application has its names)."""
    path = os.environ.get(ENV_SETTINGS)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(
        QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if isinstance(v, str) and v]
    return []


def _path_key(path: Path) -> str:
    return str(path.expanduser().absolute())


class Settings:
    """Typed access to the settings in ``store`` (default: :func:`open_store`)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else open_store()

    # -- libraries -----------------------------------------------------------------
    def recent_libraries(self) -> list[Path]:
        """The libraries opened lately, the newest first (at most ``RECENT_MAX``)."""
        seen: dict[str, Path] = {}
        for text in _strings(self.store.value(RECENT_KEY, [])):
            seen.setdefault(text, Path(text))
        return list(seen.values())[:RECENT_MAX]

    def add_recent(self, folder: Path) -> None:
        key = _path_key(folder)
        rest = [str(p) for p in self.recent_libraries() if str(p) != key]
        self.store.setValue(RECENT_KEY, [key, *rest][:RECENT_MAX])
        self.store.sync()

    def remove_recent(self, folder: Path) -> None:
        key = _path_key(folder)
        self.store.setValue(RECENT_KEY, [str(p) for p in self.recent_libraries() if str(p) != key])
        self.store.sync()

    def clear_recent(self) -> None:
        self.store.remove(RECENT_KEY)
        self.store.sync()

    def default_library(self) -> Path | None:
        """The library a person chose as the default (None: the user data folder's)."""
        value = self.store.value(DEFAULT_KEY, "")
        return Path(value) if isinstance(value, str) and value.strip() else None

    def set_default_library(self, folder: Path | None) -> None:
        if folder is None:
            self.store.remove(DEFAULT_KEY)
        else:
            self.store.setValue(DEFAULT_KEY, _path_key(folder))
        self.store.sync()

    def start_with(self) -> str:
        """What the window opens at a start without ``--library``: ``"last"`` (the last
        library opened) or ``"default"`` (the default library)."""
        value = self.store.value(START_KEY, START_LAST)
        return START_DEFAULT if value == START_DEFAULT else START_LAST

    def set_start_with(self, value: str) -> None:
        if value not in (START_LAST, START_DEFAULT):
            raise ValueError(f"start_with must be {START_LAST!r} or {START_DEFAULT!r}")
        self.store.setValue(START_KEY, value)
        self.store.sync()

    # -- search and export ---------------------------------------------------------
    def page_size(self) -> int:
        """How many search results the Articles view shows."""
        return page_size(self.store)

    def set_page_size(self, size: int) -> None:
        if not PAGE_SIZE_MIN <= size <= PAGE_SIZE_MAX:
            raise ValueError(f"the page size must be {PAGE_SIZE_MIN} to {PAGE_SIZE_MAX}")
        self.store.setValue(PAGE_SIZE_KEY, size)
        self.store.sync()

    def pdf_author(self) -> str:
        """The author line a PDF export writes into its document properties."""
        value = self.store.value(PDF_AUTHOR_KEY, PDF_AUTHOR)
        text = value.strip() if isinstance(value, str) else ""
        return text[:PDF_AUTHOR_MAX] if text else PDF_AUTHOR

    def set_pdf_author(self, author: str) -> None:
        text = " ".join(author.split())
        if len(text) > PDF_AUTHOR_MAX:
            raise ValueError(f"the author line is at most {PDF_AUTHOR_MAX} characters")
        if text and text != PDF_AUTHOR:
            self.store.setValue(PDF_AUTHOR_KEY, text)
        else:
            self.store.remove(PDF_AUTHOR_KEY)
        self.store.sync()


def page_size(store: QSettings | None) -> int:
    """The search page size kept in ``store`` (``PAGE_SIZE`` when unset or out of range)."""
    if store is None:
        return PAGE_SIZE
    value = store.value(PAGE_SIZE_KEY, PAGE_SIZE)
    try:
        size = int(value) if isinstance(value, int | str) else PAGE_SIZE
    except ValueError:
        return PAGE_SIZE
    return size if PAGE_SIZE_MIN <= size <= PAGE_SIZE_MAX else PAGE_SIZE

"""Where the library lives: ``--library``, else ``$ATTACHE_LIBRARY``, else the default
library a person chose (Preferences), else the user data folder. The window, started
without either, reopens the last library it had open (``window_library_dir``)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Attache"
ENV_LIBRARY = "ATTACHE_LIBRARY"
DB_NAME = "library.sqlite"


def default_library_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "library"


def chosen_library_dir(cli_value: str | None) -> Path | None:
    """The library a person named for this run (``--library``, ``$ATTACHE_LIBRARY``), or None."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_LIBRARY)
    if env:
        return Path(env).expanduser()
    return None


def _preferred_default() -> Path:
    from app.settings import Settings

    return Settings().default_library() or default_library_dir()


def resolve_library_dir(cli_value: str | None) -> Path:
    """The library a command works on: the one named, else the default library."""
    return chosen_library_dir(cli_value) or _preferred_default()


def is_library(folder: Path) -> bool:
    """True when ``folder`` holds an Attaché library (its database ``library.sqlite``);
    False also when the folder cannot be read (a drive mounted for another user)."""
    try:
        return (folder / DB_NAME).is_file()
    except OSError:
        return False


def window_library_dir(chosen: Path | None) -> Path:
    """The library the window opens: ``chosen`` (named for this run), else — unless a
    person set it to open the default library — the last library it had open, when it is
    still there; else the default library."""
    if chosen is not None:
        return chosen
    from app.settings import START_DEFAULT, Settings

    settings = Settings()
    if settings.start_with() != START_DEFAULT:
        for folder in settings.recent_libraries():
            if is_library(folder):
                return folder
    return settings.default_library() or default_library_dir()


def library_problem_at(folder: Path) -> str | None:
    """Why ``folder`` cannot be opened as a library, in words a person can act on (None:
    it holds one)."""
    if is_library(folder):
        return None
    try:
        return _missing_library(folder)
    except OSError as exc:  # a folder that may not be read
        return f"The folder {folder} cannot be read ({exc.strerror or exc})."


def _missing_library(folder: Path) -> str:
    """Why ``folder``, which holds no readable library, is none."""
    if folder.is_file():
        return f"{folder} is a file, not a folder. Choose the folder that holds library.sqlite."
    if not folder.exists():
        return f"There is no folder {folder}. It may have been moved, renamed or deleted."
    if (folder / "backups").is_dir() and any((folder / "backups").iterdir()):
        return (
            f"The library at {folder} has lost its database ({DB_NAME}) but keeps backups: "
            f"restore one with `attache --library {folder} restore --latest`, then open it."
        )
    return (
        f"There is no Attaché library in {folder} (a library is a folder holding "
        f"{DB_NAME}). Choose a library folder, or use File › New library… to create one."
    )

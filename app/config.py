"""Where the library lives: ``--library``, else ``$ATTACHE_LIBRARY``, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Attache"
ENV_LIBRARY = "ATTACHE_LIBRARY"


def default_library_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "library"


def resolve_library_dir(cli_value: str | None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_LIBRARY)
    if env:
        return Path(env).expanduser()
    return default_library_dir()

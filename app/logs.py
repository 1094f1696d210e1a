"""The program's log file, and the hook that logs a bug with its traceback.

The window writes ``attache.log`` in the user log folder (``platformdirs``:
``~/.local/state/Attache/log`` on Linux, ``%LOCALAPPDATA%\\Attache\\Logs`` on Windows,
``~/Library/Logs/Attache`` on macOS), rotated at 1 MB with three old files kept: when it
started, on which library, when its window first painted and the library opened, the
requests a second start handed over, and every bug with its traceback. Errors a person
can act on are shown as words where they happen; only what is a bug lands here with a
traceback, named in one sentence.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir

from app.config import APP_NAME

LOG_NAME = "attache.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("attache")


def log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the program's log to :func:`log_file` (once per process). A folder that
    cannot be written (a read-only home) leaves the log on stderr; returns the file or
    None."""
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "_attache", False):
            return Path(handler.baseFilename)  # type: ignore[attr-defined]
    root.setLevel(min(root.level or level, level) if root.handlers else level)
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        logging.basicConfig(level=level, format=FORMAT)
        log.warning("cannot write the log file %s (%s): logging to stderr", path, exc)
        return None
    # Alembic names each plugin it sets up at every open; its migrations still log.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    file_handler._attache = True  # type: ignore[attr-defined]
    file_handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(file_handler)
    return path


def bug_sentence(exc_type: type[BaseException], exc: BaseException) -> str:
    """One sentence naming a bug: its kind, its message and where it was raised."""
    where = ""
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    if frames:
        last = frames[-1]
        where = f" in {Path(last.filename).name}:{last.lineno} ({last.name})"
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    text = f"{exc_type.__name__}: {message}" if message else exc_type.__name__
    return f"Attaché hit a bug{where}: {text}"


def install_bug_hook(report: Callable[[str], None] | None = None) -> None:
    """Log uncaught exceptions (any thread) with their traceback; ``report`` gets the
    one-sentence name of each (the window shows it in its status bar)."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        exc.__traceback__ = tb
        sentence = bug_sentence(exc_type, exc)
        log.error("%s", sentence, exc_info=(exc_type, exc, tb))
        if report is not None:
            try:
                report(sentence)
            except Exception:  # the report must never raise in the hook
                log.exception("reporting a bug failed")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook

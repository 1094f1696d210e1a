"""The library's writer lock: an exclusive ``flock`` on ``<library>/writer.lock``.

It is held by the process that writes (the window for its whole life, a command-line
import or re-extraction for its run). The kernel releases it when the process dies,
even by ``kill -9``, so a crash never leaves a stale lock behind. The file holds the
holder's pid and role, for messages only.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

LOCK_NAME = "writer.lock"


class WriterLock:
    """The library's writer lock; ``holder`` says who has it (for messages)."""

    def __init__(self, folder: Path, role: str) -> None:
        self.path = folder / LOCK_NAME
        self.role = role
        self._fh: IO[str] | None = None
        self.unwritable: OSError | None = None
        """Why the lock file cannot be made (a read-only folder or medium): then nobody
        can write to the library, and :meth:`try_acquire` returns False."""

    def try_acquire(self) -> bool:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (kept open while held)
        except OSError as exc:
            if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise
            self.unwritable = exc
            return False
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({"pid": os.getpid(), "role": self.role}))
        fh.flush()
        self._fh = fh
        return True

    def acquire(
        self, timeout: float, waiting: Callable[[dict[str, Any]], None] | None = None
    ) -> bool:
        """Wait up to ``timeout`` seconds; ``waiting(holder)`` is called once if it waits."""
        deadline = time.monotonic() + timeout
        told = False
        while not self.try_acquire():
            if self.unwritable is not None or time.monotonic() >= deadline:
                return False
            if waiting is not None and not told:
                waiting(self.holder())
                told = True
            time.sleep(0.1)
        return True

    def holder(self) -> dict[str, Any]:
        """What the holder wrote: ``{"pid": N, "role": "window"|"import"|...}``."""
        try:
            found = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def release(self) -> None:
        if self._fh is not None:
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

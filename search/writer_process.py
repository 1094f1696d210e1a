"""Writing the index in a process of its own while a long import goes on.

An import's own process stores each article (SQLite) and hands the index its batches;
Whoosh's writing is pure Python, so in the same process it would take turns with the
storing, and the import would use one core while workers wait. :class:`WriterProcess`
runs :meth:`SearchIndex.update` in a child process (``spawn``): the importing process
sends a batch and goes on storing the next articles. At most ``IN_FLIGHT`` batches are
queued, so the child never falls far behind (and memory stays bounded).

A batch the child fails to write is logged and left to the index check at the next
open, exactly as a failed update in the importing process is.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

IN_FLIGHT = 2


def _serve(path: str, conn: Connection) -> None:
    from search.index import SearchIndex

    index = SearchIndex(Path(path))
    try:
        while True:
            message = conn.recv()
            if message is None:
                break
            try:
                conn.send(("ok", index.update(**message)))
            except Exception as exc:  # reported to the importing process
                conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        index.close()
        conn.close()


class WriterProcess:
    """A child process applying index updates in order; ``update`` returns at once."""

    def __init__(self, path: Path) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(str(path), child), name="attache-index-writer", daemon=True
        )
        self._process.start()
        child.close()
        self._pending = 0
        self.written = 0
        self.errors: list[str] = []

    @property
    def busy(self) -> bool:
        """Whether a batch handed over is still being written (its answer is collected
        here if it came). The importing process keeps gathering articles meanwhile and
        hands them over in one larger batch, instead of waiting: a batch whose commit
        merges the segments of tens of thousands of articles takes minutes."""
        while self._pending and self._conn.poll():
            self._collect()
        return self._pending > 0

    def update(self, **batch: Any) -> None:
        """Queue one :meth:`SearchIndex.update` (waiting while ``IN_FLIGHT`` are queued)."""
        while self._pending >= IN_FLIGHT:
            self._collect()
        self._conn.send(batch)
        self._pending += 1

    def _collect(self) -> None:
        try:
            status, value = self._conn.recv()
        except EOFError:
            self._pending = 0
            self.errors.append("the index writer process stopped")
            return
        self._pending -= 1
        if status == "ok":
            self.written += int(value)
        else:
            self.errors.append(str(value))
            log.warning("an index batch was not written (%s); the next open repairs it", value)

    def close(self) -> None:
        """Wait until every queued batch is written, then stop the child."""
        while self._pending and self._process.is_alive():
            self._collect()
        with contextlib.suppress(OSError):  # the child is gone already
            self._conn.send(None)
        self._process.join(timeout=60)
        if self._process.is_alive():
            self._process.kill()
        self._conn.close()

"""Feeding an import: files read and extracted by a pool of worker processes, in order.

:func:`prepared` yields one :class:`~app.import_worker.Prepared` per file, in the order
of the files, while the workers run ahead on the next ones. Only a bounded number of
batches is in flight, so a folder of 50,000 files never piles up in memory when the
storing side is slower than the workers. Small imports (a few files) are prepared in
the calling process: starting workers costs more than it saves there.

Workers are started with ``spawn`` on every platform: the window's process has Qt
and SQLite threads, which ``fork`` would copy in an undefined state. A frozen build
calls :func:`multiprocessing.freeze_support` first thing (packaging/entry.py).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from app.import_worker import Prepared, prepare, prepare_batch, start_worker

log = logging.getLogger(__name__)

POOL_MIN_FILES = 24
"""Below this many files, the calling process prepares them itself."""
BATCH_FILES = 8
"""Files per round trip to a worker."""
IN_FLIGHT_PER_WORKER = 3
"""Batches queued per worker: enough to keep it busy, few enough to bound memory."""


def worker_count(files: int, requested: int | None = None) -> int:
    """How many worker processes an import of ``files`` files uses (0: none)."""
    if requested is not None:
        return max(0, requested)
    if files < POOL_MIN_FILES:
        return 0
    return max(1, min(os.cpu_count() or 1, 8))


def prepared(
    files: Sequence[Path],
    db_path: Path,
    processes: int = 0,
    cancelled: Callable[[], bool] | None = None,
    is_held: Callable[[str], bool] | None = None,
) -> Iterator[Prepared]:
    """Each file read and extracted, in order; stops early when ``cancelled()``.

    ``is_held`` is the in-process check for content the library holds already (the
    workers have their own read-only one). If a worker process dies, the files not yet
    prepared are prepared in this process."""
    if processes <= 0:
        for path in files:
            if cancelled is not None and cancelled():
                return
            yield prepare(str(path), is_held)
        return
    batches = [
        [str(p) for p in files[i : i + BATCH_FILES]] for i in range(0, len(files), BATCH_FILES)
    ]
    pool = ProcessPoolExecutor(
        max_workers=processes,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=start_worker,
        initargs=(str(db_path),),
    )
    pending: deque[tuple[int, Future[list[Prepared]]]] = deque()
    submitted = 0
    try:
        while submitted < len(batches) and len(pending) < processes * IN_FLIGHT_PER_WORKER:
            pending.append((submitted, pool.submit(prepare_batch, batches[submitted])))
            submitted += 1
        while pending:
            number, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                log.warning("an import worker stopped; the rest is read in this process")
                rest = [Path(p) for batch in batches[number:] for p in batch]
                yield from prepared(rest, db_path, 0, cancelled, is_held)
                return
            if submitted < len(batches):
                pending.append((submitted, pool.submit(prepare_batch, batches[submitted])))
                submitted += 1
            for item in results:
                if cancelled is not None and cancelled():
                    return
                yield item
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)

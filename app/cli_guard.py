"""One writer at a time for the command line: the commands that write take the
library's writer lock for their run.

A second command-line writer waits for the first (two imports at once run one after
the other, never interleaved). When the holder is an open window, ``import`` is handed
to it (if it accepts imports), ``check`` runs read-only, and the others stop with a
clear notice instead of writing behind the window's back.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.config import resolve_library_dir
from app.writer_lock import WriterLock

WRITE_COMMANDS = {
    "import",
    "reextract",
    "reindex",
    "check",
    "review",
    "edit",
    "restore",
}
"""Commands that write (``review list`` reads only); they run under the writer lock, and
a window holding it is told to the person rather than written behind."""
LOCK_WAIT_S = 3600.0


def _hand_import(folder: Path, paths: list[Path]) -> bool:
    from app.instance import send_to_window

    request = {"action": "import", "paths": [str(p.absolute()) for p in paths]}
    return send_to_window(folder, request)


def _waiting(holder: dict[str, Any]) -> None:
    who = f"{holder.get('role', 'another')} (pid {holder.get('pid', '?')})"
    print(f"attache: another attache {who} is writing to this library; waiting…", file=sys.stderr)


def run_guarded(
    args: argparse.Namespace,
    run: Callable[[argparse.Namespace], int],
    run_read_only: Callable[[argparse.Namespace], int] | None = None,
) -> int:
    """Run a writing command under the writer lock; returns its exit code."""
    folder = resolve_library_dir(args.library)
    lock = WriterLock(folder, args.command)
    if not lock.try_acquire():
        if lock.unwritable is not None:  # a read-only folder or medium
            if run_read_only is not None:
                print(f"attache: the library at {folder} is read-only; checking without repairs")
                return run_read_only(args)
            print(
                f"attache: the library at {folder} is read-only ({lock.unwritable.strerror}): "
                f"{args.command} cannot write to it; copy the library to a folder you can "
                "write to",
                file=sys.stderr,
            )
            return 1
        holder = lock.holder()
        if holder.get("role") == "window":
            if args.command == "import" and _hand_import(folder, args.paths):
                print("handed the import to the open Attaché window")
                return 0
            if run_read_only is not None:
                print("attache: the library is open in a window; checking read-only")
                return run_read_only(args)
            print(
                f"attache: the library is open in an Attaché window (pid {holder.get('pid')}), "
                f"which writes to it; use the window, or close it and run {args.command} again",
                file=sys.stderr,
            )
            return 1
        if not lock.acquire(LOCK_WAIT_S, waiting=_waiting):
            print("attache: gave up waiting for the other attache", file=sys.stderr)
            return 1
    try:
        return run(args)
    finally:
        lock.release()

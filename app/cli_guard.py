"""One writer at a time for the command line: the commands that write take the
library's writer lock for their run.

A second command-line writer waits for the first (two imports at once run one after
the other, never interleaved). When the holder is an open window, ``import`` is handed
to it (if it accepts imports), ``check`` runs read-only, and the others stop with a
clear notice instead of writing behind the window's back. A handed import waits for
the window's result and prints it as an import here would (exit 1 when a file failed).
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


def _hand_import(folder: Path, paths: list[Path], pid: object) -> int | None:
    """Hand the import to the window holding the library and wait for its result; the
    exit code, or None when the window did not take it."""
    from app.cli_output import EXIT_FAILED, print_import_report
    from app.import_pipeline import ImportReport
    from app.instance import hand_import

    def waiting() -> None:
        print(
            f"handed the import to the open Attaché window (pid {pid}); waiting for it to finish…",
            file=sys.stderr,
            flush=True,
        )

    try:
        handed = hand_import(folder, [str(p.absolute()) for p in paths], on_waiting=waiting)
    except KeyboardInterrupt:
        print("attache: stopped waiting; the window goes on importing", file=sys.stderr)
        return 130
    if handed is None:
        return None
    result = handed.result
    if result is None:
        if handed.waited:
            print(
                "attache: the window closed before the import finished; the articles "
                "stored until then are in the library (import again for the rest)",
                file=sys.stderr,
            )
            return EXIT_FAILED
        print("handed the import to the open Attaché window")  # it tells no result
        return 0
    if "error" in result:
        print(f"attache: {result['error']}", file=sys.stderr)
        return EXIT_FAILED
    report = ImportReport(
        imported=[str(p) for p in result.get("imported", [])],
        skipped=[str(p) for p in result.get("skipped", [])],
        failed=[(str(p), str(r)) for p, r in result.get("failed", [])],
        cancelled=bool(result.get("cancelled")),
    )
    code = print_import_report(report)
    if report.cancelled:
        print("attache: the import was cancelled in the window", file=sys.stderr)
    return code


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
            if args.command == "import" and not folder.is_dir():  # a new library
                from app.faults import explain

                words = explain(lock.unwritable, folder) or str(lock.unwritable)
                print(
                    f"attache: cannot create the library folder {folder}: {words}", file=sys.stderr
                )
                return 1
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
            if args.command == "import":
                code = _hand_import(folder, args.paths, holder.get("pid"))
                if code is not None:
                    return code
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

"""What the command line prints about an import, and its exit codes (shared by
``app.cli`` and ``app.cli_guard``, which prints the result of an import handed to a
window)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.import_pipeline import ImportReport

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def print_import_report(report: ImportReport) -> int:
    """What ``import`` prints (here or in the window it was handed to); its exit code."""
    for path, reason in report.failed:
        print(f"failed: {path}: {reason}", file=sys.stderr)
    if report.skipped:
        print(f"already in the library: {len(report.skipped)} file(s)")
    print(report.summary())
    return EXIT_FAILED if report.failed or report.cancelled else EXIT_OK

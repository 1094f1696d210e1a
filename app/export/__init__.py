"""Export a selection of facts (a ``bilateral-facts/1`` document) to PDF, JSON, CSV or Markdown.

    export_document(doc, Path("briefing.pdf"), "pdf", ExportOptions(title="..."))

Every writer goes through a temp file in the target folder that replaces the target
only when complete, so a failed export never leaves a half file in place of a good one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from app.export.common import (
    EMPTY_SELECTION,
    ExportError,
    ExportOptions,
    atomic_write,
    fact_count,
)

__all__ = ["FORMATS", "ExportError", "ExportOptions", "export_document"]

FORMATS = ("pdf", "json", "csv", "markdown")
_ALIASES = {"md": "markdown"}


def _writer(fmt: str) -> Callable[[dict[str, Any], IO[bytes], ExportOptions], None]:
    # Imported on demand: the PDF writer loads reportlab and a font.
    if fmt == "pdf":
        from app.export.pdf import write_pdf

        return write_pdf
    if fmt == "json":
        from app.export.json_writer import write_json

        return write_json
    if fmt == "csv":
        from app.export.csv_writer import write_csv

        return write_csv
    from app.export.markdown import write_markdown

    return write_markdown


def export_document(
    doc: dict[str, Any], path: Path, fmt: str, options: ExportOptions | None = None
) -> Path:
    """Write ``doc`` to ``path`` in ``fmt`` ("pdf", "json", "csv" or "markdown").

    Raises ExportError, naming the path and the reason, for an empty selection, an
    unknown format or a path that cannot be written; the target is then untouched.
    """
    path = Path(path)
    key = _ALIASES.get(str(fmt).strip().lower(), str(fmt).strip().lower())
    if key not in FORMATS:
        raise ExportError(
            f"cannot export to {path}: unknown format {fmt!r} (use one of {', '.join(FORMATS)})"
        )
    if not isinstance(doc, dict) or fact_count(doc) == 0:
        raise ExportError(f"cannot export to {path}: {EMPTY_SELECTION}")
    options = options or ExportOptions()
    write = _writer(key)

    def write_to(fh: IO[bytes]) -> None:
        try:
            write(doc, fh, options)
        except ExportError as exc:
            if str(path) in str(exc):
                raise
            raise ExportError(f"cannot export to {path}: {exc}") from exc

    return atomic_write(path, write_to)

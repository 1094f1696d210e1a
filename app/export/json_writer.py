"""JSON: the bilateral-facts/1 document as it is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from app.export.common import ExportError, ExportOptions, atomic_write


def write_json(doc: dict[str, Any], fh: IO[bytes], options: ExportOptions) -> None:
    del options  # the document is written as it is
    try:
        data = json.dumps(doc, ensure_ascii=False, indent=2)
    except (TypeError, ValueError) as exc:
        raise ExportError(f"the document cannot be written as JSON: {exc}") from exc
    fh.write((data + "\n").encode("utf-8"))


def write_json_document(doc: dict[str, Any], path: Path) -> Path:
    """Write ``doc`` to ``path`` atomically, even when it holds no facts (a whole
    library's document is valid before any fact is extracted)."""
    path = Path(path)

    def write_to(fh: IO[bytes]) -> None:
        write_json(doc, fh, ExportOptions())

    return atomic_write(path, write_to)

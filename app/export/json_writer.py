"""JSON: the bilateral-facts/1 document as it is."""

from __future__ import annotations

import json
from typing import IO

from app.export.common import ExportError, ExportOptions


def write_json(doc: dict, fh: IO[bytes], options: ExportOptions) -> None:
    del options  # the document is written as it is
    try:
        data = json.dumps(doc, ensure_ascii=False, indent=2)
    except (TypeError, ValueError) as exc:
        raise ExportError(f"the document cannot be written as JSON: {exc}") from exc
    fh.write((data + "\n").encode("utf-8"))

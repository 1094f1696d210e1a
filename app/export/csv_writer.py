"""CSV: one row per fact, a ``type`` column first, then the union of the fields, then
its sources: citation numbers, file names, each source's citation (outlet, author,
“title”, date, address, file) and the sources' addresses."""

from __future__ import annotations

import csv
import io
import json
from typing import IO, Any

from app.export.common import Citations, ExportOptions, numbered_facts, source_label

SKIPPED_FIELDS = {"evidence"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """A field value as CSV text: lists joined with "; ", numbers without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        if set(value) <= {"value", "unit"} and "value" in value:
            return " ".join(x for x in (cell(value.get("value")), cell(value.get("unit"))) if x)
        return json.dumps(value, ensure_ascii=False, sort_keys=False, separators=(", ", ": "))
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v) for v in value if v is not None)
    return _defuse(" ".join(str(value).splitlines()))


def _defuse(s: str) -> str:
    """Keep spreadsheet programs from running user text as a formula."""
    if s.startswith(FORMULA_STARTS) and not _is_number(s):
        return "'" + s
    return s


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


def write_csv(doc: dict[str, Any], fh: IO[bytes], options: ExportOptions) -> None:
    del options  # the CSV has no title page
    citations = Citations(doc)
    rows = list(numbered_facts(doc, citations))
    fields: list[str] = []
    for _key, _type, _heading, fact, _nums in rows:
        for name in fact:
            if name not in SKIPPED_FIELDS and name not in fields and name != "type":
                fields.append(name)
    header = ["type", *fields, "citations", "sources", "source_citations", "source_urls"]
    by_number = {src.number: src for src in citations.sources}
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for _key, type_name, _heading, fact, nums in rows:
        writer.writerow(
            [
                type_name,
                *(cell(fact.get(name)) for name in fields),
                "; ".join(str(n) for n in nums),
                "; ".join(_defuse(a) for a in citations.article_ids(nums)),
                _defuse(" | ".join(f"[{n}] {source_label(by_number[n])}" for n in nums)),
                "; ".join(_defuse(by_number[n].url) for n in nums if by_number[n].url),
            ]
        )
    fh.write(buf.getvalue().encode("utf-8-sig"))

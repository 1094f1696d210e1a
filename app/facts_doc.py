"""The bilateral-facts/1 exchange document (see ../shared/facts/SCHEMA.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.extract.model import FACT_TYPES, Candidate

FORMAT = "bilateral-facts/1"


def fact_record(c: Candidate) -> dict[str, Any]:
    """A fact as the document holds it: its data plus evidence quotes, one per sentence."""
    record = dict(c.data)
    evidence: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for e in c.evidence:
        if (e.article, e.quote) not in seen:
            seen.add((e.article, e.quote))
            evidence.append({"article": e.article, "quote": e.quote})
    record["evidence"] = evidence
    return record


def build_document(articles: list[dict[str, Any]], facts: Iterable[Candidate]) -> dict[str, Any]:
    """{"format": "bilateral-facts/1", "articles": [...], "visits": [...], ...}."""
    doc: dict[str, Any] = {"format": FORMAT, "articles": [dict(a) for a in articles]}
    for kind in FACT_TYPES:
        doc[kind] = []
    for c in facts:
        doc.setdefault(c.type, []).append(fact_record(c))
    return doc

"""Data classes shared by the extractor, the consolidator and the export writer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.fact_types import NAMES as FACT_TYPES

__all__ = ["FACT_TYPES", "Candidate", "Evidence", "Extraction"]


@dataclass
class Evidence:
    """One sentence a fact was read from."""

    article: str  # article id (its file name)
    start: int  # char offset of the sentence in the text passed to extract_article
    end: int
    quote: str  # the sentence, == text[start:end]


@dataclass
class Candidate:
    """A fact read from one or more sentences, before it is stored."""

    type: str  # one of FACT_TYPES
    data: dict[str, Any]  # the SCHEMA.md fields of that type except evidence
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Extraction:
    """What extract_article returns for one article."""

    date: str | None
    date_inferred: bool
    facts: list[Candidate]

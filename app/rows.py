"""The plain, detached rows the window, the exports and the command line are given:
articles, facts and their evidence. No database or index code is imported here, so the
window can be built and shown before the library (SQLAlchemy, Whoosh) is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from app.confidence import Assessment, assess
from app.extract.model import Candidate
from app.extract.model import Evidence as CandidateEvidence


@dataclass(frozen=True)
class ArticleRow:
    """A plain, detached view of an article for the UI and the CLI."""

    id: int
    file_name: str
    path: str
    date: str | None
    title: str
    text: str
    imported_at: datetime
    date_inferred: str | None = None
    language: str | None = None
    """``en``, ``ru`` or ``unknown``."""
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    note: str | None = None
    edited_fields: tuple[str, ...] = ()
    """The source fields a person edited (``app.article_source``)."""


@dataclass(frozen=True)
class EvidenceRow:
    article_id: int
    article: str  # the article's file name (its id in exports)
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class FactRow:
    """A plain, detached view of a stored fact."""

    id: int
    type: str
    data: dict[str, Any]
    """The fields as shown and exported: the extractor's, with a person's corrections."""
    evidence: tuple[EvidenceRow, ...]
    origin: str = "extracted"
    hidden: bool = False
    edited: tuple[str, ...] = ()
    """The fields a person corrected."""
    confirmed: bool = False
    """A person checked it and called it right."""

    @property
    def review(self) -> str:
        """``added`` (by hand), ``edited``, ``confirmed``, ``rejected`` or ``unreviewed``."""
        if self.hidden:
            return "rejected"
        if self.origin == "user":
            return "added"
        if self.edited:
            return "edited"
        return "confirmed" if self.confirmed else "unreviewed"

    @cached_property
    def assessment(self) -> Assessment:
        """The fact's confidence with its reasons (``app.confidence``), computed once."""
        return assess(
            self.type,
            self.data,
            (e.article_id for e in self.evidence),
            self.origin,
            self.edited,
            self.confirmed,
        )

    @property
    def confidence(self) -> float:
        return self.assessment.value

    def as_candidate(self) -> Candidate:
        data = {"id": self.id, **self.data}
        return Candidate(
            self.type,
            data,
            [CandidateEvidence(e.article, e.start, e.end, e.quote) for e in self.evidence],
        )

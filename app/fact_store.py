"""Storing extracted facts: consolidation against the facts already held, evidence rows.

A candidate from a new article is compared only with stored facts of the same type
and block key (``app.consolidate.block_key``); when ``same_fact`` says they are one,
the stored fact's fields are merged (disagreements kept in ``data["conflicts"]``) and
the new sentence is added to its evidence. Otherwise it becomes a new fact.

A person's work on a fact is kept beside the extractor's: ``user_data`` holds the
fields a person corrected (they override ``data`` when read), ``hidden`` marks a fact a
person called wrong (left out of lists and exports unless asked for), and facts a
person added have ``origin == "user"`` (never dropped for lack of evidence).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.consolidate import block_key, merge, same_fact
from app.extract import Candidate
from app.extract import Evidence as CandidateEvidence
from db.models import Article, Evidence, Fact


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

    def as_candidate(self) -> Candidate:
        data = {"id": self.id, **self.data}
        return Candidate(
            self.type,
            data,
            [CandidateEvidence(e.article, e.start, e.end, e.quote) for e in self.evidence],
        )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def store_candidates(session: Session, article: Article, candidates: Iterable[Candidate]) -> int:
    """Merge ``candidates`` read from ``article`` into the stored facts; returns new facts."""
    created = 0
    for cand in candidates:
        block = block_key(cand)[:256]
        # Only the fields are loaded here: evidence is read for the one fact that matches
        # (a fact cited by every article would otherwise be loaded whole each time).
        existing = session.scalars(
            select(Fact).where(Fact.type == cand.type, Fact.block == block)
        ).all()
        target = next((f for f in existing if same_fact(cand.type, f.data, cand.data)), None)
        if target is None:
            target = Fact(
                type=cand.type,
                block=block,
                data=dict(cand.data),
                created_at=_now(),
                updated_at=_now(),
            )
            session.add(target)
            session.flush()
            created += 1
            seen: set[tuple[int, int, int]] = set()
        else:
            sources = sorted(
                session.scalars(
                    select(Article.file_name)
                    .join(Evidence, Evidence.article_id == Article.id)
                    .where(Evidence.fact_id == target.id)
                    .distinct()
                )
            )
            target.data = merge(cand.type, target.data, cand.data, article.file_name, sources)
            target.updated_at = _now()
            seen = {
                (article.id, start, end)
                for start, end in session.execute(
                    select(Evidence.start, Evidence.end).where(
                        Evidence.fact_id == target.id, Evidence.article_id == article.id
                    )
                )
            }
        add_evidence(session, target.id, article.id, cand.evidence, seen)
        session.flush()
    return created


def add_evidence(
    session: Session,
    fact_id: int,
    article_id: int,
    evidence: Iterable[CandidateEvidence],
    seen: set[tuple[int, int, int]],
) -> None:
    """Add the sentences of ``evidence`` to a fact, skipping (article, start, end) already
    in ``seen`` (which is updated)."""
    for ev in evidence:
        if (article_id, ev.start, ev.end) in seen:
            continue
        seen.add((article_id, ev.start, ev.end))
        session.add(
            Evidence(
                fact_id=fact_id, article_id=article_id, start=ev.start, end=ev.end, quote=ev.quote
            )
        )


def effective_data(fact: Fact) -> dict[str, Any]:
    """The fact's fields with a person's corrections applied."""
    return {**(fact.data or {}), **(fact.user_data or {})}


def _fact_row(fact: Fact) -> FactRow:
    return FactRow(
        id=fact.id,
        type=fact.type,
        data=effective_data(fact),
        evidence=tuple(
            EvidenceRow(e.article_id, e.article.file_name, e.start, e.end, e.quote)
            for e in sorted(fact.evidence, key=lambda e: (e.article_id, e.start))
        ),
        origin=fact.origin or "extracted",
        hidden=bool(fact.hidden),
        edited=tuple(sorted(fact.user_data or {})),
    )


def load_facts(
    session: Session,
    types: Sequence[str] | None = None,
    ids: Sequence[int] | None = None,
    include_hidden: bool = False,
) -> list[FactRow]:
    """Stored facts in id order; facts a person hid only when ``include_hidden``."""
    query = select(Fact).options(selectinload(Fact.evidence).selectinload(Evidence.article))
    if types:
        query = query.where(Fact.type.in_(types))
    if ids is not None:
        query = query.where(Fact.id.in_(ids))
    if not include_hidden:
        query = query.where(Fact.hidden.is_not(True))
    return [_fact_row(f) for f in session.scalars(query.order_by(Fact.id))]


def drop_orphans(session: Session) -> int:
    """Delete extracted facts left without any evidence (after their articles went
    away); facts a person added are kept."""
    orphans = session.scalars(select(Fact).where(~Fact.evidence.any(), Fact.origin != "user")).all()
    for fact in orphans:
        session.delete(fact)
    return len(orphans)

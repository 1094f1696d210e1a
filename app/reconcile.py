"""Re-extraction that keeps a person's work: fact ids, corrections, hidden flags, the
selection, and the facts a person added.

The new candidates of every article are matched to the facts already held (same type
and block key, then ``same_fact``), so a fact the extractor still finds keeps its id,
and with it everything that points at it: ``user_data`` (corrections), ``hidden``, the
export selection. Its ``data`` and evidence are replaced by the new extraction. Facts
the extractor no longer finds are dropped, unless a person corrected, confirmed or hid
them (a confirmed fact the extractor no longer finds stays, with no source);
facts a person added are never touched except to gain evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.consolidate import block_key, merge, same_fact
from app.extract import Extraction
from app.fact_store import add_evidence
from db.models import Article, Evidence, Fact


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def reconcile(session: Session, extractions: Sequence[tuple[int, Extraction]]) -> int:
    """Store a fresh extraction of every article over the facts held; returns the
    number of facts dropped because no article gives them any more."""
    facts = list(session.scalars(select(Fact).order_by(Fact.id)))
    session.execute(delete(Evidence))
    held: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        held.setdefault((fact.type, fact.block), []).append(fact)
    # A person's facts are "claimed" from the start: candidates merge into them (gaining
    # evidence) but never replace their fields.
    claimed = {f.id for f in facts if f.origin == "user"}
    sources: dict[int, list[str]] = {}
    seen: dict[int, set[tuple[int, int, int]]] = {}
    for article_id, extraction in extractions:
        article = session.get_one(Article, article_id)
        article.date_inferred = extraction.date if extraction.date_inferred else None
        for cand in extraction.facts:
            block = block_key(cand)[:256]
            group = held.setdefault((cand.type, block), [])
            target = next(
                (f for f in group if f.id in claimed and same_fact(cand.type, f.data, cand.data)),
                None,
            )
            if target is None:
                target = next(
                    (
                        f
                        for f in group
                        if f.id not in claimed and same_fact(cand.type, f.data, cand.data)
                    ),
                    None,
                )
                if target is not None:  # an old fact found again: fresh fields, same id
                    target.data = dict(cand.data)
                    target.updated_at = _now()
            elif target.origin != "user":
                target.data = merge(
                    cand.type, target.data, cand.data, article.file_name, sources[target.id]
                )
            if target is None:
                target = Fact(
                    type=cand.type,
                    block=block,
                    data=dict(cand.data),
                    origin="extracted",
                    hidden=False,
                    created_at=_now(),
                    updated_at=_now(),
                )
                session.add(target)
                session.flush()
                group.append(target)
            claimed.add(target.id)
            names = sources.setdefault(target.id, [])
            if article.file_name not in names:
                names.append(article.file_name)
            add_evidence(
                session, target.id, article.id, cand.evidence, seen.setdefault(target.id, set())
            )
    dropped = 0
    for fact in facts:
        if fact.id in claimed or fact.hidden or fact.user_data or fact.confirmed:
            continue
        session.delete(fact)
        dropped += 1
    session.flush()
    return dropped

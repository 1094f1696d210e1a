"""Re-extraction that keeps a person's work: fact ids, corrections, hidden flags, the
selection, and the facts a person added.

The new candidates of every article are matched to the facts already held (same type
and block key, then ``same_fact``), so a fact the extractor still finds keeps its id,
and with it everything that points at it: ``user_data`` (corrections), ``hidden``, the
export selection. Its ``data`` and evidence are replaced by the new extraction. Facts
the extractor no longer finds are dropped, unless a person corrected, confirmed or hid
them (a confirmed fact the extractor no longer finds stays, with no source);
facts a person added are never touched except to gain evidence.

A person's merges and splits hold too: a candidate read from a sentence that a
``regrouped`` fact cited goes back to that fact, so two facts a person made one stay one
and evidence split off stays apart, whatever ``same_fact`` says of them now.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.consolidate import block_key, merge, same_fact
from app.extract import Candidate, Extraction
from app.fact_store import add_evidence
from db.models import Article, Evidence, Fact


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _regrouped_sentences(session: Session) -> dict[tuple[int, int], list[int]]:
    """(article id, sentence start) -> the ids of the regrouped facts citing it."""
    rows = session.execute(
        select(Evidence.article_id, Evidence.start, Evidence.fact_id)
        .join(Fact, Fact.id == Evidence.fact_id)
        .where(Fact.regrouped.is_(True))
    )
    out: dict[tuple[int, int], list[int]] = {}
    for article_id, start, fact_id in rows:
        out.setdefault((article_id, start), []).append(fact_id)
    return out


def _regrouped_target(
    cand: Candidate,
    article_id: int,
    regrouped: dict[tuple[int, int], list[int]],
    by_id: dict[int, Fact],
) -> Fact | None:
    """The regrouped fact that cited the candidate's sentence and is of its kind: the same
    fact by ``same_fact``, or one of its block (two visits of one pair and year a person
    made one; not the country or place named in the same sentence as a merged person).
    When several qualify, the one with the same fields."""
    block = block_key(cand)[:256]
    found = [
        by_id[i]
        for ev in cand.evidence
        for i in regrouped.get((article_id, ev.start), ())
        if by_id[i].type == cand.type
        and (by_id[i].block == block or same_fact(cand.type, by_id[i].data, cand.data))
    ]
    if len(found) > 1:
        same = [f for f in found if same_fact(cand.type, f.data, cand.data)]
        found = same or found[:1]
    return found[0] if found else None


def scope_facts(session: Session, extractions: Sequence[tuple[int, Extraction]]) -> list[Fact]:
    """The facts a fresh extraction of some articles can change: those the articles cite
    now, and those in the blocks of the new candidates (``held`` groups of
    :func:`reconcile`), by id."""
    ids = [article_id for article_id, _ in extractions]
    cited = select(Evidence.fact_id).where(Evidence.article_id.in_(ids))
    blocks = {
        (c.type, block_key(c)[:256]) for _, extraction in extractions for c in extraction.facts
    }
    found = {f.id: f for f in session.scalars(select(Fact).where(Fact.id.in_(cited)))}
    by_type: dict[str, set[str]] = {}
    for kind, block in blocks:
        by_type.setdefault(kind, set()).add(block)
    for kind, names in by_type.items():
        listed = sorted(names)
        for start in range(0, len(listed), 500):
            chunk = listed[start : start + 500]
            query = select(Fact).where(Fact.type == kind, Fact.block.in_(chunk))
            found.update((f.id, f) for f in session.scalars(query))
    return [found[i] for i in sorted(found)]


def reconcile(
    session: Session,
    extractions: Sequence[tuple[int, Extraction]],
    whole: bool = True,
    scope: Sequence[Fact] | None = None,
) -> int:
    """Store a fresh extraction of every article over the facts held; returns the
    number of facts dropped because no article gives them any more.

    ``whole=False``: ``extractions`` are some articles only (read again in another
    language, say); the evidence of the others stays, and a fact they still give is
    kept, its fields merged with what is read again rather than replaced. ``scope``: the
    facts :func:`scope_facts` gave for them, when the caller has them already."""
    if whole:
        facts = list(session.scalars(select(Fact).order_by(Fact.id)))
    else:  # only the facts these articles may touch: those they cite, those of their blocks
        facts = list(scope) if scope is not None else scope_facts(session, extractions)
    by_id = {f.id: f for f in facts}
    regrouped = {
        key: [i for i in ids if i in by_id] for key, ids in _regrouped_sentences(session).items()
    }
    if whole:
        session.execute(delete(Evidence))
    else:
        ids = [article_id for article_id, _ in extractions]
        session.execute(delete(Evidence).where(Evidence.article_id.in_(ids)))
    held: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        held.setdefault((fact.type, fact.block), []).append(fact)
    # A person's facts are "claimed" from the start: candidates merge into them (gaining
    # evidence) but never replace their fields; so are facts other articles still give.
    claimed = {f.id for f in facts if f.origin == "user"}
    sources: dict[int, list[str]] = {}
    if not whole:
        for fact_id, name in session.execute(
            select(Evidence.fact_id, Article.file_name)
            .join(Article, Article.id == Evidence.article_id)
            .where(Evidence.fact_id.in_(list(by_id)))
            .distinct()
        ):
            claimed.add(fact_id)
            sources.setdefault(fact_id, []).append(name)
    seen: dict[int, set[tuple[int, int, int]]] = {}
    for article_id, extraction in extractions:
        article = session.get_one(Article, article_id)
        article.date_inferred = extraction.date if extraction.date_inferred else None
        for cand in extraction.facts:
            block = block_key(cand)[:256]
            group = held.setdefault((cand.type, block), [])
            # a person's grouping first, then a fact already found in this run, then an
            # old fact found again (fresh fields, same id)
            target = _regrouped_target(cand, article_id, regrouped, by_id)
            fresh = target is not None and target.id not in claimed
            if target is None:
                target = next(
                    (
                        f
                        for f in group
                        if f.id in claimed and same_fact(cand.type, f.data, cand.data)
                    ),
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
                fresh = target is not None
            if target is not None and fresh:
                target.data = dict(cand.data)
                target.updated_at = _now()
            elif target is not None and target.origin != "user":
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

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

import copy
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.consolidate import block_key, merge, related_blocks, same_fact
from app.extract import Candidate
from app.extract import Evidence as CandidateEvidence
from app.rows import EvidenceRow, FactRow
from db.models import Article, Evidence, Fact


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class _Held:
    """A stored fact (or one new in this article) as the merge sees it."""

    id: int | None
    data: dict[str, Any]
    new: bool = False
    changed: bool = False
    block: str = ""


def store_candidates(
    session: Session, article_id: int, file_name: str, candidates: Iterable[Candidate]
) -> int:
    """Merge ``candidates`` read from the new article ``article_id`` (``file_name``) into
    the stored facts; returns how many facts are new.

    Set-based and in SQLAlchemy Core (no ORM objects, no ORM bulk machinery), since an
    article yields a dozen candidates or more and this runs in the one process that
    stores an import: one query per fact
    type finds the stored facts of the candidates' blocks, one insert writes the new
    facts, one update the merged ones, one insert the evidence rows. (The article is
    new, so none of its sentences can be evidence already.)"""
    keyed = [(cand, block_key(cand)[:256]) for cand in candidates]
    held: dict[tuple[str, str], list[_Held]] = defaultdict(list)
    blocks_by_type: dict[str, set[str]] = defaultdict(set)
    for cand, block in keyed:
        blocks_by_type[cand.type].add(block)
    prefixes_by_type: dict[str, set[str]] = defaultdict(set)
    for cand, _block in keyed:
        for other in related_blocks(cand):
            if other.endswith("|"):
                prefixes_by_type[cand.type].add(other)
            else:
                blocks_by_type[cand.type].add(other)
    seen_ids: set[int] = set()

    def hold(kind: str, rows: Iterable[Any]) -> None:
        for fact_id, fact_block, data in rows:
            if fact_id not in seen_ids:
                seen_ids.add(fact_id)
                held[(kind, fact_block)].append(_Held(fact_id, data or {}, block=fact_block))

    connection = session.connection()
    for kind, blocks in blocks_by_type.items():
        wanted = sorted(blocks)
        for start in range(0, len(wanted), 500):
            # Only the fields are read: evidence is read for a fact only when a merge
            # must name its sources (a fact cited by every article would be read whole).
            query = select(Fact.id, Fact.block, Fact.data).where(
                Fact.type == kind, Fact.block.in_(wanted[start : start + 500])
            )
            hold(kind, connection.execute(query))
    for kind, prefixes in prefixes_by_type.items():
        for prefix in sorted(prefixes):  # a range on the (type, block) index
            query = select(Fact.id, Fact.block, Fact.data).where(
                Fact.type == kind, Fact.block >= prefix, Fact.block < prefix + "\uffff"
            )
            hold(kind, connection.execute(query))

    def held_near(cand: Candidate, block: str) -> list[_Held]:
        """The held facts ``cand`` may be one of: its block's and its related blocks'."""
        out = list(held[(cand.type, block)])
        for other in related_blocks(cand):
            if other.endswith("|"):
                out += [
                    f
                    for (k, b), fs in held.items()
                    if k == cand.type and b.startswith(other)
                    for f in fs
                    if b != block
                ]
            elif other != block:
                out += held[(cand.type, other)]
        return out

    plan: list[tuple[_Held, Candidate, str]] = []
    for cand, block in keyed:
        facts = held_near(cand, block)
        target = next((f for f in facts if same_fact(cand.type, f.data, cand.data)), None)
        if target is None:
            target = _Held(None, dict(cand.data), new=True, block=block)
            held[(cand.type, block)].append(target)
        else:
            sources = (lambda: [file_name]) if target.new else _sources(session, target.id or 0)
            target.data = merge(cand.type, target.data, cand.data, file_name, sources)
            target.changed = not target.new
            # A report that dates an undated fact moves it to the block of its date.
            target.block = block_key(Candidate(cand.type, target.data))[:256]
        plan.append((target, cand, target.block))
    now = _now()
    created: dict[int, tuple[_Held, Candidate, str]] = {}
    for target, cand, block in plan:
        if target.new and id(target) not in created:
            created[id(target)] = (target, cand, block)
    if created:
        rows = [
            {
                "type": c.type,
                "block": t.block or b,
                "data": t.data,
                "created_at": now,
                "updated_at": now,
            }
            for t, c, b in created.values()
        ]
        facts_table = Fact.__table__
        ids = (
            session.connection()
            .execute(
                insert(facts_table).returning(facts_table.c.id, sort_by_parameter_order=True),
                rows,
            )
            .scalars()
            .all()
        )
        for (target, _, _), fact_id in zip(created.values(), ids, strict=True):
            target.id = fact_id
    changed = {id(t): t for t, _, _ in plan if t.changed}
    if changed:
        table = Fact.__table__
        session.connection().execute(
            update(table)
            .where(table.c.id == bindparam("fact_id"))
            .values(
                data=bindparam("data"), block=bindparam("block"), updated_at=bindparam("updated_at")
            ),
            [
                {"fact_id": t.id, "data": t.data, "block": t.block, "updated_at": now}
                for t in changed.values()
            ],
        )
    rows_ev: list[dict[str, Any]] = []
    seen: set[tuple[int, int, int]] = set()
    for target, cand, _ in plan:
        assert target.id is not None
        for ev in cand.evidence:
            if (target.id, ev.start, ev.end) in seen:
                continue
            seen.add((target.id, ev.start, ev.end))
            rows_ev.append(
                {
                    "fact_id": target.id,
                    "article_id": article_id,
                    "start": ev.start,
                    "end": ev.end,
                    "quote": ev.quote,
                }
            )
    if rows_ev:
        session.connection().execute(insert(Evidence.__table__), rows_ev)
    return len(created)


def _sources(session: Session, fact_id: int) -> Callable[[], list[str]]:
    """The file names of the articles citing a stored fact (read only when called)."""

    def sources() -> list[str]:
        return sorted(
            session.scalars(
                select(Article.file_name)
                .join(Evidence, Evidence.article_id == Article.id)
                .where(Evidence.fact_id == fact_id)
                .distinct()
            )
        )

    return sources


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


def effective_data(data: dict[str, Any] | None, user_data: dict[str, Any] | None) -> dict[str, Any]:
    """A fact's fields with a person's corrections applied."""
    return {**(data or {}), **(user_data or {})}


def load_facts(
    session: Session,
    types: Sequence[str] | None = None,
    ids: Sequence[int] | None = None,
    include_hidden: bool = False,
    review: str | None = None,
) -> list[FactRow]:
    """Stored facts in id order; facts a person hid only when ``include_hidden``;
    ``review="rejected"``: only those, ``"unreviewed"``: only the extracted facts nobody
    confirmed, rejected or corrected (narrowed by the query, not after loading all).

    Read as plain rows (two queries on the connection: no ORM objects, nor the ORM's
    handling of result rows): the window loads every fact of the library, and building
    ORM objects for them and their evidence took most of it."""
    query = select(
        Fact.id, Fact.type, Fact.data, Fact.user_data, Fact.origin, Fact.hidden, Fact.confirmed
    )
    if types:
        query = query.where(Fact.type.in_(types))
    if ids is not None:
        query = query.where(Fact.id.in_(ids))
    if review == "rejected":
        query = query.where(Fact.hidden.is_(True))
    elif not include_hidden:
        query = query.where(Fact.hidden.is_not(True))
    if review == "unreviewed":
        query = query.where(Fact.confirmed.is_not(True), Fact.origin != "user")
    connection = session.connection()
    facts = connection.execute(query.order_by(Fact.id)).all()
    evidence: dict[int, list[EvidenceRow]] = defaultdict(list)
    wanted = [f.id for f in facts]
    rows = (
        select(
            Evidence.fact_id,
            Evidence.article_id,
            Article.file_name,
            Evidence.start,
            Evidence.end,
            Evidence.quote,
        )
        .join(Article, Article.id == Evidence.article_id)
        .order_by(Evidence.fact_id, Evidence.article_id, Evidence.start)
    )
    if types or ids is not None or review:
        for start in range(0, len(wanted), 30_000):
            chunk = wanted[start : start + 30_000]
            found = connection.execute(rows.where(Evidence.fact_id.in_(chunk)))
            for fact_id, article_id, file_name, start_at, end, quote in found:
                evidence[fact_id].append(EvidenceRow(article_id, file_name, start_at, end, quote))
    elif wanted:
        for fact_id, article_id, file_name, start_at, end, quote in connection.execute(rows):
            evidence[fact_id].append(EvidenceRow(article_id, file_name, start_at, end, quote))
    rows_out = [
        FactRow(
            id=f.id,
            type=f.type,
            data=effective_data(f.data, f.user_data),
            evidence=tuple(evidence.get(f.id, ())),
            origin=f.origin or "extracted",
            hidden=bool(f.hidden),
            edited=tuple(sorted(f.user_data or {})),
            confirmed=bool(f.confirmed),
        )
        for f in facts
    ]
    if review == "unreviewed":  # a correction may be stored as JSON null: told here
        rows_out = [f for f in rows_out if f.review == "unreviewed"]
    return rows_out


def drop_orphans(session: Session) -> int:
    """Delete extracted facts left without any evidence (after their articles went
    away); facts a person added or confirmed are kept (shown as having no source)."""
    orphans = session.scalars(
        select(Fact).where(~Fact.evidence.any(), Fact.origin != "user", Fact.confirmed.is_not(True))
    ).all()
    for fact in orphans:
        session.delete(fact)
    return len(orphans)


def table_rows(session: Session, table: Any, where: Any) -> list[dict[str, Any]]:
    """The rows of a table (``Model.__table__``) matching ``where``, each a dict of its
    columns (deep copies: what an undo puts back as it was)."""
    return [
        copy.deepcopy(dict(r._mapping))
        for r in session.connection().execute(select(table).where(where))
    ]

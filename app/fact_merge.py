"""Merging two facts that are one, and splitting evidence off into a fact of its own —
each with an exact undo.

``merge`` moves the second fact's evidence to the first, merges their fields the way
the consolidator does (the first's win, disagreements kept as conflicts), keeps a
person's corrections and confirmation, puts the first where the second stood in the
selection, and deletes the second. ``split`` moves the evidence of some articles to a
new fact with the same fields. Both return a :class:`Snapshot` of what they changed,
and ``restore`` puts it back as it was: the same ids, fields, evidence and selection.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import selection
from app.consolidate import block_key, merge
from app.extract.model import Candidate
from app.fact_edits import FactEditError
from db.models import Article, Evidence, Fact

_COLUMNS = (
    "type",
    "block",
    "data",
    "created_at",
    "updated_at",
    "origin",
    "hidden",
    "user_data",
    "confirmed",
    "regrouped",
)


@dataclass
class Snapshot:
    """What a merge or split changed: facts as they were (by id; None: it did not
    exist), the evidence rows it moved (row id -> fact id before), the selection."""

    facts: dict[int, dict[str, Any] | None] = field(default_factory=dict)
    evidence: dict[int, int] = field(default_factory=dict)
    selection: list[int] = field(default_factory=list)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _columns(fact: Fact) -> dict[str, Any]:
    return {c: copy.deepcopy(getattr(fact, c)) for c in _COLUMNS}


def _get(session: Session, fact_id: int) -> Fact:
    fact = session.get(Fact, fact_id)
    if fact is None or fact.hidden:
        raise FactEditError(f"there is no fact {fact_id}")
    return fact


def _sources(session: Session, fact_id: int) -> list[str]:
    rows = session.scalars(
        select(Article.file_name)
        .join(Evidence, Evidence.article_id == Article.id)
        .where(Evidence.fact_id == fact_id)
        .distinct()
    )
    return sorted(rows)


def merge_facts(session: Session, keep_id: int, other_id: int) -> Snapshot:
    """Make ``other_id`` part of ``keep_id`` (see the module's docstring)."""
    if keep_id == other_id:
        raise FactEditError("choose two different facts to merge")
    keep, other = _get(session, keep_id), _get(session, other_id)
    if keep.type != other.type:
        raise FactEditError(f"a {keep.type} fact and a {other.type} fact cannot be one fact")
    snap = Snapshot(
        facts={keep_id: _columns(keep), other_id: _columns(other)},
        selection=selection.selection_ids(session),
    )
    moved = session.scalars(select(Evidence.id).where(Evidence.fact_id == other_id)).all()
    snap.evidence = dict.fromkeys(moved, other_id)
    other_sources = _sources(session, other_id)
    keep.data = merge(
        keep.type,
        keep.data,
        other.data,
        ", ".join(other_sources) or f"fact {other_id}",
        lambda: _sources(session, keep_id),
    )
    keep.user_data = {**(other.user_data or {}), **(keep.user_data or {})} or None
    keep.confirmed = bool(keep.confirmed or other.confirmed)
    keep.regrouped = True  # re-extraction keeps the two as one
    if keep.origin != "user" and other.origin == "user":
        keep.origin = "user"  # a person's fact absorbs the extractor's: never dropped
    keep.block = block_key(Candidate(keep.type, keep.data))[:256]
    keep.updated_at = _now()
    session.execute(update(Evidence).where(Evidence.fact_id == other_id).values(fact_id=keep_id))
    order = snap.selection
    if other_id in order:
        wanted = [keep_id if i == other_id else i for i in order]
        selection.clear(session)
        session.flush()
        selection.add(session, list(dict.fromkeys(wanted)))
    session.delete(other)
    session.flush()
    return snap


def split_fact(session: Session, fact_id: int, article_ids: Sequence[int]) -> tuple[int, Snapshot]:
    """Move the evidence of ``article_ids`` to a new fact with the same fields; returns
    its id. The fact keeps the evidence of its other articles."""
    fact = _get(session, fact_id)
    rows = session.scalars(select(Evidence).where(Evidence.fact_id == fact_id)).all()
    moving = [e for e in rows if e.article_id in set(article_ids)]
    if not moving:
        raise FactEditError(f"fact {fact_id} cites none of those articles")
    if len(moving) == len(rows):
        raise FactEditError("a split leaves the fact at least one article of its own")
    data = {k: v for k, v in fact.data.items() if k != "conflicts"}
    new = Fact(
        type=fact.type,
        block=block_key(Candidate(fact.type, data))[:256],
        data=data,
        origin="extracted",
        hidden=False,
        user_data=None,
        confirmed=False,
        regrouped=True,  # re-extraction keeps the two apart
        created_at=_now(),
        updated_at=_now(),
    )
    session.add(new)
    session.flush()
    snap = Snapshot(
        facts={new.id: None, fact_id: _columns(fact)}, selection=selection.selection_ids(session)
    )
    fact.regrouped = True
    for row in moving:
        snap.evidence[row.id] = fact_id
        row.fact_id = new.id
    session.flush()
    return new.id, snap


def restore(session: Session, snap: Snapshot) -> None:
    """Put back what a merge or split changed."""
    for fact_id, columns in snap.facts.items():
        fact = session.get(Fact, fact_id)
        if columns is None:  # made by the change: its evidence goes back first
            continue
        if fact is None:
            session.add(Fact(id=fact_id, **columns))
        else:
            for name, value in columns.items():
                setattr(fact, name, value)
    session.flush()
    for evidence_id, fact_id in snap.evidence.items():
        session.execute(update(Evidence).where(Evidence.id == evidence_id).values(fact_id=fact_id))
    session.flush()
    for fact_id, columns in snap.facts.items():
        if columns is None:
            made = session.get(Fact, fact_id)
            if made is not None:
                session.delete(made)
    session.flush()
    selection.clear(session)
    session.flush()
    selection.add(session, snap.selection)

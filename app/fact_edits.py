"""A person's own work on facts: correcting fields, hiding a wrong fact, adding one.

Corrections of an extracted fact go to ``user_data`` (they override the extractor's
``data`` when read and exported, and survive re-extraction and re-import); a fact a
person added (``origin == "user"``) keeps its fields in ``data`` itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.consolidate import block_key
from app.extract.model import FACT_TYPES, Candidate
from db.models import Article, Evidence, Fact

RESERVED = {"id", "evidence", "conflicts"}


class FactEditError(ValueError):
    """An edit that cannot be made; the message says why."""


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _check_fields(fields: Mapping[str, Any]) -> None:
    bad = sorted(set(fields) & RESERVED)
    if bad:
        raise FactEditError(f"these fields cannot be edited: {', '.join(bad)}")
    if not all(isinstance(k, str) and k for k in fields):
        raise FactEditError("field names must be non-empty text")


def _get(session: Session, fact_id: int) -> Fact:
    fact = session.get(Fact, fact_id)
    if fact is None:
        raise FactEditError(f"there is no fact {fact_id}")
    return fact


def edit_fact(session: Session, fact_id: int, fields: Mapping[str, Any]) -> None:
    """Correct fields of a fact; a value of None takes back the correction of that
    field (for an added fact: removes the field)."""
    _check_fields(fields)
    fact = _get(session, fact_id)
    if fact.origin == "user":
        data = {**fact.data, **fields}
        fact.data = {k: v for k, v in data.items() if v is not None}
        fact.block = block_key(Candidate(fact.type, fact.data))[:256]
    else:
        corrected = {**(fact.user_data or {}), **fields}
        kept = {k: v for k, v in corrected.items() if v is not None}
        fact.user_data = kept or None
    fact.updated_at = _now()


def hide_fact(session: Session, fact_id: int, hidden: bool = True) -> None:
    fact = _get(session, fact_id)
    fact.hidden = hidden
    fact.updated_at = _now()


def confirm_fact(session: Session, fact_id: int, confirmed: bool = True) -> None:
    """A person checked the fact against its sources: right (or, False, take that back)."""
    fact = _get(session, fact_id)
    fact.confirmed = confirmed
    fact.updated_at = _now()


def add_fact(
    session: Session,
    type: str,
    data: Mapping[str, Any],
    evidence: Sequence[tuple[int, int, int]] = (),
) -> int:
    """Add a fact by hand, citing ``evidence`` (article id, start, end: the sentences it
    was read from, if any); returns its id."""
    if type not in FACT_TYPES:
        raise FactEditError(f"unknown fact type {type!r} (one of {', '.join(FACT_TYPES)})")
    _check_fields(data)
    fields = {k: v for k, v in data.items() if v is not None}
    if not fields:
        raise FactEditError("a fact needs at least one field")
    fact = Fact(
        type=type,
        block=block_key(Candidate(type, fields))[:256],
        data=fields,
        origin="user",
        hidden=False,
        created_at=_now(),
        updated_at=_now(),
    )
    session.add(fact)
    session.flush()
    for article_id, start, end in evidence:
        article = session.get(Article, article_id)
        if article is None:
            raise FactEditError(f"there is no article {article_id}")
        if not 0 <= start < end <= len(article.text):
            raise FactEditError(f"{start}-{end} is not a span of {article.file_name}")
        session.add(
            Evidence(
                fact_id=fact.id,
                article_id=article_id,
                start=start,
                end=end,
                quote=article.text[start:end],
            )
        )
    return fact.id


def delete_added_fact(session: Session, fact_id: int) -> None:
    """Delete a fact a person added (the undo of adding it); an extracted fact is
    rejected instead, never deleted."""
    fact = _get(session, fact_id)
    if fact.origin != "user":
        raise FactEditError(f"fact {fact_id} was read from articles: reject it instead")
    session.delete(fact)

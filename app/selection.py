"""The user's selection of facts for export: ordered, kept in the library across restarts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db.models import Fact, SelectionItem


def selection_ids(session: Session) -> list[int]:
    return list(session.scalars(select(SelectionItem.fact_id).order_by(SelectionItem.position)))


def add(session: Session, fact_ids: Iterable[int]) -> list[int]:
    """Append facts (those not yet selected, that exist) at the end; returns the added ids."""
    held = set(selection_ids(session))
    wanted = [i for i in dict.fromkeys(fact_ids) if i not in held]
    existing = set(session.scalars(select(Fact.id).where(Fact.id.in_(wanted)))) if wanted else set()
    position = session.scalar(select(func.max(SelectionItem.position))) or 0
    added = []
    now = datetime.now(UTC).replace(tzinfo=None)
    for fact_id in wanted:
        if fact_id in existing:
            position += 1
            session.add(SelectionItem(fact_id=fact_id, position=position, added_at=now))
            added.append(fact_id)
    return added


def remove(session: Session, fact_ids: Iterable[int]) -> None:
    session.execute(delete(SelectionItem).where(SelectionItem.fact_id.in_(list(fact_ids))))


def clear(session: Session) -> None:
    session.execute(delete(SelectionItem))


def reorder(session: Session, fact_ids: Sequence[int]) -> None:
    """Put the selection in the order of ``fact_ids`` (ids not listed keep their order, after)."""
    items = {i.fact_id: i for i in session.scalars(select(SelectionItem))}
    order = [i for i in dict.fromkeys(fact_ids) if i in items]
    order += [i for i in selection_ids(session) if i not in set(order)]
    for position, fact_id in enumerate(order, 1):
        items[fact_id].position = position

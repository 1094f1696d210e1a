"""Deleting articles so that the deletion can be undone exactly.

``remove`` deletes the articles, their evidence and the facts left without evidence
(those a person added or confirmed stay, with no source: ``fact_store.drop_orphans``),
after taking a :class:`Removal` of every row it will touch; ``restore`` puts those rows
back with their ids, so the facts, their evidence and the selection are as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app import selection
from app.fact_store import drop_orphans, table_rows
from db.models import Article, Evidence, Fact


@dataclass
class Removal:
    """The rows a deletion removed, as plain column values."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    selection: list[int] = field(default_factory=list)

    @property
    def article_ids(self) -> list[int]:
        return [a["id"] for a in self.articles]

    @property
    def fact_ids(self) -> set[int]:
        return {e["fact_id"] for e in self.evidence}


def remove(session: Session, article_ids: Sequence[int]) -> Removal:
    """Delete the articles (see the module's docstring); what to give ``restore``."""
    ids = sorted(set(article_ids))
    articles, evidence, facts = Article.__table__, Evidence.__table__, Fact.__table__
    gone = Removal(
        articles=table_rows(session, articles, articles.c.id.in_(ids)),
        evidence=table_rows(session, evidence, evidence.c.article_id.in_(ids)),
        selection=selection.selection_ids(session),
    )
    cited = sorted(gone.fact_ids)
    gone.facts = table_rows(session, facts, facts.c.id.in_(cited)) if cited else []
    session.execute(delete(Article).where(Article.id.in_(ids)))
    session.execute(delete(Evidence).where(Evidence.article_id.in_(ids)))
    session.flush()
    drop_orphans(session)
    session.flush()
    held = set(session.scalars(select(Fact.id).where(Fact.id.in_(cited)))) if cited else set()
    gone.facts = [f for f in gone.facts if f["id"] not in held]  # only those dropped
    return gone


def restore(session: Session, gone: Removal) -> None:
    """Put back what ``remove`` deleted: articles, dropped facts, evidence, selection.
    Ids are never reused (migration 0007), so nothing imported since holds theirs; an
    article imported again since it was deleted is the one thing in the way (told)."""
    from app.fact_edits import FactEditError

    digests = [a["sha256"] for a in gone.articles]
    again = set(session.scalars(select(Article.file_name).where(Article.sha256.in_(digests))))
    if again:
        names = ", ".join(sorted(again))
        raise FactEditError(
            f"{names} was imported again after it was deleted; delete that copy first to "
            "bring back the one deleted"
        )
    connection = session.connection()
    if gone.articles:
        connection.execute(insert(Article.__table__), gone.articles)
    if gone.facts:
        connection.execute(insert(Fact.__table__), gone.facts)
    if gone.evidence:
        connection.execute(insert(Evidence.__table__), gone.evidence)
    selection.clear(session)
    session.flush()
    selection.add(session, gone.selection)

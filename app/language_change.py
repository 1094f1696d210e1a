"""A person's correction of an article's language, with an exact undo.

The article's facts are read again in the new language (``reconcile`` over that article
alone); what that can change is known beforehand: the facts the article cites and those
in the blocks of the new candidates (``reconcile.scope_facts``). Their rows and evidence,
the selection and the article's own fields are kept in a :class:`LanguageChange`, and
:func:`restore` puts them back as they were: the same ids, fields, evidence, selection,
and no fact the change made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app import selection
from app.extract import Extraction
from app.fact_store import table_rows
from app.reconcile import reconcile, scope_facts
from db.models import Article, Evidence, Fact


@dataclass
class LanguageChange:
    """What a language change replaced (see the module's docstring)."""

    article_id: int
    language: str | None = None
    date_inferred: str | None = None
    facts: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    selection: list[int] = field(default_factory=list)

    @property
    def fact_ids(self) -> set[int]:
        return {f["id"] for f in self.facts}


def change(
    session: Session, article_id: int, language: str, extraction: Extraction
) -> LanguageChange:
    """Set the article's language and store ``extraction`` (its facts read in that
    language) over what it gave before; returns what :func:`restore` needs."""
    article = session.get_one(Article, article_id)
    scope = scope_facts(session, [(article_id, extraction)])
    ids = [f.id for f in scope]
    facts, evidence = Fact.__table__, Evidence.__table__
    snap = LanguageChange(
        article_id,
        article.language,
        article.date_inferred,
        table_rows(session, facts, facts.c.id.in_(ids)) if ids else [],
        table_rows(session, evidence, evidence.c.fact_id.in_(ids)) if ids else [],
        selection.selection_ids(session),
    )
    article.language = language
    session.flush()
    reconcile(session, [(article_id, extraction)], whole=False, scope=scope)
    session.flush()
    return snap


def restore(session: Session, snap: LanguageChange) -> set[int]:
    """Put back what :func:`change` replaced; returns the ids of the facts it touched
    (to index again)."""
    made = (
        set(session.scalars(select(Evidence.fact_id).where(Evidence.article_id == snap.article_id)))
        - snap.fact_ids
    )
    if made:
        session.execute(delete(Fact).where(Fact.id.in_(sorted(made))))
    held = set(snap.fact_ids)
    session.execute(
        delete(Evidence).where(
            Evidence.fact_id.in_(sorted(held)) | (Evidence.article_id == snap.article_id)
        )
    )
    present = set(session.scalars(select(Fact.id).where(Fact.id.in_(sorted(held)))))
    for row in snap.facts:
        if row["id"] in present:
            values = {k: v for k, v in row.items() if k != "id"}
            session.execute(update(Fact).where(Fact.id == row["id"]).values(**values))
        else:
            session.execute(insert(Fact.__table__), [row])
    if snap.evidence:
        session.execute(insert(Evidence.__table__), snap.evidence)
    session.execute(
        update(Article)
        .where(Article.id == snap.article_id)
        .values(language=snap.language, date_inferred=snap.date_inferred)
    )
    selection.clear(session)
    session.flush()
    selection.add(session, snap.selection)
    session.flush()
    return held | made

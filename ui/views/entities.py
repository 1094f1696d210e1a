"""The People & organisations view: entities with the facts and articles naming them
(counted for the rows on screen: ``app.related.facts_naming``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.related import Lookup, articles_naming, facts_naming
from app.rows import FactRow
from app.view_columns import ENTITIES
from ui.views.base import FactPage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

FACTS, ARTICLES = ENTITIES.column("Facts"), ENTITIES.column("Articles")


class EntitiesPage(FactPage):
    spec = ENTITIES

    def live_values(self, session: Session, facts: list[FactRow]) -> dict[int, dict[int, Any]]:
        lookup = Lookup(session)
        out = {}
        for entity in facts:
            naming = facts_naming(lookup, entity)
            articles = articles_naming(lookup, entity, naming)
            out[entity.id] = {FACTS: len(naming), ARTICLES: len(articles)}
        return out

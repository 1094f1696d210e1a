"""The People & organisations view: entities with the facts and articles naming them."""

from __future__ import annotations

from collections.abc import Sequence

from app.name_spelling import display_name
from app.rows import FactRow
from app.views import text
from ui.fact_table import Column
from ui.views.base import FactPage


class EntitiesPage(FactPage):
    title = "People & organisations"
    fact_types = ("entities",)

    def _facts(self, fact: FactRow) -> int | None:
        """None (an empty cell) while the facts naming it are still being found."""
        data = self.source
        return len(data.entity_fact_ids(fact.id)) if data.entities_linked else None

    def _articles(self, fact: FactRow) -> int | None:
        data = self.source
        return len(data.entity_article_ids(fact.id)) if data.entities_linked else None

    def columns(self) -> Sequence[Column]:
        return [
            Column("Name", lambda f: display_name(f.data), width=220),
            Column("Kind", lambda f: text(f.data.get("kind")), width=100),
            Column("Also called", lambda f: text(f.data.get("aliases")), width=160),
            Column("Facts", self._facts, width=60),
            Column("Articles", self._articles, width=60),
        ]

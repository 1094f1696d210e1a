"""The Agreements view: date, title, kind, areas, count and the visit each belongs to."""

from __future__ import annotations

from collections.abc import Sequence

from app.rows import FactRow
from app.views import text
from ui.fact_table import Column, confidence_column
from ui.views.base import FactPage


class AgreementsPage(FactPage):
    title = "Agreements"
    fact_types = ("agreements",)

    def _visit(self, fact: FactRow) -> str:
        data = self.source
        visit_id = data.visit_of.get(fact.id)
        return data.label(visit_id) if visit_id is not None else ""

    def columns(self) -> Sequence[Column]:
        def count(f: FactRow) -> str:
            more = "more than " if f.data.get("count_qualifier") == "more_than" else ""
            return f"{more}{text(f.data.get('count') or 1)}"

        return [
            Column(
                "Date",
                lambda f: text(f.data.get("date")),
                lambda f: text(f.data.get("date")),  # undated: last either way
                90,
            ),
            Column("Title", lambda f: text(f.data.get("title")), width=180, main=True),
            Column("Kind", lambda f: text(f.data.get("kind")), width=90),
            Column("Areas", lambda f: text(f.data.get("areas")), width=160),
            Column("Count", count, lambda f: f.data.get("count") or 1, 110),
            Column("Visit", self._visit, width=200),
            confidence_column(),
        ]

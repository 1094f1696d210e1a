"""The Agreements view: date, title, kind, areas, count and the visit each belongs to
(found for the rows on screen: ``app.related.containing_visit``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.related import Lookup, containing_visit
from app.rows import FactRow
from app.view_columns import AGREEMENTS
from app.views import fact_label
from ui.views.base import FactPage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

VISIT = AGREEMENTS.column("Visit")


class AgreementsPage(FactPage):
    spec = AGREEMENTS

    def live_values(self, session: Session, facts: list[FactRow]) -> dict[int, dict[int, Any]]:
        lookup = Lookup(session)
        out = {}
        for fact in facts:
            visit = containing_visit(lookup, fact)
            out[fact.id] = {VISIT: fact_label(visit) if visit is not None else ""}
        return out

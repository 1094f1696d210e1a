"""The Missions view: each country's embassies and consulates in the other, by city."""

from __future__ import annotations

from collections.abc import Sequence

from app.views import source_count, text
from ui.fact_table import Column, confidence_column
from ui.views.base import FactPage


class MissionsPage(FactPage):
    title = "Missions"
    fact_types = ("missions",)

    def columns(self) -> Sequence[Column]:
        return [
            Column(
                "Country",
                lambda f: text(f.data.get("country")),
                lambda f: f"{text(f.data.get('country'))}/{text(f.data.get('city'))}",
                80,
            ),
            Column("In", lambda f: text(f.data.get("host_country")), width=60),
            Column("City", lambda f: text(f.data.get("city")), width=140),
            Column("Kind", lambda f: text(f.data.get("kind")).replace("_", " "), width=160),
            Column("Sources", source_count, width=60),
            confidence_column(),
        ]

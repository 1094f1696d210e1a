"""The Missions view: each country's embassies and consulates in the other, by city."""

from __future__ import annotations

from app.view_columns import MISSIONS
from ui.views.base import FactPage


class MissionsPage(FactPage):
    spec = MISSIONS

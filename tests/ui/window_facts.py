"""What tests read of a window's library beside the window: the facts of a type, the
timeline's rows, the facts naming an entity (the window itself reads only what it
shows)."""

from __future__ import annotations

from app.related import Lookup, facts_naming
from app.rows import FactRow
from app.views import TimelineRow
from db import queries
from ui.main_window import MainWindow


def of_type(win: MainWindow, fact_type: str) -> list[FactRow]:
    """The library's facts of a type, rejected ones left out."""
    return win.library.facts([fact_type])


def timeline(win: MainWindow) -> list[TimelineRow]:
    """Every row of the Timeline, unfiltered, oldest first."""
    found = win.library.read(lambda s: queries.timeline(s.connection()))
    return [TimelineRow(d[:4], d, i, t, label, review) for d, i, t, label, review in found]


def naming(win: MainWindow, entity_id: int) -> list[int]:
    """The facts naming an entity."""

    def read(session: object) -> list[int]:
        lookup = Lookup(session)  # type: ignore[arg-type]
        entity = lookup.fact(entity_id)
        return facts_naming(lookup, entity) if entity is not None else []

    return win.library.read(read)  # type: ignore[arg-type]


def all_facts(win: MainWindow) -> list[FactRow]:
    """Every fact of the library, rejected ones left out."""
    return win.library.facts()

"""Small things a new user notices: Up and Down are off while the selection has nothing
to reorder; the Visits view's Kind column says the kind (empty when no article says it)
and a Status column says held or planned."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT
from tests.ui.window_facts import all_facts
from ui.main_window import MainWindow


def _column(page, title: str) -> int:  # type: ignore[no-untyped-def]
    model = page.table.table.model()
    return next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == title
    )


def test_up_and_down_are_off_until_there_is_something_to_reorder(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    panel = seeded.selection_panel
    assert not panel.up_button.isEnabled() and not panel.down_button.isEnabled()
    first, second = sorted(f.id for f in all_facts(seeded))[:2]
    with qtbot.waitSignal(seeded.selection.changed, timeout=TIMEOUT):
        seeded.selection.add([first])
    assert not panel.up_button.isEnabled()  # one fact: nowhere to move it
    with qtbot.waitSignal(seeded.selection.changed, timeout=TIMEOUT):
        seeded.selection.add([second])
    assert panel.up_button.isEnabled() and panel.down_button.isEnabled()


def test_the_visits_kind_column_says_the_kind_and_status_its_own_column(
    seeded: MainWindow,
) -> None:
    page = next(p for p in seeded.pages if p.fact_types == ("visits",))
    model = page.table.table.model()
    kind, status = _column(page, "Kind"), _column(page, "Status")
    rows = range(model.rowCount())
    kinds = {model.index(r, kind).data() for r in rows}
    statuses = {model.index(r, status).data() for r in rows}
    assert not kinds & {"held", "planned"}
    assert statuses <= {"held", "planned"} and "planned" in statuses


def test_the_visits_strip_says_loading_until_the_visits_are_there(qtbot: QtBot) -> None:
    from ui.views.visits import TimelineStrip

    strip = TimelineStrip()
    qtbot.addWidget(strip)
    strip.resize(400, 72)
    assert not strip.loaded  # painted as "Loading the visits…"
    strip.set_marks([])
    assert strip.loaded  # now "No dated visits" is true

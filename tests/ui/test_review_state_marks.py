"""Every view marks a fact's review state with an icon and filters by it: a person who
confirmed some facts finds them, and only them, under State › Confirmed; the Timeline
does the same."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT
from ui.fact_table import FactIdRole
from ui.main_window import MainWindow
from ui.review_marks import state_icon


def _choose(qtbot: QtBot, page, state: str) -> None:  # type: ignore[no-untyped-def]
    """Choose a review state in a view's State filter; the rows are read again (in a
    worker) and shown."""
    table = getattr(page, "table", None)
    box = table.state_box if table is not None else page.state_box
    if table is not None:
        with qtbot.waitSignal(table.rows_shown, timeout=TIMEOUT):
            box.setCurrentIndex(box.findData(state))
    else:
        passes = page.model.passes
        box.setCurrentIndex(box.findData(state))
        qtbot.waitUntil(lambda: page.model.passes > passes, timeout=TIMEOUT)


def _table_ids(page) -> list[int]:  # type: ignore[no-untyped-def]
    model = page.table.table.model()
    return [model.index(r, 1).data(FactIdRole) for r in range(model.rowCount())]


def _timeline_ids(page) -> list[int]:  # type: ignore[no-untyped-def]
    model, out = page.model, []
    for y in range(model.rowCount()):
        year = model.index(y, 0)
        out += [model.index(r, 0, year).data(FactIdRole) for r in range(model.rowCount(year))]
    return out


def _confirm(qtbot: QtBot, win: MainWindow, ids: list[int]) -> None:
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        win.review_facts(ids, "confirm")
    win.fill_all_views()


def test_a_view_marks_and_filters_facts_by_review_state(qtbot: QtBot, seeded: MainWindow) -> None:
    win = seeded
    page = next(p for p in win.pages if p.fact_types == ("statistics",))
    every = _table_ids(page)
    assert len(every) >= 3
    _confirm(qtbot, win, every[:2])

    column = next(
        c
        for c in range(page.table.table.model().columnCount())
        if page.table.table.model().headerData(c, Qt.Orientation.Horizontal) == "Confidence"
    )
    model = page.table.table.model()
    icons = {
        model.index(r, 1).data(FactIdRole): model.index(r, column).data(
            Qt.ItemDataRole.DecorationRole
        )
        for r in range(model.rowCount())
    }
    confirmed, unreviewed = state_icon("confirmed"), state_icon("unreviewed")
    assert confirmed.cacheKey() != unreviewed.cacheKey()
    assert all(icons[i].cacheKey() == confirmed.cacheKey() for i in every[:2])
    assert all(icons[i].cacheKey() == unreviewed.cacheKey() for i in every[2:])

    _choose(qtbot, page, "confirmed")
    assert sorted(_table_ids(page)) == sorted(every[:2])
    _choose(qtbot, page, "unreviewed")
    assert sorted(_table_ids(page)) == sorted(every[2:])
    page.table.filter_box.setText("no such words anywhere")
    qtbot.waitUntil(lambda: _table_ids(page) == [])  # the two filters hold together
    page.table.filter_box.clear()
    # Opening a fact the state filter hides shows it (the filter is lifted).
    assert page.select_fact(every[0])
    assert page.table.state_box.currentData() == ""
    assert page.current_fact_id() == every[0]


def test_the_timeline_marks_and_filters_by_review_state(qtbot: QtBot, seeded: MainWindow) -> None:
    win = seeded
    timeline = next(p for p in win.pages if p.title == "Timeline")
    every = _timeline_ids(timeline)
    assert len(every) >= 3
    _confirm(qtbot, win, [every[0]])
    _choose(qtbot, timeline, "confirmed")
    assert _timeline_ids(timeline) == [every[0]]
    year = timeline.model.index(0, 0)
    cell = timeline.model.index(0, 1, year)
    assert cell.data(Qt.ItemDataRole.DecorationRole).cacheKey() == (
        state_icon("confirmed").cacheKey()
    )
    assert "Confirmed" in cell.data(Qt.ItemDataRole.ToolTipRole)
    _choose(qtbot, timeline, "")
    assert sorted(_timeline_ids(timeline)) == sorted(every)

"""The Visits view's timeline strip marks the visits its filter lets through: typing in
the filter box, or choosing a review state, takes the other visits off the strip."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT
from ui.fact_table import FactIdRole
from ui.main_window import MainWindow
from ui.views.visits import VisitsPage


def _rows(page: VisitsPage) -> set[int]:
    model = page.table.model
    return {model.index(r, 1).data(FactIdRole) for r in range(model.rowCount())}


def _dated(page: VisitsPage, ids: set[int]) -> set[int]:
    return {i for i in ids if page.data.facts[i].data.get("start")}


def test_the_strip_follows_the_filter_box_and_the_state_filter(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    page = seeded.pages[0]
    assert isinstance(page, VisitsPage)
    strip = page.strip
    every = _dated(page, _rows(page))
    assert len(every) >= 3 and set(strip.shown_ids()) == every

    qtbot.keyClicks(page.table.filter_box, "2025")
    qtbot.waitUntil(lambda: page.table.model.rowCount() < len(every))  # once typing pauses
    kept = _dated(page, _rows(page))
    assert kept and set(strip.shown_ids()) == kept != every
    hidden = next(iter(every - kept))
    # the hidden visit's mark is gone: a click where it was selects nothing
    day = next(d for d, i, _ in strip._all if i == hidden)
    page.table.table.clearSelection()
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(round(strip._x(day)), 40))
    assert page.current_fact_id() != hidden

    with qtbot.waitSignal(page.table.rows_shown, timeout=TIMEOUT):
        page.table.filter_box.clear()  # an emptied box reads every visit at once
    assert set(strip.shown_ids()) == every

    confirmed = page.table.state_box.findData("confirmed")
    with qtbot.waitSignal(page.table.rows_shown, timeout=TIMEOUT):
        page.table.state_box.setCurrentIndex(confirmed)  # no visit is confirmed yet
    assert strip.shown_ids() == [] and page.table.model.rowCount() == 0
    image = strip.grab().toImage()
    assert image.width() > 0
    with qtbot.waitSignal(page.table.rows_shown, timeout=TIMEOUT):
        page.table.state_box.setCurrentIndex(0)
    assert set(strip.shown_ids()) == every


def test_a_reload_keeps_the_strip_filtered(qtbot: QtBot, seeded: MainWindow) -> None:
    page = seeded.pages[0]
    every = set(page.strip.shown_ids())
    with qtbot.waitSignal(page.table.rows_shown, timeout=TIMEOUT):
        page.table.filter_box.setText("2025")
        page.table.filter.flush()
    kept = set(page.strip.shown_ids())
    assert kept and kept != every
    with qtbot.waitSignal(seeded.views_shown, timeout=TIMEOUT):
        seeded.reload()
    assert set(page.strip.shown_ids()) == kept

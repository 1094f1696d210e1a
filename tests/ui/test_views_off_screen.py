"""Views off screen read nothing: a view clicked past before its rows were read reads
them when it is shown again, so the view in front never waits behind it."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT
from ui.main_window import MainWindow
from ui.tasks import QUERY, rows_pool, run_task
from ui.views.base import FactPage


def _page(win: MainWindow, title: str) -> FactPage:
    page = next(p for p in win.pages if p.title == title)
    assert isinstance(page, FactPage)
    return page


def test_views_clicked_past_read_their_rows_only_when_shown_again(
    seeded: MainWindow, qtbot: QtBot
) -> None:
    win = seeded
    agreements, missions = _page(win, "Agreements"), _page(win, "Missions")
    statistics = _page(win, "Statistics")
    held = agreements.table.model.rowCount()
    assert held > 0 and missions.table.model.rowCount() > 0
    with qtbot.waitSignal(win.data_loaded, timeout=TIMEOUT):
        win.reload()  # the views off screen are to read their rows again when shown
    before = agreements.reads, missions.reads
    gate = threading.Event()
    # the thread reading rows is busy while a person clicks through three tabs
    busy = run_task(lambda _ctx: gate.wait(10), pool=rows_pool(), priority=QUERY + 1)
    try:
        win.tabs.setCurrentWidget(agreements)
        win.tabs.setCurrentWidget(missions)
        with qtbot.waitSignal(statistics.table.rows_shown, timeout=TIMEOUT):
            win.tabs.setCurrentWidget(statistics)
            gate.set()
    finally:
        gate.set()
        busy.wait(10)
    qtbot.waitUntil(lambda: rows_pool().activeThreadCount() == 0, timeout=TIMEOUT)
    assert (agreements.reads, missions.reads) == before  # clicked past: nothing read
    with qtbot.waitSignal(agreements.table.rows_shown, timeout=TIMEOUT):
        win.tabs.setCurrentWidget(agreements)  # shown again: its rows are read now
    assert agreements.reads == before[0] + 1
    assert agreements.table.model.rowCount() == held

"""Active facet filters are never invisible: they show as removable chips above the
results, the empty-result message names them, and a new query offers to search without
them (issue #18: a ticked facet hid every result of the next search, with no hint)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.library import Library
from tests.ui.search_window import TIMEOUT, header, open_search_window, search
from ui.main_window import MainWindow


@pytest.fixture
def win(qtbot: QtBot, library: Library, settings: QSettings) -> Iterator[MainWindow]:
    window = open_search_window(qtbot, library, settings)
    yield window
    window.wait_for_tasks()


def tick(qtbot: QtBot, win: MainWindow, field: str, value: str) -> None:
    with qtbot.waitSignal(win.search_done, timeout=TIMEOUT):
        win.articles_page.facets.tick(field, value)


def test_a_ticked_facet_shows_as_a_chip_and_its_cross_removes_it(
    qtbot: QtBot, win: MainWindow
) -> None:
    search(qtbot, win, "trade")
    everything = win.results.rowCount()
    tick(qtbot, win, "country", "MN")
    chips, _hints = win.search.extras()
    assert chips.isVisible()
    assert [b.text() for b in chips.buttons] == ["Country: Mongolia (MN)  ✕"]
    assert 0 < win.results.rowCount() < everything
    assert "with the filter Country: Mongolia (MN)" in header(win)

    with qtbot.waitSignal(win.search_done, timeout=TIMEOUT):
        qtbot.mouseClick(chips.buttons[0], Qt.MouseButton.LeftButton)
    assert not chips.isVisible()
    assert win.results.rowCount() == everything
    assert win.articles_page.facets.filters() == {}
    assert "filter" not in header(win)


def test_a_new_query_that_the_filters_hide_names_them_and_offers_to_drop_them(
    qtbot: QtBot, win: MainWindow
) -> None:
    search(qtbot, win, "Yerevan")
    tick(qtbot, win, "country", "MN")
    tick(qtbot, win, "type", "visits")
    assert win.results.rowCount() > 0

    search(qtbot, win, "Accra")  # a Kenya–Ghana article: the filters hide it
    assert win.results.rowCount() == 0
    assert header(win) == (
        "No results for “Accra” with the filters Country: Mongolia (MN), Fact type: Visits"
    )
    chips, hints = win.search.extras()
    assert chips.isVisible() and len(chips.buttons) == 2
    # the ticked values stay listed and ticked beside the results, with their count 0
    panel = win.articles_page.facets
    assert panel.count_of("country", "MN") == 0
    assert panel.count_of("type", "visits") == 0
    assert hints.isVisible() and "Search without filters" in hints.plain_text()

    with qtbot.waitSignal(win.search_done, timeout=TIMEOUT):
        hints.linkActivated.emit("nofilters:")  # what a click on the link sends
    assert win.results.rowCount() > 0
    assert win.search_box.text() == "Accra"
    assert not chips.isVisible() and not hints.isVisible()
    assert header(win).endswith("match “Accra”")


def test_clear_all_removes_every_filter(qtbot: QtBot, win: MainWindow) -> None:
    search(qtbot, win, "")
    total = header(win)
    tick(qtbot, win, "country", "AM")
    tick(qtbot, win, "year", "2023")
    chips, _hints = win.search.extras()
    assert chips.clear_button.isVisible()
    with qtbot.waitSignal(win.search_done, timeout=TIMEOUT):
        qtbot.mouseClick(chips.clear_button, Qt.MouseButton.LeftButton)
    assert not chips.isVisible()
    assert header(win) == total


def test_many_chips_wrap_and_never_widen_the_window(qtbot: QtBot, win: MainWindow) -> None:
    win.resize(1024, 700)
    search(qtbot, win, "")
    for field, value in (
        ("country", "AM"),
        ("year", "2023"),
        ("type", "visits"),
        ("language", "en"),
    ):
        tick(qtbot, win, field, value)
    chips, _hints = win.search.extras()
    qtbot.waitUntil(lambda: chips.buttons[-1].isVisible())
    assert win.width() == 1024
    assert "with 4 filters" in header(win)
    inside = chips.rect()
    for button in chips.buttons:
        assert inside.contains(button.geometry()), button.text()

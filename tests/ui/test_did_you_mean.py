"""*Did you mean* is a link that runs the suggestion; a word no article holds gets
one: a misspelt name its spelling, a former name of a city the name the articles use
(the gazetteer's other names of cities, e.g. Erivan and Urga)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.library import Library
from tests.ui.search_window import TIMEOUT, header, open_search_window, search
from ui.main_window import MainWindow


@pytest.fixture
def win(qtbot: QtBot, library: Library, settings: QSettings) -> Iterator[MainWindow]:
    window = open_search_window(qtbot, library, settings)
    yield window
    window.wait_for_tasks()


def test_a_misspelt_name_gets_a_link_that_runs_the_spelling(qtbot: QtBot, win: MainWindow) -> None:
    search(qtbot, win, "Ganzorik")
    assert win.results.rowCount() == 0
    assert header(win) == "Nothing matches “Ganzorik”"
    _chips, hints = win.search.extras()
    assert hints.isVisible()
    assert hints.plain_text() == "Did you mean Ganzorig?"
    assert "<a href" in hints.text()  # a link, not plain text

    with qtbot.waitSignal(win.search_done, timeout=TIMEOUT):
        hints.linkActivated.emit("suggest:")  # what a click on the link sends
    assert win.search_box.text() == "Ganzorig"
    assert win.results.rowCount() > 0
    assert header(win).endswith("match “Ganzorig”")
    assert not hints.isVisible()


@pytest.mark.parametrize(
    ("typed", "meant"), [("Erivan", "Yerevan"), ("visit to Erivan", "visit to Yerevan")]
)
def test_a_former_name_of_a_city_suggests_the_name_the_articles_use(
    qtbot: QtBot, win: MainWindow, typed: str, meant: str
) -> None:
    search(qtbot, win, typed)
    _chips, hints = win.search.extras()
    assert hints.suggestion == meant
    with qtbot.waitSignal(win.search_done, timeout=TIMEOUT):
        hints.linkActivated.emit("suggest:")
    sources = {win.results.hit(r).source for r in range(win.results.rowCount())}
    assert "yerevan_visit_2023_a.txt" in sources


def test_no_suggestion_for_words_the_articles_hold(qtbot: QtBot, win: MainWindow) -> None:
    search(qtbot, win, "Yerevan")
    _chips, hints = win.search.extras()
    assert hints.suggestion is None and not hints.isVisible()

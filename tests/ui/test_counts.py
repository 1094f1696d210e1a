"""Every count beside the search results says what it counts and is right (issue #18:
"112 article(s)" for 11 articles and 101 facts; facet counts of another unit than the
header; a person named in one file said to be in two articles)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.library import Library
from app.plural import count_of
from tests.ui.search_window import TIMEOUT, header, open_search_window, search
from ui.main_window import MainWindow


@pytest.fixture
def win(qtbot: QtBot, library: Library, settings: QSettings) -> Iterator[MainWindow]:
    window = open_search_window(qtbot, library, settings)
    yield window
    window.wait_for_tasks()


def test_count_of_says_one_and_many() -> None:
    assert count_of(1, "article") == "1 article"
    assert count_of(2, "article") == "2 articles"
    assert count_of(0, "fact") == "0 facts"
    assert count_of(3, "entity") == "3 entities"
    assert count_of(1200, "result") == "1,200 results"


def test_the_empty_query_counts_articles_and_facts_apart(qtbot: QtBot, win: MainWindow) -> None:
    search(qtbot, win, "")
    facts = len(win.data.facts)
    assert facts > 3
    assert header(win) == f"{3 + facts} results: 3 articles, {facts} facts"
    assert "(s)" not in header(win)


def test_a_query_counts_its_articles_and_facts_in_the_singular_too(
    qtbot: QtBot, win: MainWindow
) -> None:
    search(qtbot, win, "Yerevan")
    hits = [win.results.hit(r) for r in range(win.results.rowCount())]
    articles = sum(1 for h in hits if h.kind == "article")
    facts = len(hits) - articles
    assert articles == 2 and facts >= 1
    assert header(win) == f"2 articles and {count_of(facts, 'fact')} match “Yerevan”"

    search(qtbot, win, "Accra")
    hits = [win.results.hit(r) for r in range(win.results.rowCount())]
    assert sum(1 for h in hits if h.kind == "article") == 1
    assert header(win).startswith("1 article ")


def test_facet_counts_are_results_as_the_header_counts_them(qtbot: QtBot, win: MainWindow) -> None:
    search(qtbot, win, "")
    panel = win.articles_page.facets
    assert "count results (articles and facts)" in panel.caption.text()
    for field, value in (("country", "MN"), ("type", "visits"), ("year", "2023")):
        shown = panel.count_of(field, value)
        assert shown
        with qtbot.waitSignal(win.search_done, timeout=TIMEOUT):
            panel.tick(field, value)
        # ticked alone, the value's count is the number of results the header gives
        assert header(win).startswith(f"{count_of(shown, 'result')}: ")
        assert win.results.rowCount() == shown
        with qtbot.waitSignal(win.search_done, timeout=TIMEOUT):
            panel.untick(field, value)


def test_a_person_named_in_one_file_counts_one_article(qtbot: QtBot, win: MainWindow) -> None:
    """The visit is told by two articles; only one of them names the visitor."""
    page = win.entities_page
    model = page.table.model
    titles = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    name_col, facts_col, articles_col = (titles.index(t) for t in ("Name", "Facts", "Articles"))
    qtbot.waitUntil(  # counted for the rows on screen, in a worker
        lambda: all(model.index(r, articles_col).data() for r in range(model.rowCount())),
        timeout=TIMEOUT,
    )
    rows = {
        model.index(r, name_col).data(): (
            int(model.index(r, facts_col).data()),
            int(model.index(r, articles_col).data()),
        )
        for r in range(model.rowCount())
    }
    visitor = next(name for name in rows if "Ganzorig" in str(name))
    facts, articles = rows[visitor]
    assert facts >= 1  # the visit, told by both articles
    assert articles == 1
    armenia = next(name for name in rows if str(name).startswith("Armenia"))
    assert rows[armenia][1] == 2  # named in both articles

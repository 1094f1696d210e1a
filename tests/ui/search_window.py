"""A window on a small library of the project's own search articles
(``tests/ui/data/search_library``: an Armenia–Mongolia visit told by two articles,
only one of which names the visitor, and a Kenya–Ghana trade office), and helpers
that search in it as a person would."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.library import Library
from ui.main_window import MainWindow

SEARCH_LIBRARY = Path(__file__).resolve().parent / "data" / "search_library"
TIMEOUT = 20_000


def open_search_window(qtbot: QtBot, library: Library, settings: object) -> MainWindow:
    """A window on ``library`` after importing the search articles, its views loaded
    (the People & organisations counts too)."""
    library.import_paths([SEARCH_LIBRARY])
    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.data_loaded, timeout=TIMEOUT):
        win.reload()
    win.fill_all_views()
    return win


def search(qtbot: QtBot, win: MainWindow, query: str) -> None:
    """Type ``query`` in the search box and press Enter; wait for the results."""
    win.search_box.clear()
    with qtbot.waitSignal(win.search_done, timeout=TIMEOUT):
        qtbot.keyClicks(win.search_box, query)
        win.search.run(show=True)


def header(win: MainWindow) -> str:
    return win.articles_page.label.text()

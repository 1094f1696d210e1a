"""Merging two facts and splitting evidence off from a view's context menu, as a person
does, then Edit › Undo: the views and the database follow each step."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT
from tests.ui.window_facts import of_type
from ui.main_window import MainWindow


def _menu_choose(path: list[str]) -> None:
    """Choose ``path`` (an entry, or a submenu then its entry) in the open context menu."""
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    for text in path:
        action = next(a for a in menu.actions() if a.text() == text)
        if action.menu() is not None:
            menu = action.menu()
            continue
        for open_menu in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu)]:
            open_menu.close()
        action.trigger()


def _context_menu(qtbot: QtBot, win: MainWindow, view, path: list[str]) -> None:  # type: ignore[no-untyped-def]
    QTimer.singleShot(200, lambda: _menu_choose(path))
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        view.customContextMenuRequested.emit(view.visualRect(view.currentIndex()).center())


def test_merge_then_split_then_undo(qtbot: QtBot, seeded: MainWindow) -> None:
    win = seeded
    visits = win.pages[0]
    win.tabs.setCurrentWidget(visits)
    view = visits.table.table
    model = view.model()
    first, second = model.index(0, 1), model.index(1, 1)
    ids = sorted(i.data(Qt.ItemDataRole.UserRole + 1) for i in (first, second))
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.setCurrentIndex(first)
    view.selectionModel().select(second, flags)
    assert sorted(visits.selected_fact_ids()) == ids
    count = len(of_type(win, "visits"))

    _context_menu(qtbot, win, view, ["Merge the two facts (one fact)"])
    assert len(of_type(win, "visits")) == count - 1
    merged = win.data.facts[ids[0]]
    assert ids[1] not in win.data.facts
    articles = {e.article for e in merged.evidence}
    assert len(articles) >= 2

    win.fill_all_views()
    visits.select_fact(ids[0])
    name = sorted(articles)[-1]
    _context_menu(qtbot, win, view, ["Split off the evidence of", name])
    assert len(of_type(win, "visits")) == count
    assert name not in {e.article for e in win.data.facts[ids[0]].evidence}

    for _ in range(2):
        with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
            win.undo_action.trigger()
    assert len(of_type(win, "visits")) == count
    assert ids[1] in win.data.facts  # the merged fact is back, with its own id


def test_an_article_deleted_from_the_articles_view_comes_back_with_undo(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    win = seeded
    with qtbot.waitSignal(win.search_done, timeout=TIMEOUT):
        win.search.run()
    view = win.articles_page.view
    win.tabs.setCurrentWidget(win.articles_page)
    row = next(r for r in range(win.results.rowCount()) if win.results.hit(r).kind == "article")
    hit = win.results.hit(row)
    view.setCurrentIndex(win.results.index(row))
    articles = len(win.library.articles())
    facts = {f.id for f in win.library.facts()}

    QTimer.singleShot(200, lambda: _menu_choose(["Delete article (Ctrl+Z undoes)"]))
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        view.customContextMenuRequested.emit(view.visualRect(view.currentIndex()).center())
    assert len(win.library.articles()) == articles - 1
    assert hit.id not in {a.id for a in win.library.articles()}
    left = win.library.facts()
    assert {f.id for f in left} <= facts
    assert not any(e.article_id == hit.id for f in left for e in f.evidence)

    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        win.undo_action.trigger()
    assert len(win.library.articles()) == articles
    assert {f.id for f in win.library.facts()} == facts

"""The main window driven as a user would: first start, search, read, user text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ingest import is_supported
from app.library import Library, LibraryError
from app.sample import sample_dir
from tests.ui.conftest import TIMEOUT, open_window
from ui.main_window import MainWindow


def test_first_start_imports_the_sample_library(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.import_done, timeout=TIMEOUT) as blocker:
        window.start()
    report = blocker.args[0]
    expected = [p for p in sample_dir().iterdir() if is_supported(p)]
    assert len(report.imported) == len(expected) >= 8
    qtbot.waitUntil(
        lambda: f"{len(expected)} articles" in window.status_label.text(), timeout=TIMEOUT
    )
    assert window.pages[0].table.model.rowCount() > 0  # the views were filled


def test_sample_is_offered_once_only(qtbot: QtBot, window: MainWindow, settings) -> None:
    with qtbot.waitSignal(window.import_done, timeout=TIMEOUT):
        window.start()
    second = open_window(qtbot, window.library, settings)
    with qtbot.waitSignal(second.data_loaded, timeout=TIMEOUT):
        second.start()  # loads the views; no second import
    assert second.import_task is None
    second.wait_for_tasks()


def test_typing_a_query_lists_articles_and_facts_and_clicking_opens_one(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    window = seeded
    with qtbot.waitSignal(window.search_done, timeout=TIMEOUT):
        qtbot.keyClicks(window.search_box, "Kazinform")
    assert window.tabs.currentWidget() is window.articles_page
    hits = [window.results.hit(n) for n in range(window.results.rowCount())]
    articles = [h for h in hits if h.kind == "article"]
    assert [h.source for h in articles] == ["003_a7d8676af09bac45.txt"]
    assert "Kazinform" in window.articles_page.label.text()

    view = window.articles_page.view
    rect = view.visualRect(window.results.index(hits.index(articles[0])))
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT) as shown:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args[0] == articles[0].id
    text = window.reader.toPlainText()
    assert "003_a7d8676af09bac45.txt" in text
    assert "The Head of State expressed gratitude" in text
    assert "#fff2a8" in window.reader.toHtml()


def test_a_fact_found_by_search_says_its_view_and_enter_opens_it(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    window = seeded
    with qtbot.waitSignal(window.fact_shown, timeout=TIMEOUT) as shown:
        qtbot.keyClicks(window.search_box, "consulate Almaty")
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    first = window.results.hit(0)
    assert first.kind == "fact" and shown.args[0] == first.id
    html = window.results.data(window.results.index(0), Qt.ItemDataRole.UserRole + 2)
    page = window.page_of(first.id)
    assert f"{page.title.replace('&', '&amp;')} view" in html
    assert window.tabs.currentWidget() is page
    assert page.current_fact_id() == first.id
    assert window.detail.fact.id == first.id


def test_a_query_without_matches_says_so(qtbot: QtBot, seeded: MainWindow) -> None:
    with qtbot.waitSignal(seeded.search_done, timeout=TIMEOUT):
        seeded.search_box.setText("zeppelin")
        seeded.search.run()
    assert seeded.results.rowCount() == 0
    assert seeded.articles_page.label.text() == "Nothing matches “zeppelin”"


def test_user_text_is_shown_literally(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    (tmp_path / "tags.txt").write_text(
        "Envoys <b>met</b> & talked <img src='http://example.invalid/x.png'> in Bern."
    )
    window.library.import_paths([tmp_path])
    with qtbot.waitSignal(window.search_done, timeout=TIMEOUT):
        window.search_box.setText("envoys")
        window.search.run()
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        window.articles_page.view.setCurrentIndex(window.results.index(0))
    assert "<b>met</b> & talked <img src=" in window.reader.toPlainText()


def test_the_window_shows_before_its_library_is_open_and_keeps_what_was_asked_meanwhile(
    qtbot: QtBot,
    tmp_path: Path,
    settings,
    seeds_dir: Path,  # type: ignore[no-untyped-def]
) -> None:
    """The window is on screen while the library opens in a worker: a file dropped then is
    imported once it is open, a search typed then is run, and nothing is lost."""
    folder = tmp_path / "library"
    with Library(folder) as library:
        library.import_paths([next(iter(sorted(seeds_dir.iterdir())))])
    window = MainWindow(None, settings, folder=folder)
    qtbot.addWidget(window)
    window.show()
    assert str(folder) in window.windowTitle()
    assert "Opening the library" in window.statusBar().currentMessage()
    assert not window.menuBar().isEnabled()
    window.search_box.setText("Ankara")
    window.search.run()  # nothing to search yet: run once the library is open
    dropped = sorted(seeds_dir.iterdir())[1]
    assert window.start_import([dropped]) is None
    errors: list[object] = []
    with qtbot.waitSignal(window.import_done, timeout=TIMEOUT) as blocker:
        window.open_library(lambda: Library(folder, defer_maintenance=True), errors.append)
    assert not errors
    assert blocker.args[0].imported == [str(dropped)]
    assert window.menuBar().isEnabled()
    qtbot.waitUntil(lambda: window.results.rowCount() > 0, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "2 articles" in window.status_label.text(), timeout=TIMEOUT)
    window.wait_for_tasks()
    window.library.close()


def test_a_library_that_cannot_be_opened_is_reported(
    qtbot: QtBot,
    tmp_path: Path,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "not-a-library"
    folder.write_text("a file where the library folder should be", encoding="utf-8")
    window = MainWindow(None, settings, folder=folder)
    qtbot.addWidget(window)
    errors: list[object] = []
    window.open_library(lambda: Library(folder), errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert isinstance(errors[0], LibraryError)
    assert str(folder) in str(errors[0])
    assert window.library is None

"""The Article details dialog and the reader's citation header: opened from the Articles
view's context menu, an edited outlet is saved, shown in the reader's header and taken
back by Edit › Undo; a date not in the calendar is explained at its field and never
saved; Copy citation, Open original and Print do what they say. Articles written for
this test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from app.library import Library
from tests.ui.conftest import TIMEOUT, open_window
from tests.ui.window_facts import all_facts
from ui.article_details import ArticleDetailsDialog
from ui.main_window import MainWindow

TEXT = (
    " date 2023-04-05\n"
    "url: https://steppe.example/news/armenia-mongolia-air\n"
    "source: Steppe Herald\n"
    "author: Aigerim Sample\n\n"
    "The foreign ministers of Armenia and Mongolia met in Yerevan on Tuesday and signed an "
    "agreement on air transport between the two countries.\n\n"
    "Minister Aram Vardanyan said that direct flights would begin next spring.\n"
)


@pytest.fixture
def win(qtbot: QtBot, library: Library, settings, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "air.txt").write_text(TEXT, encoding="utf-8")
    assert not library.import_paths([tmp_path / "in"]).failed
    window = open_window(qtbot, library, settings)
    with qtbot.waitSignal(window.data_loaded, timeout=TIMEOUT):
        window.reload()
    yield window
    window.wait_for_tasks()


def _article_id(library: Library) -> int:
    (row,) = library.articles()
    return row.id


def _open_in_reader(qtbot: QtBot, win: MainWindow, article_id: int) -> None:
    win.open_article(article_id)
    qtbot.waitUntil(
        lambda: win.reader.article is not None and win.reader.article.id == article_id,
        timeout=TIMEOUT,
    )
    win.wait_for_tasks()


def _details_from_articles_view(qtbot: QtBot, win: MainWindow) -> ArticleDetailsDialog:
    """Right-click the article in the Articles view and choose Article details…"""
    win.tabs.setCurrentWidget(win.articles_page)
    win.search.run(show=True)
    results = win.articles_page.results

    def article_row() -> int | None:
        rows = [r for r in range(results.rowCount()) if results.hit(r).kind == "article"]
        return rows[0] if rows else None

    qtbot.waitUntil(lambda: article_row() is not None, timeout=TIMEOUT)
    view = win.articles_page.view
    row = article_row()
    assert row is not None
    index = results.index(row)
    view.setCurrentIndex(index)
    chosen: list[str] = []

    def choose() -> None:  # in the open context menu: Article details…
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        (details,) = [a for a in menu.actions() if a.text().replace("&", "") == "Article details…"]
        chosen.append(details.text())
        menu.close()
        details.trigger()

    QTimer.singleShot(0, choose)
    win._articles_menu(view.visualRect(index).center())
    assert chosen
    dialog = win.article_details_dialog
    assert isinstance(dialog, ArticleDetailsDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    return dialog


def test_edit_the_outlet_save_see_it_in_the_reader_and_undo_it(
    qtbot: QtBot, win: MainWindow, library: Library
) -> None:
    article_id = _article_id(library)
    _open_in_reader(qtbot, win, article_id)
    assert "Steppe Herald, Aigerim Sample" in win.reader.toPlainText()

    dialog = _details_from_articles_view(qtbot, win)
    assert dialog.fields["outlet"].text() == "Steppe Herald"
    assert dialog.fields["url"].text() == "https://steppe.example/news/armenia-mongolia-air"
    dialog.fields["outlet"].clear()
    qtbot.keyClicks(dialog.fields["outlet"], "Caucasus Weekly")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    row = library.article(article_id)
    assert row is not None and row.outlet == "Caucasus Weekly"
    assert "outlet" in row.edited_fields
    win.wait_for_tasks()  # the Articles view's own opening of the article, if any
    _open_in_reader(qtbot, win, article_id)
    qtbot.waitUntil(
        lambda: "Caucasus Weekly, Aigerim Sample" in win.reader.toPlainText(), timeout=TIMEOUT
    )
    assert win.undo_action.text().replace("&", "").startswith("Undo Edit the details of air.txt")

    win.undo_action.trigger()  # the reader shows the article: its header changes in place
    row = library.article(article_id)
    assert row is not None and row.outlet == "Steppe Herald" and row.edited_fields == ()
    qtbot.waitUntil(
        lambda: "Steppe Herald, Aigerim Sample" in win.reader.toPlainText(), timeout=TIMEOUT
    )
    win.redo_action.trigger()
    assert library.article(article_id).outlet == "Caucasus Weekly"  # type: ignore[union-attr]


def test_a_date_not_in_the_calendar_is_explained_and_not_saved(
    qtbot: QtBot, win: MainWindow, library: Library
) -> None:
    article_id = _article_id(library)
    _open_in_reader(qtbot, win, article_id)
    win.reader.anchorClicked.emit(QUrl("attache-reader:details"))  # the header's Details…
    dialog = win.article_details_dialog
    assert isinstance(dialog, ArticleDetailsDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    date = dialog.fields["date"]
    date.clear()
    qtbot.keyClicks(date, "2023-02-30")
    error = dialog.errors["date"]
    assert error.isVisible() and "not a date in the calendar" in error.text()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    dialog.accept()  # Enter in a field: refused too
    assert dialog.isVisible()
    assert library.article(article_id).date == "2023-04-05"  # type: ignore[union-attr]
    assert win.undo_stack.count() == 0
    date.clear()
    qtbot.keyClicks(date, "2023-04-06")
    assert not error.isVisible() and save.isEnabled()
    dialog.reject()


def test_copy_citation_and_open_original(
    qtbot: QtBot, win: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = _article_id(library)
    _open_in_reader(qtbot, win, article_id)
    bibtex = win.reader.copy_citation("BibTeX")
    assert QGuiApplication.clipboard().text() == bibtex
    assert bibtex.startswith("@misc{sample2023foreign,")
    assert "howpublished = {Steppe Herald}" in bibtex
    assert "TY  - NEWS" in win.reader.copy_citation("RIS")
    plain = win.reader.copy_citation("Plain text")
    assert plain.startswith("Steppe Herald, Aigerim Sample, “The foreign ministers")

    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    win.reader.anchorClicked.emit(QUrl("attache-reader:open"))
    path = library.article(article_id).path  # type: ignore[union-attr]
    assert opened[-1] == QUrl.fromLocalFile(path)
    Path(path).unlink()  # the file moved away: its address instead
    win.reader.open_original()
    assert opened[-1].toString() == "https://steppe.example/news/armenia-mongolia-air"


def test_edit_menu_opens_the_details_of_the_article_in_the_reader(
    qtbot: QtBot, win: MainWindow, library: Library
) -> None:
    _open_in_reader(qtbot, win, _article_id(library))
    win.tabs.setCurrentIndex(0)
    win.article_details_action.trigger()
    dialog = win.article_details_dialog
    assert isinstance(dialog, ArticleDetailsDialog)
    assert dialog.fields["author"].text() == "Aigerim Sample"
    dialog.reject()


def test_print_the_article_in_the_reader(
    qtbot: QtBot, win: MainWindow, library: Library, tmp_path: Path
) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from ui.reader import print_article

    _open_in_reader(qtbot, win, _article_id(library))
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_article(win.reader, printer)
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(tmp_path / "printed.pdf").pages).split()
    )
    assert "Steppe Herald, Aigerim Sample" in text and "Minister Aram Vardanyan" in text


def test_outlet_and_language_saved_together_are_undone_together(
    qtbot: QtBot, win: MainWindow, library: Library
) -> None:
    article_id = _article_id(library)
    _open_in_reader(qtbot, win, article_id)
    win.reader.anchorClicked.emit(QUrl("attache-reader:details"))
    dialog = win.article_details_dialog
    assert isinstance(dialog, ArticleDetailsDialog)
    dialog.fields["outlet"].setText("Caucasus Weekly")
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("unknown"))
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    row = library.article(article_id)
    assert row is not None and (row.outlet, row.language) == ("Caucasus Weekly", "unknown")
    assert win.undo_stack.count() == 1  # one step
    qtbot.waitUntil(lambda: "language unknown" in win.reader.toPlainText(), timeout=TIMEOUT)
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        win.undo_action.trigger()
    row = library.article(article_id)
    assert row is not None and (row.outlet, row.language) == ("Steppe Herald", "en")


def test_the_detail_pane_opens_the_source_details_of_a_facts_article(
    qtbot: QtBot, win: MainWindow
) -> None:
    fact = next(f for f in all_facts(win) if f.type == "agreements")
    win.open_fact(fact.id)
    qtbot.waitUntil(lambda: win.detail.fact is not None, timeout=TIMEOUT)
    assert "source details" in win.detail.toPlainText()
    win.detail.anchorClicked.emit(QUrl(f"details:{fact.evidence[0].article_id}"))
    dialog = win.findChild(ArticleDetailsDialog)
    assert isinstance(dialog, ArticleDetailsDialog) and dialog.isVisible()
    assert "Steppe Herald" in [e.text() for e in dialog.findChildren(type(win.search_box))]
    dialog.reject()

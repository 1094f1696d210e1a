"""An article's language in the window: the reader's header names it, the article's
context menu (Articles view and reader) offers the others, choosing one reads its facts
again in that language, and Edit › Undo reads them again as before. Articles written for
this test."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from app.library import Library
from tests.ui.conftest import TIMEOUT, open_window
from tests.ui.window_facts import of_type

RUSSIAN = (
    " date 2024-03-14 \n"
    "Президент Армении Арам Саакян прибыл в Улан-Батор с государственным визитом. "
    "Стороны подписали соглашение о сотрудничестве в области образования."
)


def _visits_of(win, name: str) -> list[int]:  # type: ignore[no-untyped-def]
    return [f.id for f in of_type(win, "visits") if name in {e.article for e in f.evidence}]


def test_choosing_an_article_language_reads_it_again_and_undo_takes_it_back(
    qtbot: QtBot,
    library: Library,
    settings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    library.import_paths([tmp_path / "ru.txt"])
    win = open_window(qtbot, library, settings)
    with qtbot.waitSignal(win.data_loaded, timeout=TIMEOUT):
        win.reload()
    (article,) = library.articles()
    assert _visits_of(win, "ru.txt")  # read as Russian at import

    win.open_article(article.id)
    qtbot.waitUntil(lambda: win.reader.article is not None, timeout=TIMEOUT)
    assert "· Russian" in win.reader.toPlainText()

    menu = QMenu(win)
    win._language_menu(menu, article.id)
    (sub,) = [a.menu() for a in menu.actions() if a.menu() is not None]
    checked = [a.text() for a in sub.actions() if a.isChecked()]
    assert checked == ["Russian"]
    unknown = next(a for a in sub.actions() if a.text() == "Unknown")

    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        unknown.trigger()  # read as English: no Russian visit is found
    assert library.article(article.id).language == "unknown"  # type: ignore[union-attr]
    assert _visits_of(win, "ru.txt") == []
    qtbot.waitUntil(lambda: "language unknown" in win.reader.toPlainText(), timeout=TIMEOUT)
    assert win.undo_action.text().replace("&", "").startswith("Undo Set the language")

    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        win.undo_action.trigger()
    assert library.article(article.id).language == "ru"  # type: ignore[union-attr]
    assert _visits_of(win, "ru.txt")
    win.wait_for_tasks()

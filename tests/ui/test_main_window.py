"""The main window driven as a user would: first start, search, read, import, cancel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.library import Library
from app.sample import sample_dir
from ui.main_window import MainWindow

TIMEOUT = 20_000


@pytest.fixture
def window(qtbot: QtBot, library: Library) -> Iterator[MainWindow]:
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.wait_for_tasks()


def test_first_start_imports_the_sample_library(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.import_done, timeout=TIMEOUT) as blocker:
        window.start()
    report = blocker.args[0]
    expected = [p for p in sample_dir().iterdir() if p.suffix == ".txt"]
    assert len(report.imported) == len(expected) >= 8
    qtbot.waitUntil(lambda: window.results.rowCount() == len(expected), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: f"{len(expected)} article(s)" in window.status_label.text())


def test_sample_is_offered_once_only(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.import_done, timeout=TIMEOUT):
        window.start()
    second = MainWindow(window.library)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.search_done, timeout=TIMEOUT):
        second.start()  # lists the library; no second import
    assert second.import_task is None


def test_typing_a_query_lists_matching_articles_and_clicking_opens_one(
    qtbot: QtBot, window: MainWindow, seeds_dir: Path
) -> None:
    window.library.import_paths([seeds_dir])
    with qtbot.waitSignal(window.search_done, timeout=TIMEOUT):
        qtbot.keyClicks(window.search_box, "Kazinform")
    assert window.results.rowCount() == 1
    assert "Kazinform" in window.result_label.text()
    assert window.results.hit(0).source == "003_a7d8676af09bac45.txt"

    view = window.results_view
    rect = view.visualRect(window.results.index(0))
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT) as shown:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args[0] == window.results.hit(0).id
    text = window.reader.toPlainText()
    assert "003_a7d8676af09bac45.txt" in text
    assert "The Head of State expressed gratitude" in text
    assert "background:#fff2a8" in window.reader.toHtml().replace(" ", "") or (
        "#fff2a8" in window.reader.toHtml()
    )


def test_a_query_without_matches_says_so(
    qtbot: QtBot, window: MainWindow, articles_dir: Path
) -> None:
    window.library.import_paths([articles_dir])
    with qtbot.waitSignal(window.search_done, timeout=TIMEOUT):
        window.search_box.setText("zeppelin")
        window.run_search()
    assert window.results.rowCount() == 0
    assert window.result_label.text() == "No article matches “zeppelin”"


def test_user_text_is_shown_literally(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    (tmp_path / "tags.txt").write_text(
        "Envoys <b>met</b> & talked <img src='http://example.invalid/x.png'> in Bern."
    )
    window.library.import_paths([tmp_path])
    with qtbot.waitSignal(window.search_done, timeout=TIMEOUT):
        window.search_box.setText("envoys")
        window.run_search()
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        window.results_view.setCurrentIndex(window.results.index(0))
    assert "<b>met</b> & talked <img src=" in window.reader.toPlainText()


def test_import_shows_progress_and_can_be_cancelled(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):
        (folder / f"a{i:03}.txt").write_text(f"Delegation number {i} met trade officials.")
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(window.import_done, timeout=60_000) as done:
        task = window.start_import([folder])
        assert task is not None
        task.progress.connect(lambda d, t, _n: seen.append((d, t)))
        assert window.progress.isVisible() and window.cancel_button.isVisible()
        qtbot.waitUntil(lambda: len(seen) >= 3, timeout=TIMEOUT)
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert report.cancelled
    assert 0 < len(report.imported) < 400
    assert seen[0][1] == 400
    assert window.progress.isHidden() and window.cancel_button.isHidden()
    assert window.library.article_count() == len(report.imported)


def test_failed_files_are_listed_in_the_import_report(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Foreign ministers met in Vienna on Monday.")
    with qtbot.waitSignal(window.import_done, timeout=TIMEOUT) as done:
        window.start_import([tmp_path])
    assert [Path(p).name for p, _ in done.args[0].failed] == ["empty.txt"]
    from PySide6.QtWidgets import QMessageBox

    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "empty.txt" in boxes[0].text() and "the file is empty" in boxes[0].text()
    boxes[0].close()

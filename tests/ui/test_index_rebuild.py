"""A stale index is rebuilt from the window in the background; search help is one key away."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.library import Library
from ui.main_window import MainWindow


def test_stale_index_is_rebuilt_in_the_background_and_search_works(
    qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    with Library(tmp_path / "lib") as lib:
        lib.import_paths([seeds_dir])
    # An index made by another version of Attaché must be rebuilt.
    stamp = tmp_path / "lib" / "index" / "VERSION"
    data = json.loads(stamp.read_text(encoding="utf-8"))
    data["schema"] = -1
    stamp.write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "lib" / ".sample-offered").touch()
    library = Library(tmp_path / "lib")
    try:
        win = MainWindow(library)
        qtbot.addWidget(win)
        win.show()
        if library.index_needs_rebuild():  # large libraries are rebuilt in the background
            with qtbot.waitSignal(win.index_rebuilder.finished, timeout=60_000) as done:
                win.start()
            assert done.args == [True]
        else:  # small ones are already rebuilt at open
            win.start()
        assert library.search("Kazinform").total == 1
        win.wait_for_tasks()
    finally:
        library.close()


@pytest.fixture
def seeded_window(qtbot: QtBot, tmp_path: Path, seeds_dir: Path) -> Iterator[MainWindow]:
    """A window on a library holding the seeds (the sample already offered)."""
    library = Library(tmp_path / "lib")
    library.import_paths([seeds_dir])
    (tmp_path / "lib" / ".sample-offered").touch()
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.wait_for_tasks()
    library.close()


def test_f1_shows_the_query_language(seeded_window: MainWindow) -> None:
    win = seeded_window
    win.query_help_action.trigger()
    text = win.query_help_box.text()
    assert "Tokaev~" in text and "date:2022" in text and "type:visit" in text
    win.query_help_box.close()


def test_a_misspelt_word_gets_a_suggestion(qtbot: QtBot, seeded_window: MainWindow) -> None:
    win = seeded_window
    with qtbot.waitSignal(win.search_done, timeout=20_000):
        qtbot.keyClicks(win.search_box, "Tokaev")
    assert win.search.extras()[1].plain_text() == "Did you mean Tokayev?"


def test_ticking_a_facet_narrows_the_results(qtbot: QtBot, seeded_window: MainWindow) -> None:
    win = seeded_window
    with qtbot.waitSignal(win.search_done, timeout=20_000):
        qtbot.keyClicks(win.search_box, "Erdogan")
    everything = win.results.rowCount()
    panel = win.articles_page.facets
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert "Year" in groups and "Fact type" in groups
    with qtbot.waitSignal(win.search_done, timeout=20_000):
        panel.tick("year", "2025")
    hits = [win.results.hit(r) for r in range(win.results.rowCount())]
    assert 0 < len(hits) < everything
    assert all((h.date or "").startswith("2025") for h in hits if h.kind == "article")


def test_the_window_checks_the_index_after_it_shows(
    qtbot: QtBot, tmp_path: Path, seeds_dir: Path
) -> None:
    with Library(tmp_path / "lib") as lib:
        lib.import_paths([seeds_dir])
        lib.index.delete_articles([1, 2])  # as after a crash between database and index
    (tmp_path / "lib" / ".sample-offered").touch()
    library = Library(tmp_path / "lib", defer_maintenance=True)
    try:
        assert library.maintenance_pending and library.index.doc_count() == 3
        win = MainWindow(library)
        qtbot.addWidget(win)
        win.show()
        with qtbot.waitSignal(win.search_done, timeout=30_000):
            win.start()
        assert not library.maintenance_pending
        assert library.repaired_at_open == (2, 0)
        assert library.index.doc_count() == 5
        win.wait_for_tasks()
    finally:
        library.close()

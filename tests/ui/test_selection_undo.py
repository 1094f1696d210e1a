"""The selection panel's changes are undoable as a person expects: Remove, Clear and Up
are each one step of Edit › Undo, named in the menu, and Redo does them again; the
stored selection follows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT
from tests.ui.window_facts import all_facts
from ui.main_window import MainWindow


def _step(qtbot: QtBot, win: MainWindow, do) -> list[int]:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(win.selection.changed, timeout=TIMEOUT):
        do()
    assert win.library.selection() == win.selection.selected  # stored at once
    return list(win.selection.selected)


def test_remove_clear_and_reorder_are_undone_and_redone(qtbot: QtBot, seeded: MainWindow) -> None:
    win, panel = seeded, seeded.selection_panel
    ids = sorted(f.id for f in all_facts(seeded))[:3]
    assert _step(qtbot, win, lambda: win.selection.add(ids)) == ids

    panel.view.setCurrentIndex(panel.model.index(1))
    assert _step(
        qtbot, win, lambda: qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    ) == [ids[0], ids[2]]
    assert win.undo_action.text().replace("&", "") == "Undo Remove 1 fact from the selection"
    assert _step(qtbot, win, win.undo_action.trigger) == ids

    assert (
        _step(qtbot, win, lambda: qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton))
        == []
    )
    assert win.undo_action.text().replace("&", "") == "Undo Clear the selection"
    assert _step(qtbot, win, win.undo_action.trigger) == ids
    assert _step(qtbot, win, win.redo_action.trigger) == []
    assert _step(qtbot, win, win.undo_action.trigger) == ids

    panel.view.setCurrentIndex(panel.model.index(2))
    moved = _step(qtbot, win, lambda: qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton))
    assert moved == [ids[0], ids[2], ids[1]]
    assert _step(qtbot, win, win.undo_action.trigger) == ids


def test_two_quick_additions_are_both_kept(qtbot: QtBot, seeded: MainWindow) -> None:
    win = seeded
    first, second = sorted(f.id for f in all_facts(seeded))[:2]
    win.selection.add([first])
    win.selection.add([second])  # before the first is stored
    qtbot.waitUntil(lambda: win.library.selection() == [first, second], timeout=TIMEOUT)
    qtbot.waitUntil(lambda: win.selection.selected == [first, second], timeout=TIMEOUT)
    with qtbot.waitSignal(win.selection.changed, timeout=TIMEOUT):
        win.undo_action.trigger()
    assert win.library.selection() == [first]


def test_the_undo_history_outlives_an_import(qtbot: QtBot, seeded: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = seeded
    first = sorted(f.id for f in all_facts(seeded))[:1]
    with qtbot.waitSignal(win.selection.changed, timeout=TIMEOUT):
        win.selection.add(first)
    article = tmp_path / "new.txt"
    article.write_text(" date 2024-01-02 \nChile and Peru signed a fishing accord in Lima.")
    with qtbot.waitSignal(win.import_done, timeout=60_000):
        win.start_import([article])
    assert win.undo_stack.count() == 1
    with qtbot.waitSignal(win.selection.changed, timeout=TIMEOUT):
        win.undo_action.trigger()
    qtbot.waitUntil(lambda: win.library.selection() == [], timeout=TIMEOUT)  # stored
    assert win.selection.selected == []

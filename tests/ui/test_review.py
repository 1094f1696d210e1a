"""Reviewing facts as a person does: the To review view walked with the keyboard alone
(C confirms, X rejects, Enter opens), Edit › Undo and Redo, the context menu of a view,
the rejected facts restored; the database, the views and an export follow."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT
from ui.main_window import MainWindow


def _queue(win: MainWindow) -> list[int]:
    model = win.review_page.table.table.model()
    return [model.index(r, 1).data(Qt.ItemDataRole.UserRole + 1) for r in range(model.rowCount())]


def _press(qtbot: QtBot, win: MainWindow, key: Qt.Key, reload: bool = True) -> None:
    view = win.review_page.table.table
    if reload:
        with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
            qtbot.keyClick(view, key)
        win.fill_all_views()
    else:
        qtbot.keyClick(view, key)


def _state(win: MainWindow, fact_id: int) -> tuple[bool, bool]:
    (fact,) = win.library.facts(ids=[fact_id], include_hidden=True)
    return fact.confirmed, fact.hidden


def test_the_review_queue_is_walked_with_the_keyboard(qtbot: QtBot, seeded: MainWindow) -> None:
    win = seeded
    qtbot.keyClick(win, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert win.tabs.currentWidget() is win.review_page
    queue = _queue(win)
    confidences = [win.data.facts[i].confidence for i in queue]
    assert queue and confidences == sorted(confidences)  # the least certain first
    assert f"{len(queue)} to review" in win.status_label.text()
    view = win.review_page.table.table
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 1))
    first, second = queue[0], queue[1]

    _press(qtbot, win, Qt.Key.Key_C)  # confirm: right
    assert _state(win, first) == (True, False)
    assert first not in _queue(win) and f"{len(queue) - 1} to review" in win.status_label.text()
    assert win.data.facts[first].confidence == 1.0
    # The keyboard stays on the row that moved up: the next fact.
    assert view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == second

    _press(qtbot, win, Qt.Key.Key_X)  # reject: wrong, hidden everywhere
    assert _state(win, second) == (False, True)
    assert second not in win.data.facts

    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        win.undo_action.trigger()  # Edit › Undo: the rejection is taken back
    assert win.undo_action.text().replace("&", "").startswith("Undo Confirm fact")
    assert _state(win, second) == (False, False) and second in win.data.facts
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        win.redo_action.trigger()
    assert _state(win, second) == (False, True)
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _state(win, first) == (False, False) and _state(win, second) == (False, False)

    win.fill_all_views()
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 1))
    target = view.currentIndex().data(Qt.ItemDataRole.UserRole + 1)
    _press(qtbot, win, Qt.Key.Key_Return, reload=False)  # Enter: the fact in its view
    assert win.tabs.currentWidget() is win.page_of(target)
    assert win.detail.fact is not None and win.detail.fact.id == target


def test_a_views_context_menu_confirms_and_the_rejected_are_restored(
    qtbot: QtBot, seeded: MainWindow, tmp_path: Path
) -> None:
    win = seeded
    visits = win.pages[0]
    win.tabs.setCurrentWidget(visits)
    view = visits.table.table
    view.setCurrentIndex(view.model().index(0, 1))
    fact_id = visits.current_fact_id()
    seen: list[list[str]] = []

    def choose(text: str) -> None:
        menu = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()
        )
        seen.append([a.text() for a in menu.actions() if a.text()])
        action = next(a for a in menu.actions() if a.text() == text)
        menu.close()
        action.trigger()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(200, lambda: choose("Confirm (right)"))
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        view.customContextMenuRequested.emit(view.visualRect(view.currentIndex()).center())
    assert "Reject (wrong)" in seen[0] and "Add to selection" in seen[0]
    assert _state(win, fact_id) == (True, False)
    win.fill_all_views()
    model = view.model()
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Confidence"
    )
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 1).data(Qt.ItemDataRole.UserRole + 1) == fact_id
    )
    assert model.index(row, column).data() == "✔ confirmed"  # the state, in every view

    other = next(i for i in _queue(win))
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        win.review_facts([other], "reject")
    assert any(f.id == other for f in win.library.rejected_facts())
    win.tabs.setCurrentWidget(win.review_page)
    win.review_page.show_rejected.setChecked(True)
    rview = win.review_page.table.table
    assert _queue(win) == [other]
    rview.setFocus()
    rview.setCurrentIndex(rview.model().index(0, 1))
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        qtbot.keyClick(rview, Qt.Key.Key_R)
    assert _state(win, other) == (False, False)

    out = tmp_path / "facts.json"
    doc = win.library.export_document()
    from app.export import export_document

    export_document(doc, out, "json")
    written = json.loads(out.read_text(encoding="utf-8"))
    states = {
        f["id"]: f["review"]
        for kind in ("visits", "statistics", "agreements")
        for f in written[kind]
    }
    assert states[fact_id] == "confirmed" and set(states.values()) <= {"confirmed", "unreviewed"}

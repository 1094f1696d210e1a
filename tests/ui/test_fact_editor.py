"""The fact editor as a person uses it: F2 opens it on the fact in focus, a bad value is
explained at its field and cannot be saved, Save stores the correction (the views, the
detail pane and the database follow), Edit › Undo takes it back; E does the same from the
To review view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT
from ui.main_window import MainWindow


def test_editing_a_visit_is_checked_saved_and_undone(qtbot: QtBot, seeded: MainWindow) -> None:
    win = seeded
    visits = win.pages[0]
    win.tabs.setCurrentWidget(visits)
    view = visits.table.table
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 1))
    fact = win.data.facts[visits.current_fact_id()]
    qtbot.keyClick(view, Qt.Key.Key_F2)
    dialog = win.editor
    assert dialog.isVisible() and dialog.fact.id == fact.id
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    start = dialog.inputs["start"]
    start.clear()
    qtbot.keyClicks(start, "2022-13-01")
    assert not save.isEnabled()
    assert "not a date of the calendar" in dialog.errors["start"].text()
    start.clear()
    qtbot.keyClicks(start, "2021-06-16")
    assert save.isEnabled() and dialog.errors["start"].isHidden()
    dialog.inputs["city"].setText("Shusha")
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    (stored,) = win.library.facts(ids=[fact.id])
    assert stored.data["start"] == "2021-06-16" and stored.data["city"] == "Shusha"
    assert set(stored.edited) == {"start", "city"} and stored.review == "edited"
    assert win.data.facts[fact.id].confidence == 1.0
    # Its state shows in its view, and the view's filter finds the edited facts.
    win.fill_all_views()
    visits.table.filter_box.setText("edited")
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1)  # once typing pauses
    assert model.index(0, 1).data(Qt.ItemDataRole.UserRole + 1) == fact.id
    assert "✎ edited" in [model.index(0, c).data() for c in range(model.columnCount())]
    visits.table.filter_box.clear()
    assert win.undo_action.text().replace("&", "").startswith(f"Undo Edit visit {fact.id}")

    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        win.undo_action.trigger()  # Edit > Undo (Ctrl+Z is driven in test_review.py)
    (back,) = win.library.facts(ids=[fact.id])
    assert back.data == fact.data and back.edited == ()


def test_e_in_the_review_queue_opens_the_editor(qtbot: QtBot, seeded: MainWindow) -> None:
    win = seeded
    win.tabs.setCurrentWidget(win.review_page)
    view = win.review_page.table.table
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 1))
    target = view.currentIndex().data(Qt.ItemDataRole.UserRole + 1)
    qtbot.keyClick(view, Qt.Key.Key_E)
    assert win.editor.isVisible() and win.editor.fact.id == target
    win.editor.reject()

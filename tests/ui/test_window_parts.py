"""The window's parts are handed what they use: the runner hands work the library open
when it started, and the search and the selection work on their own widgets, runner and
undo stack, with no MainWindow around them."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QMainWindow, QTabWidget
from pytestqt.qtbot import QtBot

from app.library import Library
from app.views import FactSource, ViewData
from search.results import Hit
from tests.ui.conftest import TIMEOUT
from ui.detail_pane import DetailPane
from ui.selection_panel import SelectionPanel
from ui.tasks import LibraryTasks, NoLibraryError, TaskContext
from ui.views.articles import ArticlesPage
from ui.window_search import WindowSearch
from ui.window_selection import WindowSelection


def _data(library: Library) -> ViewData:
    facts = FactSource(lambda ids: library.facts(ids=ids, include_hidden=True), 0)
    return ViewData(facts=facts)


def _folder_of(library: Library, _ctx: TaskContext) -> Path:
    return library.folder


def test_work_is_handed_the_library_open_when_it_was_started(qtbot: QtBot, tmp_path: Path) -> None:
    owner = QObject()
    failures: list[object] = []
    tasks = LibraryTasks(owner, failures.append)
    with Library(tmp_path / "first") as first, Library(tmp_path / "second") as second:
        tasks.attach(first)
        go = threading.Event()

        def slow(library: Library, _ctx: TaskContext) -> Path:
            go.wait(30)
            return library.folder

        results: list[Path] = []
        task = tasks.run(slow, results.append)
        tasks.attach(second)  # another library while the work waits
        go.set()
        qtbot.waitUntil(lambda: bool(results), timeout=TIMEOUT)
        assert results == [first.folder]
        assert not task.running and not tasks.running
        with qtbot.waitSignal(tasks.run(_folder_of, results.append).done, timeout=TIMEOUT):
            pass
        assert results == [first.folder, second.folder]
    assert not failures


def test_work_started_before_a_library_is_open_fails_in_words(qtbot: QtBot) -> None:
    failures: list[object] = []
    tasks = LibraryTasks(QObject(), failures.append)
    with qtbot.waitSignal(tasks.run(_folder_of, print).error, timeout=TIMEOUT):
        pass
    assert [type(f) for f in failures] == [NoLibraryError]
    assert str(failures[0]) == "no library is open yet"


def test_the_search_runs_on_the_widgets_and_runner_it_was_given(
    qtbot: QtBot, wool: Library
) -> None:
    box, tabs, page = QLineEdit(), QTabWidget(), ArticlesPage()
    qtbot.addWidget(box)
    qtbot.addWidget(tabs)
    tabs.addTab(QLineEdit(), "Other")
    tabs.addTab(page, "Articles")
    failures: list[object] = []
    tasks = LibraryTasks(tabs, failures.append)
    opened: list[tuple[Hit, bool]] = []
    data = _data(wool)
    search = WindowSearch(
        box, tabs, page, tasks, lambda: data, None, lambda hit, on: opened.append((hit, on))
    )
    tasks.attach(wool)
    box.setText("wool")
    with qtbot.waitSignal(search.done, timeout=TIMEOUT) as done:
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: search, then open the first
    assert done.args and done.args[0] == page.results.rowCount() > 0
    assert tabs.currentWidget() is page
    assert "match “wool”" in page.label.text()
    assert [(hit.id, on) for hit, on in opened] == [(page.results.hit(0).id, True)]
    kinds = {page.results.hit(n).kind for n in range(page.results.rowCount())}
    assert kinds == {"article", "fact"}
    assert not failures


def test_the_selection_is_stored_and_undone_through_the_parts_it_was_given(
    qtbot: QtBot, wool: Library, tmp_path: Path
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    panel, detail = SelectionPanel(), DetailPane()
    qtbot.addWidget(panel)
    qtbot.addWidget(detail)
    failures: list[object] = []
    tasks = LibraryTasks(window, failures.append)
    tasks.attach(wool)
    undo = QUndoStack(window)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    data = _data(wool)
    fact = wool.facts()[0].id
    selection = WindowSelection(
        window, tasks, undo, panel, detail, [], lambda: data, lambda: [fact], settings
    )
    with qtbot.waitSignal(selection.changed, timeout=TIMEOUT):
        selection.add()  # Ctrl+D: the facts ``targets`` gives
    assert wool.selection() == selection.selected == [fact]
    assert undo.undoText() == f"Add fact {fact} to the selection"
    assert panel.count_label.text() == "1 fact chosen for export"
    label = panel.model.data(panel.model.index(0), Qt.ItemDataRole.DisplayRole)
    assert "wool" in str(label).lower()
    assert window.statusBar().currentMessage() == "Added 1 fact to the selection"
    with qtbot.waitSignal(selection.changed, timeout=TIMEOUT):
        undo.undo()
    assert wool.selection() == selection.selected == []
    assert panel.count_label.text() == "Nothing chosen yet: Ctrl+D adds a fact."
    assert not failures

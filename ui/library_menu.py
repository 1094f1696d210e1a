"""File › New library…, Open library… and Open recent: choosing the library the window
works on. The switch itself (a window on the new library taking over from this one) is
``ui.app.switch_library``, given to each window it makes as ``open_other_library``.

``choose_folder`` and ``show_message`` are module attributes so that tests can replace
the native folder chooser and the message box."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from app.config import is_library, library_problem_at
from app.settings import Settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _choose_folder(parent: QWidget, caption: str) -> Path | None:
    """The folder chooser (the platform's; it can make a new folder)."""
    folder = QFileDialog.getExistingDirectory(parent, caption)
    return Path(folder) if folder else None


def _show_message(parent: QWidget, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, "Attaché", text, parent=parent)
    box.open()
    return box


choose_folder: Callable[[QWidget, str], Path | None] = _choose_folder
show_message: Callable[[QWidget, str], object] = _show_message


def _opener(win: MainWindow) -> Callable[[Path, bool], object] | None:
    return getattr(win, "open_other_library", None)


def set_opener(win: MainWindow, opener: Callable[[Path, bool], object]) -> None:
    """Let ``win`` switch library through ``opener(folder, create)`` (``ui.app``'s)."""
    win.open_other_library = opener
    for action in (win.new_library_action, win.open_library_action):
        action.setEnabled(True)
    fill_recent(win)


def build(win: MainWindow, file_menu: QMenu) -> None:
    """Add New library…, Open library… and Open recent to the top of ``file_menu``."""
    win.new_library_action = QAction("&New library…", win)
    win.new_library_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
    win.new_library_action.triggered.connect(lambda: new_library(win))
    win.open_library_action = QAction("Open &library…", win)
    win.open_library_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
    win.open_library_action.triggered.connect(lambda: open_library(win))
    win.recent_menu = QMenu("Open &recent", win)
    win.recent_menu.setToolTipsVisible(True)
    win.recent_menu.aboutToShow.connect(lambda: fill_recent(win))
    file_menu.addActions([win.new_library_action, win.open_library_action])
    file_menu.addMenu(win.recent_menu)
    file_menu.addSeparator()
    can_switch = _opener(win) is not None
    for action in (win.new_library_action, win.open_library_action):
        action.setEnabled(can_switch)
    fill_recent(win)


def fill_recent(win: MainWindow) -> None:
    """The Open recent submenu: the last libraries, newest first; a folder that holds no
    library any more is greyed out and says so."""
    menu = win.recent_menu
    menu.clear()
    settings = Settings(win.settings)
    recent = settings.recent_libraries()
    current = win.library.folder.absolute() if win.library is not None else None
    can_switch = _opener(win) is not None
    for n, folder in enumerate(recent, 1):
        action = menu.addAction(f"&{n} " + str(folder).replace("&", "&&"))
        if folder == current:
            action.setText(f"{action.text()} (open)")
            action.setEnabled(False)
        elif not is_library(folder):
            action.setText(f"{action.text()} — missing")
            action.setToolTip(library_problem_at(folder) or "")
            action.setEnabled(False)
        else:
            action.setEnabled(can_switch)
            action.triggered.connect(lambda _c=False, f=folder: open_recent(win, f))
    if not recent:
        menu.addAction("No libraries opened yet").setEnabled(False)
        return
    menu.addSeparator()
    if any(not is_library(f) for f in recent):
        menu.addAction("Remove &missing libraries", lambda: _remove_missing(win))
    menu.addAction("&Clear the list", lambda: _clear(win))


def _remove_missing(win: MainWindow) -> None:
    settings = Settings(win.settings)
    for folder in settings.recent_libraries():
        if not is_library(folder):
            settings.remove_recent(folder)
    fill_recent(win)


def _clear(win: MainWindow) -> None:
    Settings(win.settings).clear_recent()
    fill_recent(win)


def open_library(win: MainWindow, folder: Path | None = None) -> bool:
    """File › Open library…: open the library in a folder the person chooses; a folder
    holding no library is refused with words saying what to do. True if it opens."""
    opener = _opener(win)
    if opener is None:
        return False
    if folder is None:
        folder = choose_folder(win, "Open an Attaché library (the folder holding library.sqlite)")
        if folder is None:
            return False
    problem = library_problem_at(folder)
    if problem is not None:
        show_message(win, problem)
        return False
    opener(folder, False)
    return True


def open_recent(win: MainWindow, folder: Path) -> bool:
    """A library from Open recent; one that is gone is taken off the list, and said so."""
    problem = library_problem_at(folder)
    if problem is not None:
        Settings(win.settings).remove_recent(folder)
        show_message(win, f"{problem} It has been removed from the recent libraries.")
        fill_recent(win)
        return False
    return open_library(win, folder)


def new_library(win: MainWindow, folder: Path | None = None) -> bool:
    """File › New library…: create a library in an empty or new folder and open it (it
    starts empty: import articles into it). True if it opens."""
    opener = _opener(win)
    if opener is None:
        return False
    if folder is None:
        folder = choose_folder(win, "New library: choose or create an empty folder")
        if folder is None:
            return False
    if is_library(folder):
        win.statusBar().showMessage(f"{folder} already holds a library: opening it.", 8000)
        opener(folder, False)
        return True
    if folder.exists() and not folder.is_dir():
        show_message(win, f"{folder} is a file. Choose an empty folder, or a new one.")
        return False
    if folder.is_dir() and any(folder.iterdir()):
        show_message(
            win,
            f"{folder} is not empty. A new library needs an empty folder: make one in the "
            "folder chooser (or choose a new name), then choose it.",
        )
        return False
    opener(folder, True)
    return True

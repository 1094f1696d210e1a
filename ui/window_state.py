"""Remembering the window between runs (QSettings): geometry (kept on the current
screen), docks, splitters, the last view and each view's column widths."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer

from app import name_spelling
from ui import window_layout

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


def save(win: MainWindow) -> None:
    s = win.settings
    s.setValue("window/geometry", win.saveGeometry())
    s.setValue("window/state", win.saveState())
    s.setValue("window/splitter", win.splitter.saveState())
    s.setValue("window/side", win.side.saveState())
    s.setValue("window/view", win.tabs.currentIndex())
    for page in win.pages:
        s.setValue(f"columns/{page.title}", QByteArray(page.header_state()))
    s.sync()


def restore(win: MainWindow) -> None:
    s = win.settings
    spelling = s.value("names/spelling", "english")
    if spelling in name_spelling.SPELLINGS:
        name_spelling.set_spelling(str(spelling))
        if hasattr(win, "names_action"):
            win.names_action.setChecked(spelling == "english")
    if (geometry := _bytes(s.value("window/geometry"))) is not None:
        win.restoreGeometry(geometry)
        window_layout.clamp_to_screen(win)  # saved on a larger screen or at another scale
        # Again once shown, when the frame's size is known (and the screen it is on).
        QTimer.singleShot(0, win, lambda: window_layout.clamp_to_screen(win))
    if (state := _bytes(s.value("window/state"))) is not None:
        win.restoreState(state)
    if (splitter := _bytes(s.value("window/splitter"))) is not None:
        win.splitter.restoreState(splitter)
    if (side := _bytes(s.value("window/side"))) is not None:
        win.side.restoreState(side)
    for page in win.pages:
        if (header := _bytes(s.value(f"columns/{page.title}"))) is not None:
            page.restore_header(bytes(header.data()))
    stored = s.value("window/view", 0)
    try:
        view = int(stored) if isinstance(stored, int | float | str | bytes) else 0
    except ValueError:
        view = 0
    if 0 <= view < win.tabs.count():
        win.tabs.setCurrentIndex(view)

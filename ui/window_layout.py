"""The window's layout on a small screen (1024×700 and up): panes that never collapse to
nothing, notices that wrap instead of widening the window, and a
restored geometry kept on the current screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSizePolicy

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.main_window import MainWindow

MIN_VIEWS_WIDTH = 320
"""The tabs' pane is never narrower (the views' tables stay usable)."""
MIN_SIDE_WIDTH = 240
"""The detail pane and reader are never narrower."""
MIN_PANE_HEIGHT = 90
"""The detail pane and the reader are each never lower."""


def apply(win: MainWindow) -> None:
    """Give the window's panes their minimum sizes and let long texts wrap."""
    win.splitter.setChildrenCollapsible(False)
    win.side.setChildrenCollapsible(False)
    win.tabs.setMinimumWidth(MIN_VIEWS_WIDTH)
    win.side.setMinimumWidth(MIN_SIDE_WIDTH)
    win.detail.setMinimumHeight(MIN_PANE_HEIGHT)
    win.reader.setMinimumHeight(MIN_PANE_HEIGHT)
    # Tabs keep their whole names (elided, "V…" and "Tim…" said nothing); the bar
    # scrolls when they do not fit, and Go › lists them all (Ctrl+1…).
    bar = win.tabs.tabBar()
    bar.setElideMode(Qt.TextElideMode.ElideNone)
    bar.setUsesScrollButtons(True)
    # A long search notice or status wraps (or is cut) instead of widening the window.
    label = win.articles_page.label
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(1)
    status = win.status_label
    status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    status.setMinimumWidth(1)


def available(win: QWidget) -> QRect:
    """The room on the screen the window is on (the primary screen before it shows)."""
    screen = win.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def clamp_to_screen(win: QWidget) -> None:
    """Keep the window, frame included, on its screen: a geometry saved at another
    scaling or on a larger screen (1920×1199 on a 1600×1000 screen) is made to fit."""
    if win.isMaximized() or win.isFullScreen():
        return
    room = available(win)
    frame, inner = win.frameGeometry(), win.geometry()
    extra_w = max(0, frame.width() - inner.width())
    extra_h = max(0, frame.height() - inner.height())
    width = min(inner.width(), room.width() - extra_w)
    height = min(inner.height(), room.height() - extra_h)
    width = max(width, min(win.minimumWidth(), room.width()))
    height = max(height, min(win.minimumHeight(), room.height()))
    if (width, height) != (inner.width(), inner.height()):
        win.resize(width, height)
    frame = win.frameGeometry()
    x = min(max(frame.x(), room.left()), room.right() + 1 - frame.width())
    y = min(max(frame.y(), room.top()), room.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        win.move(max(x, room.left()), max(y, room.top()))

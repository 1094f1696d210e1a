"""Window fixtures: a fresh library (empty or holding the seed articles), a window on it
with its own settings file, stopped at teardown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.library import Library
from ui.main_window import MainWindow

TIMEOUT = 20_000


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(qtbot: QtBot, library: Library, settings: QSettings) -> MainWindow:
    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def window(qtbot: QtBot, library: Library, settings: QSettings) -> Iterator[MainWindow]:
    win = open_window(qtbot, library, settings)
    yield win
    win.wait_for_tasks()


@pytest.fixture
def seeded(
    qtbot: QtBot, library: Library, settings: QSettings, seeds_dir: Path
) -> Iterator[MainWindow]:
    """A window on a library holding the seed articles, its views loaded."""
    library.import_paths([seeds_dir])
    win = open_window(qtbot, library, settings)
    with qtbot.waitSignal(win.data_loaded, timeout=TIMEOUT):
        win.reload()
    win.fill_all_views()  # views off screen are filled when shown; tests look at them all
    yield win
    win.wait_for_tasks()


WOOL = " date 2021-04-02 Armenia and Mongolia signed an agreement on wool trade in Yerevan."


@pytest.fixture
def wool(library: Library, tmp_path: Path) -> Library:
    """The library holding one article (``wool.txt``): an agreement on wool trade."""
    article = tmp_path / "wool.txt"
    article.write_text(WOOL, encoding="utf-8")
    library.import_paths([article])
    return library

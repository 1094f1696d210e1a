"""The window remembers its state between runs (QSettings) and shows every view offscreen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT, open_window
from tests.ui.window_facts import of_type
from ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]


def test_last_view_column_widths_and_splitters_are_remembered(
    qtbot: QtBot, seeded: MainWindow, settings
) -> None:
    seeded.tabs.setCurrentIndex(4)
    seeded.pages[4].table.table.setColumnWidth(3, 333)
    seeded.splitter.setSizes([500, 700])
    sizes = seeded.splitter.sizes()
    seeded.close()
    again = open_window(qtbot, seeded.library, settings)
    with qtbot.waitSignal(again.data_loaded, timeout=TIMEOUT):
        again.reload()
    assert again.tabs.currentIndex() == 4
    assert again.pages[4].table.table.columnWidth(3) == 333
    left, right = again.splitter.sizes()
    assert abs(left / (left + right) - sizes[0] / sum(sizes)) < 0.02  # the same share
    again.wait_for_tasks()


def test_screenshot_writes_a_png_of_every_view(tmp_path: Path, seeds_dir: Path) -> None:
    library = tmp_path / "lib"
    run = [sys.executable, "-m", "app", "--library", str(library)]
    subprocess.run([*run, "import", str(seeds_dir)], check=True, cwd=REPO, capture_output=True)
    out = tmp_path / "shots"
    done = subprocess.run(
        [*run, "--screenshot", str(out)], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    expected = [
        "agreements",
        "articles",
        "missions",
        "people",
        "statistics",
        "timeline",
        "to-review",
        "visits",
    ]
    assert names == [f"{n}.png" for n in expected]
    for path in out.iterdir():
        image = QImage(str(path))
        assert image.width() >= 1200 and image.height() >= 800
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 600, 7)}
        assert len(colours) > 50, path.name  # painted, not blank


def test_views_answer_ctrl_number_and_about_names_version_and_licences(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from app import __version__

    for n in range(1, 8):
        qtbot.keyClick(seeded, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert seeded.tabs.currentIndex() == n - 1
    seeded.about_action.trigger()
    box = next(w for w in seeded.findChildren(QMessageBox) if w.isVisible())
    assert (
        __version__ in box.text()
        and "LGPL" in box.text()
        and "never uses the network" in box.text()
    )
    box.close()


def test_views_off_screen_are_filled_when_shown(
    qtbot: QtBot, library, settings, seeds_dir: Path
) -> None:
    library.import_paths([seeds_dir])
    win = open_window(qtbot, library, settings)
    with qtbot.waitSignal(win.data_loaded, timeout=TIMEOUT):
        win.reload()
    assert win.pages[0].table.model.rowCount() == len(of_type(win, "visits"))
    missions = win.pages[4]
    assert missions.table.model.rowCount() == 0  # not shown yet: not filled yet
    with qtbot.waitSignal(missions.table.rows_shown, timeout=TIMEOUT):  # read in a worker
        win.tabs.setCurrentWidget(missions)
    assert missions.table.model.rowCount() == len(of_type(win, "missions")) > 0
    win.wait_for_tasks()

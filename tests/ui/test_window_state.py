"""The window remembers its state between runs (QSettings) and shows every view offscreen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT, open_window
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
    expected = ["agreements", "articles", "missions", "people", "statistics", "timeline", "visits"]
    assert names == [f"{n}.png" for n in expected]
    for path in out.iterdir():
        image = QImage(str(path))
        assert image.width() >= 1200 and image.height() >= 800
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 600, 7)}
        assert len(colours) > 50, path.name  # painted, not blank

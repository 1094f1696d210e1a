"""The window meeting a fault at start-up or during an import (issue 19), end to end: the
real start (``ui.app.run_gui``, in a process of its own, offscreen) on a library written
by a newer Attaché and on a damaged one; an import from the window that fills the disk."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from app.library import DB_NAME, Library
from db import backup
from tests.reliability.test_faults import REPO, checked_whole, damage, set_version

SHOTS = Path(os.environ.get("ATTACHE_SHOTS", "/tmp"))

START = r'''
"""Start the window on a library as `attache` does; watch what it shows, and answer."""
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from ui.app import run_gui

folder, answer = Path(sys.argv[1]), sys.argv[2]
seen = []

def probe(app, window, claim):
    def look():
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            if isinstance(widget, QMessageBox):
                seen.append({"kind": "message", "title": widget.windowTitle(),
                             "text": widget.text()})
                widget.reject()
                return
            if type(widget).__name__ == "RestoreDialog":
                if widget.task is None and not any(s["kind"] == "restore" for s in seen):
                    items = [widget.list.item(i).text() for i in range(widget.list.count())]
                    seen.append({"kind": "restore", "title": widget.windowTitle(),
                                 "items": items, "can_restore": widget.restore_button.isEnabled()})
                    widget.restore() if answer == "restore" else widget.reject()
                return
        library = window.library
        if library is not None and not any(s["kind"] == "opened" for s in seen):
            seen.append({"kind": "opened", "articles": library.article_count(),
                         "title": window.windowTitle()})
            window.close()

    timer = QTimer(app)
    timer.timeout.connect(look)
    timer.start(50)

code = run_gui(folder, probe)
print(json.dumps({"code": code, "seen": seen}), flush=True)
os._exit(0)
'''


def start_window(folder: Path, answer: str, tmp_path: Path) -> dict[str, Any]:
    """The window started on ``folder`` in a process of its own; what it showed."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    env.pop("ATTACHE_LIBRARY", None)
    done = subprocess.run(
        [sys.executable, "-c", START, str(folder), answer],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stdout + done.stderr
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(tmp_path: Path, articles_dir: Path) -> Path:
    folder = tmp_path / "lib"
    with Library(folder) as library:
        library.import_paths([articles_dir])
    return folder


def test_the_window_refuses_a_library_from_a_newer_attache_in_a_dialog(
    filled: Path, tmp_path: Path
) -> None:
    set_version(filled, "0099")
    shutil.rmtree(filled / backup.BACKUP_DIR, ignore_errors=True)
    before = sha(filled / DB_NAME)
    head = backup.head_revision()

    result = start_window(filled, "quit", tmp_path)
    assert result["code"] == 1
    (shown,) = result["seen"]  # one dialog, and the library never opened
    assert shown["kind"] == "message", shown
    text = shown["text"]
    assert "written by a newer Attaché" in text and "version 0099" in text, text
    assert f"up to {head}" in text and "Open it with the newer Attaché" in text, text
    assert "nothing was changed" in text
    assert sha(filled / DB_NAME) == before  # nothing written
    wal = filled / f"{DB_NAME}-wal"
    assert not wal.exists() or wal.stat().st_size == 0  # (a reader's empty journal)
    assert not (filled / backup.BACKUP_DIR).exists()  # nothing backed up


@pytest.mark.parametrize("answer", ["restore", "quit"])
def test_the_window_offers_to_restore_a_damaged_library_at_start(
    filled: Path, tmp_path: Path, answer: str
) -> None:
    backup.backup_database(filled / DB_NAME, filled / backup.BACKUP_DIR, "manual")
    damage(filled)
    damaged = sha(filled / DB_NAME)

    result = start_window(filled, answer, tmp_path)
    kinds = [s["kind"] for s in result["seen"]]
    offered = result["seen"][0]
    assert offered["kind"] == "restore", result
    assert offered["title"] == "Attaché — the library is damaged"
    assert offered["can_restore"] and "4 article(s)" in offered["items"][0]
    assert "taken by hand" in offered["items"][0]
    if answer == "quit":
        assert result["code"] == 1 and kinds == ["restore", "message"], result
        assert "is damaged" in result["seen"][1]["text"]  # and the window closes
        assert sha(filled / DB_NAME) == damaged  # left as it was, for another try
        assert not list(filled.glob(f"{DB_NAME}.damaged-*"))
        return
    assert result["code"] == 0 and kinds == ["restore", "opened"], result
    assert result["seen"][1]["articles"] == 4
    assert "read-only" not in result["seen"][1]["title"]
    aside = [
        p for p in filled.glob(f"{DB_NAME}.damaged-*") if not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(aside) == 1 and sha(aside[0]) == damaged  # the damaged file kept aside
    checked_whole(filled)


# -- an import from the window that fills the disk ---------------------------------------
def test_an_import_in_the_window_that_fills_the_disk_says_so_in_a_message_box(
    qtbot: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from app.sample import MARKER
    from tests.faults.test_space_and_permissions import write_articles
    from tests.mounts import fill, mounted_tmpfs
    from ui.main_window import MainWindow

    with mounted_tmpfs(tmp_path / "disk", "8m") as disk:
        source = write_articles(tmp_path / "src", 16, 2500)
        folder = disk / "lib"
        Library(folder).close()
        (folder / MARKER).touch()  # the person's own library: no sample articles
        filler = fill(disk, leave=384 * 1024)

        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(None, settings, folder=folder)
        qtbot.addWidget(window)
        window.show()
        errors: list[object] = []
        window.open_library(lambda: Library(folder, defer_maintenance=True), errors.append)
        qtbot.waitUntil(lambda: window.library is not None or bool(errors), timeout=30_000)
        assert not errors
        window.wait_for_tasks()
        finished: list[object] = []
        window.importer.finished.connect(finished.append)
        window.importer.start([source])
        qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
        window.wait_for_tasks()

        box = window.importer.message_box
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert box.icon() == QMessageBox.Icon.Critical
        title, text = box.windowTitle(), box.text()
        assert title == "The disk is full"
        box.grab().save(str(SHOTS / "import_disk_full.png"))
        assert text.startswith(f"No space left on the device holding {folder / DB_NAME}: "), text
        assert "each whole" in text and "import again" in text
        stored = window.library.article_count()
        assert 0 < stored < 16
        said = re.search(r"the import stopped after (\d+) new article\(s\), each whole", text)
        assert said is not None and int(said.group(1)) == stored, text  # all of them counted
        window.wait_for_tasks()  # the views reloaded after the import
        window.library.close()

        filler.unlink()
        checked_whole(folder)
        with closing(sqlite3.connect(folder / DB_NAME)) as con:
            assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == stored

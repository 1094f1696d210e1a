"""Work off the GUI thread: results and errors come back, nothing crashes."""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.tasks import TaskContext, run_task


def test_many_results_of_every_kind_come_back(qtbot: QtBot) -> None:
    # PySide6 6.12.0 crashed the interpreter here on Python 3.11 (refcount bug),
    # which is why pyproject.toml keeps it below 6.12.
    results: list[object] = []
    values: list[object] = [None, True, False, 5, (None, []), "text"]
    for i in range(300):
        value = values[i % len(values)]
        run_task(lambda _ctx, v=value: v, results.append)
    qtbot.waitUntil(lambda: len(results) == 300, timeout=20_000)
    assert results.count(None) == 50 and results.count(True) == 50


def test_an_exception_is_delivered_to_the_gui_thread(qtbot: QtBot) -> None:
    def boom(_ctx: TaskContext) -> None:
        raise ValueError("bad input file")

    errors: list[object] = []
    task = run_task(boom, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert isinstance(errors[0], ValueError) and "bad input file" in str(errors[0])
    assert "ValueError" in task.traceback


def test_progress_and_cancel_reach_the_work(qtbot: QtBot) -> None:
    def count(ctx: TaskContext) -> str:
        # Runs until cancelled (a minute at most, so a broken cancel cannot hang the run).
        n, deadline = 0, time.monotonic() + 60
        while not ctx.cancelled() and time.monotonic() < deadline:
            n += 1
            if n % 1000 == 0:
                ctx.progress(n, 0, "")
        return "cancelled" if ctx.cancelled() else "ran out of time"

    progress: list[int] = []
    results: list[str] = []
    task = run_task(count, results.append)
    task.progress.connect(lambda d, _t, _n: progress.append(d))
    qtbot.waitUntil(lambda: bool(progress), timeout=10_000)
    task.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=70_000)
    assert results == ["cancelled"]


def test_a_flood_of_progress_reports_is_thinned_but_the_last_one_arrives(qtbot: QtBot) -> None:
    def report(ctx: TaskContext) -> int:
        for n in range(1, 200_001):
            ctx.progress(n, 200_000, "")
        return 200_000

    progress: list[int] = []
    results: list[int] = []
    task = run_task(report, results.append)
    task.progress.connect(lambda d, _t, _n: progress.append(d))
    qtbot.waitUntil(lambda: bool(results), timeout=30_000)
    qtbot.waitUntil(lambda: bool(progress) and progress[-1] == 200_000, timeout=5_000)
    # One report per 50 ms at most reaches the window, and the last one always does.
    assert len(progress) < 1000


def test_a_window_waits_for_its_own_work_not_another_windows(qtbot: QtBot, tmp_path: Path) -> None:
    import threading

    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

    windows = []
    for name in ("a", "b"):
        win = MainWindow(None, QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        windows.append(win)
    first, second = windows
    release = threading.Event()
    threading.Timer(2.0, release.set).start()  # the other window's work ends in 2 s
    first.tasks.run_plain(lambda _ctx: release.wait(30), lambda _r: None)
    second.wait_for_tasks(timeout_ms=60_000)  # (closing, switching library)
    assert not release.is_set()  # it did not wait for the other window's work
    first.wait_for_tasks()
    assert release.is_set()

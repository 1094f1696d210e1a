"""The window benchmark runs end to end on a small library: a real child process opens
the real window offscreen, and the figures it reports are there. Timings decide nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_window_benchmark_reports_its_figures(tmp_path: Path) -> None:
    library = tmp_path / "library"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    articles = ROOT / "tests" / "fixtures" / "articles"
    made = subprocess.run(
        [sys.executable, "-m", "app", "--library", str(library), "import", str(articles)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stderr
    out = tmp_path / "window.json"
    bench = [sys.executable, "benchmarks/window_bench.py", "--library", str(library)]
    run = subprocess.run(
        [*bench, "--runs", "1", "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "first_paint_ms" in run.stdout  # the table
    figures = json.loads(out.read_text())
    assert figures["articles"] == 4
    for name in ("import_ms", "first_paint_ms", "usable_ms", "first_search_ms"):
        assert figures[name] > 0, name
    assert figures["first_paint_ms"] > figures["import_ms"]
    assert figures["usable_ms"] >= figures["first_paint_ms"]
    assert isinstance(figures["max_gap_ms"], float | int)
    assert figures["peak_rss_mb"] > 50  # the window process's ru_maxrss, in MiB
    assert figures["max_gap_during"]
    (only,) = figures["runs"]
    assert "error" not in only, only["error"]
    assert only["exit_code"] == 0
    assert only["first_search_rows"] > 0  # the typed query listed what it found
    assert [name for name, _ms in only["tabs"]][-1] == "Articles"
    assert len(only["searches"]) >= 4

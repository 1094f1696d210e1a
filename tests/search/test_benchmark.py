"""The benchmark runs with one command (a small size here; timing decides nothing), and
its corpus is reproducible, article-sized and about many country pairs."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import generate, write_files
from benchmarks.queries import KINDS

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_benchmark_runs_at_1000_articles(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--sizes", "1000", "--queries", "5",
         "--out", str(out), "--keep", str(tmp_path / "work")],
        cwd=REPO, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    assert "FTS5 alone" in run.stdout and "fuzzy" in run.stdout
    check_report(json.loads(out.read_text(encoding="utf-8")))
    assert (tmp_path / "work" / "n1000" / "articles").is_dir()


def check_report(report: dict) -> None:
    """Every figure of every kind is there, and the import brought all 1,000 articles."""
    assert report["machine"]["cpus"] and report["git_commit"] and report["seed"]
    assert len(report["load_average_start"]) == len(report["load_average_end"]) == 3
    (size,) = report["results"]
    imp = size["import"]
    assert size["articles"] == 1000 and imp["returncode"] == 0 and imp["imported"] == 1000
    assert imp["articles_per_s"] > 0 and imp["cpu_utilisation"] > 0
    assert imp["peak_tree_rss_mb"] >= imp["peak_main_rss_mb"] > 0 and imp["library_mb"] > 0
    for baseline in ("whoosh_alone", "fts5_alone"):
        assert size[baseline]["articles_per_s"] > 0 and size[baseline]["size_mb"] > 0
    for kind in KINDS:
        for engine in ("attache", "fts5"):
            figures = size["search"][kind][engine]
            assert figures["n"] == 5, (kind, engine)
            assert 0 < figures["p50_ms"] <= figures["p95_ms"] <= figures["max_ms"]
        assert size["search"][kind]["attache"]["errors"] == []
    assert size["search"]["term"]["attache"]["mean_hits"] > 0
    assert size["search"]["fuzzy"]["attache"]["mean_hits"] > 0
    inc = size["incremental"]
    assert inc["found_before"] == 0 and inc["imported"] == 10 and inc["found"] == 10
    assert inc["searchable_after_s"] is not None and inc["import_wall_s"] > 0
    window = size["window"]
    assert "error" in window or window["first_paint_ms"] > 0
    assert not report.get("failed")


def test_the_corpus_is_the_same_for_the_same_seed() -> None:
    first = [a.text for a, _ in generate(30, seed=7)]
    assert first == [a.text for a, _ in generate(30, seed=7)]
    assert first != [a.text for a, _ in generate(30, seed=8)]


def test_the_files_are_news_sized_articles_about_many_pairs(tmp_path: Path) -> None:
    paths = write_files(tmp_path, 300, seed=3)
    docs = [a for a, _ in generate(300, seed=3)]
    assert [p.name for p in paths] == [a.source for a in docs]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for text, doc in zip(texts, docs, strict=True):
        assert text.startswith(f" date {doc.date} ") and text.strip().endswith(doc.text[-40:])
        assert text == f" date {doc.date} {doc.text}\n"
    assert 500 <= statistics.median(len(d.text.split()) for d in docs) <= 700
    assert len({d.countries for d in docs}) > 250  # pairs
    assert len({c for d in docs for c in d.countries}) > 100  # countries
    words = {w.strip('.,"').lower() for d in docs for w in d.text.split()}
    assert len(words) > 5_000  # a large vocabulary, not a few templates
    assert all(len(f) >= 1 for _, f in generate(50, seed=3))

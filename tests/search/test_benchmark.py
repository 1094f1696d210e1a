"""The search benchmark runs with one command (a small size here; timing decides nothing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_benchmark_runs_at_1000_articles(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    run = subprocess.run(
        [
            sys.executable,
            "benchmarks/bench_search.py",
            "--sizes",
            "1000",
            "--queries",
            "5",
            "--out",
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr
    assert "fielded+facets" in run.stdout and "fts5" in run.stdout
    report = json.loads(out.read_text())
    (size,) = report["results"]
    assert size["articles"] == 1000 and size["documents"] > 1000
    for engine in ("whoosh", "fts5"):
        assert size[engine]["size_mb"] > 0 and size[engine]["build_s"] > 0
        for kind in ("term", "phrase", "fielded+facets", "fuzzy"):
            assert 0 < size[engine][kind]["p50_ms"] <= size[engine][kind]["p95_ms"]
    assert size["whoosh"]["term"]["mean_hits"] > 0
    assert size["whoosh"]["fuzzy"]["mean_hits"] > 0


def test_the_corpus_is_the_same_for_the_same_seed() -> None:
    sys.path.insert(0, str(REPO))
    from benchmarks.corpus import generate

    first = [a.text for a, _ in generate(30, seed=7)]
    assert first == [a.text for a, _ in generate(30, seed=7)]
    assert first != [a.text for a, _ in generate(30, seed=8)]
    pairs = {a.countries for a, _ in generate(200, seed=7)}
    assert len(pairs) > 50

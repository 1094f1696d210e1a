"""Extraction speed: articles per second on the seeds, the project's fixtures, and both
repeated with small changes (so no cache flatters the result), on one and two processes.

    .venv/bin/python benchmarks/extract_speed.py [--repeat 40] [--json OUT]

Prints medians of 5 rounds; the one-process rate is the baseline the two-process rate
is compared with (same run, same machine).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from app.extract import extract_article  # noqa: E402
from app.import_worker import extraction_language  # noqa: E402
from app.ingest import split_date_line  # noqa: E402
from app.language import detect  # noqa: E402

SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
FIXTURES = [REPO / "tests" / "fixtures" / "extract", REPO / "resources" / "sample" / "articles"]


def load(folders: list[Path]) -> list[tuple[str, str | None, str]]:
    out = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            date, body = split_date_line(path.read_text(encoding="utf-8"))
            out.append((path.name, date, body))
    return out


def varied(
    arts: list[tuple[str, str | None, str]], repeat: int
) -> list[tuple[str, str | None, str]]:
    """Copies with a changed number and name per copy, so memoised results cannot help."""
    out = []
    for n in range(repeat):
        for name, date, body in arts:
            out.append((f"{n}_{name}", date, body.replace("20", str(20 + n % 7), 1) + f" Ref {n}."))
    return out


def _run(batch: list[tuple[str, str | None, str]]) -> int:
    for name, date, body in batch:  # each in its language, as the import reads it
        extract_article(name, body, date, extraction_language(detect(body)))
    return len(batch)


def rate(arts: list[tuple[str, str | None, str]], processes: int) -> float:
    start = time.perf_counter()
    if processes == 1:
        _run(arts)
    else:
        chunks = [arts[i::processes] for i in range(processes)]
        with ProcessPoolExecutor(processes) as pool:
            list(pool.map(_run, chunks))
    return len(arts) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    seeds = load([SEEDS]) if SEEDS.is_dir() else []
    own = load(FIXTURES)
    _run(own[:1])  # load the gazetteer once, outside the timing
    sets = {
        "seeds": seeds,
        "own articles": own,
        "own+seeds varied": varied(own + seeds, args.repeat),
    }
    results = {}
    print(
        f"{'set':<20} {'articles':>8} {'words/art':>9} {'1 proc/s':>9} {'2 proc/s':>9} {'ratio':>6}"
    )
    for label, arts in sets.items():
        if not arts:
            continue
        words = statistics.mean(len(b.split()) for _n, _d, b in arts)
        one = statistics.median(rate(arts, 1) for _ in range(args.rounds))
        two = (
            statistics.median(rate(arts, 2) for _ in range(max(1, args.rounds // 2)))
            if len(arts) >= 50
            else float("nan")
        )
        results[label] = {"articles": len(arts), "words": round(words), "one": one, "two": two}
        print(f"{label:<20} {len(arts):>8} {words:>9.0f} {one:>9.0f} {two:>9.0f} {two / one:>6.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

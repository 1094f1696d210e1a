"""Attaché at library scale, each figure beside its baseline, in one command:

    .venv/bin/python -m benchmarks.run [--sizes 1000,10000,50000] [--queries 60]
        [--out benchmarks/results/run-latest.json] [--keep DIR] [--seed 20240]

For each size it writes the generated corpus (``benchmarks/corpus.py``, fixed seed) as
article files and measures:

import       ``python -m app --library L import FOLDER`` as a user runs it (read, extract,
             store, index): articles/s, CPU seconds of the process tree per wall second,
             peak RSS of the tree (sampled every 0.2 s) and of the main process; beside
             Whoosh alone (``SearchIndex.rebuild`` over the same documents) and an SQLite
             FTS5 table (``benchmarks/fts5.py``), both in this process.
search       p50/p95/max ms of ``Library.search(query, 20, facets=…)`` (20 hits with
             snippets) on the imported library for term, term with facets, phrase,
             fielded + facets, prefix and fuzzy queries (``benchmarks/queries.py``) beside
             the same on FTS5; three warm-up queries per kind are not counted.
incremental  10 new articles imported by the CLI into the library; how long after that
             import ends a search (from a library opened read-only before it) finds all 10.
window       ``benchmarks/window_bench.py --library L --json OUT`` if it exists.

Prints a table per size and a summary, and writes everything (machine, git commit, load
average at start and end, seed, sizes) as JSON. Timing decides nothing here.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import traceback
from pathlib import Path

from benchmarks import fts5, measure
from benchmarks.corpus import SEED, generate, write_files
from benchmarks.queries import KINDS, make_queries
from benchmarks.report import print_summary, print_table

PY = sys.executable
WARM_UP = 3
INCREMENTAL = 10
MARKERS = [f"xqzmarker{c}" for c in "abcdefghij"]


def import_files(folder: Path, library: Path) -> dict:
    w = measure.run_watched([PY, "-m", "app", "--library", str(library), "import", str(folder)])
    found = re.search(r"imported (\d+)", w.stdout)
    imported = int(found.group(1)) if found else 0
    return {
        "returncode": w.returncode,
        "imported": imported,
        "wall_s": round(w.wall_s, 2),
        "articles_per_s": round(imported / w.wall_s, 1) if w.wall_s else 0.0,
        "cpu_s": round(w.cpu_s, 1),
        "cpu_utilisation": round(w.cpu_utilisation, 2),
        "peak_tree_rss_mb": round(w.peak_tree_rss_mb, 1),
        "peak_tree_private_mb": round(w.peak_tree_private_mb, 1),
        "peak_main_rss_mb": round(w.peak_main_rss_mb, 1),
        "max_processes": w.max_processes,
        "cpus": os.cpu_count(),
        "stderr_tail": w.stderr[-2000:],
    }


def baselines(count: int, seed: int, work: Path) -> tuple[dict, dict]:
    """Whoosh alone and FTS5 alone over the same documents (generated beforehand)."""
    from search.index import SearchIndex

    docs = [d for article, facts in generate(count, seed) for d in (article, *facts)]
    start = time.perf_counter()
    index = SearchIndex(work / "whoosh-alone")
    index.rebuild(docs, len(docs))
    whoosh_s = time.perf_counter() - start
    index.close()
    start = time.perf_counter()
    fts5.build(work / "fts5.sqlite", docs)
    fts_s = time.perf_counter() - start
    out = []
    for seconds, path in ((whoosh_s, work / "whoosh-alone"), (fts_s, work / "fts5.sqlite")):
        out.append(
            {
                "documents": len(docs),
                "build_s": round(seconds, 2),
                "articles_per_s": round(count / seconds, 1),
                "size_mb": measure.folder_mb(path),
            }
        )
    return out[0], out[1]


def latency(library: Path, fts_db: Path, queries: dict[str, list[tuple[str, str]]]) -> dict:
    from app.library import Library

    lib = Library(library)
    con = sqlite3.connect(fts_db)
    out: dict = {}
    try:
        for kind in KINDS:
            facets = kind.endswith("+facets")
            app_ms: list[float] = []
            fts_ms: list[float] = []
            app_hits: list[int] = []
            fts_hits: list[int] = []
            errors: list[str] = []
            for i, (app_q, fts_q) in enumerate(queries[kind]):
                start = time.perf_counter()
                try:
                    total = lib.search(app_q, 20, facets=facets).total
                except Exception as exc:  # a query the app refuses: say which
                    errors.append(f"{app_q}: {exc}")
                    continue
                elapsed = (time.perf_counter() - start) * 1000
                fts_start = time.perf_counter()
                fts_total = fts5.search(con, fts_q, facets)
                fts_elapsed = (time.perf_counter() - fts_start) * 1000
                if i < WARM_UP:
                    continue
                app_ms.append(elapsed)
                fts_ms.append(fts_elapsed)
                app_hits.append(total)
                fts_hits.append(fts_total)
            out[kind] = {
                "attache": measure.percentiles(app_ms or [0.0])
                | {"mean_hits": round(statistics.mean(app_hits or [0])), "errors": errors},
                "fts5": measure.percentiles(fts_ms or [0.0])
                | {"mean_hits": round(statistics.mean(fts_hits or [0]))},
            }
    finally:
        con.close()
        lib.close()
    return out


def incremental(library: Path, count: int, seed: int, work: Path) -> dict:
    """Import 10 new articles; time until a search opened before the import finds them."""
    from app.library import Library

    folder = work / "incremental"
    write_files(folder, INCREMENTAL, seed + 1_000_003, first_id=count + 1, markers=MARKERS)
    query = " OR ".join(MARKERS)
    lib = Library(library, read_only=True)
    try:
        before = lib.search(query, 20).total
        run = import_files(folder, library)
        ended = time.perf_counter()
        found, waited = 0, None
        while time.perf_counter() - ended < 10.0:
            found = lib.search(query, 20).total
            if found >= INCREMENTAL:
                waited = time.perf_counter() - ended
                break
            time.sleep(0.02)
    finally:
        lib.close()
    return {
        "articles": INCREMENTAL,
        "found_before": before,
        "import_wall_s": run["wall_s"],
        "imported": run["imported"],
        "returncode": run["returncode"],
        "found": found,
        "searchable_after_s": round(waited, 3) if waited is not None else None,
        "stderr_tail": run["stderr_tail"],
    }


def window(library: Path, work: Path) -> dict:
    script = measure.REPO / "benchmarks" / "window_bench.py"
    if not script.exists():
        return {"error": "benchmarks/window_bench.py does not exist"}
    out = work / "window.json"
    w = measure.run_watched(
        # Start-up work still running after a minute is reported as such (it is per fact:
        # on a large library it runs for minutes), so three runs fit in the timeout.
        [PY, str(script), "--library", str(library), "--json", str(out), "--startup-limit", "60"],
        timeout_s=900,
    )
    if w.returncode != 0 or not out.exists():
        return {"error": f"exit {w.returncode}: {(w.stderr or w.stdout)[-1500:]}"}
    try:
        return json.loads(out.read_text(encoding="utf-8")) | {"peak_rss_mb": w.peak_tree_rss_mb}
    except ValueError as exc:
        return {"error": f"unreadable {out.name}: {exc}"}


def _phase(fn, *args, pair: bool = False):  # type: ignore[no-untyped-def]
    """``fn(*args)``, or its error (recorded, and the run goes on to the next phase)."""
    try:
        return fn(*args)
    except Exception:
        error = {"error": traceback.format_exc(limit=-3)}
        print(error["error"], file=sys.stderr, flush=True)
        return (error, error) if pair else error


def failed(result: dict) -> list[str]:
    """The phases of one size that failed."""
    bad = [k for k, v in result.items() if k != "window" and isinstance(v, dict) and "error" in v]
    imp = result["import"]
    if "error" not in imp and (imp["returncode"] != 0 or imp["imported"] != result["articles"]):
        bad.append("import (not every file imported)")
    return bad


def run_size(count: int, n_queries: int, seed: int, work: Path) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    print(f"-- {count:,} articles: writing the files…", flush=True)
    start = time.perf_counter()
    paths = write_files(work / "articles", count, seed)
    written_s = time.perf_counter() - start
    words = statistics.median(len(p.read_text(encoding="utf-8").split()) for p in paths[:2000])
    library = work / "library"
    print("   importing with the CLI…", flush=True)
    imported = _phase(import_files, work / "articles", library)
    print("   Whoosh alone and FTS5 alone…", flush=True)
    whoosh, fts = _phase(baselines, count, seed, work, pair=True)
    print("   search latency…", flush=True)
    queries = make_queries(n_queries + WARM_UP, seed)
    search = _phase(latency, library, work / "fts5.sqlite", queries)
    print("   incremental import…", flush=True)
    inc = _phase(incremental, library, count, seed, work)
    print("   window…", flush=True)
    win = window(library, work)
    return {
        "articles": count,
        "corpus": {
            "write_s": round(written_s, 2),
            "median_words": words - 2,  # the date line
            "files_mb": measure.folder_mb(work / "articles"),
        },
        "import": imported | {"library_mb": measure.folder_mb(library) if library.exists() else 0},
        "whoosh_alone": whoosh,
        "fts5_alone": fts,
        "search": search,
        "incremental": inc,
        "window": win,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="article counts")
    parser.add_argument("--queries", type=int, default=60, help="timed queries per kind")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/run-latest.json"))
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    work = args.keep or Path(tempfile.mkdtemp(prefix="attache-bench-"))
    report: dict = {
        "command": " ".join(sys.argv),
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": measure.machine(),
        "git_commit": measure.git_commit(),
        "load_average_start": measure.load_average(),
        "seed": args.seed,
        "sizes": sizes,
        "queries_per_kind": args.queries,
        "results": [],
    }
    try:
        for count in sizes:
            result = run_size(count, args.queries, args.seed, work / f"n{count}")
            report["results"].append(result)
            print_table(result)
            report["failed"] = report.get("failed", []) + [f"{count}: {x}" for x in failed(result)]
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    report["load_average_end"] = measure.load_average()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print_summary(report)
    print(f"wrote {args.out}")
    if report.get("failed"):
        print("failed: " + "; ".join(report["failed"]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

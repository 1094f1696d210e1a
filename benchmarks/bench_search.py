"""Time Attaché's search against SQLite FTS5 on generated libraries.

    .venv/bin/python benchmarks/bench_search.py                 # 10,000 and 50,000 articles
    .venv/bin/python benchmarks/bench_search.py --sizes 1000    # a quick run

For each size it builds, from the same generated articles and facts
(``benchmarks/corpus.py``, fixed seed), the Whoosh index the app uses and an FTS5
table, then times the same queries on both: term, phrase, fielded with facet
counts, and fuzzy (FTS5 has no fuzzy match: it gets the word's first four letters
as a prefix). Each Whoosh search returns a page of 20 hits with snippets cut from
the texts in SQLite, as in the app; each FTS5 search returns 20 hits with
``snippet()`` and the total. Prints a table and writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import generate, vocabulary
from search.index import SearchIndex
from search.schema import ArticleDoc, FactDoc

KINDS = ("term", "phrase", "fielded+facets", "fuzzy")
FTS_FACETS = ("year", "country", "type", "source")


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def make_queries(n: int, seed: int) -> dict[str, list[tuple[str, str]]]:
    """(Whoosh query, FTS5 MATCH expression) pairs per kind."""
    rng = random.Random(seed)
    vocab = vocabulary(seed)
    out: dict[str, list[tuple[str, str]]] = {k: [] for k in KINDS}
    for _ in range(n):
        word = rng.choice(vocab["words"])
        out["term"].append((word, f'"{word}"'))
        phrase = rng.choice(vocab["phrases"])
        out["phrase"].append((f'"{phrase}"', f'"{phrase}"'))
        code, year, word2 = (
            rng.choice(vocab["codes"]),
            rng.randint(1995, 2025),
            rng.choice(["trade", "visit", "agreements", "investment"]),
        )
        out["fielded+facets"].append(
            (
                f"{word2} country:{code} date:{year}",
                f'"{word2}" AND country:{code.lower()} AND year:{year}',
            )
        )
        name = rng.choice([w for w in vocab["names"] if len(w) >= 6])
        typo = _misspell(name, rng)
        out["fuzzy"].append((f"{typo}~", f'"{typo[:4]}" *'))
    return out


def _docs(count: int, seed: int) -> Iterator[ArticleDoc | FactDoc]:
    for article, facts in generate(count, seed):
        yield article
        yield from facts


def build_texts(db: Path, count: int, seed: int) -> None:
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, text TEXT)")
    con.executemany(
        "INSERT INTO articles VALUES (?, ?)", ((a.id, a.text) for a, _ in generate(count, seed))
    )
    con.commit()
    con.close()


def build_fts(db: Path, count: int, seed: int) -> None:
    con = sqlite3.connect(db)
    con.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, year, country, type, source,"
        " kind UNINDEXED, ref UNINDEXED, tokenize='porter unicode61 remove_diacritics 2')"
    )
    rows = []
    for doc in _docs(count, seed):
        year = (doc.date or "")[:4]
        if isinstance(doc, ArticleDoc):
            row = (
                doc.title,
                doc.text,
                year,
                " ".join(doc.countries).lower(),
                " ".join(doc.fact_types),
                doc.source,
                "article",
                doc.id,
            )
        else:
            row = (
                doc.summary,
                doc.text,
                year,
                " ".join(doc.countries).lower(),
                doc.type,
                " ".join(doc.sources),
                "fact",
                doc.id,
            )
        rows.append(row)
        if len(rows) >= 5000:
            con.executemany("INSERT INTO fts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            rows.clear()
    con.executemany("INSERT INTO fts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.commit()
    con.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    con.commit()
    con.close()


def fts_search(con: sqlite3.Connection, match: str, facets: bool) -> int:
    hits = con.execute(
        "SELECT kind, ref, snippet(fts, 1, '[', ']', '…', 16) FROM fts WHERE fts MATCH ?"
        " ORDER BY rank LIMIT 20",
        (match,),
    ).fetchall()
    total = con.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (match,)).fetchone()[0]
    if facets:
        for column in FTS_FACETS:
            con.execute(
                f"SELECT {column}, count(*) FROM fts WHERE fts MATCH ? GROUP BY {column}"
                " ORDER BY 2 DESC LIMIT 12",
                (match,),
            ).fetchall()
    return total if hits is not None else 0


def _time(fn: Callable[[], object], repeats: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeats):
        fn()
    return (time.perf_counter() - start) * 1000 / repeats


def _stats(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2)}


def run_size(count: int, queries: dict[str, list[tuple[str, str]]], seed: int, work: Path) -> dict:
    print(f"-- {count:,} articles: generating and indexing…", flush=True)
    folder = work / f"n{count}"
    folder.mkdir()
    texts_db, fts_db = folder / "texts.sqlite", folder / "fts.sqlite"
    build_texts(texts_db, count, seed)
    docs = sum(1 for _ in _docs(count, seed))

    start = time.perf_counter()
    index = SearchIndex(folder / "index")
    index.rebuild(_docs(count, seed), docs)
    whoosh_build = time.perf_counter() - start
    start = time.perf_counter()
    build_fts(fts_db, count, seed)
    fts_build = time.perf_counter() - start

    texts_con = sqlite3.connect(texts_db, check_same_thread=False)

    def texts(ids: list[int]) -> dict[int, str]:
        marks = ",".join("?" * len(ids))
        rows = texts_con.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", ids)
        return dict(rows.fetchall())

    fts_con = sqlite3.connect(fts_db)
    result: dict = {
        "articles": count,
        "documents": docs,
        "whoosh": {
            "build_s": round(whoosh_build, 2),
            "size_mb": round(_size(folder / "index") / 2**20, 1),
        },
        "fts5": {"build_s": round(fts_build, 2), "size_mb": round(_size(fts_db) / 2**20, 1)},
    }
    for kind in KINDS:
        facets = kind == "fielded+facets"
        for wq, fq in queries[kind][:3]:  # warm both up
            index.search(wq, 20, texts, kinds=None, facets=facets)
            fts_search(fts_con, fq, facets)
        w_ms, f_ms, hits = [], [], []
        for wq, fq in queries[kind]:
            found: list[int] = []
            w_ms.append(
                _time(
                    lambda wq=wq, found=found, facets=facets: found.append(
                        index.search(wq, 20, texts, kinds=None, facets=facets).total
                    )
                )
            )
            hits.append(found[0])
            f_ms.append(_time(lambda fq=fq, facets=facets: fts_search(fts_con, fq, facets)))
        result["whoosh"][kind] = _stats(w_ms) | {"mean_hits": round(statistics.mean(hits))}
        result["fts5"][kind] = _stats(f_ms)
    index.close()
    texts_con.close()
    fts_con.close()
    return result


def print_table(results: list[dict]) -> None:
    head = f"{'articles':>9} {'engine':<7} {'build s':>8} {'size MB':>8}"
    for kind in KINDS:
        head += f" {kind + ' p50/p95 ms':>28}"
    print(head)
    for r in results:
        for engine in ("whoosh", "fts5"):
            e = r[engine]
            line = f"{r['articles']:>9,} {engine:<7} {e['build_s']:>8} {e['size_mb']:>8}"
            for kind in KINDS:
                line += f" {str(e[kind]['p50_ms']) + ' / ' + str(e[kind]['p95_ms']):>28}"
            print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,50000", help="article counts, comma-separated")
    parser.add_argument("--queries", type=int, default=60, help="queries per kind")
    parser.add_argument("--seed", type=int, default=20240)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results.json"))
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    queries = make_queries(args.queries, args.seed)
    work = args.keep or Path(tempfile.mkdtemp(prefix="attache-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for count in sizes:
            results.append(run_size(count, queries, args.seed, work))
            print_table(results[-1:])
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    report = {
        "machine": {
            "python": platform.python_version(),
            "system": platform.platform(),
            "sqlite": sqlite3.sqlite_version,
        },
        "queries_per_kind": args.queries,
        "seed": args.seed,
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print()
    print_table(results)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

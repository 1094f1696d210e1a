"""Extraction quality on real articles: import them into a fresh library, export the
facts as JSON (``attache export --format json``), score them against gold files.

    .venv/bin/python -m benchmarks.extract_quality DIR GOLD [GOLD ...] [--verbose]
        [--scorer ../shared/tools/score_facts.py] [--json OUT] [--keep DIR]

    # the seeds, and the dev set (re-created outside the repository, see
    # ../shared/corpus/dev/README.md):
    .venv/bin/python -m benchmarks.extract_quality ../shared/corpus/seeds \\
        ../shared/facts/gold/seeds.json
    .venv/bin/python -m benchmarks.extract_quality ../devset \\
        ../shared/facts/gold/dev-a.json ../shared/facts/gold/dev-b.json --verbose

Per gold file it prints each type's true and false positives, misses, precision, recall
and F1 (``--verbose``: every miss and extra), the macro F1 over types, and the
confidence calibration: for each confidence band, how many of the facts in it the gold
confirms, and what share of all confirmed facts sit at or above 0.8. The scoring is the
shared scorer's own (``score_type``), loaded from its file, so the numbers are the ones
``score_facts.py EXPORT GOLD`` prints.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SCORER = REPO.parent / "shared" / "tools" / "score_facts.py"
FACT_TYPES = ("visits", "agreements", "statistics", "events", "missions")
BANDS = ((0.8, 1.01), (0.6, 0.8), (0.4, 0.6), (0.0, 0.4))
HIGH = 0.8


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_facts", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise SystemExit(f"no scorer at {path} (give --scorer)")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def export_facts(articles: Path, keep: Path | None = None) -> dict[str, Any]:
    """Import every file of ``articles`` into a new library; the JSON export's document."""
    from app.export import export_document
    from app.library import Library

    with tempfile.TemporaryDirectory(prefix="attache-quality-") as tmp:
        folder = keep or Path(tmp) / "library"
        library = Library(folder)
        try:
            files = sorted(p for p in articles.iterdir() if p.is_file() and p.suffix)
            report = library.import_paths(files)
            if report.failed:
                print(f"not imported: {report.failed}", file=sys.stderr)
            out = Path(tmp) / "facts.json"
            export_document(library.export_document(), out, "json")
        finally:
            library.close()
        return dict(json.loads(out.read_text(encoding="utf-8")))


def score(scorer: ModuleType, doc: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Per type: the scorer's counts, precision, recall, F1, misses and extras; and the
    predicted facts (of the gold's articles) each with whether the gold confirmed it."""
    articles = {a["id"] for a in gold.get("articles", [])}
    result: dict[str, Any] = {"types": {}, "judged": []}
    for kind in scorer.TYPES:
        predicted = list(doc.get(kind) or [])
        if kind == "entities":  # the scorer keeps every entity; these are of other articles
            predicted = [e for e in predicted if not scorer.cited(e) or scorer.cited(e) & articles]
        res = scorer.score_type(kind, predicted, list(gold.get(kind) or []), articles)
        p, r, f = scorer.f1(res["tp"], res["fp"], res["fn"])
        result["types"][kind] = res | {"precision": p, "recall": r, "f1": f}
        if kind in FACT_TYPES:
            extras = {id(x) for x in res["extras"]}
            for fact in predicted:
                cited = scorer.cited(fact)
                if cited and not cited & articles:
                    continue
                # A match to an optional gold item is neither right nor wrong: it is not
                # among the extras, and counts as confirmed here as it does in the scorer.
                result["judged"].append((kind, fact, id(fact) not in extras))
    fs = [t["f1"] for t in result["types"].values()]
    result["macro_f1"] = sum(fs) / len(fs)
    return result


def calibration(judged: list[tuple[str, dict[str, Any], bool]]) -> dict[str, Any]:
    """Facts by confidence band: how many, how many right; the share of right facts at or
    above :data:`HIGH`, and how often the facts there are right."""
    judged = [(k, f.get("confidence"), ok) for k, f, ok in judged]
    bands = []
    for low, high in BANDS:
        inside = [ok for _k, c, ok in judged if c is not None and low <= c < high]
        bands.append(
            {
                "band": f"{low:.1f}-{min(high, 1.0):.1f}",
                "facts": len(inside),
                "right": sum(inside),
                "precision": (sum(inside) / len(inside)) if inside else None,
            }
        )
    right = [c for _k, c, ok in judged if ok]
    high = [ok for _k, c, ok in judged if c is not None and c >= HIGH]
    return {
        "bands": bands,
        "without_confidence": sum(1 for _k, c, _ok in judged if c is None),
        "precision_at_high": (sum(high) / len(high)) if high else None,
        "share_of_right_at_high": (
            sum(1 for c in right if c is not None and c >= HIGH) / len(right) if right else None
        ),
    }


def print_report(name: str, scored: dict[str, Any], scorer: ModuleType, verbose: bool) -> None:
    print(f"\n== {name}")
    print(f"{'type':<11} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}")
    for kind, res in scored["types"].items():
        print(
            f"{kind:<11} {res['tp']:>4} {res['fp']:>4} {res['fn']:>4} "
            f"{res['precision']:>6.2f} {res['recall']:>6.2f} {res['f1']:>6.2f}"
        )
        if verbose:
            for miss in res["misses"]:
                print(
                    f"    missed: {scorer.brief(miss)}  [{', '.join(sorted(scorer.cited(miss)))}]"
                )
            for extra in res["extras"]:
                print(
                    f"    extra:  {scorer.brief(extra)}  [{', '.join(sorted(scorer.cited(extra)))}]"
                )
    print(f"macro F1 over types {scored['macro_f1']:.3f}")


def print_calibration(cal: dict[str, Any]) -> None:
    print("\nconfidence   facts  right  precision")
    for band in cal["bands"]:
        prec = "-" if band["precision"] is None else f"{band['precision']:.2f}"
        print(f"{band['band']:<12} {band['facts']:>5} {band['right']:>6} {prec:>10}")
    if cal["without_confidence"]:
        print(f"without a confidence: {cal['without_confidence']}")
    at_high, share = cal["precision_at_high"], cal["share_of_right_at_high"]
    print(
        f"at >= {HIGH}: right {'-' if at_high is None else f'{at_high:.1%}'} of the time, "
        f"holding {'-' if share is None else f'{share:.1%}'} of all right facts"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path, help="folder of article files")
    parser.add_argument("gold", type=Path, nargs="+", help="gold file(s) (bilateral-facts/1)")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--verbose", action="store_true", help="every miss and extra")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--keep", type=Path, help="build the library here and keep it")
    parser.add_argument("--export", type=Path, help="write the JSON export here")
    args = parser.parse_args(argv)
    if not args.articles.is_dir():
        parser.error(f"{args.articles} is not a folder of articles")
    scorer = load_scorer(args.scorer)
    doc = export_facts(args.articles, args.keep)
    if args.export:
        args.export.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    figures: dict[str, Any] = {}
    judged: list[tuple[str, dict[str, Any], bool]] = []
    for gold_path in args.gold:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        scored = score(scorer, doc, gold)
        print_report(gold_path.stem, scored, scorer, args.verbose)
        judged += scored["judged"]
        figures[gold_path.stem] = {
            "macro_f1": round(scored["macro_f1"], 4),
            "types": {
                k: {
                    x: (round(v[x], 4) if isinstance(v[x], float) else v[x])
                    for x in ("tp", "fp", "fn", "precision", "recall", "f1")
                }
                for k, v in scored["types"].items()
            },
        }
    cal = calibration(judged)
    print_calibration(cal)
    figures["calibration"] = cal
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

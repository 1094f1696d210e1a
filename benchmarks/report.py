"""The benchmark's tables: each figure, its baseline (named) and their ratio."""

from __future__ import annotations

from benchmarks.queries import KINDS

TARGETS = {"peak_mb": 400.0, "searchable_s": 1.0, "usable_ms": 1000.0, "gap_ms": 100.0}


def _ratio(value: float | None, base: float | None) -> str:
    if value is None or not base:
        return ""
    return f"{value / base:.2f}"


def _fmt(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


Row = tuple[str, str, str, str]


def rows(r: dict) -> list[Row]:
    """(figure, Attaché, baseline, ratio) for one size; a phase that failed says so."""
    out: list[Row] = []
    for name, part in (
        ("import", _import_rows),
        ("search", _search_rows),
        ("incremental", _incremental_rows),
        ("window", _window_rows),
    ):
        try:
            out.extend(part(r))
        except (KeyError, TypeError):
            errors = [str(v["error"]) for v in r.values() if isinstance(v, dict) and "error" in v]
            last = (errors[0].strip().splitlines() or ["?"])[-1] if errors else "figures missing"
            out.append((name, "failed", last[:80], ""))
    return out


def _import_rows(r: dict) -> list[Row]:
    imp, who, fts = r["import"], r["whoosh_alone"], r["fts5_alone"]
    rate = imp["articles_per_s"]
    out = [
        (
            f"import {imp['imported']:,} files, articles/s",
            _fmt(rate),
            f"Whoosh alone {_fmt(who['articles_per_s'])}",
            _ratio(rate, who["articles_per_s"]),
        ),
        ("", "", f"FTS5 alone {_fmt(fts['articles_per_s'])}", _ratio(rate, fts["articles_per_s"])),
        ("import wall s", _fmt(imp["wall_s"]), f"Whoosh alone {_fmt(who['build_s'])}", ""),
        (
            f"import CPU s / wall s ({imp['max_processes']} processes at most)",
            _fmt(imp["cpu_utilisation"]),
            f"{imp.get('cpus') or '?'} cores",
            "",
        ),
        (
            "import peak RSS MB, tree (main)",
            f"{_fmt(imp['peak_tree_rss_mb'])} ({_fmt(imp['peak_main_rss_mb'])})",
            f"target {TARGETS['peak_mb']:.0f}",
            _ratio(imp["peak_tree_rss_mb"], TARGETS["peak_mb"]),
        ),
        (
            "import peak private MB, tree (RSS less mapped files)",
            _fmt(imp.get("peak_tree_private_mb")),
            f"target {TARGETS['peak_mb']:.0f}",
            _ratio(imp.get("peak_tree_private_mb") or 0.0, TARGETS["peak_mb"]),
        ),
        (
            "size MB: library (Whoosh / FTS5 alone)",
            _fmt(imp["library_mb"]),
            f"{_fmt(who['size_mb'])} / {_fmt(fts['size_mb'])}",
            "",
        ),
    ]
    return out


def _search_rows(r: dict) -> list[Row]:
    out = []
    for kind in KINDS:
        a, f = r["search"][kind]["attache"], r["search"][kind]["fts5"]
        errors = f" ({len(a['errors'])} refused)" if a.get("errors") else ""
        out.append(
            (
                f"search {kind} p50/p95/max ms{errors}",
                f"{_fmt(a['p50_ms'])}/{_fmt(a['p95_ms'])}/{_fmt(a['max_ms'])}",
                f"FTS5 {_fmt(f['p50_ms'])}/{_fmt(f['p95_ms'])}/{_fmt(f['max_ms'])}",
                _ratio(a["p95_ms"], f["p95_ms"]),
            )
        )
    return out


def _incremental_rows(r: dict) -> list[Row]:
    inc = r["incremental"]
    return [
        (
            f"+{inc['articles']} articles: import s, then searchable s",
            f"{_fmt(inc['import_wall_s'])}, {_fmt(inc['searchable_after_s'])}",
            f"target {TARGETS['searchable_s']:.0f} s (found {inc['found']})",
            _ratio(inc["searchable_after_s"], TARGETS["searchable_s"]),
        )
    ]


def _window_rows(r: dict) -> list[Row]:
    out = []
    win = r["window"]
    if "error" in win:
        out.append(("window", "not measured", win["error"].splitlines()[0][:60], ""))
    else:
        out.append(
            (
                "window first paint / usable ms",
                f"{_fmt(win.get('first_paint_ms'))} / {_fmt(win.get('usable_ms'))}",
                f"target {TARGETS['usable_ms']:.0f}",
                _ratio(win.get("usable_ms"), TARGETS["usable_ms"]),
            )
        )
        gap = win.get("max_gap_search_ms", win.get("max_gap_ms"))
        out.append(
            (
                "window longest GUI-thread gap ms",
                _fmt(gap),
                f"target {TARGETS['gap_ms']:.0f}",
                _ratio(gap, TARGETS["gap_ms"]),
            )
        )
        if win.get("max_gap_during"):
            out.append(("  (during)", "", str(win["max_gap_during"])[:50], ""))
    return out


def print_table(r: dict) -> None:
    words = r["corpus"]["median_words"]
    print(f"\n{r['articles']:,} articles (median {words:.0f} words)")
    table = [("figure", "Attaché", "baseline", "ratio"), *rows(r)]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    for row in table:
        print(f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]:>5}")


def print_summary(report: dict) -> None:
    """One line per size: the headline figures (Attaché / baseline)."""
    print(f"\nsummary (seed {report['seed']}, {report['git_commit'][:12]}, load "
          f"{report['load_average_start']} -> {report['load_average_end']})")  # fmt: skip
    head = ["articles", "import/s", "Whoosh/s", "FTS5/s", "cores", "peak MB"]
    head += [f"{k} p95 ms" for k in KINDS] + ["searchable s"]
    print("  ".join(head))
    for r in report["results"]:
        try:
            line = _summary_cells(r)
        except (KeyError, TypeError):
            line = [f"{r['articles']:,}", "(a phase failed: see its table)"]
        print("  ".join(f"{c:>{len(h)}}" for c, h in zip(line, head, strict=False)))


def _summary_cells(r: dict) -> list[str]:
    imp = r["import"]
    cells = [
        f"{r['articles']:,}",
        _fmt(imp["articles_per_s"]),
        _fmt(r["whoosh_alone"]["articles_per_s"]),
        _fmt(r["fts5_alone"]["articles_per_s"]),
        _fmt(imp["cpu_utilisation"]),
        _fmt(imp["peak_tree_rss_mb"]),
    ]
    for kind in KINDS:
        s = r["search"][kind]
        cells.append(f"{_fmt(s['attache']['p95_ms'])}/{_fmt(s['fts5']['p95_ms'])}")
    cells.append(_fmt(r["incremental"]["searchable_after_s"]))
    return cells

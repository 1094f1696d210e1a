"""Time Attaché's window on an existing library: first paint, usable, the GUI thread's gaps.

    .venv/bin/python benchmarks/window_bench.py --library L [--json OUT] [--runs 3]
        [--query WORD ...] [--import-folder F] [--profile OUT.pstats] [--startup-limit S]

Each run is a fresh child process started through the app's own entry (``app.cli.main``
→ ``ui.app.run_gui``: the library opened, ``MainWindow`` built, shown and started), so
the imports count; times are from just before the parent spawns the child. The child
records the window's first Paint event (``first_paint_ms``; ``import_ms`` is Python's
and Qt's imports within it), when the library is open (it opens in a worker once the window
is shown: ``library_opened_ms``) and the event loop next idle (``usable_ms``), and when
a query typed into the search box right then shows its rows (``first_search_ms``), when
the views first show the library's facts (``views_shown_ms``; the load completes later,
with the people and organisations linked: ``startup_done_ms``), and the child's peak
resident memory at the end (``peak_rss_mb``, its ``ru_maxrss``). A
10 ms timer on the GUI thread then records the longest gap between its ticks (less
10 ms) through the start-up work (``library.maintain()`` in a worker, loading the
views, the first listing), typed searches (term, phrase, prefix, fuzzy, fielded, a
ticked facet; a search is run at once as its 250 ms typing pause would), clicks on
every tab and scrolling every view to its end; with ``--import-folder`` also through an
import of that folder started as a drop starts it (then each run works on a copy of
the library, so the library is not changed). Offscreen unless ``QT_QPA_PLATFORM`` says
otherwise; the window's settings go to a temporary folder. Prints a table of medians
and writes them with every run as JSON. Every ``*_ms`` figure counts from the spawn,
except ``import_ms`` and the gaps. Each long gap says where the GUI thread was (its
stack sampled every 20 ms), or, when it was in Qt or waiting for the GIL, what the
workers ran. Start-up work still running after ``--startup-limit`` seconds is reported
(``startup_unfinished``, with where it was) and the run goes on without it.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = (
    "import_ms",
    "library_opened_ms",
    "window_built_ms",
    "first_paint_ms",
    "usable_ms",
    "first_search_ms",
    "views_shown_ms",
    "startup_done_ms",
)
FIGURES += ("max_gap_ms", "import_max_gap_ms", "import_s", "peak_rss_mb")
FIGURES += ("views_filled_ms", "filter_p95_ms", "sort_max_ms", "import_shown_ms")
IN_QT = "GUI thread in Qt or waiting for the GIL"
NO_SAMPLE = "no sample (the sampler waited for the GIL too)"


def pick_queries(folder: Path) -> tuple[int, list[str], tuple[str, str] | None]:
    """The article count, queries made of the library's own words (term, phrase, prefix,
    fuzzy, fielded) and a country facet to tick, from a read-only look at it."""
    sys.path.insert(0, str(ROOT))
    from app.library import Library

    library = Library(folder, read_only=True)
    try:
        count = library.article_count()
        result = library.search("", limit=20, facets=True)
    finally:
        library.close()
    words = [w.strip(".,;:'\"()") for h in result.hits for w in h.title.split()]
    words = [w for w in words if w.isalpha() and len(w) >= 5] or ["trade"]
    term = max(words[:40], key=len).lower()
    title = next((h.title.split() for h in result.hits if len(h.title.split()) >= 2), [])
    pair = [w.strip(".,;:'\"()") for w in title[:2]]
    queries = [term, f'"{" ".join(pair)}"' if all(pair) and pair else f'"{term}"']
    queries += [f"{term[:3]}*", f"{term[:-2] + term[-1]}~"]
    countries = result.facets.get("country") or []
    facet = (countries[0].field, countries[0].value) if countries else None
    if facet:
        queries.append(f"{term} {facet[0]}:{facet[1]}")
    return count, queries, facet


def run_child(
    args: argparse.Namespace,
    queries: list[str],
    facet: tuple[str, str] | None,
    folder: Path,
    profile: Path | None,
) -> dict:
    with tempfile.TemporaryDirectory(prefix="window-bench-") as tmp:
        out = Path(tmp) / "run.json"
        env = dict(os.environ, XDG_CONFIG_HOME=str(Path(tmp) / "config"))
        spec = {
            "library": str(folder),
            "out": str(out),
            "queries": queries,
            "facet": facet,
            "import_folder": args.import_folder,
            "profile": str(profile or ""),
            "limit_ms": int(args.timeout * 1000) - 30_000,
            "startup_limit_ms": int(args.startup_limit * 1000),
        }
        env["WINDOW_BENCH"] = json.dumps(spec)
        command = [sys.executable, str(Path(__file__).resolve())]
        env["WINDOW_BENCH_T0"] = repr(time.monotonic())
        done = subprocess.run(
            command, env=env, cwd=ROOT, timeout=args.timeout, capture_output=True, text=True
        )
        if not out.exists():
            raise SystemExit(
                f"window_bench: the child failed ({done.returncode}):\n{done.stderr[-3000:]}"
            )
        return json.loads(out.read_text())


def summarise(runs: list[dict], articles: int) -> dict:
    summary: dict = {"articles": articles}
    for name in FIGURES:
        values = [r[name] for r in runs if r.get(name) is not None]
        summary[name] = round(statistics.median(values), 1) if values else None
    worst = max(runs, key=lambda r: r["max_gap_ms"])
    summary["max_gap_during"] = worst["max_gap_during"]
    summary["runs"] = runs
    return summary


def print_table(summary: dict) -> None:
    runs = summary["runs"]
    print(f"window on {summary['articles']} articles, {len(runs)} run(s); median (all runs)")
    for name in FIGURES:
        if summary[name] is None:
            continue
        each = ", ".join(f"{r[name]:.0f}" for r in runs if r.get(name) is not None)
        print(f"  {name:18} {summary[name]:>9.1f}   ({each})")
    print(f"  longest gap during: {summary['max_gap_during']}")
    for run in runs:
        for note in ("error", "startup_unfinished"):
            if run.get(note):
                print(f"  {note}: {run[note]}")
        print("  top gaps:")
        for gap, phase, where in run["top_gaps"][:3]:
            print(f"    {gap:6.0f} ms  {phase}\n             at {where}")
        print("  searches:", ", ".join(f"{q} {ms:.0f} ms" for q, ms in run["searches"]))
        print("  tabs filled:", ", ".join(f"{n} {ms:.0f} ms" for n, ms in run.get("tabs", [])))
        filters = run.get("filter_ms", [])
        print(
            f"  filter ({run.get('filter_view')}):",
            ", ".join(f"{q!r} {ms:.0f}" for q, ms, _ in filters),
        )
        print("  sort:", ", ".join(f"{n} {ms:.0f} ms" for n, ms in run.get("sort_ms", [])))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--query",
        nargs="+",
        help="the queries to type (default: from the "
        "library's own words: term, phrase, prefix, fuzzy, fielded)",
    )
    parser.add_argument("--import-folder", type=Path)
    parser.add_argument("--profile", type=Path, help="cProfile the first run's GUI thread")
    parser.add_argument("--timeout", type=float, default=900, help="seconds for one run")
    parser.add_argument(
        "--startup-limit",
        type=float,
        default=120,
        help="seconds to wait for the start-up work before going on without it",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = args.library.resolve()
    if not (folder / "library.sqlite").is_file():
        parser.error(f"{folder} holds no library (library.sqlite)")
    articles, queries, facet = pick_queries(folder)
    queries = args.query or queries
    if args.import_folder:
        args.import_folder = str(args.import_folder.resolve())
    runs = []
    for n in range(args.runs):
        profile = args.profile.resolve() if args.profile and n == 0 else None
        if not args.import_folder:
            runs.append(run_child(args, queries, facet, folder, profile))
            continue
        with tempfile.TemporaryDirectory(prefix="window-bench-lib-") as tmp:
            copy = Path(tmp) / "library"
            shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("writer.lock"))
            runs.append(run_child(args, queries, facet, copy, profile))
    summary = summarise(runs, articles)
    summary["queries"] = queries
    print_table(summary)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    return 0


# -- the child: runs the real window and watches it -------------------------------------
def peak_rss_mb() -> float | None:
    """This process's peak resident set so far (``ru_maxrss``: KiB on Linux, bytes on
    macOS), in MiB; None where there is no ``resource`` module (Windows)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def child_main() -> int:
    t0 = float(os.environ["WINDOW_BENCH_T0"])
    spec = json.loads(os.environ["WINDOW_BENCH"])

    def now() -> float:
        return (time.monotonic() - t0) * 1000

    marks: dict = {"interpreter_ms": now()}
    profiler = None
    if spec["profile"]:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication  # noqa: F401 - Qt's import is timed

    import ui.app
    from app.cli import main as attache

    marks["import_ms"] = now() - marks["interpreter_ms"]
    probe = Probe(spec, now, marks)
    probe.profiler = profiler

    class Watched(ui.app.MainWindow):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            marks["window_built_ms"] = now()
            probe.window = self

        def attach(self, library: object) -> None:
            marks["library_opened_ms"] = now()  # opened in a worker, the window shown
            super().attach(library)

        def paintEvent(self, event: object) -> None:
            super().paintEvent(event)
            probe.painted()

    ui.app.MainWindow = Watched
    probe.result["exit_code"] = attache(["--library", spec["library"]])
    probe.write()
    return 0


class Probe:
    """Drives the window through the scenario (a generator of conditions to wait for,
    polled every 5 ms) while a 10 ms timer records the gaps between its ticks."""

    def __init__(self, spec: dict, now, marks: dict) -> None:  # type: ignore[no-untyped-def]
        self.spec, self.now, self.result = spec, now, marks
        self.window = None  # set by the window itself
        self.profiler = None
        self.phase = "first paint"
        self.gaps: list[tuple[float, str, str]] = []  # (gap, phase, where the GUI thread was)
        self.samples: dict[float, Counter[str]] = defaultdict(Counter)
        self.searched: list[tuple[str, int]] = []  # (box text, rows) per search_done
        self.loaded = 0
        self.imported: object = None

    def painted(self) -> None:
        if "first_paint_ms" in self.result:
            return
        from PySide6.QtCore import Qt, QTimer

        self.result["first_paint_ms"] = self.now()
        w = self.window
        w.search_done.connect(lambda n: self.searched.append((w.search_box.text(), n)))
        w.data_loaded.connect(self._loaded)
        shown = getattr(w, "views_shown", None)  # windows before the load had two steps
        if shown is not None:
            shown.connect(lambda: self.result.setdefault("views_shown_ms", self.now()))
        w.import_done.connect(lambda report: setattr(self, "imported", report))
        self._last, self._last_phase = self.now(), self.phase
        self.ticker = QTimer(w, interval=10, timerType=Qt.TimerType.PreciseTimer)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        threading.Thread(target=self._sample, args=(threading.get_ident(),), daemon=True).start()
        self.steps = self.scenario()
        self.waiting = lambda: True
        self.driver = QTimer(w, interval=5)
        self.driver.timeout.connect(self._drive)
        self.driver.start()
        QTimer.singleShot(int(self.spec["limit_ms"]), self._give_up)

    def _loaded(self) -> None:
        self.loaded += 1

    def _tick(self) -> None:
        t = self.now()
        same = self.phase == self._last_phase
        during = self.phase if same else f"{self.phase} (after {self._last_phase})"
        where = self.samples.pop(self._last, Counter()).most_common(1)
        gap = t - self._last - 10
        sampled = where[0][0] if where else NO_SAMPLE if gap > 60 else "(short)"
        self.gaps.append((gap, during, sampled))
        self._last, self._last_phase = t, self.phase

    def _sample(self, gui: int) -> None:
        """Every 20 ms while the gap timer is late by 40 ms or more: where the GUI thread is.
        The stacks are read as faulthandler prints them: holding another thread's frame
        objects would keep its locals (a QPainter) alive past their function."""
        with tempfile.TemporaryFile() as out:
            while not getattr(self, "stopped", False):
                time.sleep(0.02)
                last = self._last
                if self.now() - last <= 50:
                    continue
                stacks = _all_stacks(out)
                where = _where(stacks.pop(gui, []))
                if where == IN_QT:  # in Qt's own code, or waiting for a worker's GIL
                    workers = sorted({_where(s) for s in stacks.values()} - {IN_QT, ""})
                    where += f"; workers in {' | '.join(workers)}" if workers else ""
                self.samples[last][where] += 1

    def _drive(self) -> None:
        if not self.waiting():
            return
        try:
            self.waiting = next(self.steps)
        except StopIteration:
            self._finish()
        except Exception as exc:  # said in the figures, then stop
            self.result["error"] = f"{type(exc).__name__}: {exc} during {self.phase}"
            self._finish()

    def _give_up(self) -> None:
        self.result["error"] = f"gave up waiting during {self.phase}"
        self._finish()

    def _finish(self) -> None:
        from PySide6.QtCore import QThreadPool

        self.driver.stop()
        self.ticker.stop()
        self.stopped = True
        self._tick()
        plain = [g for g in self.gaps if not g[1].startswith("import")]
        imports = [g for g in self.gaps if g[1].startswith("import")]
        top = sorted(plain, reverse=True)
        self.result["max_gap_ms"] = round(top[0][0], 1) if top else 0.0
        self.result["max_gap_during"] = top[0][1] if top else ""
        self.result["top_gaps"] = [(round(g, 1), p, w) for g, p, w in top[:5]]
        if imports:
            self.result["import_max_gap_ms"] = round(max(imports)[0], 1)
            worst = sorted(imports, reverse=True)[:3]
            self.result["import_top_gaps"] = [(round(g, 1), p, w) for g, p, w in worst]
        self.write()
        if QThreadPool.globalInstance().activeThreadCount():
            os._exit(0)  # work that cannot be cancelled (start-up cut short) would hold the exit
        self.window.close()

    def write(self) -> None:
        self.result["peak_rss_mb"] = peak_rss_mb()
        if self.profiler is not None:
            self.profiler.disable()
            self.profiler.dump_stats(self.spec["profile"])
        Path(self.spec["out"]).write_text(json.dumps(self.result))

    # -- the scenario ---------------------------------------------------------------
    def idle(self):  # type: ignore[no-untyped-def]
        """A condition true once a 0 ms timer set now has fired."""
        from PySide6.QtCore import QTimer

        fired: list[bool] = []
        QTimer.singleShot(0, lambda: fired.append(True))
        return lambda: bool(fired)

    def settle(self):  # type: ignore[no-untyped-def]
        """A condition true once the gap timer ticked twice more, so that the work of
        one step is not counted in the gap of the next."""
        ticks = len(self.gaps)
        return lambda: len(self.gaps) >= ticks + 2

    def search(self, query: str):  # type: ignore[no-untyped-def]
        """Type ``query`` into the search box and run it as the typing pause would;
        a condition true once its results are shown."""
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        w, seen = self.window, len(self.searched)
        w.search_box.clear()
        for char in query:  # key events carrying the text (QTest's are ASCII only)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                key = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(w.search_box, key)
        w.run_search(show=True)
        return lambda: any(text == query for text, _n in self.searched[seen:])

    def scenario(self):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt, QThreadPool
        from PySide6.QtTest import QTest

        from ui.facet_panel import ROLE

        w, r, queries = self.window, self.result, self.spec["queries"]
        # Usable: the library is open (searches run, imports start) and the GUI is idle.
        yield lambda: w.library is not None
        yield self.idle()
        r["usable_ms"] = self.now()
        self.phase = f"first search ({queries[0]}) during start-up"
        yield self.search(queries[0])
        yield self.idle()
        r["first_search_ms"] = self.now()
        r["first_search_rows"] = w.results.rowCount()
        self.phase = "start-up work (maintain, loading the views, listing)"
        pool, limit = QThreadPool.globalInstance(), self.now() + self.spec["startup_limit_ms"]
        yield (
            lambda: (
                self.now() > limit
                or (
                    not w.library.maintenance_pending
                    and self.loaded
                    and pool.activeThreadCount() == 0
                )
            )
        )
        if self.now() > limit:
            r["startup_done_ms"] = None
            r["startup_unfinished"] = f"still running after {self.now() / 1000:.0f} s: " + (
                " | ".join(sorted({_where(s) for s in _all_stacks().values()} - {IN_QT, ""}))
            )
        else:
            r["startup_done_ms"] = self.now()
        r["searches"] = []
        for query in [*queries[1:], queries[0]]:
            self.phase, start = f"search {query}", self.now()
            yield self.search(query)
            yield self.idle()
            r["searches"].append((query, round(self.now() - start, 1)))
            yield self.settle()
        facet = self.spec["facet"]
        if facet and any(c.data(0, ROLE) == tuple(facet) for c in _facet_items(w)):
            self.phase, start = f"ticking the facet {facet[0]}:{facet[1]}", self.now()
            seen = len(self.searched)
            w.articles_page.facets.tick(*facet)
            yield lambda: len(self.searched) > seen
            yield self.idle()
            r["searches"].append((f"+{facet[0]}:{facet[1]}", round(self.now() - start, 1)))
        r["tabs"] = []
        bar = w.tabs.tabBar()
        for i in range(w.tabs.count()):
            name = w.tabs.tabText(i).replace("&&", "&")
            self.phase, start = f"clicking the {name} tab", self.now()
            QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
            yield self.idle()
            view, until = _main_view(w.tabs.widget(i)), self.now() + 30_000
            # filled: its rows shown (a view reading its rows in a worker shows them later)
            yield lambda v=view, t=until: v.model().rowCount() > 0 or self.now() > t
            yield self.idle()
            r["tabs"].append((name, round(self.now() - start, 1)))
            yield self.settle()
        r["views_filled_ms"] = max((t for _n, t in r["tabs"]), default=None)
        yield from _filter_and_sort(self)
        for i in range(w.tabs.count()):
            page = w.tabs.widget(i)
            view = _main_view(page)
            name = w.tabs.tabText(i).replace("&&", "&")
            self.phase = f"scrolling the {name} view to its end"
            w.tabs.setCurrentIndex(i)
            yield self.settle()
            bar = view.verticalScrollBar()
            for _ in range(20):  # page by page, then a jump to the end
                bar.setValue(bar.value() + bar.pageStep())
                yield self.idle()
            bar.setValue(bar.maximum())
            yield self.idle()
        if self.spec["import_folder"]:
            self.phase, start, loaded = "import (until the views reloaded)", self.now(), self.loaded
            w.start_import([Path(self.spec["import_folder"])])
            yield lambda: self.imported is not None
            ended = self.now()
            yield lambda: self.loaded > loaded
            r["import_s"] = round((self.now() - start) / 1000, 2)
            r["import_shown_ms"] = round(self.now() - ended, 1)  # import ended → views show it


def _filter_and_sort(probe):  # type: ignore[no-untyped-def]
    """In the view with the most rows: words typed into its filter box (each run as the
    typing pause runs it), timed until the table shows their rows (``filter_ms``), and a
    click on a header until the rows are sorted (``sort_ms``), each column once."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    w, r = probe.window, probe.result
    pages = [w.tabs.widget(i) for i in range(w.tabs.count())]
    pages = [p for p in pages if hasattr(p, "table")]
    if not pages:
        return
    page = max(pages, key=lambda p: p.table.model.rowCount())
    w.tabs.setCurrentWidget(page)
    yield probe.settle()
    table, model = page.table, page.table.model
    first = next((model.index(0, c).data() for c in (1, 2, 3) if model.index(0, c).data()), "")
    word = str(first).split()[0] if str(first).split() else "a"
    needles = [word[:2], word[:3], word, f"{word} zz", "", word[:1], "qqqq", ""]
    filtered: list[int] = [0]
    table.filtered.connect(lambda: filtered.__setitem__(0, filtered[0] + 1))
    r["filter_view"], r["filter_ms"] = page.title, []
    for needle in needles:
        probe.phase, start, seen = f"filtering {page.title} by {needle!r}", probe.now(), filtered[0]
        table.filter_box.setText(needle)
        table.filter.flush()  # as the typing pause does
        until = probe.now() + 30_000
        yield lambda s=seen, t=until: filtered[0] > s or probe.now() > t
        yield probe.idle()
        r["filter_ms"].append((needle, round(probe.now() - start, 1), model.rowCount()))
        yield probe.settle()
    header = table.table.horizontalHeader()
    changed: list[int] = [0]
    model.layoutChanged.connect(lambda: changed.__setitem__(0, changed[0] + 1))
    r["sort_ms"] = []
    for column in range(1, model.columnCount()):
        if getattr(model.columns[column - 1], "live", False):
            continue  # computed for the rows on screen: it does not sort
        name = model.headerData(column, Qt.Orientation.Horizontal)
        probe.phase, start, seen = f"sorting {page.title} by {name}", probe.now(), changed[0]
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        until = probe.now() + 30_000
        yield lambda s=seen, t=until: changed[0] > s or probe.now() > t
        yield probe.idle()
        r["sort_ms"].append((name, round(probe.now() - start, 1)))
        yield probe.settle()
    times = sorted(ms for _needle, ms, _rows in r["filter_ms"])
    r["filter_p95_ms"] = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    r["sort_max_ms"] = max((ms for _name, ms in r["sort_ms"]), default=None)


def _all_stacks(out=None) -> dict[int, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    """Every thread's stack, read from faulthandler's dump into ``out`` (a binary file)."""
    if out is None:
        with tempfile.TemporaryFile() as own:
            return _all_stacks(own)
    out.seek(0)
    out.truncate()
    faulthandler.dump_traceback(out, all_threads=True)
    out.seek(0)
    return _stacks(out.read().decode("utf-8", "replace"))


def _stacks(dump: str) -> dict[int, list[tuple[str, str]]]:
    """faulthandler's dump as {thread id: [(file, function), innermost first]}."""
    stacks: dict[int, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] = []
    for line in dump.splitlines():
        if head := re.match(r"(?:Current thread|Thread) (0x[0-9a-f]+)", line):
            current = stacks.setdefault(int(head[1], 16), [])
        elif place := re.match(r'\s+File "(.+)", line \d+ in (\S+)', line):
            current.append((place[1], place[2]))
    return stacks


def _where(stack: list[tuple[str, str]]) -> str:
    """The innermost code running and the project's functions that called it."""
    mine = [
        f"{Path(file).relative_to(ROOT)}:{func}"
        for file, func in stack
        if ROOT in Path(file).parents
        and Path(file).name != "window_bench.py"
        and "site-packages" not in file
    ][:4]
    if not stack or (mine or ["ui/app.py:run_gui"])[0] == "ui/app.py:run_gui":
        return IN_QT if stack else ""
    inner = f"{Path(stack[0][0]).name}:{stack[0][1]}"
    return " ← ".join(mine if mine[0].endswith(inner) else [inner, *mine])


def _main_view(page):  # type: ignore[no-untyped-def]
    """The list, table or tree a view page scrolls (its largest scrolling view)."""
    from PySide6.QtWidgets import QAbstractItemView

    views = page.findChildren(QAbstractItemView)
    return max(views, key=lambda v: v.model().rowCount() if v.model() else 0)


def _facet_items(window):  # type: ignore[no-untyped-def]
    tree = window.articles_page.facets.tree
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        yield from (group.child(j) for j in range(group.childCount()))


if __name__ == "__main__":
    if "WINDOW_BENCH" in os.environ and "WINDOW_BENCH_T0" in os.environ:
        sys.exit(child_main())
    sys.exit(main())

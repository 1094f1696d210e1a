"""``attache --self-test``: prove that this installation works, offline and headless.

Runs the whole path a user takes, in temporary folders: import every module of the
program (a module or library missing from a bundle is named), import the bundled sample
files (``resources/sample/selftest/``, one per format), extract facts, search, read
a Russian article, start the
window exactly as ``attache`` with no command does (offscreen unless ``QT_QPA_PLATFORM``
says otherwise: the single-window server, the first paint, the library opened in a
worker, the sample library's first-start import, the views, a second ``attache`` handed
over to it), export a PDF (and the text formats). Prints one JSON summary on
stdout; exits 0 when every step passed, else 1 with ``failed_step`` naming the step.

A sample whose format this build's ingest does not read (its suffix is not in
``app.ingest.SUPPORTED_SUFFIXES``) is reported as ``"unsupported"``, not as a failure.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import __version__
from app.resources import resource_path

SEARCH_WORD = "memorandum"  # every self-test sample uses it
# A Russian article of our own: read with the Russian rules (pymorphy3's dictionaries,
# the Latin spelling of names), its visit found and its people named in the nominative.
RUSSIAN_SAMPLE = (
    " date 2024-03-14 \n"
    "Президент Армении Арам Саакян прибыл в Улан-Батор с государственным визитом. "
    "Саакяна встретил президент Монголии Бат-Эрдэнэ Ганбаатар."
)
WINDOW_TIMEOUT_MS = 60_000
HANDOVER_TIMEOUT_MS = 30_000


class StepFailed(Exception):
    """A self-test step found something wrong; the message says what."""


def samples_dir() -> Path:
    return resource_path("sample", "selftest")


class SelfTest:
    """The steps, run in order; each adds its details to the summary."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.library: Any = None
        self.summary: dict[str, Any] = {
            "ok": False,
            "version": __version__,
            "frozen": bool(getattr(sys, "frozen", False)),
            "python": platform.python_version(),
            "platform": f"{sys.platform}-{platform.machine()}",
            "steps": [],
            "formats": {},
            "failed_step": None,
        }

    # -- steps ----------------------------------------------------------------------
    def step_library(self) -> dict[str, Any]:
        from app.library import Library

        self.library = Library(self.work / "library")
        if self.library.article_count() != 0:
            raise StepFailed("a new library is not empty")
        return {"folder": str(self.library.folder)}

    def step_import(self) -> dict[str, Any]:
        from app.ingest import SUPPORTED_SUFFIXES

        folder = samples_dir()
        files = sorted(p for p in folder.glob("*") if p.is_file() and p.suffix)
        if not files:
            raise StepFailed(f"no sample files in {folder}")
        formats: dict[str, dict[str, Any]] = self.summary["formats"]
        failed = []
        for path in files:
            suffix = path.suffix.lower()
            if suffix not in SUPPORTED_SUFFIXES:
                formats[suffix] = {
                    "file": path.name,
                    "status": "unsupported",
                    "reason": f"this build's ingest does not read {suffix} files "
                    f"(it reads {', '.join(sorted(SUPPORTED_SUFFIXES))})",
                }
                continue
            report = self.library.import_paths([path])
            if report.imported:
                formats[suffix] = {"file": path.name, "status": "imported"}
            else:
                reason = report.failed[0][1] if report.failed else "skipped as a duplicate"
                formats[suffix] = {"file": path.name, "status": "failed", "reason": reason}
                failed.append(f"{path.name}: {reason}")
        if failed:
            raise StepFailed("cannot import " + "; ".join(failed))
        imported = [s for s, f in formats.items() if f["status"] == "imported"]
        if not imported:
            raise StepFailed("no sample could be imported")
        # Again through worker processes (a frozen build starts them by running itself):
        # each file is read and recognised as held already.
        readable = [p for p in files if p.suffix.lower() in SUPPORTED_SUFFIXES]
        again = self.library.import_paths(readable, processes=2)
        if again.failed or len(again.skipped) != len(readable):
            raise StepFailed(f"import worker processes: {again.summary()} {again.failed}")
        return {
            "imported": imported,
            "articles": self.library.article_count(),
            "workers": "2 worker processes read the samples again",
        }

    def step_extract(self) -> dict[str, Any]:
        facts = self.library.facts()
        by_article: dict[int, int] = {}
        for fact in facts:
            for article_id in {e.article_id for e in fact.evidence}:
                by_article[article_id] = by_article.get(article_id, 0) + 1
        for row in self.library.articles():
            entry = self.summary["formats"].get(Path(row.file_name).suffix.lower())
            if entry is not None:
                entry["facts"] = by_article.get(row.id, 0)
        if not facts:
            raise StepFailed("no facts were extracted from the samples")
        types = sorted({f.type for f in facts})
        return {"facts": len(facts), "types": types}

    def step_russian(self) -> dict[str, Any]:
        """A Russian article: its language detected, a visit read, a person named in the
        nominative (the bundle carries what Russian needs)."""
        path = self.work / "russian.txt"
        path.write_text(RUSSIAN_SAMPLE, encoding="utf-8")
        report = self.library.import_paths([path])
        if not report.imported:
            raise StepFailed(f"the Russian sample was not imported: {report.summary()}")
        article = next(a for a in self.library.articles() if a.file_name == "russian.txt")
        if article.language != "ru":
            raise StepFailed(f"the Russian sample was read as {article.language!r}")
        facts = [
            f for f in self.library.facts() if article.id in {e.article_id for e in f.evidence}
        ]
        visits = [
            (f.data.get("visitor_country"), f.data.get("host_country"))
            for f in facts
            if f.type == "visits"
        ]
        if ("AM", "MN") not in visits:
            raise StepFailed(f"no visit of Armenia to Mongolia was read in Russian: {visits}")
        names = {f.data.get("name") for f in facts if f.type == "entities"}
        if "Арам Саакян" not in names:
            raise StepFailed(f"the Russian names were not put in the nominative: {sorted(names)}")
        return {"language": "ru", "facts": len(facts), "visits": visits}

    def step_search(self) -> dict[str, Any]:
        result = self.library.search(SEARCH_WORD, limit=50)
        articles = self.library.article_count()
        if result.total < articles:
            raise StepFailed(
                f"searching {SEARCH_WORD!r} found {result.total} of {articles} article(s)"
            )
        return {"query": SEARCH_WORD, "hits": result.total}

    def step_modules(self) -> dict[str, Any]:
        """Import every module of the program: one the bundle lacks, or a library one of
        them needs that the bundle left out, is named here."""
        import importlib

        from app.bundle_modules import expected_modules

        names = expected_modules()
        missing = []
        for name in names:
            try:
                importlib.import_module(name)
            except Exception as exc:  # ImportError and whatever a module raises at import
                missing.append(f"{name} ({type(exc).__name__}: {exc})")
        if missing:
            raise StepFailed("cannot import " + "; ".join(missing))
        return {"imported": len(names)}

    def step_window(self) -> dict[str, Any]:
        """What ``attache`` with no command runs (``ui.app.run_gui``), on a new library:
        the single-window server, the window shown and painted, the library opened in a
        worker, the sample library imported at this first start, the views and the first
        search filled; then a second ``attache`` on the same library, which must hand
        over to this window and exit."""
        from PySide6.QtCore import QSettings

        from ui.app import run_gui

        # The window keeps its geometry in the user's settings: not this run's.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(self.work / "settings")
        )
        probe = StartupProbe(self.work / "window-library", WINDOW_TIMEOUT_MS)
        code = run_gui(probe.folder, probe=probe.attach)
        if probe.error:
            raise StepFailed(probe.error)
        if code != 0:
            raise StepFailed(f"the window's event loop ended with code {code}")
        return probe.result

    def step_export(self) -> dict[str, Any]:
        from app.export import ExportOptions, export_document
        from app.export.fonts import find_font

        doc = self.library.export_document()
        sizes = {}
        for fmt, suffix in (("pdf", "pdf"), ("json", "json"), ("csv", "csv"), ("markdown", "md")):
            path = export_document(
                doc, self.work / f"selftest.{suffix}", fmt, ExportOptions(title="Self-test")
            )
            sizes[fmt] = path.stat().st_size
        pdf = (self.work / "selftest.pdf").read_bytes()
        if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-1024:]:
            raise StepFailed("the PDF export is not a complete PDF file")
        return {"bytes": sizes, "font": str(find_font().regular)}

    # -- running --------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        steps: list[tuple[str, Callable[[], dict[str, Any]]]] = [
            ("modules", self.step_modules),
            ("library", self.step_library),
            ("import", self.step_import),
            ("extract", self.step_extract),
            ("search", self.step_search),
            ("russian", self.step_russian),
            ("window", self.step_window),
            ("export", self.step_export),
        ]
        try:
            for name, func in steps:
                start = time.perf_counter()
                entry: dict[str, Any] = {"step": name, "ok": False}
                self.summary["steps"].append(entry)
                try:
                    entry.update(func())
                    entry["ok"] = True
                except StepFailed as exc:
                    entry["error"] = str(exc)
                except Exception as exc:  # any failure is reported, named by its step
                    entry["error"] = f"{type(exc).__name__}: {exc}"
                    entry["traceback"] = traceback.format_exc(limit=8)
                entry["seconds"] = round(time.perf_counter() - start, 3)
                if not entry["ok"]:
                    self.summary["failed_step"] = name
                    return self.summary
            self.summary["ok"] = True
            return self.summary
        finally:
            if self.library is not None:
                self.library.close()


class StartupProbe:
    """Watches ``run_gui``'s window start (see :meth:`SelfTest.step_window`) and closes
    the window when it has seen it all, or at the time limit with ``error`` set."""

    def __init__(self, folder: Path, timeout_ms: int) -> None:
        self.folder = folder
        self.timeout_ms = timeout_ms
        self.error: str | None = None
        self.result: dict[str, Any] = {}
        self._seen: set[str] = set()
        self._second: subprocess.Popen[bytes] | None = None
        self._requests: list[str] = []
        self._start = time.perf_counter()

    def _ms(self) -> int:
        return round((time.perf_counter() - self._start) * 1000)

    def attach(self, app: Any, window: Any, claim: Any) -> None:
        from PySide6.QtCore import QTimer

        self.app, self.window, self.claim = app, window, claim
        self.result["platform"] = app.platformName()
        self.result["title"] = window.windowTitle()
        if claim.mode != "primary" or claim.server is None:
            self._fail(f"the window did not become the library's writer ({claim.mode})")
            return
        claim.server.request.connect(self._handed)
        window.first_paint.painted.connect(lambda w, h: self._mark("painted", size=[w, h]))
        window.import_done.connect(self._imported)
        window.data_loaded.connect(self._loaded)
        window.search_done.connect(self._searched)
        QTimer.singleShot(self.timeout_ms, self._timed_out)
        self._poll = QTimer(window, interval=100)
        self._poll.timeout.connect(self._check_second)

    def _mark(self, what: str, **details: Any) -> None:
        self._seen.add(what)
        self.result[f"{what}_ms"] = self._ms()
        self.result.update(details)
        if {"painted", "imported", "loaded", "listed"} <= self._seen and self._second is None:
            self._start_second()

    def _imported(self, report: Any) -> None:
        if not getattr(report, "imported", None):
            self._fail(f"the sample library was not imported: {report}")
            return
        self._mark("imported", sample_articles=len(report.imported))

    def _loaded(self) -> None:
        if "imported" not in self._seen:
            return  # the empty library's first load, before the sample's import
        facts = len(self.window.data.facts)
        if not facts:
            self._fail("the views show no facts after the sample library's import")
            return
        self._mark("loaded", facts=facts)

    def _searched(self, hits: int) -> None:
        if "imported" in self._seen and hits > 0:
            self._mark("listed", listed=hits)

    def _start_second(self) -> None:
        """A second start on the same library: the program itself, as a person runs it."""
        cmd = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "app"]
        env = dict(os.environ)
        if not getattr(sys, "frozen", False):
            root = str(Path(__file__).resolve().parent.parent)
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        self._second = subprocess.Popen(
            [*cmd, "--library", str(self.folder)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self._second_started = self._ms()
        self._poll.start()

    def _handed(self, request: dict[str, Any]) -> None:
        self._requests.append(str(request.get("action")))

    def _check_second(self) -> None:
        assert self._second is not None
        code = self._second.poll()
        if code is None:
            if self._ms() - self._second_started > HANDOVER_TIMEOUT_MS:
                self._second.kill()
                self._fail(f"a second start had not exited after {HANDOVER_TIMEOUT_MS} ms")
            return
        if code != 0 or "show" not in self._requests:
            err = (
                self._second.stderr.read().decode(errors="replace")[-800:]
                if self._second.stderr
                else ""
            )
            self._fail(
                f"a second start exited with {code} and the window got {self._requests}: {err}"
            )
            return
        self._poll.stop()
        self.result["second_start"] = {"exit_code": code, "handed": self._requests}
        self.result["handover_ms"] = self._ms() - self._second_started
        image = self.window.grab()
        if image.isNull() or image.width() < 100:
            self._fail("the window did not paint")
            return
        self.window.close()

    def _timed_out(self) -> None:
        if self.window.isVisible():
            missing = {"painted", "imported", "loaded", "listed"} - self._seen
            self._fail(
                f"within {self.timeout_ms} ms the window had not "
                + (", ".join(sorted(missing)) if missing else "handed over to a second start")
            )

    def _fail(self, message: str) -> None:
        if self.error is None:
            self.error = message
        if self._second is not None and self._second.poll() is None:
            self._second.kill()
        self.window.close()


def run_self_test() -> int:
    """Run the self-test in a temporary folder; print the JSON summary; 0 when all passed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="attache-selftest-") as tmp:
        summary = SelfTest(Path(tmp)).run()
    summary["seconds"] = round(time.perf_counter() - start, 3)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if not summary["ok"]:
        print(f"attache: self-test failed at step {summary['failed_step']!r}", file=sys.stderr)
        return 1
    return 0

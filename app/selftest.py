"""``attache --self-test``: prove that this installation works, offline and headless.

Runs the whole path a user takes, in a temporary library: import the bundled sample
files (``resources/sample/selftest/``, one per format), extract facts, search, open the
main window offscreen, export a PDF (and the text formats). Prints one JSON summary on
stdout; exits 0 when every step passed, else 1 with ``failed_step`` naming the step.

A sample whose format this build's ingest does not read (its suffix is not in
``app.ingest.SUPPORTED_SUFFIXES``) is reported as ``"unsupported"``, not as a failure.
"""

from __future__ import annotations

import json
import os
import platform
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
WINDOW_TIMEOUT_MS = 20_000


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

    def step_search(self) -> dict[str, Any]:
        result = self.library.search(SEARCH_WORD, limit=50)
        articles = self.library.article_count()
        if result.total < articles:
            raise StepFailed(
                f"searching {SEARCH_WORD!r} found {result.total} of {articles} article(s)"
            )
        return {"query": SEARCH_WORD, "hits": result.total}

    def step_window(self) -> dict[str, Any]:
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        from ui.main_window import MainWindow

        app = QApplication.instance() or QApplication([sys.argv[0]])
        window = MainWindow(self.library)
        try:
            window.show()
            loop = QEventLoop()
            hits: list[int] = []
            window.search_done.connect(lambda n: (hits.append(n), loop.quit()))
            QTimer.singleShot(WINDOW_TIMEOUT_MS, loop.quit)
            window.start()  # lists the library (its articles were imported above)
            if not hits:
                loop.exec()
            if not hits:
                raise StepFailed(f"the window listed nothing within {WINDOW_TIMEOUT_MS} ms")
            image = window.grab()
            if image.isNull() or image.width() < 100:
                raise StepFailed("the window did not paint")
            return {
                "platform": app.platformName(),
                "title": window.windowTitle(),
                "listed": hits[0],
                "size": [image.width(), image.height()],
            }
        finally:
            window.wait_for_tasks()
            window.close()
            window.deleteLater()
            app.processEvents()

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
            ("library", self.step_library),
            ("import", self.step_import),
            ("extract", self.step_extract),
            ("search", self.step_search),
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

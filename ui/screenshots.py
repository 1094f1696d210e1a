"""``attache --screenshot DIR``: render every view offscreen, a fact selected and its
detail pane and source open, to ``DIR/<view>.png``; then exit.

The window uses a throw-away settings file, so the user's window state is neither
read nor changed; the library is only read.
"""

from __future__ import annotations

import heapq
import os
import re
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSettings, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication

from app.fact_store import load_facts
from app.library import Library
from app.related import Lookup, related_groups
from app.rows import FactRow
from app.view_columns import BY_TITLE
from app.views import VIEW_OF_TYPE, ViewData
from db import queries

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SIZE = (1440, 900)


def _wait(
    signal: SignalInstance, start: Callable[[], object] | None = None, timeout_ms: int = 30_000
) -> bool:
    loop = QEventLoop()
    fired: list[bool] = []

    def fire(*_a: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(fire)
    QTimer.singleShot(timeout_ms, loop.quit)
    if start is not None:
        start()
    if not fired:
        loop.exec()
    return bool(fired)


def _settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


SHORTLIST = 5
"""How many facts of a view :func:`best_fact` weighs by their related facts."""


def best_fact(library: Library, fact_types: tuple[str, ...]) -> int | None:
    """The fact of these types with the most links and sources: the richest to show.

    The facts with the most sources are read first (SQLite sorts the view by its
    Sources column); they are ranked on what each holds (a person, conflicts,
    sources), and only the first few are weighed by their related facts (weighing every
    fact so took quadratic time: unfinished after 13 minutes at 10,000 articles)."""

    def candidates(session: Session) -> list[FactRow]:
        ids: list[int] = []
        for view in {v.title: v for t in fact_types for v in [BY_TITLE[VIEW_OF_TYPE[t]]]}.values():
            titles = [c.title for c in view.columns]
            column = titles.index("Sources") + 1 if "Sources" in titles else None
            found = queries.view_ids(session.connection(), view.title, column, True)
            ids += found[: SHORTLIST * 20]
        return [f for f in load_facts(session, ids=ids) if f.type in fact_types]

    def weigh(session: Session) -> int | None:
        facts = candidates(session)
        if not facts:
            return None
        lookup = Lookup(session)

        def weight(fact: FactRow) -> tuple[bool, bool, int, int]:
            related = sum(len(ids) for _t, ids in related_groups(lookup, fact))
            person, conflicts, sources, newest = held(fact)
            return (person, conflicts, related + sources, newest)

        return max(heapq.nlargest(SHORTLIST, facts, key=held), key=weight).id

    return library.read(weigh)


def held(fact: FactRow) -> tuple[bool, bool, int, int]:
    """What a fact holds, to rank it for a screenshot: a person (the clearest example),
    conflicts between sources, its sources, then the newest."""
    person = fact.data.get("kind") == "person"
    return (person, bool(fact.data.get("conflicts")), len(fact.evidence), -fact.id)


def slug(title: str) -> str:
    return re.sub(r"[^a-z]+", "-", title.lower().split("&")[0]).strip("-")


def take_screenshots(library_dir: Path, out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    from ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp, Library(library_dir) as library:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        win = MainWindow(library, settings)
        win.resize(*SIZE)
        win.show()
        _wait(win.data_loaded, win.reload)
        win.fill_all_views()
        data = win.data
        chosen: dict[tuple[str, ...], int | None] = {}

        def best(fact_types: tuple[str, ...]) -> int | None:
            if fact_types not in chosen:
                chosen[fact_types] = best_fact(library, fact_types)
            return chosen[fact_types]

        if not win.selected:  # a preview of a selection, shown only, never stored
            preview = [best((t,)) for t in ("visits", "agreements", "statistics")]
            win._set_selection([i for i in preview if i is not None])
        for page in win.pages:
            fact_id = best(
                ("visits", "agreements") if page.title == "Timeline" else tuple(page.fact_types)
            )
            if fact_id is not None:  # the panes follow the view: the fact chosen in it
                win.tabs.setCurrentWidget(page)
                page.select_fact(fact_id, emit=False)
                if data.facts[fact_id].evidence:  # the reader shows its first sentence
                    _wait(win.article_shown, partial(win.show_fact, fact_id))
                else:
                    win.show_fact(fact_id)
                if win.detail.related is None:  # its related facts, found in a worker
                    _wait(win.detail.related_shown, lambda: None)
            _settle()
            path = out / f"{slug(page.title)}.png"
            win.grab().save(str(path))
            written.append(path)
        win.tabs.setCurrentWidget(win.articles_page)
        word = _query_word(data, best(("visits",)))
        win.search_box.setText(word)
        _wait(win.search_done, win.run_search)
        rows = [n for n in range(win.results.rowCount()) if win.results.hit(n).kind == "article"]
        if rows:
            view, index = win.articles_page.view, win.results.index(rows[0])
            _wait(win.article_shown, lambda: view.setCurrentIndex(index))
        facts = [win.results.hit(n) for n in range(win.results.rowCount())]
        facts = [h for h in facts if h.kind == "fact" and h.id in data.facts]
        if facts:  # the detail pane shows the first fact found, the list keeps its place
            _wait(win.detail.related_shown, partial(win.show_fact, facts[0].id))
        _settle()
        path = out / "articles.png"
        win.grab().save(str(path))
        written.append(path)
        win.wait_for_tasks()
        win.close()
    app.processEvents()
    return written


def _query_word(data: ViewData, visit: int | None) -> str:
    """A word to search for in the screenshot: the city of the richest visit, if any."""
    city = data.facts[visit].data.get("city") if visit is not None else None
    return str(city) if city else "agreement"

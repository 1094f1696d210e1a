"""The detail pane and the reader follow the view on screen.

- Switching tabs shows the new tab's selection in the panes (or nothing).
- An article chosen by itself (Articles view) lists, in the detail pane, the facts taken
  from it.
- A fact shown in the detail pane brings its sentence into the reader (the sentence in
  the article already open when it has one, else its first), so the reader never keeps
  the article of the fact before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.rows import EvidenceRow, FactRow
from db import queries

if TYPE_CHECKING:
    from app.library import Library
    from app.rows import ArticleRow
    from ui.main_window import MainWindow
    from ui.tasks import TaskContext


def facts_of(library: Library, article_id: int) -> list[FactRow]:
    """The facts taken from one article (any thread: the window reads them in a
    worker, with the article)."""
    ids = library.read(lambda session: queries.of_article(session.connection(), article_id))
    return library.facts(ids=ids) if ids else []


def list_facts_of(win: MainWindow, article_id: int) -> None:
    """The detail pane lists the facts taken from an article (read in a worker), if it
    still lists that article when they are read."""

    def work(library: Library, _ctx: TaskContext) -> tuple[ArticleRow | None, list[FactRow]]:
        return library.article(article_id), facts_of(library, article_id)

    def show(found: tuple[ArticleRow | None, list[FactRow]]) -> None:
        if win.detail.article_id == article_id:
            win.detail.show_article_facts(win.data, found[0], article_id, found[1])

    win.tasks.run(work, show)


def chosen_evidence(fact: FactRow, reading: ArticleRow | None) -> EvidenceRow | None:
    """The sentence of ``fact`` the reader shows beside it: the one in the article being
    read, when the fact was taken from it, else the fact's first; None without evidence."""
    if not fact.evidence:
        return None
    if reading is not None:
        here = next((e for e in fact.evidence if e.article_id == reading.id), None)
        if here is not None:
            return here
    return fact.evidence[0]


def clear(win: MainWindow) -> None:
    """Nothing chosen: both panes empty (an article on its way is not shown)."""
    win.detail.clear_fact()
    win._article_serial += 1
    win.reader.clear()
    win.reader.article = None


def follow_tab(win: MainWindow) -> None:
    """The panes show the selection of the tab now on screen, or nothing. What they
    show is a place in the history: Back returns to the tab before, in one press."""
    if getattr(win, "_opening", False):
        return  # Back/Forward or a link chose the tab and sets the panes itself
    page = win.tabs.currentWidget()
    if page is win.articles_page:
        current = page.view.currentIndex()
        if current.isValid():
            hit = win.results.hit(current.row())
            if hit.kind != "fact":
                win.open_article(hit.id, win.search_box.text())
                return
            if hit.id in win.data.facts:
                win.show_fact(hit.id)
                return
    else:
        fact_id = page.current_fact_id() if hasattr(page, "current_fact_id") else None
        if fact_id is not None and fact_id in win.data.facts:
            win.show_fact(fact_id)
            return
    clear(win)

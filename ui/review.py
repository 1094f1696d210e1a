"""A person's changes to facts and articles in the window: confirm, reject, restore,
merge, split, delete an article — each an undoable command on the window's QUndoStack
(Edit › Undo names it), stored at once.

Every command is a :class:`GuardedCommand`: when its change cannot be made (the library
changed meanwhile, it is read-only, a disk is full), the person is told in words, the
cause is logged, and the command leaves the stack's history (``setObsolete``) instead
of pretending it was done. ``ReviewCommand`` reads each fact's state from the database
when it first runs, so undo puts back exactly what was stored, however fast keys came.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from app.article_removal import Removal
    from app.fact_merge import Snapshot
    from app.language_change import LanguageChange
    from app.library import Library

log = logging.getLogger(__name__)

ACTIONS = {
    "confirm": ("Confirm", "confirmed"),
    "reject": ("Reject", "rejected"),
    "restore": ("Restore", "restored"),
}


class GuardedCommand(QUndoCommand):
    """Runs ``do``/``undo_it`` of a subclass; a failure is told, logged and the command
    dropped from the history."""

    changed: Callable[[str], None]

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._guard(self.do, "do")

    def undo(self) -> None:
        self._guard(self.undo_it, "undo")

    def _guard(self, step: Callable[[], None], verb: str) -> None:
        try:
            step()
        except Exception as exc:  # told and logged; the history no longer offers it
            from app.fact_edits import FactEditError
            from app.library import LibraryError

            if not isinstance(exc, FactEditError | LibraryError):
                log.exception("could not %s %r", verb, self.text())
            self.setObsolete(True)
            self.changed(f"Could not {verb} “{self.text()}”: {exc}")


class ReviewCommand(GuardedCommand):
    """Confirm, reject or restore facts; undo puts each back as it was."""

    def __init__(
        self,
        library: Library,
        fact_ids: Sequence[int],
        action: str,
        changed: Callable[[str], None],
    ) -> None:
        verb = ACTIONS[action][0]
        what = f"fact {fact_ids[0]}" if len(fact_ids) == 1 else f"{len(fact_ids)} facts"
        super().__init__(f"{verb} {what}")
        self.library = library
        self.ids = list(fact_ids)
        self.action = action
        self.before: dict[int, tuple[bool, bool]] | None = None
        """fact id -> (confirmed, rejected) as stored before the command first ran."""
        self.changed = changed

    def do(self) -> None:
        if self.before is None:
            held = self.library.facts(ids=self.ids, include_hidden=True)
            self.before = {f.id: (f.confirmed, f.hidden) for f in held}
            self.ids = [i for i in self.ids if i in self.before]
        if self.action == "confirm":
            self.library.reject_facts([i for i in self.ids if self.before[i][1]], False)
            self.library.confirm_facts(self.ids, True)
        elif self.action == "reject":
            self.library.reject_facts(self.ids, True)
        else:  # restore: neither rejected nor confirmed
            self.library.reject_facts(self.ids, False)
            self.library.confirm_facts(self.ids, False)
        verb = ACTIONS[self.action][1]
        self.changed(f"{self.text().split(' ', 1)[1].capitalize()} {verb} (Ctrl+Z undoes).")

    def undo_it(self) -> None:
        before = self.before or {}
        for confirmed in (True, False):
            ids = [i for i in self.ids if before[i][0] == confirmed]
            if ids:
                self.library.confirm_facts(ids, confirmed)
        for rejected in (True, False):
            ids = [i for i in self.ids if before[i][1] == rejected]
            if ids:
                self.library.reject_facts(ids, rejected)
        self.changed(f"Undone: {self.text()}.")


class SnapshotCommand(GuardedCommand):
    """A merge or a split (``app.fact_merge``): redo does it and keeps what it changed,
    undo puts that back exactly."""

    def __init__(
        self,
        library: Library,
        text: str,
        do: Callable[[], Snapshot],
        changed: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self.library, self.action, self.changed = library, do, changed
        self.snap: Snapshot | None = None

    def do(self) -> None:
        self.snap = self.action()
        self.changed(f"{self.text()} (Ctrl+Z undoes).")

    def undo_it(self) -> None:
        if self.snap is not None:
            self.library.restore_facts(self.snap)
        self.changed(f"Undone: {self.text()}.")


class RemovalCommand(GuardedCommand):
    """Delete articles (``Library.remove_articles``); undo puts them back exactly."""

    def __init__(
        self, library: Library, article_ids: list[int], changed: Callable[[str], None]
    ) -> None:
        what = (
            f"article {article_ids[0]}" if len(article_ids) == 1 else f"{len(article_ids)} articles"
        )
        super().__init__(f"Delete {what}")
        self.library, self.ids, self.changed = library, article_ids, changed
        self.gone: Removal | None = None

    def do(self) -> None:
        self.gone = self.library.remove_articles(self.ids)
        names = ", ".join(a["file_name"] for a in self.gone.articles)
        self.changed(f"Deleted {names} (Ctrl+Z undoes).")

    def undo_it(self) -> None:
        if self.gone is not None:
            self.library.restore_articles(self.gone)
        self.changed(f"Undone: {self.text()}.")


class LanguageCommand(GuardedCommand):
    """Set an article's language (``Library.set_article_language``: its facts are read
    again in it); undo puts back exactly what it replaced (``restore_article_language``)."""

    def __init__(
        self,
        library: Library,
        article_id: int,
        language: str,
        changed: Callable[[str], None],
    ) -> None:
        from app.language import LANGUAGES

        super().__init__(f"Set the language of article {article_id} to {LANGUAGES[language]}")
        self.library, self.article_id = library, article_id
        self.language, self.changed = language, changed
        self.snap: LanguageChange | None = None

    def do(self) -> None:
        article = self.library.article(self.article_id)
        if article is None:
            from app.library import LibraryError

            raise LibraryError(f"there is no article {self.article_id} any more")
        self.snap = self.library.set_article_language(self.article_id, self.language)
        self.changed(f"{article.file_name}: read again as {self._name(self.language)}.")

    def undo_it(self) -> None:
        if self.snap is not None:
            self.library.restore_article_language(self.snap)
        self.changed(f"Undone: {self.text()}.")

    @staticmethod
    def _name(code: str) -> str:
        from app.language import LANGUAGES

        return "an article in an unknown language" if code == "unknown" else LANGUAGES[code]

"""A person's review of facts in the window: confirm, reject, restore, merge, split,
each an undoable command on the window's QUndoStack (Edit › Undo names it), stored at
once.

``ReviewCommand`` keeps each fact's state before the change (confirmed, rejected), so
undo puts back exactly what was there, whatever the command did to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from app.article_removal import Removal
    from app.fact_merge import Snapshot
    from app.library import Library

ACTIONS = {
    "confirm": ("Confirm", "confirmed"),
    "reject": ("Reject", "rejected"),
    "restore": ("Restore", "restored"),
}


class ReviewCommand(QUndoCommand):
    """Confirm, reject or restore facts; undo puts each back as it was."""

    def __init__(
        self,
        library: Library,
        fact_ids: Sequence[int],
        action: str,
        before: dict[int, tuple[bool, bool]],
        changed: Callable[[str], None],
    ) -> None:
        verb = ACTIONS[action][0]
        what = f"fact {fact_ids[0]}" if len(fact_ids) == 1 else f"{len(fact_ids)} facts"
        super().__init__(f"{verb} {what}")
        self.library = library
        self.ids = list(fact_ids)
        self.action = action
        self.before = before
        """fact id -> (confirmed, rejected) before the command."""
        self.changed = changed

    def redo(self) -> None:
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

    def undo(self) -> None:
        for confirmed in (True, False):
            ids = [i for i in self.ids if self.before[i][0] == confirmed]
            if ids:
                self.library.confirm_facts(ids, confirmed)
        for rejected in (True, False):
            ids = [i for i in self.ids if self.before[i][1] == rejected]
            if ids:
                self.library.reject_facts(ids, rejected)
        self.changed(f"Undone: {self.text()}.")


class SnapshotCommand(QUndoCommand):
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
        self.library, self.do, self.changed = library, do, changed
        self.snap: Snapshot | None = None

    def redo(self) -> None:
        self.snap = self.do()
        self.changed(f"{self.text()} (Ctrl+Z undoes).")

    def undo(self) -> None:
        if self.snap is not None:
            self.library.restore_facts(self.snap)
        self.changed(f"Undone: {self.text()}.")


class RemovalCommand(QUndoCommand):
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

    def redo(self) -> None:
        self.gone = self.library.remove_articles(self.ids)
        names = ", ".join(a["file_name"] for a in self.gone.articles)
        self.changed(f"Deleted {names} (Ctrl+Z undoes).")

    def undo(self) -> None:
        if self.gone is not None:
            self.library.restore_articles(self.gone)
        self.changed(f"Undone: {self.text()}.")

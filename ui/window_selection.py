"""The main window's part that keeps the export selection: add (Ctrl+D, check boxes),
remove, reorder, and File › Export selection…; every change is written by a worker, and
is a command on the window's undo stack (Edit › Undo names it)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from ui import menus
from ui.tasks import TaskContext


class SelectionCommand(QUndoCommand):
    """A change of the selection: redo sets the selection after it, undo the one before."""

    def __init__(self, window: SelectionMixin, text: str, before: list[int], after: list[int]):
        super().__init__(text)
        self.window, self.before, self.after = window, before, after

    def redo(self) -> None:
        self.window._apply_selection(self.after)

    def undo(self) -> None:
        self.window._apply_selection(self.before)


class SelectionMixin:
    """Mixed into :class:`ui.main_window.MainWindow` (uses its library, pages and panel)."""

    selected: list[int]

    def _set_selection(self, ids: list[int]) -> None:
        self.selected = list(ids)
        self.selection_panel.set_rows([(i, self.data.label(i)) for i in ids])
        for page in self.pages:
            page.set_checked(set(ids))
        if self.detail.fact is not None and self.detail.fact.id in self.data.facts:
            fact = self.detail.fact
            self.detail.show_fact(self.data, fact, fact.id in self.selected)
        self.selection_changed.emit(list(ids))

    def _selection_task(self, change) -> None:  # type: ignore[no-untyped-def]
        def work(_ctx: TaskContext) -> list[int]:
            change()
            return self.library.selection()

        self._start(work, self._set_selection)

    def targets(self) -> list[int]:
        """The facts Ctrl+D acts on: the rows chosen in the current view, else the detail pane's."""
        page = self.current_page()
        ids = page.selected_fact_ids() if hasattr(page, "selected_fact_ids") else []
        if not ids and self.detail.fact is not None:
            ids = [self.detail.fact.id]
        return ids

    def _apply_selection(self, ids: list[int]) -> None:
        wanted = list(ids)
        self._selection_task(lambda: self.library.set_selection(wanted))

    def _change_selection(self, text: str, after: list[int]) -> None:
        before = list(self.selected)
        if after != before:
            self.undo_stack.push(SelectionCommand(self, text, before, after))

    def add_to_selection(self, ids: Sequence[int] | None = None) -> None:
        ids = list(ids) if ids is not None else self.targets()
        if not ids:
            self.statusBar().showMessage("Select a fact first, then add it (Ctrl+D).", 5000)
            return
        new = [i for i in dict.fromkeys(ids) if i not in self.selected]
        what = f"fact {new[0]}" if len(new) == 1 else f"{len(new)} facts"
        self._change_selection(f"Add {what} to the selection", [*self.selected, *new])
        self.statusBar().showMessage(f"Added {len(ids)} fact(s) to the selection", 4000)

    def remove_from_selection(self, ids: Sequence[int]) -> None:
        gone = set(ids)
        after = [i for i in self.selected if i not in gone]
        if not after and len(gone) > 1:
            text = "Clear the selection"
        else:
            text = f"Remove {len(gone & set(self.selected))} fact(s) from the selection"
        self._change_selection(text, after)

    def _check_toggled(self, fact_id: int, checked: bool) -> None:
        (self.add_to_selection if checked else self.remove_from_selection)([fact_id])

    def _reorder(self, ids: list[int]) -> None:
        order = [i for i in dict.fromkeys(ids) if i in self.selected]
        order += [i for i in self.selected if i not in set(order)]
        self._change_selection("Reorder the selection", order)

    def export_selection(self) -> None:
        from ui.export_dialog import ExportDialog

        if not self.selected:
            self.statusBar().showMessage(
                "The selection is empty: add facts with Ctrl+D (or their check box) first.", 8000
            )
            menus.empty_selection_box(self)
            return
        self.export_dialog = ExportDialog(self.library, self._start, len(self.selected), self)
        self.export_dialog.exported.connect(
            lambda path: self.statusBar().showMessage(f"Exported the selection to {path}", 10_000)
        )
        self.export_dialog.open()

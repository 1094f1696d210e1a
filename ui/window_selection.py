"""The main window's part that keeps the export selection: add (Ctrl+D, check boxes),
remove, reorder, and File › Export selection…; every change is written by a worker, and
is a command on the window's undo stack (Edit › Undo names it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from app.plural import count_of
from app.settings import Settings
from ui import menus
from ui.review import GuardedCommand
from ui.tasks import TaskContext
from ui.window_part import WindowPart

if TYPE_CHECKING:
    from PySide6.QtCore import Signal
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from ui.detail_pane import DetailPane
    from ui.main_window import ViewPage
    from ui.selection_panel import SelectionPanel


class SelectionCommand(GuardedCommand):
    """A change of the selection: redo sets the selection after it, undo the one before."""

    def __init__(
        self, window: SelectionMixin, text: str, before: list[int], after: list[int]
    ) -> None:
        super().__init__(text)
        self.window, self.before, self.after = window, before, after
        self.changed = lambda message: window.statusBar().showMessage(message, 8000)

    def do(self) -> None:
        self.window._apply_selection(self.after)

    def undo_it(self) -> None:
        self.window._apply_selection(self.before)


class SelectionMixin(WindowPart):
    """Mixed into :class:`ui.main_window.MainWindow` (uses its library, pages and panel)."""

    selected: list[int]
    # The window's, made by MainWindow (library, data and _start: WindowPart).
    pages: list[ViewPage]
    detail: DetailPane
    selection_panel: SelectionPanel
    undo_stack: QUndoStack
    selection_changed: ClassVar[Signal]
    # This part's own, made on first use.
    _selection_queue: list[Callable[[], object]]
    _selection_writes: int
    _pending_selection: list[int] | None

    if TYPE_CHECKING:

        def current_page(self) -> QWidget: ...

    def _set_selection(self, ids: list[int]) -> None:
        if not getattr(self, "_selection_writes", 0):
            self._pending_selection = None  # nothing on its way: the stored one holds
        self.selected = list(ids)
        self.data.facts.fetch(ids)  # read at once, not one by one
        self.selection_panel.set_rows([(i, self.data.label(i)) for i in ids])
        for page in self.pages:
            page.set_checked(set(ids))
        if self.detail.fact is not None:
            self.detail.set_selected(self.detail.fact.id in self.selected)
        self.selection_changed.emit(list(ids))

    def selection_version(self) -> int:
        """Counts the selection changes made (written or on their way): a load that read
        the stored selection before the latest change must not show what it read."""
        return int(getattr(self, "_selection_changes", 0))

    def _selection_task(self, change: Callable[[], object]) -> None:
        """Write a selection change in a worker, one after the other: two changes made
        quickly are stored in the order they were made (run side by side, the second
        could be stored first and then overwritten)."""
        queue: list[Callable[[], object]] = self.__dict__.setdefault("_selection_queue", [])
        queue.append(change)
        self._selection_changes = self.selection_version() + 1
        self._selection_writes = getattr(self, "_selection_writes", 0) + 1
        if len(queue) == 1:
            self._next_selection_write()

    def _next_selection_write(self) -> None:
        queue = self._selection_queue
        change = queue[0]

        def work(_ctx: TaskContext) -> list[int]:
            change()
            return self.library.selection()

        def finished() -> None:
            self._selection_writes -= 1
            queue.pop(0)
            if queue:
                self._next_selection_write()

        def written(ids: list[int]) -> None:
            finished()
            self._set_selection(ids)

        def failed(exc: object) -> None:
            finished()
            self._pending_selection = None
            self.statusBar().showMessage(f"The selection could not be changed: {exc}", 10_000)

        self._start(work, written, failed)

    def targets(self) -> list[int]:
        """The facts Ctrl+D acts on: the rows chosen in the current view, else the detail pane's."""
        page = self.current_page()
        ids = page.selected_fact_ids() if hasattr(page, "selected_fact_ids") else []
        if not ids and self.detail.fact is not None:
            ids = [self.detail.fact.id]
        return ids

    def _apply_selection(self, ids: list[int]) -> None:
        wanted = list(ids)
        self._pending_selection = wanted  # what the next change starts from
        self._selection_task(lambda: self.library.set_selection(wanted))

    @property
    def current_selection(self) -> list[int]:
        """The selection as the last change left it, written or still being written
        (a second change made before the first is stored starts from the first's)."""
        pending = getattr(self, "_pending_selection", None)
        return list(pending if pending is not None else self.selected)

    def _change_selection(self, text: str, after: list[int]) -> None:
        if getattr(self.library, "read_only", False):
            self.statusBar().showMessage(
                "This library is open read-only: the selection cannot change here.", 6000
            )
            return
        before = self.current_selection
        if after != before:
            self.undo_stack.push(SelectionCommand(self, text, before, after))

    def add_to_selection(self, ids: Sequence[int] | None = None) -> None:
        ids = list(ids) if ids is not None else self.targets()
        if not ids:
            self.statusBar().showMessage("Select a fact first, then add it (Ctrl+D).", 5000)
            return
        current = self.current_selection
        new = [i for i in dict.fromkeys(ids) if i not in current]
        what = f"fact {new[0]}" if len(new) == 1 else f"{len(new)} facts"
        self._change_selection(f"Add {what} to the selection", [*current, *new])
        self.statusBar().showMessage(f"Added {count_of(len(ids), 'fact')} to the selection", 4000)

    def remove_from_selection(self, ids: Sequence[int]) -> None:
        gone = set(ids)
        current = self.current_selection
        after = [i for i in current if i not in gone]
        if not after and len(gone) > 1:
            text = "Clear the selection"
        else:
            text = f"Remove {count_of(len(gone & set(current)), 'fact')} from the selection"
        self._change_selection(text, after)

    def _check_toggled(self, fact_id: int, checked: bool) -> None:
        (self.add_to_selection if checked else self.remove_from_selection)([fact_id])

    def _reorder(self, ids: list[int]) -> None:
        current = self.current_selection
        order = [i for i in dict.fromkeys(ids) if i in current]
        order += [i for i in current if i not in set(order)]
        self._change_selection("Reorder the selection", order)

    def export_selection(self) -> None:
        from ui.export_dialog import ExportDialog

        if not self.selected:
            self.statusBar().showMessage(
                "The selection is empty: add facts with Ctrl+D (or their check box) first.", 8000
            )
            menus.empty_selection_box(self)
            return
        author = Settings(self.settings).pdf_author()
        self.export_dialog = ExportDialog(
            self.library, self._start, len(self.selected), self, author=author
        )
        self.export_dialog.exported.connect(
            lambda path: self.statusBar().showMessage(f"Exported the selection to {path}", 10_000)
        )
        self.export_dialog.open()

"""The main window's part that keeps the export selection: add (Ctrl+D, check boxes),
remove, reorder, and File › Export selection…; every change is written by a worker, and
is a command on the window's undo stack (Edit › Undo names it).

:class:`WindowSelection` is made with what it drives (the Selection panel, the views'
check boxes, the detail pane's *Add to selection*), the window's task runner and undo
stack, and a way to read the window's current view data."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMainWindow

from app.plural import count_of
from app.settings import Settings
from ui import menus
from ui.review import GuardedCommand
from ui.tasks import LibraryTasks, TaskContext

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from app.library import Library
    from app.views import ViewData
    from ui.detail_pane import DetailPane
    from ui.export_dialog import ExportDialog
    from ui.selection_panel import SelectionPanel
    from ui.views.base import FactPage
    from ui.views.timeline import TimelinePage


class SelectionCommand(GuardedCommand):
    """A change of the selection: redo sets the selection after it, undo the one before."""

    def __init__(
        self, selection: WindowSelection, text: str, before: list[int], after: list[int]
    ) -> None:
        super().__init__(text)
        self.selection, self.before, self.after = selection, before, after
        self.changed = lambda message: selection.say(message, 8000)

    def do(self) -> None:
        self.selection.store(self.after)

    def undo_it(self) -> None:
        self.selection.store(self.before)


class WindowSelection(QObject):
    """The facts chosen for export, in their order, as stored in the library.

    Signals: changed(list ids) (the selection shown changed)."""

    changed = Signal(list)

    def __init__(
        self,
        window: QMainWindow,
        tasks: LibraryTasks,
        undo_stack: QUndoStack,
        panel: SelectionPanel,
        detail: DetailPane,
        pages: Sequence[FactPage | TimelinePage],
        data: Callable[[], ViewData],
        targets: Callable[[], list[int]],
        settings: QSettings,
    ) -> None:
        """``window``: its status bar and the parent of the dialogs; ``data`` gives the
        window's current view data (the facts' labels); ``targets`` the facts Ctrl+D acts
        on (the rows chosen in the view on screen, else the detail pane's fact)."""
        super().__init__(window)
        self.window, self.tasks, self.undo_stack = window, tasks, undo_stack
        self.panel, self.detail, self.pages = panel, detail, list(pages)
        self._data, self._targets, self._settings = data, targets, settings
        self.selected: list[int] = []
        """The selection as last read from the library (what the panel lists)."""
        self.export_dialog: ExportDialog | None = None
        self._queue: list[Callable[[Library], object]] = []
        self._writes = 0  # changes on their way to the library
        self._changes = 0  # changes made, written or on their way
        self._pending: list[int] | None = None  # what the last change left, until stored
        panel.order_changed.connect(self.reorder)
        panel.remove_requested.connect(self.remove)
        panel.clear_requested.connect(lambda: self.remove(self.selected))
        panel.export_requested.connect(self.export)
        detail.add_clicked.connect(lambda i: self.add([i]))
        for page in self.pages:
            page.check_toggled.connect(self.toggle)

    def say(self, message: str, timeout_ms: int = 0) -> None:
        """A message in the window's status bar."""
        self.window.statusBar().showMessage(message, timeout_ms)

    def show(self, ids: list[int]) -> None:
        """Show ``ids`` as the selection (the panel, the check boxes, the detail pane)
        without storing it: what the library holds, read by a load or a write."""
        if not self._writes:
            self._pending = None  # nothing on its way: the stored one holds
        self.selected = list(ids)
        data = self._data()
        data.facts.fetch(ids)  # read at once, not one by one
        self.panel.set_rows([(i, data.label(i)) for i in ids])
        for page in self.pages:
            page.set_checked(set(ids))
        if self.detail.fact is not None:
            self.detail.set_selected(self.detail.fact.id in self.selected)
        self.changed.emit(list(ids))

    def version(self) -> int:
        """Counts the selection changes made (written or on their way): a load that read
        the stored selection before the latest change must not show what it read."""
        return self._changes

    def _write(self, change: Callable[[Library], object]) -> None:
        """Write a selection change in a worker, one after the other: two changes made
        quickly are stored in the order they were made (run side by side, the second
        could be stored first and then overwritten)."""
        self._queue.append(change)
        self._changes += 1
        self._writes += 1
        if len(self._queue) == 1:
            self._next_write()

    def _next_write(self) -> None:
        queue = self._queue
        change = queue[0]

        def work(library: Library, _ctx: TaskContext) -> list[int]:
            change(library)
            return library.selection()

        def finished() -> None:
            self._writes -= 1
            queue.pop(0)
            if queue:
                self._next_write()

        def written(ids: list[int]) -> None:
            finished()
            self.show(ids)

        def failed(exc: object) -> None:
            finished()
            self._pending = None
            self.say(f"The selection could not be changed: {exc}", 10_000)

        self.tasks.run(work, written, failed)

    def store(self, ids: list[int]) -> None:
        """Store ``ids`` as the selection (in a worker; the undo stack's commands)."""
        wanted = list(ids)
        self._pending = wanted  # what the next change starts from
        self._write(lambda library: library.set_selection(wanted))

    @property
    def current(self) -> list[int]:
        """The selection as the last change left it, written or still being written
        (a second change made before the first is stored starts from the first's)."""
        return list(self._pending if self._pending is not None else self.selected)

    def _change(self, text: str, after: list[int]) -> None:
        if getattr(self.tasks.library, "read_only", False):
            self.say("This library is open read-only: the selection cannot change here.", 6000)
            return
        before = self.current
        if after != before:
            self.undo_stack.push(SelectionCommand(self, text, before, after))

    def add(self, ids: Sequence[int] | None = None) -> None:
        """Add facts to the end of the selection (by default those Ctrl+D acts on)."""
        ids = list(ids) if ids is not None else self._targets()
        if not ids:
            self.say("Select a fact first, then add it (Ctrl+D).", 5000)
            return
        current = self.current
        new = [i for i in dict.fromkeys(ids) if i not in current]
        what = f"fact {new[0]}" if len(new) == 1 else f"{len(new)} facts"
        self._change(f"Add {what} to the selection", [*current, *new])
        self.say(f"Added {count_of(len(ids), 'fact')} to the selection", 4000)

    def remove(self, ids: Sequence[int]) -> None:
        """Take facts out of the selection (all of them: *Clear*)."""
        gone = set(ids)
        current = self.current
        after = [i for i in current if i not in gone]
        if not after and len(gone) > 1:
            text = "Clear the selection"
        else:
            text = f"Remove {count_of(len(gone & set(current)), 'fact')} from the selection"
        self._change(text, after)

    def toggle(self, fact_id: int, checked: bool) -> None:
        """A fact's check box in a view."""
        (self.add if checked else self.remove)([fact_id])

    def reorder(self, ids: list[int]) -> None:
        """The panel's new order (*Up*, *Down*)."""
        current = self.current
        order = [i for i in dict.fromkeys(ids) if i in current]
        order += [i for i in current if i not in set(order)]
        self._change("Reorder the selection", order)

    def export(self) -> None:
        """File › Export selection…: the export dialog (an empty selection is explained)."""
        from ui.export_dialog import ExportDialog

        if not self.selected:
            self.say(
                "The selection is empty: add facts with Ctrl+D (or their check box) first.", 8000
            )
            menus.empty_selection_box(self.window)
            return
        author = Settings(self._settings).pdf_author()
        dialog = ExportDialog(self.tasks, len(self.selected), self.window, author=author)
        self.export_dialog = dialog
        dialog.exported.connect(lambda path: self.say(f"Exported the selection to {path}", 10_000))
        dialog.open()

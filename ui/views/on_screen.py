"""Whether a view page is on screen, and its rows read again when it comes back.

A view off screen (another tab is current, the window minimised) reads nothing: a new
load or a change of the library marks it *stale*, and it reads its rows when shown
again. Work queued for it before it was hidden is skipped when it reaches a worker, so
that a person's sort or filter on the view in front never waits behind the queries of
views they clicked past. A page never shown (built for a test or a printout) reads at
once, as before."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class OnScreen(QObject):
    """Watches ``page``'s show and hide events; ``again()`` is called when a stale page
    is shown, ``hidden()`` (if given) when it is hidden. ``off_screen`` may be read from
    any thread (a plain bool)."""

    def __init__(
        self,
        page: QWidget,
        again: Callable[[], None],
        hidden: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(page)
        self.off_screen = False
        self.stale = False
        self._again, self._hidden = again, hidden
        page.installEventFilter(self)

    def holds_back(self) -> bool:
        """Whether work for the page waits until it is shown (it is off screen); the
        page is then marked stale."""
        if self.off_screen:
            self.stale = True
        return self.off_screen

    def skipped(self) -> None:
        """Work held back in a worker (the page went off screen before it started): it
        runs again now if the page is back on screen, or when it is shown."""
        if self.off_screen:
            self.stale = True
        else:
            self._again()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Hide:
            self.off_screen = True
            if self._hidden is not None:
                self._hidden()
        elif kind == QEvent.Type.Show:
            self.off_screen = False
            if self.stale:
                self.stale = False
                self._again()
        return False

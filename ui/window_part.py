"""What the main window's parts (``SearchMixin``, ``SelectionMixin``) use of the window,
declared once: the library, the loaded view data and the task runner. At run time the
base is ``object``; for the type checker it is ``QMainWindow`` with these members."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow

    from app.library import Library
    from app.views import ViewData
    from ui.tasks import Task, TaskContext

    _T = TypeVar("_T")
    _Base = QMainWindow
else:
    _Base = object


class WindowPart(_Base):
    """The members every part of the window reads (made by ``MainWindow``)."""

    library: Library
    data: ViewData
    settings: QSettings

    if TYPE_CHECKING:

        def _start(
            self,
            func: Callable[[TaskContext], _T],
            on_done: Callable[[_T], object],
            on_error: Callable[[Any], object] | None = None,
        ) -> Task: ...

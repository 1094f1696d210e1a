"""Starting the window: the QApplication, one writing window per library, the main window.

A second start on a library whose window is running hands its request to that window
and exits (``app.instance``); when another process writes to it and no window answers,
the window opens the library read-only and says so.

The window is built and shown before the library is opened: loading SQLAlchemy, Whoosh
and the library's own code takes about a second, which the window spends on screen
(``MainWindow.open_library``). Nothing imported here or by ``ui.main_window`` loads them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.instance import READ_ONLY_NOTICE, claim_window
from app.resources import resource_path
from ui.main_window import MainWindow


def _icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256, 512):
        path = resource_path("icons", f"attache-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon


GIL_SWITCH_S = 0.001
"""How long a worker thread may keep the GIL while the GUI thread waits for it. Every
call from Qt into Python (each cell painted) needs the GIL; with Python's default of
5 ms, a busy worker made each such call wait up to 5 ms, and the window stall."""


def run_gui(library_dir: Path) -> int:
    sys.setswitchinterval(GIL_SWITCH_S)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Attaché")
    app.setOrganizationName("Attache")
    app.setWindowIcon(_icon())
    claim = claim_window(library_dir)
    if claim.mode == "handed":
        return 0
    read_only = claim.mode == "read-only"

    window = MainWindow(None, folder=library_dir)
    if claim.server is not None:
        claim.server.request.connect(window.handle_request)
    window.show()

    def open_library():  # type: ignore[no-untyped-def]  # in a worker thread
        from app.library import Library

        # The backup and the index check run in another worker once the views can load.
        return Library(library_dir, read_only=read_only, defer_maintenance=True)

    def failed(exc: object) -> None:
        QMessageBox.critical(window, "Attaché", str(exc) or type(exc).__name__)
        app.exit(1)

    window.open_library(open_library, failed, READ_ONLY_NOTICE if read_only else None)
    code = app.exec()
    window.wait_for_tasks()
    if window.library is not None:
        window.library.close()
    claim.release()
    return code

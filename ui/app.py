"""Starting the window: the QApplication, the library, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from app.library import Library, LibraryError
from ui.main_window import MainWindow


def run_gui(library_dir: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Attaché")
    app.setOrganizationName("Attache")
    try:
        library = Library(library_dir)
    except LibraryError as exc:
        QMessageBox.critical(None, "Attaché", str(exc))
        return 1
    window = MainWindow(library)
    window.show()
    window.start()
    code = app.exec()
    library.close()
    return code

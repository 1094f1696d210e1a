"""*File › Print selection…*: the export selection as a printable briefing, shown in a
print preview first.

The briefing is the selection as ``app.export.html_briefing`` writes it (the same
facts, order, notes and citations as the PDF export) laid out by Qt's own text document,
so printing needs no PDF renderer. The selection is read and rendered in a worker; only the layout
and the preview run on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from app.export.common import ExportOptions
from app.export.html_briefing import render_html

if TYPE_CHECKING:
    from app.library import Library
    from ui.main_window import MainWindow

EMPTY = "The selection is empty: add facts with Ctrl+D (or their check box), then print it."


def briefing_html(library: Library, options: ExportOptions) -> str | None:
    """The selection as a briefing in HTML (work for a worker); None when the selection
    is empty."""
    ids = library.selection()
    if not ids:
        return None
    return render_html(library.export_document(ids=ids), options)


def briefing_document(html: str) -> QTextDocument:
    """The briefing laid out for printing (on the GUI thread)."""
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def print_selection(win: MainWindow, printer: QPrinter | None = None) -> None:
    """Read the selection in a worker, then show the print preview of the briefing (or,
    given ``printer``, as a test does, print it there without a dialog)."""
    from app.settings import Settings

    options = ExportOptions(author=Settings(win.settings).pdf_author())

    def done(html: Any) -> None:
        if html is None:
            win.statusBar().showMessage(EMPTY, 8000)
            return
        doc = briefing_document(str(html))
        win.briefing_document = doc  # kept alive while the preview shows it
        if printer is not None:
            doc.print_(printer)
            win.statusBar().showMessage("Printed the selection.", 5000)
            return
        target = QPrinter(QPrinter.PrinterMode.HighResolution)
        target.setDocName(options.title)
        preview = QPrintPreviewDialog(target, win)
        preview.setWindowTitle("Print selection")
        preview.paintRequested.connect(doc.print_)
        preview.open()

    win.statusBar().showMessage("Preparing the selection for printing…")
    win.tasks.run(lambda library, _ctx: briefing_html(library, options), done)

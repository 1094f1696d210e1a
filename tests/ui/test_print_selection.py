"""File › Print selection…: the export selection as a briefing, printed (here to a PDF
printer, read back with pypdf); an empty selection is explained, not printed."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.library import Library
from ui.main_window import MainWindow
from ui.print_selection import EMPTY, print_selection

TIMEOUT = 20_000


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_the_selection_prints_as_a_briefing(
    qtbot: QtBot, wool: Library, window: MainWindow, tmp_path: Path
) -> None:
    library = wool
    agreement = next(f for f in library.facts() if f.type == "agreements")
    library.select_facts([agreement.id])
    target = tmp_path / "printed.pdf"
    print_selection(window, _pdf_printer(target))
    qtbot.waitUntil(lambda: target.is_file() and target.stat().st_size > 0, timeout=TIMEOUT)
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Agreements" in text and "wool" in text.lower() and "wool.txt" in text
    assert window.statusBar().currentMessage() == "Printed the selection."


def test_an_empty_selection_is_explained(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "printed.pdf"
    print_selection(window, _pdf_printer(target))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == EMPTY, timeout=TIMEOUT)
    assert not target.exists()

"""File › Export selection… from the window: a PDF read back with pypdf, the selection's
order kept, and clear messages for an empty selection and a path that cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT
from tests.ui.window_facts import of_type
from ui.export_dialog import ExportDialog
from ui.main_window import MainWindow


def _choose(qtbot: QtBot, window: MainWindow, ids: list[int]) -> None:
    with qtbot.waitSignal(window.selection.changed, timeout=TIMEOUT):
        window.selection.add(ids)


def _open_dialog(window: MainWindow) -> ExportDialog:
    window.export_action.trigger()
    dialog = window.selection.export_dialog
    assert dialog.isVisible()
    return dialog


def test_the_selection_exports_to_pdf_in_its_order(
    qtbot: QtBot, seeded: MainWindow, tmp_path: Path
) -> None:
    visit = next(f for f in of_type(seeded, "visits") if f.data.get("start") == "2022-05-10")
    stat = next(f for f in of_type(seeded, "statistics") if f.data.get("qualifier") == "target")
    _choose(qtbot, seeded, [stat.id, visit.id])
    dialog = _open_dialog(seeded)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    dialog.title_edit.setText("Briefing for the minister")
    dialog.subtitle_edit.setText("Visits & trade")
    dialog.page_box.setCurrentText("Letter")
    target = tmp_path / "out" / "briefing.pdf"
    target.parent.mkdir()
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert done.args[0] == str(target)
    assert not dialog.isVisible()
    assert str(target) in seeded.statusBar().currentMessage()
    pdf = PdfReader(str(target))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Briefing for the minister" in text and "Visits & trade" in text
    assert "Tokayev" in text and "10" in text
    width, height = pdf.pages[0].mediabox.width, pdf.pages[0].mediabox.height
    assert (round(width), round(height)) == (612, 792)  # Letter


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("json", ".json"), ("csv", ".csv"), ("markdown", ".md")]
)
def test_the_other_formats_write_their_files(
    qtbot: QtBot, seeded: MainWindow, tmp_path: Path, fmt: str, suffix: str
) -> None:
    _choose(qtbot, seeded, [of_type(seeded, "agreements")[0].id])
    dialog = _open_dialog(seeded)
    dialog.path_edit.setText(str(tmp_path / "export.pdf"))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
    assert dialog.path_edit.text().endswith(suffix)  # the suffix follows the format
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        dialog.run_export()
    written = Path(dialog.path_edit.text())
    assert written.stat().st_size > 0
    assert of_type(seeded, "agreements")[0].data["title"] in written.read_text("utf-8")


def test_an_empty_selection_is_explained(qtbot: QtBot, seeded: MainWindow) -> None:
    seeded.export_action.trigger()
    boxes = [w for w in seeded.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "The selection is empty" in boxes[0].text()
    boxes[0].close()
    assert "selection is empty" in seeded.statusBar().currentMessage()


def test_a_selection_emptied_meanwhile_says_so_in_the_dialog(
    qtbot: QtBot, seeded: MainWindow, tmp_path: Path
) -> None:
    _choose(qtbot, seeded, [of_type(seeded, "visits")[0].id])
    dialog = _open_dialog(seeded)
    seeded.library.clear_selection()  # e.g. another window cleared it
    dialog.path_edit.setText(str(tmp_path / "x.pdf"))
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        dialog.run_export()
    assert "the selection is empty" in failed.args[0]
    assert dialog.isVisible() and "the selection is empty" in dialog.message.text()
    assert not (tmp_path / "x.pdf").exists()


def test_an_unwritable_path_is_named_with_the_reason(
    qtbot: QtBot, seeded: MainWindow, tmp_path: Path
) -> None:
    _choose(qtbot, seeded, [of_type(seeded, "visits")[0].id])
    dialog = _open_dialog(seeded)
    target = tmp_path / "no-such-folder" / "brief.md"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("markdown"))
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert str(target) in failed.args[0]
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    dialog.reject()


def test_the_pdf_marks_unchecked_facts_and_can_leave_them_out(
    qtbot: QtBot, seeded: MainWindow, tmp_path: Path
) -> None:
    visits = sorted(of_type(seeded, "visits"), key=lambda f: f.id)
    checked, unchecked = visits[0], visits[1]
    _choose(qtbot, seeded, [checked.id, unchecked.id])
    with qtbot.waitSignal(seeded.views_shown, timeout=TIMEOUT):
        seeded.review_facts([checked.id], "confirm")
    dialog = _open_dialog(seeded)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    marked = tmp_path / "marked.pdf"
    dialog.path_edit.setText(str(marked))
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    text = " ".join(p.extract_text() for p in PdfReader(str(marked)).pages)
    assert "1 fact(s) marked so were read by Attaché's extractor and not yet checked" in text
    assert f"† {unchecked.confidence:.2f}" in text

    dialog = _open_dialog(seeded)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    only = tmp_path / "confirmed.pdf"
    dialog.path_edit.setText(str(only))
    dialog.confirmed_box.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    text = " ".join(p.extract_text() for p in PdfReader(str(only)).pages)
    assert "Visits (1)" in text and "†" not in text and "not yet checked" not in text


def test_every_label_of_the_dialog_takes_its_field_with_alt(qtbot: QtBot) -> None:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QLabel

    from ui.tasks import LibraryTasks

    dialog = ExportDialog(LibraryTasks(QObject(), lambda _exc: None), 3)
    qtbot.addWidget(dialog)
    labels = {label.text(): label.buddy() for label in dialog.findChildren(QLabel)}
    assert labels["F&ile:"] is dialog.path_edit  # a row of two widgets: set by hand
    assert all(labels[t] is not None for t in ("&Format:", "&Title:", "&Page size:"))

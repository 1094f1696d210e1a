"""File › Export selection…: format, title, subtitle, page size and file; runs in a worker.

Signals: exported(str path); failed(str message).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import fact_types
from app.export import ExportError, ExportOptions, export_document
from app.plural import count_of

if TYPE_CHECKING:
    from app.library import Library
    from ui.tasks import LibraryTasks

FORMATS = (
    ("PDF", "pdf", ".pdf"),
    ("JSON", "json", ".json"),
    ("CSV", "csv", ".csv"),
    ("Markdown", "markdown", ".md"),
)


def export_selection(
    library: Library, path: Path, fmt: str, options: ExportOptions, confirmed_only: bool = False
) -> Path:
    """Export the library's selection, in its order (work for a worker thread); only the
    facts a person confirmed, corrected or added when ``confirmed_only``."""
    doc = library.export_document(ids=library.selection(), confirmed_only=confirmed_only)
    if confirmed_only and not any(doc.get(t) for t in fact_types.NAMES):
        raise ExportError(
            "nothing to export: no fact of the selection has been confirmed yet "
            "(confirm facts with Ctrl+Shift+C or in the To review view)"
        )
    return export_document(doc, path, fmt, options)


def failure_text(exc: object) -> str:
    if isinstance(exc, ExportError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"cannot write {exc.filename or 'the file'}: {exc.strerror or exc}"
    return f"The export failed: {exc}"


class ExportDialog(QDialog):
    exported = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        tasks: LibraryTasks,
        count: int,
        parent: QWidget | None = None,
        author: str = "",
    ) -> None:
        """``tasks``: the window's runner (the export is written in its worker, from the
        library open then); ``count``: the facts in the selection."""
        super().__init__(parent)
        self.tasks, self.author = tasks, author
        self.setWindowTitle("Export selection")
        self.format_box = QComboBox()
        for name, key, _suffix in FORMATS:
            self.format_box.addItem(name, key)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.title_edit = QLineEdit(ExportOptions().title)
        self.subtitle_edit = QLineEdit()
        self.page_box = QComboBox()
        self.page_box.addItems(["A4", "Letter"])
        self.path_edit = QLineEdit(str(Path.home() / "attache-briefing.pdf"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("&Format:", self.format_box)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Subtitle:", self.subtitle_edit)
        form.addRow("&Page size:", self.page_box)
        # a row of several widgets gets no buddy from addRow: Alt+I goes to the path
        file_label = QLabel("F&ile:")
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, path_row)
        self.confirmed_box = QCheckBox("&Confirmed facts only (those a person checked)")
        self.confirmed_box.setToolTip(
            "Otherwise facts nobody has checked yet are marked † in the PDF, with their "
            'confidence, and carry "review": "unreviewed" in JSON.'
        )
        form.addRow("", self.confirmed_box)
        self.message = QLabel(
            f"{count_of(count, 'fact')} in the selection will be exported, in its order."
        )
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.run_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _format_changed(self) -> None:
        suffix = FORMATS[self.format_box.currentIndex()][2]
        path = Path(self.path_edit.text().strip() or "attache-briefing")
        self.path_edit.setText(str(path.with_suffix(suffix)))
        self.page_box.setEnabled(self.format_box.currentData() == "pdf")

    def _browse(self) -> None:
        name, suffix, _ = FORMATS[self.format_box.currentIndex()]
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export to", self.path_edit.text(), f"{name} (*{suffix})"
        )
        if chosen:
            self.path_edit.setText(chosen)

    def options(self) -> ExportOptions:
        return ExportOptions(
            title=self.title_edit.text().strip() or ExportOptions().title,
            subtitle=self.subtitle_edit.text().strip(),
            page_size=self.page_box.currentText(),
            author=self.author or ExportOptions().author,
        )

    def run_export(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self._failed(ExportError("Choose the file to export to."))
            return
        path, fmt, options = Path(text).expanduser(), self.format_box.currentData(), self.options()
        confirmed = self.confirmed_box.isChecked()
        self.export_button.setEnabled(False)
        self.message.setText(f"Exporting to {path}…")
        self.tasks.run(
            lambda library, _ctx: export_selection(library, path, fmt, options, confirmed),
            self._done,
            self._failed,
        )

    def _done(self, path: object) -> None:
        self.export_button.setEnabled(True)
        self.exported.emit(str(path))
        self.accept()

    def _failed(self, exc: object) -> None:
        self.export_button.setEnabled(True)
        message = failure_text(exc)
        self.message.setText(message)
        self.failed.emit(message)

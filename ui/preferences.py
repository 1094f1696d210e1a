"""Edit › Preferences… (Ctrl+,): what a person sets once — the library the window opens
at a start and the command line uses, how many search results to show, the PDF author
line, and how many backups the open library keeps. Each field is checked as it is
edited; OK stays disabled while one is refused, and the reason shows under it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from app import settings as prefs
from app.config import default_library_dir, is_library
from app.settings import Settings
from ui import library_menu

if TYPE_CHECKING:
    from ui.main_window import MainWindow

KEEP_MAX = 100


def default_library_problem(text: str) -> str | None:
    """Why ``text`` cannot be the default library (None: it can; empty is the standard
    folder)."""
    if not text.strip():
        return None
    folder = Path(text.strip()).expanduser()
    if not folder.is_absolute():
        return "Give the whole path of the folder (starting at / or a drive)."
    try:
        if is_library(folder) or not folder.exists():
            return None
        if not folder.is_dir():
            return f"{folder} is a file, not a folder."
        if any(folder.iterdir()):
            return f"{folder} holds no Attaché library and is not empty: choose a library folder."
    except OSError as exc:
        return f"The folder {folder} cannot be read ({exc.strerror or exc})."
    return None


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


class PreferencesDialog(QDialog):
    """The preferences of ``win`` (its settings store and open library)."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self._keep_shown = 0
        self.win = win
        self.settings = Settings(win.settings)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        libraries = QGroupBox("Libraries")
        lib_layout = QVBoxLayout(libraries)
        self.start_last = QRadioButton("At start, reopen the &last library")
        self.start_default = QRadioButton("At start, open the &default library")
        self.start_group = QButtonGroup(self)
        self.start_group.addButton(self.start_last)
        self.start_group.addButton(self.start_default)
        lib_layout.addWidget(self.start_last)
        lib_layout.addWidget(self.start_default)
        row = QHBoxLayout()
        self.default_edit = QLineEdit()
        self.default_edit.setPlaceholderText(f"the standard folder: {default_library_dir()}")
        self.default_edit.setClearButtonEnabled(True)
        self.choose_button = QPushButton("C&hoose…")
        self.choose_button.clicked.connect(self._choose_default)
        row.addWidget(QLabel("Default library:"))
        row.addWidget(self.default_edit, 1)
        row.addWidget(self.choose_button)
        lib_layout.addLayout(row)
        self.default_error = _error_label()
        lib_layout.addWidget(self.default_error)
        note = QLabel(
            "Commands (<code>attache search …</code>) without <code>--library</code> use the "
            "default library too. Empty: the standard folder."
        )
        note.setWordWrap(True)
        lib_layout.addWidget(note)
        layout.addWidget(libraries)

        other = QGroupBox("Search and export")
        form = QFormLayout(other)
        self.page_size = QSpinBox()
        self.page_size.setRange(prefs.PAGE_SIZE_MIN, prefs.PAGE_SIZE_MAX)
        self.page_size.setSingleStep(10)
        self.page_size.setSuffix(" results")
        self.page_size.setToolTip("How many articles and facts the Articles view lists a search")
        form.addRow("Search shows at most:", self.page_size)
        self.author_edit = QLineEdit()
        self.author_edit.setMaxLength(prefs.PDF_AUTHOR_MAX)
        self.author_edit.setPlaceholderText(prefs.PDF_AUTHOR)
        self.author_edit.setToolTip("The author a PDF export names in its document properties")
        form.addRow("PDF author:", self.author_edit)
        self.author_error = _error_label()
        form.addRow("", self.author_error)
        layout.addWidget(other)

        self.backups_box = QGroupBox("Backups of this library")
        backup_form = QFormLayout(self.backups_box)
        self.keep = QSpinBox()
        self.keep.setRange(1, KEEP_MAX)
        self.keep.setSuffix(" backups")
        backup_form.addRow("Keep the newest:", self.keep)
        self.backups_note = QLabel()
        self.backups_note.setWordWrap(True)
        backup_form.addRow(self.backups_note)
        layout.addWidget(self.backups_box)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._load()
        self.default_edit.textChanged.connect(lambda _t: self._validate())
        self.author_edit.textChanged.connect(lambda _t: self._validate())
        self._validate()

    def _backups_folder(self) -> Path | None:
        library = self.win.library
        if library is None or getattr(library, "read_only", False):
            return None
        from db.backup import BACKUP_DIR

        return Path(library.folder) / BACKUP_DIR

    def _load(self) -> None:
        s = self.settings
        (
            self.start_default if s.start_with() == prefs.START_DEFAULT else self.start_last
        ).setChecked(True)
        default = s.default_library()
        self.default_edit.setText(str(default) if default else "")
        self.page_size.setValue(s.page_size())
        author = s.pdf_author()
        self.author_edit.setText("" if author == prefs.PDF_AUTHOR else author)
        folder = self._backups_folder()
        if folder is None:
            self.backups_box.setEnabled(False)
            self.backups_note.setText("The library is read-only or not open: nothing to set.")
            return
        from db.backup import keep_count

        self.keep.setValue(min(keep_count(folder), KEEP_MAX))
        self._keep_shown = self.keep.value()  # written back only when a person changes it
        self.backups_note.setText(
            f"For the library at {folder.parent}; older backups are deleted at the next one."
        )

    def _validate(self) -> bool:
        problems = []
        default = default_library_problem(self.default_edit.text())
        self.default_error.setText(default or "")
        self.default_error.setVisible(default is not None)
        problems.append(default)
        author = self.author_edit.text()
        said = None
        if any(ord(c) < 32 for c in author):
            said = "The author line is one line of text."
        self.author_error.setText(said or "")
        self.author_error.setVisible(said is not None)
        problems.append(said)
        ok = all(p is None for p in problems)
        layout = self.layout()
        if layout is not None and self.isVisible():  # room for a reason shown or gone
            layout.activate()
            self.resize(
                self.width(), max(self.minimumSizeHint().height(), self.sizeHint().height())
            )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        return ok

    def _choose_default(self) -> None:
        folder = library_menu.choose_folder(self, "The default library")
        if folder is not None:
            self.default_edit.setText(str(folder))

    def accept(self) -> None:
        if not self._validate():
            return
        s = self.settings
        before = s.page_size()
        s.set_start_with(
            prefs.START_DEFAULT if self.start_default.isChecked() else prefs.START_LAST
        )
        text = self.default_edit.text().strip()
        s.set_default_library(Path(text).expanduser() if text else None)
        s.set_page_size(self.page_size.value())
        s.set_pdf_author(self.author_edit.text())
        folder = self._backups_folder()
        if folder is not None:
            from db.backup import keep_count, set_keep_count

            # only a count a person changed: `attache backup --keep 200` is beyond the
            # field's range, and OK must not lower it (older backups would be deleted)
            if self.keep.value() != self._keep_shown and keep_count(folder) != self.keep.value():
                set_keep_count(folder, self.keep.value())
        super().accept()
        if s.page_size() != before:
            self.win.run_search()
        self.win.statusBar().showMessage("Preferences saved.", 5000)


def show(win: MainWindow) -> PreferencesDialog:
    """Open the preferences of ``win`` (window-modal; it returns at once)."""
    for shown in win.findChildren(PreferencesDialog):
        if shown.isVisible():  # already open: bring it forward
            shown.raise_()
            shown.activateWindow()
            return shown
    dialog = PreferencesDialog(win)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

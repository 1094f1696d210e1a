"""The dialog the window shows when its library's database is damaged: what SQLite
found, the backups (date, article count, why taken), and a button restoring the chosen
one as ``attache restore`` does (the damaged file is kept aside, the index rebuilt)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)


class RestoreDialog(QDialog):
    """Offers the backups of ``folder``; ``restored`` holds the outcome once accepted."""

    def __init__(self, folder: Path, message: str, parent: QWidget | None = None) -> None:
        from app.restore import list_backups

        super().__init__(parent)
        self.folder = folder
        self.restored: object | None = None
        self.setWindowTitle("Attaché — the library is damaged")
        self.resize(720, 360)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"{message}\n\nChoose a backup to restore. The damaged file is kept aside "
            "(library.sqlite.damaged-<time>), and the search index is rebuilt."
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.backups = list_backups(folder)
        for info in self.backups:
            item = QListWidgetItem(info.describe())
            if info.problem:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        usable = [n for n, info in enumerate(self.backups) if not info.problem]
        if usable:
            self.list.setCurrentRow(usable[0])
        else:
            self.list.addItem("There is no backup that can be restored.")
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(usable))
        buttons.addButton("Quit", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> int:
        row = self.list.currentRow()
        return row if 0 <= row < len(self.backups) and not self.backups[row].problem else -1

    def restore(self) -> None:
        from app.restore import RestoreError, restore_backup

        row = self.chosen()
        if row < 0:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.restored = restore_backup(self.folder, self.backups[row])
        except RestoreError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, "Attaché", str(exc))
            return
        QApplication.restoreOverrideCursor()
        self.accept()

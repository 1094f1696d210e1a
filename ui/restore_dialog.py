"""The dialog the window shows when its library's database is damaged: what SQLite
found, the backups (date, article count, why taken), and a button restoring the chosen
one as ``attache restore`` does (the damaged file is kept aside, the index rebuilt)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ui.tasks import Task


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
        said = f"{message[:1].upper()}{message[1:]}".rstrip(".")
        intro = QLabel(
            f"{said}.\n\nChoose a backup to restore. The damaged file is kept aside "
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
        self.status = QLabel()
        layout.addWidget(self.status)
        self.task: Task | None = None
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
        """Restore the chosen backup in a worker (it rebuilds the search index, long for a
        large library); the dialog says so meanwhile, and closes when it is done."""
        from app.restore import RestoreError, restore_backup
        from ui.tasks import run_task

        row = self.chosen()
        if row < 0 or self.task is not None:
            return
        info = self.backups[row]
        self.restore_button.setEnabled(False)
        self.list.setEnabled(False)
        self.status.setText(f"Restoring the backup of {info.describe()} and rebuilding the index…")

        def done(restored: object) -> None:
            self.task = None
            self.restored = restored
            self.accept()

        def failed(exc: object) -> None:
            self.task = None
            self.status.setText("")
            self.restore_button.setEnabled(True)
            self.list.setEnabled(True)
            message = str(exc) if isinstance(exc, RestoreError) else f"the restore failed: {exc}"
            QMessageBox.warning(self, "Attaché", message)

        self.task = run_task(lambda _ctx: restore_backup(self.folder, info), done, failed, self)

    def reject(self) -> None:
        """Quit, unless a restore is under way (it is not stopped half done)."""
        if self.task is None:
            super().reject()

"""The *Article details* dialog: an article's title, outlet, author, date, address,
language and a note, shown and edited; and the undoable command that stores the edit.

Open it with :func:`open_article_details` (the Articles view's context menu, the
reader's header, *Edit › Article details…*; the detail pane can call it too). Each
field is checked as it is typed (a date must be in the calendar, an address begins with
http:// or https://) and a refused value is explained under its field and never saved.
Save pushes one step on the window's undo stack: :class:`ArticleSourceCommand` for the
source fields and, when the language changed, the existing ``LanguageCommand`` (the
article's facts are read again in it; its undo is exact), together as one macro.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import article_source
from app.language import LANGUAGES
from app.rows import ArticleRow
from ui.review import GuardedCommand

if TYPE_CHECKING:
    from app.library import Library

LABELS = {
    "title": "&Title",
    "outlet": "&Outlet",
    "author": "A&uthor(s)",
    "date": "&Date",
    "url": "&Address (URL)",
    "language": "&Language",
    "note": "&Note",
}
HINTS = {
    "outlet": "The newspaper, agency or site that published it",
    "author": "Separate several with ;",
    "date": "YYYY-MM-DD",
    "url": "https://…",
}


class ArticleSourceCommand(GuardedCommand):
    """Store a person's values for an article's source fields
    (``Library.edit_article_source``); undo puts back exactly what was there."""

    def __init__(
        self,
        library: Library,
        article: ArticleRow,
        values: dict[str, str | None],
        changed: Callable[[str], None],
    ) -> None:
        super().__init__(f"Edit the details of {article.file_name}")
        self.library, self.article_id, self.values = library, article.id, values
        self.name, self.changed = article.file_name, changed
        self.change: article_source.SourceEdit | None = None

    def do(self) -> None:
        if self.change is None:
            self.change = self.library.edit_article_source(self.article_id, self.values)
        else:  # redo: exactly the change made the first time
            self.library.restore_article_source(self.change, redo=True)
        self.changed(f"{self.name}: details saved (Ctrl+Z undoes).")

    def undo_it(self) -> None:
        if self.change is not None:
            self.library.restore_article_source(self.change)
        self.changed(f"Undone: {self.text()}.")


class ArticleDetailsDialog(QDialog):
    """The fields of one article; ``values()`` the source fields as typed,
    ``language()`` the language chosen."""

    def __init__(
        self, article: ArticleRow, parent: QWidget | None = None, read_only: bool = False
    ) -> None:
        super().__init__(parent)
        self.article = article
        self.setWindowTitle(f"Article details — {article.file_name}")
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key in ("title", "outlet", "author", "date", "url"):
            edit = QLineEdit(getattr(article, key) or "")
            edit.setPlaceholderText(HINTS.get(key, ""))
            edit.setReadOnly(read_only)
            edit.setAccessibleName(LABELS[key].replace("&", ""))
            edit.setCursorPosition(0)  # a long title shows its beginning
            edit.textChanged.connect(self._check)
            if key in article.edited_fields:
                edit.setToolTip("Edited by a person: importing the file again keeps it")
            self.fields[key] = edit
            error = QLabel()
            error.setObjectName(f"{key}_error")
            error.setWordWrap(True)
            error.setStyleSheet("color:#c0392b")
            error.hide()
            self.errors[key] = error
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(_label(key, edit), box)
        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name.capitalize(), code)
        self.language_box.setCurrentIndex(
            max(0, self.language_box.findData(article.language or "unknown"))
        )
        self.language_box.setEnabled(not read_only)
        self.language_box.setToolTip(
            "Another language reads the article's facts again in it (Ctrl+Z undoes)"
        )
        form.addRow(_label("language", self.language_box), self.language_box)
        self.note = QPlainTextEdit(article.note or "")
        self.note.setReadOnly(read_only)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("Your note on this article")
        self.note.setFixedHeight(80)
        form.addRow(_label("note", self.note), self.note)
        source = QLabel(f"File: {article.file_name}<br><small>{_escape(article.path)}</small>")
        source.setTextFormat(Qt.TextFormat.RichText)
        source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        source.setWordWrap(True)
        form.addRow("", source)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Close
            if read_only
            else QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        self._check()

    @property
    def save_button(self) -> QWidget | None:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def values(self) -> dict[str, str | None]:
        """The source fields that differ from the article's, as typed."""
        typed: dict[str, str | None] = {k: e.text() for k, e in self.fields.items()}
        typed["note"] = self.note.toPlainText()
        clean = article_source.normalised(typed)
        return {k: typed[k] for k, v in clean.items() if v != getattr(self.article, k)}

    def language(self) -> str:
        return str(self.language_box.currentData())

    def problems(self) -> dict[str, str]:
        return article_source.problems(self.values())

    def _check(self) -> None:
        """Each refused value explained under its field; Save only when none is."""
        found = self.problems()
        for key, label in self.errors.items():
            label.setText(found.get(key, ""))
            label.setVisible(key in found)
        save = self.save_button
        if save is not None:
            save.setEnabled(not found)
            save.setToolTip("Correct the fields marked in red first" if found else "")

    def accept(self) -> None:
        if self.problems():  # never saved (Save is disabled too)
            self._check()
            return
        super().accept()


def _label(key: str, buddy: QWidget) -> QLabel:
    """A form label whose Alt+letter goes to ``buddy``."""
    label = QLabel(LABELS[key])
    label.setBuddy(buddy)
    return label


def _escape(text: str) -> str:
    import html

    return html.escape(text)


def apply(win: Any, article: ArticleRow, values: dict[str, str | None], language: str) -> bool:
    """Push the edit on ``win.undo_stack``: the source fields and, if changed, the
    language, as one step. Returns whether anything was pushed."""
    from ui.review import LanguageCommand

    language_changed = language != (article.language or "unknown")
    if not values and not language_changed:
        return False

    def changed(message: str) -> None:
        refresh_after_edit(win, article.id, message)

    stack = win.undo_stack
    steps: list[GuardedCommand] = []
    if values:
        steps.append(ArticleSourceCommand(win.library, article, values, changed))
    if language_changed:
        steps.append(LanguageCommand(win.library, article.id, language, changed))
    if len(steps) == 1:
        stack.push(steps[0])
    else:
        stack.beginMacro(f"Edit the details of {article.file_name}")
        for step in steps:
            stack.push(step)
        stack.endMacro()
    return True


def refresh_after_edit(win: Any, article_id: int, message: str) -> None:
    """After an article's details changed (or were undone): the status bar says so, the
    views and results are read again, and the reader shows the new header in place."""
    win.statusBar().showMessage(message, 8000)
    win.reload()
    win.run_search()
    reader = win.reader
    if reader.article is not None and reader.article.id == article_id:
        fresh = win.library.article(article_id)
        if fresh is not None:
            reader.refresh_article(fresh)


def open_article_details(win: Any, article_id: int) -> ArticleDetailsDialog | None:
    """Open the *Article details* dialog of ``article_id`` over the window ``win``
    (a ``MainWindow``: its ``library``, ``undo_stack``, ``reader``); Save pushes the
    edit on the undo stack. None when the article is gone."""
    library = win.library
    article = library.article(article_id) if library is not None else None
    if article is None:
        win.statusBar().showMessage("That article is no longer in the library.", 5000)
        return None
    read_only = bool(getattr(library, "read_only", False))
    dialog = ArticleDetailsDialog(article, win, read_only=read_only)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: apply(win, article, dialog.values(), dialog.language()))
    win.article_details_dialog = dialog
    dialog.open()
    return dialog


def current_article_id(win: Any) -> int | None:
    """The article *Edit › Article details…* is about: the current article of the
    Articles view when that view is shown, else the one in the reader."""
    page = win.articles_page
    if win.tabs.currentWidget() is page:
        index = page.view.currentIndex()
        if index.isValid():
            hit = page.results.hit(index.row())
            if hit.kind == "article":
                return int(hit.id)
    return win.reader.article.id if win.reader.article is not None else None


def details_of_current(win: Any) -> ArticleDetailsDialog | None:
    """*Edit › Article details…*: the dialog of :func:`current_article_id`."""
    article_id = current_article_id(win)
    if article_id is None:
        win.statusBar().showMessage(
            "Choose an article in the Articles view, or open one in the reader, first.", 6000
        )
        return None
    return open_article_details(win, article_id)

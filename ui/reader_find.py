"""Find in article: the reader's find bar (Ctrl+F while the reader has focus).

A row at the foot of the reader: the words to find, *n of m*, previous and next
(Shift+Enter, Enter), and a close button (Esc). Every match is highlighted and the
current one more strongly, with extra selections: the article's own marks (the search
words, the cited sentence) stay as they are.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

MAX_MATCHES = 2000
"""Matches highlighted at most (a one-letter search in a long article stays quick)."""
_ALL = QColor("#fff2a8")
_CURRENT = QColor("#ff9f43")


class FindBar(QWidget):
    """The find bar of a QTextEdit ``editor`` (its parent), shown at its foot."""

    def __init__(self, editor: QTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.matches: list[QTextCursor] = []
        self.current = -1
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Find in article")
        self.field.textChanged.connect(lambda _t: self.search())
        self.field.installEventFilter(self)
        self.count = QLabel()
        self.count.setMinimumWidth(80)
        self.previous_button = self._button("▲", "Previous match (Shift+Enter)", self.previous)
        self.next_button = self._button("▼", "Next match (Enter)", self.next)
        close = self._button("✕", "Close (Esc)", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(close)
        self.setAutoFillBackground(True)
        self.hide()
        editor.installEventFilter(self)

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- showing ---------------------------------------------------------------------
    def open(self) -> None:
        """Show the bar with its field chosen (the words of a selection in it)."""
        chosen = self.editor.textCursor().selectedText().strip()
        if chosen and "\u2029" not in chosen:
            self.field.setText(chosen)
        self.show()
        self._place()
        self.field.setFocus()
        self.field.selectAll()
        self.search()

    def close_bar(self) -> None:
        """Hide the bar and its highlights; the reader gets the focus back."""
        self.hide()
        self.editor.setViewportMargins(0, 0, 0, 0)
        self.editor.setExtraSelections([])
        self.editor.setFocus()

    def _place(self) -> None:
        height = self.sizeHint().height()
        self.editor.setViewportMargins(0, 0, 0, height)
        rect = self.editor.contentsRect()
        bar = self.editor.verticalScrollBar()
        width = rect.width() - (bar.width() if bar.isVisible() else 0)  # beside the scroll bar
        self.setGeometry(rect.left(), rect.bottom() - height + 1, width, height)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        elif watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.previous() if shift else self.next()
                return True
        return super().eventFilter(watched, event)

    # -- finding ---------------------------------------------------------------------
    def document_changed(self) -> None:
        """Another article (or the same one again): its matches, if the bar is open."""
        if self.isVisible():
            self.search()

    def search(self) -> None:
        """Every match of the field's words (ignoring case); the first one current."""
        words = self.field.text()
        self.matches = []
        if words.strip():
            document = self.editor.document()
            cursor = QTextCursor(document)
            while len(self.matches) < MAX_MATCHES:
                cursor = document.find(words, cursor, QTextDocument.FindFlag(0))
                if cursor.isNull():
                    break
                self.matches.append(QTextCursor(cursor))
        self.current = 0 if self.matches else -1
        self._show()

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, by: int) -> None:
        if self.matches:
            self.current = (self.current + by) % len(self.matches)
            self._show()

    def _show(self) -> None:
        """Highlight the matches, scroll to the current one, say "n of m"."""
        selections = []
        for n, match in enumerate(self.matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = match
            fmt = QTextCharFormat()
            fmt.setBackground(_CURRENT if n == self.current else _ALL)
            fmt.setForeground(QColor("#000"))
            selection.format = fmt
            selections.append(selection)
        self.editor.setExtraSelections(selections)
        if self.current >= 0:
            cursor = QTextCursor(self.matches[self.current])
            cursor.setPosition(cursor.selectionStart())  # a caret, not a selection
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
        total = len(self.matches)
        more = "+" if total >= MAX_MATCHES else ""
        if not self.field.text().strip():
            self.count.setText("")
        elif total:
            self.count.setText(f"{self.current + 1} of {total}{more}")
        else:
            self.count.setText("No match")
        self.previous_button.setEnabled(total > 1)
        self.next_button.setEnabled(total > 1)

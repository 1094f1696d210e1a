"""The article reader: an article's text with matched words or one sentence highlighted,
under a header citing it (outlet, author, title, date, address) with its actions:
*Open original* (the stored file, else the address, in the desktop's own program),
*Copy citation* (plain text, BibTeX, RIS) and *Details…* (the Article details dialog).
Ctrl+F finds words in the article (``ui.reader_find``)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QMenu, QTextBrowser, QWidget

from app import citation
from app.language import LANGUAGES
from app.rows import ArticleRow
from ui.reader_find import FindBar

ACTION_SCHEME = "attache-reader"
"""Links of the header's actions; never followed as addresses."""

_MARK = "<span style='background:#fff2a8;color:#000'>"
_FOCUS = "<a name='focus'></a><span style='background:#ffd54a;color:#000'>"


def language_label(code: str | None) -> str:
    """ "Russian", "English", or "language unknown" (the reader's header)."""
    return LANGUAGES[code] if code in LANGUAGES and code != "unknown" else "language unknown"


def article_html(
    article: ArticleRow,
    spans: Sequence[tuple[int, int]] = (),
    focus: tuple[int, int] | None = None,
) -> str:
    """The article as HTML; all of its text escaped, ``spans`` marked, ``focus`` anchored."""
    marks = sorted(
        [(s, e, _MARK) for s, e in spans if not focus or e <= focus[0] or s >= focus[1]]
        + ([(focus[0], focus[1], _FOCUS)] if focus else [])
    )
    text, out, pos = article.text, [], 0
    for start, end, tag in marks:
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"{tag}{html.escape(text[start:end])}</span>")
        pos = end
    out.append(html.escape(text[pos:]))
    body = "".join(out)
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    paragraphs = paragraphs.replace("\n", "<br>")
    meta = html.escape(
        f"{article.date or 'no date'} · {article.file_name} · {language_label(article.language)}"
    )
    return (
        f"<h2>{html.escape(article.title)}</h2>{header_html(article)}"
        f"<p style='color:gray'>{meta}<br>{html.escape(article.path)}</p>{paragraphs}"
    )


def header_html(article: ArticleRow) -> str:
    """Under the title, the rest of the article's citation (``app.citation.plain``:
    outlet, author, date, address) and the header's actions."""
    cited = replace(citation.cited(article), title="")
    if cited.outlet or cited.author or cited.url:
        cite = html.escape(citation.plain(cited, with_file=False))
    else:
        cite = "Outlet, author and address unknown (Details… adds them)"
    actions = " · ".join(
        f"<a href='{ACTION_SCHEME}:{name}'>{label}</a>"
        for name, label in (
            ("open", "Open original"),
            ("copy", "Copy citation"),
            ("details", "Details…"),
        )
    )
    return f"<p><i>{cite}</i><br><small>{actions}</small></p>"


def original_url(article: ArticleRow) -> QUrl | None:
    """What *Open original* opens: the stored file while it exists, else the article's
    address (opened by the person's own browser: Attaché fetches nothing); None: neither."""
    if article.path and Path(article.path).is_file():
        return QUrl.fromLocalFile(article.path)
    if article.url and article.url.lower().startswith(("http://", "https://")):
        return QUrl(article.url)
    return None


def _plain(cited: citation.Cited) -> str:
    return citation.plain(cited)


CITATION_FORMATS: dict[str, Callable[[citation.Cited], str]] = {
    "Plain text": _plain,
    "BibTeX": citation.bibtex,
    "RIS": citation.ris,
}


class ArticleReader(QTextBrowser):
    """Read-only view of one article; never loads anything from the network or disk.

    ``details_requested(int article_id)``: the header's *Details…* was clicked (the
    window opens ``ui.article_details``); ``status(str)``: a message for the status bar.
    """

    details_requested = Signal(int)
    status = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setPlaceholderText("Select an article to read it here.")
        self.article: ArticleRow | None = None
        self._marks: tuple[Sequence[tuple[int, int]], tuple[int, int] | None] = ((), None)
        self.anchorClicked.connect(self._action)
        self.find_bar = FindBar(self)

    def event(self, event: QEvent) -> bool:
        """Ctrl+F (Find) while the reader has focus is the reader's, not the window's
        search box: its shortcut is overridden here and the key opens the find bar."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Find)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Find):
            self.find_bar.open()
            return
        super().keyPressEvent(event)

    def _action(self, url: QUrl) -> None:
        if url.scheme() != ACTION_SCHEME or self.article is None:
            return  # article text holds no links; anything else is never followed
        name = url.path()
        if name == "open":
            self.open_original()
        elif name == "copy":
            self.citation_menu().exec(self.cursor().pos())
        elif name == "details":
            self.details_requested.emit(self.article.id)

    def open_original(self) -> bool:
        """Open the stored file (or the address) in the desktop's program for it."""
        if self.article is None:
            return False
        target = original_url(self.article)
        if target is None:
            self.status.emit(
                f"{self.article.file_name}: the file is gone from {self.article.path} "
                "and the article has no address."
            )
            return False
        opened = QDesktopServices.openUrl(target)
        if not opened:
            self.status.emit(f"No program could open {target.toDisplayString()}.")
        return opened

    def citation_menu(self) -> QMenu:
        """*Copy citation as* Plain text / BibTeX / RIS."""
        menu = QMenu(self)
        menu.setTitle("Copy citation as")
        for label in CITATION_FORMATS:
            action = menu.addAction(label)
            action.triggered.connect(partial(self.copy_citation, label))
        return menu

    def copy_citation(self, fmt: str = "Plain text") -> str:
        """Put the article's citation in ``fmt`` on the clipboard; returns it."""
        if self.article is None:
            return ""
        text = CITATION_FORMATS[fmt](citation.cited(self.article))
        QGuiApplication.clipboard().setText(text)
        self.status.emit(f"Copied the citation of {self.article.file_name} ({fmt}).")
        return text

    def loadResource(self, type: int, name: object) -> object:
        """Refuse every resource: article text must never fetch anything."""
        return None

    def show_article(
        self,
        article: ArticleRow,
        spans: Sequence[tuple[int, int]] = (),
        focus: tuple[int, int] | None = None,
    ) -> None:
        self.article = article
        self._marks = (tuple(spans), focus)
        self.setHtml(article_html(article, spans, focus))
        self.find_bar.document_changed()
        if focus:
            self.scrollToAnchor("focus")
        else:
            self.moveCursor(QTextCursor.MoveOperation.Start)
            self.ensureCursorVisible()

    def refresh_article(self, article: ArticleRow) -> None:
        """Show ``article`` again after a change to it (its header), with the same marks
        and at the same place in the text."""
        if self.article is None or self.article.id != article.id:
            return
        position = self.verticalScrollBar().value()
        self.article = article
        self.setHtml(article_html(article, *self._marks))
        self.find_bar.document_changed()
        self.verticalScrollBar().setValue(position)


def print_article(reader: ArticleReader, printer: QPrinter | None = None) -> bool:
    """*File › Print…* of the article in the reader: the print dialog, then the article
    as shown (its header and text). With ``printer`` (a test's PDF printer) no dialog
    is shown. Returns whether it was printed."""
    if reader.article is None:
        reader.status.emit("Open an article in the reader first, then print it.")
        return False
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(reader.article.title)
        dialog = QPrintDialog(printer, reader.window())
        dialog.setWindowTitle(f"Print {reader.article.file_name}")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
    reader.document().print_(printer)
    reader.status.emit(f"Printed {reader.article.file_name}.")
    return True

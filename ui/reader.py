"""The article reader: an article's text with matched words or one sentence highlighted."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.language import LANGUAGES
from app.rows import ArticleRow

_MARK = "<span style='background:#fff2a8;color:#000'>"
_FOCUS = "<a name='focus'></a><span style='background:#ffd54a;color:#000'>"


def language_label(code: str | None) -> str:
    """"Russian", "English", or "language unknown" (the reader's header)."""
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
        f"<h2>{html.escape(article.title)}</h2>"
        f"<p style='color:gray'>{meta}<br>{html.escape(article.path)}</p>{paragraphs}"
    )


class ArticleReader(QTextBrowser):
    """Read-only view of one article; never loads anything from the network or disk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setPlaceholderText("Select an article to read it here.")
        self.article: ArticleRow | None = None

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
        self.setHtml(article_html(article, spans, focus))
        if focus:
            self.scrollToAnchor("focus")
        else:
            self.moveCursor(QTextCursor.MoveOperation.Start)
            self.ensureCursorVisible()

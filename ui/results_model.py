"""The search results list: a Qt model fed plain :class:`search.index.Hit` rows."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from search.index import Hit

HitRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def hit_html(hit: Hit) -> str:
    """Rich text for one result; every piece of user text is escaped."""
    snippet = "".join(
        f"<b style='background:#fff2a8;color:#000'>{html.escape(t)}</b>" if m else html.escape(t)
        for t, m in hit.snippet
    )
    meta = html.escape(f"{hit.date or 'no date'} · {hit.source}")
    return (
        f"<div><b>{html.escape(hit.title)}</b><br>"
        f"<span style='color:gray'>{meta}</span><br>{snippet}</div>"
    )


class ResultsModel(QAbstractListModel):
    """One row per hit; DisplayRole gives the title, HtmlRole the rendered snippet."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet_text(("", ""))
        if role == HitRole:
            return hit
        if role == HtmlRole:
            return hit_html(hit)
        return None

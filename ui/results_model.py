"""The search results list: a Qt model fed plain :class:`search.index.Hit` rows.

A hit is an article or a fact (``hit.kind``); a fact hit says which view it lives in.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from search.index import Hit


HitRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def hit_html(hit: Hit, place: str = "") -> str:
    """Rich text for one result; every piece of user text is escaped."""
    snippet = "".join(
        f"<b style='background:#fff2a8;color:#000'>{html.escape(t)}</b>" if m else html.escape(t)
        for t, m in hit.snippet
    )
    if hit.kind == "fact":
        meta = html.escape(f"Fact · {place or 'facts'} view")
    else:
        meta = html.escape(f"Article · {hit.date or 'no date'} · {hit.source}")
    return (
        f"<div><b>{html.escape(hit.title)}</b><br>"
        f"<span style='color:gray'>{meta}</span>{'<br>' + snippet if snippet else ''}</div>"
    )


class ResultsModel(QAbstractListModel):
    """One row per hit; DisplayRole gives the title, HtmlRole the rendered snippet."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._places: dict[int, str] = {}

    def set_hits(self, hits: list[Hit], places: dict[int, str] | None = None) -> None:
        """``places`` maps a fact hit's id to the name of the view it lives in."""
        self.beginResetModel()
        self._hits = list(hits)
        self._places = dict(places or {})
        self.endResetModel()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def place(self, hit: Hit) -> str:
        return self._places.get(hit.id, "") if hit.kind == "fact" else "Articles"

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet_text(("", "")) or hit.title
        if role == HitRole:
            return hit
        if role == HtmlRole:
            return hit_html(hit, self.place(hit))
        return None

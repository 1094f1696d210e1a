"""A fact's review state as the tables show it: an icon drawn once per state, the word
for it, and the choices of the views' "State" filter.

The icons are painted here (a glyph in the state's colour) rather than shipped as
image files: four small marks, the same on every platform and theme.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

from app.rows import FactRow
from app.views import REVIEW_GLYPHS

STATES: dict[str, str] = {
    "unreviewed": "Not reviewed",
    "confirmed": "Confirmed",
    "edited": "Edited by a person",
    "added": "Added by hand",
}
"""The states a view shows (rejected facts are in the To review view only), in the
order the filter offers them."""
_COLOURS = {
    "unreviewed": "#8a8a8a",
    "confirmed": "#2e7d32",
    "edited": "#1565c0",
    "added": "#6a1b9a",
}
SIZE = 16


@cache
def state_icon(state: str) -> QIcon:
    """The icon of a review state (an empty icon for a state it does not know)."""
    if state not in _COLOURS:
        return QIcon()
    text, colour = REVIEW_GLYPHS[state], _COLOURS[state]
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour))
    pen.setWidthF(1.4)
    painter.setPen(pen)
    painter.drawEllipse(QRectF(1, 1, SIZE - 2, SIZE - 2))
    font = QFont()
    font.setPixelSize(11)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, SIZE, SIZE), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


def state_tip(fact: FactRow) -> str:
    """The state in words, and whether any article still gives the fact."""
    words = STATES.get(fact.review, fact.review)
    return words if fact.evidence else f"{words}; no source (no article gives it any more)"

"""What sits between the Articles view's header and its results: the active facet
filters as removable chips, and the search's hints as links (*Did you mean* a word
that runs the suggestion, *Search without filters*).

Signals of :class:`FilterChips`: removed(str field, str value): a chip's ✕ was
clicked; cleared(): *Clear all*. Of :class:`SearchHints`: suggestion_chosen(str query);
without_filters().
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QToolButton, QWidget


@dataclass(frozen=True)
class Chip:
    """One active filter: ``group`` is the facet's title ("Country"), ``label`` the
    value as the facet list shows it ("Kazakhstan (KZ)")."""

    field: str
    value: str
    group: str
    label: str

    @property
    def text(self) -> str:
        return f"{self.group}: {self.label}"


def filters_phrase(chips: Sequence[Chip]) -> str:
    """The filters named in a sentence: "the filter Country: Türkiye (TR)"."""
    names = ", ".join(c.text for c in chips)
    return f"the filter {names}" if len(chips) == 1 else f"the filters {names}"


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto further lines: many chips never widen the
    window (as one row of them would at 1024 pixels)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class FilterChips(QWidget):
    """A row of chips, one per active filter, each with a ✕ that removes it, and
    *Clear all*; hidden while no filter is active."""

    removed = Signal(str, str)
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterChips")
        self._layout = FlowLayout(self)
        self._layout.setContentsMargins(0, 2, 0, 2)
        self.title = QLabel("Filters:")
        self.clear_button = QToolButton()
        self.clear_button.setText("Clear all")
        self.clear_button.setToolTip("Remove every filter")
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.cleared.emit)
        self.buttons: list[QToolButton] = []
        self.chips: list[Chip] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_chips([])

    def set_chips(self, chips: Sequence[Chip]) -> None:
        """Show ``chips`` (in the order given) instead of the present ones."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in (self.title, self.clear_button):
                widget.deleteLater()
        self.chips = list(chips)
        self.buttons = []
        self._layout.addWidget(self.title)
        for chip in self.chips:
            button = QToolButton()
            button.setText(f"{chip.text}  ✕")
            button.setToolTip(f"Remove the filter {chip.text}")
            button.setAccessibleName(f"Remove the filter {chip.text}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setStyleSheet(
                "QToolButton { border: 1px solid palette(mid); border-radius: 9px;"
                " padding: 1px 8px; background: palette(alternate-base); }"
                "QToolButton:hover { background: palette(midlight); }"
            )
            button.clicked.connect(
                lambda _checked=False, c=chip: self.removed.emit(c.field, c.value)
            )
            self._layout.addWidget(button)
            self.buttons.append(button)
        self._layout.addWidget(self.clear_button)
        self.clear_button.setVisible(len(self.chips) > 1)
        self.setVisible(bool(self.chips))


class SearchHints(QLabel):
    """One line of links under the header: *Did you mean* a query (clicking runs it)
    and *Search without filters*; hidden when there is nothing to offer."""

    suggestion_chosen = Signal(str)
    without_filters = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchHints")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setOpenExternalLinks(False)
        self.setWordWrap(True)
        self.linkActivated.connect(self._link)
        self.suggestion: str | None = None
        self.offers_without_filters = False
        self.show_hints(None, False)

    def show_hints(self, suggestion: str | None, without_filters: bool) -> None:
        """Offer ``suggestion`` (a whole query) and, if asked, searching without filters."""
        self.suggestion = suggestion
        self.offers_without_filters = without_filters
        parts = []
        if suggestion:
            parts.append(f"Did you mean <a href='suggest:'><b>{html.escape(suggestion)}</b></a>?")
        if without_filters:
            parts.append("<a href='nofilters:'>Search without filters</a>")
        self.setText(" &nbsp;·&nbsp; ".join(parts))
        self.setVisible(bool(parts))

    def plain_text(self) -> str:
        """The hints as a person reads them (for the status line and tests)."""
        parts = [f"Did you mean {self.suggestion}?"] if self.suggestion else []
        if self.offers_without_filters:
            parts.append("Search without filters")
        return " · ".join(parts)

    def _link(self, href: str) -> None:
        if href == "suggest:" and self.suggestion:
            self.suggestion_chosen.emit(self.suggestion)
        elif href == "nofilters:":
            self.without_filters.emit()

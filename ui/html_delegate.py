"""An item delegate that paints a model's HtmlRole text (already escaped) as rich text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.results_model import HtmlRole

_Index = QModelIndex | QPersistentModelIndex


class HtmlDelegate(QStyledItemDelegate):
    """Paints HtmlRole rich text with the view's palette and selection colours.

    Row heights are remembered per (text, width, font): a list view asks for every
    row's size at each layout, and laying out rich text is costly."""

    SIZE_CACHE = 4000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, int, str], QSize] = {}

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(HtmlRole) or "")
        doc.setTextWidth(max(50, option.rect.width() - 8))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        if opt.state & QStyle.StateFlag.State_Selected:
            doc.setHtml((index.data(HtmlRole) or "").replace("color:gray", ""))  # readable
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(
                QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText)
            )
        painter.save()
        painter.translate(opt.rect.left() + 4, opt.rect.top() + 2)
        painter.setClipRect(QRectF(0, 0, opt.rect.width() - 4, opt.rect.height() - 2))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if opt.rect.width() <= 0 and opt.widget is not None:
            opt.rect.setWidth(opt.widget.width())
        key = (index.data(HtmlRole) or "", opt.rect.width(), opt.font.key())
        size = self._sizes.get(key)
        if size is None:
            doc = self._document(opt, index)
            size = QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)
            if len(self._sizes) >= self.SIZE_CACHE:
                self._sizes.clear()
            self._sizes[key] = size
        return QSize(size)

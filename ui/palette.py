"""Check boxes that stay visible under a dark palette.

Qt's Fusion style outlines a check box in the window colour made darker: under a dark
palette the outline all but vanishes into the dark base (the facet panel's and the
views' check boxes were nearly invisible). :class:`ContrastStyle` draws the same check
boxes with an outline in a colour between the text and the base, so an empty box shows
whatever the palette. It is installed only while the application's palette is dark
(:func:`follow`): under a light palette the style is Qt's own, untouched.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

OUTLINE_MIX = 0.6
"""How far from the base towards the text colour a check box's outline is drawn."""

_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


def is_dark(palette: QPalette) -> bool:
    """Whether the palette's windows are dark (light text on a dark ground)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def mix(a: QColor, b: QColor, share: float) -> QColor:
    """``a`` moved ``share`` of the way to ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * share),
        round(a.green() + (b.green() - a.green()) * share),
        round(a.blue() + (b.blue() - a.blue()) * share),
    )


class ContrastStyle(QProxyStyle):
    """The application's style, with check box outlines that follow the palette."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS or not is_dark(option.palette):
            return
        pal = option.palette
        outline = mix(
            pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text), OUTLINE_MIX
        )
        rect = QRectF(option.rect)
        side = min(rect.width(), rect.height(), 16.0)
        box = QRectF(0, 0, side - 2, side - 2)
        box.moveCenter(rect.center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(outline, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        painter.restore()


def apply(app: QApplication) -> None:
    """Use :class:`ContrastStyle` while the palette is dark, Qt's style otherwise."""
    dark = is_dark(app.palette())
    style = app.style()
    if dark and not isinstance(style, ContrastStyle):
        palette = QPalette(app.palette())
        app.setStyle(ContrastStyle(QStyleFactory.create(style.name())))
        app.setPalette(palette)  # a style change may reset it
    elif not dark and isinstance(style, ContrastStyle):
        palette = QPalette(app.palette())
        app.setStyle(QStyleFactory.create(style.baseStyle().name()))
        app.setPalette(palette)


class _PaletteWatch(QObject):
    """Applies :func:`apply` again when the application's palette changes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ApplicationPaletteChange
            and watched is QApplication.instance()
        ):
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply(app)
        return False


def follow(app: QApplication | None = None) -> None:
    """Apply now and whenever the palette changes (once per application)."""
    found = app if app is not None else QApplication.instance()
    if not isinstance(found, QApplication):
        return
    app = found
    if getattr(app, "_palette_watch", None) is None:
        watch = _PaletteWatch(app)
        app.installEventFilter(watch)
        app._palette_watch = watch  # type: ignore[attr-defined]  # kept alive with the app
    apply(app)

"""Under a dark palette the check boxes of the facet panel and of the views show: their
outline stands out from the dark ground (contrast measured on the rendered pixels)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QStyle,
    QStyleFactory,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
)
from pytestqt.qtbot import QtBot

from ui import palette as ui_palette

BASE, WINDOW, TEXT = "#1e1e1e", "#353535", "#e0e0e0"
ENOUGH = 3.0
"""WCAG 2.1's least contrast for the parts of a control (1.4.11)."""


def _dark() -> QPalette:
    pal = QPalette()
    for role, colour in [
        (QPalette.ColorRole.Window, WINDOW),
        (QPalette.ColorRole.WindowText, TEXT),
        (QPalette.ColorRole.Base, BASE),
        (QPalette.ColorRole.AlternateBase, "#2a2a2a"),
        (QPalette.ColorRole.Text, TEXT),
        (QPalette.ColorRole.Button, WINDOW),
        (QPalette.ColorRole.ButtonText, TEXT),
    ]:
        pal.setColor(role, QColor(colour))
    return pal


def _luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def _contrast(a: QColor, b: QColor) -> float:
    low, high = sorted((_luminance(a), _luminance(b)))
    return (high + 0.05) / (low + 0.05)


def _best(image: QImage, ground: QColor, x0: int, y0: int, x1: int, y1: int) -> float:
    return max(
        _contrast(image.pixelColor(x, y), ground)
        for x in range(x0, min(x1, image.width()))
        for y in range(y0, min(y1, image.height()))
    )


@pytest.fixture
def dark_app(qapp: QApplication) -> Iterator[QApplication]:
    before = QPalette(qapp.palette())
    qapp.setPalette(_dark())
    yield qapp
    qapp.setPalette(before)
    ui_palette.apply(qapp)  # the light palette: Qt's own style again
    assert not isinstance(qapp.style(), ui_palette.ContrastStyle)


def _tree(qtbot: QtBot) -> tuple[QTreeWidget, QTreeWidgetItem]:
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    item = QTreeWidgetItem(["      "])  # no words beside the box: only the box is measured
    item.setCheckState(0, Qt.CheckState.Unchecked)
    tree.addTopLevelItem(item)
    tree.resize(200, 80)
    qtbot.addWidget(tree)
    tree.show()
    return tree, item


def test_an_empty_check_box_stands_out_under_a_dark_palette(
    qtbot: QtBot, dark_app: QApplication
) -> None:
    ui_palette.follow(dark_app)  # as the window does
    assert isinstance(dark_app.style(), ui_palette.ContrastStyle)
    assert ui_palette.is_dark(dark_app.palette())  # the person's palette is kept

    tree, item = _tree(qtbot)  # the facet panel's kind of box
    row = tree.visualItemRect(item)
    image = tree.viewport().grab().toImage()
    assert (
        _best(image, QColor(BASE), row.left(), row.top(), row.left() + 24, row.bottom()) >= ENOUGH
    )

    box = QCheckBox("")
    qtbot.addWidget(box)
    box.show()
    image = box.grab().toImage()
    assert _best(image, QColor(WINDOW), 0, 0, 20, image.height()) >= ENOUGH


def _indicator(style: QStyle) -> QImage:
    """An empty item-view check box (the facet panel's) drawn by ``style`` on the base."""
    image = QImage(24, 24, QImage.Format.Format_RGB32)
    image.fill(QColor(BASE))
    option = QStyleOptionViewItem()
    option.rect = QRect(4, 4, 16, 16)
    option.palette = _dark()
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Off
    painter = QPainter(image)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, option, painter)
    painter.end()
    return image


def test_without_the_fix_the_box_is_nearly_invisible(qapp: QApplication) -> None:
    """What the person saw before (Qt's style alone), beside what they see now."""
    plain = QStyleFactory.create(qapp.style().name())
    assert _best(_indicator(plain), QColor(BASE), 0, 0, 24, 24) < 2.0
    fixed = ui_palette.ContrastStyle(QStyleFactory.create(qapp.style().name()))
    assert _best(_indicator(fixed), QColor(BASE), 0, 0, 24, 24) >= ENOUGH


def test_a_light_palette_keeps_qts_own_style(qapp: QApplication) -> None:
    assert not ui_palette.is_dark(qapp.palette())
    ui_palette.follow(qapp)
    assert not isinstance(qapp.style(), ui_palette.ContrastStyle)

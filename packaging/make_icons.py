"""Render ``resources/icons/attache.svg`` to the PNG sizes and the Windows .ico.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

The outputs are committed (the build does not render). The macOS .icns is made on macOS
by ``packaging/macos/build_macos.sh`` with ``iconutil`` from these PNGs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "attache.svg"))
    if not renderer.isValid():
        print("cannot read attache.svg", file=sys.stderr)
        return 1
    for size in SIZES:
        path = ICONS / f"attache-{size}.png"
        if not render(renderer, size).save(str(path)):
            print(f"cannot write {path}", file=sys.stderr)
            return 1
        print(path)
    from PIL import Image  # Pillow writes a multi-size .ico (Qt's writer stores one size)

    ico = ICONS / "attache.ico"
    Image.open(ICONS / "attache-256.png").save(ico, sizes=[(s, s) for s in SIZES if s <= 256])
    print(ico)
    return 0


if __name__ == "__main__":
    sys.exit(main())

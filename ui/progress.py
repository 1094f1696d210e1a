"""The status bar's progress bar and stop button, as the import and the index rebuild use them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QProgressBar, QPushButton


def progress_widgets(
    text_format: str, button_text: str, on_click: Callable[[], None]
) -> tuple[QProgressBar, QPushButton]:
    """A hidden progress bar (``text_format`` as in QProgressBar.setFormat) and a hidden
    button calling ``on_click``; shown while the work runs."""
    bar = QProgressBar()
    bar.setMaximumWidth(260)
    bar.setFormat(text_format)
    bar.hide()
    button = QPushButton(button_text)
    button.hide()
    button.clicked.connect(on_click)
    return bar, button

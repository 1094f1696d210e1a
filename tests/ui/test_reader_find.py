"""Find in article: Ctrl+F while the reader has focus opens its find bar (not the
window's search box); matches are counted "n of m" and highlighted, Enter and
Shift+Enter step through them, Esc closes the bar. Text written for this test."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.rows import ArticleRow
from ui.reader import ArticleReader

TEXT = (
    "Kenya and Ghana agreed on cocoa prices in Accra.\n\n"
    "The Ghana delegation met Kenyan traders; Ghana will host the next round."
)


def _reader(qtbot: QtBot) -> ArticleReader:
    reader = ArticleReader()
    qtbot.addWidget(reader)
    reader.resize(500, 300)
    reader.show()
    article = ArticleRow(
        1, "cocoa.txt", "/nowhere/cocoa.txt", "2024-01-02", "Cocoa", TEXT, datetime(2024, 1, 2)
    )
    reader.show_article(article)
    reader.setFocus()
    qtbot.waitUntil(reader.hasFocus)
    return reader


def test_ctrl_f_finds_counts_steps_and_esc_closes(qtbot: QtBot) -> None:
    reader = _reader(qtbot)
    bar = reader.find_bar
    assert not bar.isVisible()
    qtbot.keyClick(reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.field.hasFocus()

    qtbot.keyClicks(bar.field, "ghana")
    assert bar.count.text() == "1 of 3"
    assert len(reader.extraSelections()) == 3
    first = reader.textCursor().position()
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 3"
    assert reader.textCursor().position() > first
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "1 of 3"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "3 of 3"  # wraps round

    bar.field.clear()
    qtbot.keyClicks(bar.field, "Uzbekistan")
    assert bar.count.text() == "No match" and reader.extraSelections() == []

    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and reader.hasFocus()
    assert reader.extraSelections() == []


def test_the_bar_follows_another_article(qtbot: QtBot) -> None:
    reader = _reader(qtbot)
    qtbot.keyClick(reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(reader.find_bar.field, "accra")
    assert reader.find_bar.count.text() == "1 of 1"
    other = ArticleRow(
        2, "b.txt", "/nowhere/b.txt", None, "Tea", "Tea, tea and more tea.", datetime(2024, 1, 3)
    )
    reader.show_article(other)
    assert reader.find_bar.count.text() == "No match"

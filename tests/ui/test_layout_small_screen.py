"""The window at 1024×700: the views' columns sized to their content (a clipped cell
says its whole text in a tooltip; a title wider than a count), panes that never collapse,
a long notice that wraps instead of widening the window, and a saved geometry larger
than the screen brought back onto it."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT, open_window
from ui import window_layout
from ui.main_window import MainWindow
from ui.views.base import FactPage

SMALL = (1024, 700)


def _small(qtbot: QtBot, win: MainWindow) -> None:
    win.resize(*SMALL)
    qtbot.waitUntil(lambda: win.width() == SMALL[0])
    QApplication.processEvents()


def _column(page: FactPage, title: str) -> int:
    return 1 + [c.title for c in page.table.model.columns].index(title)


def test_no_cell_is_clipped_without_a_tooltip_and_titles_are_wider_than_counts(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    _small(qtbot, seeded)
    for page in seeded.pages:
        if not isinstance(page, FactPage):
            continue
        seeded.tabs.setCurrentWidget(page)
        QApplication.processEvents()
        table = page.table.table
        model = table.model()
        fm = table.fontMetrics()
        assert model.rowCount() > 0, page.title
        for row in range(model.rowCount()):
            for col in range(1, model.columnCount()):
                index = model.index(row, col)
                shown = index.data() or ""
                room = table.columnWidth(col) - 8
                icon = 22 if index.data(Qt.ItemDataRole.DecorationRole) is not None else 0
                if fm.horizontalAdvance(shown) + icon > room:  # elided on screen
                    tip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
                    assert shown in tip, (page.title, shown, tip)
    agreements = seeded.pages[1]
    table = agreements.table.table
    title, count = _column(agreements, "Title"), _column(agreements, "Count")
    assert table.columnWidth(title) > 1.5 * table.columnWidth(count)
    # the title column shows the longest title whole, as the content asks
    longest = max(
        (table.model().index(r, title).data() for r in range(table.model().rowCount())), key=len
    )
    assert table.columnWidth(title) >= table.fontMetrics().horizontalAdvance(longest)


def test_a_column_a_person_widened_is_kept(qtbot: QtBot, seeded: MainWindow) -> None:
    page = seeded.pages[1]
    seeded.tabs.setCurrentWidget(page)
    page.table.table.setColumnWidth(_column(page, "Count"), 250)
    _small(qtbot, seeded)
    with qtbot.waitSignal(seeded.views_shown, timeout=TIMEOUT):
        seeded.reload()
    assert page.table.table.columnWidth(_column(page, "Count")) == 250


def test_the_panes_keep_a_minimum_size(qtbot: QtBot, seeded: MainWindow) -> None:
    _small(qtbot, seeded)
    seeded.splitter.setSizes([1024, 0])  # dragged all the way
    seeded.side.setSizes([0, 700])
    QApplication.processEvents()
    views, side = seeded.splitter.sizes()
    assert views >= window_layout.MIN_VIEWS_WIDTH and side >= window_layout.MIN_SIDE_WIDTH
    detail, reader = seeded.side.sizes()
    assert min(detail, reader) >= window_layout.MIN_PANE_HEIGHT
    seeded.splitter.setSizes([0, 1024])
    QApplication.processEvents()
    assert seeded.splitter.sizes()[0] >= window_layout.MIN_VIEWS_WIDTH
    assert not seeded.splitter.childrenCollapsible()


def test_a_long_search_notice_wraps_instead_of_widening_the_window(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    _small(qtbot, seeded)
    seeded.tabs.setCurrentWidget(seeded.articles_page)
    notice = "Nothing matches “Shusha” — " + " ".join(
        f"the filter Country {n} is active and hides results;" for n in range(30)
    )
    label = seeded.articles_page.label
    label.setText(notice)
    seeded.status_label.setText("A very long status line about the library folder " * 20)
    QApplication.processEvents()
    assert seeded.minimumSizeHint().width() <= SMALL[0]
    assert seeded.width() == SMALL[0]
    assert label.width() < SMALL[0] and label.wordWrap()
    assert label.height() > 2 * label.fontMetrics().height()  # it wraps onto more lines


def test_a_saved_geometry_larger_than_the_screen_is_brought_onto_it(
    qtbot: QtBot, seeded: MainWindow, settings
) -> None:
    room = window_layout.available(seeded)
    seeded.resize(room.width() + 1120, room.height() + 399)  # as 1920×1199 on 1600×1000
    seeded.move(room.x() + 300, room.y() + 200)
    seeded.close()
    assert isinstance(settings.value("window/geometry"), QByteArray)
    again = open_window(qtbot, seeded.library, settings)
    qtbot.waitUntil(lambda: again.frameGeometry().width() <= room.width())
    frame = again.frameGeometry()
    assert frame.width() <= room.width() and frame.height() <= room.height()
    assert room.contains(frame.topLeft()) and room.contains(frame.bottomRight())
    again.wait_for_tasks()


def test_clamping_a_window_larger_than_the_screen(qtbot: QtBot, seeded: MainWindow) -> None:
    room = window_layout.available(seeded)
    seeded.setGeometry(room.x() + 50, room.y() + 50, room.width() + 400, room.height() + 300)
    window_layout.clamp_to_screen(seeded)
    frame = seeded.frameGeometry()
    assert frame.width() <= room.width() and frame.height() <= room.height()
    assert room.contains(frame.topLeft()) and room.contains(frame.bottomRight())


def test_at_1024_the_visits_confidence_column_is_in_view(qtbot: QtBot, seeded: MainWindow) -> None:
    """A first start at 1024 px gives the views most of the width: the Visits table
    shows its Confidence (never a guess shown without it) without scrolling sideways."""
    _small(qtbot, seeded)
    visits = seeded.pages[0]
    seeded.tabs.setCurrentWidget(visits)
    QApplication.processEvents()
    table = visits.table.table
    col = _column(visits, "Confidence")
    start = table.columnViewportPosition(col)
    room = table.viewport().width()
    # its start in view, and its score ("0.80") with it: at most the word "likely" cut
    assert start >= 0 and start + table.fontMetrics().horizontalAdvance("0.80") + 30 <= room
    assert seeded.side.width() >= window_layout.MIN_SIDE_WIDTH

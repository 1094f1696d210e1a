"""Sorting a fact table by a column header: SQLite sorts the stored keys (text without
regard to case, numbers in order, empty cells last in both directions), and the row a
person is on stays chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.library import Library
from db import queries
from tests.ui.conftest import TIMEOUT, open_window
from ui.fact_table import FactIdRole

FIGURES = [  # metric, period
    ("Beta exports", "2019"),
    ("alpha exports", None),
    ("Gamma exports", "2021-H1"),
    ("delta exports", "2015/2017"),
]


def _library(tmp_path: Path) -> tuple[Library, list[int]]:
    library = Library(tmp_path / "lib")
    ids = []
    for metric, period in FIGURES:
        data = {"metric": metric, "value": 5.0, "unit": "USD", "countries": ["AM", "MN"]}
        if period:
            data["period"] = period
        ids.append(library.add_fact("statistics", data))
    return library, ids


def test_sqlite_sorts_text_without_case_and_periods_in_time_empty_last(tmp_path: Path) -> None:
    library, (beta, alpha, gamma, delta) = _library(tmp_path)

    def order(column: int, descending: bool = False) -> list[int]:
        return library.read(
            lambda s: queries.view_ids(s.connection(), "Statistics", column, descending)
        )

    try:
        assert order(1) == [alpha, beta, delta, gamma]  # Metric, case ignored
        assert order(1, True) == [gamma, delta, beta, alpha]
        assert order(3) == [delta, beta, gamma, alpha]  # Period: 2016, 2019, 2021-H1, none
        assert order(3, True) == [gamma, beta, delta, alpha]  # the undated last again
    finally:
        library.close()


def test_a_header_click_sorts_the_view_and_keeps_the_row_chosen(
    qtbot: QtBot, tmp_path: Path, settings
) -> None:  # type: ignore[no-untyped-def]
    library, (beta, alpha, gamma, delta) = _library(tmp_path)
    win = open_window(qtbot, library, settings)
    try:
        with qtbot.waitSignal(win.data_loaded, timeout=TIMEOUT):
            win.reload()
        win.fill_all_views()
        page = next(p for p in win.pages if p.title == "Statistics")
        win.tabs.setCurrentWidget(page)
        table, model = page.table, page.table.model

        def shown() -> list[int]:
            return [model.index(r, 1).data(FactIdRole) for r in range(model.rowCount())]

        assert shown() == [alpha, beta, delta, gamma]  # by its first column
        page.select_fact(gamma)
        with qtbot.waitSignal(table.rows_shown, timeout=TIMEOUT):
            table.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        assert shown() == [gamma, beta, delta, alpha]
        assert page.current_fact_id() == gamma
        assert model.index(0, 3).data() == "2021-H1"  # the cells read for the new order
        with qtbot.waitSignal(table.rows_shown, timeout=TIMEOUT):
            table.filter_box.setText("DELTA")  # folded as the search box folds it
        assert shown() == [delta]
    finally:
        win.wait_for_tasks()
        library.close()

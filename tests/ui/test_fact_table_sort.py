"""Sorting a fact table by a column header: the model sorts, the selection follows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.rows import FactRow
from ui.fact_table import Column, FactIdRole, FactTable


def _facts() -> list[FactRow]:
    values = [("Beta", 30.0), ("alpha", None), ("Gamma", 5.0), ("delta", 100.0)]
    return [
        FactRow(id=n, type="statistics", data={"name": name, "value": value}, evidence=())
        for n, (name, value) in enumerate(values, 1)
    ]


def _shown(table: FactTable) -> list[int]:
    proxy = table.proxy
    return [proxy.index(r, 1).data(FactIdRole) for r in range(proxy.rowCount())]


def test_header_sorts_by_value_and_keeps_the_selection(qtbot, qtmodeltester) -> None:
    columns = [
        Column("Name", lambda f: f.data["name"]),
        Column("Value", lambda f: f.data["value"]),
    ]
    table = FactTable(columns)
    qtbot.addWidget(table)
    table.set_rows(_facts(), checked=set())
    assert _shown(table) == [2, 1, 4, 3]  # by name, case ignored
    table.select_fact(4)
    table.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert _shown(table) == [4, 1, 3, 2]  # an empty value last in both directions
    assert table.current_fact_id() == 4
    table.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert _shown(table) == [3, 1, 4, 2]
    table.filter_box.setText("a")  # alpha, Beta, Gamma, delta all have an "a"
    table.filter_box.setText("mm")
    qtbot.waitUntil(lambda: _shown(table) == [3])  # once typing pauses
    table.filter_box.clear()
    table.set_rows(list(reversed(_facts())), checked={1})  # new rows keep the order
    assert _shown(table) == [3, 1, 4, 2]
    qtmodeltester.check(table.model)


def test_rows_ordered_ahead_are_shown_in_the_order_current_when_shown(qtbot) -> None:
    """The window's worker orders each view's rows ahead (``sorted_rows``); a header
    clicked in between wins over that order."""
    columns = [
        Column("Name", lambda f: f.data["name"]),
        Column("Value", lambda f: f.data["value"]),
    ]
    table = FactTable(columns)
    qtbot.addWidget(table)
    ahead = table.model.sorted_rows(_facts())  # by name
    table.set_rows(_facts(), set(), ahead)
    assert _shown(table) == [2, 1, 4, 3]
    ahead = table.model.sorted_rows(_facts())
    table.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # clicked meanwhile
    table.set_rows(_facts(), set(), ahead)
    assert _shown(table) == [3, 1, 4, 2]

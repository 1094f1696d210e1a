"""The window never presents a guess as a certainty: every fact view has a Confidence
column (sortable, its tooltip the reasons) and the detail pane says how sure it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.window_facts import of_type
from ui.main_window import MainWindow


def _column(page, title: str) -> int:  # type: ignore[no-untyped-def]
    model = page.table.table.model()
    for c in range(model.columnCount()):
        if model.headerData(c, Qt.Orientation.Horizontal) == title:
            return c
    raise AssertionError(f"{page.title} has no {title!r} column")


def test_every_fact_view_shows_and_sorts_by_confidence(qtbot: QtBot, seeded: MainWindow) -> None:
    for page in seeded.pages:
        if page.fact_types[0] not in ("visits", "agreements", "statistics", "missions"):
            continue
        column = _column(page, "Confidence")
        table = page.table.table
        model = table.model()
        assert model.rowCount() > 0, page.title
        with qtbot.waitSignal(page.table.rows_shown, timeout=5000):  # sorted by SQLite
            table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        cells = [model.index(r, column).data() for r in range(model.rowCount())]
        values = [float(c.split()[0]) for c in cells]
        assert values == sorted(values, reverse=True), (page.title, cells)
        assert all(c.split()[1] in ("likely", "uncertain", "guess") for c in cells)
        tip = model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("Not reviewed\nConfidence ") and "• reported by" in tip


def test_the_detail_pane_says_how_sure_a_fact_is(qtbot: QtBot, seeded: MainWindow) -> None:
    fact = of_type(seeded, "statistics")[0]
    seeded.open_fact(fact.id)
    shown = seeded.detail.toPlainText()
    assert f"Confidence {fact.confidence:.2f}: {fact.assessment.label}" in shown
    if fact.assessment.label != "likely":
        assert "check it against the source" in shown

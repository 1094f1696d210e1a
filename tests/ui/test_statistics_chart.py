"""The Statistics view's chart as a user sees it at 1024×700, and the same chart in the
PDF export; "Newest first" puts undated facts last.

The library holds trade figures of two pairs (Chile–Peru with a target and a half-year
figure, Kenya–Ghana with one figure that has no period), from our own short articles.
Set ATTACHE_SCREENSHOT_DIR to keep the window's picture (docs/images/statistics-chart.png).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRectF, QSettings, Qt
from pytestqt.qtbot import QtBot

from app.chart import Box, pair_label, period_span
from app.export import ExportOptions, export_document
from app.export.fonts import register_fonts
from app.export.pdf import chart_layouts
from app.library import Library
from tests.ui.conftest import TIMEOUT, open_window
from ui.main_window import MainWindow
from ui.views.statistics import StatisticsPage

ARTICLES = {
    "chile_peru_2021.txt": [
        " date 2021-04-12 Chile and Peru review their trade",
        "Santiago, 12 April 2021. The foreign ministers of Chile and Peru met in Santiago "
        "to review trade and investment.",
        "Trade between Chile and Peru reached $3.1 billion in 2019, the ministry said. "
        "In 2020 trade between Chile and Peru fell to $2.6 billion.",
        "The two countries set a target of $5 billion in trade by 2025.",
    ],
    "chile_peru_2024.txt": [
        " date 2024-06-03 Peru and Chile: trade recovers",
        "Lima, 3 June 2024. Peru and Chile said trade between the two countries grew to "
        "$4.2 billion in 2023.",
        "In the first half of 2024 trade between Chile and Peru reached $2.3 billion. "
        "Trade between Chile and Peru amounted to $3.4 billion in 2021.",
    ],
    "kenya_ghana_2023.txt": [
        " date 2023-09-20 Kenya and Ghana deepen ties",
        "Nairobi, 20 September 2023. Kenya and Ghana signed a memorandum on trade.",
        "Trade between Kenya and Ghana reached $120 million in 2020 and $150 million in "
        "2022, officials said. Trade between Kenya and Ghana stood at $95 million in 2018.",
        "Trade between Kenya and Ghana was worth $80 million, a trader said.",
    ],
}
"""Each article's paragraphs (a " date YYYY-MM-DD " first line dates it)."""


@pytest.fixture
def two_pairs(library: Library, tmp_path: Path) -> Library:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, paragraphs in ARTICLES.items():
        (folder / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    report = library.import_paths([folder])
    assert len(report.imported) == 3
    return library


@pytest.fixture
def window(qtbot: QtBot, two_pairs: Library, settings: QSettings) -> Iterator[MainWindow]:
    win = open_window(qtbot, two_pairs, settings)
    win.resize(1024, 700)
    with qtbot.waitSignal(win.data_loaded, timeout=TIMEOUT):
        win.reload()
    win.fill_all_views()
    yield win
    win.wait_for_tasks()


def statistics(window: MainWindow) -> StatisticsPage:
    page = next(p for p in window.pages if p.title == "Statistics")
    assert isinstance(page, StatisticsPage)
    window.tabs.setCurrentWidget(page)
    return page


def fact_id(library: Library, period: str | None, value: float) -> int:
    return next(
        f.id
        for f in library.facts(["statistics"])
        if f.data.get("period") == period and f.data.get("value") == value
    )


def test_chart_has_a_series_per_pair_on_a_time_axis_and_labels_apart(
    qtbot: QtBot, window: MainWindow, two_pairs: Library, tmp_path: Path
) -> None:
    page = statistics(window)
    chosen = fact_id(two_pairs, "2023", 4.2e9)
    page.select_fact(chosen)
    chart = page.chart
    qtbot.waitUntil(lambda: chart.chart is not None and chart.current == chosen)
    picture = window.grab()  # paints the chart
    assert chart.chart is not None and chart.drawn

    # One series per country pair and metric; targets apart from actual figures.
    series = chart.chart.series
    assert [(s.pair, s.target) for s in series] == [
        ("CL – PE", False),
        ("CL – PE", True),
        ("GH – KE", False),
    ]
    facts = {f.id: f for f in two_pairs.facts(["statistics"])}
    for s in series:
        for point in s.points:
            fact = facts[point.fact_id or 0]
            assert pair_label(fact.data) == s.pair
            assert fact.data["metric"] == "trade_volume" and fact.data["unit"] == "USD"
            assert (fact.data.get("qualifier") == "target") is s.target
    assert [p.period for p in series[1].points] == ["2025"]

    # x grows with time, across the pairs (one time axis).
    chart_layout = chart.layout_
    assert chart_layout is not None
    marks = sorted(chart_layout.marks, key=lambda m: period_span(m.point.period) or (0, 0))
    assert [m.point.period for m in marks] == [
        "2018",
        "2019",
        "2020",
        "2020",
        "2021",
        "2022",
        "2023",
        "2024-01/2024-06",
        "2025",
    ]
    xs = [m.x for m in marks]
    assert xs == sorted(xs) and xs[0] < xs[1] < xs[4] < xs[-1]
    half = next(m for m in marks if m.point.period == "2024-01/2024-06")
    assert half.x0 < half.x < half.x1 < marks[-1].x
    assert next(m for m in marks if m.current).point.fact_id == chosen

    # Undated figures are not plotted, and the chart says how many were left out.
    undated = fact_id(two_pairs, None, 80e6)
    assert undated not in {m.point.fact_id for m in chart_layout.marks}
    drawn = {(role, text): rect for role, text, rect in chart.drawn}
    assert ("note", "1 figure without a period is not plotted") in drawn

    # The labels drawn: a legend, years, values; none overlap, all inside the chart.
    texts = [text for _role, text, _rect in chart.drawn]
    assert {"Trade volume by period (USD billion)", "CL – PE", "CL – PE target", "GH – KE"} <= set(
        texts
    )
    assert {"2018", "2021", "2025"} <= set(texts)
    assert {"$4.2 billion", "$5 billion"} <= set(texts)
    inside = QRectF(chart.rect())
    for role, text, rect in chart.drawn:
        assert inside.contains(rect), (role, text, rect)
    for (_r1, a, ra), (_r2, b, rb) in itertools.combinations(chart.drawn, 2):
        assert not ra.intersects(rb), (a, b)

    # Nothing clipped at 1024×700: the chart lies inside the window, readable.
    assert window.size().width() <= 1024 and window.size().height() <= 700
    top_left = chart.mapTo(window, chart.rect().topLeft())
    on_window = QRectF(top_left.x(), top_left.y(), chart.width(), chart.height())
    assert QRectF(window.rect()).contains(on_window)
    assert chart.height() >= 150 and chart.width() >= 400

    picture.save(str(tmp_path / "statistics-chart.png"))
    keep = os.environ.get("ATTACHE_SCREENSHOT_DIR")
    if keep:
        picture.save(str(Path(keep) / "statistics-chart.png"))


def test_a_smaller_chart_still_keeps_its_labels_apart(qtbot: QtBot, window: MainWindow) -> None:
    page = statistics(window)
    page.splitter.setSizes([600, 150])
    chart = page.chart
    qtbot.waitUntil(lambda: chart.chart is not None)
    for width, height in ((420, 150), (300, 150)):
        chart.setFixedSize(width, height)
        chart.grab()
        assert chart.drawn
        for _role, text, rect in chart.drawn:
            assert QRectF(chart.rect()).contains(rect), text
        for (_r1, a, ra), (_r2, b, rb) in itertools.combinations(chart.drawn, 2):
            assert not ra.intersects(rb), (a, b)


def test_clicking_a_mark_selects_its_figure(qtbot: QtBot, window: MainWindow) -> None:
    page = statistics(window)
    chart = page.chart
    qtbot.waitUntil(lambda: chart.chart is not None)
    chart.grab()
    assert chart.layout_ is not None
    mark = next(m for m in chart.layout_.marks if m.point.period == "2019")
    with qtbot.waitSignal(page.fact_selected, timeout=TIMEOUT) as selected:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(round(mark.x), round(mark.y)))
    assert selected.args[0] == mark.point.fact_id
    assert page.current_fact_id() == mark.point.fact_id


def test_pdf_export_draws_the_same_chart(two_pairs: Library, tmp_path: Path) -> None:
    doc = two_pairs.export_document(["statistics"])
    path = export_document(doc, tmp_path / "figures.pdf", "pdf", ExportOptions(title="Trade"))
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    text = " ".join(text.split())
    for label in (
        "Trade volume by period (USD billion)",
        "CL – PE target",
        "GH – KE",
        "1 figure without a period is not plotted",
        "2018",
        "2025",
        "$4.2 billion",
        "$150 million",
    ):
        assert label in text
    # The PDF's layout: the same series, its texts apart and inside the drawing.
    regular, bold = register_fonts()
    (out,) = chart_layouts(doc["statistics"], 480, regular, bold)
    assert [s.label for s in out.chart.series] == ["CL – PE", "CL – PE target", "GH – KE"]
    bounds = Box(0, 0, out.width, out.height)
    assert all(t.box.inside(bounds) for t in out.texts)
    for a, b in itertools.combinations(out.texts, 2):
        assert not a.box.intersects(b.box), (a.text, b.text)
    xs = [m.x for m in sorted(out.marks, key=lambda m: m.point.x)]
    assert xs == sorted(xs) and len(set(xs)) >= 7


def test_newest_first_puts_undated_facts_last(
    qtbot: QtBot, window: MainWindow, two_pairs: Library
) -> None:
    undated = fact_id(two_pairs, None, 80e6)
    page = statistics(window)
    table = page.table
    period = 1 + [c.title for c in page.columns()].index("Period")
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        with qtbot.waitSignal(table.rows_shown, timeout=TIMEOUT):  # sorted by SQLite
            table.table.sortByColumn(period, order)
        shown = [table.model.fact(r) for r in range(table.model.rowCount())]
        assert shown[-1].id == undated, order  # last in both directions
        middles = [sum((period_span(f.data["period"]) or (0, 0))[:2]) / 2 for f in shown[:-1]]
        assert middles == sorted(middles, reverse=order == Qt.SortOrder.DescendingOrder)

    # The search's "Newest first": dated hits newest first, then the undated ones.
    facets = window.articles_page.facets
    with qtbot.waitSignal(window.search_done, timeout=TIMEOUT):
        qtbot.keyClicks(window.search_box, "Ghana")
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.search_done, timeout=TIMEOUT):
        facets.sort_box.setCurrentIndex(facets.sort_box.findData("date"))
    hits = [window.results.hit(n) for n in range(window.results.rowCount())]
    dates = [h.date or "" for h in hits]
    assert any(not d for d in dates) and any(dates)
    first_undated = dates.index("")
    assert all(not d for d in dates[first_undated:])
    assert dates[:first_undated] == sorted(dates[:first_undated], reverse=True)
    assert hits[-1].kind == "fact" and hits[-1].fact_type == "entities"  # Ghana: no date

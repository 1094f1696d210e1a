"""The statistics chart's model and layout (``app/chart.py``), without a renderer:
periods on a time axis, a series per pair and kind, labels that never overlap."""

from __future__ import annotations

import itertools

import pytest

from app.chart import Box, Chart, charts, layout, nice_ticks, period_span


class FixedMeasure:
    """6 units per character, lines 12 high: roughly a 9-pt UI font in pixels."""

    line = 12.0

    def width(self, text: str) -> float:
        return 6.0 * len(text)


def figure(value: float, period: str | None, pair: tuple[str, str], **more: object) -> dict:
    return {
        "metric": "trade_volume",
        "value": value,
        "unit": "USD",
        "qualifier": "actual",
        "period": period,
        "countries": list(pair),
        **more,
    }


@pytest.mark.parametrize(
    ("period", "start", "end", "ranged"),
    [
        ("2024", 2024.0, 2025.0, False),
        ("2024-05", 2024 + 4 / 12, 2024 + 5 / 12, False),
        ("2019/2021", 2019.0, 2022.0, True),
        ("2024-01/2024-06", 2024.0, 2024.5, True),
        ("2023-H1", 2023.0, 2023.5, True),
        ("2023-H2", 2023.5, 2024.0, True),
        ("Q3 2024", 2024.5, 2024.75, True),
        ("2024-Q1", 2024.0, 2024.25, True),
    ],
)
def test_periods_are_placed_on_a_time_axis(
    period: str, start: float, end: float, ranged: bool
) -> None:
    span = period_span(period)
    assert span is not None
    assert span[0] == pytest.approx(start) and span[1] == pytest.approx(end)
    assert span[2] is ranged


@pytest.mark.parametrize("period", [None, "", "recent years", "2024-13", "2025/2020", "H3 2024"])
def test_what_is_no_period_is_not_placed(period: str | None) -> None:
    assert period_span(period) is None


def test_a_day_falls_inside_its_month() -> None:
    day = period_span("2024-05-12")
    month = period_span("2024-05")
    assert day is not None and month is not None
    assert month[0] < day[0] < day[1] < month[1]


def two_pairs() -> list[tuple[int, dict]]:
    rows = [
        figure(3.1e9, "2019", ("CL", "PE")),
        figure(2.6e9, "2020", ("PE", "CL")),
        figure(3.4e9, "2021", ("CL", "PE")),
        figure(2.3e9, "2024-H1", ("CL", "PE")),
        figure(5e9, "2025", ("CL", "PE"), qualifier="target"),
        figure(95e6, "2018", ("KE", "GH")),
        figure(150e6, "2022", ("GH", "KE")),
        figure(80e6, None, ("GH", "KE")),
        figure(12, "2020", ("GH", "KE"), unit="visits", metric="official_visits"),
    ]
    return list(enumerate(rows, 1))


def test_one_series_per_pair_and_kind_one_chart_per_metric_and_unit() -> None:
    trade, visits = charts(two_pairs())
    assert (trade.metric, trade.unit) == ("trade_volume", "USD")
    assert (visits.metric, visits.unit) == ("official_visits", "visits")
    assert [(s.pair, s.target) for s in trade.series] == [
        ("CL – PE", False),
        ("CL – PE", True),
        ("GH – KE", False),
    ]
    actual, target, ghana = trade.series
    assert [p.period for p in actual.points] == ["2019", "2020", "2021", "2024-H1"]
    assert [p.period for p in target.points] == ["2025"]
    assert actual.colour == target.colour != ghana.colour
    assert trade.undated == 1 and trade.note == "1 figure without a period is not plotted"
    assert trade.title == "Trade volume by period (USD billion)"


def all_texts_apart_and_inside(out: object, width: float, height: float) -> None:
    texts = out.texts  # type: ignore[attr-defined]
    bounds = Box(0, 0, width, height)
    for t in texts:
        assert t.box.inside(bounds), (t.text, t.box, width, height)
    for a, b in itertools.combinations(texts, 2):
        assert not a.box.intersects(b.box), (a.text, b.text)


@pytest.mark.parametrize(("width", "height"), [(600, 200), (300, 150), (1200, 400), (180, 110)])
def test_texts_never_overlap_and_stay_inside(width: float, height: float) -> None:
    trade = charts(two_pairs())[0]
    out = layout(trade, width, height, FixedMeasure(), current=3)
    all_texts_apart_and_inside(out, width, height)
    for mark in out.marks:
        assert out.plot.x <= mark.x <= out.plot.right
        assert out.plot.y <= mark.y <= out.plot.bottom


def test_marks_follow_time_across_series() -> None:
    trade = charts(two_pairs())[0]
    out = layout(trade, 600, 220, FixedMeasure())
    x = {m.point.period: m.x for m in out.marks}
    order = ["2018", "2019", "2020", "2021", "2022", "2024-H1", "2025"]
    assert [x[p] for p in order] == sorted(x[p] for p in order)
    h1 = next(m for m in out.marks if m.point.period == "2024-H1")
    assert h1.x0 < h1.x < h1.x1  # a range is drawn across its extent
    # The half-year figure is not joined to the yearly ones.
    assert all(len(run) >= 2 for _n, run in out.lines)
    assert not any((h1.x, h1.y) in run for _n, run in out.lines)


def test_many_periods_thin_the_axis_labels_and_value_labels() -> None:
    rows = [(n, figure(1e5 + 5e3 * n, str(2000 + n), ("KZ", "TR"))) for n in range(31)]
    trade = charts(rows)[0]
    out = layout(trade, 400, 180, FixedMeasure())
    all_texts_apart_and_inside(out, 400, 180)
    years = [t.text for t in out.of_role("x-tick")]
    assert 2 <= len(years) < 31 and "2000" in years
    values = out.of_role("value")
    assert 0 < len(values) < 31  # where there is room, the latest first
    assert values[0].text == "$250,000"


def test_monthly_figures_get_month_labels() -> None:
    rows = [(n, figure(n * 1e6, f"2024-{n:02d}", ("KZ", "TR"))) for n in range(1, 8)]
    out = layout(charts(rows)[0], 700, 200, FixedMeasure())
    assert [t.text for t in out.of_role("x-tick")][:2] == ["2024-01", "2024-02"]


def test_a_chart_without_dated_figures_says_so() -> None:
    chart = Chart("trade_volume", "USD", [], undated=2)
    out = layout(chart, 400, 150, FixedMeasure())
    assert [t.text for t in out.of_role("empty")] == [
        "No figure of this metric has a period to plot"
    ]


def test_nice_ticks_are_round_and_cover_the_values() -> None:
    assert nice_ticks(0, 5.2, 7) == [0, 1, 2, 3, 4, 5, 6]
    assert nice_ticks(0, 5.2, 6) == [0, 2, 4, 6]
    ticks = nice_ticks(0, 205000, 5)
    assert ticks[0] == 0 and ticks[-1] >= 205000 and len(ticks) <= 5

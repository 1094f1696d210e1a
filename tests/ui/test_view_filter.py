"""A view's filter box finds what the search box finds without regard to case or
accents ("erdogan" finds Erdoğan), and filters once when typing pauses, not at every
keystroke; the review-state filter beside it still narrows the same rows."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from search.analysis import fold
from tests.ui.conftest import TIMEOUT
from tests.ui.window_facts import of_type
from tests.ui.window_facts import timeline as timeline_rows
from ui.fact_table import FILTER_DELAY_MS, FactIdRole
from ui.main_window import MainWindow


def _names(page) -> list[str]:  # type: ignore[no-untyped-def]
    model = page.table.model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def _ids(page) -> set[int]:  # type: ignore[no-untyped-def]
    model = page.table.model
    return {model.index(r, 1).data(FactIdRole) for r in range(model.rowCount())}


def test_typing_erdogan_finds_erdogan_once_typing_pauses(qtbot: QtBot, seeded: MainWindow) -> None:
    people = seeded.entities_page
    seeded.tabs.setCurrentWidget(people)
    table = people.table
    every, passes = table.model.rowCount(), people.requeries
    qtbot.keyClicks(table.filter_box, "erdogan")  # seven keystrokes, one burst
    assert table.model.rowCount() == every  # nothing filtered while typing
    qtbot.waitUntil(lambda: table.model.rowCount() < every, timeout=10 * FILTER_DELAY_MS)
    assert people.requeries == passes + 1  # one query for the burst
    assert "Recep Tayyip Erdoğan" in _names(people)
    assert all("erdogan" in fold(" ".join(map(str, row))) for row in _rows(people))
    qtbot.keyClicks(table.filter_box, " ")  # the same words: no new query
    qtbot.wait(3 * FILTER_DELAY_MS)
    assert people.requeries == passes + 1
    with qtbot.waitSignal(table.rows_shown, timeout=TIMEOUT):
        table.filter_box.clear()  # an emptied box reads every row at once
    assert table.model.rowCount() == every


def _rows(page) -> list[list[str]]:  # type: ignore[no-untyped-def]
    model = page.table.model
    return [
        [model.index(r, c).data() for c in range(1, model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_upper_case_and_accents_typed_match_too(qtbot: QtBot, seeded: MainWindow) -> None:
    people = seeded.entities_page
    seeded.tabs.setCurrentWidget(people)
    table = people.table
    every = table.model.rowCount()
    ids = []
    for typed in ("ERDOĞAN", "erdogan", "Erdoğan"):
        with qtbot.waitSignal(table.rows_shown, timeout=TIMEOUT):
            table.filter_box.setText(typed)
            table.filter.flush()
        ids.append(_ids(people))
        with qtbot.waitSignal(table.rows_shown, timeout=TIMEOUT):
            table.filter_box.clear()
    assert ids[0] and ids[0] == ids[1] == ids[2]
    assert len(ids[0]) < every


def test_the_state_filter_and_the_text_filter_hold_together(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    people = seeded.entities_page
    seeded.tabs.setCurrentWidget(people)
    table = people.table
    every = table.model.rowCount()
    erdogan = next(
        f.id for f in of_type(seeded, "entities") if f.data["name"] == "Recep Tayyip Erdoğan"
    )
    with qtbot.waitSignal(table.rows_shown, timeout=TIMEOUT):
        table.filter_box.setText("erdogan")
        table.filter.flush()
    assert table.model.rowCount() < every
    with qtbot.waitSignal(table.rows_shown, timeout=TIMEOUT):
        table.state_box.setCurrentIndex(table.state_box.findData("confirmed"))
    assert table.model.rowCount() == 0  # nobody confirmed anything yet
    with qtbot.waitSignal(table.rows_shown, timeout=TIMEOUT):
        table.state_box.setCurrentIndex(table.state_box.findData("unreviewed"))
    assert erdogan in _ids(people)


def test_the_timeline_filter_folds_and_waits_for_a_pause(qtbot: QtBot, seeded: MainWindow) -> None:
    timeline = seeded.pages[3]
    seeded.tabs.setCurrentWidget(timeline)
    model, every = timeline.model, len(timeline_rows(seeded))
    wanted = {r.fact_id for r in timeline_rows(seeded) if "erdogan" in fold(r.label)}
    assert wanted
    passes = model.passes
    qtbot.keyClicks(timeline.filter_box, "ERDOGAN")
    assert model.shown() == every
    qtbot.waitUntil(lambda: model.shown() < every, timeout=10 * FILTER_DELAY_MS)
    assert model.passes == passes + 1
    shown = {
        model.index(c, 0, model.index(y, 0)).data(FactIdRole)
        for y in range(model.rowCount())
        for c in range(model.rowCount(model.index(y, 0)))
    }
    assert shown == wanted

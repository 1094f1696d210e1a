"""A view's filter box finds what the search box finds without regard to case or
accents ("erdogan" finds Erdoğan), and filters once when typing pauses, not at every
keystroke; the review-state filter beside it still narrows the same rows."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from search.analysis import fold
from ui.fact_table import FILTER_DELAY_MS, FactIdRole
from ui.main_window import MainWindow


def _names(page) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = page.table.proxy
    return [proxy.index(r, 1).data() for r in range(proxy.rowCount())]


def test_typing_erdogan_finds_erdogan_once_typing_pauses(qtbot: QtBot, seeded: MainWindow) -> None:
    people = seeded.entities_page
    seeded.tabs.setCurrentWidget(people)
    table = people.table
    every, passes = table.proxy.rowCount(), table.proxy.passes
    qtbot.keyClicks(table.filter_box, "erdogan")  # seven keystrokes, one burst
    assert table.proxy.rowCount() == every  # nothing filtered while typing
    qtbot.waitUntil(lambda: table.proxy.rowCount() < every, timeout=5 * FILTER_DELAY_MS)
    assert table.proxy.passes == passes + 1  # one pass for the burst
    assert "Recep Tayyip Erdoğan" in _names(people)
    assert all(
        "erdogan" in table.model.folded(table.proxy.mapToSource(table.proxy.index(r, 0)).row())
        for r in range(table.proxy.rowCount())
    )
    qtbot.keyClicks(table.filter_box, " ")  # the same words: no new pass
    qtbot.wait(3 * FILTER_DELAY_MS)
    assert table.proxy.passes == passes + 1
    table.filter_box.clear()  # an emptied box shows every row at once
    assert table.proxy.rowCount() == every


def test_upper_case_and_accents_typed_match_too(qtbot: QtBot, seeded: MainWindow) -> None:
    people = seeded.entities_page
    seeded.tabs.setCurrentWidget(people)
    table = people.table
    ids = []
    for typed in ("ERDOĞAN", "erdogan", "Erdoğan"):
        passes = table.proxy.passes
        table.filter_box.setText(typed)
        qtbot.waitUntil(lambda p=passes: table.proxy.passes > p)
        ids.append(
            {table.proxy.index(r, 1).data(FactIdRole) for r in range(table.proxy.rowCount())}
        )
        table.filter_box.clear()
    assert ids[0] and ids[0] == ids[1] == ids[2]
    assert len(ids[0]) < table.model.rowCount()


def test_the_state_filter_and_the_text_filter_hold_together(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    people = seeded.entities_page
    seeded.tabs.setCurrentWidget(people)
    table = people.table
    erdogan = next(
        f.id for f in seeded.data.of_type("entities") if f.data["name"] == "Recep Tayyip Erdoğan"
    )
    table.filter_box.setText("erdogan")
    qtbot.waitUntil(lambda: table.proxy.rowCount() < table.model.rowCount())
    table.state_box.setCurrentIndex(table.state_box.findData("confirmed"))
    assert table.proxy.rowCount() == 0  # nobody confirmed anything yet
    table.state_box.setCurrentIndex(table.state_box.findData("unreviewed"))
    shown = {table.proxy.index(r, 1).data(FactIdRole) for r in range(table.proxy.rowCount())}
    assert erdogan in shown


def test_the_timeline_filter_folds_and_waits_for_a_pause(qtbot: QtBot, seeded: MainWindow) -> None:
    timeline = seeded.pages[3]
    seeded.tabs.setCurrentWidget(timeline)
    model, every = timeline.model, len(seeded.data.timeline())
    wanted = {r.fact_id for r in seeded.data.timeline() if "erdogan" in fold(r.label)}
    assert wanted
    passes = model.passes
    qtbot.keyClicks(timeline.filter_box, "ERDOGAN")
    assert model.shown() == every
    qtbot.waitUntil(lambda: model.shown() < every, timeout=5 * FILTER_DELAY_MS)
    assert model.passes == passes + 1
    shown = {
        model.index(c, 0, model.index(y, 0)).data(FactIdRole)
        for y in range(model.rowCount())
        for c in range(model.rowCount(model.index(y, 0)))
    }
    assert shown == wanted

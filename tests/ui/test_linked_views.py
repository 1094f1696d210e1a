"""Moving between facts and their sources as a user does: select a visit, read its
agreements and evidence, click a sentence, go back and forward, choose facts for export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT, open_window
from tests.ui.window_facts import naming, of_type
from tests.ui.window_facts import timeline as timeline_rows
from ui.main_window import MainWindow
from ui.views.base import FactPage


def _click_text(qtbot: QtBot, browser: QTextBrowser, text: str) -> None:
    """Click on the first occurrence of ``text`` in a text browser, as a user would."""
    cursor = browser.document().find(text, 0, QTextDocument.FindFlag(0))
    assert not cursor.isNull(), f"{text!r} is not shown"
    cursor.setPosition(cursor.selectionStart() + 2)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(cursor)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))


def _select_row(qtbot: QtBot, page: FactPage, text: str) -> int:
    """Click the row of ``page``'s table whose cells include ``text``; returns its fact id."""
    table = page.table.table
    proxy = table.model()
    for row in range(proxy.rowCount()):
        cells = [proxy.index(row, c).data() for c in range(proxy.columnCount())]
        if text in cells:
            rect = table.visualRect(proxy.index(row, 1))
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return proxy.index(row, 1).data(Qt.ItemDataRole.UserRole + 1)
    raise AssertionError(f"no row shows {text!r}")


def test_selecting_a_visit_shows_its_agreements_sources_and_conflicts(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    visits = seeded.pages[0]
    assert seeded.tabs.currentWidget() is visits
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):
        _select_row(qtbot, visits, "2022-05-10")
    shown = seeded.detail.toPlainText()
    assert "Visit of Kassym-Jomart Tokayev in Ankara (2022-05-10)" in shown
    assert "Agreements signed during the visit" in shown
    assert "Joint declaration (2022-05-10)" in shown
    assert "Figures quoted in the same articles" in shown
    assert "000_a787aec1cb4d6804.txt" in shown  # an evidence source
    # the sources disagree on the kind of visit, each side with its article
    assert "kind: official (000_a787aec1cb4d6804.txt, 001_76c739ae50ea2fb1.txt) vs state" in shown


def test_clicking_evidence_opens_the_sentence_highlighted_and_back_returns(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    visits = seeded.pages[0]
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):
        visit_id = _select_row(qtbot, visits, "2022-05-10")
    evidence = seeded.data.facts[visit_id].evidence[-1]
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT) as shown:
        _click_text(qtbot, seeded.detail, evidence.quote[:40])
    assert shown.args[0] == evidence.article_id
    reader = seeded.reader
    assert evidence.article in reader.toPlainText()
    found = reader.document().find(evidence.quote[:30], 0, QTextDocument.FindFlag(0))
    assert found.charFormat().background().color().name() == "#ffd54a"  # highlighted
    assert reader.viewport().rect().intersects(reader.cursorRect(found))  # scrolled to it

    # Back (Alt+Left) returns to the visit, Forward (Alt+Right) to the sentence
    seeded.detail.clear()
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):  # its related facts follow
        qtbot.keyClick(seeded, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert seeded.detail.fact.id == visit_id
    assert "Agreements signed during the visit" in seeded.detail.toPlainText()
    assert seeded.forward_action.isEnabled()
    reader.clear()
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(seeded, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert evidence.quote[:30] in reader.toPlainText()


def test_a_related_fact_opens_in_its_own_view(qtbot: QtBot, seeded: MainWindow) -> None:
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):
        _select_row(qtbot, seeded.pages[0], "2022-05-10")
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT) as shown:
        _click_text(qtbot, seeded.detail, "Joint declaration (2022-05-10)")
    agreements = seeded.pages[1]
    assert seeded.tabs.currentWidget() is agreements
    assert agreements.current_fact_id() == shown.args[0]
    assert seeded.data.facts[shown.args[0]].data["title"] == "Joint declaration"
    row = agreements.table.table.currentIndex().row()
    visit_cell = agreements.table.table.model().index(row, 6).data()
    assert visit_cell == "Visit of Kassym-Jomart Tokayev in Ankara (2022-05-10)"
    seeded.go_back()
    assert seeded.tabs.currentWidget() is seeded.pages[0]


def test_an_entity_lists_every_fact_naming_it(qtbot: QtBot, seeded: MainWindow) -> None:
    people = seeded.pages[5]
    seeded.tabs.setCurrentWidget(people)
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT) as shown:
        _select_row(qtbot, people, "Kassym-Jomart Tokayev")
    entity_id = shown.args[0]
    text = seeded.detail.toPlainText()
    assert "Visits naming it" in text and "Agreements naming it" in text
    named = naming(seeded, entity_id)
    assert len(named) >= 8
    for fact_id in named:
        assert seeded.data.label(fact_id)[:40] in text


def test_ctrl_d_adds_to_the_selection_which_is_kept_across_restarts(
    qtbot: QtBot, seeded: MainWindow, settings
) -> None:
    stats = seeded.pages[2]
    seeded.tabs.setCurrentWidget(stats)
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):
        first = _select_row(qtbot, stats, "target: $10 billion")
    with qtbot.waitSignal(seeded.selection.changed, timeout=TIMEOUT):
        qtbot.keyClick(stats.table.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    # the check box of another row adds it too
    table = stats.table.table
    proxy = table.model()
    second_row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 1).data() == "tourists")
    with qtbot.waitSignal(seeded.selection.changed, timeout=TIMEOUT):
        proxy.setData(
            proxy.index(second_row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
        )
    second = proxy.index(second_row, 0).data(Qt.ItemDataRole.UserRole + 1)
    panel = seeded.selection_panel
    assert panel.model.ids() == [first, second]
    assert "2 facts chosen" in panel.count_label.text()
    # reorder with the Down button
    panel.view.setCurrentIndex(panel.model.index(0))
    with qtbot.waitSignal(seeded.selection.changed, timeout=TIMEOUT):
        qtbot.mouseClick(panel.down_button, Qt.MouseButton.LeftButton)
    assert seeded.library.selection() == [second, first]
    seeded.close()

    again = open_window(qtbot, seeded.library, settings)
    with qtbot.waitSignal(again.data_loaded, timeout=TIMEOUT):
        again.reload()
    assert again.selection_panel.model.ids() == [second, first]
    assert again.tabs.currentWidget() is again.pages[2]  # the last view is remembered
    assert (
        again.pages[2].table.model.data(
            again.pages[2].table.model.index(again.pages[2].table.model.row_of(first), 0),
            Qt.ItemDataRole.CheckStateRole,
        )
        == Qt.CheckState.Checked
    )
    # remove one from the panel
    again.selection_panel.view.setCurrentIndex(again.selection_panel.model.index(1))
    with qtbot.waitSignal(again.selection.changed, timeout=TIMEOUT):
        qtbot.mouseClick(again.selection_panel.remove_button, Qt.MouseButton.LeftButton)
    assert again.library.selection() == [second]
    again.wait_for_tasks()


def test_the_timeline_is_chronological_and_grouped_by_year(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    timeline = seeded.pages[3]
    model = timeline.model
    years = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert years == sorted(years) and "2022" in years
    dates = []
    for r in range(model.rowCount()):
        parent = model.index(r, 0)
        dates += [model.index(c, 0, parent).data() for c in range(model.rowCount(parent))]
        assert all(d.startswith(years[r]) for d in dates[-model.rowCount(parent) :])
    assert dates == sorted(dates)
    kinds = {
        model.index(c, 1, model.index(r, 0)).data()
        for r in range(model.rowCount())
        for c in range(model.rowCount(model.index(r, 0)))
    }
    assert kinds == {"event", "visit", "agreement"}


def test_the_filter_box_narrows_a_view(qtbot: QtBot, seeded: MainWindow) -> None:
    missions = seeded.pages[4]
    seeded.tabs.setCurrentWidget(missions)
    before = missions.table.model.rowCount()
    qtbot.keyClicks(missions.table.filter_box, "Almaty")
    qtbot.waitUntil(lambda: missions.table.model.rowCount() < before)  # once typing pauses
    after = missions.table.model.rowCount()
    assert 0 < after < before
    cities = {missions.table.model.index(r, 3).data() for r in range(after)}
    assert cities == {"Almaty"}


def test_keyboard_only_search_open_and_follow_evidence(qtbot: QtBot, seeded: MainWindow) -> None:
    seeded.activateWindow()
    qtbot.keyClick(seeded, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert seeded.search_box.hasFocus()
    with qtbot.waitSignal(seeded.search_done, timeout=TIMEOUT):
        qtbot.keyClicks(seeded.search_box, "joint statement")
    qtbot.keyClick(seeded.search_box, Qt.Key.Key_Down)
    view = seeded.articles_page.view
    assert view.hasFocus() and view.currentIndex().row() == 0
    row = next(r for r in range(seeded.results.rowCount()) if seeded.results.hit(r).kind == "fact")
    for _ in range(row):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    fact_id = seeded.results.hit(row).id
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert seeded.tabs.currentWidget() is seeded.page_of(fact_id)
    assert seeded.detail.fact.id == fact_id
    # Arrow through the detail pane's links to the first evidence sentence (the pane is
    # one Tab stop), Enter opens it
    seeded.detail.setFocus()
    for _ in range(30):
        qtbot.keyClick(seeded.detail, Qt.Key.Key_Down)
        if seeded.detail.textCursor().charFormat().anchorHref().startswith("ev:"):
            break
    assert seeded.detail.textCursor().charFormat().anchorHref() == "ev:0"
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(seeded.detail, Qt.Key.Key_Return)
    quote = seeded.data.facts[fact_id].evidence[0].quote
    assert quote[:30] in seeded.reader.toPlainText()


def test_a_corrected_field_says_a_person_changed_it(qtbot: QtBot, seeded: MainWindow) -> None:
    visit = next(f for f in of_type(seeded, "visits") if f.data.get("start") == "2022-05-10")
    seeded.library.edit_fact(visit.id, {"kind": "state"})
    with qtbot.waitSignal(seeded.data_loaded, timeout=TIMEOUT):
        seeded.reload()
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):
        seeded.open_fact(visit.id)
    assert "state (corrected by a person)" in seeded.detail.toPlainText()


def test_a_long_timeline_opens_the_year_of_the_fact_chosen_and_filters(
    qtbot: QtBot, seeded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.views.timeline as timeline_view

    monkeypatch.setattr(timeline_view, "EXPAND_ALL_UP_TO", 2)  # "long": years stay closed
    timeline = seeded.pages[3]
    seeded.tabs.setCurrentWidget(timeline)
    model, tree = timeline.model, timeline.tree
    passes = model.passes
    timeline.set_data(seeded.data, set())  # its rows read again, in a worker
    qtbot.waitUntil(lambda: model.passes > passes, timeout=TIMEOUT)
    years = [model.index(r, 0) for r in range(model.rowCount())]
    assert years and not any(tree.isExpanded(y) for y in years)
    counts = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert all(c.endswith(("item", "items")) for c in counts)
    every = timeline_rows(seeded)
    last = every[-1]
    assert timeline.select_fact(last.fact_id, emit=False)
    assert timeline.current_fact_id() == last.fact_id
    assert tree.isExpanded(model.index(model.rowCount() - 1, 0))
    qtbot.keyClicks(timeline.filter_box, last.date)
    qtbot.waitUntil(lambda: model.shown() < len(every))
    shown = [
        model.index(c, 0, model.index(r, 0)).data()
        for r in range(model.rowCount())
        for c in range(model.rowCount(model.index(r, 0)))
    ]
    assert shown and set(shown) == {last.date}
    assert model.shown() < len(every)
    timeline.filter_box.clear()  # every row again, in its year
    qtbot.waitUntil(lambda: model.shown() == len(every))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == sorted(
        {row.year for row in every}
    )


def test_clicking_a_mark_of_the_visits_strip_chooses_that_visit(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    visits = seeded.pages[0]
    seeded.tabs.setCurrentWidget(visits)
    strip = visits.strip
    strip.resize(600, 80)
    for day, fact_id, _label in strip._marks:
        with qtbot.waitSignal(strip.fact_clicked, timeout=TIMEOUT) as clicked:
            qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(round(strip._x(day)), 40))
        assert clicked.args == [fact_id] or strip._day_of[clicked.args[0]] == day
    with qtbot.assertNotEmitted(strip.fact_clicked):
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(2, 40))


def test_the_names_a_person_is_named_in_are_counted_for_the_rows_on_screen(
    seeded: MainWindow, qtbot: QtBot
) -> None:
    """The People view's Facts and Articles counts depend on every other fact: they
    are counted for the rows on screen, in a worker, after the rows show (empty cells
    meanwhile); they do not sort (a header click on them leaves the order as it was)."""
    page = seeded.entities_page
    seeded.tabs.setCurrentWidget(page)
    model = page.table.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    facts_col = titles.index("Facts")
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    page.table.table.sortByColumn(facts_col, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == names
    erdogan = next(f for f in of_type(seeded, "entities") if "Erdoğan" in f.data["name"])
    row = model.row_of(erdogan.id)
    qtbot.waitUntil(lambda: model.index(row, facts_col).data() not in ("", None), timeout=TIMEOUT)
    assert int(model.index(row, facts_col).data()) == len(naming(seeded, erdogan.id)) > 0
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):
        seeded.open_fact(erdogan.id)
    assert "Named in" in seeded.detail.toPlainText()

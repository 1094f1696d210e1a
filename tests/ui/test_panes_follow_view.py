"""The detail pane and the reader follow the view on screen: a tab shows its own
selection (or nothing), an article lists the facts taken from it, another fact brings
its own article into the reader, and Back goes back one place in one press."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT
from tests.ui.test_linked_views import _click_text, _select_row
from tests.ui.window_facts import all_facts, of_type
from ui.main_window import MainWindow


def test_switching_tabs_shows_the_selection_of_the_new_tab_or_nothing(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    visits, agreements = seeded.pages[0], seeded.pages[1]
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT):
        visit_id = _select_row(qtbot, visits, "2022-05-10")
    assert seeded.detail.fact.id == visit_id
    assert seeded.reader.article is not None

    seeded.tabs.setCurrentWidget(agreements)  # nothing chosen there yet
    assert seeded.detail.fact is None and seeded.detail.toPlainText() == ""
    assert seeded.reader.article is None and seeded.reader.toPlainText() == ""

    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):
        agreement_id = _select_row(qtbot, agreements, "Joint declaration")
    assert seeded.detail.fact.id == agreement_id
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):  # its related facts follow
        seeded.tabs.setCurrentWidget(visits)  # back: the visit chosen there
    assert seeded.detail.fact.id == visit_id
    assert "Agreements signed during the visit" in seeded.detail.toPlainText()
    seeded.tabs.setCurrentWidget(agreements)
    assert seeded.detail.fact.id == agreement_id


def test_an_article_chosen_in_the_articles_view_lists_the_facts_taken_from_it(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    seeded.search_box.setText("Ankara")
    with qtbot.waitSignal(seeded.search_done, timeout=TIMEOUT):
        seeded.search.run(show=True)
    results = seeded.results
    row = next(r for r in range(results.rowCount()) if results.hit(r).kind == "article")
    article_id = results.hit(row).id
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT):
        seeded.articles_page.view.setCurrentIndex(results.index(row))
    assert seeded.reader.article.id == article_id
    taken = [f for f in all_facts(seeded) if article_id in {e.article_id for e in f.evidence}]
    assert len(taken) >= 3
    shown = seeded.detail.toPlainText()
    assert f"{len(taken)} facts taken from it" in shown
    for fact in taken:
        assert seeded.data.label(fact.id)[:40] in shown
    other = [f for f in all_facts(seeded) if f not in taken]
    assert not any(seeded.data.label(f.id) in shown.splitlines() for f in other)
    # each listed fact is a link that opens it in its own view
    first = min(taken, key=lambda f: f.id)
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT) as opened:
        _click_text(qtbot, seeded.detail, seeded.data.label(first.id)[:30])
    assert opened.args[0] == first.id
    assert seeded.tabs.currentWidget() is seeded.page_of(first.id)


def _facts_from_two_articles(seeded: MainWindow) -> tuple[int, int]:
    """A visit and a statistic whose sentences come from different articles only."""
    visits = of_type(seeded, "visits")
    stats = of_type(seeded, "statistics")
    for visit in visits:
        for stat in stats:
            a = {e.article_id for e in visit.evidence}
            b = {e.article_id for e in stat.evidence}
            if a and b and not a & b:
                return visit.id, stat.id
    raise AssertionError("the seed library has no such pair")


def test_selecting_another_fact_replaces_the_article_in_the_reader(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    visit_id, stat_id = _facts_from_two_articles(seeded)
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT):
        seeded.open_fact(visit_id)
    visit = seeded.data.facts[visit_id]
    assert seeded.reader.article.id == visit.evidence[0].article_id
    assert visit.evidence[0].quote[:30] in seeded.reader.toPlainText()

    seeded.tabs.setCurrentWidget(seeded.pages[2])
    label = seeded.pages[2].table.model.columns[0].value(seeded.data.facts[stat_id])
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT) as shown:
        seeded.pages[2].select_fact(stat_id)
    stat = seeded.data.facts[stat_id]
    assert shown.args[0] == stat.evidence[0].article_id != visit.evidence[0].article_id
    assert seeded.reader.article.id == stat.evidence[0].article_id
    assert stat.evidence[0].quote[:30] in seeded.reader.toPlainText()
    assert label is not None


def test_back_goes_back_one_place_in_one_press(qtbot: QtBot, seeded: MainWindow) -> None:
    visit_id, stat_id = _facts_from_two_articles(seeded)
    visits, stats = seeded.pages[0], seeded.pages[2]
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT):
        visits.select_fact(visit_id)
    visit = seeded.data.facts[visit_id]
    sentence = visit.evidence[-1]
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT):
        _click_text(qtbot, seeded.detail, sentence.quote[:40])
    seeded.tabs.setCurrentWidget(stats)
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT):
        stats.select_fact(stat_id)
    assert seeded.detail.fact.id == stat_id

    # one press: the visit is back beside the sentence that was open
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT):
        seeded.go_back()
    assert seeded.detail.fact.id == visit_id
    assert seeded.tabs.currentWidget() is visits
    assert seeded.reader.article.id == sentence.article_id
    assert sentence.quote[:30] in seeded.reader.textCursor().block().text() or (
        sentence.quote[:30] in seeded.reader.toPlainText()
    )
    # one more: the visit as first chosen; then Back is spent
    seeded.go_back()
    assert seeded.detail.fact.id == visit_id
    assert not seeded.back_action.isEnabled()
    # Forward twice returns to the statistic
    seeded.go_forward()
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT):
        seeded.go_forward()
    assert seeded.detail.fact.id == stat_id
    assert seeded.reader.article.id == seeded.data.facts[stat_id].evidence[0].article_id


def test_clicking_the_sentence_already_shown_is_not_a_place_of_its_own(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    visit_id, _ = _facts_from_two_articles(seeded)
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT):
        seeded.open_fact(visit_id)
    first = seeded.data.facts[visit_id].evidence[0]
    with qtbot.waitSignal(seeded.article_shown, timeout=TIMEOUT):
        _click_text(qtbot, seeded.detail, first.quote[:40])
    assert not seeded.back_action.isEnabled()  # nothing on screen changed: nothing to undo


def test_the_detail_pane_is_one_tab_stop_with_arrows_between_its_links(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):
        _select_row(qtbot, seeded.pages[0], "2022-05-10")
    detail = seeded.detail
    seeded.activateWindow()
    detail.setFocus()
    qtbot.waitUntil(detail.hasFocus)
    links = []
    for _ in range(4):
        qtbot.keyClick(detail, Qt.Key.Key_Down)
        links.append(detail.focused_link())
        assert QApplication.focusWidget() is detail
    assert all(links) and len(set(links)) == 4  # four different links, the pane kept focus
    qtbot.keyClick(detail, Qt.Key.Key_Up)
    assert detail.focused_link() == links[2]
    qtbot.keyClick(detail, Qt.Key.Key_Tab)  # one press leaves the pane
    assert QApplication.focusWidget() is not detail


def test_back_after_switching_tabs_returns_to_the_tab_before(
    qtbot: QtBot, seeded: MainWindow
) -> None:
    visits, agreements = seeded.pages[0], seeded.pages[1]
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):
        visit_id = _select_row(qtbot, visits, "2022-05-10")
    seeded.tabs.setCurrentWidget(agreements)
    with qtbot.waitSignal(seeded.fact_shown, timeout=TIMEOUT):
        agreement_id = _select_row(qtbot, agreements, "Joint declaration")
    seeded.tabs.setCurrentWidget(visits)  # the visit again, beside its sentence
    assert seeded.detail.fact.id == visit_id
    seeded.go_back()  # one press: the agreement, in its tab
    assert seeded.detail.fact.id == agreement_id
    assert seeded.tabs.currentWidget() is agreements

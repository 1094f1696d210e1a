"""Every model of the window passes Qt's model tester, filled with the seed library's facts."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT
from tests.ui.window_facts import timeline as timeline_rows
from ui.main_window import MainWindow
from ui.selection_panel import SelectionModel


def test_every_view_model_and_its_filter_pass(
    qtbot: QtBot, seeded: MainWindow, qtmodeltester: ModelTester
) -> None:
    for page in seeded.pages:
        if hasattr(page, "table"):
            assert page.table.model.rowCount() > 0, page.title
            qtmodeltester.check(page.table.model, force_py=True)
            with qtbot.waitSignal(page.table.rows_shown, timeout=TIMEOUT):  # filtered
                page.table.filter_box.setText("a")
                page.table.filter.flush()
            page.table.filter_box.clear()
        else:  # the timeline's tree, filtered too
            assert page.model.rowCount() > 0
            qtmodeltester.check(page.model, force_py=True)
            page.filter_box.setText("visit")
            qtbot.waitUntil(lambda p=page: 0 < p.model.shown() < len(timeline_rows(seeded)))
            page.filter_box.clear()


def test_the_models_stay_valid_while_the_views_reload(
    qtbot: QtBot, seeded: MainWindow, qtmodeltester: ModelTester
) -> None:
    visits = seeded.pages[0]
    qtmodeltester.check(visits.table.model, force_py=True)
    visits.table.filter_box.setText("Ankara")
    visits.table.filter.flush()
    with qtbot.waitSignal(seeded.data_loaded, timeout=TIMEOUT):
        seeded.reload()
    visits.table.filter_box.clear()


def test_the_results_and_selection_models_pass(
    qtbot: QtBot, seeded: MainWindow, qtmodeltester: ModelTester
) -> None:
    with qtbot.waitSignal(seeded.search_done, timeout=TIMEOUT):
        seeded.search_box.setText("Ankara")
        seeded.search.run()
    assert seeded.results.rowCount() > 0
    qtmodeltester.check(seeded.results)
    model = SelectionModel()
    model.set_rows([(1, "Visit <b>one</b>"), (2, "Figure two")])
    qtmodeltester.check(model)

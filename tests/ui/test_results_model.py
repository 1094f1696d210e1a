"""The results model is a well-behaved Qt model and escapes user text."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from search.index import Hit
from ui.results_model import HtmlRole, ResultsModel


def _hits() -> list[Hit]:
    return [
        Hit(
            "article",
            1,
            "Ministers <b>meet</b>",
            "2022-01-02",
            "a.txt",
            1.5,
            [("talks in ", False), ("Rome", True), (" & <i>Milan</i>", False)],
        ),
        Hit("article", 2, "Second", None, "b.txt", 1.0, []),
    ]


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ResultsModel()
    model.set_hits(_hits())
    qtmodeltester.check(model)


def test_rich_text_escapes_user_text() -> None:
    model = ResultsModel()
    model.set_hits(_hits())
    rich = model.data(model.index(0), HtmlRole)
    assert "Ministers &lt;b&gt;meet&lt;/b&gt;" in rich
    assert "&amp; &lt;i&gt;Milan&lt;/i&gt;" in rich
    assert ">Rome</b>" in rich
    assert "no date" in model.data(model.index(1), HtmlRole)

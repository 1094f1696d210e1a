"""Adding a fact from a sentence, as a person does: words chosen in the reader, New fact
from this sentence, the editor opens with what the extractor reads there filled in,
Save adds the fact citing that sentence; Ctrl+Z takes it away, Redo brings it back.
The article is written for this test."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.library import Library
from tests.ui.conftest import TIMEOUT, open_window

ARTICLE = (
    " date 2024-04-03 \n"
    "Chile and Peru held talks on port cooperation in Lima on Tuesday. "
    "Peru also has a consulate general in Arica, the ministry added. "
    "Officials did not say when the next round would take place."
)


def test_a_mission_is_added_from_a_sentence_and_undone(
    qtbot: QtBot,
    library: Library,
    settings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "ports.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    library.import_paths([path])
    win = open_window(qtbot, library, settings)
    with qtbot.waitSignal(win.data_loaded, timeout=TIMEOUT):
        win.reload()
    (article,) = library.articles()
    with qtbot.waitSignal(win.article_shown, timeout=TIMEOUT):
        win.open_article(article.id)
    before = {f.id for f in library.facts()}

    # Words chosen across a line break of the reader still find their sentence.
    win.new_fact_from_sentence("missions", "also has a consulate\u2029general in")
    qtbot.waitUntil(
        lambda: getattr(win, "editor", None) is not None and win.editor.isVisible(), timeout=TIMEOUT
    )
    dialog = win.editor
    assert dialog.new and dialog.windowTitle() == "New mission from a sentence"
    assert (
        "Peru also has a consulate general"
        in dialog.findChildren(type(dialog.errors["city"]))[0].text()
    )
    # Read by the extractor in advance, and corrected by the person.
    assert [dialog.text_of(n) for n in ("country", "host_country", "city", "kind")] == [
        "PE",
        "CL",
        "Arica",
        "consulate_general",
    ]
    dialog.inputs["city"].setText("Arica (port)")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    (added,) = [f for f in library.facts() if f.id not in before]
    assert added.origin == "user" and added.review == "added" and added.confidence == 1.0
    assert added.data == {
        "country": "PE",
        "host_country": "CL",
        "city": "Arica (port)",
        "kind": "consulate_general",
    }
    (evidence,) = added.evidence
    assert evidence.article_id == article.id
    assert evidence.quote == "Peru also has a consulate general in Arica, the ministry added."
    assert added.id in win.data.facts  # in the views

    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        win.undo_action.trigger()
    assert added.id not in {f.id for f in library.facts(include_hidden=True)}
    with qtbot.waitSignal(win.views_shown, timeout=TIMEOUT):
        win.redo_action.trigger()
    again = [f for f in library.facts() if f.id not in before]
    assert len(again) == 1 and again[0].data == added.data
    win.wait_for_tasks()


def test_nothing_chosen_is_explained(qtbot: QtBot, seeded) -> None:  # type: ignore[no-untyped-def]
    seeded.new_fact_from_sentence("visits", "")
    assert "Select words of a sentence" in seeded.statusBar().currentMessage()


def test_the_occurrence_chosen_is_the_one_cited() -> None:
    from app.sentence_facts import locate

    text = "Peru signed a deal.\n\nLater, Peru signed a pact with Chile."
    first = locate(text, "Peru signed")
    second = locate(text, "Peru signed", ("Later, Peru signed a pact with Chile.", 7))
    assert first == (0, 11) and second == (28, 39)

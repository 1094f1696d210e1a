"""Names in one spelling a person chooses: a person read only in a Russian article shows
in Latin letters by default (People & organisations view, a PDF's table) and as written
with View › Names in Latin letters off; the choice is kept for the next start. Article
written for this test."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app import name_spelling
from app.library import Library
from tests.ui.conftest import TIMEOUT, open_window

RUSSIAN = (
    " date 2024-03-14 \n"
    "Президент Армении Арам Саакян прибыл в Улан-Батор с государственным визитом. "
    "Саакяна встретил президент Монголии Бат-Эрдэнэ Ганбаатар."
)


def _names(win) -> set[str]:  # type: ignore[no-untyped-def]
    page = win.entities_page
    model = page.table.table.model()
    return {model.index(r, 1).data() for r in range(model.rowCount())}


def test_names_follow_the_spelling_a_person_chooses(
    qtbot: QtBot,
    library: Library,
    settings,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    library.import_paths([tmp_path / "ru.txt"])
    win = open_window(qtbot, library, settings)
    try:
        with qtbot.waitSignal(win.data_loaded, timeout=TIMEOUT):
            win.reload()
        win.fill_all_views()
        assert win.names_action.isChecked()
        shown = _names(win)
        assert "Aram Saakyan" in shown and "Armenia" in shown and "Ulan Bator" in shown
        assert not any(any("а" <= c <= "я" for c in n.lower()) for n in shown if n)

        with qtbot.waitSignal(win.data_loaded, timeout=TIMEOUT):
            win.names_action.trigger()  # off: as the article writes them
        win.fill_all_views()
        assert "Арам Саакян" in _names(win)
        assert settings.value("names/spelling") == "as_written"

        second = open_window(qtbot, library, settings)  # the choice is kept
        assert not second.names_action.isChecked()
        second.close()
    finally:
        name_spelling.set_spelling("english")
        win.wait_for_tasks()

"""Edit › Preferences…: the settings persist, are checked at the field, and take effect
(the number of search results shown, the backups kept, the default library)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.config import resolve_library_dir
from app.library import Library
from app.settings import ENV_SETTINGS, Settings
from db.backup import BACKUP_DIR, keep_count
from ui import library_menu
from ui.main_window import MainWindow
from ui.preferences import PreferencesDialog

TIMEOUT = 20_000
TOPICS = [
    "wool", "cashmere", "copper", "tea", "coal", "rail", "wheat", "salt", "horses",
    "yurts", "cheese", "apricots", "brandy", "tourism", "football",
]  # fmt: skip


@pytest.fixture
def many(library: Library, tmp_path: Path) -> Library:
    """Fifteen articles (Armenia–Mongolia talks, one topic each)."""
    folder = tmp_path / "talks"
    folder.mkdir()
    for n, topic in enumerate(TOPICS, 1):
        (folder / f"talk_{n:02d}.txt").write_text(
            f" date 2021-04-{n:02d} Armenian and Mongolian officials discussed {topic} "
            f"in meeting number {n}.",
            encoding="utf-8",
        )
    library.import_paths([folder])
    return library


def opened(qtbot: QtBot, win: MainWindow) -> PreferencesDialog:
    win.preferences_action.trigger()
    shown = [d for d in win.findChildren(PreferencesDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def shown_hits(qtbot: QtBot, win: MainWindow) -> int:
    with qtbot.waitSignal(win.search_done, timeout=TIMEOUT) as done:
        win.search.run()
    return int(done.args[0]) if done.args else win.results.rowCount()


def test_page_size_changes_the_number_of_results_shown(
    qtbot: QtBot, many: Library, window: MainWindow, settings: QSettings
) -> None:
    assert shown_hits(qtbot, window) == 15
    assert window.results.rowCount() == 15
    dialog = opened(qtbot, window)
    assert dialog.page_size.value() == 100
    dialog.page_size.setValue(10)
    with qtbot.waitSignal(window.search_done, timeout=TIMEOUT):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.results.rowCount() == 10
    assert Settings(settings).page_size() == 10
    # Kept: a window started later reads it again.
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert Settings(again).page_size() == 10


def test_preferences_persist_and_show_again(
    qtbot: QtBot, window: MainWindow, settings: QSettings, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv(ENV_SETTINGS, settings.fileName())
    monkeypatch.delenv("ATTACHE_LIBRARY", raising=False)
    other = tmp_path / "other-library"
    monkeypatch.setattr(library_menu, "choose_folder", lambda _p, _c: other)
    dialog = opened(qtbot, window)
    dialog.choose_button.click()
    assert dialog.default_edit.text() == str(other)
    dialog.start_default.setChecked(True)
    dialog.author_edit.setText("Nadia Okonkwo, Kenya desk")
    dialog.keep.setValue(3)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    stored = Settings(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert stored.default_library() == other
    assert stored.start_with() == "default"
    assert stored.pdf_author() == "Nadia Okonkwo, Kenya desk"
    assert keep_count(window.library.folder / BACKUP_DIR) == 3
    # The command line without --library uses the default library.
    assert resolve_library_dir(None) == other

    second = opened(qtbot, window)
    assert second.default_edit.text() == str(other)
    assert second.start_default.isChecked()
    assert second.author_edit.text() == "Nadia Okonkwo, Kenya desk"
    assert second.keep.value() == 3
    second.reject()


def test_a_default_library_that_is_not_one_is_refused_at_the_field(
    qtbot: QtBot, window: MainWindow, settings: QSettings, tmp_path: Path
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "letter.txt").write_text("a letter to the Ghana office", encoding="utf-8")
    dialog = opened(qtbot, window)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.default_edit.setText(str(notes))
    assert not ok.isEnabled()
    assert dialog.default_error.isVisibleTo(dialog)
    assert f"{notes} holds no Attaché library" in dialog.default_error.text()
    dialog.default_edit.setText("relative/folder")
    assert not ok.isEnabled() and "whole path" in dialog.default_error.text()
    dialog.default_edit.setText(str(window.library.folder))  # a library: fine
    assert ok.isEnabled() and not dialog.default_error.isVisibleTo(dialog)
    dialog.author_edit.setText("two\nlines")
    assert not ok.isEnabled() and dialog.author_error.isVisibleTo(dialog)
    dialog.reject()
    assert Settings(settings).default_library() is None  # nothing saved on Cancel


def test_the_pdf_author_line_of_preferences_is_the_exported_pdfs_author(
    qtbot: QtBot, wool: Library, window: MainWindow, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    library = wool
    Settings(window.settings).set_pdf_author("Jane Analyst, Desk of Central Asia")
    window.selection.selected = library.select_facts([library.facts()[0].id])
    window.selection.export()
    dialog = window.selection.export_dialog
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    target = tmp_path / "briefing.pdf"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        dialog.run_export()
    assert PdfReader(target).metadata.author == "Jane Analyst, Desk of Central Asia"


def test_ok_leaves_a_backup_count_beyond_the_field_as_it_was(
    qtbot: QtBot, window: MainWindow
) -> None:
    from db.backup import set_keep_count

    folder = window.library.folder / BACKUP_DIR
    set_keep_count(folder, 200)  # `attache backup --keep 200`: more than the field shows
    dialog = opened(qtbot, window)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert keep_count(folder) == 200  # nothing changed, nothing written (no backup lost)

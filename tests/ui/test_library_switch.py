"""File › New library…, Open library…, Open recent: the window switches library the way
a start opens one, and a later start reopens the last library."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.config import chosen_library_dir, is_library, window_library_dir
from app.library import Library
from app.settings import ENV_SETTINGS, Settings
from app.writer_lock import WriterLock
from ui import app as ui_app
from ui import library_menu
from ui.main_window import MainWindow

TIMEOUT = 20_000


def make_library(folder: Path, texts: dict[str, str]) -> Path:
    """A library in ``folder`` holding one article per ``texts`` item (file name: text)."""
    source = folder.parent / f"{folder.name}-articles"
    source.mkdir(parents=True)
    for name, text in texts.items():
        (source / name).write_text(text, encoding="utf-8")
    with Library(folder) as library:
        library.import_paths([source])
    return folder


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The settings in this test's folder, never the user's; no library named for the run;
    the windows closed and the signal handlers back as they were at the end."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv(ENV_SETTINGS, str(path))
    monkeypatch.delenv("ATTACHE_LIBRARY", raising=False)
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    yield path
    ui_app.close_all()
    for signum, handler in handlers.items():
        signal.signal(signum, handler)
    signal.set_wakeup_fd(-1)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(library_menu, "show_message", lambda _parent, text: said.append(text))
    return said


def choose(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    def chooser(_parent: QWidget, _caption: str) -> Path:
        return folder

    monkeypatch.setattr(library_menu, "choose_folder", chooser)


@pytest.fixture
def armenia(tmp_path: Path) -> Path:
    return make_library(
        tmp_path / "armenia",
        {"yerevan.txt": " date 2023-03-14 Armenia and Mongolia signed a wool trade memorandum."},
    )


@pytest.fixture
def kenya(tmp_path: Path) -> Path:
    return make_library(
        tmp_path / "kenya",
        {"accra.txt": " date 2022-09-02 Kenya and Ghana opened a cocoa research office."},
    )


def open_window(qtbot: QtBot, folder: Path) -> MainWindow:
    session = ui_app.open_in_window(folder)
    assert session is not None
    win = session.window
    qtbot.waitUntil(lambda: win.library is not None and win.results.rowCount() > 0, timeout=TIMEOUT)
    return win


def closed(win: MainWindow) -> bool:
    """The window has closed (and may already be deleted)."""
    return not shiboken6.isValid(win) or not win.isVisible()


def switched_to(qtbot: QtBot, old: MainWindow, folder: Path) -> MainWindow:
    """The window that took over from ``old``, once its library is open and searched."""
    sessions = [s for s in ui_app.open_windows() if s.folder == folder.absolute()]
    assert len(sessions) == 1, "no window opened on the new library"
    win = sessions[0].window
    qtbot.waitUntil(lambda: closed(old), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: win.library is not None and win.results.rowCount() > 0, timeout=TIMEOUT)
    return win


def result_titles(win: MainWindow) -> list[str]:
    return [win.results.hit(n).title for n in range(win.results.rowCount())]


def test_open_library_from_the_menu_shows_its_articles(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, armenia: Path, kenya: Path
) -> None:
    first = open_window(qtbot, armenia)
    assert str(armenia) in first.windowTitle()
    assert any("Mongolia" in t for t in result_titles(first))

    choose(monkeypatch, kenya)
    first.open_library_action.trigger()
    second = switched_to(qtbot, first, kenya)

    titles = result_titles(second)
    assert any("Ghana" in t for t in titles)
    assert not any("Mongolia" in t for t in titles)
    assert str(kenya) in second.windowTitle()
    assert "read-only" not in second.windowTitle()
    assert ui_app.open_windows() and all(s.window is second for s in ui_app.open_windows())
    # The old library was closed cleanly: its writer claim is free again.
    lock = WriterLock(armenia, "test")
    assert lock.try_acquire()
    lock.release()


def test_open_recent_lists_the_libraries_and_greys_a_missing_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, armenia: Path, kenya: Path, tmp_path: Path
) -> None:
    gone = tmp_path / "moved-away"
    Settings().add_recent(gone)
    first = open_window(qtbot, armenia)
    choose(monkeypatch, kenya)
    first.open_library_action.trigger()
    second = switched_to(qtbot, first, kenya)

    library_menu.fill_recent(second)
    entries = {a.text(): a for a in second.recent_menu.actions() if a.text()}
    by_path = {t: a for t, a in entries.items() if str(tmp_path) in t}
    texts = list(by_path)
    assert texts[0].endswith(f"{kenya} (open)")  # the newest first
    assert texts[1].endswith(str(armenia)) and by_path[texts[1]].isEnabled()
    assert texts[2].endswith(f"{gone} — missing") and not by_path[texts[2]].isEnabled()

    by_path[texts[1]].trigger()  # back to the first library, from the list
    third = switched_to(qtbot, second, armenia)
    assert any("Mongolia" in t for t in result_titles(third))


def test_a_folder_that_is_no_library_is_refused_with_words(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    armenia: Path,
    tmp_path: Path,
    messages: list[str],
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("call the embassy", encoding="utf-8")
    win = open_window(qtbot, armenia)
    choose(monkeypatch, notes)
    win.open_library_action.trigger()

    assert len(messages) == 1
    assert f"There is no Attaché library in {notes}" in messages[0]
    assert "New library" in messages[0]
    assert [s.window for s in ui_app.open_windows()] == [win]
    assert not is_library(notes)  # nothing was created there
    assert win.isVisible() and str(armenia) in win.windowTitle()


def test_new_library_makes_an_empty_library_in_an_empty_folder(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    armenia: Path,
    tmp_path: Path,
    messages: list[str],
) -> None:
    win = open_window(qtbot, armenia)
    choose(monkeypatch, tmp_path / "armenia-articles")  # holds files: refused
    win.new_library_action.trigger()
    assert messages and "is not empty" in messages[0]

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    choose(monkeypatch, fresh)
    win.new_library_action.trigger()
    new = next(s.window for s in ui_app.open_windows() if s.folder == fresh)
    qtbot.waitUntil(lambda: closed(win), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: new.library is not None, timeout=TIMEOUT)
    assert is_library(fresh)
    assert str(fresh) in new.windowTitle()
    qtbot.waitUntil(lambda: new.articles_page.label.text() != "", timeout=TIMEOUT)
    assert new.library.article_count() == 0  # no sample articles in a new library


def test_a_library_another_program_writes_opens_read_only_and_the_title_says_so(
    qtbot: QtBot, armenia: Path
) -> None:
    other = WriterLock(armenia, "import")  # another attaché writing to it
    assert other.try_acquire()
    try:
        session = ui_app.open_in_window(armenia)
        assert session is not None
        win = session.window
        qtbot.waitUntil(lambda: "read-only" in win.windowTitle(), timeout=TIMEOUT)
        assert str(armenia) in win.windowTitle()
    finally:
        ui_app.close_all()
        other.release()


def test_a_start_without_library_reopens_the_last_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, armenia: Path, kenya: Path
) -> None:
    assert ui_app.startup_library(None) != kenya
    first = open_window(qtbot, armenia)
    choose(monkeypatch, kenya)
    first.open_library_action.trigger()
    switched_to(qtbot, first, kenya)
    ui_app.close_all()

    # What `attache` with no --library hands run_gui, and what run_gui opens.
    assert ui_app.startup_library(chosen_library_dir(None)) == kenya
    assert ui_app.startup_library(None) == kenya
    assert window_library_dir(None) == kenya
    # A library named for the run wins; $ATTACHE_LIBRARY too.
    assert ui_app.startup_library(armenia) == armenia
    monkeypatch.setenv("ATTACHE_LIBRARY", str(armenia))
    assert ui_app.startup_library(chosen_library_dir(None)) == armenia
    monkeypatch.delenv("ATTACHE_LIBRARY")
    # The last library gone: the next one of the list.
    (kenya / "library.sqlite").rename(kenya / "library.sqlite.moved")
    assert ui_app.startup_library(None) == armenia


def test_a_library_that_cannot_be_opened_leaves_the_window_on_its_own(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    armenia: Path,
    tmp_path: Path,
    messages: list[str],
) -> None:
    from ui.restore_dialog import RestoreDialog

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "library.sqlite").write_bytes(b"this is not a database, just Ghana notes " * 50)
    monkeypatch.setattr(RestoreDialog, "exec", lambda _self: RestoreDialog.DialogCode.Rejected)
    win = open_window(qtbot, armenia)
    choose(monkeypatch, broken)
    win.open_library_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=TIMEOUT)

    assert messages[0].startswith("Cannot open the library")
    assert win.isVisible() and win.menuBar().isEnabled()
    assert [s.window for s in ui_app.open_windows()] == [win]
    assert any("Mongolia" in t for t in result_titles(win))
    lock = WriterLock(broken, "test")  # the broken library's claim was given back
    assert lock.try_acquire()
    lock.release()

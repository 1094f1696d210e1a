"""Everyday faults made real (issue 19): a library written by a newer Attaché, a
migration that fails half-way, a library on a read-only mount, a damaged database file
and its restore, a lost or cut index, a bug. Each test checks what a person sees (the
words and the exit code), that nothing was lost, and that ``attache check`` passes."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.library import DB_NAME, DamagedLibraryError, Library, LibraryError, NewerLibraryError
from db import backup

REPO = Path(__file__).resolve().parents[2]


def attache(library: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "app", "--library", str(library), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr


def checked_whole(folder: Path) -> str:
    code, out, err = attache(folder, "check")
    assert code == 0 and out.strip().endswith("the library is whole"), out + err
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def titles(folder: Path) -> list[str]:
    with closing(sqlite3.connect(folder / DB_NAME)) as con:
        return [r[0] for r in con.execute("SELECT title FROM articles ORDER BY id")]


@pytest.fixture
def filled(tmp_path: Path, articles_dir: Path) -> Path:
    folder = tmp_path / "lib"
    with Library(folder) as library:
        library.import_paths([articles_dir])
        assert library.article_count() == 4
    return folder


def set_version(folder: Path, version: str) -> None:
    with closing(sqlite3.connect(folder / DB_NAME)) as con:
        con.execute("UPDATE alembic_version SET version_num = ?", (version,))
        con.commit()


# -- 1. versions ------------------------------------------------------------------------
def test_a_library_from_a_newer_attache_is_refused_before_anything_is_written(
    filled: Path,
) -> None:
    set_version(filled, "0099")
    shutil.rmtree(filled / backup.BACKUP_DIR, ignore_errors=True)
    before = sha(filled / DB_NAME)
    head = backup.head_revision()
    for command in (["search", "minister"], ["import", str(filled)], ["check"], ["reindex"]):
        code, out, err = attache(filled, *command)
        assert code == 1, (command, out, err)
        assert "newer Attaché" in err and "version 0099" in err and f"up to {head}" in err
    with pytest.raises(NewerLibraryError, match="0099"):
        Library(filled)
    assert sha(filled / DB_NAME) == before  # nothing written
    assert not (filled / backup.BACKUP_DIR).exists()  # nothing backed up
    set_version(filled, head or "")  # the newer Attaché's own view: whole
    checked_whole(filled)
    assert len(titles(filled)) == 4


FAILING_STEP = '''"""A step that fails on purpose after changing the schema and the data."""
import sqlalchemy as sa
from alembic import op

revision = "0999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("extra", sa.Text, nullable=True))
    op.execute("UPDATE articles SET title = 'CHANGED'")
    op.execute("DELETE FROM facts")
    raise RuntimeError("this step fails on purpose")


def downgrade() -> None:
    pass
'''


@pytest.fixture
def failing_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The program's migrations plus one that fails, in a folder of the test's own."""
    import db.engine

    scripts = tmp_path / "migrations"
    shutil.copytree(db.engine.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = backup.head_revision()
    (scripts / "versions" / "0999_fails.py").write_text(FAILING_STEP.replace("{head}", str(head)))
    monkeypatch.setattr(db.engine, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(backup, "MIGRATIONS_DIR", scripts)
    backup._revisions.cache_clear()
    yield
    monkeypatch.undo()
    backup._revisions.cache_clear()


def test_a_failing_migration_step_leaves_the_library_as_it_was(
    filled: Path, failing_migration: None
) -> None:
    head_before = backup.read_revision(filled / DB_NAME)
    names = titles(filled)
    with closing(sqlite3.connect(filled / DB_NAME)) as con:
        facts = con.execute("SELECT count(*) FROM facts").fetchone()[0]
        schema = con.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert facts > 0
    with pytest.raises(LibraryError) as caught:
        Library(filled)
    said = str(caught.value)
    assert f"from version {head_before} to 0999 failed" in said, said
    assert "this step fails on purpose" in said and "nothing was changed" in said
    with closing(sqlite3.connect(filled / DB_NAME)) as con:
        assert con.execute("SELECT count(*) FROM facts").fetchone()[0] == facts
        assert con.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert titles(filled) == names
    assert backup.read_revision(filled / DB_NAME) == head_before
    copies = backup.backups(filled / backup.BACKUP_DIR)
    assert any("-before-0999" in c.name for c in copies)  # the backup came first


def test_the_failing_migration_library_passes_check_with_the_real_program(
    filled: Path, failing_migration: None
) -> None:
    with pytest.raises(LibraryError):
        Library(filled)
    checked_whole(filled)  # a subprocess: the program's own migrations


# -- 2. read-only ------------------------------------------------------------------------
@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """An empty folder mounted read-only over a writable one: ``(source, mount)``."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only bind mount needs root")
    mount = tmp_path / "ro"
    mount.mkdir()
    yield mount
    if subprocess.run(["umount", str(mount)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)  # busy: detach


def bind_read_only(source: Path, mount: Path) -> None:
    for command in (
        ["mount", "--bind", str(source), str(mount)],
        ["mount", "-o", "remount,ro,bind", str(mount)],
    ):
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            subprocess.run(["umount", str(mount)], capture_output=True)
            pytest.skip(f"mounting is not allowed here: {done.stderr.strip()}")
    with pytest.raises(OSError):
        (mount / "probe").write_text("x")


@pytest.mark.parametrize("index", ["whole", "lost"])
def test_a_library_on_a_read_only_mount_reads_searches_and_exports(
    filled: Path, read_only_mount: Path, tmp_path: Path, articles_dir: Path, index: str
) -> None:
    with Library(filled):  # closed cleanly: no -wal left
        pass
    if index == "lost":
        shutil.rmtree(filled / "index")
    before = {p.relative_to(filled): sha(p) for p in filled.rglob("*") if p.is_file()}
    mount = read_only_mount
    bind_read_only(filled, mount)

    code, out, err = attache(mount, "search", "minister")
    assert code == 0 and "article(s) match" in out, out + err
    if index == "lost":
        assert "temporary index built from the database" in err, err
    code, out, err = attache(mount, "export", "--format", "json", "-o", str(tmp_path / "o.json"))
    assert code == 0 and (tmp_path / "o.json").stat().st_size > 0, out + err
    for command in (["import", str(articles_dir)], ["reindex"], ["review", "reject", "1"]):
        code, out, err = attache(mount, *command)
        assert code == 1, (command, out, err)
        assert f"the library at {mount} is read-only" in err, err
    code, out, err = attache(mount, "check")
    assert code == 0 and "read-only" in out, out + err
    with Library(mount) as library:
        assert library.read_only and library.read_only_reason == "it is on a read-only medium"
        assert library.search("minister").total >= 1
        with pytest.raises(LibraryError, match="is read-only"):
            library.import_paths([articles_dir])

    subprocess.run(["umount", str(mount)], check=True)
    after = {p.relative_to(filled): sha(p) for p in filled.rglob("*") if p.is_file()}
    assert after == before  # not a byte written, the index not rebuilt in place
    checked_whole(filled)
    assert len(titles(filled)) == 4


def test_the_window_on_a_read_only_library_says_so_and_disables_writing(
    qtbot: QtBot, filled: Path, read_only_mount: Path, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

    with Library(filled):
        pass
    bind_read_only(filled, read_only_mount)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(None, settings, folder=read_only_mount)
    qtbot.addWidget(window)
    window.show()
    errors: list[object] = []
    window.open_library(
        lambda: Library(read_only_mount, defer_maintenance=True), errors.append, None
    )
    qtbot.waitUntil(lambda: window.library is not None or bool(errors), timeout=30_000)
    assert not errors
    # the status bar's badge stays (its message may give way to the next one)
    qtbot.waitUntil(window.read_only_badge.isVisible, timeout=10_000)
    assert window.read_only_badge.text() == "<b>read-only</b>"
    assert window.windowTitle().endswith("(read-only)")
    assert "it is on a read-only medium" in window.read_only_badge.toolTip()
    assert not window.import_files_action.isEnabled()
    assert not window.import_folder_action.isEnabled()
    window.wait_for_tasks()
    window.library.close()


# -- 3. damage ---------------------------------------------------------------------------
def damage(folder: Path) -> None:
    """Overwrite pages of tables and indexes, as a failing disk or a stray tool would."""
    with Library(folder):  # closed: the WAL folded into the file
        pass
    data = bytearray((folder / DB_NAME).read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xa5" * (4096 * 3)
    (folder / DB_NAME).write_bytes(bytes(data))


def test_backup_then_damage_then_restore_brings_the_library_back(filled: Path) -> None:
    names = titles(filled)
    code, out, err = attache(filled, "backup", "--keep", "3")
    assert code == 0 and "backed up 4 article(s)" in out and "(checked: whole)" in out, err
    assert "the newest 3 backup(s) are kept" in out
    damage(filled)

    code, out, err = attache(filled, "check")
    assert code == 1 and "is damaged" in out + err and "attache restore" in out + err
    code, out, err = attache(filled, "search", "minister")
    assert code == 1 and "is damaged" in err
    code, out, err = attache(filled, "backup")  # a damaged file is not backed up
    assert code == 1 and "damaged" in err and "nothing was backed up" in err
    assert len(backup.backups(filled / backup.BACKUP_DIR)) == 1

    code, out, err = attache(filled, "restore")
    assert code == 0 and "1. " in out and "4 article(s)" in out and "taken by hand" in out
    code, out, err = attache(filled, "restore", "--latest")
    assert code == 0, out + err
    assert "rebuilt the search index (4 article(s))" in out
    aside = list(filled.glob(f"{DB_NAME}.damaged-*"))
    assert len([p for p in aside if not p.name.endswith(("-wal", "-shm"))]) == 1
    assert f"kept the library's database as it was at {filled / DB_NAME}.damaged-" in out

    assert titles(filled) == names
    checked_whole(filled)
    code, out, _ = attache(filled, "search", "minister")
    assert code == 0 and "article(s) match" in out
    assert not list(filled.glob("*.restoring*"))


def test_restore_by_number_keeps_a_whole_library_aside_as_replaced(filled: Path) -> None:
    assert attache(filled, "backup")[0] == 0
    with Library(filled) as library:
        library.delete_articles([a.id for a in library.articles()][:2])
    code, out, err = attache(filled, "restore", "1")
    assert code == 0, out + err
    assert list(filled.glob(f"{DB_NAME}.replaced-*"))
    assert len(titles(filled)) == 4
    code, _, err = attache(filled, "restore", "7")
    assert code == 1 and "there is no backup '7'" in err
    checked_whole(filled)


def test_the_window_offers_the_backups_of_a_damaged_library(qtbot: QtBot, filled: Path) -> None:
    from ui.restore_dialog import RestoreDialog

    with Library(filled) as library:
        backup.backup_database(filled / DB_NAME, filled / backup.BACKUP_DIR, "manual")
        count = library.article_count()
    damage(filled)
    with pytest.raises(DamagedLibraryError) as caught:
        Library(filled)
    dialog = RestoreDialog(caught.value.folder, str(caught.value))
    qtbot.addWidget(dialog)
    assert dialog.list.count() >= 1 and "4 article(s)" in dialog.list.item(0).text()
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        dialog.restore()  # in a worker: the dialog says so and closes when it is done
        assert not dialog.restore_button.isEnabled() and "Restoring" in dialog.status.text()
    assert dialog.result() == RestoreDialog.DialogCode.Accepted
    with Library(filled) as library:
        assert library.article_count() == count
        assert library.search("minister").total >= 1
    checked_whole(filled)


# -- 5. the index ------------------------------------------------------------------------
@pytest.mark.parametrize("fault", ["deleted", "cut", "garbage"])
def test_a_lost_or_cut_index_is_rebuilt_at_open(filled: Path, fault: str) -> None:
    with Library(filled) as library:
        expected = library.search("minister").total
    index = filled / "index"
    for path in index.iterdir():
        if fault == "deleted":
            path.unlink()
        elif fault == "cut":
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        else:
            path.write_bytes(b"\0" * 64)
    code, out, err = attache(filled, "search", "minister")
    assert code == 0 and f"{expected} article(s) match" in out, out + err
    checked_whole(filled)


# -- 6. errors are words ---------------------------------------------------------------
def test_a_bug_is_one_sentence_and_its_traceback_goes_to_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app import cli, logs

    monkeypatch.setattr(logs, "log_dir", lambda: tmp_path / "log")

    def broken(_args: object) -> int:
        raise ZeroDivisionError("a bug on purpose")

    monkeypatch.setitem(cli.COMMANDS, "search", broken)
    Library(tmp_path / "lib").close()  # a library to search (a mistyped path is refused)
    try:
        assert cli.main(["--library", str(tmp_path / "lib"), "search", "x"]) == 1
    finally:
        import logging

        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "_attache", False)]:
            root.removeHandler(handler)
            handler.close()
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "Attaché hit a bug" in err and "ZeroDivisionError: a bug on purpose" in err
    assert str(tmp_path / "log" / "attache.log") in err
    logged = (tmp_path / "log" / "attache.log").read_text()
    assert "Traceback" in logged and "a bug on purpose" in logged


def test_a_library_folder_that_cannot_be_made_is_named_with_the_reason(
    read_only_mount: Path,
) -> None:
    source = read_only_mount.parent / "empty"
    source.mkdir()
    bind_read_only(source, read_only_mount)
    code, _, err = attache(read_only_mount / "lib", "import", str(source))  # creates one
    assert code == 1
    assert f"cannot create the library folder {read_only_mount / 'lib'}" in err
    assert "read-only" in err


# -- 4. a full disk ----------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs (skipped where mounting is not allowed)."""
    from tests.mounts import mounted_tmpfs

    with mounted_tmpfs(tmp_path / "disk", "2m") as disk:
        yield disk


def test_an_import_that_fills_the_disk_stops_whole_and_the_next_brings_the_rest(
    small_disk: Path, tmp_path: Path
) -> None:
    import random

    source = tmp_path / "articles"
    source.mkdir()
    words = ["minister", "visited", "trade", "agreement", "signed", "railway", "talks"]
    for i in range(60):
        rnd = random.Random(i)
        body = " ".join(f"{rnd.choice(words)}{rnd.randint(0, 99999)}" for _ in range(2500))
        (source / f"a{i:03}.txt").write_text(
            f"Article {i}. The foreign ministers of Poland and Germany met in Warsaw on "
            f"{i % 28 + 1} June 2021. {body}"
        )
    folder = small_disk / "lib"
    code, out, err = attache(folder, "import", str(source))
    assert code == 1, out + err
    assert f"no space left on the device holding {folder / DB_NAME}" in err, err
    assert "free some space and import again" in err
    stored = len(titles(folder))
    assert 0 < stored < 60
    code, out, err = attache(folder, "check")  # on the full disk: words, no repair
    assert code == 1 and "no space left on the device holding" in err, out + err

    subprocess.run(["mount", "-o", "remount,size=96m", str(small_disk)], check=True)
    out = checked_whole(folder)  # every article stored is whole
    assert f"ok: {stored} article(s)" in out
    code, out, err = attache(folder, "import", str(source))
    assert code == 0, out + err
    assert f"imported {60 - stored}, skipped {stored}, failed 0" in out
    assert len(titles(folder)) == 60
    checked_whole(folder)
    code, out, _ = attache(folder, "search", "Warsaw")
    assert code == 0 and "60 article(s) match" in out

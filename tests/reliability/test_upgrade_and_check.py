"""Upgrades keep everything and are backed up first; backups are rotated; ``attache
check`` finds and repairs what a crash or a stray tool can leave behind."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from alembic import command

from app.library import DB_NAME, Library
from db import backup
from db.engine import alembic_config, make_engine

REPO = Path(__file__).resolve().parents[2]
TEXT = "The Prime Minister of Spain visited Chile on 4 May 2019 and met envoys in Santiago."


def _first_schema_library(folder: Path) -> None:
    """A library as the first version of Attaché wrote it (migration 0001)."""
    folder.mkdir()
    engine = make_engine(folder / DB_NAME)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO articles (id, file_name, path, sha256, format, date, title, text,"
            " imported_at) VALUES (1, 'old.txt', '/x/old.txt', 'abc', 'text', '2019-05-05',"
            f" 'Old', '{TEXT}', '2019-05-06 10:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO facts (id, type, block, data, created_at, updated_at) VALUES"
            " (1, 'visits', 'visits|ES>CL|2019',"
            ' \'{"visitor_country": "ES", "host_country": "CL", "start": "2019-05-04"}\','
            " '2019-05-06', '2019-05-06')"
        )
        conn.exec_driver_sql(
            'INSERT INTO evidence (fact_id, article_id, start, "end", quote)'
            f" VALUES (1, 1, 0, {len(TEXT)}, '{TEXT}')"
        )
    engine.dispose()


def _attache(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--library", str(library), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_first_schema_library_is_backed_up_then_upgraded_without_loss(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    _first_schema_library(folder)
    with Library(folder) as library:
        (article,) = library.articles()
        assert (article.title, article.text) == ("Old", TEXT)
        assert article.language == "en"  # detected for the articles already held (0005)
        (fact,) = library.facts()
        assert fact.data["host_country"] == "CL" and fact.origin == "extracted"
        assert fact.evidence[0].quote == TEXT
        assert library.search("envoys").total == 1
        library.hide_fact(fact.id)  # the new columns work
        assert library.facts() == []
    copies = backup.backups(folder / backup.BACKUP_DIR)
    before = [c for c in copies if "-before-" in c.name]
    assert len(before) == 1
    with closing(sqlite3.connect(before[0])) as con:  # the copy is the old library, whole
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert con.execute("SELECT title FROM articles").fetchall() == [("Old",)]
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with Library(folder):  # nothing left to migrate: no second "before" copy
        pass
    assert len([c for c in backup.backups(folder / backup.BACKUP_DIR) if "-before-" in c.name]) == 1


def test_backups_keep_the_newest_copies(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library(folder) as library:
        library.add_fact("events", {"kind": "other", "description": "kept"})
    made = [
        backup.backup_database(folder / DB_NAME, tmp_path / "b", f"n{i}", keep=3) for i in range(5)
    ]
    kept = backup.backups(tmp_path / "b")
    assert kept == list(reversed(made[-3:]))
    assert not list((tmp_path / "b").glob("*.part"))


def test_check_repairs_a_stale_index_and_rows_pointing_at_nothing(
    tmp_path: Path, articles_dir: Path
) -> None:
    folder = tmp_path / "lib"
    assert _attache(folder, "import", str(articles_dir)).returncode == 0
    with closing(sqlite3.connect(folder / DB_NAME)) as con:  # foreign keys off, as a stray tool
        con.execute(
            'INSERT INTO evidence (fact_id, article_id, start, "end", quote)'
            " VALUES (1, 9999, 0, 1, 'x')"
        )
        con.commit()
    for segment in (folder / "index").glob("*.seg"):
        segment.write_bytes(b"damaged")
    first = _attache(folder, "check")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "fixed: removed 1 evidence row(s) pointing at nothing" in first.stdout
    assert "fixed: " in first.stdout and "index" in first.stdout
    assert first.stdout.strip().endswith("the library is whole")
    second = _attache(folder, "check")
    assert second.returncode == 0 and "fixed:" not in second.stdout, second.stdout
    assert "ok: the search index agrees with the database" in second.stdout
    assert _attache(folder, "search", "minister").returncode == 0


def test_check_names_the_newest_backup_when_the_database_file_is_damaged(
    tmp_path: Path, articles_dir: Path
) -> None:
    folder = tmp_path / "lib"
    with Library(folder) as library:
        library.import_paths([articles_dir])
    with Library(folder):  # the scheduled backup is taken at this open
        pass
    data = bytearray((folder / DB_NAME).read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xa5" * (4096 * 3)  # pages of tables and indexes
    (folder / DB_NAME).write_bytes(bytes(data))
    result = _attache(folder, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "damaged" in result.stdout + result.stderr
    assert "backups/library-" in result.stdout + result.stderr


def test_an_old_library_with_a_broken_reference_is_upgraded_then_repaired(
    tmp_path: Path,
) -> None:
    """Evidence pointing at an article an older version deleted badly: the upgrade is not
    blamed for it (the backup and the migration go through), and `check` repairs it."""
    folder = tmp_path / "lib"
    _first_schema_library(folder)
    with closing(sqlite3.connect(folder / DB_NAME)) as con:  # foreign keys off by default
        con.execute(
            'INSERT INTO evidence (fact_id, article_id, start, "end", quote)'
            " VALUES (1, 99, 0, 4, 'gone')"
        )
        con.commit()
    upgraded = _attache(folder, "search", "Spain")
    assert upgraded.returncode == 0, upgraded.stderr
    assert "damaged" not in upgraded.stderr
    with closing(sqlite3.connect(folder / DB_NAME)) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
            backup.head_revision(),
        )
    repaired = _attache(folder, "check")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert backup.integrity_problems(folder / DB_NAME) == []

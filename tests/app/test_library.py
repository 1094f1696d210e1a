"""The library service: import into SQLite and Whoosh, re-import, search, export, repair."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from app.library import Library


def _db_rows(library: Library, sql: str) -> list[tuple]:
    with sqlite3.connect(library.folder / "library.sqlite") as conn:
        return conn.execute(sql).fetchall()


def test_import_stores_articles_in_the_database_and_the_index(
    library: Library, seeds_dir: Path
) -> None:
    report = library.import_paths([seeds_dir])
    assert len(report.imported) == 5 and not report.failed and not report.skipped
    rows = _db_rows(library, "SELECT file_name, date, length(text), sha256 FROM articles")
    assert len(rows) == 5
    dates = {name: date for name, date, _n, _h in rows}
    assert dates["000_a787aec1cb4d6804.txt"] == "2022-05-10"
    assert dates["004_fa93dc6aeb8c9ce0.txt"] is None
    assert all(n > 1000 and len(h) == 64 for _f, _d, n, h in rows)
    assert library.index.doc_count() == 5


def test_reimport_adds_nothing_and_says_so(library: Library, seeds_dir: Path) -> None:
    library.import_paths([seeds_dir])
    again = library.import_paths([seeds_dir])
    assert again.summary() == "imported 0, skipped 5, failed 0"
    assert library.article_count() == 5
    assert library.index.doc_count() == 5


def test_same_content_under_another_name_is_one_article(library: Library, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ministers met in Lisbon to sign a fisheries accord.")
    (tmp_path / "copy of a.txt").write_text("Ministers met in Lisbon to sign a fisheries accord.")
    report = library.import_paths([tmp_path / "a.txt", tmp_path / "copy of a.txt"])
    assert (len(report.imported), len(report.skipped)) == (1, 1)


def test_search_finds_the_article_with_the_term_highlighted(
    library: Library, seeds_dir: Path
) -> None:
    library.import_paths([seeds_dir])
    result = library.search("Kazinform")
    assert [h.source for h in result.hits] == ["003_a7d8676af09bac45.txt"]
    marked = [text for text, is_match in result.hits[0].snippet if is_match]
    assert marked and all(t.lower() == "kazinform" for t in marked)


def test_search_folds_accents_both_ways(library: Library, seeds_dir: Path) -> None:
    library.import_paths([seeds_dir])
    plain = {h.source for h in library.search("Erdogan").hits}
    accented = {h.source for h in library.search("Erdoğan").hits}
    assert plain == accented
    assert len(plain) == 5  # every seed names him
    assert library.search("Turkiye").total == library.search("Türkiye").total > 0


def test_search_stems_plurals(library: Library, seeds_dir: Path) -> None:
    library.import_paths([seeds_dir])
    assert {h.source for h in library.search("agreement").hits} == {
        h.source for h in library.search("agreements").hits
    }


def test_import_reports_missing_and_unsupported_paths(library: Library, tmp_path: Path) -> None:
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04")
    report = library.import_paths([tmp_path / "nope", tmp_path / "slides.pptx"])
    reasons = dict(report.failed)
    assert reasons[str(tmp_path / "nope")] == "no such file or folder"
    assert "unsupported" in reasons[str(tmp_path / "slides.pptx")]


def test_a_bad_file_does_not_stop_the_others(library: Library, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Two foreign ministers met in Oslo on Friday.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff" * 100)
    report = library.import_paths([tmp_path])
    assert [Path(p).name for p in report.imported] == ["good.txt"]
    assert sorted(Path(p).name for p, _ in report.failed) == ["binary.txt", "empty.txt"]


def test_cancel_keeps_what_was_imported(library: Library, seeds_dir: Path) -> None:
    seen: list[int] = []
    report = library.import_paths(
        [seeds_dir], progress=lambda d, t, n: seen.append(d), cancelled=lambda: len(seen) >= 2
    )
    assert report.cancelled and len(report.imported) == 2
    assert library.article_count() == 2 and library.index.doc_count() == 2


def test_deleted_index_is_rebuilt_from_the_database(tmp_path: Path, seeds_dir: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        lib.import_paths([seeds_dir])
    shutil.rmtree(tmp_path / "lib" / "index")
    with Library(tmp_path / "lib") as lib:
        assert lib.index.doc_count() == 5
        assert lib.search("Kazinform").total == 1


def test_corrupt_index_is_rebuilt(tmp_path: Path, seeds_dir: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        lib.import_paths([seeds_dir])
    for f in (tmp_path / "lib" / "index").iterdir():
        if f.name != "VERSION":
            f.write_bytes(b"garbage")
    with Library(tmp_path / "lib") as lib:
        assert lib.index.doc_count() == 5


def test_index_missing_an_article_is_repaired_at_open(tmp_path: Path, seeds_dir: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        lib.import_paths([seeds_dir])
        lib.index.delete_articles([1, 2])
        assert lib.index.doc_count() == 3
    with Library(tmp_path / "lib") as lib:
        assert lib.index.doc_count() == 5


def test_export_document_lists_articles_with_dates(library: Library, seeds_dir: Path) -> None:
    library.import_paths([seeds_dir])
    doc = library.export_document()
    assert doc["format"] == "bilateral-facts/1"
    dates = {a["id"]: a["date"] for a in doc["articles"]}
    assert len(dates) == 5
    assert dates["002_a37c1cf257e965da.txt"] == "2025-07-29"
    assert dates["004_fa93dc6aeb8c9ce0.txt"] is None


def test_database_uses_wal_and_foreign_keys(library: Library) -> None:
    assert _db_rows(library, "PRAGMA journal_mode") == [("wal",)]
    assert ("alembic_version",) in _db_rows(
        library, "SELECT name FROM sqlite_master WHERE type='table'"
    )


def test_opening_an_up_to_date_library_does_not_load_the_migration_tool(tmp_path: Path) -> None:
    """Alembic takes a third of a second to import; the window's start does not pay it
    when the schema is current (a library to migrate still is migrated: test_upgrade)."""
    import subprocess
    import sys

    folder = tmp_path / "library"
    Library(folder).close()  # created and migrated to the newest schema
    probe = (
        "import sys; from pathlib import Path; from app.library import Library; "
        f"Library(Path({str(folder)!r})).close(); print('alembic' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"

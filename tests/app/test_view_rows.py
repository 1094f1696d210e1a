"""The rows the views sort and filter by (``app.view_rows``) follow every change to the
facts, whichever way it is written: an import, a person's review, a deleted article
and its undo, a script writing to the database behind the library's back, an upgrade;
``attache check`` finds and repairs rows that disagree."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from app.library import Library
from app.view_rows import disagreements
from db import queries
from db.engine import alembic_config

ARTICLE = (
    " date 2023-06-02 \n"
    "Armenian President Aram Saakyan arrived in Ulaanbaatar on a state visit on June 1, "
    "2023. The two presidents signed an agreement on cooperation in education.\n\n"
    "Trade between Armenia and Mongolia reached $12 million in 2022."
)


def _library(tmp_path: Path) -> Library:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "am-mn.txt").write_text(ARTICLE, encoding="utf-8")
    library = Library(tmp_path / "lib")
    library.import_paths([tmp_path / "in"])
    return library


def _rows(library: Library, view: str, state: str = "") -> list[int]:
    return library.read(lambda s: queries.view_ids(s.connection(), view, 1, state=state))


def _agree(library: Library) -> list[str]:
    return library.read(disagreements)


def test_a_review_an_edit_and_a_deletion_are_in_the_rows_at_once(tmp_path: Path) -> None:
    library = _library(tmp_path)
    try:
        (visit,) = library.facts(["visits"])
        assert _rows(library, "Visits") == [visit.id]
        assert visit.id in _rows(library, "To review", "unreviewed")
        library.confirm_facts([visit.id])
        assert _rows(library, "Visits", "confirmed") == [visit.id]
        library.edit_fact(visit.id, {"city": "Darkhan"})
        filtered = library.read(
            lambda s: queries.view_ids(s.connection(), "Visits", needle="darkhan")
        )
        assert filtered == [visit.id]  # the filter finds the corrected city
        library.reject_facts([visit.id])
        assert _rows(library, "Visits") == []  # rejected: out of the views
        assert _rows(library, "Visits", "rejected") == [visit.id]
        assert _agree(library) == []
        (article,) = library.articles()
        gone = library.remove_articles([article.id])
        assert _rows(library, "Statistics") == [] and _agree(library) == []
        library.restore_articles(gone)
        assert len(_rows(library, "Statistics")) == 1 and _agree(library) == []
    finally:
        library.close()


def test_a_write_behind_the_librarys_back_is_caught_up_and_check_repairs(
    tmp_path: Path,
) -> None:
    library = _library(tmp_path)
    db = tmp_path / "lib" / "library.sqlite"
    (stat,) = library.facts(["statistics"])
    library.close()
    with sqlite3.connect(db) as raw:  # a script: the triggers mark the fact
        raw.execute(
            "UPDATE facts SET data = json_set(data, '$.period', '2019') WHERE id = ?", (stat.id,)
        )
    with sqlite3.connect(db) as raw:  # damage to the derived rows themselves
        raw.execute("DELETE FROM fact_heads WHERE fact_id = ?", (stat.id,))
        raw.execute("DELETE FROM view_rows_stale")
    library = Library(tmp_path / "lib")
    try:
        assert _agree(library) == ["1 fact(s) without their views' rows"]
        report = library.check()
        assert any("computed the rows of" in line for line in report.fixed), report.lines()
        assert _agree(library) == []
        period = library.read(
            lambda s: queries.view_ids(s.connection(), "Statistics", needle="2019")
        )
        assert period == [stat.id]  # the script's change is in the rows
    finally:
        library.close()


def test_an_upgraded_library_gets_every_facts_rows_at_its_first_open(tmp_path: Path) -> None:
    library = _library(tmp_path)
    count = len(library.facts())
    command.downgrade(alembic_config(library.engine), "0009")  # as an older Attaché left it
    library.close()
    with sqlite3.connect(tmp_path / "lib" / "library.sqlite") as raw:
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master")}
    assert "view_rows" not in tables
    library = Library(tmp_path / "lib")
    try:
        assert _agree(library) == []
        heads = library.read(lambda s: queries.counts(s.connection(), ["visits"]))
        assert heads[1] == count
    finally:
        library.close()

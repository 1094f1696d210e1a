"""kill -9 at random moments of a 1,000-file command-line import: the library opens,
passes ``PRAGMA integrity_check``, holds only whole articles (each with its facts and
evidence; no index entry without its article) and a second import brings in exactly
the rest."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from app.library import DB_NAME, INDEX_DIR, Library
from search.index import SearchIndex

FILES = 1000
KILLS = 4
REPO = Path(__file__).resolve().parents[2]
CITIES = ["Lisbon", "Porto", "Braga", "Faro", "Coimbra", "Evora", "Aveiro", "Leiria"]


def _write_articles(folder: Path) -> None:
    folder.mkdir()
    for n in range(FILES):
        text = (
            f" date 20{10 + n % 10}-03-{n % 28 + 1:02d} The President of Italy visited "
            f"Portugal on {n % 28 + 1} March 20{10 + n % 10} and met the Prime Minister in "
            f"{CITIES[n % len(CITIES)]}. Trade between the two countries reached {n + 1}.5 "
            f"billion euros in 2019, officials said (report {n})."
        )
        (folder / f"article_{n:04d}.txt").write_text(text, encoding="utf-8")


def _import(
    library: Path, folder: Path, output: int = subprocess.DEVNULL
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--library", str(library), "import", str(folder)],
        cwd=REPO,
        stdout=output,
        stderr=output,
    )


def _held(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as con:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # the schema is not made yet
        return 0


def _check_whole(folder: Path) -> tuple[int, int]:
    """Checks the library as the crash left it (before any repair); returns (articles,
    index entries)."""
    db = folder / DB_NAME
    with closing(sqlite3.connect(db)) as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        articles = {r[0] for r in con.execute("SELECT id FROM articles")}
        without_facts = con.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM evidence e WHERE e.article_id = a.id)"
        ).fetchone()[0]
        assert without_facts == 0, "an article was stored without its facts"
        facts_without_evidence = con.execute(
            "SELECT count(*) FROM facts f WHERE NOT EXISTS "
            "(SELECT 1 FROM evidence e WHERE e.fact_id = f.id)"
        ).fetchone()[0]
        assert facts_without_evidence == 0
    index = SearchIndex(folder / INDEX_DIR)
    try:
        indexed = index.ids()[0] if not index.needs_rebuild else set()
    finally:
        index.close()
    assert indexed <= articles, "the index holds an article the database lacks"
    return len(articles), len(indexed)


@pytest.mark.slow
def test_kill_9_during_import_leaves_a_whole_library_that_resumes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, library = tmp_path / "articles", tmp_path / "library"
    _write_articles(source)
    rng = random.Random(20261121)
    targets = sorted(rng.sample(range(20, FILES - 50), KILLS))
    log = []
    for target in targets:
        process = _import(library, source)
        started = time.monotonic()
        while _held(library / DB_NAME) < target and process.poll() is None:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.05))  # land anywhere inside the next article's work
        assert process.poll() is None, "the import ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        held, indexed = _check_whole(library)
        log.append(f"kill at ~{target}: {held} whole articles, {indexed} indexed")
        assert held >= target
        assert time.monotonic() - started < 600
    with Library(library) as lib:  # open repairs the index
        before = lib.article_count()
        assert lib.search("Portugal", limit=1).total == before
    process = _import(library, source, subprocess.PIPE)
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err.decode()
    assert out.decode().strip().endswith(f"imported {FILES - before}, skipped {before}, failed 0")
    held, indexed = _check_whole(library)
    assert held == indexed == FILES
    with capsys.disabled():
        print("\n" + "\n".join(log) + f"\nresumed: imported {FILES - before} more, {held} in all")

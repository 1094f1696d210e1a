"""Facts through the library: extracted at import, consolidated, never duplicated."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path

import pytest

from app.library import Library
from db.engine import alembic_config, make_engine
from tests.conftest import REPO

SCORER = REPO.parent / "shared" / "tools" / "score_facts.py"
GOLD = REPO.parent / "shared" / "facts" / "gold" / "seeds.json"


def _score(doc: dict) -> dict:
    if not SCORER.exists():
        pytest.skip("../shared/tools/score_facts.py is not beside the checkout")
    spec = importlib.util.spec_from_file_location("score_facts", SCORER)
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    articles = {a["id"] for a in gold["articles"]}
    out = {}
    for kind in scorer.TYPES:
        res = scorer.score_type(
            kind, list(doc.get(kind) or []), list(gold.get(kind) or []), articles
        )
        f = scorer.f1(res["tp"], res["fp"], res["fn"])[2]
        out[kind] = (f, res["evidence_hit"], res["evidence_all"])
    return out


def test_seed_import_scores_at_least_090_for_every_type(
    library: Library, seeds_dir: Path, tmp_path: Path
) -> None:
    library.import_paths([seeds_dir])
    scores = _score(library.export_document())
    low = {k: round(f, 3) for k, (f, _h, _a) in scores.items() if f < 0.90}
    assert not low, f"F1 below 0.90: {low}"
    hit = sum(h for _f, h, _a in scores.values())
    total = sum(a for _f, _h, a in scores.values())
    assert total and hit / total >= 0.90


def test_reimport_and_reextract_never_duplicate_facts(library: Library, seeds_dir: Path) -> None:
    library.import_paths([seeds_dir])
    first = library.export_document()
    counts = {k: len(v) for k, v in first.items() if isinstance(v, list)}
    library.import_paths([seeds_dir])
    assert {k: len(v) for k, v in library.export_document().items() if isinstance(v, list)} == (
        counts
    )
    library.reextract()
    again = library.export_document()
    assert {k: len(v) for k, v in again.items() if isinstance(v, list)} == counts


def test_one_visit_reported_by_three_articles_is_one_fact_with_three_sources(
    library: Library, seeds_dir: Path
) -> None:
    library.import_paths([seeds_dir])
    visits = [
        v
        for v in library.export_document()["visits"]
        if v.get("start") == "2022-05-10" and v.get("status") == "held"
    ]
    assert len(visits) == 1
    sources = {e["article"] for e in visits[0]["evidence"]}
    assert {"000_a787aec1cb4d6804.txt", "001_76c739ae50ea2fb1.txt"} <= sources


def test_evidence_spans_point_at_the_quoted_sentence(library: Library, seeds_dir: Path) -> None:
    library.import_paths([seeds_dir])
    texts = {a.file_name: a.text for a in library.articles()}
    facts = library.facts()
    assert facts
    for fact in facts:
        for ev in fact.evidence:
            assert texts[ev.article][ev.start : ev.end] == ev.quote


def test_article_without_date_line_gets_the_date_its_text_gives(
    library: Library, seeds_dir: Path
) -> None:
    library.import_paths([seeds_dir / "004_fa93dc6aeb8c9ce0.txt"])
    (article,) = library.articles()
    assert article.date is None
    assert article.date_inferred == "2022-10-13"


def test_deleting_nothing_but_the_index_keeps_every_fact(tmp_path: Path, seeds_dir: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        lib.import_paths([seeds_dir])
        before = lib.fact_count()
    with sqlite3.connect(tmp_path / "lib" / "library.sqlite") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with Library(tmp_path / "lib") as lib:
        assert lib.fact_count() == before > 0


def test_a_library_made_by_the_first_schema_is_upgraded(tmp_path: Path, seeds_dir: Path) -> None:
    from alembic import command

    folder = tmp_path / "old"
    folder.mkdir()
    engine = make_engine(folder / "library.sqlite")
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO articles (file_name, path, sha256, format, date, title, text, imported_at)"
            " VALUES ('old.txt', '/x/old.txt', 'abc', 'text', '2020-02-02', 'Old',"
            " 'An old article about envoys.', '2020-02-02 10:00:00')"
        )
    engine.dispose()
    with Library(folder) as lib:
        (article,) = lib.articles()
        assert article.title == "Old" and article.date_inferred is None
        assert lib.search("envoys").total == 1

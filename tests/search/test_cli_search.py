"""`attache search` and `attache reindex` as a person runs them (a real process)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.search.conftest import DATA


def attache(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("cli") / "lib")
    assert attache("--library", folder, "import", str(DATA)).returncode == 0
    return folder


def test_json_lists_articles_with_snippets(lib: str) -> None:
    rows = json.loads(attache("--library", lib, "search", "Vilnius", "--json").stdout)
    assert [r["id"] for r in rows] == ["poland_lithuania_2023.txt"]
    assert rows[0]["kind"] == "article" and "**Vilnius**" in rows[0]["snippet"]


def test_type_fact_lists_facts_with_their_ids(lib: str) -> None:
    out = attache("--library", lib, "search", "trade", "--type", "fact", "--json")
    rows = json.loads(out.stdout)
    assert rows and all(r["kind"] == "fact" and isinstance(r["fact_id"], int) for r in rows)
    assert "statistics" in {r["fact_type"] for r in rows}
    visits = json.loads(
        attache("--library", lib, "search", "Poland", "--type", "visit", "--json").stdout
    )
    assert visits and {r["fact_type"] for r in visits} == {"visits"}


def test_facets_in_json_and_in_text(lib: str) -> None:
    out = attache("--library", lib, "search", "Poland", "--type", "all", "--facets", "--json")
    doc = json.loads(out.stdout)
    assert set(doc["facets"]) == {"year", "country", "type", "source", "language"}
    assert doc["total"] >= len(doc["hits"]) > 0
    years = {f["value"]: f["count"] for f in doc["facets"]["year"]}
    assert years["2023"] >= 1
    text = attache("--library", lib, "search", "Poland", "--facets").stdout
    assert "country: " in text and "Poland (PL)" in text


def test_sort_by_date_and_pages(lib: str) -> None:
    rows = json.loads(
        attache(
            "--library", lib, "search", "ministers OR agreements", "--sort", "date", "--json"
        ).stdout
    )
    dates = [r["date"] for r in rows if r["date"]]
    assert len(dates) >= 2 and dates == sorted(dates, reverse=True)
    page2 = attache(
        "--library", lib, "search", "ministers OR agreements", "--limit", "1", "--page", "2"
    )
    assert "page 2 of" in page2.stdout


def test_misspelt_word_gets_a_suggestion(lib: str) -> None:
    out = attache("--library", lib, "search", "Vilnuis")
    assert "did you mean: vilnius" in out.stdout.lower()


def test_reindex_and_a_deleted_index_lose_nothing(lib: str) -> None:
    before = json.loads(attache("--library", lib, "search", "agreements", "--json").stdout)
    out = attache("--library", lib, "reindex")
    assert out.returncode == 0 and "reindexed 4 article(s)" in out.stdout
    shutil.rmtree(Path(lib) / "index")
    after = json.loads(attache("--library", lib, "search", "agreements", "--json").stdout)
    assert [r["id"] for r in after] == [r["id"] for r in before]

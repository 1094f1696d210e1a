"""``attache export`` in every format, narrowed by type, ids, query or the selection."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.library import Library
from tests.app.test_cli import attache


@pytest.fixture
def seeded(tmp_path: Path, seeds_dir: Path) -> str:
    lib = str(tmp_path / "lib")
    assert attache("--library", lib, "import", str(seeds_dir)).returncode == 0
    return lib


def test_pdf_of_statistics_holds_values_citations_and_sources(seeded: str, tmp_path: Path) -> None:
    out = tmp_path / "stats.pdf"
    result = attache(
        "--library",
        seeded,
        "export",
        "--format",
        "pdf",
        "-o",
        str(out),
        "--type",
        "statistic",
        "--title",
        "Trade <b>brief</b> & İzmir",
        "--page-size",
        "Letter",
    )
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Trade <b>brief</b> & İzmir" in text
    assert "863,000" in text and "3,538" in text
    assert "[1]" in text and "002_a37c1cf257e965da.txt" in text
    assert "Visits" not in text.split("Sources")[0]
    assert round(float(reader.pages[0].mediabox.width)) == 612  # Letter


def test_csv_and_markdown_and_json_by_ids(seeded: str, tmp_path: Path) -> None:
    full = tmp_path / "all.json"
    attache("--library", seeded, "export", "-o", str(full))
    doc = json.loads(full.read_text(encoding="utf-8"))
    visit_ids = [v["id"] for v in doc["visits"]][:2]
    ids = ",".join(map(str, reversed(visit_ids)))

    part = tmp_path / "part.json"
    assert attache("--library", seeded, "export", "-o", str(part), "--ids", ids).returncode == 0
    narrowed = json.loads(part.read_text(encoding="utf-8"))
    assert [v["id"] for v in narrowed["visits"]] == list(reversed(visit_ids))
    assert sum(len(narrowed[k]) for k in ("agreements", "statistics", "events")) == 0

    table = tmp_path / "part.csv"
    attache("--library", seeded, "export", "--format", "csv", "-o", str(table), "--ids", ids)
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [r["type"] for r in rows] == ["visit", "visit"]
    assert any("Erdoğan" in " ".join(r.values()) for r in rows)

    notes = tmp_path / "part.md"
    attache("--library", seeded, "export", "--format", "markdown", "-o", str(notes), "--ids", ids)
    assert "[^1]" in notes.read_text(encoding="utf-8")


def test_query_narrows_to_facts_cited_by_matching_articles(seeded: str, tmp_path: Path) -> None:
    out = tmp_path / "q.json"
    assert (
        attache("--library", seeded, "export", "-o", str(out), "--query", "Kazinform").returncode
        == 0
    )
    doc = json.loads(out.read_text(encoding="utf-8"))
    facts = [
        f for k in ("visits", "agreements", "statistics", "events", "missions") for f in doc[k]
    ]
    assert facts
    assert all(
        any(e["article"] == "003_a7d8676af09bac45.txt" for e in f["evidence"]) for f in facts
    )


def test_selection_export_follows_the_windows_selection(seeded: str, tmp_path: Path) -> None:
    out = tmp_path / "sel.pdf"
    empty = attache("--library", seeded, "export", "--format", "pdf", "-o", str(out), "--selection")
    assert empty.returncode == 1 and "the selection is empty" in empty.stderr
    assert not out.exists()
    with Library(Path(seeded)) as lib:
        visit = lib.facts(["visits"])[0]
        lib.select_facts([visit.id])
    done = attache("--library", seeded, "export", "--format", "pdf", "-o", str(out), "--selection")
    assert done.returncode == 0, done.stderr
    assert "1 fact(s)" in done.stdout


def test_bad_export_options_are_usage_errors(seeded: str, tmp_path: Path) -> None:
    out = str(tmp_path / "x.pdf")
    bad_type = attache("--library", seeded, "export", "-o", out, "--type", "rumours")
    assert bad_type.returncode == 2 and "unknown fact type 'rumours'" in bad_type.stderr
    bad_ids = attache("--library", seeded, "export", "-o", out, "--ids", "one,two")
    assert bad_ids.returncode == 2
    assert attache("--library", seeded, "export", "-o", out, "--format", "docx").returncode == 2

"""CSV, Markdown and JSON exports read back."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from app.export import ExportOptions, export_document
from app.export.markdown import escape_block, escape_inline


def test_csv_rows_bom_and_columns(tmp_path: Path, seeds: dict, options: ExportOptions) -> None:
    path = export_document(seeds, tmp_path / "facts.csv", "csv", options)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header = list(rows[0])
    assert header[0] == "type"
    assert header[-4:] == ["citations", "sources", "source_citations", "source_urls"]
    assert "evidence" not in header
    for field in ("visitor", "host", "title", "metric", "value", "description", "aliases"):
        assert field in header
    counts = {t: sum(r["type"] == t for r in rows) for t in {r["type"] for r in rows}}
    assert counts == {
        "visit": 4,
        "agreement": 6,
        "statistic": 16,
        "event": 13,
        "mission": 17,
        "entity": 40,
    }
    first_visit = rows[0]
    assert first_visit["host"] == "Recep Tayyip Erdoğan"
    assert first_visit["citations"] == "1; 2; 3"
    assert first_visit["sources"] == (
        "000_a787aec1cb4d6804.txt; 001_76c739ae50ea2fb1.txt; 003_a7d8676af09bac45.txt"
    )
    batch = next(r for r in rows if r["count"] == "12")
    assert batch["areas"].startswith("transportation; defense industry; military intelligence")
    investment = next(r for r in rows if r["metric"] == "investment")
    assert investment["value"] == "5200000000"
    assert investment["countries"] == "KZ; TR"
    tl = next(r for r in rows if r["metric"] == "trade_volume" and r["period"] == "2024")
    assert tl["equivalents"] == "202860000000 TRY"
    izmir = next(r for r in rows if r["name"] == "Izmir")
    assert izmir["aliases"] == "İzmir"
    assert izmir["citations"] == "" and izmir["sources"] == ""


def test_csv_user_text_is_not_a_formula(tmp_path: Path, empty_doc: dict) -> None:
    empty_doc["agreements"] = [
        {"title": '=HYPERLINK("http://x")', "count": -3, "areas": ["@sum", "trade"]}
    ]
    path = export_document(empty_doc, tmp_path / "f.csv", "csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0]["title"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["count"] == "-3"
    assert rows[0]["areas"] == "'@sum; trade"


def test_markdown_sections_tables_and_footnotes(
    tmp_path: Path, seeds: dict, options: ExportOptions, unicode_title: str
) -> None:
    path = export_document(seeds, tmp_path / "briefing.md", "markdown", options)
    md = path.read_text(encoding="utf-8")
    assert md.startswith("# Kazakhstan–Türkiye ")
    assert unicode_title in md
    assert "*Generated 2026-11-21 20:00 UTC*" in md
    for heading in ("Visits (4)", "Agreements (6)", "Statistics (16)", "Events (13)"):
        assert f"## {heading}" in md
    assert "## Diplomatic missions (17)" in md
    assert "## People \\& organisations (40)" in md
    assert "| Date | Visitor → host | Place | Kind | Status | Sources |" in md
    assert "[^1] [^2] [^3] |" in md
    assert "5.2 billion" in md and "863,000 people" in md
    for n in range(1, 6):
        assert re.search(rf"^\[\^{n}\]: .+`0\d\d_[0-9a-f]+\.txt`", md, re.MULTILINE)
    footnote = next(line for line in md.splitlines() if line.startswith("[^1]: "))
    assert "2022-05-10" in footnote and "`000_a787aec1cb4d6804.txt`" in footnote
    assert "Президент" in footnote and "“Қош келдіңіз”" in footnote


def test_markdown_keeps_markup_literal(tmp_path: Path, seeds: dict, options: ExportOptions) -> None:
    path = export_document(seeds, tmp_path / "briefing.md", "markdown", options)
    md = path.read_text(encoding="utf-8")
    assert "<b>" in md  # present, escaped so renderers show it as text
    assert "<b>bold" not in md.replace("\\<b>bold", "")
    assert "<img src=x>" not in md.replace("\\<img src=x>", "")
    assert "\\[link\\](x)" in md
    assert "[link](x)" not in md
    # Pipes in user text are escaped, so every table row has as many cells as its header.
    for block in re.findall(r"(?:^\|.*\|$\n?)+", md, re.MULTILINE):
        lines = block.strip().splitlines()
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in lines}
        assert len(widths) == 1, lines[0]


def test_markdown_escape_inline() -> None:
    assert escape_inline("a|b") == "a\\|b"
    assert escape_inline("<img src=x>") == "\\<img src=x>"
    assert escape_block("- item") == "\\- item"
    assert escape_block("# title") == "\\# title"
    assert escape_inline("[link](x)") == "\\[link\\](x)"
    assert escape_inline("*x* _y_ `z`") == "\\*x\\* \\_y\\_ \\`z\\`"
    assert escape_inline("line\nbreak") == "line break"


def test_json_is_the_document(tmp_path: Path, seeds: dict) -> None:
    path = export_document(seeds, tmp_path / "facts.json", "json")
    raw = path.read_text(encoding="utf-8")
    assert json.loads(raw) == seeds
    assert "Erdoğan" in raw and "Қазақстан" in raw  # not \\u escapes
    assert raw.startswith('{\n  "format": "bilateral-facts/1",')


def test_markdown_and_csv_show_conflicts(tmp_path: Path, empty_doc: dict) -> None:
    empty_doc["visits"] = [
        {
            "visitor": "Kassym-Jomart Tokayev",
            "start": "2022-05-10",
            "kind": "official",
            "conflicts": {
                "kind": [
                    {"value": "official", "articles": ["a.txt"]},
                    {"value": "state", "articles": ["b.txt"]},
                ]
            },
            "evidence": [{"article": "a.txt"}, {"article": "b.txt"}],
        }
    ]
    md = export_document(empty_doc, tmp_path / "c.md", "markdown").read_text(encoding="utf-8")
    assert "Conflicting reports: kind: official \\[1\\] vs state \\[2\\]" in md
    path = export_document(empty_doc, tmp_path / "c.csv", "csv")
    row = next(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert json.loads(row["conflicts"])["kind"][1] == {"value": "state", "articles": ["b.txt"]}
    assert row["citations"] == "1; 2"
    assert row["sources"] == "a.txt; b.txt"

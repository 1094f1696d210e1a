"""PDF export read back with pypdf: values, citations, sources, scripts, markup, pages."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.export import ExportError, ExportOptions, export_document
from app.export.common import Citations, fact_count, numbered_facts
from app.export.fonts import REQUIRED_CHARS, find_font, markup
from app.export.pdf import cite_marks, fit_widths


def read_pdf(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


@pytest.fixture(scope="module")
def briefing(
    tmp_path_factory: pytest.TempPathFactory, seeds_ro: dict, briefing_options: ExportOptions
) -> tuple[PdfReader, str]:
    path = tmp_path_factory.mktemp("pdf") / "briefing.pdf"
    assert export_document(seeds_ro, path, "pdf", briefing_options) == path
    return read_pdf(path)


def test_pdf_has_title_date_and_sections(briefing: tuple[PdfReader, str]) -> None:
    _, text = briefing
    assert "Generated 2026-11-21 20:00 UTC" in text
    for heading in (
        "Visits",
        "Agreements",
        "Statistics",
        "Events",
        "Diplomatic missions",
        "People & organisations",
        "Sources",
    ):
        assert heading in text


def test_pdf_shows_selected_values(briefing: tuple[PdfReader, str]) -> None:
    _, text = briefing
    for value in (
        "5.2 billion",
        "863,000 people",
        "> $1.9 billion",
        "target $10 billion",
        "3,538 companies",
        "more than 12",
        "TR → KZ",
        "Kassym-Jomart Tokayev (KZ) → Recep Tayyip Erdoğan (TR)",
        "Joint declaration on enhanced strategic partnership",
        "Consulate general",
        "High-Level Strategic Cooperation Council",
        "Trade volume",
    ):
        assert value in text, value


def test_pdf_citations_point_to_sources(briefing: tuple[PdfReader, str], seeds_ro: dict) -> None:
    _, text = briefing
    citations = Citations(seeds_ro)
    list(numbered_facts(seeds_ro, citations))
    assert len(citations.sources) == len(seeds_ro["articles"])
    sources_part = text[text.rindex("Sources") :]
    for src in citations.sources:
        assert f"[{src.number}]" in text
        assert src.article_id in sources_part
        assert src.date in sources_part
    # A fact cited by several articles lists all its numbers, in order.
    assert "[1][2][3]" in text
    assert "Reported events fact 1 in 000." in sources_part


def test_pdf_prints_turkish_and_cyrillic(
    briefing: tuple[PdfReader, str], unicode_title: str
) -> None:
    _, text = briefing
    assert unicode_title in text  # subtitle, article title and a quote
    assert "Қазақстан" in text
    assert "Türkiye İzmir ğ ş ı" in text
    assert "“Қош келдіңіз”" in text
    assert "Erdoğan" in text


def test_pdf_keeps_markup_literal(briefing: tuple[PdfReader, str], hostile: str) -> None:
    _, text = briefing
    assert f"Kazakhstan–Türkiye {hostile}" in text  # the title
    assert "<img src=x>" in text
    assert "<b>bold</b>" in text
    assert f"The report said {hostile}." in text  # a quote


def test_pdf_page_numbers(briefing: tuple[PdfReader, str]) -> None:
    reader, _ = briefing
    total = len(reader.pages)
    assert total >= 2
    for i, page in enumerate(reader.pages, start=1):
        assert f"Page {i} of {total}" in page.extract_text()


@pytest.mark.parametrize(("size", "expected"), [("A4", (595.3, 841.9)), ("Letter", (612, 792))])
def test_pdf_page_size(
    tmp_path: Path, size: str, expected: tuple[float, float], empty_doc: dict
) -> None:
    doc = empty_doc
    doc["missions"] = [{"country": "TR", "host_country": "KZ", "city": "Almaty"}]
    path = export_document(doc, tmp_path / "m.pdf", "pdf", ExportOptions(page_size=size))
    box = PdfReader(path).pages[0].mediabox
    assert float(box.width) == pytest.approx(expected[0], abs=0.5)
    assert float(box.height) == pytest.approx(expected[1], abs=0.5)


def test_pdf_unknown_page_size_is_an_error(tmp_path: Path, seeds: dict) -> None:
    path = tmp_path / "x.pdf"
    with pytest.raises(ExportError, match=r"x\.pdf.*page size 'A5'"):
        export_document(seeds, path, "pdf", ExportOptions(page_size="A5"))
    assert list(tmp_path.iterdir()) == []


def test_pdf_chart_for_metric_with_several_periods(
    tmp_path: Path, empty_doc: dict, options: ExportOptions
) -> None:
    doc = empty_doc
    ev = [{"article": "a.txt", "quote": "Trade grew."}]

    def stat(value: float, qualifier: str, period: str) -> dict:
        return {
            "metric": "trade_volume",
            "value": value,
            "unit": "USD",
            "qualifier": qualifier,
            "period": period,
            "countries": ["KZ", "TR"],
            "evidence": ev,
        }

    doc["statistics"] = [
        stat(4.1e9, "actual", "2022"),
        stat(5.0e9, "actual", "2024"),
        stat(10e9, "target", "2030"),
        stat(3e9, "actual", None),  # no period: in the table, not in the chart
    ]
    path = export_document(doc, tmp_path / "chart.pdf", "pdf", options)
    _, text = read_pdf(path)
    assert "Trade volume by period (USD billion)" in text
    assert "KZ – TR KZ – TR target" in text  # the legend: the pair, and its targets
    assert "$4.1 billion" in text and "$10 billion" in text
    assert "1 figure without a period is not plotted" in text


def test_pdf_no_chart_for_single_period(
    tmp_path: Path, empty_doc: dict, options: ExportOptions
) -> None:
    doc = empty_doc
    doc["statistics"] = [
        {"metric": "tourists", "value": 863000, "unit": "people", "period": "2024"},
        {"metric": "tourists", "value": 130000, "unit": "people", "period": "2024"},
    ]
    path = export_document(doc, tmp_path / "nochart.pdf", "pdf", options)
    _, text = read_pdf(path)
    assert "by period" not in text
    assert "863,000 people" in text and "130,000 people" in text


def test_pdf_long_table_repeats_header(
    tmp_path: Path, empty_doc: dict, options: ExportOptions
) -> None:
    doc = empty_doc
    long_text = "A very long description that has to wrap inside its cell " * 4
    doc["events"] = [
        {"date": f"20{i:02d}", "kind": "policy", "description": f"{i}: {long_text}"}
        for i in range(40)
    ]
    path = export_document(doc, tmp_path / "long.pdf", "pdf", options)
    reader, _ = read_pdf(path)
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert re.search(r"Date\s*Kind\s*Description\s*Countries", page.extract_text())


def test_markup_escapes_user_text() -> None:
    assert "&lt;img src=x&gt;" in markup("<img src=x>")
    assert markup("a & b") == "a &amp; b"
    out = markup("KZ → TR")
    assert "KZ" in out and "TR" in out and "→" in out


def test_find_font_prefers_app_resources(tmp_path: Path) -> None:
    system = find_font()
    fonts = tmp_path / "resources" / "fonts"
    fonts.mkdir(parents=True)
    shutil.copy(system.regular, fonts / "DejaVuSans.ttf")
    found = find_font([fonts, *[system.regular.parent]])
    assert found.regular == fonts / "DejaVuSans.ttf"


def test_find_font_without_font_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"not a font")
    with pytest.raises(ExportError, match="no font with Turkish, Cyrillic and Greek letters"):
        find_font([tmp_path, tmp_path / "missing"])


def test_found_font_covers_required_letters() -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    face = TTFont("probe", str(find_font().regular)).face
    assert all(ord(c) in face.charToGlyph for c in REQUIRED_CHARS)


def test_seeds_fixture_is_a_full_selection(seeds_ro: dict) -> None:
    assert fact_count(seeds_ro) == 96
    assert dataclasses.asdict(ExportOptions())["page_size"] == "A4"


def test_fit_widths_keeps_words_whole() -> None:
    widths = fit_widths([0.1, 0.6, 0.3], [60, 20, 20], 400)
    assert sum(widths) == pytest.approx(400)
    assert widths[0] == pytest.approx(60)
    assert widths[1] > widths[2] > 20
    # Impossible minimums: all columns shrink together, the total still fits.
    assert sum(fit_widths([0.5, 0.5], [300, 300], 400)) == pytest.approx(400)


def test_cite_marks_wrap_every_four() -> None:
    assert cite_marks([1, 2, 3]) == "[1][2][3]"
    assert cite_marks([1, 2, 3, 4, 5, 6]) == "[1][2][3][4] [5][6]"


def test_pdf_embeds_its_truetype_font(briefing: tuple[PdfReader, str]) -> None:
    reader, _ = briefing
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = [
        f.get_object()
        for f in fonts.values()
        if f.get_object().get("/Subtype") == "/TrueType"
        and "/FontFile2" in f.get_object()["/FontDescriptor"]
    ]
    assert embedded, "the TrueType font must be embedded"


def test_pdf_chart_with_many_periods_and_conflicts(
    tmp_path: Path, empty_doc: dict, options: ExportOptions
) -> None:
    doc = empty_doc
    doc["statistics"] = [
        {
            "id": year,
            "metric": "tourists",
            "value": 100000 + 5000 * (year - 2010),
            "unit": "people",
            "qualifier": "target" if year > 2024 else "actual",
            "period": str(year),
            "from_country": "KZ",
            "to_country": "TR",
            "evidence": [{"article": "a.txt", "quote": f"Tourists in {year}."}],
        }
        for year in range(2010, 2031)
    ]
    # The consolidator's form: each alternative value with the articles that gave it.
    doc["statistics"][0]["conflicts"] = {
        "value": [
            {"value": 100000, "articles": ["a.txt"]},
            {"value": 98000, "articles": ["b.txt"]},
        ]
    }
    doc["statistics"][0]["evidence"].append({"article": "b.txt", "quote": "98,000 came."})
    path = export_document(doc, tmp_path / "many.pdf", "pdf", options)
    _, text = read_pdf(path)
    assert "Tourists by period (people) KZ -> TR KZ -> TR target" in text  # no → in the font
    assert "Conflicting reports: value: 100,000 [1] vs 98,000 [2]" in text
    assert "target 200,000 people" in text

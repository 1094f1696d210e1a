"""The briefing as HTML (what File › Print selection lays out): every text escaped, only
http(s) addresses linked, sources numbered as the other exports number them."""

from __future__ import annotations

from app.export.common import ExportOptions
from app.export.html_briefing import render_html


def _doc(url: str) -> dict:
    return {
        "articles": [
            {"id": "a.txt", "title": "Talks <b>in</b> Yerevan", "date": "2023-04-05", "url": url}
        ],
        "agreements": [
            {
                "title": "Agreement on <script>wool</script>",
                "kind": "agreement",
                "date": "2023-04-05",
                "parties": ["AM", "MN"],
                "status": "signed",
                "evidence": [{"article": "a.txt", "quote": "They signed it & left."}],
            }
        ],
    }


def test_text_is_escaped_and_sources_are_numbered() -> None:
    html = render_html(_doc("https://steppe.example/a?x=1&y=2"), ExportOptions(title="A & B"))
    assert "<script>" not in html and "&lt;script&gt;wool&lt;/script&gt;" in html
    assert "<h1>A &amp; B</h1>" in html
    assert "[1]" in html and "<li value='1'>" in html
    assert "They signed it &amp; left." in html
    assert "<a href='https://steppe.example/a?x=1&amp;y=2'>" in html


def test_an_address_of_another_scheme_is_never_a_link() -> None:
    html = render_html(_doc("javascript:alert(1)"), ExportOptions())
    assert "<a " not in html

"""The briefing as simple HTML: the same tables, notes and numbered sources as the PDF
and Markdown exports, for Qt's text document to lay out and print (*File › Print
selection…*). Every piece of text is escaped; only http(s) and file addresses become
links (``safe_url``)."""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any

from app import citation
from app.export.common import (
    SOURCES_HEADING,
    Citations,
    ExportOptions,
    Source,
    fact_tables,
    format_generated,
    one_line,
)

_TABLE = "border='1' cellspacing='0' cellpadding='3' width='100%'"


def _source_html(src: Source) -> str:
    """The article's citation (its address a link), then its quotes."""
    parts = [escape(p) for p in citation.parts(replace(src.cited, url=None), False)]
    if src.url:
        url = escape(src.url, quote=True)
        parts.append(f"<a href='{url}'>{escape(src.url)}</a>")
    parts.append(escape(src.article_id))
    quotes = "".join(f" “{escape(one_line(q))}”" for q in src.quotes)
    return f"<li value='{src.number}'>{', '.join(parts)}{quotes}</li>"


def render_html(doc: dict[str, Any], options: ExportOptions) -> str:
    """The whole briefing as one HTML document."""
    citations = Citations(doc)
    out = [f"<h1>{escape(one_line(options.title) or 'Attaché briefing')}</h1>"]
    if one_line(options.subtitle):
        out.append(f"<p>{escape(one_line(options.subtitle))}</p>")
    out.append(f"<p><i>Generated {escape(format_generated(options.generated))}</i></p>")
    for table in fact_tables(doc, citations):
        out.append(f"<h2>{escape(table.heading)} ({len(table.rows)})</h2><table {_TABLE}><tr>")
        out.extend(f"<th align='left'>{escape(h)}</th>" for h in table.headings)
        out.append("</tr>")
        for values, notes, numbers in zip(table.rows, table.notes, table.sources, strict=True):
            cells = [escape(one_line(v)) for v in values]
            cells[table.notes_col] += "".join(
                f"<br><small>{escape(one_line(n))}</small>" for n in notes
            )
            if table.cited:
                cells.append(escape(" ".join(f"[{n}]" for n in numbers)))
            out.append("<tr>" + "".join(f"<td valign='top'>{c}</td>" for c in cells) + "</tr>")
        out.append("</table>")
    if citations.sources:
        out.append(f"<h2>{escape(SOURCES_HEADING)}</h2><ol>")
        out.extend(_source_html(s) for s in citations.sources)
        out.append("</ol>")
    return "".join(out)

"""The briefing as simple HTML: the same tables, notes and numbered sources as the PDF
and Markdown exports, for Qt's text document to lay out and print (*File › Print
selection…*). Every piece of text is escaped; only http(s) and file addresses become
links (``safe_url``)."""

from __future__ import annotations

from html import escape
from typing import Any

from app.export.common import (
    FACT_TYPES,
    NOTES_COLUMN,
    SOURCES_HEADING,
    TABLE_COLUMNS,
    Citations,
    ExportOptions,
    Source,
    fact_notes,
    format_generated,
    one_line,
    ordered_facts,
    source_label,
)

_TABLE = "border='1' cellspacing='0' cellpadding='3' width='100%'"


def _source_html(src: Source) -> str:
    label = escape(source_label(src))
    if src.url:
        url = escape(src.url, quote=True)
        label = label.replace(escape(src.url), f"<a href='{url}'>{escape(src.url)}</a>", 1)
    quotes = "".join(f" “{escape(one_line(q))}”" for q in src.quotes)
    return f"<li value='{src.number}'>{label}{quotes}</li>"


def render_html(doc: dict[str, Any], options: ExportOptions) -> str:
    """The whole briefing as one HTML document."""
    citations = Citations(doc)
    out = [f"<h1>{escape(one_line(options.title) or 'Attaché briefing')}</h1>"]
    if one_line(options.subtitle):
        out.append(f"<p>{escape(one_line(options.subtitle))}</p>")
    out.append(f"<p><i>Generated {escape(format_generated(options.generated))}</i></p>")
    for key, _type_name, heading in FACT_TYPES:
        facts = ordered_facts(doc, key)
        if not facts:
            continue
        columns = TABLE_COLUMNS[key]
        numbers = [citations.cite(f) for f in facts]
        headings = [c.heading for c in columns] + ([SOURCES_HEADING] if any(numbers) else [])
        out.append(f"<h2>{escape(heading)} ({len(facts)})</h2><table {_TABLE}><tr>")
        out.extend(f"<th align='left'>{escape(h)}</th>" for h in headings)
        out.append("</tr>")
        notes_col = NOTES_COLUMN.get(key, 0)
        for fact, nums in zip(facts, numbers, strict=True):
            out.append("<tr>")
            for i, col in enumerate(columns):
                cell = escape(one_line(col.value(fact)))
                if i == notes_col:
                    notes = fact_notes(key, fact, citations.mark)
                    cell += "".join(f"<br><small>{escape(one_line(n))}</small>" for n in notes)
                out.append(f"<td valign='top'>{cell}</td>")
            if any(numbers):
                out.append(f"<td valign='top'>{escape(' '.join(f'[{n}]' for n in nums))}</td>")
            out.append("</tr>")
        out.append("</table>")
    if citations.sources:
        out.append(f"<h2>{escape(SOURCES_HEADING)}</h2><ol>")
        out.extend(_source_html(s) for s in citations.sources)
        out.append("</ol>")
    return "".join(out)

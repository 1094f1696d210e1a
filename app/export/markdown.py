"""Markdown: the same content as the PDF, citations as footnotes ``[^1]``."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import IO, Any

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

# Characters that could start Markdown or HTML markup inside a line. Backslash escapes
# keep them literal in CommonMark / GitHub Flavored Markdown renderers; an escaped "<"
# opens no HTML tag, so "<b>" is written as "\<b>" and shown as "<b>".
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<|&~])")
# Line starts that would open a heading, list, quote or setext underline.
_BLOCK_START = re.compile(r"^(\s*)([-+=>#]|\d+[.)])")


def escape_inline(value: str) -> str:
    """User text for a Markdown line or table cell: no markup, no HTML, no pipes."""
    return _INLINE_SPECIAL.sub(r"\\\1", one_line(value))


def escape_block(value: str) -> str:
    """Like escape_inline, and a line start that would open a list or quote is escaped."""
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escape_inline(value))


def code_span(value: str) -> str:
    """A file name as inline code, fenced with more backticks than it contains."""
    s = one_line(value)
    longest = max((len(r) for r in re.findall(r"`+", s)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def footnote_text(src: Source) -> str:
    """The article's citation (outlet, author, “title”, date, address as a link, the
    file name as code), then its quotes."""
    parts = [escape_inline(p) for p in citation.parts(replace(src.cited, url=None), False)]
    if src.url:
        parts.append(autolink(src.url))
    parts.append(code_span(src.article_id))
    out = ", ".join(parts)
    if src.quotes:
        out += ": " + " ".join(f"“{escape_inline(q)}”" for q in src.quotes)
    return out


def autolink(url: str) -> str:
    """``<https://…>``: an address as a CommonMark autolink (which ends at ``<``, ``>``
    or a space, so those are percent-encoded)."""
    clean = one_line(url).replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"<{clean}>"


def render_markdown(doc: dict[str, Any], options: ExportOptions) -> str:
    citations = Citations(doc)
    lines = [f"# {escape_inline(options.title) or 'Attaché briefing'}", ""]
    if one_line(options.subtitle):
        lines += [escape_block(options.subtitle), ""]
    lines += [f"*Generated {escape_inline(format_generated(options.generated))}*", ""]

    for table in fact_tables(doc, citations):
        lines += [f"## {escape_inline(table.heading)} ({len(table.rows)})", ""]
        lines.append("| " + " | ".join(escape_inline(h) for h in table.headings) + " |")
        lines.append("|" + "|".join(" --- " for _ in table.headings) + "|")
        for values, notes, numbers in zip(table.rows, table.notes, table.sources, strict=True):
            cells = [escape_inline(v) for v in values]
            if notes:
                cells[table.notes_col] = "<br>".join(
                    [cells[table.notes_col], *(escape_inline(n) for n in notes)]
                )
            if table.cited:
                cells.append(" ".join(f"[^{n}]" for n in numbers))
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")

    sources = citations.sources
    if sources:
        lines += [f"## {SOURCES_HEADING}", ""]
        for s in sources:  # a blank line between definitions keeps each one separate
            lines += [f"[^{s.number}]: {footnote_text(s)}", ""]
    return "\n".join(lines)


def write_markdown(doc: dict[str, Any], fh: IO[bytes], options: ExportOptions) -> None:
    fh.write(render_markdown(doc, options).encode("utf-8"))

"""PDF briefing: facts in tables per type, citations, charts and a Sources section."""

from __future__ import annotations

from dataclasses import replace
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app import chart, citation
from app.export.common import (
    FACT_TYPES,
    NOTES_COLUMN,
    SOURCES_HEADING,
    TABLE_COLUMNS,
    Citations,
    ExportError,
    ExportOptions,
    Source,
    fact_notes,
    facts_of,
    format_generated,
    one_line,
    ordered_facts,
    source_label,
    sources_column_width,
    text,
)
from app.export.fonts import has_real_bold, markup, plain_text, register_fonts

PAGE_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": letter}

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#24486b")
RULE = colors.HexColor("#c9d1da")
ZEBRA = colors.HexColor("#f2f5f8")


def page_size(name: str) -> tuple[float, float]:
    size = PAGE_SIZES.get((name or "A4").strip().lower())
    if size is None:
        raise ValueError(f"unknown page size {name!r} (use A4 or Letter)")
    return size


class _FauxBold(Paragraph):  # type: ignore[misc]  # untyped reportlab base
    """A paragraph whose glyphs are filled and stroked: bold from a regular-only font."""

    def beginText(self, x: float, y: float) -> Any:  # reportlab hook
        tx = super().beginText(x, y)
        tx.setTextRenderMode(2)  # fill, then stroke
        return tx

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(self.style.textColor)
        canv.setLineWidth(self.style.fontSize * 0.035)
        super().draw()
        canv.restoreState()


class _Styles:
    def __init__(self) -> None:
        regular, bold = register_fonts()
        self._bold_paragraph = Paragraph if has_real_bold() else _FauxBold
        base = {"fontName": regular, "textColor": INK, "alignment": TA_LEFT}
        self.title = ParagraphStyle("title", **base, fontSize=20, leading=25, spaceAfter=4)
        self.title.fontName = bold
        self.title.textColor = ACCENT
        self.subtitle = ParagraphStyle("subtitle", **base, fontSize=12, leading=15, spaceAfter=4)
        self.meta = ParagraphStyle("meta", **base, fontSize=9, leading=12, spaceAfter=2)
        self.meta.textColor = MUTED
        self.h1 = ParagraphStyle("h1", **base, fontSize=14, leading=18, spaceBefore=10)
        self.h1.fontName = bold
        self.h1.textColor = ACCENT
        self.h1.spaceAfter = 5
        self.h2 = ParagraphStyle("h2", **base, fontSize=10, leading=13, spaceBefore=6)
        self.h2.fontName = bold
        self.h2.spaceAfter = 2
        self.cell = ParagraphStyle("cell", **base, fontSize=8, leading=10)
        self.note = ParagraphStyle("note", **base, fontSize=7, leading=9)
        self.note.textColor = MUTED
        self.head = ParagraphStyle("head", **base, fontSize=8, leading=10)
        self.head.fontName = bold
        self.head.textColor = colors.white
        self.source = ParagraphStyle("source", **base, fontSize=9, leading=12, spaceBefore=5)
        self.source.leftIndent = 18
        self.source.firstLineIndent = -18
        self.quote = ParagraphStyle("quote", **base, fontSize=8, leading=11, leftIndent=18)
        self.quote.textColor = MUTED
        self.regular = regular
        self.bold = bold

    def strong(self, markup_text: str, style: ParagraphStyle) -> Paragraph:
        """A paragraph in bold (real or faux): titles, headings, table headers."""
        return self._bold_paragraph(markup_text, style)


def write_pdf(doc: dict[str, Any], fh: IO[bytes], options: ExportOptions) -> None:
    try:
        size = page_size(options.page_size)
    except ValueError as exc:
        raise ExportError(str(exc)) from exc
    st = _Styles()
    margin = 18 * mm
    template = SimpleDocTemplate(
        fh,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=one_line(options.title),
        subject=one_line(options.subtitle),
        author=options.author or "Attaché",
        creator="Attaché",
    )
    width = template.width
    citations = Citations(doc)
    story: list[Any] = [st.strong(markup(one_line(options.title) or "Attaché briefing"), st.title)]
    if text(options.subtitle).strip():
        story.append(Paragraph(markup(one_line(options.subtitle)), st.subtitle))
    total = sum(len(facts_of(doc, key)) for key, _, _ in FACT_TYPES)
    story.append(Paragraph(markup(f"Generated {format_generated(options.generated)}"), st.meta))
    story.append(Paragraph(markup(_summary(doc, total)), st.meta))
    unchecked = sum(1 for key, _, _ in FACT_TYPES for f in facts_of(doc, key) if _unreviewed(f))
    if unchecked:
        story.append(Paragraph(markup(UNREVIEWED_NOTE.format(n=unchecked)), st.meta))
    story.append(Spacer(1, 4))

    for key, _type_name, heading in FACT_TYPES:
        facts = ordered_facts(doc, key)
        if not facts:
            continue
        story.append(CondPageBreak(60))
        story.append(st.strong(markup(f"{heading} ({len(facts)})"), st.h1))
        story.append(_fact_table(key, facts, citations, st, width))
        if key == "statistics":
            story.extend(_charts(facts, st, width))

    sources = citations.sources
    if sources:
        story.append(CondPageBreak(80))
        story.append(st.strong(markup(SOURCES_HEADING), st.h1))
        for src in sources:
            block = [Paragraph(f"[{src.number}]&nbsp;&nbsp;" + _source_markup(src), st.source)]
            block.extend(Paragraph(markup(f"“{one_line(q)}”"), st.quote) for q in src.quotes)
            # The article line never stands alone at the foot of a page.
            story.append(KeepTogether(block[:3]))
            story.extend(block[3:])

    footer = plain_text(one_line(options.title))
    template.build(story, canvasmaker=_numbered_canvas(footer, st.regular))


def _source_markup(src: Source) -> str:
    """The article's citation (``source_label``), its address a link the reader can
    click (shown in full, so it can be typed from a printed page)."""
    if not src.url:
        return markup(source_label(src))
    parts = [markup(p) for p in citation.parts(replace(src.cited, url=None))]
    link = f'<a href="{escape(src.url, {chr(34): "&quot;"})}" color="#1a4fa0">{markup(src.url)}</a>'
    parts.insert(len(parts) - 1 if src.article_id else len(parts), link)
    return ", ".join(parts)


UNREVIEWED_MARK = "†"
UNREVIEWED_NOTE = (
    UNREVIEWED_MARK + " {n} fact(s) marked so were read by Attaché's extractor and not yet "
    "checked by a person; the confidence follows the mark. Check them against their sources "
    "before citing them."
)


def _unreviewed(fact: dict[str, Any]) -> bool:
    return fact.get("review") == "unreviewed" and "confidence" in fact


def _mark(fact: dict[str, Any], value: str) -> str:
    """The first cell of a fact nobody checked: '† 0.62 ' before its text."""
    if not _unreviewed(fact):
        return value
    confidence = fact.get("confidence")
    figure = f" {confidence:.2f}" if isinstance(confidence, int | float) else ""
    return f"{UNREVIEWED_MARK}{figure} {value}"


def _summary(doc: dict[str, Any], total: int) -> str:
    n_articles = len([a for a in doc.get("articles") or [] if isinstance(a, dict)])
    facts = "fact" if total == 1 else "facts"
    arts = "article" if n_articles == 1 else "articles"
    return f"{total} {facts} from {n_articles} {arts}"


def cite_marks(numbers: list[int]) -> str:
    """``[1][2][3][4] [5]``: a space every four marks lets a long list wrap."""
    marks = [f"[{n}]" for n in numbers]
    return " ".join("".join(marks[i : i + 4]) for i in range(0, len(marks), 4))


def _fact_table(
    key: str, facts: list[dict[str, Any]], citations: Citations, st: _Styles, width: float
) -> Table:
    columns = TABLE_COLUMNS[key]
    numbers = [citations.cite(f) for f in facts]
    with_sources = any(numbers)
    fractions = [c.width for c in columns]
    headings = [c.heading for c in columns]
    if with_sources:
        fractions.append(sources_column_width(key))
        headings.append(SOURCES_HEADING)

    texts = [[col.value(f) for col in columns] for f in facts]
    for fact, row_texts in zip(facts, texts, strict=True):
        row_texts[0] = _mark(fact, row_texts[0])
    if with_sources:
        for row_texts, nums in zip(texts, numbers, strict=True):
            row_texts.append(cite_marks(nums))
    min_widths = [
        max(
            _longest_word(h, st.bold, st.head.fontSize),
            *(_longest_word(r[i], st.regular, st.cell.fontSize) for r in texts),
        )
        + 9
        for i, h in enumerate(headings)
    ]
    col_widths = fit_widths(fractions, [min(m, 0.3 * width) for m in min_widths], width)

    rows: list[list[Any]] = [[st.strong(markup(h), st.head) for h in headings]]
    notes_col = NOTES_COLUMN.get(key, 0)
    for fact, row_texts in zip(facts, texts, strict=True):
        row: list[Any] = []
        for i, value in enumerate(row_texts):
            cell: Any = Paragraph(markup(value), st.cell)
            if i == notes_col:
                notes = fact_notes(key, fact, citations.mark)
                if notes:
                    cell = [cell, *(Paragraph(markup(n), st.note) for n in notes)]
            row.append(cell)
        rows.append(row)

    table = Table(rows, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    style.extend(("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in range(2, len(rows), 2))
    table.setStyle(TableStyle(style))
    return table


def _longest_word(value: str, font: str, size: float) -> float:
    return max((stringWidth(w, font, size) for w in value.split()), default=0.0)


def fit_widths(fractions: list[float], min_widths: list[float], total: float) -> list[float]:
    """Column widths: the given fractions of ``total``, widened so that no word has to
    break, taking the extra room from the columns that have some to spare."""
    scale = 1.0 / sum(fractions)
    widths = [max(f * scale * total, m) for f, m in zip(fractions, min_widths, strict=True)]
    excess = sum(widths) - total
    if excess > 0:
        slack = [max(w - m, 0.0) for w, m in zip(widths, min_widths, strict=True)]
        room = sum(slack)
        if room >= excess:
            widths = [w - excess * s / room for w, s in zip(widths, slack, strict=True)]
        else:  # words too long for any layout: shrink all, some words will break
            widths = [w * total / sum(widths) for w in widths]
    return widths


# ---------------------------------------------------------------------------
# Charts


CHART_HEIGHT = 200.0
CHART_FONT_SIZE = 7.0
CHART_TITLE_SIZE = 9.0


class _PdfMeasure:
    """``app.chart.Measure`` in points, for the PDF's font at the chart's size."""

    def __init__(self, font: str, size: float = CHART_FONT_SIZE) -> None:
        self.font, self.size = font, size
        self.line = round(size * 1.35, 2)

    def width(self, value: str) -> float:
        return float(stringWidth(plain_text(value), self.font, self.size))


def chart_layouts(
    stats: list[dict[str, Any]], width: float, font: str, title_font: str | None = None
) -> list[chart.Layout]:
    """The layout of each chart the PDF draws: one per metric and unit whose dated
    figures have two periods or more (``app.chart``, as in the window)."""
    measure = _PdfMeasure(font)
    heading = _PdfMeasure(title_font or font, CHART_TITLE_SIZE)
    ids = [(s.get("id") if isinstance(s.get("id"), int) else None, s) for s in stats]
    return [
        chart.layout(c, width, CHART_HEIGHT, measure, title_measure=heading)
        for c in chart.charts(ids)
        if len(c.periods) >= 2
    ]


def _charts(stats: list[dict[str, Any]], st: _Styles, width: float) -> list[Any]:
    return [
        KeepTogether([Spacer(1, 6), _drawing(out, st.regular, st.bold)])
        for out in chart_layouts(stats, width, st.regular, st.bold)
    ]


def _drawing(out: chart.Layout, font: str, title_font: str) -> Drawing:
    """A chart layout (top-left origin) drawn with reportlab shapes (bottom-left)."""
    h = out.height
    drawing = Drawing(out.width, h)
    plot = out.plot
    for y in out.y_grid:
        drawing.add(Line(plot.x, h - y, plot.right, h - y, strokeColor=RULE, strokeWidth=0.3))
    for x in out.x_grid:
        drawing.add(Line(x, h - plot.y, x, h - plot.bottom, strokeColor=RULE, strokeWidth=0.3))
    axis_y = h - (out.baseline if out.baseline is not None else plot.bottom)
    drawing.add(Line(plot.x, axis_y, plot.right, axis_y, strokeColor=MUTED, strokeWidth=0.6))
    drawing.add(
        Line(plot.x, h - plot.y, plot.x, h - plot.bottom, strokeColor=MUTED, strokeWidth=0.6)
    )
    series = out.chart.series
    for n, points in out.lines:
        if len(points) > 1:
            s = series[n]
            flat = [v for x, y in points for v in (x, h - y)]
            drawing.add(PolyLine(flat, strokeWidth=1.2, **_stroke(s)))
    r = out.radius * 0.8
    for mark in out.marks:
        s = series[mark.series]
        colour = colors.HexColor(s.colour)
        if mark.x1 > mark.x0:  # a range: a bar across its period, with end caps
            y = h - mark.y
            drawing.add(Line(mark.x0, y, mark.x1, y, strokeColor=colour, strokeWidth=0.8))
            for x in (mark.x0, mark.x1):
                drawing.add(Line(x, y - r, x, y + r, strokeColor=colour, strokeWidth=0.8))
        drawing.add(_dot(mark.x, h - mark.y, r, colour, s.target))
    for n, box in out.legend:
        s = series[n]
        colour = colors.HexColor(s.colour)
        y = h - (box.y + box.h / 2)
        drawing.add(Line(box.x, y, box.right, y, strokeWidth=1.2, **_stroke(s)))
        drawing.add(_dot(box.x + box.w / 2, y, r, colour, s.target))
    for item in out.texts:
        box = item.box
        title = item.role == "title"
        size = CHART_TITLE_SIZE if title else CHART_FONT_SIZE
        ink = ACCENT if title else MUTED if item.role in ("note", "x-tick", "y-tick") else INK
        if item.role == "value" and item.series is not None:
            ink = colors.HexColor(series[item.series].colour)  # whose figure it is
        baseline = h - box.y - box.h / 2 - size * 0.35
        drawing.add(
            String(
                box.x,
                baseline,
                plain_text(item.text),
                fontName=title_font if title else font,
                fontSize=size,
                fillColor=ink,
            )
        )
    return drawing


def _stroke(series: chart.Series) -> dict[str, Any]:
    """A series' line: its colour; dashed for targets."""
    style: dict[str, Any] = {"strokeColor": colors.HexColor(series.colour)}
    if series.target:
        style["strokeDashArray"] = (3, 2)
    return style


def _dot(x: float, y: float, r: float, colour: Any, target: bool) -> Circle:
    """An actual figure's filled mark; a target's hollow one."""
    fill = colors.white if target else colour
    return Circle(x, y, r, fillColor=fill, strokeColor=colour, strokeWidth=1.0)


# ---------------------------------------------------------------------------
# Page numbers


def _numbered_canvas(footer: str, font: str) -> type[rl_canvas.Canvas]:
    class NumberedCanvas(rl_canvas.Canvas):  # type: ignore[misc]  # untyped reportlab base
        """Defers page output so each page can say "Page N of M"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            w, _h = self._pagesize
            self.saveState()
            self.setFont(font, 8)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(18 * mm, 13 * mm, w - 18 * mm, 13 * mm)
            self.drawString(18 * mm, 9 * mm, footer[:90])
            self.drawRightString(w - 18 * mm, 9 * mm, f"Page {self._pageNumber} of {total}")
            self.restoreState()

    return NumberedCanvas

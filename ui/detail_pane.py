"""The detail pane: a fact's fields, the sources' disagreements, its evidence, related facts.

Every piece of user text is escaped. Links: ``#section`` jumps to a section (the summary
line under the title), ``fact:ID`` opens a related fact,
``ev:N`` opens the N-th evidence sentence in the reader, ``select:ID`` adds the fact
to the export selection.

Signals: fact_clicked(int fact_id); evidence_clicked(int article_id, int start, int end);
add_clicked(int fact_id).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.related import conflicts
from app.rows import FactRow
from app.views import SINGULAR, VIEW_OF_TYPE, ViewData, fact_label, human_number, text

_HIDDEN = {"conflicts", "canonical"}


def _e(value: object) -> str:
    return html.escape(text(value))


CONFIDENCE_COLOURS = {"confirmed": "#2e7d32", "likely": "#2e7d32", "uncertain": "#a66300"}
GUESS_COLOUR = "#b00020"


def confidence_html(fact: FactRow) -> str:
    """The fact's confidence, in words and colour, with the reasons: a guess is never
    shown as a certainty."""
    a = fact.assessment
    colour = CONFIDENCE_COLOURS.get(a.label, GUESS_COLOUR)
    head = (
        "Checked by a person"
        if a.by_person
        else f"Confidence {a.value:.2f}: {a.label}"
        + ("" if a.label == "likely" else " — read by a rule; check it against the source")
    )
    reasons = "; ".join(a.reasons)
    return (
        f"<p><b style='color:{colour}'>{_e(head)}</b>"
        f"<br><span style='color:gray'>{_e(reasons)}</span></p>"
    )


def detail_html(data: ViewData, fact: FactRow, selected: bool) -> str:
    related = data.related(fact.id)
    jumps = [f"<a href='#rel{n}'>{_e(t)} ({len(ids)})</a>" for n, (t, ids) in enumerate(related)]
    jumps.insert(0, f"<a href='#evidence'>Evidence ({len(fact.evidence)})</a>")
    out = [
        f"<h3>{_e(fact_label(fact))}</h3>",
        f"<p style='color:gray'>{_e(SINGULAR[fact.type].capitalize())} · "
        f"{_e(VIEW_OF_TYPE[fact.type])} view · fact {fact.id} · "
        + (
            "in the selection"
            if selected
            else f"<a href='select:{fact.id}'>Add to selection</a> (Ctrl+D)"
        )
        + "</p>",
        f"<p>{' · '.join(jumps)}</p>",  # a summary that jumps to each section
        "<table cellspacing='0' cellpadding='2'>",
    ]
    edited = set(getattr(fact, "edited", ()))
    for key, value in fact.data.items():
        if key in _HIDDEN or value in (None, [], ""):
            continue
        if key == "value" and isinstance(value, int | float):
            value = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
        if key == "equivalents":
            value = ", ".join(
                f"{human_number(v.get('value'))} {text(v.get('unit'))}"
                for v in value
                if isinstance(v, dict)
            )
        mark = " <i>(corrected by a person)</i>" if key in edited else ""
        out.append(
            f"<tr><td style='color:gray'>{_e(key.replace('_', ' '))}</td>"
            f"<td>{_e(value)}{mark}</td></tr>"
        )
    out.append("</table>")
    if fact.type != "entities":
        out.append(confidence_html(fact))
    if not fact.evidence and fact.origin == "extracted":
        out.append(
            "<p><i>No source: no article held gives this fact any more (its articles were "
            "deleted, or the extractor no longer finds it); kept because a person checked "
            "it.</i></p>"
        )
    if getattr(fact, "origin", "extracted") != "extracted":
        out.append("<p><i>Added by a person, not read from an article.</i></p>")
    if fact.type == "entities" and not data.entities_linked:
        out.append("<p><i>Finding the facts and articles that name it…</i></p>")
    elif fact.type == "entities":
        out.append(
            f"<p>Named in {len(data.entity_fact_ids(fact.id))} fact(s) and "
            f"{len(data.entity_article_ids(fact.id))} article(s).</p>"
        )
    disagreements = conflicts(fact)
    if disagreements:
        out.append("<h4>Sources disagree</h4><ul>")
        for key, options in disagreements.items():
            parts = [
                f"<b>{_e(o.get('value'))}</b> ({_e(', '.join(o.get('articles') or []))})"
                for o in options
                if isinstance(o, dict)
            ]
            out.append(f"<li>{_e(key.replace('_', ' '))}: {' vs '.join(parts)}</li>")
        out.append("</ul>")
    out.append(f"<h4><a name='evidence'></a>Evidence ({len(fact.evidence)})</h4><ol>")
    for n, ev in enumerate(fact.evidence):
        out.append(
            f"<li><a href='ev:{n}'>“{_e(ev.quote)}”</a><br>"
            f"<span style='color:gray'>{_e(ev.article)}</span></li>"
        )
    out.append("</ol>")
    for n, (title, ids) in enumerate(related):
        out.append(f"<h4><a name='rel{n}'></a>{_e(title)} ({len(ids)})</h4><ul>")
        out.extend(f"<li><a href='fact:{i}'>{_e(data.label(i))}</a></li>" for i in ids[:100])
        out.append("</ul>")
    return "".join(out)


class DetailPane(QTextBrowser):
    fact_clicked = Signal(int)
    evidence_clicked = Signal(int, int, int)
    add_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setPlaceholderText("Select a fact in any view to see its sources and related facts.")
        self.anchorClicked.connect(self._clicked)
        self.fact: FactRow | None = None

    def loadResource(self, type: int, name: object) -> object:
        return None  # never fetch anything

    def show_fact(self, data: ViewData, fact: FactRow, selected: bool) -> None:
        self.fact = fact
        self.setHtml(detail_html(data, fact, selected))

    def clear_fact(self) -> None:
        self.fact = None
        self.clear()

    def open_evidence(self, n: int) -> None:
        if self.fact is not None and 0 <= n < len(self.fact.evidence):
            ev = self.fact.evidence[n]
            self.evidence_clicked.emit(ev.article_id, ev.start, ev.end)

    def _clicked(self, url: QUrl) -> None:
        if url.toString().startswith("#"):
            self.scrollToAnchor(url.toString()[1:])  # the summary's jump to a section
            return
        kind, _, value = url.toString().partition(":")
        if not value.isdigit():
            return
        if kind == "fact":
            self.fact_clicked.emit(int(value))
        elif kind == "ev":
            self.open_evidence(int(value))
        elif kind == "select":
            self.add_clicked.emit(int(value))

"""The detail pane: a fact's fields, the sources' disagreements, its evidence, related facts.

Every piece of user text is escaped. Links: ``#section`` jumps to a section (the summary
line under the title), ``fact:ID`` opens a related fact,
``ev:N`` opens the N-th evidence sentence in the reader, ``select:ID`` adds the fact
to the export selection, ``details:ID`` opens an article's *Article details* (its
outlet, author, URL, note).

An article chosen by itself shows the facts taken from it instead, grouped by view.

The pane is one Tab stop: Tab and Shift+Tab leave it, the arrow keys go from link to
link within it (Enter follows the link).

The related facts are looked up in a worker for the fact shown (:func:`find_related`)
and added when found.

Signals: fact_clicked(int fact_id); evidence_clicked(int article_id, int start, int end);
add_clicked(int fact_id); related_shown(int fact_id).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget

from app.plural import count_of
from app.related import Lookup, articles_naming, conflicts, facts_naming, related_groups
from app.rows import ArticleRow, FactRow
from app.views import SINGULAR, VIEW_OF_TYPE, ViewData, fact_label, human_number, text
from db import queries

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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


@dataclass(frozen=True)
class RelatedFacts:
    """What the pane shows beside a fact, looked up for it in a worker: the related
    groups with their facts' labels, and for an entity the facts and articles naming it."""

    fact_id: int
    groups: list[tuple[str, list[int]]]
    labels: dict[int, str]
    named_in: tuple[int, int] | None = None


def find_related(session: Session, fact: FactRow) -> RelatedFacts:
    """The related facts of ``fact`` (``app.related``), their labels, and for an entity
    how many facts and articles name it (run in a worker)."""
    lookup = Lookup(session)
    groups = related_groups(lookup, fact)
    shown = [i for _title, ids in groups for i in ids[:SHOWN_PER_GROUP]]
    heads = queries.heads(session.connection(), shown)
    labels = {i: head[2] for i, head in heads.items()}
    named_in = None
    if fact.type == "entities":
        naming = facts_naming(lookup, fact)
        named_in = (len(naming), len(articles_naming(lookup, fact, naming)))
    return RelatedFacts(fact.id, groups, labels, named_in)


SHOWN_PER_GROUP = 100
"""Related facts listed per group (the heading gives how many there are)."""


def detail_html(
    data: ViewData, fact: FactRow, selected: bool, found: RelatedFacts | None = None
) -> str:
    related = found.groups if found is not None else []
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
    if fact.type == "entities" and (found is None or found.named_in is None):
        out.append("<p><i>Finding the facts and articles that name it…</i></p>")
    elif fact.type == "entities" and found is not None and found.named_in is not None:
        facts, articles = found.named_in
        out.append(
            f"<p>Named in {count_of(facts, 'fact')} and {count_of(articles, 'article')}.</p>"
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
            f"<span style='color:gray'>{_e(ev.article)}</span> "
            f"<a href='details:{ev.article_id}'>source details</a></li>"
        )
    out.append("</ol>")
    if found is None:
        out.append("<p style='color:gray'><i>Finding the related facts…</i></p>")
    labels = found.labels if found is not None else {}
    for n, (title, ids) in enumerate(related):
        out.append(f"<h4><a name='rel{n}'></a>{_e(title)} ({len(ids)})</h4><ul>")
        out.extend(
            f"<li><a href='fact:{i}'>{_e(labels.get(i) or data.label(i))}</a></li>"
            for i in ids[:SHOWN_PER_GROUP]
        )
        if len(ids) > SHOWN_PER_GROUP:
            out.append(f"<li><i>and {len(ids) - SHOWN_PER_GROUP} more</i></li>")
        out.append("</ul>")
    return "".join(out)


def article_facts_html(
    data: ViewData, article: ArticleRow | None, article_id: int, facts: Sequence[FactRow]
) -> str:
    """The facts taken from one article, grouped by the view each lives in."""
    title = article.title if article is not None else data.article_name(article_id)
    about = [
        article.date or "no date" if article is not None else "",
        data.article_name(article_id),
        f"{count_of(len(facts), 'fact')} taken from it",
    ]
    out = [
        f"<h3>{_e(title)}</h3>",
        f"<p style='color:gray'>Article · {_e(' · '.join(a for a in about if a))} · "
        f"<a href='details:{article_id}'>Details…</a></p>",
    ]
    if not facts:
        out.append("<p><i>No fact was taken from this article.</i></p>")
    groups: dict[str, list[FactRow]] = {}
    for fact in facts:
        groups.setdefault(VIEW_OF_TYPE[fact.type], []).append(fact)
    for view, group in groups.items():
        out.append(f"<h4>{_e(view)} ({len(group)})</h4><ul>")
        out.extend(f"<li><a href='fact:{f.id}'>{_e(fact_label(f))}</a></li>" for f in group)
        out.append("</ul>")
    return "".join(out)


class DetailPane(QTextBrowser):
    fact_clicked = Signal(int)
    related_shown = Signal(int)
    evidence_clicked = Signal(int, int, int)
    add_clicked = Signal(int)
    details_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setPlaceholderText("Select a fact in any view to see its sources and related facts.")
        self.anchorClicked.connect(self._clicked)
        self.setTabChangesFocus(True)
        self.fact: FactRow | None = None
        self.related: RelatedFacts | None = None
        """The related facts of the fact shown, once found."""
        self._data: ViewData | None = None
        self._selected = False
        self.article_id: int | None = None
        """The article whose facts the pane lists (None: a fact, or nothing, is shown)."""

    def loadResource(self, type: int, name: object) -> object:
        return None  # never fetch anything

    def show_fact(self, data: ViewData, fact: FactRow, selected: bool) -> None:
        """Show a fact at once; its related facts follow (:meth:`show_related`)."""
        self.fact, self.article_id = fact, None
        self._data, self._selected, self.related = data, selected, None
        self.setHtml(detail_html(data, fact, selected))

    def show_related(self, found: RelatedFacts) -> None:
        """The related facts of the fact shown, found (ignored if another is shown)."""
        if self.fact is None or self.fact.id != found.fact_id or self._data is None:
            return
        self.related = found
        scroll = self.verticalScrollBar().value()
        self.setHtml(detail_html(self._data, self.fact, self._selected, found))
        self.verticalScrollBar().setValue(scroll)
        self.related_shown.emit(found.fact_id)

    def set_selected(self, selected: bool) -> None:
        """The fact shown went into the selection or out of it."""
        if self.fact is None or self._data is None or selected == self._selected:
            return
        self._selected = selected
        scroll = self.verticalScrollBar().value()
        self.setHtml(detail_html(self._data, self.fact, selected, self.related))
        self.verticalScrollBar().setValue(scroll)

    def show_article_facts(
        self, data: ViewData, article: ArticleRow | None, article_id: int, facts: Sequence[FactRow]
    ) -> None:
        """List the facts taken from an article (each a link that opens it)."""
        self.fact, self.article_id = None, article_id
        self.setHtml(article_facts_html(data, article, article_id, facts))

    def clear_fact(self) -> None:
        self.fact = self.article_id = None
        self.clear()

    # -- one Tab stop: Tab leaves the pane, arrows go from link to link ---------------------
    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab go to the next pane, not to the next link."""
        return QWidget.focusNextPrevChild(self, next)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            )
            if plain and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                return self.focusNextPrevChild(
                    event.key() == Qt.Key.Key_Tab
                    and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, plain = event.key(), not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        onward, back = (Qt.Key.Key_Down, Qt.Key.Key_Right), (Qt.Key.Key_Up, Qt.Key.Key_Left)
        if plain and (key in onward or key in back):
            self.next_link(key in onward)
            return
        super().keyPressEvent(event)

    def next_link(self, forward: bool = True) -> bool:
        """Move the keyboard to the next (or previous) link of the pane; at the last
        one it stays (the pane keeps the focus). Returns whether it moved."""
        before = self.textCursor()
        moved = QTextBrowser.focusNextPrevChild(self, forward)
        if QApplication.focusWidget() is not self and self.isVisible():
            self.setFocus(Qt.FocusReason.OtherFocusReason)  # past the last link: stay
            self.setTextCursor(before)
            return False
        return moved and self.textCursor() != before

    def focused_link(self) -> str:
        """The link the keyboard is on ("" when none)."""
        chosen = self.textCursor()
        if not chosen.hasSelection():
            return ""
        cursor = QTextCursor(self.document())
        cursor.setPosition(chosen.selectionStart() + 1)  # the format of the link's first letter
        fmt = cursor.charFormat()
        return fmt.anchorHref() if fmt.isAnchor() else ""

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
        elif kind == "details":
            self.details_clicked.emit(int(value))

"""Events in the relationship: recognition, diplomatic relations, embassies opened,
partnership upgrades, councils established and meeting, anniversaries, leadership changes,
unrest and policy changes."""

from __future__ import annotations

import re
from typing import Any

from .context import ArticleContext, Sentence
from .missions import KEYWORD, cities_after, sender_of
from .model import Candidate
from .numbers import ordinal_value
from .sentences import Span, split_clauses

_I = re.IGNORECASE
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("recognition", re.compile(r"\brecogni[sz](?:e|ed|es|ing|tion)\b.{0,60}?\bindependence", _I)),
    ("diplomatic_relations", re.compile(
        r"\b(?:establish(?:ed|ing|ment\s+of)?|set\s+up|open(?:ed|ing)?|launch(?:ed)?|"
        r"forg(?:ed|ing))\s+(?:full\s+|formal\s+)?(?:diplomatic\s+)?(?:relations|ties)\b|"
        r"\bdiplomatic\s+(?:relations|ties)\s+(?:were|was|had\s+been)\s+(?:officially\s+|"
        r"formally\s+)?established", _I)),
    ("embassy_opened", re.compile(
        r"\b(?:open(?:ed|ing|s)?|set\s+up|establish(?:ed|ing)?|inaugurat(?:ed|ing))\s+(?:its\s+|"
        r"an\s+|the\s+|their\s+)?(?:first\s+)?embass(?:y|ies)\b|\bembass(?:y|ies)\b[^.]{0,40}?"
        r"\b(?:start(?:ed|ing)|began|beginning|commenc(?:ed|ing))\s+(?:its\s+)?operations", _I)),
    ("partnership_upgrade", re.compile(
        r"\b(?:rais(?:ed|e|ing)|elevat(?:ed|e|ing)|upgrad(?:ed|e|ing)|reach(?:ed)?|gain(?:ed)?|"
        r"lift(?:ed)?)\b[^.]{0,60}?\bpartnership\b", _I)),
    ("council_established", re.compile(
        r"\b(?:establish(?:ed|ing)?|set\s+up|found(?:ed)?|creat(?:ed|ing)|launch(?:ed)?)\s+"
        r"(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?:council|commission|committee)\b", _I)),
    ("council_meeting", re.compile(
        r"\b(?P<ord>\w+)\s+(?:meeting|session)\s+of\s+the\s+(?:[\w-]+\s+){0,6}?"
        r"(?:council|commission|committee)\b", _I)),
    ("anniversary", re.compile(r"\b(?P<ord>\d+(?:st|nd|rd|th)?|\w+)\s*anniversary\b", _I)),
    ("leadership_change", re.compile(
        r"\b(?:took\s+office|stepp(?:ed|ing)\s+down|resign(?:ed|ation)|was\s+(?:re-?)?elected|"
        r"(?:his|her)\s+(?:re-?)?election|sworn\s+in|came\s+to\s+power|succeeded)\b", _I)),
    ("unrest", re.compile(r"\b(?:protests?|riots?|unrest|uprising|clashes|coup\s+attempt)\b", _I)),
    ("policy", re.compile(
        r"\b(?:extend|introduc|abolish|lift|waiv|grant|simplif|eas)\w*\b[^.]{0,40}?\bvisa\b|"
        r"\bvisa[- ](?:free|regime|requirements?|waiver)\b[^.]{0,40}?\b(?:extend|introduc|abolish|"
        r"lift|waiv|grant|simplif)\w*", _I)),
]
_KEYWORDS = {
    "recognition": ("recogni",), "diplomatic_relations": ("relations", "ties"),
    "embassy_opened": ("embass",), "partnership_upgrade": ("partnership",),
    "council_established": ("council", "commission", "committee"),
    "council_meeting": ("meeting", "session"), "anniversary": ("anniversar",),
    "leadership_change": ("office", "down", "resign", "elect", "sworn", "power", "succeeded"),
    "unrest": ("protest", "riot", "unrest", "uprising", "clashes", "coup"), "policy": ("visa",),
}
_KEYWORD_KIND = {k: kind for kind, ks in _KEYWORDS.items() for k in ks}
_DEFAULT_DATED = {"council_meeting"}  # undated ones took place at the article's main event


def _clause_of(s: Sentence, pos: int) -> Span:
    for c in split_clauses(s.span):
        if c.start - s.span.start <= pos < c.end - s.span.start:
            return c
    return s.span


def _date(ctx: ArticleContext, i: int, clause: Span, pos: int, weekdays: bool = True
          ) -> str | None:
    off = clause.start - ctx.sentences[i].span.start
    same = re.search(r"\b(?:in\s+)?the\s+same\s+year\b", clause.text)
    if same:
        return ctx.year_before(i, off + same.start())
    found = [d for d in ctx.dates(i) if d.value and off <= d.start < off + len(clause.text)
             and (weekdays or d.kind != "weekday")]
    if found:
        return min(found, key=lambda d: abs(d.start - pos)).first
    return ctx.inherited_date(i)


def _countries(ctx: ArticleContext, s: Sentence, kind: str, pos: int, end: int) -> list[str]:
    if kind == "recognition":
        subj = next((m.code for m in s.countries if m.start < pos), None)
        obj = next((m.code for m in s.countries if m.start >= pos - 2 and m.code != subj), None)
        if subj and obj:
            return [subj, obj]
        return list(ctx.pair)
    if kind in ("leadership_change", "unrest"):
        people = [p.country for a, _b, p in s.people if p.country]
        if kind == "leadership_change" and people:
            return [people[0]]
        names = [m.code for m in s.countries if m.kind in ("name", "demonym")
                 and ctx.in_pair(m.code)]
        return [names[-1]] if names else list(ctx.pair)
    return sorted(ctx.pair)


def _anniversary_dates(out: list[Candidate],
                       pending: list[tuple[dict[str, Any], str | None]]) -> None:
    """The Nth anniversary of relations set up on D falls on D + N years; else the clause's
    own date, a weekday included ("marked the 25th anniversary on Monday")."""
    rel = next((c.data["date"] for c in out if c.data["kind"] == "diplomatic_relations"
                and c.data["date"] and len(c.data["date"]) >= 7), None)
    for data, fallback in pending:
        if rel:
            shifted = f"{int(rel[:4]) + data['ordinal']:04d}{rel[4:]}"
            if data["date"] is None or shifted.startswith(data["date"]):
                data["date"] = shifted
                continue
        data["date"] = data["date"] or fallback


def find_events(ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    pending: list[tuple[dict[str, Any], str | None]] = []
    for i, s in enumerate(ctx.sentences):
        kinds_here: set[str] = set()
        low = s.text.lower()
        present = {kind for k, kind in _KEYWORD_KIND.items() if k in low}
        for kind, pat in TRIGGERS:
            if kind not in present:
                continue
            for m in pat.finditer(s.text):
                clause = _clause_of(s, m.start())
                if kind in kinds_here and kind not in ("partnership_upgrade",):
                    continue
                if kind == "diplomatic_relations" and re.search(r"anniversar", clause.text, _I):
                    continue
                data: dict[str, Any] = {"date": None, "kind": kind, "description": "",
                                        "countries": _countries(ctx, s, kind, m.start(), m.end())}
                if kind in ("council_meeting", "anniversary"):
                    n = ordinal_value(m.group("ord")) or (int(re.match(r"\d+", m.group("ord"))
                                                              .group())
                                                          if m.group("ord")[:1].isdigit() else None)
                    if n is None:
                        continue
                    data["ordinal"] = n
                if kind == "leadership_change" and not s.people:
                    continue
                if kind == "embassy_opened":
                    kw = KEYWORD.search(s.text, m.start())
                    if kw is None:
                        continue
                    sender = sender_of(ctx, s, kw.start(), kw.start())
                    cities = cities_after(ctx, s.text, kw.end())
                    host = (cities[0][1] if cities else None) or ctx.other(sender)
                    if not (ctx.in_pair(sender) and ctx.in_pair(host)) or sender == host:
                        continue
                    data["countries"] = [sender, host]
                future = bool(re.search(r"\b(?:will|expected|scheduled|to\s+be\s+held)\b",
                                        clause.text, _I))
                data["date"] = _date(ctx, i, clause, m.start(), kind != "anniversary")
                if kind == "anniversary" and re.search(r"relations|ties", clause.text, _I):
                    pending.append((data, _date(ctx, i, clause, m.start())))
                if data["date"] is None and kind in _DEFAULT_DATED and not future:
                    data["needs_date"] = True
                data["description"] = clause.text.strip()[:200]
                kinds_here.add(kind)
                out.append(ctx.candidate("events", data, s))
    _anniversary_dates(out, pending)
    return out

"""Events in the relationship: recognition, diplomatic relations, embassies opened,
partnership upgrades, councils established and meeting, anniversaries, leadership changes,
unrest and policy changes."""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

from .context import ArticleContext, Sentence
from .missions import cities_after, sender_of
from .model import Candidate
from .numbers import ordinal_value
from .sentences import Span, split_clauses

_DEFAULT_DATED = {"council_meeting"}  # undated ones took place at the article's main event


def describe(L: ModuleType, s: Sentence, clause: Span, skip: int = 0) -> str:
    """The clause as a sentence: a dateline (text before offset skip) and a leading
    conjunction dropped, the subject of the sentence put back when the clause starts with
    its verb ("and upgraded ties ..." -> "Japan and Chile upgraded ties ...")."""
    text = clause.text[max(0, skip - clause.start) :].strip()
    lead = L.CLAUSE_LEAD.match(text)
    if lead:
        text = text[lead.end() :]
        first = text.split(" ", 1)[0]
        subject = L.SENTENCE_SUBJECT.match(s.text)
        if first.islower() and first.endswith(L.PAST_SUFFIX) and subject:
            text = f"{subject.group()} {text}"
    text = text.rstrip(" ,;:")
    if text and text[-1] not in '.!?"”':
        text += "."
    return (text[:1].upper() + text[1:])[:200]


def _clause_of(s: Sentence, pos: int, lang: Any = None) -> Span:
    for c in split_clauses(s.span, lang):
        if c.start - s.span.start <= pos < c.end - s.span.start:
            return c
    return s.span


def _next_trigger(L: ModuleType, text: str, pos: int) -> int:
    """Where the next event phrase of the sentence starts (its dates are its own)."""
    m = L.ANY_EVENT_TRIGGER.search(text, pos)
    return m.start() if m else len(text)


def _date(
    ctx: ArticleContext,
    i: int,
    clause: Span,
    pos: int,
    weekdays: bool = True,
    end: int | None = None,
    stop: int | None = None,
) -> str | None:
    """The date of the event phrase at pos..end: one inside it or after it (before the next
    event phrase), else the nearest before it, in its clause."""
    off = clause.start - ctx.sentences[i].span.start
    same = ctx.lang.SAME_YEAR.search(clause.text)
    if same:
        return ctx.year_before(i, off + same.start())
    found = [
        d
        for d in ctx.dates(i)
        if d.value and off <= d.start < off + len(clause.text) and (weekdays or d.kind != "weekday")
    ]
    if end is not None and stop is not None:  # right after the phrase, or inside it
        after = [d for d in found if pos <= d.start < stop]
        if after and after[0].start < end + 40:
            return after[0].first
        before = [d for d in found if d.start < pos]
        found = before or after[:1]
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
        names = [
            m.code for m in s.countries if m.kind in ("name", "demonym") and ctx.in_pair(m.code)
        ]
        return [names[-1]] if names else list(ctx.pair)
    return sorted(ctx.pair)


def _anniversary_dates(
    out: list[Candidate], pending: list[tuple[dict[str, Any], str | None]]
) -> None:
    """The Nth anniversary of relations set up on D falls on D + N years; else the clause's
    own date, a weekday included ("marked the 25th anniversary on Monday")."""
    rel = next(
        (
            c.data["date"]
            for c in out
            if c.data["kind"] == "diplomatic_relations"
            and c.data["date"]
            and len(c.data["date"]) >= 7
        ),
        None,
    )
    for data, fallback in pending:
        if rel:
            shifted = f"{int(rel[:4]) + data['ordinal']:04d}{rel[4:]}"
            if data["date"] is None or shifted.startswith(data["date"]):
                data["date"] = shifted
                continue
        data["date"] = data["date"] or fallback


def _bilateral_body(ctx: ArticleContext, i: int, m: re.Match[str]) -> bool:
    """ "Established in 2014, the body ...", "the commission, set up in 1999": only a body the
    text shows to be the pair's own (not the UN, a regional bloc) is their council."""
    L = ctx.lang
    g = m.groupdict()
    if not (g.get("est1") or g.get("est2")):
        return True
    s = ctx.sentences[i]

    def ours(text: str, start: int) -> bool:
        pair = any(
            ctx.in_pair(c.code) and c.kind != "capital" and start <= c.start for c in s.countries
        )
        return bool(L.BILATERAL.search(text)) or pair

    if g.get("est1"):  # the body named in the sentence before
        prev = ctx.sentences[i - 1].text if i else ""
        return bool(L.COUNCIL_WORD.search(prev)) and bool(L.BILATERAL.search(prev))
    word = g["est2"]
    if word.isupper():  # "the BNC, established in 1999": its expansion names the kind
        full = re.search(
            L.COUNCIL_EXPANSION + re.escape(word) + r"\s*\)",
            ctx.text,
        )
        return bool(full and L.BILATERAL.search(full.group()))
    start = max(0, m.start() - 80)
    return ours(s.text[start : m.start()], start)


def find_events(ctx: ArticleContext) -> list[Candidate]:
    L = ctx.lang
    out: list[Candidate] = []
    pending: list[tuple[dict[str, Any], str | None]] = []
    for i, s in enumerate(ctx.sentences):
        kinds_here: set[str] = set()
        first_here = len(out)
        low = s.text.lower()
        present = {kind for k, kind in L.EVENT_KEYWORD_KIND.items() if k in low}
        for kind, pat in L.EVENT_TRIGGERS:
            if kind not in present:
                continue
            for m in pat.finditer(s.text):
                clause = _clause_of(s, m.start(), L)
                if kind in kinds_here and kind not in ("partnership_upgrade", "embassy_opened"):
                    continue
                if kind == "diplomatic_relations" and L.ANNIVERSARY_WORD.search(clause.text):
                    continue
                data: dict[str, Any] = {
                    "date": None,
                    "kind": kind,
                    "description": "",
                    "countries": _countries(ctx, s, kind, m.start(), m.end()),
                }
                if kind in ("council_meeting", "anniversary"):
                    g = m.groupdict()
                    word = g.get("ord") or g.get("ord2") or g.get("ord3") or g.get("ord4") or ""
                    n = (
                        1
                        if word.lower() in L.INAUGURAL_WORDS
                        else ordinal_value(word, L)
                        or (
                            int(re.match(r"\d+", word).group())  # type: ignore[union-attr]
                            if word[:1].isdigit()
                            else None
                        )
                    )
                    # "27 years since relations were established" (group years): the text
                    # marks that anniversary, whatever its number
                    since = int(g["years"]) if g.get("years") else None
                    n = n if since is None else since
                    if n is None and not g.get("named"):
                        continue
                    if since is None and kind == "anniversary" and n and n % 5 and n > 1:
                        continue  # a jubilee (1st, 5th, 10th, ... 25th) is an event; a 33rd is not
                    if n is not None:
                        data["ordinal"] = n
                if kind == "leadership_change" and not s.people:
                    continue
                if kind == "council_established" and not _bilateral_body(ctx, i, m):
                    continue
                if kind == "embassy_opened":
                    kw = L.MISSION_KEYWORD.search(s.text, m.start())
                    if kw is None:
                        continue
                    sender = sender_of(ctx, s, kw.start(), kw.start())
                    cities = cities_after(ctx, s.text, kw.end())
                    host = (cities[0][1] if cities else None) or ctx.other(sender)
                    if not (ctx.in_pair(sender) and ctx.in_pair(host)) or sender == host:
                        continue
                    if any(
                        c.data["kind"] == kind and c.data["countries"][0] == sender
                        for c in out[first_here:]
                    ):
                        continue
                    data["countries"] = [sender, host]
                off = clause.start - s.span.start
                # future when the word governs the phrase: before it, or after it up to the
                # next comma or quote ("the 4th meeting of the council is expected to ...")
                rest = re.split(r"[,;“\"]", clause.text[max(0, m.end() - off) :], maxsplit=1)[0]
                future = bool(
                    L.EVENT_FUTURE.search(clause.text[: max(0, m.end() - off)])
                    or L.EVENT_FUTURE.search(rest[:80])
                )
                data["date"] = _date(
                    ctx,
                    i,
                    clause,
                    m.start(),
                    kind != "anniversary",
                    m.end(),
                    _next_trigger(L, s.text, m.end()),
                )
                if kind == "anniversary":
                    # "..., when the 30th anniversary will be marked": the sentence's date, else
                    # one being marked now falls in the article's year
                    near = [d for d in ctx.dates(i) if d.value and d.kind != "weekday"]
                    before = [d for d in near if d.start < m.start()]
                    pick = (before[-1] if before else near[0]) if near else None
                    fallback = (
                        (pick.first or "")[:4] or None
                        if pick
                        else (str(ctx.ref.year) if ctx.ref else None)
                    )
                    if L.RELATIONS_WORD.search(clause.text):
                        pending.append((data, _date(ctx, i, clause, m.start()) or fallback))
                    elif data["date"] is None:
                        data["date"] = fallback
                if data["date"] is None and not future and kind in _DEFAULT_DATED:
                    data["needs_date"] = True
                elif (
                    data["date"] is None
                    and not future
                    and kind == "partnership_upgrade"
                    and L.AGREED.search(clause.text)
                ):
                    data["needs_date"] = "now"
                data["description"] = describe(L, s, clause, ctx.dateline[1] if ctx.dateline else 0)
                kinds_here.add(kind)
                out.append(ctx.candidate("events", data, s))
    _anniversary_dates(out, pending)
    return out

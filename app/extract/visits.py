"""Visits between the two countries: who went where, when, what kind, held or planned."""

from __future__ import annotations

import re
from typing import Any

from .context import ArticleContext, Sentence
from .countries import city_lookup
from .model import Candidate
from .sentences import split_clauses

_TRIGGER = re.compile(r"\b(?:visit(?:ed|ing)?|arriv(?:ed|es|e|ing)|trip|travel(?:l?ed|s)?|"
                      r"tour(?:ed)?|host(?:ed|s)|welcom(?:ed|es)|receiv(?:ed|es))\b"
                      r"(?!\s+(?:and|to\s+the\s+two|on\s+to|onward))")
_HOSTING = ("host", "welcom", "receiv")
_KIND = re.compile(r"\b(state|official|working)\s+visit\b", re.IGNORECASE)
_PLANNED = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:scheduled|expected|set|due|going|slated)\s+to|"
    r"plans?\s+to|planning\s+to|intends?\s+to|invited\b.{0,80}?\bto\s+(?:visit|pay|come)|"
    r"invitation\s+to\s+(?:visit|pay|come)|upcoming|forthcoming|planned|to\s+be\s+held)\b",
    re.IGNORECASE)
_THANKED = re.compile(r"\b(?:gratitude|thank(?:ed|s)?|grateful)\b.{0,80}\binvitation\b", re.I)
_CITY_AFTER = re.compile(r"^\s*(?:in|at|to)?\s*(?:the\s+capital\s+)?(?P<city>[A-ZÀ-ÖØ-ÞİŞ][\w’'-]+"
                         r"(?:\s+[A-Z][\w'-]+){0,2})")
_HERE = re.compile(r"^\s*here\b")
# "X, who is on an official visit to Y", "X, on his first visit to Y": X is the visitor
_WHO = re.compile(r",\s+(?:who\s+(?:is|was|has|had|will|arrived|came|flew)\b|on\s+(?:his|her|a|an|"
                  r"their)\b)[^,]*$")
# "X held talks in Cairo with Y": a leader holding talks in the other country's city visits it
_TALKS_IN = re.compile(r"\b(?:(?:held|holds|hold|holding|had)\s+(?:[\w-]+\s+){0,3}?(?:talks|"
                       r"session|meeting|consultations)(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                       r"[\w-]+)?|met|co-?chaired|chaired)(?:\s+(?:on|late|early)\s+\w+(?:\s+\w+)?)?"
                       r"\s+(?:here|in\s+(?=[A-Z]))")
_SINCE = re.compile(r"\b(?:since|after|before)\b[^,;.]{0,60}$", re.I)
_ACTOR = re.compile(r"\b(?:President|Prime\s+Minister|Minister|King|Queen|Emir|Chancellor|"
                    r"[Ll]eader|[Dd]elegation|Head\s+of\s+State|[Pp]remier|Crown\s+Prince)")
_REMOTE = re.compile(r"[^.]{0,30}?\b(?:call|letter|message|phone|video|virtual|online|"
                     r"credentials|congratulat\w*|decision|news|proposal)\b", re.I)
_PRONOUN = re.compile(r"\b(?:[Hh]is|[Hh]er)\s+(?:\w+\s+){0,2}(?:visit|trip)")
_HOST_VERB = re.compile(r"\b(?:hosted|welcomed|received|greeted)\b")
_INVITED = re.compile(r"\binvited\b")
_INVITATION_OF = re.compile(r"\b(?:at|upon|on)\s+the\s+invitation\s+of\b", re.I)


def _first_country_after(s: Sentence, pos: int, limit: int = 60) -> str | None:
    for m in s.countries:
        if pos <= m.start <= pos + limit and m.kind in ("name", "capital"):
            before = s.text[pos:m.start]
            if re.search(r"\b(?:to|in|visited|visit|visiting|at|arrived)\s*$", before) or \
                    not before.strip():
                return m.code
    return None


def _city_after(s: Sentence, pos: int, ctx: ArticleContext | None = None
                ) -> tuple[str, str] | None:
    """The city right after pos (longest known name first); "here" is the dateline's."""
    if ctx is not None and ctx.dateline and _HERE.match(s.text[pos:pos + 8]):
        return ctx.dateline[2], ctx.dateline[3]
    m = _CITY_AFTER.match(s.text[pos:pos + 60])
    if m:
        words = m.group("city").split()
        for n in range(len(words), 0, -1):
            cand = re.sub(r"[’']s$", "", " ".join(words[:n]).rstrip(",."))
            hit = city_lookup(cand)
            if hit:
                return cand, hit[1]
    return None


def _titled(ctx: ArticleContext, word: str) -> str | None:
    """The country of the one person the article gives this title ("the Emir")."""
    found = {p.country for p in ctx.people.values() if word in p.titles and p.country}
    return found.pop() if len(found) == 1 else None


def _who_visitor(ctx: ArticleContext, s: Sentence, pos: int) -> str | None:
    """The person named right before ", who ..." or ", on his ..." that holds pos."""
    m = _WHO.search(s.text, 0, pos)
    if not m:
        return None
    for _a, b, p in s.people:
        if b <= m.start() <= b + 2 and p.country:
            return p.country
    for cm in s.countries:  # "the Vietnamese leader, who ..."
        if cm.kind == "demonym" and re.fullmatch(r"\s+[\w-]+(?:\s+[\w-]+)?",
                                                 s.text[cm.end:m.start()]):
            return cm.code
    word = re.search(r"(\w+)\s*$", s.text[:m.start()])
    return _titled(ctx, word.group(1)) if word else None


def _visitor_from_visiting(s: Sentence, pos: int) -> str | None:
    """'visiting Polish President X', 'visit of X', "X's visit"."""
    for m in s.countries:
        if pos < m.start < pos + 40 and m.kind == "demonym" and re.match(
                r"^\s*(?:of\s+)?(?:the\s+)?$", s.text[pos:m.start]):
            return m.code
    for a, _b, p in s.people:
        if pos < a < pos + 40 and re.match(r"^\s*(?:of\s+)?(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}$",
                                           s.text[pos:a]) and p.country:
            return p.country
    return None


def _person_before(s: Sentence, pos: int) -> str | None:
    """The country of the nearest person before pos; else of a country that is a subject
    ("Polish presidents", "Poland's leader", a country opening the sentence)."""
    people = [p for a, _b, p in s.people if a < pos]
    if people:
        return people[-1].country
    for m in s.countries:
        if m.start < pos and m.kind != "capital" and (
                m.start < 4 or re.match(r"[’']s?\b|\s+[\w-]+\s+(?:and|has|have|is|was)\b",
                                        s.text[m.end:m.end + 20])
                or _ACTOR.match(s.text, m.end + 1)):
            return m.code
    return None


def _hosted(ctx: ArticleContext, s: Sentence, m: re.Match[str]) -> tuple[str | None, str | None]:
    """'X hosted/welcomed/received [visiting] [Polish] [President] Y': Y visits X."""
    if _REMOTE.match(s.text, m.end()):
        return None, None
    guest = None
    for a, _b, p in s.people:
        if m.end() < a <= m.end() + 90 and p.country:
            guest = p.country
            break
    if guest is None:
        for cm in s.countries:
            if m.end() < cm.start <= m.end() + 60 and cm.kind == "demonym" and _ACTOR.match(
                    s.text, cm.end + 1):
                guest = cm.code
                break
    if guest is None:
        return None, None
    other_side = _person_before(s, m.start())
    if re.search(r"\b(?:was|were|been|being|is|are)\s+$", s.text[:m.start()]):
        # passive: "X was received by Y": Y hosts
        host, guest = guest, other_side or ctx.other(guest)
        return guest, host
    if other_side is None or other_side == guest:
        other_side = ctx.other(guest)
    return guest, other_side


def _parties(ctx: ArticleContext, s: Sentence, m: re.Match[str]) -> tuple[str | None, str | None]:
    word = m.group()
    if word.startswith(_HOSTING):
        return _hosted(ctx, s, m)
    end = m.end()
    text = s.text
    host = _first_country_after(s, end)
    visitor = _who_visitor(ctx, s, m.start())
    named_guest = False
    if word in ("visiting",) or re.match(r"\s+(?:of|by)\b", text[end:end + 4]):
        visitor = _visitor_from_visiting(s, end + (3 if text[end:].startswith(" of") else 0))
        named_guest = visitor is None and any(end < a < end + 40 for a, _b, _p in s.people)
    if visitor is None:
        poss = re.search(r"([\w-]+)[’']s\s+(?:(?:first|second|last|recent|\w+)\s+){0,2}$",
                         text[:m.start()])
        if poss:
            for a, _b, p in s.people:
                if a <= poss.start(1) < a + 40 and p.country:
                    visitor = p.country
            for cm in s.countries:
                if cm.start <= poss.start(1) < cm.end + 2:
                    visitor = cm.code
            if visitor and "invitation" in poss.group():  # "accepted X's invitation to visit"
                host, visitor = visitor, ctx.other(visitor)
    inv = _INVITED.search(text[:m.start()])
    if visitor is None and inv:
        visitor = _visitor_from_visiting(s, inv.end())
    if visitor is None and not named_guest:  # "the visit of X": X, even when unplaced
        hv = _HOST_VERB.search(text[:m.start()])
        if hv is None:
            visitor = _person_before(s, m.start())
    if host is None:
        city = _city_after(s, end, ctx)
        if city:
            host = city[1]
    io = _INVITATION_OF.search(text)
    if host is None and io:
        host = _visitor_from_visiting(s, io.end())
    thanked = _THANKED.search(text)
    if thanked:  # "thanked X for the invitation": X hosts
        inviters = [p.country for a, _b, p in s.people
                    if thanked.start() <= a < thanked.end() and p.country]
        if inviters:
            host, visitor = inviters[0], ctx.other(inviters[0])
    if visitor is None and host:
        visitor = ctx.other(host)
    if host is None and visitor:
        host = ctx.other(visitor)
    return visitor, host


def _people_of(ctx: ArticleContext, s: Sentence, code: str | None) -> str | None:
    for _a, _b, p in s.people:
        if p.country == code:
            return p.name
    titled = [p for p in ctx.people.values() if p.country == code and p.titles]
    return titled[0].name if len(titled) == 1 else None


def _talks_parties(ctx: ArticleContext, s: Sentence, m: re.Match[str]
                   ) -> tuple[str | None, str | None]:
    """'X held talks in <city of Y> with ...': X visits Y (X's country must differ)."""
    here = m.group().endswith("here")
    city = _city_after(s, m.end() - 4, ctx) if here else _city_after(s, m.end())
    if city is None:
        return None, None
    before = [p.country for a, _b, p in s.people if a < m.start() and p.country]
    visitor = next((c for c in before if c != city[1]), None)  # "X and Y co-chaired in B"
    return visitor, city[1]


_RELATIVE = re.compile(r",\s+(?:who|which)\b[^,;]*(?:,|$)")


def find_visits(ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    for i, s in enumerate(ctx.sentences):
        # visitor, host, start, clause, the dates that visit word could take
        seen: set[tuple[str, str, str | None, int, frozenset[int]]] = set()
        here: list[Candidate] = []
        triggers = list(_TRIGGER.finditer(s.text))
        if not triggers and any(w in s.text for w in ("talks", "met ", "chaired", "session",
                                                        "meeting", "consultations")):
            triggers = list(_TALKS_IN.finditer(s.text))
        for m in triggers:
            before = s.text[max(0, m.start() - 25):m.start()]
            if re.search(r"\d\s*$", before) or not (s.people or _ACTOR.search(s.text)
                                                      or _PRONOUN.search(s.text)):
                continue
            if re.search(r"\b(?:mutual|reciprocal|\d[\d,]*|several|many|numerous|(?:state|official|"
                         r"working)\s+)\s*$", before) and s.text[m.end():m.end() + 1] == "s":
                continue
            talks = m.group().endswith(("here", " in "))
            visitor, host = _talks_parties(ctx, s, m) if talks else _parties(ctx, s, m)
            if visitor is None and host is None and here:  # "..., following a trip in 2024"
                visitor = here[-1].data["visitor_country"]
                host = here[-1].data["host_country"]
            if visitor == host and any(p.guessed and p.country == host and a < m.start()
                                       for a, _b, p in s.people):
                visitor = ctx.other(host)  # a guessed nationality yields to the sentence
            if not (ctx.in_pair(visitor) and ctx.in_pair(host)) or visitor == host:
                continue
            assert visitor is not None and host is not None
            prefix = s.text[:m.end()]
            planned = bool(_PLANNED.search(prefix)) and not _THANKED.search(s.text)
            start = end = None
            ref = ctx.ref.isoformat() if ctx.ref else None
            clause = next((c for c in split_clauses(s.span)
                           if c.start - s.span.start <= m.start() < c.end - s.span.start), s.span)
            lo, hi = clause.start - s.span.start, clause.end - s.span.start
            # a relative clause ("X, who is on a visit to Y, said ...") is a clause of its own
            rel = next((r for r in _RELATIVE.finditer(s.text) if r.start() <= m.start() < r.end()),
                       None)
            if rel is not None:
                lo, hi = rel.start(), rel.end()
            dates = [d for d in ctx.dates(i) if d.value
                     and (planned or ref is None or (d.first or "") <= ref)
                     and not (_SINCE.search(s.text[max(0, d.start - 80):d.start])
                              and not s.text.startswith(", when", d.end))]
            # Outside its own clause a visit takes only a day or a month: "X, who is on a
            # visit to Y, said trade grew last year" is not dated by "last year".
            dates = [d for d in dates if lo <= d.start < hi] or [
                d for d in dates if d.kind not in ("y", "rel_year")
            ]
            # a date with another visit word between belongs to that one
            dates = [d for d in dates if not any(m.end() < t.start() < d.start for t in triggers)]
            own = frozenset(d.start for d in dates)
            if dates:
                d = min(dates, key=lambda d: (d.kind in ("y", "rel_year"), abs(d.start - m.end())))
                start = d.first
                end = d.last if d.last != d.first else None
            # the same pair again in one sentence is another visit only with its own date
            # (one the earlier visit word of its clause could not take)
            if any(k[:2] == (visitor, host) and (start is None or k[2] == start
                                                 or (k[3] == lo and d.start in k[4]))
                   for k in seen):
                continue
            seen.add((visitor, host, start, lo, own))
            kind = _KIND.search(s.text)
            city = None
            for pos in [m.end(), *[c.end() for c in re.finditer(r"\b(?:in|here)\b", s.text)]]:
                hit = _city_after(s, pos, ctx) if s.text[pos - 4:pos] != "here" else \
                    _city_after(s, pos - 4, ctx)
                if hit and hit[1] == host:
                    city = hit[0]
                    break
            data: dict[str, Any] = {
                "visitor": _people_of(ctx, s, visitor), "visitor_country": visitor,
                "host_country": host, "host": _people_of(ctx, s, host), "city": city,
                "start": start, "end": end, "kind": kind.group(1).lower() if kind else None,
                "status": "planned" if planned else "held"}
            here.append(ctx.candidate("visits", data, s))
        held = {(c.data["visitor_country"], c.data["host_country"]) for c in here
                if c.data["status"] == "held"}
        # "X, who arrived in A on Sunday, will also travel to B": one visit, already held
        out.extend(c for c in here if c.data["status"] == "held"
                   or (c.data["visitor_country"], c.data["host_country"]) not in held)
    return out

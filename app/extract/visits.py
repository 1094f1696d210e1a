"""Visits between the two countries: who went where, when, what kind, held or planned."""

from __future__ import annotations

import re
from typing import Any

from .context import ArticleContext, Sentence
from .countries import city_lookup
from .model import Candidate

_TRIGGER = re.compile(r"\b(?:visit(?:ed|ing)?|arriv(?:ed|es|e|ing)|trip|travel(?:l?ed|s)?|"
                      r"tour(?:ed)?|host(?:ed|s)|welcom(?:ed|es)|receiv(?:ed|es))\b"
                      r"(?!\s+(?:and|to\s+the\s+two))")
_HOSTING = ("host", "welcom", "receiv")
_KIND = re.compile(r"\b(state|official|working)\s+visit\b", re.IGNORECASE)
_PLANNED = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:scheduled|expected|set|due|going|slated)\s+to|"
    r"plans?\s+to|planning\s+to|intends?\s+to|invited\b.{0,80}?\bto\s+(?:visit|pay|come)|"
    r"invitation\s+to\s+(?:visit|pay|come)|upcoming|forthcoming|planned|to\s+be\s+held)\b",
    re.IGNORECASE)
_THANKED = re.compile(r"\b(?:gratitude|thank(?:ed|s)?|grateful)\b.{0,80}\binvitation\b", re.I)
_CITY_AFTER = re.compile(r"^\s*(?:in|at|to)?\s*(?:the\s+capital\s+)?(?P<city>[A-ZÀ-ÖØ-ÞİŞ][\w’'-]+"
                         r"(?:\s+[A-Z][\w'-]+)?)")
_ACTOR = re.compile(r"\b(?:President|Prime\s+Minister|Minister|King|Queen|Emir|Chancellor|"
                    r"[Ll]eader|[Dd]elegation|Head\s+of\s+State|[Pp]remier|Crown\s+Prince)")
_REMOTE = re.compile(r"[^.]{0,30}?\b(?:call|letter|message|phone|video|virtual|online|"
                     r"credentials|congratulat\w*|decision|news|proposal)\b", re.I)
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


def _city_after(s: Sentence, pos: int) -> tuple[str, str] | None:
    m = _CITY_AFTER.match(s.text[pos:pos + 60])
    if m:
        for cand in (m.group("city"), m.group("city").split()[0]):
            cand = re.sub(r"[’']s$", "", cand.rstrip(",."))
            hit = city_lookup(cand)
            if hit:
                return cand, hit[1]
    return None


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
    best = None
    for a, _b, p in s.people:
        if a < pos and p.country:
            best = p.country
    for m in s.countries:  # "Polish presidents", "Poland's leader", a country as subject
        if m.start < pos and best is None and m.kind != "capital":
            best = m.code
    return best


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
    visitor = None
    if word in ("visiting",) or re.match(r"\s+(?:of|by)\b", text[end:end + 4]):
        visitor = _visitor_from_visiting(s, end + (3 if text[end:].startswith(" of") else 0))
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
    inv = _INVITED.search(text[:m.start()])
    if visitor is None and inv:
        visitor = _visitor_from_visiting(s, inv.end())
    if visitor is None:
        hv = _HOST_VERB.search(text[:m.start()])
        if hv is None:
            visitor = _person_before(s, m.start())
    if host is None:
        city = _city_after(s, end)
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


def find_visits(ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    for i, s in enumerate(ctx.sentences):
        seen: set[tuple[str, str]] = set()
        for m in _TRIGGER.finditer(s.text):
            before = s.text[max(0, m.start() - 25):m.start()]
            if re.search(r"\d\s*$", before) or not (s.people or _ACTOR.search(s.text)):
                continue
            if re.search(r"\b(?:mutual|reciprocal|\d[\d,]*|several|many|numerous|(?:state|official|"
                         r"working)\s+)\s*$", before) and s.text[m.end():m.end() + 1] == "s":
                continue
            visitor, host = _parties(ctx, s, m)
            if not (ctx.in_pair(visitor) and ctx.in_pair(host)) or visitor == host:
                continue
            assert visitor is not None and host is not None
            if (visitor, host) in seen:
                continue
            seen.add((visitor, host))
            prefix = s.text[:m.end()]
            planned = bool(_PLANNED.search(prefix)) and not _THANKED.search(s.text)
            start = end = None
            ref = ctx.ref.isoformat() if ctx.ref else None
            dates = [d for d in ctx.dates(i) if d.value
                     and (planned or ref is None or (d.first or "") <= ref)]
            if dates:
                d = min(dates, key=lambda d: (d.kind in ("y", "rel_year"), abs(d.start - m.end())))
                start = d.first
                end = d.last if d.last != d.first else None
            kind = _KIND.search(s.text)
            city = None
            for pos in [m.end(), *[c.end() for c in re.finditer(r"\bin\b", s.text)]]:
                hit = _city_after(s, pos)
                if hit and hit[1] == host:
                    city = hit[0]
                    break
            data: dict[str, Any] = {
                "visitor": _people_of(ctx, s, visitor), "visitor_country": visitor,
                "host_country": host, "host": _people_of(ctx, s, host), "city": city,
                "start": start, "end": end, "kind": kind.group(1).lower() if kind else None,
                "status": "planned" if planned else "held"}
            out.append(ctx.candidate("visits", data, s))
    return out

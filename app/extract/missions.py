"""Diplomatic missions of each country in the other: embassies, consulates general and
honorary consulates, one per city ("consulates general in A, B and C" gives three)."""

from __future__ import annotations

import re

from .context import ArticleContext, Sentence
from .countries import capital_of, city_lookup
from .gazetteer import data
from .model import Candidate

KEYWORD = re.compile(r"\b(?P<kw>honorary\s+consul(?:ates?|ships?)(?:[- ]general)?|"
                     r"consulates?[- ]general|general\s+consulates?|consulates?|embass(?:y|ies)|"
                     r"(?:deputy\s+|assistant\s+)?high\s+commissions?)\b",
                     re.IGNORECASE)
_CITY = re.compile(r"(?P<c>[A-ZÀ-ÖØ-ÞİŞÇ][\w’'-]*(?:\s+[A-Z][\w'-]+){0,3})(?:\s*\([^)]*\))?")
_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_SUBJECT_CLAUSE = re.compile(r",\s+(?:while|whereas|but|and)\s+|;\s+|,\s+and\s+(?=[A-Z])")
_OF_COUNTRY = re.compile(r"\w+(?:[- ]general)?\s+of\s+(?:the\s+)?(?P<c>[A-Z])", re.IGNORECASE)
_CAPITAL_OF = re.compile(r"(?P<cty>[A-ZÀ-ÖØ-ÞİŞÇ][\w-]*(?:\s+[A-Z][\w-]+)?)[’']s\s+capital,?\s*")


def mission_kind(word: str) -> str:
    w = word.lower()
    if w.startswith("honorary"):
        return "honorary_consulate"
    if w.startswith(("consul", "general", "deputy", "assistant")):
        return "consulate_general"  # a deputy high commission is a Commonwealth consulate
    return "embassy"


def sender_of(ctx: ArticleContext, s: Sentence, kw_start: int, first_kw: int) -> str | None:
    """Demonym or possessive right before the keyword, "Embassy of X", else the subject."""
    after = _OF_COUNTRY.match(s.text, kw_start)
    if after:
        for m in s.countries:
            if m.start == after.start("c"):
                return m.code
    for m in reversed(s.countries):
        if m.end <= kw_start and re.fullmatch(r"(?:[’']s)?\s+(?:(?:new|first|own|honorary)\s+)?",
                                              s.text[m.end:kw_start]):
            return m.code
    clause_start = 0
    for c in _SUBJECT_CLAUSE.finditer(s.text, 0, kw_start):
        clause_start = c.end()
    for m in s.countries:  # the subject of the clause holding the keyword
        if clause_start <= m.start < kw_start and clause_start and m.kind != "demonym" and \
                not re.search(r"\bin\s+$", s.text[max(0, m.start - 4):m.start]):
            return m.code
    for m in s.countries:
        if m.start < first_kw:
            return m.code
    return None


def cities_after(ctx: ArticleContext, text: str, pos: int) -> list[tuple[str, str | None]]:
    """[(city as written, country code or None)] of the list after 'in'."""
    m = re.match(r"\s+(?:located\s+|based\s+)?in\s+", text[pos:])
    if not m:
        return []
    pos += m.end()
    terms = data()["terms"]
    cap = _CAPITAL_OF.match(text, pos)
    out: list[tuple[str, str | None]] = []
    capital_country = None
    if cap and cap.group("cty") in terms:
        capital_country = terms[cap.group("cty")][0]
        pos = cap.end()
    while True:
        cm = _CITY.match(text, pos)
        if not cm:
            break
        name = cm.group("c")
        if name in terms or KEYWORD.match(name):
            break
        words = name.split()
        hit = None
        for n in range(len(words), 0, -1):  # the longest known name: "Ho Chi Minh City"
            hit = city_lookup(" ".join(words[:n]))
            if hit:
                name = " ".join(words[:n])
                break
        out.append((name, hit[1] if hit else None))
        pos = cm.start("c") + len(name)
        if not hit:
            pos = cm.end()
        sep = _SEP.match(text, pos)
        if not sep or KEYWORD.match(text, sep.end()):
            break
        pos = sep.end()
    if not out and capital_country:
        cap_name = capital_of(capital_country)
        if cap_name:
            out.append((cap_name, capital_country))
    return out


def find_missions(ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    for s in ctx.sentences:
        kws = list(KEYWORD.finditer(s.text))
        if not kws:
            continue
        for kw in kws:
            sender = sender_of(ctx, s, kw.start(), kws[0].start())
            if not ctx.in_pair(sender):
                continue
            pos = kw.end()
            of = _OF_COUNTRY.match(s.text, kw.start())
            if of:  # "the Embassy of Japan in ..."
                pos = next((m.end for m in s.countries if m.start == of.start("c")), pos)
            for city, code in cities_after(ctx, s.text, pos):
                host = code or ctx.other(sender)
                if host == sender or not ctx.in_pair(host):
                    continue
                hit = city_lookup(city)
                out.append(ctx.candidate("missions", {
                    "country": sender, "host_country": host, "city": city,
                    "kind": mission_kind(kw.group("kw")),
                    "canonical": hit[0] if hit else city}, s))
    return out

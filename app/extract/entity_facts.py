"""Entity candidates of an article: people, countries, organisations and places."""

from __future__ import annotations

import re
from types import ModuleType

from .context import ArticleContext
from .countries import CountryMention, city_lookup, country_info
from .entities import find_orgs, find_places
from .gazetteer import data
from .model import Candidate, Evidence


def _place(ctx: ArticleContext, form: str, canonical: str, code: str, start: int) -> Candidate:
    """A place named ``form`` (``canonical`` in the gazetteer) at ``start``."""
    aliases = [canonical] if canonical != form else []
    data = {"name": form, "kind": "place", "canonical": canonical, "country": code}
    return Candidate("entities", {**data, "aliases": aliases}, _evidence(ctx, start))


def _evidence(ctx: ArticleContext, pos: int) -> list[Evidence]:
    for s in ctx.sentences:
        if s.span.start <= pos < s.span.end:
            return [ctx.evidence(s)]
    return []


def _longer_name(text: str, m: CountryMention, L: ModuleType) -> CountryMention:
    """A country name read inside a longer one written with a typographic apostrophe
    ("People’s Republic of China" is China, not the "Republic of China")."""
    before = L.LONGER_NAME_BEFORE.search(text, max(0, m.start - 30), m.start)
    if before is None:
        return m
    longer = text[before.start(1) : m.end]
    hit = data()["terms"].get(re.sub(r"\s+", " ", longer.replace("’", "'")))
    if hit is None or hit[1] != "name":
        return m
    return CountryMention(before.start(1), m.end, hit[0], m.kind, longer)


def find_entities(ctx: ArticleContext) -> list[Candidate]:
    L = ctx.lang
    out: list[Candidate] = []
    text = ctx.text
    for p in ctx.people.values():
        pos = text.find(p.name)
        if pos < 0:  # a name written in another case ("Саакяна"): where it is first named
            pos = next(
                (s.span.start + a for s in ctx.sentences for a, _b, q in s.people if q is p), 0
            )
        out.append(
            Candidate(
                "entities",
                {
                    "name": p.name,
                    "kind": "person",
                    "aliases": sorted(p.aliases),
                    "country": p.country,
                },
                _evidence(ctx, max(pos, 0)),
            )
        )
    seen: dict[str, Candidate] = {}
    for m in ctx.countries:
        if m.kind != "name":
            continue
        m = _longer_name(text, m, L)
        c = seen.get(m.code)
        if c is None:
            info = country_info(m.code)
            aliases = {m.code, *(info.get("names") or [])}
            if info.get("official"):
                aliases.add(info["official"])
            c = seen[m.code] = Candidate(
                "entities",
                {"name": m.text, "kind": "country", "code": m.code, "aliases": []},
                _evidence(ctx, m.start),
            )
            c.data["aliases"] = sorted(aliases - {m.text})
            out.append(c)
        elif m.text != c.data["name"] and m.text not in c.data["aliases"]:
            c.data["aliases"] = sorted({*c.data["aliases"], m.text})
    people = [(s.span.start + a, s.span.start + b) for s in ctx.sentences for a, b, _p in s.people]
    orgs, org_mentions = find_orgs(text, people, L)
    for o in orgs:
        pos = next((m.start for m in org_mentions if m.key == o.name), 0)
        out.append(
            Candidate(
                "entities",
                {"name": o.name, "kind": "organization", "aliases": sorted(o.aliases)},
                _evidence(ctx, pos),
            )
        )
    skip = [(m.start, m.end) for m in org_mentions]
    skip += people
    places: dict[str, Candidate] = {}
    if ctx.dateline and ctx.in_pair(ctx.dateline[3]):
        start, _end, form, code = ctx.dateline
        hit = city_lookup(form)
        canonical = hit[0] if hit else form
        places[canonical] = _place(ctx, form, canonical, code, start)
        out.append(places[canonical])
        skip.append((start, _end))
    for start, _end, form, canonical, code in find_places(text, ctx.pair, skip, L):
        c = places.get(canonical)
        if c is None:
            c = places[canonical] = _place(ctx, form, canonical, code, start)
            out.append(c)
        elif form != c.data["name"] and form not in c.data["aliases"]:
            c.data["aliases"] = sorted({*c.data["aliases"], form})
    return out

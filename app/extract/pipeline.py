"""One article through the recognisers, then merged within the article."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from .agreements import find_agreements
from .context import ArticleContext, build_context, resolve_language
from .dates import infer_article_date
from .entity_facts import find_entities
from .events import find_events
from .missions import find_missions
from .model import Candidate, Extraction
from .statistics import find_statistics
from .visits import find_visits


def _echo(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """One figure of one article quoted with its year and without it (a headline or lead
    and the body): the same but for one period left out."""
    from app.consolidate import same_fact

    if bool(a.get("period")) == bool(b.get("period")):
        return False
    dated = a if a.get("period") else b
    return same_fact("statistics", dated, {**(b if dated is a else a), "period": dated["period"]})


def _merge_within(cands: list[Candidate]) -> list[Candidate]:
    """Merge repeats inside one article; undated mentions join the dated fact they echo."""
    from app.consolidate import merge_into, same_fact

    out: list[Candidate] = []
    by_type: dict[str, list[Candidate]] = {}
    for c in cands:
        held = by_type.setdefault(c.type, [])
        # entities come out of their finders already unique
        match = (
            None
            if c.type == "entities"
            else next((h for h in held if same_fact(c.type, h.data, c.data)), None)
        )
        if match is None and c.type == "statistics":
            match = next((h for h in held if _echo(h.data, c.data)), None)
        if match is not None:
            merge_into(match, c)
        else:
            held.append(c)
            out.append(c)
    return out


def _main_date(ctx: ArticleContext, visits: list[Candidate]) -> str | None:
    """The day of the talks of the latest held visit up to the article date (else its
    start), else the article date: undated signings and council meetings took place then."""
    ref = ctx.ref.isoformat() if ctx.ref else None
    dated = [
        v.data
        for v in visits
        if v.data.get("status") == "held"
        and v.data.get("start")
        and (ref is None or v.data["start"] <= ref)
    ]
    if not dated:
        return ref
    ctx.main_visit = True
    visit = max(dated, key=lambda d: d["start"])
    start: str = visit["start"]
    last: str = visit.get("end") or ref or visit["start"]
    if len(start) == 10:
        for i, s in enumerate(ctx.sentences):
            if ctx.lang.MAIN_TALKS.search(s.text):
                for d in ctx.dates(i):
                    if d.value and len(d.value) == 10 and start <= d.value <= last:
                        return d.value
    return start


def _fill_defaults(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """Held visits, signed documents and council meetings the text leaves undated."""
    for c in cands:
        d = c.data
        if c.type == "visits" and d.get("status") == "held" and not d.get("start"):
            d["start"] = ctx.main_date
        elif (c.type == "agreements" and not d.get("date")) or (
            c.type == "events" and d.pop("needs_date", False) and not d.get("date")
        ):
            d["date"] = ctx.main_date


def extract(
    article_id: str, text: str, date: str | None, lang: str | ModuleType = "en"
) -> Extraction:
    """Date the article, run every recogniser, merge repeats, fill default dates; lang is
    the article's language (a code, or a language module)."""
    L = resolve_language(lang)
    inferred = False
    if not date:
        date = infer_article_date(text, L)
        inferred = date is not None
    ctx = build_context(article_id, text, date, L)
    visits = _merge_within(find_visits(ctx))
    ctx.main_date = _main_date(ctx, visits)
    cands = (
        visits
        + find_agreements(ctx)
        + find_statistics(ctx)
        + find_events(ctx)
        + find_missions(ctx)
        + find_entities(ctx)
    )
    for c in cands:  # an upgrade agreed at the article's event is dated before merging
        if c.type == "events" and c.data.get("needs_date") == "now" and not c.data.get("date"):
            c.data["date"] = ctx.main_date
    cands = _merge_within(cands)
    _fill_defaults(ctx, cands)
    for c in cands:
        c.data.pop("needs_date", None)
    return Extraction(date, inferred, _merge_within(cands))

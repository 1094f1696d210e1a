"""Figures about the pair: trade, investment, companies, students, tourists, visits, ...

A figure is a quantity tied to a metric noun right after it ("3,538 ... companies") or, for
money, to a metric word in its clause ("trade", "invest").  Direction (from/to) comes from a
demonym before the noun, "from X to Y", "in/to X" after it, or the subject country.
"""

from __future__ import annotations

import re
from typing import Any

from .context import ArticleContext, Sentence
from .countries import CountryMention, country_info
from .model import Candidate
from .numbers import Quantity, find_quantities, ordinal_value
from .sentences import Span, split_clauses

# metric, noun pattern right after the number, unit, has a direction
_COUNT_METRICS: list[tuple[str, re.Pattern[str], str, bool]] = [
    ("companies", re.compile(r"\b(?:companies|firms|enterprises|businesses|joint\s+ventures)\b"),
     "companies", True),
    ("joint_projects", re.compile(r"\b(?:joint\s+)?projects\b"), "projects", False),
    ("students", re.compile(r"\bstudents\b"), "people", True),
    ("tourists", re.compile(r"\b(?:tourists|holidaymakers|visitors|travell?ers)\b"), "people",
     True),
    ("official_visits", re.compile(r"\b(?:official\s+|state\s+|high-level\s+)?visits\b"), "visits",
     True),
    ("bilateral_meetings", re.compile(r"\b(?:bilateral\s+)?(?:meetings|talks)\b"), "meetings",
     False),
    ("agreements_signed", re.compile(r"\b(?:agreements|documents|deals|memorandums|memoranda)\b"),
     "documents", False),
    ("visa_free_stay_days", re.compile(r"\bdays\b"), "days", True),
]
_MONEY_METRICS = [
    ("trade_volume", re.compile(r"(?<!free\s)\b(?:trade|turnover|commerce|trading)\b(?!\s+(?:"
                                r"minister|ministry|agreement|deal|zone|fair|representative|office|"
                                r"union|war|dispute|talks|partner))", re.I), False),
    ("investment", re.compile(r"\binvest|\binject", re.I), True),
    ("exports", re.compile(r"\bexports?\b", re.I), True),
    ("imports", re.compile(r"\bimports?\b", re.I), True),
]
_TARGET = re.compile(r"\b(?:target(?:ed|s)?|aim(?:s|ed|ing)?|goal|objective|pledg\w+|agreed\s+to|"
                     r"commit(?:s|ted)?\s+to|to\s+(?:increase|raise|"
                     r"boost|bring|double|triple|reach|expand|lift)|will\s+(?:reach|increase|exceed|"
                     r"hit|grow)|plans?\s+to|in\s+the\s+coming\s+years|by\s+20\d\d)\b", re.I)
_RANK = re.compile(r"(?<!one of )\b(?:(?P<ord>\w+)[\s-]+(?:largest|biggest|most\s+important|"
                   r"leading)|(?P<lone>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                   r"tenth|\d+(?:st|nd|rd|th)|main|principal|largest|biggest)|top\s+"
                   r"(?P<n>\w+))\s+(?:foreign\s+)?(?:trade|trading|commercial|economic)\s+partners?\b",
                   re.I)
_CUMULATIVE = re.compile(r"\b(?:since\s+(?:\d{4}|the\s+\w+|independence|then)|so\s+far|to\s+date|"
                         r"in\s+total|altogether|over\s+the\s+"
                         r"(?:past|last|years)|ha(?:ve|s)\s+(?:so\s+far\s+)?(?:been\s+)?signed)\b",
                         re.I)
# a share of the figure just given takes its period ("exports made up $61 million of this")
_SHARE = re.compile(r"\b(?:of\s+(?:this|that|the\s+total|which)|accounting\s+for|"
                    r"account(?:s|ed)?\s+for)\b", re.I)
_NOUN_GAP = re.compile(r"^(?:\s+[A-Za-zÀ-ÿ’'-]+){0,3}")
# words between a number and its noun that show the number counts something else
# ("the two leaders held talks": people, not meetings)
_NOT_GAP = re.compile(r"\b(?:leaders|sides|countries|nations|presidents|ministers|heads|"
                      r"delegations|parties|states|officials|"
                      r"held|hold|have|has|had|are|were|is|was|will|signed|also|then)\b", re.I)


def _metric_for_count(s: Sentence, clause: Span, q: Quantity, off: int
                      ) -> tuple[str, str, bool, int] | None:
    after = clause.text[q.end:q.end + 60]
    window = _NOUN_GAP.match(after)
    span = window.group() if window else ""
    for m in _NOT_GAP.finditer(span):  # the noun must come before any such word
        span = span[:m.start()]
        break
    for metric, pat, unit, directional in _COUNT_METRICS:
        m = pat.search(span)
        if m:
            if metric == "visa_free_stay_days" and "visa" not in s.text.lower():
                return None
            if metric == "students" and re.search(r"scholarship", clause.text, re.I):
                return "scholarships", "people", True, q.end + m.end()
            if metric == "agreements_signed" and not (re.search(r"\bsign", clause.text, re.I)
                                                       and _CUMULATIVE.search(s.text)):
                return None  # a batch signed at one event is an agreement fact, not a figure
            return metric, unit, directional, q.end + m.end()
    if re.match(r"\s+(?:visiting|visited|arrivals)\b", after) and re.search(r"tourist", s.text,
                                                                             re.I):
        return "tourists", "people", True, q.end
    for cm in s.countries:  # "30,000 New Zealanders visited Singapore"
        if cm.kind == "demonym" and cm.start - off == q.end + 1 and re.match(
                r"\s+(?:visited|travell?ed\s+to|came\s+to)\b", clause.text[cm.end - off:]):
            return "tourists", "people", True, cm.end - off
    return None


def _direction(ctx: ArticleContext, s: Sentence, clause: Span, off: int, q: Quantity,
               noun_end: int, metric: str) -> tuple[str | None, str | None]:
    cs = [CountryMention(m.start - off, m.end - off, m.code, m.kind, m.text) for m in s.countries
          if off <= m.start < off + len(clause.text)]
    text = clause.text
    frm = to = None
    anchor = q.start
    if q.unit:  # money: "Japanese investment in India ... $5 billion"
        kw = re.search(r"\b(?:invest\w*|inject\w*|exports?|imports?)", text)
        if kw and kw.start() < q.start:
            anchor = kw.start()
            for m in cs:
                if m.kind == "demonym" and re.fullmatch(r"\s+", text[m.end:kw.start()]):
                    frm = m.code
    for m in cs:
        before = text[max(0, m.start - 12):m.start]
        if re.search(r"\baccording\s+to\s+(?:the\s+)?$", text[max(0, m.start - 20):m.start]):
            continue  # the source of the figure, not where it goes
        if re.search(r"\bfrom\s+(?:the\s+)?$", before) and m.start > anchor:
            frm = m.code
        elif re.search(r"\b(?:to|in|into|for|at)\s+(?:the\s+)?$", before) and m.start > anchor:
            to = to or m.code
    for m in cs:  # a demonym right before the noun: "12,000 Indian students"
        if m.kind == "demonym" and q.end <= m.start < noun_end:
            frm = frm or m.code
    if frm is None:  # "destination for Polish tourists, with 86,000 visiting"
        noun = {"tourists": r"tourists", "students": r"students", "scholarships": r"students"}.get(
            metric)
        if noun:
            for m in s.countries:
                if m.kind == "demonym" and re.match(rf"\s+{noun}", s.text[m.end:m.end + 12]):
                    frm = m.code
    cit = re.search(r"\bfor\s+(\w+)\s+(?:citizens|nationals|passport)", s.text)
    if cit:
        for m in s.countries:
            if m.text == cit.group(1):
                frm, to = m.code, None
    if frm is None and to is None and metric in ("investment", "companies", "exports"):
        subject = next((m for m in s.countries if m.kind == "name"), None)
        frm = subject.code if subject else None
    if frm and not to:
        to = ctx.other(frm)
    if to and not frm:
        frm = ctx.other(to)
    if frm == to:
        return None, None
    return frm, to


def _period(ctx: ArticleContext, i: int, clause: Span, off: int, q: Quantity, target: bool
            ) -> str | None:
    if re.search(r"\bcurrent(?:ly)?\b", clause.text[max(0, q.start - 20):q.start]):
        return None
    best, dist = None, 10**6
    for d in ctx.dates(i):
        if not (off <= d.start < off + len(clause.text)) or d.kind == "weekday":
            continue
        if d.start - off <= q.start < d.end - off:
            continue
        value = ctx.last_period if d.kind == "same_period" else d.value
        gap = (d.start - off - q.end) if d.start - off >= q.end else (q.start - d.end + off) + 1
        if value and (not target or d.precise) and gap < dist:
            best, dist = value, gap
    return best


def find_statistics(ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    prefer = tuple(c for code in ctx.pair for c in country_info(code).get("currencies") or [])
    for i, s in enumerate(ctx.sentences):
        for clause in split_clauses(s.span):
            off = clause.start - s.span.start
            qs = find_quantities(clause.text, prefer)
            if not qs:
                continue
            date_spans = [(d.start - off, d.end - off) for d in ctx.dates(i)]
            qs = [q for q in qs if not any(a <= q.start < b for a, b in date_spans)
                  and not re.match(r"\s*(?:%|percent|per\s+cent|years?\b|th\b)",
                                   clause.text[q.end:q.end + 9])]
            last_money: Candidate | None = None
            for k, q in enumerate(qs):
                nxt = qs[k + 1] if k + 1 < len(qs) else None
                gap = clause.text[q.end:nxt.start] if nxt else ""
                current = re.search(r"\bcurrent\s*$", clause.text[max(0, q.start - 14):q.start])
                if nxt and re.fullmatch(r"\s+to\s+", gap) and not current and \
                        re.search(r"\bfrom\s*$", clause.text[max(0, q.start - 8):q.start]):
                    continue  # "from 30 to 90 days": the new value counts
                if q.bracketed and last_money is not None and q.unit:
                    eq = {"value": q.value, "unit": q.unit}
                    if eq not in last_money.data["equivalents"]:
                        last_money.data["equivalents"].append(eq)
                    continue
                lead = clause.text[:q.start]
                lead = lead[lead.rfind(",") + 1:]  # "To boost tourism, X extended ...": not a goal
                target = bool(_TARGET.search(lead)) and not current
                if q.unit:
                    metric = next((m for m, pat, _d in _MONEY_METRICS if pat.search(clause.text)),
                                  None)
                    if metric is None:
                        metric = next((m for m, pat, _d in _MONEY_METRICS if pat.search(s.text)),
                                      None)
                    if metric is None:
                        continue
                    unit, noun_end = q.unit, q.end
                    directional = metric != "trade_volume"
                else:
                    found = _metric_for_count(s, clause, q, off)
                    if found is None:
                        continue
                    metric, unit, directional, noun_end = found
                frm = to = None
                if directional:
                    frm, to = _direction(ctx, s, clause, off, q, noun_end, metric)
                period = _period(ctx, i, clause, off, q, target)
                if period is None and not target and (_SHARE.search(s.text) or any(
                        o.evidence[0].start == s.span.start and o.data["period"]
                        and o.data["metric"] == metric for o in out)):
                    period = ctx.last_period  # "..., while Y welcomed 90,000": the same year
                if period:
                    ctx.last_period = period
                data: dict[str, Any] = {
                    "metric": metric, "value": q.value, "unit": unit,
                    "qualifier": "target" if target else (q.qualifier or "actual"),
                    "period": period, "countries": sorted(ctx.pair),
                    "from_country": frm, "to_country": to, "equivalents": []}
                cand = ctx.candidate("statistics", data, s)
                out.append(cand)
                if q.unit:
                    last_money = cand
        out.extend(_ranks(ctx, i, s))
    return out


def _ranks(ctx: ArticleContext, i: int, s: Sentence) -> list[Candidate]:
    out: list[Candidate] = []
    if "partner" not in s.text:
        return out
    for m in _RANK.finditer(s.text):
        lone = m.group("lone")
        if lone:  # "Morocco's first trading partner", "the main trading partner"
            value = ordinal_value(lone) or 1
        else:
            value = ordinal_value(m.group("ord")) if m.group("ord") else None
        if value is None and m.group("ord") and not m.group("n") and not lone:
            value = 1  # "X's largest trading partner"
        if value is None and m.group("n"):
            qs = find_quantities(m.group("n"))
            value = int(qs[0].value) if qs else None
        if value is None:
            continue
        dates = [d for d in ctx.dates(i) if d.value and d.kind != "weekday"]
        period = min(dates, key=lambda d: abs(d.start - m.end())).value if dates else None
        out.append(ctx.candidate("statistics", {
            "metric": "trade_partner_rank", "value": value, "unit": "rank", "qualifier": "actual",
            "period": period, "countries": sorted(ctx.pair), "from_country": None,
            "to_country": None, "equivalents": []}, s))
    return out

"""Figures about the pair: trade, investment, companies, students, tourists, visits, ...

A count is tied to a metric noun right after it ("3,538 ... companies"); an amount of money
to the metric word nearest to it: one right after it ("$2 billion investment", "a $7 billion
export goal"), else the nearest one before it in its clause ("trade grew to $9 million, of
which exports to Y made up $6 million"), else one after it, else one elsewhere in the
sentence.  Words for money that is no trade or investment (a loan, a grant, a project, deals
worth ...) block the figure.  A sentence without any such word continues the previous
sentence's money figure ("Today we stand at $2 billion.").

Direction (from/to) comes from a demonym or possessive before the noun, "from X", "to/in/
into X" after it, the subject country, or, for a first-person speaker ("our firms invested
..."), the speaker's country.  "Imports from X" are X's exports.

A target ("raise trade to $10 billion", "a $12 billion trade goal") has no period; the
starting point of "from $X to $Y" is an actual figure.  Periods: the nearest date in the
clause; "since X" is X/article year; "over the past N years" Y-N/Y; a fiscal year its months.
"""

from __future__ import annotations

import dataclasses
import re
from types import ModuleType
from typing import Any

from .context import ArticleContext, Sentence
from .countries import CountryMention, country_info, fiscal_year_start
from .model import Candidate
from .numbers import Quantity, find_quantities, ordinal_value
from .sentences import Span, split_clauses


def _metric_for_count(
    L: ModuleType, s: Sentence, clause: Span, q: Quantity, off: int
) -> tuple[str, str, bool, int] | None:
    after = clause.text[q.end : q.end + 60]
    window = L.NOUN_GAP.match(after)
    span = window.group() if window else ""
    for m in L.NOT_GAP.finditer(span):  # the noun must come before any such word
        span = span[: m.start()]
        break
    for metric, pat, unit, directional in L.COUNT_METRICS:
        m = pat.search(span)
        if m:
            if metric == "visa_free_stay_days" and L.VISA_WORD not in s.text.lower():
                return None
            if metric == "joint_projects" and not L.JOINT.search(clause.text):
                return None  # "finance 10 farm projects": not the pair's joint projects
            if metric == "students" and L.SCHOLARSHIP.search(clause.text):
                return "scholarships", "people", True, q.end + m.end()
            if metric == "agreements_signed" and not (
                L.SIGN_WORD.search(clause.text) and L.CUMULATIVE.search(s.text)
            ):
                return None  # a batch signed at one event is an agreement fact, not a figure
            return metric, unit, directional, q.end + m.end()
    number_of = L.NUMBER_OF.search(clause.text[: q.start])
    if number_of:  # "the number of Ghanaian students in Kenya reached 4,000"
        for metric, pat, unit, directional in L.COUNT_METRICS:
            if metric != "agreements_signed" and pat.search(number_of.group("noun")):
                return metric, unit, directional, q.end
    if L.COUNT_VISITING.match(after) and L.TOURIST_WORD.search(s.text):
        return "tourists", "people", True, q.end
    for cm in s.countries:  # "30,000 New Zealanders visited Singapore"
        if (
            cm.kind == "demonym"
            and cm.start - off == q.end + 1
            and L.DEMONYM_VISITED.match(clause.text[cm.end - off :])
        ):
            return "tourists", "people", True, cm.end - off
    return None


def _money_keywords(L: ModuleType, text: str) -> list[tuple[str, int, int]]:
    """(metric or "block", start, end) of the money words of a sentence; a blocking word
    right after a metric word is part of it ("investment pledges")."""
    out: list[tuple[str, int, int]] = []
    for m in L.MONEY_WORDS.finditer(text):
        kind = m.lastgroup or "block"
        if (
            kind == "block"
            and out
            and out[-1][0] != "block"
            and L.MONEY_COMPOUND.fullmatch(m.group())
            and re.fullmatch(r"\s+", text[out[-1][2] : m.start()])
        ):
            continue
        out.append((kind, m.start(), m.end()))
    return out


def _money_metric(
    L: ModuleType, kws: list[tuple[str, int, int]], text: str, lo: int, hi: int, q: Quantity
) -> tuple[str, int] | None:
    """The metric word that an amount at q (sentence offsets; its clause is lo..hi)
    measures, with its start; ("block", ...) when it is money of another kind."""
    for k, (kind, a, b) in enumerate(kws):  # right after it: "$2 billion investment"
        if kind == "block" and a >= q.end and L.MONEY_BLOCK_GAP.fullmatch(text[q.end : a]):
            return kind, a  # "a $3 billion Chinese-funded railway"
        if a >= q.end and L.MONEY_AFTER_GAP.match(text[q.end : a]):
            nxt = kws[k + 1] if k + 1 < len(kws) else None
            if nxt and nxt[0] == "block" and re.fullmatch(r"\s+", text[b : nxt[1]]):
                return "block", nxt[1]  # "a $2 billion investment fund"
            return kind, a
    before = [k for k in kws if lo <= k[1] and k[2] <= q.start]
    if before:
        return before[-1][0], before[-1][1]
    after = [k for k in kws if k[1] >= q.end and k[2] <= hi]
    if after:
        return after[0][0], after[0][1]
    before = [k for k in kws if k[2] <= q.start]
    if before:
        return before[-1][0], before[-1][1]
    return (kws[0][0], kws[0][1]) if kws else None


_COMMA = re.compile(r",(?!\d)")  # a clause's comma, not a number's ("$5,3 млрд", "1,500")


def _possessor_after(L: ModuleType) -> re.Pattern[str]:
    """The gap between a money word and the country owning it when the owner follows in
    the genitive ("инвестиции Армении"); a language that puts it first never matches."""
    found: re.Pattern[str] = L.POSSESSOR_AFTER_GAP
    return found


def _compared_before(L: ModuleType) -> re.Pattern[str]:
    """The words before a date that is only the one compared with ("по сравнению с 2015
    годом"); never, for a language that does not define them."""
    found: re.Pattern[str] = L.COMPARED_BEFORE
    return found


def _possessor(L: ModuleType, text: str, m: CountryMention, kw: int) -> bool:
    """m stands right before the keyword at kw: "Peruvian exports", "Peru's exports"."""
    gap = text[m.end : kw]
    if m.kind == "demonym":
        return bool(L.DEMONYM_POSSESSOR_GAP.fullmatch(gap))
    return bool(L.NAME_POSSESSOR_GAP.fullmatch(gap))


def _direction(
    ctx: ArticleContext,
    s: Sentence,
    clause: Span,
    off: int,
    q: Quantity,
    noun_end: int,
    metric: str,
    kw: int | None = None,
) -> tuple[str | None, str | None]:
    L = ctx.lang
    cs = [
        CountryMention(m.start - off, m.end - off, m.code, m.kind, m.text)
        for m in s.countries
        if off <= m.start < off + len(clause.text)
    ]
    text = clause.text
    frm = to = None
    anchor = q.start
    imports = metric == "imports"
    if q.unit:  # money: "Japanese investment in India ... $5 billion"
        if kw is None or not 0 <= kw < len(text):
            found = L.MONEY_DIRECTION_WORD.search(text)
            kw = found.start() if found else None
        if kw is not None and kw < q.start:
            anchor = kw
        if kw is not None:
            word = L.MONEY_WORDS.match(text, kw)
            kw_end = word.end() if word else kw
            for m in cs:
                if (m.end <= kw and _possessor(L, text, m, kw)) or (
                    m.start >= kw_end
                    and m.kind != "capital"
                    and _possessor_after(L).fullmatch(text, kw_end, m.start)
                ):
                    if imports:
                        to = m.code  # "Ghana's imports": the buyer
                    else:
                        frm = m.code
    for m in cs:
        before = text[max(0, m.start - 12) : m.start]
        if L.ACCORDING_TO.search(text[max(0, m.start - 20) : m.start]):
            continue  # the source of the figure, not where it goes
        if L.FROM_BEFORE.search(before) and m.start > anchor:
            frm = m.code
        elif L.TO_BEFORE.search(before) and m.start > anchor:
            to = to or m.code
    for m in cs:  # a demonym right before the noun: "12,000 Indian students"
        if m.kind == "demonym" and q.end <= m.start < noun_end:
            frm = frm or m.code
    if frm is None:  # "destination for Polish tourists, with 86,000 visiting"
        noun = L.DEMONYM_NOUNS.get(metric)
        if noun:
            for m in s.countries:
                if m.kind == "demonym" and re.match(rf"\s+{noun}", s.text[m.end : m.end + 12]):
                    frm = m.code
            if frm is None and to is None:  # "a Chilean diaspora, including 900 students"
                dem = {m.code for m in s.countries if m.kind == "demonym" and ctx.in_pair(m.code)}
                if len(dem) == 1:
                    frm = dem.pop()
    cit = L.CITIZENS_OF.search(s.text)
    if cit:
        for m in s.countries:
            if m.text == cit.group(1):
                frm, to = m.code, None
    if frm is None and to is None and metric in ("investment", "companies", "exports", "imports"):
        source = next(  # "from X" before the noun: "из Монголии поступили инвестиции"
            (m for m in cs if L.FROM_BEFORE.search(text[max(0, m.start - 12) : m.start])),
            None,
        )
        if source is not None:
            frm = source.code
    if frm is None and to is None and metric in ("investment", "companies", "exports", "imports"):
        subject = next(
            (
                m
                for m in s.countries
                if m.kind != "capital"
                and not L.NOT_SUBJECT_BEFORE.search(s.text[max(0, m.start - 9) : m.start])
            ),
            None,
        )
        if subject is not None:
            if imports:
                to = subject.code
            else:
                frm = subject.code
    if frm and not to:
        to = ctx.other(frm)
    if to and not frm:
        frm = ctx.other(to)
    if frm == to:
        return None, None
    return frm, to


def _other_pair(ctx: ArticleContext, s: Sentence, kw: int) -> bool:
    """The trade word at kw is about a country outside the pair: "trade with Z",
    "commerce between X and Z"."""
    L = ctx.lang
    for m in s.countries:
        if (
            kw < m.start < kw + 50
            and not ctx.in_pair(m.code)
            and L.OTHER_PAIR_BEFORE.search(s.text[kw : m.start])
        ):
            return True
    return False


def _speaker_country(ctx: ArticleContext, i: int) -> str | None:
    """The country of the person speaking in sentence i: the last person of the pair named
    in it or in the sentences before it, or the last country named with a title ("Chile's
    foreign minister")."""
    L = ctx.lang
    for j in range(i, max(-1, i - 8), -1):
        s = ctx.sentences[j]
        found = [
            (a, p.country) for a, _b, p in s.people if ctx.in_pair(p.country) and not p.guessed
        ]
        found += [
            (m.start, m.code)
            for m in s.countries
            if ctx.in_pair(m.code) and L.TITLED.match(s.text, m.end)
        ]
        if found:
            return max(found)[1]
    return None


def _founding_year(ctx: ArticleContext, name: str) -> str | None:
    """The year the article says a body was established: "the Joint Council, set up in
    2011"."""
    L = ctx.lang
    for s in ctx.sentences:  # a sentence naming the body, a founding verb and a year
        at = s.text.find(name)
        if at < 0:
            continue
        verbs = list(L.FOUNDED.finditer(s.text))
        years = list(re.finditer(r"\b(?:19|20)\d\d\b", s.text))
        if not verbs or not years:
            continue
        best = min(
            (
                (abs(y.start() - v.end()), y.group())
                for v in verbs
                for y in years
                if abs(y.start() - v.end()) < 40 and abs(v.start() - at) < 80
            ),
            default=None,
        )
        if best:
            return best[1]
    return None


def _fiscal(ctx: ArticleContext, s: Sentence, clause_text: str, off: int) -> str | None:
    """The months of a fiscal year named in the clause: the year of the pair's country that
    does not keep the calendar year, the one named nearest before the phrase if both do."""
    L = ctx.lang
    m = L.FISCAL.search(clause_text)
    if not m:
        return None
    a = m.group("a1") or m.group("b1")
    b = m.group("a2") or m.group("b2")
    if a is None:  # "FY24"
        end = 2000 + int(m.group("a3"))
    elif b is None:  # "fiscal year 2023": named by the year it ends
        end = int(a)
    else:
        end = int(b) if len(b) == 4 else int(a) // 100 * 100 + int(b)
        if end != int(a) + 1:
            return None
    at = off + m.start()
    near = {c.code: at - c.end for c in s.countries if ctx.in_pair(c.code) and c.end <= at}
    source = {c.code for c in s.countries if L.FIGURE_SOURCE.match(s.text, c.end)}
    starts = sorted(
        ((fiscal_year_start(c), c) for c in ctx.pair),
        key=lambda t: (t[0] == 1, t[1] not in source, near.get(t[1], 10**6)),
    )
    start = starts[0][0] if starts else 1
    if start == 1:
        return str(end)
    return f"{end - 1}-{start:02d}/{end}-{start - 1:02d}"


def _coordinated(L: ModuleType, gap: str) -> bool:
    """The text between two figures joins a figure of another measure ("... and
    investment worth"), not a figure compared with ("as against", "up from")."""
    return bool(L.AND_FIGURE.search(gap)) and any(
        k != "block" for k, _a, _b in _money_keywords(L, gap)
    )


def _period(
    ctx: ArticleContext,
    i: int,
    clause: Span,
    off: int,
    q: Quantity,
    target: bool,
    others: tuple[int, ...] = (),
) -> str | None:
    """The period of the figure at q (clause offsets); others are the sentence offsets of
    the other figures: a date after one of them is that one's ("$9 million as against $7
    million in 2021")."""
    L = ctx.lang
    if target:  # only its deadline: "to $10 billion by 2030" (the gold leaves it null)
        by = L.BY_YEAR.match(clause.text[q.end :]) or L.BY_YEAR_BEFORE.search(
            clause.text[: q.start]
        )
        return by.group("y") if by else None
    if L.NOW.search(clause.text[max(0, q.start - 40) : q.start]):
        return None
    s = ctx.sentences[i]
    text = clause.text
    year = ctx.ref.year if ctx.ref else None
    fiscal = _fiscal(ctx, s, text, off)
    if fiscal:
        return fiscal
    for d in ctx.dates(i):  # a date right after the figure is its own: "$9 million in 2023"
        if d.value and d.precise and L.IN_YEAR_GAP.fullmatch(s.text[off + q.end : d.start]):
            return d.value
    past = L.PAST_YEARS.search(text)
    if past and year:
        n = 10 if past.group("decade") else past.group("n")
        n = int(n) if str(n).isdigit() else L.PERIOD_NUMBER_WORDS[str(n).lower()]
        return f"{year - n}/{year}"
    months = L.MONTHS_OF.search(text)
    if months and year:
        n = months.group("n")
        n = int(n) if n.isdigit() else L.PERIOD_NUMBER_WORDS[n.lower()]
        y = year if months.group("this") else year - 1
        if 1 < n <= 12:
            return f"{y}-01/{y}-{n:02d}"
    since = L.SINCE_EVENT.search(text)
    if since and year:
        start = (
            L.INDEPENDENCE_YEAR if since.group("ind") else _founding_year(ctx, since.group("name"))
        )
        return f"{start}/{year}" if start and start < str(year) else None
    best, dist, since_date = None, 10**6, False
    for d in ctx.dates(i):
        if not (off <= d.start < off + len(text)) or d.kind in ("weekday", "rel_day"):
            continue
        if d.start - off <= q.start < d.end - off:
            continue
        if any(
            off + q.end <= o < d.start and not _coordinated(L, s.text[off + q.end : o])
            for o in others
        ):
            continue
        if _compared_before(L).search(s.text[max(0, d.start - 25) : d.start]):
            continue  # "... by 5% compared with 2015": the year compared with
        # "in the same period", "that same year" (a year the language leaves to the
        # context): the period of the figure before
        same = d.kind == "same_period" or (d.kind == "rel_year" and d.value is None)
        value = ctx.last_period if same else d.value
        gap = (d.start - off - q.end) if d.start - off >= q.end else (q.start - d.end + off) + 1
        if value and gap < dist:
            best, dist = value, gap
            since_date = bool(L.SINCE_BEFORE.search(s.text[max(0, d.start - 12) : d.start]))
    if best and since_date:
        if not year:
            return None
        first = best.split("/")[0]
        return f"{first}/{year}" if first[:4] < str(year) else None
    return best


def _local(q: Quantity, off: int) -> Quantity:
    return dataclasses.replace(q, start=q.start - off, end=q.end - off)


def find_statistics(ctx: ArticleContext) -> list[Candidate]:
    """The figures about the pair the article gives, sentence by sentence."""
    L = ctx.lang
    out: list[Candidate] = []
    prefer = tuple(c for code in ctx.pair for c in country_info(code).get("currencies") or [])
    prev_money: tuple[int, str] | None = None  # (sentence, metric) of the last money figure
    for i, s in enumerate(ctx.sentences):
        out.extend(_ranks(ctx, i, s))
        sq = find_quantities(s.text, prefer, L)
        if not sq:
            continue
        clauses = [(c, c.start - s.span.start) for c in split_clauses(s.span, L)]
        date_spans = [(d.start, d.end) for d in ctx.dates(i)]
        sq = [
            q
            for q in sq
            if not any(a <= q.start < b for a, b in date_spans)
            and not L.NOT_AMOUNT_AFTER.match(s.text[q.end : q.end + 9])
        ]
        kws = _money_keywords(L, s.text) if any(q.unit for q in sq) else []
        foreign = bool(s.countries) and not any(ctx.in_pair(m.code) for m in s.countries)
        last_money: Candidate | None = None
        for k, gq in enumerate(sq):
            clause, off = next(
                ((c, o) for c, o in clauses if o <= gq.start < o + len(c.text)), clauses[-1]
            )
            q = _local(gq, off)
            nxt = sq[k + 1] if k + 1 < len(sq) else None
            gap = s.text[gq.end : nxt.start] if nxt else ""
            current = L.CURRENT_BEFORE.search(clause.text[max(0, q.start - 14) : q.start])
            if (
                not q.unit
                and nxt
                and L.RANGE_TO.fullmatch(gap)
                and not current
                and L.FROM_END.search(clause.text[max(0, q.start - 8) : q.start])
            ):
                continue  # "from 30 to 90 days": the new value counts
            if q.bracketed and last_money is not None and q.unit:
                eq = {"value": q.value, "unit": q.unit}
                if eq not in last_money.data["equivalents"]:
                    last_money.data["equivalents"].append(eq)
                continue
            lead = s.text[: gq.start]
            cut = max((c.end() for c in _COMMA.finditer(lead)), default=0)
            lead = lead[cut:]  # "To boost tourism, X extended ...": not a goal
            tail = s.text[gq.end :]
            own = lead[-40:]  # the words since the amount before, if that is nearer
            if k and sq[k - 1].end > gq.start - len(own):
                own = s.text[sq[k - 1].end : gq.start]
            not_goal = bool(L.START_POINT.search(own)) or bool(
                L.CURRENT_WORD.search(own) or L.RESULT.search(lead)
            )
            by_year = L.BY_YEAR.match(tail)
            target = (
                not current
                and not not_goal
                and bool(
                    L.TARGET.search(lead)
                    or L.TARGET_AFTER.match(tail)
                    or (by_year and ctx.ref and int(by_year.group("y")) > ctx.ref.year)
                )
            )
            kw_at = None
            if q.unit:
                if foreign:
                    continue  # about other countries ("X's company to invest $5 billion")
                found = _money_metric(L, kws, s.text, off, off + len(clause.text), gq)
                if found is None:
                    if (
                        prev_money
                        and prev_money[0] == i - 1
                        and (L.LEVEL_VERB.search(lead) or L.IT_WAS.match(s.text))
                    ):
                        found = (prev_money[1], -1)  # "Today we stand at $2 billion."
                    elif (target or L.LEVEL_VERB.search(lead)) and L.ECONOMIC.search(s.text):
                        found = ("trade_volume", -1)
                if found is None or found[0] == "block":
                    continue
                if found[0] == "trade_volume" and found[1] >= 0 and _other_pair(ctx, s, found[1]):
                    continue  # "X's trade with Z", Z outside the pair
                metric, kw_at = found[0], (found[1] - off if found[1] >= 0 else None)
                unit, noun_end = q.unit, q.end
                directional = metric != "trade_volume"
            else:
                found_count = _metric_for_count(L, s, clause, q, off)
                if found_count is None:
                    continue
                metric, unit, directional, noun_end = found_count
            frm = to = None
            if directional and not (
                metric == "investment" and L.SYMMETRIC_INVESTMENT.search(clause.text)
            ):
                frm, to = _direction(ctx, s, clause, off, q, noun_end, metric, kw_at)
                if (
                    frm is None
                    and to is None
                    and L.FIRST_PERSON.search(s.text)
                    and not any(ctx.in_pair(m.code) for m in s.countries)
                ):
                    frm = _speaker_country(ctx, i)  # the speaker's country
                    to = ctx.other(frm)
            if any(c and not ctx.in_pair(c) for c in (frm, to)):
                continue  # a third country's figure ("Chinese FDI in X")
            if metric in ("exports", "imports") and not (frm and to):
                continue  # an optional metric, and no use without its direction
            if metric == "imports":  # X's imports from Y are Y's exports to X
                metric = "exports"
            others = tuple(o.start for o in sq if o is not gq and not o.bracketed)
            period = _period(ctx, i, clause, off, q, target, others)
            if (
                period is None
                and not target
                and (
                    L.SHARE_OF.search(s.text)
                    or any(
                        o.evidence[0].start == s.span.start
                        and o.data["period"]
                        and o.data["metric"] == metric
                        for o in out
                    )
                )
            ):
                period = ctx.last_period  # "..., while Y welcomed 90,000": the same year
            if (
                period is None
                and not target
                and metric == "exports"
                and out
                and out[-1].evidence[0].start in (ctx.sentences[i - 1].span.start, s.span.start)
                and out[-1].data["period"]
                and not L.NOW.search(s.text)
            ):
                period = out[-1].data["period"]  # a breakdown of the figure just given
            if period:
                ctx.last_period = period
            data: dict[str, Any] = {
                "metric": metric,
                "value": q.value,
                "unit": unit,
                "qualifier": "target" if target else (q.qualifier or "actual"),
                "period": period,
                "countries": sorted(ctx.pair),
                "from_country": frm,
                "to_country": to,
                "equivalents": [],
            }
            cand = ctx.candidate("statistics", data, s)
            out.append(cand)
            if q.unit:
                last_money = cand
                prev_money = (i, metric)
    _repeated_targets(L, out)
    return out


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    same: bool = (
        a["metric"] == b["metric"]
        and a["unit"] == b["unit"]
        and abs(a["value"] - b["value"]) <= 0.01 * a["value"]
    )
    return same


def _repeated_targets(L: ModuleType, out: list[Candidate]) -> None:
    """An undated amount equal to a target the article states is that target again ("the
    $4 billion mark is within reach"); a target repeated without its deadline keeps it."""
    targets = [c.data for c in out if c.data["qualifier"] == "target" and c.data["unit"]]
    for t in targets:
        if t["period"] is None:
            t["period"] = next((o["period"] for o in targets if o["period"] and _same(o, t)), None)
    for c in out:
        d = c.data
        if (
            d["qualifier"] != "actual"
            or d["period"]
            or d["unit"]
            in (
                "people",
                "companies",
                "projects",
                "visits",
                "meetings",
                "documents",
                "days",
                "rank",
            )
        ):
            continue
        quote = c.evidence[0].quote
        if L.LEVEL_VERB.search(quote) or L.NOW.search(quote):
            continue
        match = next((t for t in targets if _same(t, d)), None)
        if match is not None:
            d["qualifier"], d["period"] = "target", match["period"]


def _rank_direction(
    ctx: ArticleContext, s: Sentence, start: int, end: int
) -> list[tuple[str | None, str | None]]:
    """[(ranked partner, ranking country)] of a rank phrase at start..end: "X is Y's
    fourth-largest trading partner" -> X, Y; "each other's" gives both directions."""
    L = ctx.lang
    text = s.text
    lo = max(
        (m.end() for m in L.CLAUSE_BREAK.finditer(text[:start])),
        default=0,
    )
    if L.EACH_OTHER.search(text[lo:start]) and len(ctx.pair) == 2:
        return [(ctx.pair[0], ctx.pair[1]), (ctx.pair[1], ctx.pair[0])]
    owner = None
    for m in s.countries:
        if lo <= m.start < start and L.RANK_OWNER_GAP.fullmatch(text[m.end : start]):
            owner = m.code
        if m.start >= end and L.RANK_OF.fullmatch(text[end : m.start]):
            owner = owner or m.code
    if owner is None:
        return [(None, None)]
    subject = next(
        (
            m.code
            for m in s.countries
            if lo <= m.start < start and m.code != owner and m.kind != "demonym"
        ),
        None,
    )
    partner = subject or ctx.other(owner)
    if partner is None or partner == owner:
        return [(None, None)]
    return [(partner, owner)]


def _ranks(ctx: ArticleContext, i: int, s: Sentence) -> list[Candidate]:
    L = ctx.lang
    out: list[Candidate] = []
    if L.PARTNER_WORD not in s.text:
        return out
    for m in L.RANK.finditer(s.text):
        lone = m.group("lone")
        value: int | None
        if lone:  # "Morocco's first trading partner", "the main trading partner"
            value = ordinal_value(lone, L) or 1
        else:
            value = ordinal_value(m.group("ord"), L) if m.group("ord") else None
        if value is None and m.group("ord") and not m.group("n") and not lone:
            value = 1  # "X's largest trading partner"
        if value is None and m.group("n"):
            qs = find_quantities(m.group("n"), lang=L)
            value = int(qs[0].value) if qs else None
        if value is None:
            continue
        clause = next(
            (
                c
                for c in split_clauses(s.span, L)
                if c.start - s.span.start <= m.start() < c.end - s.span.start
            ),
            s.span,
        )
        lo, hi = clause.start - s.span.start, clause.end - s.span.start
        dates = [
            d
            for d in ctx.dates(i)
            if d.value and d.kind not in ("weekday", "rel_day") and lo <= d.start < hi
        ]
        period = None
        if dates:
            d = min(dates, key=lambda d: abs(d.start - m.end()))
            period = d.value
            if L.SINCE_BEFORE.search(s.text[max(0, d.start - 12) : d.start]) and period:
                # "its main trading partner since 2009": from then until the article's year
                year = str(ctx.ref.year) if ctx.ref else None
                first = period.split("/")[0]
                period = f"{first}/{year}" if year and first[:4] < year else None
        among = m.group("n") and L.AMONG_BEFORE.search(s.text[max(0, m.start() - 40) : m.start()])
        directions = _rank_direction(ctx, s, m.start(), m.end())
        if m.groupdict().get("among") and len(ctx.pair) == 2:
            # "A and B each rank third among each other's trading partners": both ways
            directions = [(ctx.pair[0], ctx.pair[1]), (ctx.pair[1], ctx.pair[0])]
        for frm, to in directions:
            out.append(
                ctx.candidate(
                    "statistics",
                    {
                        "metric": "trade_partner_rank",
                        "value": value,
                        "unit": "rank",
                        "qualifier": "less_than" if among else "actual",
                        "period": period,
                        "countries": sorted(ctx.pair),
                        "from_country": frm,
                        "to_country": to,
                        "equivalents": [],
                    },
                    s,
                )
            )
    return out

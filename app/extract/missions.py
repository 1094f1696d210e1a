"""Diplomatic missions of each country in the other: embassies, consulates general and
honorary consulates, one per city ("consulates general in A, B and C" gives three).

The sending country is, in this order: a demonym or possessive right before the keyword
("the Kenyan High Commission", "Peru's embassy"), "the Embassy of X", the subject of a verb
of having or opening ("Ghana set up its consulate", "X runs an embassy"), the subject of the
keyword's clause ("...; Y, for its part, keeps ..."), the sender of the keyword before it in
the sentence ("X's embassy in A plus consulates in B, C"), else the first country of the
sentence.  The host is the city's country ("South Korea's Busan", a known city), else the
other country of the pair; a guessed sender whose own city it is gives way to the other.
"""

from __future__ import annotations

from types import ModuleType

from .context import ArticleContext, Sentence
from .countries import capital_of, city_lookup, find_countries
from .gazetteer import data
from .model import Candidate


def mission_kind(L: ModuleType, word: str) -> str:
    w = word.lower()
    if w.startswith(L.HONORARY_PREFIXES):
        return "honorary_consulate"
    if w.startswith(L.CONSULATE_PREFIXES):
        return "consulate_general"  # a deputy high commission is a Commonwealth consulate
    return "embassy"


def _sender(
    ctx: ArticleContext, s: Sentence, kw_start: int, first_kw: int, previous: str | None = None
) -> tuple[str | None, bool]:
    """(sending country, whether the text names it explicitly) for the keyword at kw_start;
    previous is the sender of the keyword before it in the sentence."""
    L = ctx.lang
    after = L.OF_COUNTRY.match(s.text, kw_start)
    if after:
        for m in s.countries:
            if m.start == after.start("c"):
                return m.code, True
    for m in reversed(s.countries):
        if m.end <= kw_start and L.SENDER_GAP.fullmatch(s.text[m.end : kw_start]):
            return m.code, True
    for m in reversed(s.countries):
        if (
            m.end <= kw_start
            and m.kind != "demonym"
            and L.HAS_VERB.fullmatch(s.text, m.end, kw_start)
        ):
            return m.code, True
    clause_start = 0
    for c in L.SUBJECT_CLAUSE.finditer(s.text, 0, kw_start):
        clause_start = c.end()
    for m in s.countries:  # the subject of the clause holding the keyword
        if (
            clause_start <= m.start < kw_start
            and clause_start
            and m.kind != "demonym"
            and not L.IN_BEFORE.search(s.text[max(0, m.start - 4) : m.start])
        ):
            return m.code, False
    if previous is not None:
        return previous, False
    for m in s.countries:
        if m.start < first_kw:
            return m.code, False
    return None, False


def sender_of(ctx: ArticleContext, s: Sentence, kw_start: int, first_kw: int) -> str | None:
    """Demonym or possessive right before the keyword, "Embassy of X", the subject of "X
    opened/has ...", else the subject."""
    return _sender(ctx, s, kw_start, first_kw)[0]


def _country_at(L: ModuleType, text: str, pos: int) -> tuple[str, int] | None:
    """(code, position after "'s ") of a country named at pos followed by a possessive."""
    for m in find_countries(text[pos : pos + 60], L):
        gap = L.POSSESSIVE_GAP.match(text, pos + m.end)
        if m.start == 0 and gap:
            return m.code, gap.end()
        break
    return None


def cities_after(
    ctx: ArticleContext,
    text: str,
    pos: int,
    sender: str | None = None,
    last_city: tuple[str, str | None] | None = None,
) -> list[tuple[str, str | None]]:
    """[(city as written, country code or None)] of the list after 'in'."""
    L = ctx.lang
    m = L.MISSION_IN.match(text, pos)
    if not m:
        return []
    pos = m.end()
    terms = data()["terms"]
    if L.CITY_ANAPHOR.match(text, pos):
        return [last_city] if last_city else []
    its = L.ITS_CAPITAL.match(text, pos)
    if its:
        host = ctx.other(sender)
        cap_name = capital_of(host) if host else None
        return [(cap_name, host)] if cap_name else []
    city_of = L.CITY_OF.match(text, pos)
    if city_of:
        pos = city_of.end()
    named_capital = L.NAMED_CAPITAL.match(text, pos)
    if named_capital and (named_capital.group("dem") or named_capital.group("named")):
        dem = named_capital.group("dem")
        owner = terms.get(dem)[0] if dem and dem in terms else None
        if named_capital.group("named"):
            pos = named_capital.end()
        elif owner:
            cap_name = capital_of(owner)
            return [(cap_name, owner)] if cap_name else []
    cap = L.CAPITAL_OF.match(text, pos)
    out: list[tuple[str, str | None]] = []
    capital_country = None
    named_country = None
    if cap and cap.group("cty") in terms:
        capital_country = terms[cap.group("cty")][0]
        pos = cap.end()
    else:
        owner = _country_at(L, text, pos)  # "South Korea's Busan"
        if owner:
            named_country = owner[0]
            pos = owner[1]
    while True:
        cm = L.MISSION_CITY.match(text, pos)
        if not cm:
            break
        name = cm.group("c")
        if name in terms or L.MISSION_KEYWORD.match(name) or L.POSSESSIVE.search(name):
            break  # "in Arica, Chile's northernmost city": no second city
        words = name.split()
        hit = None
        for n in range(len(words), 0, -1):  # the longest known name: "Ho Chi Minh City"
            hit = city_lookup(" ".join(words[:n]))
            if hit:
                name = " ".join(words[:n])
                break
        out.append((name, named_country or (hit[1] if hit else None)))
        pos = cm.start("c") + len(name)
        if not hit:
            pos = cm.end()
        sep = L.LIST_SEP.match(text, pos)
        if not sep or L.MISSION_KEYWORD.match(text, sep.end()):
            break
        pos = sep.end()
    if not out and capital_country:
        cap_name = capital_of(capital_country)
        if cap_name:
            out.append((cap_name, capital_country))
    return out


def _city_before(ctx: ArticleContext, i: int, pos: int) -> tuple[str, str] | None:
    """The last known city named before pos in sentence i or the two sentences before it."""
    L = ctx.lang
    terms = data()["terms"]
    for j in range(i, max(-1, i - 3), -1):
        text = ctx.sentences[j].text[:pos] if j == i else ctx.sentences[j].text
        found = None
        for m in L.CITY_NAME_RUN.finditer(text):
            words = m.group().split()
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                hit = None if name in terms else city_lookup(name)
                if hit:
                    found = (name, hit[1])
                    break
        if found:
            return found
    return None


def _city_ahead(L: ModuleType, before: str) -> list[tuple[str, str | None]]:
    """The city the clause names just before a mission's keyword, where the language puts
    it there (``CITY_BEFORE_MISSION``, None in English): [(city, its country)] or []."""
    if L.CITY_BEFORE_MISSION is None:
        return []
    m = L.CITY_BEFORE_MISSION.search(before)
    hit = city_lookup(m.group("c")) if m else None
    return [(m.group("c"), hit[1])] if m and hit else []


def find_missions(ctx: ArticleContext) -> list[Candidate]:
    """The missions the article names, one per sending country, kind and city."""
    L = ctx.lang
    # the city as the text writes it ("Hatay"), or the gazetteer's English name where the
    # language's forms are no English names ("Ереване": Yerevan)
    as_written = L.CITY_AS_WRITTEN
    out: list[Candidate] = []
    for i, s in enumerate(ctx.sentences):
        kws = list(L.MISSION_KEYWORD.finditer(s.text))
        if not kws:
            continue
        previous: str | None = None
        for kw in kws:
            sender, explicit = _sender(ctx, s, kw.start(), kws[0].start(), previous)
            if sender is None:
                continue
            previous = sender
            pos = kw.end()
            of = L.OF_COUNTRY.match(s.text, kw.start())
            if of:  # "the Embassy of Japan in ..."
                pos = next((m.end for m in s.countries if m.start == of.start("c")), pos)
            anaphor = L.MISSION_IN.match(s.text, pos)
            last_city = (
                _city_before(ctx, i, kw.start())
                if anaphor and L.CITY_ANAPHOR.match(s.text, anaphor.end())
                else None
            )
            cities = cities_after(ctx, s.text, pos, sender, last_city)
            if not cities:  # "в Ашхабаде действует посольство России": the city before
                cities = _city_ahead(L, s.text[: kw.start()])
            for city, code in cities:
                frm = sender
                if code == frm and not explicit:  # "X hosts the (Y) consulates in X's cities"
                    frm = ctx.other(code) or frm
                host = code or ctx.other(frm)
                if host is None or host == frm:
                    continue
                if not (ctx.in_pair(frm) and ctx.in_pair(host)) and not (
                    explicit and code and (ctx.in_pair(frm) or ctx.in_pair(host))
                ):
                    continue  # a third country's mission only where the text names both
                hit = city_lookup(city)
                out.append(
                    ctx.candidate(
                        "missions",
                        {
                            "country": frm,
                            "host_country": host,
                            "city": city if as_written or not hit else hit[0],
                            "kind": mission_kind(L, kw.group("kw")),
                            "canonical": hit[0] if hit else city,
                        },
                        s,
                    )
                )
    return out

"""Visits between the two countries: who went where, when, what kind, held or planned."""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

from .context import ArticleContext, Sentence
from .countries import city_lookup
from .model import Candidate
from .sentences import split_clauses


def _first_country_after(L: ModuleType, s: Sentence, pos: int, limit: int = 60) -> str | None:
    for m in s.countries:
        if pos <= m.start <= pos + limit and m.kind in ("name", "capital"):
            before = s.text[pos : m.start]
            if (
                L.COUNTRY_AFTER_THE.search(before)
                or L.COUNTRY_AFTER.search(before)
                or not before.strip()
            ):
                return m.code
    return None


def _city_after(
    L: ModuleType, s: Sentence, pos: int, ctx: ArticleContext | None = None
) -> tuple[str, str] | None:
    """The city right after pos (longest known name first); "here" is the dateline's."""
    if ctx is not None and ctx.dateline and L.HERE.match(s.text[pos : pos + 8]):
        return ctx.dateline[2], ctx.dateline[3]
    m = L.CITY_AFTER.match(s.text[pos : pos + 60])
    if m:
        words = m.group("city").split()
        for n in range(len(words), 0, -1):
            cand = L.POSSESSIVE_END.sub("", " ".join(words[:n]).rstrip(",."))
            hit = city_lookup(cand)
            if hit:  # as written ("Bogota"), or the gazetteer's English name ("Анкаре")
                return (cand if L.CITY_AS_WRITTEN else hit[0]), hit[1]
    return None


def _titled(ctx: ArticleContext, word: str) -> str | None:
    """The country of the one person the article gives this title ("the Emir")."""
    found = {p.country for p in ctx.people.values() if word in p.titles and p.country}
    return found.pop() if len(found) == 1 else None


def _who_visitor(ctx: ArticleContext, s: Sentence, pos: int) -> str | None:
    """The person named right before ", who ..." or ", on his ..." that holds pos."""
    L = ctx.lang
    m = L.WHO.search(s.text, 0, pos)
    if not m:
        return None
    for _a, b, p in s.people:
        if b <= m.start() <= b + 2 and p.country:
            return p.country
    for cm in s.countries:  # "the Vietnamese leader, who ..."
        if cm.kind == "demonym" and re.fullmatch(
            r"\s+[\w-]+(?:\s+[\w-]+)?", s.text[cm.end : m.start()]
        ):
            return cm.code
    word = re.search(r"(\w+)\s*$", s.text[: m.start()])
    return _titled(ctx, word.group(1)) if word else None


def _visitor_from_visiting(L: ModuleType, s: Sentence, pos: int) -> str | None:
    """'visiting Polish President X', 'visit of X', "X's visit"."""
    # "the visit of the president of X" where the language says so (VISITING_TITLE_GAP:
    # the gap from the visit word to a country name after a title)
    title_gap = L.VISITING_TITLE_GAP
    for m in s.countries:
        if pos < m.start < pos + 40 and (
            (m.kind == "demonym" and L.VISITING_GAP.match(s.text[pos : m.start]))
            or (
                title_gap is not None
                and m.kind == "name"
                and title_gap.match(s.text[pos : m.start])
            )
        ):
            return m.code
    for a, _b, p in s.people:
        if pos < a < pos + 40 and L.VISITING_NAME_GAP.match(s.text[pos:a]) and p.country:
            return p.country
    return None


def _person_before(L: ModuleType, s: Sentence, pos: int) -> str | None:
    """The country of the nearest person before pos; else of a country that is a subject
    ("Polish presidents", "Poland's leader", a country opening the sentence)."""
    people = [p for a, _b, p in s.people if a < pos]
    if people:
        return people[-1].country
    # "A and B expect the visit": a joint subject names no visitor (JOINT_SUBJECT, where
    # the language module has it, is what joins the two)
    joint = L.JOINT_SUBJECT
    for m in s.countries:
        if joint is not None and joint.match(s.text, m.end):
            continue
        if (
            m.start < pos
            and m.kind != "capital"
            and (
                m.start < 4
                or L.SUBJECT_AFTER.match(s.text[m.end : m.end + 20])
                or L.ACTOR.match(s.text, m.end + 1)
            )
        ):
            return m.code
    return None


def _hosted(ctx: ArticleContext, s: Sentence, m: re.Match[str]) -> tuple[str | None, str | None]:
    """'X hosted/welcomed/received [visiting] [Polish] [President] Y': Y visits X."""
    L = ctx.lang
    if L.REMOTE.match(s.text, m.end()):
        return None, None
    guest = None
    for a, _b, p in s.people:
        if m.end() < a <= m.end() + 90 and p.country:
            guest = p.country
            break
    if guest is None:
        for cm in s.countries:
            if (
                m.end() < cm.start <= m.end() + 60
                and cm.kind == "demonym"
                and L.ACTOR.match(s.text, cm.end + 1)
            ):
                guest = cm.code
                break
    if guest is None:
        # "A hosted X at a summit in <A's city>" with X's nationality unknown: X is from B
        named = any(m.end() < a <= m.end() + 40 and p.country is None for a, _b, p in s.people)
        subject = next(
            (
                cm.code
                for cm in s.countries
                if cm.end <= m.start()
                and cm.kind == "name"
                and re.fullmatch(r"\s*", s.text[cm.end : m.start()])
            ),
            None,
        )
        if named and ctx.in_pair(subject):
            return ctx.other(subject), subject
        return None, None
    other_side = _person_before(L, s, m.start())
    if L.PASSIVE_BEFORE.search(s.text[: m.start()]):
        # passive: "X was received by Y": Y hosts
        host, guest = guest, other_side or ctx.other(guest)
        return guest, host
    if other_side is None or other_side == guest:
        other_side = ctx.other(guest)
    return guest, other_side


def _parties(ctx: ArticleContext, s: Sentence, m: re.Match[str]) -> tuple[str | None, str | None]:
    L = ctx.lang
    word = m.group()
    if word.startswith(L.HOSTING_VERBS):
        return _hosted(ctx, s, m)
    end = m.end()
    text = s.text
    host = _first_country_after(L, s, end)
    visitor = _who_visitor(ctx, s, m.start())
    named_guest = False
    if word in L.VISITING_WORDS or L.VISIT_OF_BY.match(text[end : end + 60]):
        of = len(L.VISIT_OF) if text[end:].startswith(L.VISIT_OF) else 0
        visitor = _visitor_from_visiting(L, s, end + of)
        named_guest = visitor is None and any(end < a < end + 40 for a, _b, _p in s.people)
    if visitor is None:
        poss = L.POSSESSOR_BEFORE.search(text[: m.start()])
        if poss:
            for a, _b, p in s.people:
                if a <= poss.start(1) < a + 40 and p.country:
                    visitor = p.country
            for cm in s.countries:
                if cm.start <= poss.start(1) < cm.end + 2:
                    visitor = cm.code
            if visitor and L.INVITATION_WORD in poss.group():  # "accepted X's invitation to visit"
                host, visitor = visitor, ctx.other(visitor)
    inv = L.INVITED.search(text[: m.start()])
    if visitor is None and inv:
        visitor = _visitor_from_visiting(L, s, inv.end())
    if visitor is None and not named_guest:  # "the visit of X": X, even when unplaced
        hv = L.HOST_VERB.search(text[: m.start()])
        if hv is None:
            visitor = _person_before(L, s, m.start())
    if host is None:
        city = _city_after(L, s, end, ctx)
        if city:
            host = city[1]
    io = L.INVITATION_OF.search(text)
    if host is None and io:
        host = _visitor_from_visiting(L, s, io.end())
    thanked = L.THANKED.search(text)
    if thanked:  # "thanked X for the invitation": X hosts
        inviters = [
            p.country for a, _b, p in s.people if thanked.start() <= a < thanked.end() and p.country
        ]
        if inviters and L.ACCEPTED.search(thanked.group()):
            # "thanked X for accepting the invitation to visit": X is the guest
            visitor, host = inviters[0], ctx.other(inviters[0])
        elif inviters:
            host, visitor = inviters[0], ctx.other(inviters[0])
    if visitor is None and host:
        visitor = ctx.other(host)
    if host is None and visitor:
        host = ctx.other(visitor)
    return visitor, host


def _lead_date(ctx: ArticleContext) -> str | None:
    """The day of the meeting the article's first two sentences report ("following an April
    10 meeting", "met on Monday"), not after the article's date."""
    L = ctx.lang
    ref = ctx.ref.isoformat() if ctx.ref else None
    for i, s in enumerate(ctx.sentences[:2]):
        if not L.LEAD_EVENT.search(s.text):
            continue
        for d in ctx.dates(i):
            if (
                d.value
                and len(d.value) == 10
                and (ref is None or d.value <= ref)
                and (ref is None or d.value[:4] == ref[:4])
                and not L.AHEAD.search(s.text, max(0, d.start - 60), d.start)
            ):
                return d.value
    return None


def _stays(L: ModuleType, s: Sentence, pos: int) -> bool:
    """ "X is in <place>" is a stay only with a person (or "he", "the president") as subject."""
    before = s.text[:pos].rstrip()
    if any(abs(b - len(before)) <= 1 for _a, b, _p in s.people):
        return True
    return bool(L.STAY_SUBJECT.search(before))


def _people_of(ctx: ArticleContext, s: Sentence, code: str | None) -> str | None:
    """The name of the sentence's person from code's country (else of the one titled
    person the article gives that country), in Latin letters where names are written in
    another alphabet (the language's ``NAME_FORMS``)."""
    forms = ctx.lang.NAME_FORMS

    def spelt(name: str) -> str:
        return str(forms.latin(name)) if forms is not None else name

    for _a, _b, p in s.people:
        if p.country == code:
            return spelt(p.name)
    titled = [p for p in ctx.people.values() if p.country == code and p.titles]
    return spelt(titled[0].name) if len(titled) == 1 else None


def _talks_parties(
    ctx: ArticleContext, s: Sentence, m: re.Match[str]
) -> tuple[str | None, str | None]:
    """'X held talks in <city of Y> with ...': X visits Y (X's country must differ)."""
    L = ctx.lang
    if m.group().startswith(L.SIGNED_TOGETHER) and not any(
        not s.text[b : m.start()].strip() for _a, b, _p in s.people
    ):
        return None, None  # "the programme signed in <city>": no signer named
    here = m.group().endswith(L.HERE_WORD)
    city = (
        _city_after(L, s, m.end() - len(L.HERE_WORD), ctx) if here else _city_after(L, s, m.end())
    )
    if city is None or not ctx.in_pair(city[1]):
        return None, None
    before = [p.country for a, _b, p in s.people if a < m.start() and p.country]
    visitor = next((c for c in before if c != city[1]), None)  # "X and Y co-chaired in B"
    attended = m.group().startswith(L.ATTEND_VERBS)
    if visitor is None and (attended or m.group().startswith(L.SPEECH_VERBS)):
        # a speaker named by title only: "the Chilean president said in B", "Chile's foreign
        # minister on Monday inaugurated a consulate in B"
        titled = next(
            (
                cm.code
                for cm in s.countries
                if cm.start < m.start()
                and cm.kind in ("demonym", "name")
                and L.SPEAKER_AFTER.match(s.text[cm.end : cm.end + 30])
            ),
            None,
        )
        if titled is not None:
            return (None if titled == city[1] else titled), city[1]
    spoke = visitor is None and not attended and m.group().startswith(L.SPEECH_VERBS)
    if visitor is None:  # nobody named before the verb is from elsewhere
        # "A held a meeting with his B counterpart Y in <A's city>": Y visits
        after = [
            p.country
            for a, _b, p in s.people
            if m.start() < a < m.end() + 40 and p.country and p.country != city[1]
        ]
        demonyms = [
            cm.code
            for cm in s.countries
            if m.start() < cm.start < m.end()
            and cm.kind == "demonym"
            and cm.code != city[1]
            and L.COUNTERPART_AFTER.match(s.text[cm.end : cm.end + 12])
        ]
        visitor = next(iter(after + demonyms), None)
    if spoke:  # "said in B the minister of A, X" names the speaker after the verb, or nobody
        return visitor, city[1]
    if (
        visitor is None
        and not attended
        and (
            len(s.people) >= 2
            or any(cm.code == ctx.other(city[1]) and cm.kind != "capital" for cm in s.countries)
        )
    ):
        # "a summit between A and B was held in <B's city>", "X met in <B's city> with the
        # minister of A", "X and Y held talks in <B's city>" (nationalities unknown): A visits
        visitor = ctx.other(city[1])
    return visitor, city[1]


def find_visits(ctx: ArticleContext) -> list[Candidate]:
    L = ctx.lang
    out: list[Candidate] = []
    for i, s in enumerate(ctx.sentences):
        # visitor, host, start, clause, the dates that visit word could take
        seen: set[tuple[str, str, str | None, int, frozenset[int]]] = set()
        here: list[Candidate] = []
        triggers = list(L.VISIT_TRIGGER.finditer(s.text))
        talks_mode = False
        if not triggers and any(w in s.text.lower() for w in L.TALK_WORDS):
            triggers = list(L.TALKS_IN.finditer(s.text))
            talks_mode = True
        for m in triggers:
            before = s.text[max(0, m.start() - 25) : m.start()]
            if re.search(r"\d\s*$", before) or not (
                s.people
                or L.ACTOR.search(s.text)
                or L.PRONOUN.search(s.text)
                or (talks_mode and L.SPEAKER.search(s.text))
            ):
                continue
            if L.VISITS_COUNTED.search(before) and s.text[m.end() : m.end() + 1] == L.PLURAL_SUFFIX:
                continue
            if L.HABIT.search(before):  # "the city regularly hosts delegations"
                continue
            if m.group().startswith(L.STAY_VERBS) and not _stays(L, s, m.start()):
                continue
            visitor, host = _talks_parties(ctx, s, m) if talks_mode else _parties(ctx, s, m)
            if visitor is None and host is None and here:  # "..., following a trip in 2024"
                visitor = here[-1].data["visitor_country"]
                host = here[-1].data["host_country"]
            if visitor == host and any(
                p.guessed and p.country == host and a < m.start() for a, _b, p in s.people
            ):
                visitor = ctx.other(host)  # a guessed nationality yields to the sentence
            if not (ctx.in_pair(visitor) and ctx.in_pair(host)) or visitor == host:
                continue
            assert visitor is not None and host is not None
            # talks: the verb's own tense ("is scheduled to hold talks"; "X said ... in B" is
            # held whatever the quote promises)
            prefix = s.text[max(0, m.start() - 50) : m.end()] if talks_mode else s.text[: m.end()]
            planned = bool(L.VISIT_PLANNED.search(prefix)) and not L.THANKED.search(s.text)
            start = end = None
            ref = ctx.ref.isoformat() if ctx.ref else None
            clause = next(
                (
                    c
                    for c in split_clauses(s.span, L)
                    if c.start - s.span.start <= m.start() < c.end - s.span.start
                ),
                s.span,
            )
            lo, hi = clause.start - s.span.start, clause.end - s.span.start
            # a relative clause ("X, who is on a visit to Y, said ...") is a clause of its own
            rel = next(
                (r for r in L.RELATIVE_CLAUSE.finditer(s.text) if r.start() <= m.start() < r.end()),
                None,
            )
            if rel is not None:
                lo, hi = rel.start(), rel.end()
            # "the visit ... is planned for October": a planning word after the visit word
            # (VISIT_PLANNED_AFTER, where the language module has it), in its clause
            after = L.VISIT_PLANNED_AFTER
            if not planned and after is not None and after.match(s.text[m.end() : hi]):
                planned = True
            dates = [
                d
                for d in ctx.dates(i)
                if d.value
                and (planned or ref is None or (d.first or "") <= ref)
                and not (
                    L.SINCE.search(s.text[max(0, d.start - 80) : d.start])
                    and not s.text.startswith(L.WHEN_CLAUSE, d.end)
                )
            ]
            # Outside its own clause a visit takes only a day or a month: "X, who is on a
            # visit to Y, said trade grew last year" is not dated by "last year".
            dates = [d for d in dates if lo <= d.start < hi] or [
                d for d in dates if d.kind not in ("y", "rel_year")
            ]
            # a date with another visit word between belongs to that one
            dates = [d for d in dates if not any(m.end() < t.start() < d.start for t in triggers)]
            # "..., the deal signed in July", "ahead of the summit on Wednesday": not the visit's
            dates = [
                d
                for d in dates
                if d.start < m.end()
                or not (
                    L.OTHER_VERB.search(s.text[max(m.end(), d.start - 40) : d.start])
                    or L.AHEAD.search(s.text, m.end(), d.start)
                )
            ]
            own = frozenset(d.start for d in dates)
            if dates:
                d = min(dates, key=lambda d: (d.kind in ("y", "rel_year"), abs(d.start - m.end())))
                start = d.first
                end = d.last if d.last != d.first else None
            elif (
                ref
                and not planned
                and L.VISIT_PRESENT.search(s.text[max(lo, m.start() - 60) : m.end()])
            ):
                start = ref  # "X has arrived in Y", "X is in Y on a visit": the article's day
            # the same pair again in one sentence is another visit only with its own date
            # (one the earlier visit word of its clause could not take)
            if any(
                k[:2] == (visitor, host)
                and (start is None or k[2] == start or (k[3] == lo and d.start in k[4]))
                for k in seen
            ):
                continue
            seen.add((visitor, host, start, lo, own))
            kind = L.VISIT_KIND.search(s.text)
            city = None
            for pos in [m.end(), *[c.end() for c in L.IN_OR_HERE.finditer(s.text)]]:
                hit = (
                    _city_after(L, s, pos, ctx)
                    if s.text[pos - len(L.HERE_WORD) : pos] != L.HERE_WORD
                    else _city_after(L, s, pos - len(L.HERE_WORD), ctx)
                )
                if hit and hit[1] == host:
                    city = hit[0]
                    break
            data: dict[str, Any] = {
                "visitor": _people_of(ctx, s, visitor),
                "visitor_country": visitor,
                "host_country": host,
                "host": _people_of(ctx, s, host),
                "city": city,
                "start": start,
                "end": end,
                "kind": L.VISIT_KINDS.get(kind.group(1).lower()) if kind else None,
                "status": "planned" if planned else "held",
            }
            if talks_mode:
                data["talks"] = True
            here.append(ctx.candidate("visits", data, s))
        held = {
            (c.data["visitor_country"], c.data["host_country"])
            for c in here
            if c.data["status"] == "held"
        }
        # "X, who arrived in A on Sunday, will also travel to B": one visit, already held
        out.extend(
            c
            for c in here
            if c.data["status"] == "held"
            or (c.data["visitor_country"], c.data["host_country"]) not in held
        )
    # a held visit the text leaves undated took place on the day of the talks the lead reports
    lead = _lead_date(ctx)
    for c in out:
        if lead and c.data["status"] == "held" and not c.data["start"]:
            c.data["start"] = lead
    # talks "scheduled" during a visit the article reports as under way are that visit
    held_all = {
        (c.data["visitor_country"], c.data["host_country"])
        for c in out
        if c.data["status"] == "held"
    }
    out = [
        c
        for c in out
        if not (
            c.data.pop("talks", False)
            and c.data["status"] == "planned"
            and (c.data["visitor_country"], c.data["host_country"]) in held_all
        )
    ]
    return out

"""People (found by titles and roles), organisations (by head nouns), places (gazetteer
cities) and the countries of people.  No name lists: a person is whoever a title or a
"counterpart" introduces; later bare surnames ("Scholz") resolve to the full name.

The words (titles, honorifics, head nouns, portfolio words, name patterns) are the
language module's (``lang``, English by default); the patterns built from them and the
gazetteer's countries are built once per language (:func:`_patterns`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from types import ModuleType
from typing import Any

from .countries import CountryMention, city_lookup, country_pattern, other
from .gazetteer import data, fold
from .lang import built_for
from .lang import en as _EN
from .sentences import wrap_width

# organisations' head nouns in English (app.consolidate reads them from here)
ORG_HEADS = _EN.ORG_HEADS


class _Patterns:
    """The patterns of one language, each compiled when first used."""

    def __init__(self, L: ModuleType) -> None:
        self.L = L

    @cached_property
    def person(self) -> re.Pattern[str]:
        return re.compile(self.L.TITLED_PERSON(self.L, country_pattern()))

    @cached_property
    def portfolio(self) -> re.Pattern[str]:
        return re.compile(self.L.PORTFOLIO_PERSON(self.L, country_pattern()))

    @cached_property
    def joint(self) -> re.Pattern[str]:
        return re.compile(self.L.JOINT_PEOPLE(self.L, country_pattern()))

    @cached_property
    def mechanism(self) -> re.Pattern[str]:
        return re.compile(self.L.MECHANISM(self.L, country_pattern()))

    @cached_property
    def title(self) -> re.Pattern[str]:
        return re.compile(self.L.TITLE)

    @cached_property
    def honorific(self) -> re.Pattern[str]:
        return re.compile(rf"{self.L.HONORIFIC}\s+")

    @cached_property
    def office_of(self) -> re.Pattern[str]:
        return re.compile(self.L.OFFICE_OF)

    @cached_property
    def particle_dash(self) -> re.Pattern[str]:
        return re.compile(rf"^{self.L.NAME_PARTICLE}-")

    @cached_property
    def particle(self) -> re.Pattern[str]:
        return re.compile(self.L.NAME_PARTICLE, re.I)

    @cached_property
    def acronym(self) -> re.Pattern[str]:
        up = self.L.UPPER
        return re.compile(rf"\s*\(\s*(?P<a>[{up}][{up}\d&-]+)\s*\)")

    @cached_property
    def city_tokens(self) -> re.Pattern[str]:
        # a short lower-case word may join a city's words: "Dar es Salaam", "Rio de Janeiro"
        word = self.L.NAME_WORD
        return re.compile(rf"{word}(?:\s+(?:[a-zа-яё]{{1,3}}\s+)?{word}){{0,3}}")

    @cached_property
    def lone_word(self) -> re.Pattern[str]:
        up = self.L.UPPER
        return re.compile(rf"(?<![\w-])[{up}][\w’'-]*(?![\w-])(?!\s+[{up}])")

    @cached_property
    def next_name_word(self) -> re.Pattern[str]:
        not_start = "|".join(self.L.NOT_ORG_START)
        return re.compile(rf"\s+(?!(?:{not_start})\b)[{self.L.UPPER}][a-z]")


# per language (keyed on the module's id, the module kept to check it): its patterns
def _patterns(L: ModuleType) -> _Patterns:
    """The patterns of language L (built once per language)."""
    return built_for(L, _Patterns)


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Country words that are only the first word of a longer country name ("Costa",
    "Cook", "Solomon"): a surname ending a name, not a country after it."""
    g = data()
    out = set()
    for code, info in g["countries"].items():
        for n in [info.get("name"), *(info.get("names") or [])]:
            first = n.split()[0] if n and " " in n else None
            if (
                first
                and g["terms"].get(first, [None, None])[1] == "demonym"
                and g["terms"][first][0] == code
            ):
                out.add(first)
    return frozenset(out)


def _not_a_person(tokens: list[str], L: ModuleType) -> bool:
    """A body or an office read as a name ("European Union", "His Excellency")."""
    return tokens[-1] in L.ORG_HEADS or tokens[-1] in L.NOT_SURNAMES


def starts_with_title(name: str, lang: ModuleType | None = None) -> bool:
    """True for a name that begins with a title or office ("Chancellor Scholz")."""
    return _patterns(lang or _EN).title.match(name) is not None


@dataclass
class Person:
    """A person and the forms the article names them by."""

    name: str
    aliases: set[str] = field(default_factory=set)
    votes: Counter[str] = field(default_factory=Counter)
    titles: set[str] = field(default_factory=set)
    guessed: bool = False  # the country is only the pair's one nobody else holds

    @property
    def country(self) -> str | None:
        return self.votes.most_common(1)[0][0] if self.votes else None

    @property
    def surname(self) -> str:
        return _surname(self.name, _patterns(_EN))


@dataclass
class Mention:
    """Where an entity is named (offsets into the article text)."""

    start: int
    end: int
    key: str  # person surname key, org key or place name


@dataclass
class Org:
    name: str
    aliases: set[str] = field(default_factory=set)


def _clean_name(raw: str, L: ModuleType) -> str:
    name: str = L.POSSESSIVE_END.sub("", raw.strip())
    return name.strip(" ,.")


@lru_cache(maxsize=4096)
def _surname(name: str, P: _Patterns) -> str:
    return P.particle_dash.sub("", _last_token(name, P.L))


def _last_token(name: str, L: ModuleType) -> str:
    tokens = name.split()
    while len(tokens) > 1 and tokens[-1].rstrip(".") in L.NAME_SUFFIXES:
        tokens.pop()
    return tokens[-1]


def _forms(L: ModuleType) -> Any:
    """The language's name morphology (``NAME_FORMS``: nominative, case of a title,
    surname key, Latin spelling), or None where names do not decline (English)."""
    return L.NAME_FORMS


def person_key(name: str, lang: ModuleType | None = None) -> str:
    return _person_key(name, _patterns(lang or _EN))


def _person_key(name: str, P: _Patterns) -> str:
    """The key all of one person's names share: the surname folded (in a language whose
    names decline, with its case ending cut: "Саакяна" and "Саакян" share one)."""
    last = P.particle_dash.sub("", _last_token(name, P.L))
    forms = _forms(P.L)
    if forms is not None:
        last = forms.key(last)
    return fold(last).lower()


def org_key(name: str, lang: ModuleType | None = None) -> frozenset[str]:
    """Content words, adjectives stemmed ("Nordic"/"Nordish" -> "nord"), generic words dropped."""
    return _org_key(name, _patterns(lang or _EN))


@lru_cache(maxsize=16384)
def _org_key(name: str, P: _Patterns) -> frozenset[str]:
    generic, adjective = P.L.GENERIC_ORG_WORDS, P.L.ADJECTIVE_SUFFIX
    words = set()
    for w in re.split(r"[\s-]+", fold(name).lower()):
        if not w or w in generic:
            continue
        w = adjective.sub("", w) if len(w) > 5 else w
        words.add(w)
    return frozenset(words)


def _country_before(
    mentions: list[CountryMention], text: str, pos: int, gap_re: re.Pattern[str]
) -> str | None:
    for m in reversed(mentions):
        if m.end <= pos:
            gap = text[m.end : pos]
            if gap_re.fullmatch(gap) and m.kind != "capital":
                return m.code
            return None
    return None


def _country_after(
    mentions: list[CountryMention], text: str, pos: int, gap_re: re.Pattern[str]
) -> str | None:
    """The country named right after a person's name ("President X of Kenya")."""
    for m in mentions:
        if m.start >= pos:
            if m.kind == "name" and gap_re.fullmatch(text[pos : m.start]):
                return m.code
            return None
    return None


def find_people(
    text: str,
    countries: list[CountryMention],
    pair: tuple[str, ...],
    lang: ModuleType | None = None,
) -> tuple[dict[str, Person], list[Mention]]:
    """People introduced by a title or as someone's counterpart, and all their mentions
    (lang: the language module, English by default)."""
    L = lang or _EN
    P = _patterns(L)
    not_name, day_words, gap_re = L.NOT_NAME, L.DAY_WORDS, L.COUNTRY_PERSON_GAP
    title_re, honorific_re = P.title, P.honorific
    terms = data()["terms"]
    people: dict[str, Person] = {}
    intro: list[Mention] = []

    def add(raw: str, start: int, code: str | None, title: str, two_words: bool = False) -> None:
        name = _clean_name(raw, L)
        tokens = name.split()
        # "Vice Premier He Lifeng": a pronoun-like word right after a title, followed by
        # another name word, is a family name
        keep_first = (
            len(tokens) > 1
            and tokens[0] in L.SURNAME_PRONOUNS
            and title != ""
            and tokens[1] not in not_name
            and tokens[1] not in terms
        )
        lead_code = None  # an initialism is all capitals and letters only ("РК", not "К.")
        while (
            tokens
            and not keep_first
            and (
                tokens[0] in not_name
                or tokens[0] in terms
                or (_forms(L) is not None and tokens[0].isalpha() and tokens[0].isupper())
            )
        ):  # "Премьер-Министра РА Арам Саакян": an initialism of the country
            lead_code = lead_code or _mention_code(countries, text, start, tokens[0])
            tokens.pop(0)
        code = code or lead_code
        while tokens and (
            (tokens[-1] in terms and tokens[-1] not in _first_words())
            or tokens[-1] in not_name
            or tokens[-1].lower() in day_words
        ):  # "X Thursday"
            tokens.pop()
        while tokens:  # "Emir of Qatar, Sheikh Tamim", "counterpart, Foreign Secretary X"
            joined = " ".join(tokens)
            lead = title_re.match(joined) or honorific_re.match(joined + " ")
            if (
                not lead
                or len(lead.group().split()) >= len(tokens)
                or lead.group().strip() != " ".join(tokens[: len(lead.group().split())])
            ):
                break
            tokens = tokens[len(lead.group().split()) :]
        if (
            not tokens
            or title_re.match(tokens[0])
            or _not_a_person(tokens, L)
            or (two_words and len(tokens) < 2)
        ):
            return
        written = tokens
        name = " ".join(tokens)
        forms = _forms(L)
        if forms is not None:  # "президента X Y": the name in the title's case
            name = forms.nominative(name, forms.case_of(title.split()[0]) if title else None)
            tokens = name.split()
        key = _person_key(name, P)
        p = people.get(key)
        if p is None:
            p = people[key] = Person(name)
        elif len(name) > len(p.name):
            p.aliases.add(p.name)
            p.name = name
        if name != p.name:
            p.aliases.add(name)
        if code:
            p.votes[code] += 1
        if title and forms is not None:  # the title's head word, in the dictionary form
            p.titles.add(forms.lemma(title.split()[0]))
        elif title:
            p.titles.add(title.split()[-1].rstrip(L.PLURAL_SUFFIX))
        # The name's words as written (the text may hold several spaces or a line
        # break between them, where the name was joined with one space).
        found = re.compile(r"\s+".join(map(re.escape, written))).search(text, start)
        if found is not None:
            intro.append(Mention(found.start(), found.end(), key))

    for m in P.person.finditer(text):
        code = None
        of = m.group("of") or m.group("gov")
        if of and of in terms:
            code = terms[of][0]
        elif of:  # an initialism the article defines ("the Republic of Korea (RoK)")
            at = m.start("of") if m.group("of") else m.start("gov")
            code = next((c.code for c in countries if c.start == at), None)
        code = (
            code
            or _country_after(countries, text, m.end("name"), L.PERSON_COUNTRY_GAP)
            or _country_before(countries, text, m.start(), gap_re)
        )
        add(m.group("name"), m.start("name"), code, m.group("title"))
    for m in P.portfolio.finditer(text):
        code = terms[m.group("of")][0] if m.group("of") in terms else None
        add(
            m.group("name"),
            m.start("name"),
            code or _country_before(countries, text, m.start(), gap_re),
            m.group("title"),
        )
    for m in P.joint.finditer(text):
        # "Presidents of A and B, X and Y"; a language may name the first one after its
        # country ("x") or only the second one (no "x")
        groups = m.groupdict()
        for who in ("x", "x2", "y"):
            if groups.get(who):
                where = m.group("b" if who == "y" else "a")
                add(m.group(who), m.start(who), terms.get(where, [None])[0], m.group("title"))
    for m in L.COUNTERPART.finditer(text):
        add(
            m.group("name"),
            m.start("name"),
            _country_before(countries, text, m.start(), gap_re),
            "",
        )
    for m in L.LOWER_ROLE.finditer(text):
        add(
            m.group("name"),
            m.start("name"),
            _country_before(countries, text, m.start(), gap_re),
            "",
            two_words=True,
        )
    forms = _forms(L)
    if forms is not None:  # "визит Арама Саакяна": a given name and a surname
        for m in forms.pair.finditer(text):
            first, last = m.group("name").split()
            if (
                first not in not_name
                and first not in terms
                and last not in terms
                and forms.is_person(first, last)
            ):
                add(m.group("name"), m.start("name"), None, "")
    # a titled person of unknown country takes the pair country nobody else holds
    for m in L.PARTNERS.finditer(text):  # "X and his Polish counterpart Y": X is of the other
        a, b = (
            people.get(_person_key(_clean_name(m.group("a"), L), P)),
            people.get(_person_key(_clean_name(m.group("b"), L), P)),
        )
        if a and b and b.country and not a.country and other(pair, b.country):
            a.votes[other(pair, b.country)] += 1  # type: ignore[index]
    _merge_given_names(people, intro)
    mentions = intro + _surname_mentions(
        text, people, intro, P, _given_forms(text, people, intro, P)
    )
    counts = Counter(m.key for m in mentions)
    known = {p.country for p in people.values() if p.country}
    free = [c for c in pair if c not in known]
    unknown = sorted(
        (p for p in people.values() if not p.country and p.titles),
        key=lambda p: -counts[_person_key(p.name, P)],
    )
    if (
        len(free) == 1
        and unknown
        and (
            len(unknown) == 1
            or counts[_person_key(unknown[0].name, P)] > counts[_person_key(unknown[1].name, P)]
        )
    ):
        unknown[0].votes[free[0]] += 1
        unknown[0].guessed = True
    forms = _forms(L)
    for p in people.values():
        p.aliases.add(_surname(p.name, P))
        if forms is not None:  # the Latin spellings of the name and the surname
            p.aliases |= {forms.latin(p.name), forms.latin(_surname(p.name, P))}
        p.aliases.discard(p.name)
    return people, mentions


def _mention_code(countries: list[CountryMention], text: str, start: int, word: str) -> str | None:
    """The country of a mention of ``word`` at or after ``start`` (an initialism like
    "РК" that the country recogniser read where the article names its country)."""
    at = text.find(word, start)
    return next((m.code for m in countries if m.start == at), None) if at >= 0 else None


def _merge_given_names(people: dict[str, Person], intro: list[Mention]) -> None:
    """A title before one part of a full name the article gives ("President Ilham" after
    "Ilham Aliyev", "Premier Li" after "Li Qiang") names that person, not another one."""
    owners: dict[str, set[str]] = {}
    for k, p in people.items():
        for tok in p.name.split()[:-1]:
            owners.setdefault(tok, set()).add(k)
    for k, p in list(people.items()):
        tokens = p.name.split()
        if len(tokens) != 1 or len(owners.get(tokens[0], ())) != 1:
            continue
        target = next(iter(owners[tokens[0]]))
        if target == k:
            continue
        full = people[target]
        full.aliases |= p.aliases | {p.name}
        full.votes.update(p.votes)
        full.titles |= p.titles
        del people[k]
        for m in intro:
            if m.key == k:
                m.key = target


def _given_forms(
    text: str, people: dict[str, Person], intro: list[Mention], P: _Patterns
) -> dict[str, str]:
    """Other parts of a full name the article uses alone ("Lula", "Prabowo", "Xi", "Yoon"):
    a part no other person's name holds, not a country word, found standing alone."""
    terms = data()["terms"]
    owners: dict[str, set[str]] = {}
    for k, p in people.items():
        for tok in p.name.split()[:-1]:
            owners.setdefault(tok, set()).add(k)
    if not owners:
        return {}
    covered = [(m.start, m.end) for m in intro]
    L = P.L
    alone = {
        m.group()
        for m in P.lone_word.finditer(text)
        if m.group() in owners and not any(a <= m.start() < b for a, b in covered)
    }
    out: dict[str, str] = {}
    for tok in alone:
        keys = owners[tok]
        if (
            len(keys) != 1
            or tok in terms
            or tok in L.NOT_NAME
            or tok in L.SHORT_WORDS
            or len(tok) < 2
            or tok.rstrip(".") in L.NAME_SUFFIXES
            or P.particle.fullmatch(tok)
            or P.title.fullmatch(tok)
        ):
            continue
        key = next(iter(keys))
        out[tok] = key
        people[key].aliases.add(tok)
    return out


def _surname_mentions(
    text: str,
    people: dict[str, Person],
    intro: list[Mention],
    P: _Patterns,
    given: dict[str, str] | None = None,
) -> list[Mention]:
    if not people:
        return []
    forms = dict(given or {})
    forms.update({_surname(p.name, P): k for k, p in people.items()})
    forms.update({fold(_surname(p.name, P)): k for k, p in people.items()})
    morph = _forms(P.L)
    ending = r"\w{0,3}" if morph is not None else ""  # "Саакян-а", "Саакян-ом"
    if morph is not None:  # the surname's stem ("Мунхай" -> "Мунха": "Мунхая", "Мунхаем")
        for k, p in people.items():
            sur = _surname(p.name, P)
            forms[sur[: len(morph.key(sur))]] = k
    pat = re.compile(
        r"(?<![\w-])("
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + rf"){ending}(?![\w-])"
    )
    covered = [(m.start, m.end) for m in intro]
    out = []
    for m in pat.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        key = forms[m.group(1)]
        if (
            morph is not None
            and m.group() != m.group(1)
            and (
                key not in people
                or morph.key(m.group()) != morph.key(_surname(people[key].name, P))
            )
        ):
            continue  # another word that starts like the name
        out.append(Mention(m.start(), m.end(), key))
    return out


_RUN_ON = re.compile(r"(?<!\n)\n(?!\n)")


def _trim_org(
    tokens: list[tuple[int, int, str]], terms: dict[str, list[str]], P: _Patterns
) -> list[tuple[int, int, str]]:
    """A capitalised phrase cut down to the organisation it names: no post before it, no
    meeting of it, no city after it, no person or other body coordinated with it."""
    L = P.L
    heads, meetings, connectors = L.ORG_HEADS, L.MEETING_WORDS, L.ORG_CONNECTORS
    portfolio_words, of_word = L.PORTFOLIO_WORDS, L.ORG_OF

    def words() -> list[str]:
        return [w for _a, _b, w in tokens]

    role = False
    lead = P.office_of.match(" ".join(words()))  # "Foreign Ministers of the X", "Head of State of"
    if lead and len(lead.group().split()) < len(tokens):
        tokens = tokens[len(lead.group().split()) :]
        role = True
    elif tokens and tokens[0][2] in L.ROLE_WORDS:  # "Vice Chairman of X", "Secretary Ministry X"
        ws = words()
        first_head = next((i for i, w in enumerate(ws) if w in heads), len(ws))
        of = next((i for i, w in enumerate(ws[:first_head]) if w == of_word), None)
        cut = of + 1 if of is not None else first_head
        if 0 < cut < len(ws):
            role = True
            tokens = tokens[cut:]
    ws = words()
    ev = next((i for i, w in enumerate(ws[:4]) if w in meetings), None)
    if (
        ev is not None
        and ev + 1 < len(ws)
        and ws[ev + 1] == of_word
        and not any(w in heads for w in ws[:ev])
    ):  # "(Informal) Summit of the X"
        tokens = tokens[ev + 2 :]
    while tokens and tokens[0][2] in connectors:
        tokens = tokens[1:]
    lead = P.office_of.match(" ".join(words()))  # "(Meeting of) Foreign Ministers of the X"
    if lead and len(lead.group().split()) < len(tokens):
        tokens = tokens[len(lead.group().split()) :]
    ws = words()
    for i in range(len(ws) - 1, 0, -1):  # "X Forum in <city>"
        if (
            ws[i] == L.ORG_IN
            and (ws[i - 1] in heads or ws[i - 1] in meetings)
            and city_lookup(_clean_name(" ".join(ws[i + 1 :]), L))
        ):
            tokens = tokens[:i]
            break
    ws = words()
    ev = next((i for i, w in enumerate(ws) if i and w in meetings), None)
    if ev is not None:  # "X Organization Summit", "X Forum Country Strategy Dialogue"
        heads = [i for i, w in enumerate(ws[:ev]) if w in heads]
        if heads:
            h = heads[-1]
            tokens = (
                tokens[:ev] if h + 1 < ev and ws[h + 1] in L.ORG_TOPIC_LINKS else tokens[: h + 1]
            )
    ws = words()
    for i, w in enumerate(ws):  # "European Union and Cooperation": a body and something else
        if w == L.ORG_AND and i and ws[i - 1] in heads and not any(x in heads for x in ws[i + 1 :]):
            tokens = tokens[:i]
            break
    if role:  # "Secretary Ministry of Food Security <Name>": the post's holder follows
        ws = words()
        heads = [i for i, w in enumerate(ws) if w in heads]
        cut = heads[-1] + 1 if heads else len(ws)
        if cut < len(ws) and ws[cut] == of_word:  # the body's portfolio, then the name
            k = cut + 1
            while k < len(ws) and (ws[k] in portfolio_words or ws[k] in connectors):
                k += 1
            portfolio = any(w in portfolio_words for w in ws[cut + 1 : k])
            cut = k if portfolio else len(ws)  # "Institute of Marine Biology": no name
        rest = ws[cut:]
        rest = rest[: next((i for i, w in enumerate(rest) if w in connectors), len(rest))]
        if 2 <= len(rest) <= 3 and not any(w in heads or w in terms for w in rest):
            tokens = tokens[:cut]
    while tokens and (tokens[-1][2] in connectors or tokens[-1][2] in L.ROLE_WORDS):
        tokens = tokens[:-1]  # "the X Commission President <Name>": the post is no part
    return tokens


def find_orgs(
    text: str, names: Sequence[tuple[int, int]] = (), lang: ModuleType | None = None
) -> tuple[list[Org], list[Mention]]:
    """Organisations: capitalised phrases holding a head noun, with acronyms in brackets.
    ``names`` are where people are named: an organisation ends before a name, and a
    title before it is not part of it ("Speaker of Parliament Laszlo Kover": the
    organisation is "Parliament").  A phrase ends at a line break, except where the
    text is hard-wrapped.  lang: the language module, English by default."""
    L = lang or _EN
    P = _patterns(L)
    if _forms(L) is not None:
        return _inflected_orgs(text, names, P)
    heads, calendar_words = L.ORG_HEADS, L.CALENDAR_WORDS
    terms = data()["terms"]
    orgs: dict[frozenset[str], Org] = {}
    mentions: list[Mention] = []
    scan = _RUN_ON.sub(" ", text) if wrap_width(text) else text
    for m in L.ORG_PHRASE.finditer(scan):
        phrase = m.group()
        begin, end = m.start(), m.end()
        named = [a for a, _b in names if begin < a < end]
        if named:
            end = begin + len(phrase[: min(named) - begin].rstrip())
            lead = P.office_of.search(scan, begin, end)  # "(Hungarian) Speaker of Parliament"
            if lead and lead.end() < end:
                begin = lead.end()
            phrase = scan[begin:end]
        tokens = [
            (begin + w.start(), begin + w.end(), w.group()) for w in re.finditer(r"\S+", phrase)
        ]
        for i, (_a, _b, w) in enumerate(tokens):  # "Soviet Union on Dec." stops before the date
            if w.rstrip(".").lower() in calendar_words and i:
                tokens = tokens[: i - 1] if tokens[i - 1][2] in L.DATE_PREPOSITIONS else tokens[:i]
                break
        if (
            not any(w in heads for _a, _b, w in tokens)
            or " ".join(w for _a, _b, w in tokens) in terms
        ):
            continue
        while tokens and tokens[0][2] in L.NOT_ORG_START:
            tokens = tokens[1:]
        tokens = _trim_org(tokens, terms, P)
        words = [w for _a, _b, w in tokens]
        if len(words) < 2 or not any(w in heads for w in words):
            continue  # a bare "Council" or "Organization" names no body
        start, stop = tokens[0][0], tokens[-1][1]
        full = " ".join(words)
        if full in terms:  # "Union of Comoros" is a country
            continue
        name = L.ORG_LEADING_LINKS.sub("", _strip_countries(full, terms, L))
        if len(name.split()) < 2:  # "Bank of Korea" stays whole
            name = full
        if not name or not any(w in heads for w in name.split()) or name in L.MISSION_NAMES:
            continue
        acro = P.acronym.match(text, end) if stop == end else None
        key = _org_key(name, P)
        org = next((o for k, o in orgs.items() if k == key or _suffix(o.name, name)), None)
        if org is None:
            org = orgs[key] = Org(name)
        elif len(name) > len(org.name) and not _suffix(org.name, name):
            org.aliases.add(org.name)
            org.name = name
        for form in (full, name):
            if form != org.name:
                org.aliases.add(form)
        if acro:
            org.aliases.add(acro.group("a"))
        mentions.append(Mention(start, stop, org.name))
    for m in L.NAMED_FOR_COUNTRY.finditer(text):  # "Statistics Canada", "Statistics Korea"
        if terms.get(m.group("c"), ["", ""])[1] == "name" and _org_key(m.group(), P) not in orgs:
            orgs[_org_key(m.group(), P)] = Org(m.group())
            mentions.append(Mention(m.start(), m.end(), m.group()))
    for m in P.mechanism.finditer(text):  # "the 7th A-B High-Level Dialogue"
        name = re.sub(r"\s+", " ", m.group("name"))
        key = _org_key(name, P)
        if key in orgs or any(k <= key for k in orgs):
            continue
        org = orgs[key] = Org(name)
        short = _strip_countries(name, terms, L)
        if short != name:
            org.aliases.add(short)
        acro = P.acronym.match(text, m.end())
        if acro:
            org.aliases.add(acro.group("a"))
        mentions.append(Mention(m.start("name"), m.end(), name))
    _formerly(text, orgs, mentions, L)
    return list(orgs.values()), mentions


_WORD = re.compile(r"[\w-]+")


def _inflected_orgs(
    text: str, names: Sequence[tuple[int, int]], P: _Patterns
) -> tuple[list[Org], list[Mention]]:
    """Organisations in a language whose words decline (Russian): a capitalised phrase of
    adjectives, a head noun (``ORG_HEADS``, by dictionary form) and its genitive
    complement ("Совета стратегического сотрудничества"), named in the nominative; and
    initialisms standing alone ("ШОС"), or before a country ("МИД Монголии")."""
    L, forms = P.L, _forms(P.L)
    terms = data()["terms"]
    orgs: dict[frozenset[str], Org] = {}
    mentions: list[Mention] = []
    named = {a for a, _b in names}

    def keep(name: str, start: int, stop: int) -> None:
        key = _org_key(name, P)
        org = orgs.setdefault(key, Org(name))
        if name != org.name:
            org.aliases.add(name)
        mentions.append(Mention(start, stop, org.name))

    def genitive(word: str) -> bool:
        return word in terms or any(
            p.tag.case == "gent" and {"NOUN", "ADJF"} & set(p.tag.grammemes)
            for p in forms.parse(word)[:2]
        )

    pos = 0
    for cap in re.finditer(rf"(?<![\w-])[{L.UPPER}]", text):  # each capitalised word
        m = L.ORG_PHRASE.match(text, cap.start())
        if m is None or m.start() < pos or m.start() in named:
            continue
        words = [(w.start() + m.start(), w.group()) for w in _WORD.finditer(m.group())]
        head = next(
            (i for i, (_a, w) in enumerate(words[:5]) if forms.lemma(w) in L.ORG_HEADS), None
        )
        if head is None or any(
            not any("ADJF" in p.tag.grammemes for p in forms.parse(w)[:2]) for _a, w in words[:head]
        ):
            continue
        stop = head + 1
        while stop < len(words) and words[stop][0] not in named and genitive(words[stop][1]):
            stop += 1
        if stop + 1 < len(words) and words[stop][1] in L.ORG_TOPIC_LINKS:
            k = stop + 1  # "Комитет ... по культуре", "... по иностранным делам"
            while k < len(words) and _reads(forms, words[k][1], "ADJF", "datv"):
                k += 1
            if k < len(words) and _reads(forms, words[k][1], "NOUN", "datv"):
                stop = k + 1
                while stop < len(words) and genitive(words[stop][1]):
                    stop += 1
        if stop < 2 or words[0][1] in L.NOT_ORG_START:
            continue
        if "\n" in text[words[0][0] : words[stop - 1][0]]:
            continue
        written = [w for _a, w in words[:stop]]
        if " ".join(written) in terms or any(w in terms for w in written[: head + 1]):
            continue  # "Российская Федерация" is a country
        keep(forms.phrase(written, head), words[0][0], words[stop - 1][0] + len(written[-1]))
        pos = words[stop - 1][0]
    abbreviation = re.compile(rf"(?<![\w-])[{L.UPPER}]{{3,6}}(?![\w-])")
    for m in abbreviation.finditer(text):
        word = m.group()
        before = text[max(0, m.start() - 40) : m.start()].split()
        if (
            word in terms
            or city_lookup(word.capitalize())
            or any(s <= m.start() < e for s, e, _k in _spans(mentions))
            or (before and before[-1][:1].isupper() and before[-1][-1:].isalpha())
        ):
            continue  # a country, a city in capitals, or a part of a longer name
        tail = []
        for w in text[m.end() : m.end() + 60].split()[:2]:
            tail.append(w.strip(",.;:!?»)"))
            if tail[-1] != w:
                break  # the sentence or the clause ends
        if tail and (tail[0][:1].isdigit() or (tail[0] not in terms and tail[0][:1].isupper())):
            continue  # "МИР 24", "РИА Новости": part of a longer name
        country = next(
            (
                " ".join(tail[:n])
                for n in (2, 1)
                if len(tail) >= n
                and (
                    terms.get(" ".join(tail[:n]), ["", ""])[1] == "name"
                    or (n == 2 and tail[0] in terms and tail[1][:1].isupper())
                )
            ),
            None,
        )  # "МИД Монголии", "МИД Армянской ССР"
        if country and text[m.end() : m.end() + 1] == " ":  # "МИД Монголии"
            keep(f"{word} {country}", m.start(), m.end() + 1 + len(country))
        elif word.isalpha() and not word.isascii() and word.lower() not in L.ORG_HEADS:
            keep(word, m.start(), m.end())
    return list(orgs.values()), mentions


def _reads(forms: Any, word: str, pos: str, case: str) -> bool:
    """One of the word's two best readings is of part of speech ``pos`` in ``case`` (a
    preposition chose the case: "по торговле" is dative, not locative)."""
    return any(pos in p.tag.grammemes and p.tag.case == case for p in forms.parse(word)[:2])


def _spans(mentions: list[Mention]) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.key) for m in mentions]


def _formerly(
    text: str, orgs: dict[frozenset[str], Org], mentions: list[Mention], L: ModuleType
) -> None:
    """ "X ..., formerly known as the Y": Y is another name of the body named just before."""
    for f in L.FORMERLY.finditer(text):
        after = next((m for m in mentions if m.start == f.end()), None)
        before = [
            m
            for m in mentions
            if m.end <= f.start()
            and m.key != (after and after.key)
            and "\n" not in text[m.end : f.start()]
            and f.start() - m.end < 200
        ]
        if after is None or not before:
            continue
        old = next((k for k, o in orgs.items() if o.name == after.key), None)
        target = next((o for o in orgs.values() if o.name == before[-1].key), None)
        if old is None or target is None:
            continue
        gone = orgs.pop(old)
        target.aliases |= gone.aliases | {gone.name}
        for m in mentions:
            if m.key == gone.name:
                m.key = target.name


def _suffix(a: str, b: str) -> bool:
    """One name ends with the other, which has at least three words."""
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 3 and long_.endswith(" " + short)


def _country_style(tail: list[str], terms: dict[str, list[str]], L: ModuleType) -> bool:
    """The words name a country: a country term, or its formal style ending in one."""
    words = [w.replace("’", "'") for w in tail]
    if " ".join(w for w in words if w != L.STYLE_ARTICLE) in terms:
        return True
    return (
        len(words) >= 2
        and words[-1] in terms
        and words[-2] == L.STYLE_OF
        and all(w in L.STYLE_WORDS for w in words[:-1])
    )


def _strip_countries(name: str, terms: dict[str, list[str]], L: ModuleType) -> str:
    words = name.split()
    while len(words) > 2 and all(part in terms for part in re.split(r"[-–]", words[0]) if part):
        words = words[1:]
    for i in range(max(1, len(words) - 7), len(words) - 1):  # "... of the Republic of X"
        tail = words[i + 1 :]
        if words[i] == L.STYLE_OF and _country_style(tail, terms, L):
            words = words[:i]
            break
    out = " ".join(words)
    between = L.BETWEEN_WORDS
    between_countries: re.Pattern[str] = L.BETWEEN_COUNTRIES
    out = between_countries.sub(
        lambda m: "" if all(w in terms or w in between for w in m.group().split()) else m.group(),
        out,
    )
    return out.strip()


def find_places(
    text: str, pair: tuple[str, ...], skip: list[tuple[int, int]], lang: ModuleType | None = None
) -> list[tuple[int, int, str, str, str]]:
    """Cities of the pair's countries, and other capitals where something happens ("in
    <capital>", "to <capital>"): (start, end, text form, canonical name, country).  lang:
    the language module, English by default."""
    L = lang or _EN
    P = _patterns(L)
    calendar_words, locative = L.CALENDAR_WORDS, L.LOCATIVE
    out = []
    capitals = data()["capitals"]
    covered = {p for s, e in skip for p in range(s, e)}
    for m in P.city_tokens.finditer(text):
        if m.group().rstrip(".").lower() in calendar_words:
            continue
        words = [(w.start() + m.start(), w.group()) for w in re.finditer(r"\S+", m.group())]
        k = 0
        while k < len(words):
            n = 1
            if words[k][0] not in covered:
                longest = len(words) - k if words[k][1] in _multi_word_starts() else 1
                for n in range(longest, 0, -1):
                    form = _clean_name(" ".join(w for _p, w in words[k : k + n]), L)
                    hit = city_lookup(form)
                    if (
                        hit
                        and (
                            hit[1] in pair
                            or (
                                capitals.get(form) == hit[1]
                                and locative.search(text, max(0, words[k][0] - 24), words[k][0])
                            )
                        )
                        and not _inside_name(text, words[k][0], words[k][0] + len(form), P)
                    ):
                        start = words[k][0]
                        out.append((start, start + len(form), form, hit[0], hit[1]))
                        break
                else:
                    n = 1
            k += n
    return out


@lru_cache(maxsize=1)
def _multi_word_starts() -> frozenset[str]:
    """First words of the gazetteer's multi-word city names ("Ho", "Buenos", "New")."""
    return frozenset(n.split()[0] for n in data()["cities"] if " " in n)


def _inside_name(text: str, start: int, end: int, P: _Patterns) -> bool:
    """A city word that is part of a longer name ("the Maipú Treaty") or a credit in
    brackets ("(Xinhua)") is no place of the story."""
    if text[start - 1 : start] == "(" and text[end : end + 1] in (")", "/"):
        return True  # "(Xinhua)", "(Xinhua/Photographer)"
    return bool(P.next_name_word.match(text, end)) and text[end : end + 1] != ","


__all__ = [
    "Mention",
    "Org",
    "Person",
    "find_orgs",
    "find_people",
    "find_places",
    "org_key",
    "other",
    "person_key",
]

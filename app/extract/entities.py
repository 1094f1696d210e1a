"""People (found by titles and roles), organisations (by head nouns), places (gazetteer
cities) and the countries of people.  No name lists: a person is whoever a title or a
"counterpart" introduces; later bare surnames ("Scholz") resolve to the full name.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .countries import CountryMention, city_lookup, country_pattern, other
from .gazetteer import data, fold

_UP = "A-ZÀ-ÖØ-ÞİŞÇĞ"
_WORD = rf"[{_UP}][\w’'-]*"
TITLE = (r"(?:Vice[- ]Presidents?|Presidents?|Head\s+of\s+(?:State|Government)|"
         r"(?:Deputy\s+)?Prime\s+Ministers?|Premier|"
         r"(?:Foreign|Defen[cs]e|Finance|Trade|Economy|Energy|Interior|Education|Health)\s+"
         r"Ministers?|Ministers?(?:\s+of\s+(?:Foreign\s+Affairs|[A-Z][a-z]+))?|Chancellor|"
         r"King|Queen|Emperor|Empress|Crown\s+Prince|Emir|Sheikh|Sultan|"
         r"Secretary(?:[- ]General|\s+of\s+State)|"
         r"(?:Foreign|Home|State|General|Defen[cs]e|Cabinet|Party)\s+Secretary|Ambassador|"
         r"Speaker|Governor|Mayor|Chairman|Chairwoman|Senator|Pope|Mr\.|Mrs\.|Ms\.|Dr\.)")
_PARTICLE = r"(?:bin|ibn|al|el|de|da|van|von|der|du|dos|di)"
_NAME = (rf"(?P<name>{_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}"  # "Ursula von der Leyen"
         rf"(?:[{_UP}]\.|{_WORD}|{_PARTICLE}-{_WORD})){{0,4}})")


@lru_cache(maxsize=1)
def _person_re() -> re.Pattern[str]:
    """A title, its country or the body it heads ("Speaker of Parliament", "President of
    the European Commission"), then the name."""
    country = country_pattern()
    heads = "|".join(sorted((h for h in ORG_HEADS | _BODIES if " " not in h), key=len,
                            reverse=True))
    body = rf"(?:{_WORD}\s+){{0,3}}(?:{heads})"
    return re.compile(rf"\b(?P<title>{TITLE})(?:\s+of\s+(?:the\s+)?(?:(?P<of>{country})|"
                      rf"(?P<body>{body})))?,?\s+{_NAME}")


_COUNTERPART = re.compile(rf"\bcounterparts?,?\s+{_NAME}")
_PARTNERS = re.compile(rf"(?P<a>{_WORD}(?:\s+{_WORD}){{0,3}})\s+and\s+(?:his|her)\s+(?:{_WORD}\s+)?"
                       rf"counterpart,?\s+(?P<b>{_WORD}(?:\s+{_WORD}){{0,3}})")
_NOT_NAME = {"The", "His", "Her", "Their", "This", "That", "On", "In", "At", "And", "Of", "He",
             "She", "It", "They", "We", "For", "After", "Before", "During", "With", "Head",
             "State", "Government", "Affairs"}
_NOT_ORG_START = (_NOT_NAME - {"Head", "State", "Government", "Affairs"}) | {
    "According", "To", "By", "As", "A", "An"}
# "Ferdinand Marcos Jr", "Felipe VI": the surname (or the name) is the word before
_SUFFIXES = {"Jr", "Sr", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"}
_SHORT_WORDS = {"To", "As", "At", "By", "If", "In", "It", "No", "Of", "On", "Or", "So", "Up", "We",
                "He", "An", "Do", "Go", "Be", "Is", "Us", "Mr", "Ms", "Dr"}
_TITLE_RE = re.compile(TITLE)
_TITLE_OF = re.compile(rf"(?:{TITLE})\s+of\s+(?:the\s+)?")


def starts_with_title(name: str) -> bool:
    """True for a name that begins with a title or office ("Chancellor Scholz")."""
    return _TITLE_RE.match(name) is not None

ORG_HEADS = {"Organization", "Organisation", "Assembly", "Academy", "Foundation", "Council",
             "Ministry", "Association", "Agency", "Agencies", "Union", "Nations", "Bank", "Fund",
             "Forum", "Conference", "Committee", "Commission", "Institute", "University",
             "Parliament", "Corporation", "Company", "Authority", "Party", "Alliance",
             "Community", "Chamber", "Federation", "Secretariat", "Bureau", "Court", "League",
             "Society", "Office", "Cooperation Council", "Group", "Centre", "Center"}
_BODIES = {"Senate", "Congress"}
"""Bodies a title can head ("Chairman of the Senate") that are not named organisations."""
_ORG = re.compile(rf"(?:{_WORD}|[{_UP}]{{2,}})(?:\s+(?:(?:of(?:\s+the)?|on|for(?:\s+the)?|and|in|"
                  rf"de|des|du)\s+)?(?:{_WORD}))*")
_ACRONYM = re.compile(rf"\s*\(\s*(?P<a>[{_UP}][{_UP}\d&-]+)\s*\)")
_CITY_TOKENS = re.compile(rf"{_WORD}(?:\s+{_WORD}){{0,3}}")
_CALENDAR_WORDS = {w.lower() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:],
                                       *calendar.day_name, "Sept")}
_GENERIC_ORG_WORDS = {"states", "countries", "the", "of", "on", "for", "and", "in", "de"}


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
        return _surname(self.name)


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


def _clean_name(raw: str) -> str:
    name = re.sub(r"[’']s$", "", raw.strip())
    return name.strip(" ,.")


@lru_cache(maxsize=4096)
def _surname(name: str) -> str:
    return re.sub(rf"^{_PARTICLE}-", "", _last_token(name))


def _last_token(name: str) -> str:
    tokens = name.split()
    while len(tokens) > 1 and tokens[-1].rstrip(".") in _SUFFIXES:
        tokens.pop()
    return tokens[-1]


def person_key(name: str) -> str:
    return fold(re.sub(rf"^{_PARTICLE}-", "", _last_token(name))).lower()


@lru_cache(maxsize=16384)
def org_key(name: str) -> frozenset[str]:
    """Content words, adjectives stemmed ("Nordic"/"Nordish" -> "nord"), generic words dropped."""
    words = set()
    for w in re.split(r"[\s-]+", fold(name).lower()):
        if not w or w in _GENERIC_ORG_WORDS:
            continue
        w = re.sub(r"(?:ish|ic)$", "", w) if len(w) > 5 else w
        words.add(w)
    return frozenset(words)


def _country_before(mentions: list[CountryMention], text: str, pos: int) -> str | None:
    for m in reversed(mentions):
        if m.end <= pos:
            gap = text[m.end:pos]
            if re.fullmatch(r"(?:[’']s)?\s*(?:[\w-]+\s+){0,1}", gap) and m.kind != "capital":
                return m.code
            return None
    return None


def find_people(text: str, countries: list[CountryMention],
                pair: tuple[str, ...]) -> tuple[dict[str, Person], list[Mention]]:
    """People introduced by a title or as someone's counterpart, and all their mentions."""
    terms = data()["terms"]
    people: dict[str, Person] = {}
    intro: list[Mention] = []

    def add(raw: str, start: int, code: str | None, title: str) -> None:
        name = _clean_name(raw)
        tokens = name.split()
        while tokens and (tokens[0] in _NOT_NAME or tokens[0] in terms):
            tokens.pop(0)
        while tokens and (tokens[-1] in terms or tokens[-1] in _NOT_NAME):
            tokens.pop()
        while tokens:  # "Emir of Qatar, Sheikh Tamim", "counterpart, Foreign Secretary X"
            lead = _TITLE_RE.match(" ".join(tokens))
            if not lead or len(lead.group().split()) >= len(tokens) or \
                    lead.group() != " ".join(tokens[:len(lead.group().split())]):
                break
            tokens = tokens[len(lead.group().split()):]
        if not tokens or _TITLE_RE.match(tokens[0]):
            return
        name = " ".join(tokens)
        key = person_key(name)
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
        if title:
            p.titles.add(title.split()[-1].rstrip("s"))
        # The name's words as written (the text may hold several spaces or a line
        # break between them, where the name was joined with one space).
        found = re.compile(r"\s+".join(map(re.escape, tokens))).search(text, start)
        if found is not None:
            intro.append(Mention(found.start(), found.end(), key))

    for m in _person_re().finditer(text):
        code = None
        if m.group("of") and m.group("of") in terms:
            code = terms[m.group("of")][0]
        code = code or _country_before(countries, text, m.start())
        add(m.group("name"), m.start("name"), code, m.group("title"))
    for m in _COUNTERPART.finditer(text):
        add(m.group("name"), m.start("name"), _country_before(countries, text, m.start()), "")
    # a titled person of unknown country takes the pair country nobody else holds
    for m in _PARTNERS.finditer(text):  # "X and his Polish counterpart Y": X is of the other
        a, b = people.get(person_key(_clean_name(m.group("a")))), \
            people.get(person_key(_clean_name(m.group("b"))))
        if a and b and b.country and not a.country and other(pair, b.country):
            a.votes[other(pair, b.country)] += 1  # type: ignore[index]
    mentions = intro + _surname_mentions(text, people, intro, _given_forms(text, people, intro))
    counts = Counter(m.key for m in mentions)
    known = {p.country for p in people.values() if p.country}
    free = [c for c in pair if c not in known]
    unknown = sorted((p for p in people.values() if not p.country and p.titles),
                     key=lambda p: -counts[person_key(p.name)])
    if len(free) == 1 and unknown and (
            len(unknown) == 1 or counts[person_key(unknown[0].name)]
            > counts[person_key(unknown[1].name)]):
        unknown[0].votes[free[0]] += 1
        unknown[0].guessed = True
    for p in people.values():
        p.aliases.add(p.surname)
        p.aliases.discard(p.name)
    return people, mentions


_LONE_WORD = re.compile(rf"(?<![\w-])[{_UP}][\w’'-]*(?![\w-])(?!\s+[{_UP}])")


def _given_forms(text: str, people: dict[str, Person], intro: list[Mention]) -> dict[str, str]:
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
    alone = {m.group() for m in _LONE_WORD.finditer(text) if m.group() in owners
             and not any(a <= m.start() < b for a, b in covered)}
    out: dict[str, str] = {}
    for tok in alone:
        keys = owners[tok]
        if len(keys) != 1 or tok in terms or tok in _NOT_NAME or tok in _SHORT_WORDS \
                or len(tok) < 2 or tok.rstrip(".") in _SUFFIXES \
                or re.fullmatch(_PARTICLE, tok, re.I) or _TITLE_RE.fullmatch(tok):
            continue
        key = next(iter(keys))
        out[tok] = key
        people[key].aliases.add(tok)
    return out


def _surname_mentions(text: str, people: dict[str, Person], intro: list[Mention],
                      given: dict[str, str] | None = None) -> list[Mention]:
    if not people:
        return []
    forms = dict(given or {})
    forms.update({p.surname: k for k, p in people.items()})
    forms.update({fold(p.surname): k for k, p in people.items()})
    pat = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len,
                                                                           reverse=True))
                     + r")(?![\w-])")
    covered = [(m.start, m.end) for m in intro]
    out = []
    for m in pat.finditer(text):
        if not any(s <= m.start() < e for s, e in covered):
            out.append(Mention(m.start(), m.end(), forms[m.group(1)]))
    return out


def find_orgs(
    text: str, names: Sequence[tuple[int, int]] = ()
) -> tuple[list[Org], list[Mention]]:
    """Organisations: capitalised phrases holding a head noun, with acronyms in brackets.
    ``names`` are where people are named: an organisation ends before a name, and a
    title before it is not part of it ("Speaker of Parliament Laszlo Kover": the
    organisation is "Parliament")."""
    terms = data()["terms"]
    orgs: dict[frozenset[str], Org] = {}
    mentions: list[Mention] = []
    for m in _ORG.finditer(text):
        phrase = m.group()
        begin, end = m.start(), m.end()
        named = [a for a, _b in names if begin < a < end]
        if named:
            end = begin + len(phrase[: min(named) - begin].rstrip())
            lead = _TITLE_OF.search(text, begin, end)  # "(Hungarian) Speaker of Parliament"
            if lead and lead.end() < end:
                begin = lead.end()
            phrase = text[begin:end]
        words = phrase.split()
        for i, w in enumerate(words):  # "Soviet Union on Dec." stops before the date
            if w.rstrip(".").lower() in _CALENDAR_WORDS and i:
                words = words[:i - 1] if words[i - 1] in ("on", "in", "of") else words[:i]
                break
        phrase = " ".join(words)
        if not any(w in ORG_HEADS for w in words) or phrase in terms:
            continue
        start = begin
        full = phrase
        while words and words[0] in _NOT_ORG_START:
            start = text.index(words[1], start) if len(words) > 1 else start
            words = words[1:]
        if not words:
            continue
        full = " ".join(words)
        name = _strip_countries(full, terms)
        if not name or not any(w in ORG_HEADS for w in name.split()):
            continue
        acro = _ACRONYM.match(text, end)
        key = org_key(name)
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
        mentions.append(Mention(start, end, org.name))
    for m in _NAMED_FOR_COUNTRY.finditer(text):  # "Statistics Canada", "Statistics Korea"
        if terms.get(m.group("c"), ["", ""])[1] == "name" and org_key(m.group()) not in orgs:
            orgs[org_key(m.group())] = Org(m.group())
            mentions.append(Mention(m.start(), m.end(), m.group()))
    return list(orgs.values()), mentions


_NAMED_FOR_COUNTRY = re.compile(rf"\bStatistics\s+(?P<c>{_WORD}(?:\s+{_WORD})?)")


def _suffix(a: str, b: str) -> bool:
    """One name ends with the other, which has at least three words."""
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 3 and long_.endswith(" " + short)


def _strip_countries(name: str, terms: dict[str, list[str]]) -> str:
    words = name.split()
    while len(words) > 2 and all(part in terms for part in re.split(r"[-–]", words[0]) if part):
        words = words[1:]
    out = " ".join(words)
    out = re.sub(rf"\s+(?:of|between)\s+{_WORD}(?:\s+and\s+{_WORD})?$",
                 lambda m: "" if all(w in terms or w in ("of", "and", "between")
                                     for w in m.group().split()) else m.group(), out)
    return out.strip()


def find_places(text: str, pair: tuple[str, ...], skip: list[tuple[int, int]]
                ) -> list[tuple[int, int, str, str, str]]:
    """Cities of the pair's countries: (start, end, text form, canonical name, country)."""
    out = []
    covered = {p for s, e in skip for p in range(s, e)}
    for m in _CITY_TOKENS.finditer(text):
        if m.group().rstrip(".").lower() in _CALENDAR_WORDS:
            continue
        words = [(w.start() + m.start(), w.group()) for w in re.finditer(r"\S+", m.group())]
        k = 0
        while k < len(words):
            n = 1
            if words[k][0] not in covered:
                longest = len(words) - k if words[k][1] in _multi_word_starts() else 1
                for n in range(longest, 0, -1):
                    form = _clean_name(" ".join(w for _p, w in words[k:k + n]))
                    hit = city_lookup(form)
                    if hit and hit[1] in pair and not _inside_name(text, words[k][0],
                                                                   words[k][0] + len(form)):
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


_NEXT_NAME_WORD = re.compile(rf"\s+(?!(?:{'|'.join(_NOT_ORG_START)})\b)[{_UP}][a-z]")


def _inside_name(text: str, start: int, end: int) -> bool:
    """A city word that is part of a longer name ("the Maipú Treaty") or a credit in
    brackets ("(Xinhua)") is no place of the story."""
    if text[start - 1:start] == "(" and text[end:end + 1] == ")":
        return True
    return bool(_NEXT_NAME_WORD.match(text, end)) and text[end:end + 1] != ","


__all__ = ["Mention", "Org", "Person", "find_orgs", "find_people", "find_places", "org_key",
           "other", "person_key"]

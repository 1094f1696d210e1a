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
from .sentences import wrap_width

_UP = "A-ZÀ-ÖØ-ÞİŞÇĞ"
_WORD = rf"[{_UP}][\w’'-]*"
# Words of government portfolios ("Minister for Planning and Development", "Foreign
# Affairs Secretary"): where a portfolio ends, the name of its holder begins.
PORTFOLIO_WORDS = frozenset({
    "Action", "Administration", "Affairs", "Agriculture", "Arts", "Aviation", "Budget",
    "Children", "Citizenship", "Climate", "Commerce", "Communications", "Competitiveness",
    "Constitutional", "Consumer", "Consumers", "Cooperation", "Cooperatives", "Culture",
    "Customs", "Defence", "Defense", "Development", "Diaspora", "Digital", "Diplomacy",
    "Disaster", "Economic", "Economy", "Education", "Elderly", "Emergencies", "Emergency",
    "Employment", "Endowments", "Energy", "Enterprise", "Enterprises", "Entrepreneurship",
    "Environment", "Equality", "European", "Export", "Exports", "Families", "Family",
    "Finance", "Fiscal", "Fisheries", "Food", "Foreign", "Forestry", "Gas", "Gender",
    "Governance", "Government", "Hajj", "Health", "Heritage", "Higher", "Highways", "Home",
    "Housing", "Human", "Immigration", "Implementation", "Industries", "Industry",
    "Information", "Infrastructure", "Initiatives", "Innovation", "Integration", "Interior",
    "Internal", "International", "Investment", "Irrigation", "Justice", "Labor", "Labour",
    "Land", "Law", "Legal", "Livestock", "Local", "Maritime", "Markets", "Media", "Migration",
    "Minerals", "Mines", "Mining", "Monetary", "National", "Natural", "Oil", "Overseas",
    "Parliamentary", "Petroleum", "Planning", "Ports", "Posts", "Power", "Primary",
    "Procurement", "Productivity", "Protection", "Public", "Railways", "Reform", "Reforms",
    "Regional", "Relations", "Religious", "Research", "Resources", "Revenue", "Rights",
    "Roads", "Rural", "Science", "Secondary", "Security", "Services", "Shipping", "Skills",
    "Social", "Solidarity", "Space", "Special", "Sport", "Sports", "State", "Statistics",
    "Strategic", "Taxation", "Technology", "Telecommunications", "Territorial", "Tourism",
    "Trade", "Training", "Transport", "Transportation", "Treasury", "Union", "Urban",
    "Veterans", "Vocational", "Water", "Welfare", "Women", "Works", "Youth"
})
_PORTFOLIO = rf"(?:{'|'.join(sorted(PORTFOLIO_WORDS, key=len, reverse=True))})"
TITLE = (r"(?:(?:First\s+)?Vice[- ]Presidents?|Presidents?|Head\s+of\s+(?:State|Government)|"
         r"(?:(?:First\s+)?Deputy\s+)?Prime\s+Ministers?|(?:Vice[- ])?Premier|"
         rf"(?:{_PORTFOLIO}\s+){{1,3}}(?:Ministers?|Secretary)|"
         r"Ministers?(?:\s+of\s+(?:Foreign\s+Affairs|[A-Z][a-z]+))?|Chancellor|"
         r"King|Queen|Emperor|Empress|Crown\s+Prince|Emir|Sheikh|Sultan|"
         r"Secretary(?:[- ]General|\s+of\s+State)|"
         r"(?:Foreign|Home|State|General|Defen[cs]e|Cabinet|Party)\s+Secretary|Ambassador|"
         r"Charg[eé]\s+[dD][’']\s?Affaires|Governor[- ]General|"
         r"Speaker|Governor|Mayor|Chairman|Chairwoman|Senator|Pope|Mr\.|Mrs\.|Ms\.|Dr\.)")
# Honorifics and ranks between a title and a name ("Foreign Minister Datuk Seri Dr X",
# "President of the Republic, His Excellency, X"): not part of the name.
HONORIFIC = (r"(?:(?:His|Her)\s+(?:Royal\s+)?(?:Excellency|Majesty|Highness),?|H\.\s?E\.|"
             r"(?:Datuk|Dato[’']?|Tan)\s+S(?:e)?ri|Datuk|Dato[’']?|Datin|Tun|Toh\s+Puan|"
             r"Dr\.?|Prof\.?|Professor|"
             r"Sir|Dame|Hon\.?|Honou?rable|Shri|Smt\.?|Haji|Hajah|General|Admiral|Marshal|"
             r"Colonel|Lieutenant|Major|Captain|Madam|Mr\.?|Mrs\.?|Ms\.?)")
_HONORIFIC_RE = re.compile(rf"{HONORIFIC}\s+")
_PARTICLE = r"(?:bin|ibn|al|el|de|da|van|von|der|du|dos|di)"
_NAME = (rf"(?P<name>(?:[{_UP}]\.\s?){{0,2}}{_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}"  # "S. Rao"
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
                      rf"(?:(?P<gov>{country})\s+)?[Gg]overnment|(?P<body>{body})))?"
                      rf"(?:,|:\s*\|?)?\s+(?:{HONORIFIC}\s+)*{_NAME}")


@lru_cache(maxsize=1)
def _portfolio_re() -> re.Pattern[str]:
    """A minister of a portfolio of several words ("Minister for Planning and Development
    X", "Minister of Foreign Affairs, European Union and Cooperation, X"): the portfolio
    runs over portfolio words, "and" and commas; the name follows."""
    word = rf"(?:{_PORTFOLIO}|[{_UP}][a-z]+)"
    country = country_pattern()
    return re.compile(rf"\b(?P<title>Ministers?|Secretary)\s+(?:of|for)\s+(?:the\s+)?"
                      rf"(?P<portfolio>{word}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+for\s+|\s+)"
                      rf"{_PORTFOLIO}(?![\w-]))*)(?:\s+of\s+(?:the\s+)?(?P<of>{country}))?"
                      rf",?\s+(?:{HONORIFIC}\s+)*{_NAME}")


@lru_cache(maxsize=1)
def _joint_re() -> re.Pattern[str]:
    """Two titled people of two countries in one phrase: "Presidents of A and B, X and
    Y" (X of A, Y of B)."""
    country = country_pattern()
    one = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{0,3}}"
    return re.compile(rf"\b(?P<title>Presidents|Prime\s+Ministers|Foreign\s+Ministers|"
                      rf"Ministers|Leaders|Heads\s+of\s+State)\s+of\s+(?:the\s+)?"
                      rf"(?:Republic\s+of\s+)?(?P<a>{country})\s+and\s+(?:the\s+)?"
                      rf"(?:Republic\s+of\s+)?(?P<b>{country}),?\s+(?P<x>{one})\s+and\s+"
                      rf"(?P<y>{one})")


_COUNTERPART = re.compile(rf"\bcounterparts?,?\s+{_NAME}")
# a post written in lower case before a name of two words or more ("the country's special
# envoy, X Y", "his predecessor X Y")
_LOWER_ROLE = re.compile(rf"\b(?P<title>(?:special\s+)?envoy|predecessor|successor|ambassador|"
                         rf"(?:foreign|prime|defen[cs]e|finance|trade)\s+minister|president),?\s+"
                         rf"(?=[{_UP}][\w’'-]*\s+[{_UP}]){_NAME}")
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
_DAY_WORDS = {*(d.lower() for d in calendar.day_name), "today", "tonight", "tomorrow",
              "yesterday"}
_SURNAME_PRONOUNS = {"He"}  # a pronoun that is also a common family name
_NOT_SURNAMES = {"Government", "Affairs", "Republic", "Kingdom", "State", "States",
                 "Federation", "Ministry", "Excellency", "Excellencies", "Majesty",
                 "Highness"}


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Country words that are only the first word of a longer country name ("Costa",
    "Cook", "Solomon"): a surname ending a name, not a country after it."""
    g = data()
    out = set()
    for code, info in g["countries"].items():
        for n in [info.get("name"), *(info.get("names") or [])]:
            first = n.split()[0] if n and " " in n else None
            if first and g["terms"].get(first, [None, None])[1] == "demonym" and \
                    g["terms"][first][0] == code:
                out.add(first)
    return frozenset(out)


def _not_a_person(tokens: list[str]) -> bool:
    """A body or an office read as a name ("European Union", "His Excellency")."""
    return tokens[-1] in ORG_HEADS or tokens[-1] in _NOT_SURNAMES
_TITLE_OF = re.compile(rf"(?:{TITLE})\s+of\s+(?:the\s+)?")


def starts_with_title(name: str) -> bool:
    """True for a name that begins with a title or office ("Chancellor Scholz")."""
    return _TITLE_RE.match(name) is not None

ORG_HEADS = {"Organization", "Organisation", "Assembly", "Academy", "Foundation", "Council",
             "Ministry", "Association", "Agency", "Agencies", "Union", "Nations", "Bank", "Fund",
             "Forum", "Conference", "Committee", "Commission", "Institute", "University",
             "Parliament", "Corporation", "Company", "Authority", "Party", "Alliance",
             "Community", "Chamber", "Federation", "Secretariat", "Bureau", "Court", "League",
             "Society", "Office", "Cooperation Council", "Group", "Centre", "Center",
             "Department", "Commons", "Lords", "Representatives"}
_BODIES = {"Senate", "Congress"}
"""Bodies a title can head ("Chairman of the Senate") that are not named organisations."""
_SP = r"[^\S\n]+"  # spaces within one line
_ORG = re.compile(rf"(?:{_WORD}|[{_UP}]{{2,}})(?:{_SP}(?:(?:of(?:{_SP}the)?|on|for(?:{_SP}the)?|"
                  rf"and|in|de|des|du|[–—]){_SP})?(?:{_WORD}))*")
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

    def add(raw: str, start: int, code: str | None, title: str, two_words: bool = False
            ) -> None:
        name = _clean_name(raw)
        tokens = name.split()
        # "Vice Premier He Lifeng": a pronoun-like word right after a title, followed by
        # another name word, is a family name
        keep_first = (len(tokens) > 1 and tokens[0] in _SURNAME_PRONOUNS and title != ""
                      and tokens[1] not in _NOT_NAME and tokens[1] not in terms)
        while tokens and not keep_first and (tokens[0] in _NOT_NAME or tokens[0] in terms):
            tokens.pop(0)
        while tokens and ((tokens[-1] in terms and tokens[-1] not in _first_words())
                          or tokens[-1] in _NOT_NAME
                          or tokens[-1].lower() in _DAY_WORDS):  # "X Thursday"
            tokens.pop()
        while tokens:  # "Emir of Qatar, Sheikh Tamim", "counterpart, Foreign Secretary X"
            joined = " ".join(tokens)
            lead = _TITLE_RE.match(joined) or _HONORIFIC_RE.match(joined + " ")
            if not lead or len(lead.group().split()) >= len(tokens) or \
                    lead.group().strip() != " ".join(tokens[:len(lead.group().split())]):
                break
            tokens = tokens[len(lead.group().split()):]
        if not tokens or _TITLE_RE.match(tokens[0]) or _not_a_person(tokens) or (
                two_words and len(tokens) < 2):
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
        of = m.group("of") or m.group("gov")
        if of and of in terms:
            code = terms[of][0]
        code = code or _country_before(countries, text, m.start())
        add(m.group("name"), m.start("name"), code, m.group("title"))
    for m in _portfolio_re().finditer(text):
        code = terms[m.group("of")][0] if m.group("of") in terms else None
        add(m.group("name"), m.start("name"),
            code or _country_before(countries, text, m.start()), m.group("title"))
    for m in _joint_re().finditer(text):
        for who, where in (("x", "a"), ("y", "b")):
            add(m.group(who), m.start(who), terms.get(m.group(where), [None])[0],
                m.group("title"))
    for m in _COUNTERPART.finditer(text):
        add(m.group("name"), m.start("name"), _country_before(countries, text, m.start()), "")
    for m in _LOWER_ROLE.finditer(text):
        add(m.group("name"), m.start("name"), _country_before(countries, text, m.start()),
            "", two_words=True)
    # a titled person of unknown country takes the pair country nobody else holds
    for m in _PARTNERS.finditer(text):  # "X and his Polish counterpart Y": X is of the other
        a, b = people.get(person_key(_clean_name(m.group("a")))), \
            people.get(person_key(_clean_name(m.group("b"))))
        if a and b and b.country and not a.country and other(pair, b.country):
            a.votes[other(pair, b.country)] += 1  # type: ignore[index]
    _merge_given_names(people, intro)
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


_ROLE_WORDS = {"Secretary", "Member", "Chairman", "Chairwoman", "Chairperson", "Director",
               "Deputy", "Vice", "Chief", "Adviser", "Advisor", "Spokesman", "Spokeswoman",
               "Spokesperson", "Minister", "President", "Governor", "Ambassador", "Envoy",
               "Commissioner", "Head"}
"""Words of a person's office: a capitalised phrase opening with one names a post ("Vice
Chairman of X", "Secretary Ministry of X"), and the body it names follows."""
_EVENT_WORDS = {"Summit", "Summits", "Meeting", "Meetings", "Session", "Sessions", "Sitting",
                "Dialogue", "Retreat", "Talks", "Ceremony"}
"""An organisation's meetings are events, not bodies ("Summit of the X Council", "X Summit
in Y"): the body is the council itself."""
_CONNECTORS = {"of", "the", "on", "for", "and", "in", "de", "des", "du", "–", "—"}
_MISSIONS = {"High Commission", "Embassy", "Consulate", "Consulate General"}
"""Diplomatic missions are missions, not organisations."""
_FORMERLY = re.compile(r"\b(?:formerly|previously)(?:\s+(?:known\s+as|called|named))?\s+"
                       r"(?:the\s+)?(?=[A-Z])")
_RUN_ON = re.compile(r"(?<!\n)\n(?!\n)")


def _trim_org(tokens: list[tuple[int, int, str]], terms: dict[str, list[str]]
              ) -> list[tuple[int, int, str]]:
    """A capitalised phrase cut down to the organisation it names: no post before it, no
    meeting of it, no city after it, no person or other body coordinated with it."""
    def words() -> list[str]:
        return [w for _a, _b, w in tokens]

    role = False
    lead = _TITLE_OF.match(" ".join(words()))  # "Foreign Ministers of the X", "Head of State of"
    if lead and len(lead.group().split()) < len(tokens):
        tokens = tokens[len(lead.group().split()):]
        role = True
    elif tokens and tokens[0][2] in _ROLE_WORDS:  # "Vice Chairman of X", "Secretary Ministry X"
        ws = words()
        first_head = next((i for i, w in enumerate(ws) if w in ORG_HEADS), len(ws))
        of = next((i for i, w in enumerate(ws[:first_head]) if w == "of"), None)
        cut = of + 1 if of is not None else first_head
        if 0 < cut < len(ws):
            role = True
            tokens = tokens[cut:]
    ws = words()
    ev = next((i for i, w in enumerate(ws[:4]) if w in _EVENT_WORDS), None)
    if ev is not None and ev + 1 < len(ws) and ws[ev + 1] == "of" and \
            not any(w in ORG_HEADS for w in ws[:ev]):  # "(Informal) Summit of the X"
        tokens = tokens[ev + 2:]
    while tokens and tokens[0][2] in _CONNECTORS:
        tokens = tokens[1:]
    lead = _TITLE_OF.match(" ".join(words()))  # "(Meeting of) Foreign Ministers of the X"
    if lead and len(lead.group().split()) < len(tokens):
        tokens = tokens[len(lead.group().split()):]
    ws = words()
    for i in range(len(ws) - 1, 0, -1):  # "X Forum in <city>"
        if ws[i] == "in" and (ws[i - 1] in ORG_HEADS or ws[i - 1] in _EVENT_WORDS) and \
                city_lookup(_clean_name(" ".join(ws[i + 1:]))):
            tokens = tokens[:i]
            break
    ws = words()
    ev = next((i for i, w in enumerate(ws) if i and w in _EVENT_WORDS), None)
    if ev is not None:  # "X Organization Summit", "X Forum Country Strategy Dialogue"
        heads = [i for i, w in enumerate(ws[:ev]) if w in ORG_HEADS]
        if heads:
            h = heads[-1]
            tokens = tokens[:ev] if h + 1 < ev and ws[h + 1] in ("of", "for", "on") \
                else tokens[:h + 1]
    ws = words()
    for i, w in enumerate(ws):  # "European Union and Cooperation": a body and something else
        if w == "and" and i and ws[i - 1] in ORG_HEADS and \
                not any(x in ORG_HEADS for x in ws[i + 1:]):
            tokens = tokens[:i]
            break
    if role:  # "Secretary Ministry of Food Security <Name>": the post's holder follows
        ws = words()
        heads = [i for i, w in enumerate(ws) if w in ORG_HEADS]
        cut = heads[-1] + 1 if heads else len(ws)
        if cut < len(ws) and ws[cut] == "of":  # the body's portfolio, then the name
            k = cut + 1
            while k < len(ws) and (ws[k] in PORTFOLIO_WORDS or ws[k] in _CONNECTORS):
                k += 1
            portfolio = any(w in PORTFOLIO_WORDS for w in ws[cut + 1:k])
            cut = k if portfolio else len(ws)  # "Institute of Marine Biology": no name
        rest = ws[cut:]
        rest = rest[:next((i for i, w in enumerate(rest) if w in _CONNECTORS), len(rest))]
        if 2 <= len(rest) <= 3 and not any(w in ORG_HEADS or w in terms for w in rest):
            tokens = tokens[:cut]
    while tokens and (tokens[-1][2] in _CONNECTORS or tokens[-1][2] in _ROLE_WORDS):
        tokens = tokens[:-1]  # "the X Commission President <Name>": the post is no part
    return tokens


def find_orgs(
    text: str, names: Sequence[tuple[int, int]] = ()
) -> tuple[list[Org], list[Mention]]:
    """Organisations: capitalised phrases holding a head noun, with acronyms in brackets.
    ``names`` are where people are named: an organisation ends before a name, and a
    title before it is not part of it ("Speaker of Parliament Laszlo Kover": the
    organisation is "Parliament").  A phrase ends at a line break, except where the
    text is hard-wrapped."""
    terms = data()["terms"]
    orgs: dict[frozenset[str], Org] = {}
    mentions: list[Mention] = []
    scan = _RUN_ON.sub(" ", text) if wrap_width(text) else text
    for m in _ORG.finditer(scan):
        phrase = m.group()
        begin, end = m.start(), m.end()
        named = [a for a, _b in names if begin < a < end]
        if named:
            end = begin + len(phrase[: min(named) - begin].rstrip())
            lead = _TITLE_OF.search(scan, begin, end)  # "(Hungarian) Speaker of Parliament"
            if lead and lead.end() < end:
                begin = lead.end()
            phrase = scan[begin:end]
        tokens = [(begin + w.start(), begin + w.end(), w.group())
                  for w in re.finditer(r"\S+", phrase)]
        for i, (_a, _b, w) in enumerate(tokens):  # "Soviet Union on Dec." stops before the date
            if w.rstrip(".").lower() in _CALENDAR_WORDS and i:
                tokens = tokens[:i - 1] if tokens[i - 1][2] in ("on", "in", "of") \
                    else tokens[:i]
                break
        if not any(w in ORG_HEADS for _a, _b, w in tokens) or \
                " ".join(w for _a, _b, w in tokens) in terms:
            continue
        while tokens and tokens[0][2] in _NOT_ORG_START:
            tokens = tokens[1:]
        tokens = _trim_org(tokens, terms)
        words = [w for _a, _b, w in tokens]
        if len(words) < 2 or not any(w in ORG_HEADS for w in words):
            continue  # a bare "Council" or "Organization" names no body
        start, stop = tokens[0][0], tokens[-1][1]
        full = " ".join(words)
        if full in terms:  # "Union of Comoros" is a country
            continue
        name = re.sub(r"^(?:(?:of|the|for|and|on|in|[–—])\s+)+", "",
                      _strip_countries(full, terms))
        if len(name.split()) < 2:  # "Bank of Korea" stays whole
            name = full
        if not name or not any(w in ORG_HEADS for w in name.split()) or name in _MISSIONS:
            continue
        acro = _ACRONYM.match(text, end) if stop == end else None
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
        mentions.append(Mention(start, stop, org.name))
    for m in _NAMED_FOR_COUNTRY.finditer(text):  # "Statistics Canada", "Statistics Korea"
        if terms.get(m.group("c"), ["", ""])[1] == "name" and org_key(m.group()) not in orgs:
            orgs[org_key(m.group())] = Org(m.group())
            mentions.append(Mention(m.start(), m.end(), m.group()))
    for m in _mechanism_re().finditer(text):  # "the 7th A-B High-Level Dialogue"
        name = re.sub(r"\s+", " ", m.group("name"))
        key = org_key(name)
        if key in orgs or any(k <= key for k in orgs):
            continue
        org = orgs[key] = Org(name)
        short = _strip_countries(name, terms)
        if short != name:
            org.aliases.add(short)
        acro = _ACRONYM.match(text, m.end())
        if acro:
            org.aliases.add(acro.group("a"))
        mentions.append(Mention(m.start("name"), m.end(), name))
    _formerly(text, orgs, mentions)
    return list(orgs.values()), mentions


@lru_cache(maxsize=1)
def _mechanism_re() -> re.Pattern[str]:
    """A numbered, named series of meetings of two countries ("the 4th A-B Strategic
    Dialogue", "the 10th A-B Leaders' Retreat"): a standing mechanism, named as a body."""
    country = country_pattern()
    return re.compile(rf"\b(?:\d+(?:st|nd|rd|th)|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|"
                      rf"[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth)\s+"
                      rf"(?P<name>(?:{country})[-–](?:{country})(?:{_SP}{_WORD}){{0,4}}?{_SP}"
                      rf"(?:{'|'.join(sorted(_EVENT_WORDS - {'Ceremony', 'Talks'}))}))\b")


def _formerly(text: str, orgs: dict[frozenset[str], Org], mentions: list[Mention]) -> None:
    """"X ..., formerly known as the Y": Y is another name of the body named just before."""
    for f in _FORMERLY.finditer(text):
        after = next((m for m in mentions if m.start == f.end()), None)
        before = [m for m in mentions if m.end <= f.start() and m.key != (after and after.key)
                  and "\n" not in text[m.end:f.start()] and f.start() - m.end < 200]
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


_NAMED_FOR_COUNTRY = re.compile(rf"\bStatistics\s+(?P<c>{_WORD}(?:\s+{_WORD})?)")


def _suffix(a: str, b: str) -> bool:
    """One name ends with the other, which has at least three words."""
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 3 and long_.endswith(" " + short)


_STYLE_WORDS = {"the", "of", "Republic", "Kingdom", "Federal", "Federative", "Democratic",
                "People's", "Islamic", "Socialist", "Arab", "United", "State", "Sultanate",
                "Principality", "Grand", "Duchy", "Commonwealth", "Plurinational"}
"""Words of a country's formal style ("the Federal Democratic Republic of X")."""


def _country_style(tail: list[str], terms: dict[str, list[str]]) -> bool:
    """The words name a country: a country term, or its formal style ending in one."""
    words = [w.replace("’", "'") for w in tail]
    if " ".join(w for w in words if w != "the") in terms:
        return True
    return len(words) >= 2 and words[-1] in terms and words[-2] == "of" and \
        all(w in _STYLE_WORDS for w in words[:-1])


def _strip_countries(name: str, terms: dict[str, list[str]]) -> str:
    words = name.split()
    while len(words) > 2 and all(part in terms for part in re.split(r"[-–]", words[0]) if part):
        words = words[1:]
    for i in range(max(1, len(words) - 7), len(words) - 1):  # "... of the Republic of X"
        tail = words[i + 1:]
        if words[i] == "of" and _country_style(tail, terms):
            words = words[:i]
            break
    out = " ".join(words)
    out = re.sub(rf"\s+(?:of|between)\s+{_WORD}(?:\s+and\s+{_WORD})?$",
                 lambda m: "" if all(w in terms or w in ("of", "and", "between")
                                     for w in m.group().split()) else m.group(), out)
    return out.strip()


def find_places(text: str, pair: tuple[str, ...], skip: list[tuple[int, int]]
                ) -> list[tuple[int, int, str, str, str]]:
    """Cities of the pair's countries, and other capitals where something happens ("in
    <capital>", "to <capital>"): (start, end, text form, canonical name, country)."""
    out = []
    capitals = data()["capitals"]
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
                    if hit and (hit[1] in pair or (
                            capitals.get(form) == hit[1]
                            and _LOCATIVE.search(text, max(0, words[k][0] - 24), words[k][0]))) \
                            and not _inside_name(text, words[k][0], words[k][0] + len(form)):
                        start = words[k][0]
                        out.append((start, start + len(form), form, hit[0], hit[1]))
                        break
                else:
                    n = 1
            k += n
    return out


# where something happens or someone goes ("in <capital>", "heading to <capital>"); not a
# capital standing for its government ("ties to <capital>", "offered by <capital>")
_LOCATIVE = re.compile(r"\b(?:in|at|(?:head(?:s|ed|ing)?|travel(?:s|led|ling|ed|ing)?|flew|"
                       r"fl(?:y|ies|ying)|go(?:es|ing)?|went|trip|visits?|journey|return(?:s|ed|"
                       r"ing)?)\s+(?:on\s+)?to)\s+$")


@lru_cache(maxsize=1)
def _multi_word_starts() -> frozenset[str]:
    """First words of the gazetteer's multi-word city names ("Ho", "Buenos", "New")."""
    return frozenset(n.split()[0] for n in data()["cities"] if " " in n)


_NEXT_NAME_WORD = re.compile(rf"\s+(?!(?:{'|'.join(_NOT_ORG_START)})\b)[{_UP}][a-z]")


def _inside_name(text: str, start: int, end: int) -> bool:
    """A city word that is part of a longer name ("the Maipú Treaty") or a credit in
    brackets ("(Xinhua)") is no place of the story."""
    if text[start - 1:start] == "(" and text[end:end + 1] in (")", "/"):
        return True  # "(Xinhua)", "(Xinhua/Photographer)"
    return bool(_NEXT_NAME_WORD.match(text, end)) and text[end:end + 1] != ","


__all__ = ["Mention", "Org", "Person", "find_orgs", "find_people", "find_places", "org_key",
           "other", "person_key"]

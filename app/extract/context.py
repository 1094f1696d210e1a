"""Everything the recognisers share about one article: sentences, country mentions, people,
dates per sentence, the country pair and the article's reference date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import ModuleType
from typing import Any

from .countries import CountryMention, city_lookup, find_countries, infer_pair, other
from .dates import DateMention, find_dates, parse_iso
from .entities import Mention, Person, find_people
from .lang import en, language
from .model import Candidate, Evidence
from .sentences import Span, split_clauses, split_sentences


@dataclass
class Sentence:
    """One sentence with what was found in it (offsets relative to the sentence)."""

    span: Span
    countries: list[CountryMention]
    people: list[tuple[int, int, Person]]
    _dates: list[DateMention] | None = None

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class ArticleContext:
    """The article under extraction."""

    article: str
    text: str
    ref: date | None
    sentences: list[Sentence]
    pair: tuple[str, ...]
    people: dict[str, Person]
    countries: list[CountryMention] = field(default_factory=list)
    main_date: str | None = None  # the date of the article's main held visit, once known
    dateline: tuple[int, int, str, str] | None = None  # start, end, city, country code
    main_visit: bool = False  # main_date is the day of a held visit's talks
    last_period: str | None = None  # for "in the same period"
    lang: Any = en  # the language module (words and patterns) the recognisers read

    def dates(self, i: int) -> list[DateMention]:
        s = self.sentences[i]
        if s._dates is None:
            found: list[DateMention] = []
            skip = self.dateline[1] - s.span.start if self.dateline and i == 0 else 0
            for c in split_clauses(s.span, self.lang):  # tense is judged clause by clause
                off = c.start - s.span.start
                for d in find_dates(
                    c.text,
                    self.ref,
                    bool(self.lang.FUTURE.search(c.text)),
                    self.last_period,
                    self.lang,
                ):
                    d.start += off
                    d.end += off
                    if d.start >= skip:  # the dateline's day is the article's, no event's
                        found.append(d)
            for d in found:
                if d.kind == "same_day" and d.value is None:
                    d.value = self._day_before(i)
            s._dates = found
        return s._dates

    def evidence(self, s: Sentence) -> Evidence:
        return Evidence(self.article, s.span.start, s.span.end, s.span.text)

    def candidate(self, kind: str, data: dict[str, Any], s: Sentence) -> Candidate:
        return Candidate(kind, data, [self.evidence(s)])

    def other(self, code: str | None) -> str | None:
        return other(self.pair, code)

    def in_pair(self, code: str | None) -> bool:
        return code is not None and code in self.pair

    def _day_before(self, i: int) -> str | None:
        """The last day the sentence before gives ("On 5 May ... On that day ...")."""
        if i == 0:
            return None
        days = [d for d in self.dates(i - 1) if d.value and len(d.value) == 10]
        return days[-1].value if days else None

    def year_before(self, i: int, pos: int) -> str | None:
        """The latest year mentioned before pos in sentence i, else in earlier sentences."""
        for j in range(i, -1, -1):
            found = [d for d in self.dates(j) if d.precise and d.value and (j < i or d.end <= pos)]
            if found:
                return found[-1].last[:4] if found[-1].last else None
        return None

    def inherited_date(self, i: int) -> str | None:
        """A sentence opening with "Thus"/"Then" continues the previous sentence's date."""
        if i and self.lang.CONNECTIVE.match(self.sentences[i].text):
            prev = [d for d in self.dates(i - 1) if d.precise and d.value]
            if prev:
                return prev[-1].first
        return None


def find_dateline(text: str, lang: Any = en) -> tuple[int, int, str, str] | None:
    """(start, end, city, country) of a wire dateline opening the text."""
    m = lang.DATELINE.match(text)
    if not m:
        return None
    city = m.group("city")
    city = city.title() if city.isupper() else city
    hit = city_lookup(city)
    return (m.start("city"), m.end(), city, hit[1]) if hit else None


def resolve_language(lang: str | Any = "en") -> Any:
    """The language module for a code ("en"); a module (or namespace) passes through."""
    return language(lang) if isinstance(lang, str) else lang


def build_context(
    article: str, text: str, ref_date: str | None, lang: str | ModuleType = "en"
) -> ArticleContext:
    """The context of one article; lang is a language code or a language module."""
    L = resolve_language(lang)
    spans = split_sentences(text, L)
    all_countries = find_countries(text, L)
    pair = infer_pair(all_countries)
    people, mentions = find_people(text, all_countries, pair, L)
    sentences: list[Sentence] = []
    ci = 0
    pm = sorted(mentions, key=lambda m: m.start)
    pi = 0
    for sp in spans:
        cs: list[CountryMention] = []
        while ci < len(all_countries) and all_countries[ci].start < sp.end:
            m = all_countries[ci]
            if m.start >= sp.start:
                cs.append(
                    CountryMention(m.start - sp.start, m.end - sp.start, m.code, m.kind, m.text)
                )
            ci += 1
        ps: list[tuple[int, int, Person]] = []
        while pi < len(pm) and pm[pi].start < sp.end:
            m2: Mention = pm[pi]
            if m2.start >= sp.start and m2.key in people:
                ps.append((m2.start - sp.start, m2.end - sp.start, people[m2.key]))
            pi += 1
        sentences.append(Sentence(sp, cs, ps))
    return ArticleContext(
        article,
        text,
        parse_iso(ref_date),
        sentences,
        pair,
        people,
        all_countries,
        dateline=find_dateline(text, L),
        lang=L,
    )

"""Country mentions (names, demonyms, capitals), city lookup, and the article's country pair."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Any, TypeAlias

from .gazetteer import data, fold
from .lang import en as _EN


@dataclass(frozen=True)
class CountryMention:
    """A country named, implied by a demonym, or by its capital (metonymy)."""

    start: int  # offsets relative to the searched string
    end: int
    code: str  # ISO 3166-1 alpha-2
    kind: str  # "name" | "demonym" | "capital"
    text: str


_Trie: TypeAlias = dict[str, "_Trie"]
"""A node of _trie_regex's trie: each next character's node ("" where a word ends)."""


def _trie_regex(words: list[str]) -> str:
    """A regex alternation shaped as a trie: much faster than a flat alternation."""
    trie: _Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        if not node:
            return ""
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


# common English forms the gazetteer's sources lack
_EXTRA_TERMS: dict[str, tuple[str, str]] = {
    "Britain": ("GB", "name"),
    "Briton": ("GB", "demonym"),
    "Britons": ("GB", "demonym"),
    "US": ("US", "name"),
    "USA": ("US", "name"),
    "Argentine": ("AR", "demonym"),
    "Argentines": ("AR", "demonym"),
    "Kyrgyzstani": ("KG", "demonym"),
    "Azeri": ("AZ", "demonym"),
    "Azeris": ("AZ", "demonym"),
    "Ecuadorian": ("EC", "demonym"),
    "Nepali": ("NP", "demonym"),
    "Serb": ("RS", "demonym"),
    "Serbs": ("RS", "demonym"),
    "Croat": ("HR", "demonym"),
    "Croats": ("HR", "demonym"),
    "Spaniard": ("ES", "demonym"),
    "Spaniards": ("ES", "demonym"),
    "Emirati": ("AE", "demonym"),
    "Emiratis": ("AE", "demonym"),
}


def _terms() -> dict[str, list[str] | tuple[str, str]]:
    return {**data()["terms"], **_EXTRA_TERMS}


@lru_cache(maxsize=1)
def country_pattern() -> str:
    """Regex source matching any country name or demonym (no capitals)."""
    return _trie_regex([w for w in _terms() if len(w) >= 2])


@lru_cache(maxsize=1)
def _country_re() -> re.Pattern[str]:
    g = data()
    words = [w for w in [*_terms(), *g["capitals"], *g.get("initials", {})] if len(w) >= 2]
    return re.compile(r"(?<![\w.])(" + _trie_regex(words) + r")(?![\w])")


def find_countries(text: str, lang: ModuleType | None = None) -> list[CountryMention]:
    """Country names, demonyms and capitals in text, left to right (lang: the language
    module, English by default).  An initialism several countries' names share (Russian
    РА: Armenia, Albania...) is the one of them the text names most, and nothing where
    it names none of them."""
    L = lang or _EN
    g = data()
    initials = g.get("initials", {})
    out: list[CountryMention] = []
    pending: list[tuple[int, re.Match[str]]] = []
    for m in _country_re().finditer(text):
        word = m.group(1)
        if word in g["terms"]:
            code, kind = g["terms"][word]
        elif word in _EXTRA_TERMS:
            code, kind = _EXTRA_TERMS[word]
        elif word in initials:
            pending.append((len(out), m))
            continue
        else:
            code, kind = g["capitals"][word], "capital"
        if code == "US" and kind == "name" and L.CURRENCY_AFTER.match(text, m.end(1)):
            continue
        out.append(CountryMention(m.start(1), m.end(1), code, kind, word))
    named = Counter(m.code for m in out if m.kind != "capital")
    for i, m in reversed(pending):
        best = max(initials[m.group(1)], key=lambda c: named[c])
        if named[best]:
            out.insert(i, CountryMention(m.start(1), m.end(1), best, "name", m.group(1)))
    return _defined_initialisms(text, out)


def _initials_of(short: str, name: str) -> bool:
    """``short`` is made of the initials of ``name``'s capitalised words ("RoK":
    Republic of Korea), so "Kenya (AFP)" or "Armenia (AM)" defines nothing."""
    capitals = [c for c in short if c.isupper()]
    initials = [w[0] for w in name.split() if w[:1].isupper()]
    return len(capitals) >= 2 and capitals == initials


_DEFINED = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,5})\s*\)")


def _defined_initialisms(text: str, found: list[CountryMention]) -> list[CountryMention]:
    """An initialism the article defines after a country's name ("the Republic of Korea
    (RoK)") names that country wherever the article uses it."""
    known = {m.start for m in found}
    extra: list[CountryMention] = []
    for m in found:
        d = _DEFINED.match(text, m.end) if m.kind == "name" else None
        if d is None or d.group(1) in _terms() or not _initials_of(d.group(1), m.text):
            continue
        for use in re.finditer(rf"(?<![\w.]){re.escape(d.group(1))}(?![\w])", text):
            if use.start() not in known:
                known.add(use.start())
                extra.append(CountryMention(use.start(), use.end(), m.code, "name", use.group()))
    return sorted(found + extra, key=lambda m: m.start) if extra else found


def infer_pair(mentions: list[CountryMention]) -> tuple[str, ...]:
    """The two principal countries: the most mentioned (names and demonyms count 1,
    capitals 0.5); ties go to the earlier mention."""
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if len(m.code) != 2 or m.code not in data()["countries"]:
            continue
        score[m.code] = score.get(m.code, 0.0) + (0.5 if m.kind == "capital" else 1.0)
        first.setdefault(m.code, i)
    ranked = sorted(score, key=lambda c: (-score[c], first[c]))
    return tuple(sorted(ranked[:2]))


def country_name(code: str) -> str:
    info = data()["countries"].get(code)
    return info["name"] if info else code


def country_info(code: str) -> dict[str, Any]:
    return data()["countries"].get(code) or {}


def nominative(form: str) -> str:
    """The nominative of a Russian country or city form (Армении -> Армения,
    Ереване -> Ереван, монгольской -> монгольский); any other form as it is."""
    base: dict[str, str] = data().get("base", {})
    return base.get(form, form)


@lru_cache(maxsize=65536)
def city_lookup(name: str) -> tuple[str, str] | None:
    """(canonical name, country code) of a city, or None."""
    g = data()["cities"]
    hit = g.get(name) or g.get(fold(name))
    return (hit[0], hit[1]) if hit else None


def capital_of(code: str) -> str | None:
    return country_info(code).get("capital")


def other(pair: tuple[str, ...], code: str | None) -> str | None:
    """The other country of the pair."""
    if code in pair and len(pair) == 2:
        return pair[1] if pair[0] == code else pair[0]
    return None


# the month a country's fiscal (financial) year starts in, where it is not January
_FISCAL_YEAR_START = {
    "IN": 4,
    "GB": 4,
    "JP": 4,
    "CA": 4,
    "HK": 4,
    "SG": 4,
    "ZA": 4,
    "NZ": 7,
    "AU": 7,
    "PK": 7,
    "BD": 7,
    "EG": 7,
    "KE": 7,
    "TZ": 7,
    "UG": 7,
    "NP": 7,
    "US": 10,
    "TH": 10,
    "IR": 3,
    "AF": 3,
    "MM": 4,
}


def fiscal_year_start(code: str) -> int:
    """1..12: the month code's fiscal year starts in (1 where it is the calendar year)."""
    return _FISCAL_YEAR_START.get(code, 1)

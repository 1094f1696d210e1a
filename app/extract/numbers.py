"""Quantities in text: digits, number words, scales, currencies and qualifiers.

"$5.2 billion" -> 5200000000 USD; "TL 202.86 billion" -> TRY; "Seventy-eight" -> 78
(number words go through the language module's WORD_TO_NUMBER: word2number
for English); "More than 12,000" -> 12000 more_than;
"over a dozen" -> 12 more_than.  Currency signs and codes come from the gazetteer
(pycountry codes, CLDR symbols through babel, a few abbreviations).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from types import ModuleType

from .gazetteer import data
from .lang import built_for
from .lang import en as _EN


def _digits(L: ModuleType) -> tuple[str, Callable[[str], float]]:
    """The language's way of writing digits: (``DIGITS``, the regex source;
    ``DIGITS_VALUE``, what it matched -> float)."""
    return L.DIGITS, L.DIGITS_VALUE


# signs and names the gazetteer's tables lack or rank below a less likely currency
# ("pounds" is sterling far more often than the Egyptian pound; "RM" is the ringgit)
_EXTRA_SIGNS = {
    "RM": "MYR",
    "S$": "SGD",
    "SG$": "SGD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "₦": "NGN",
    "Rp": "IDR",
    "E£": "EGP",
    "QR": "QAR",
    "Tk": "BDT",
    "Dh": "AED",
    "Dhs": "AED",
    "SR": "SAR",
    "HK$": "HKD",
    "NT$": "TWD",
    "Ksh": "KES",
    "KSh": "KES",
}


@lru_cache(maxsize=1)
def currency_signs() -> dict[str, str]:
    return {**data()["currency_signs"], **_EXTRA_SIGNS}


def _currency_names(L: ModuleType, word: str) -> list[str]:
    codes = data()["currency_names"].get(word, [])
    extra: list[str] = L.CURRENCY_NAMES.get(word, [])
    return extra + [c for c in codes if c not in extra]


@dataclass
class Quantity:
    """A number found in text (offsets relative to the searched string)."""

    start: int
    end: int
    value: float
    unit: str | None = None  # ISO 4217 code for money, else None
    qualifier: str | None = None  # more_than / less_than / about
    bracketed: bool = False  # inside brackets right after another amount
    scale: float = 1.0  # the multiplier a scale word gave ("billion": 1e9)


def _patterns(L: ModuleType) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The money and plain-number patterns of language L (built once per language)."""
    return built_for(L, _build_patterns)


def _build_patterns(L: ModuleType) -> tuple[re.Pattern[str], re.Pattern[str]]:
    g = data()
    signs = sorted(currency_signs(), key=len, reverse=True)
    sign_alt = "|".join(re.escape(s) for s in signs)
    codes = "|".join(g["currency_codes"])
    names = "|".join(
        sorted(set(g["currency_names"]) | set(L.CURRENCY_NAMES), key=len, reverse=True)
    )
    prefix = rf"(?:(?P<sign>{sign_alt})|\b(?P<code>{codes})(?:\b|(?=\d)))\s?"
    number = (
        rf"(?P<num>{_digits(L)[0]})(?:(?:\s*|-)(?P<scale>{L.SCALE})|(?P<short>{L.SHORT_SCALE}))?"
        rf"(?![\w])|(?P<word>(?i:{L.WORDNUM}|{L.DOZEN_WORDS}))"
    )
    suffix = (
        rf"(?:\s+(?:(?P<code2>{codes})\b|(?:(?P<adj>{L.CURRENCY_ADJ})\s+)?"
        rf"(?P<cname>(?i:{names})){L.CURRENCY_PLURAL}\b))?"
    )
    money_first = rf"{prefix}(?:{number})"
    plain = rf"(?:{number}){suffix}"
    return re.compile(money_first), re.compile(rf"(?<![\w.,$€£¥])(?:{plain})")


def _word_value(L: ModuleType, word: str) -> float | None:
    w = word.lower()
    if L.DOZEN in w:
        return 12.0
    try:
        value: float | None = L.WORD_TO_NUMBER(w)
        return value
    except ValueError:
        return None


def _value(L: ModuleType, m: re.Match[str]) -> float | None:
    if m.group("num"):
        v = _digits(L)[1](m.group("num"))
        scale = (m.group("scale") or m.group("short") or "").lower()
        factor: float = L.SCALES.get(scale, 1.0)
        return round(v * factor, 4)
    if m.group("word"):
        return _word_value(L, m.group("word"))
    return None


def _currency_from_name(
    L: ModuleType, name: str, prefer: tuple[str, ...], adj: str | None = None
) -> str | None:
    """ "dollars" -> the pair's dollar, else USD; "Canadian dollars" -> CAD (the adjective's
    country decides)."""
    codes = _currency_names(L, name.lower().rstrip(L.CURRENCY_PLURAL_END)) or _currency_names(
        L, name.lower()
    )
    if adj:
        term = data()["terms"].get(adj.rstrip("."))
        country = data()["countries"].get(term[0]) if term else None
        if adj.replace(".", "") == L.US_ADJ:
            prefer = ("USD",)
        elif country:
            prefer = tuple(country.get("currencies") or ())
    for c in prefer:
        if c in codes:
            return c
    if "USD" in codes:
        return "USD"
    return codes[0] if codes else None


_SPLIT = re.compile(r"[\s-]+")
_DIGIT = re.compile(r"\d")


def _has_number(L: ModuleType, text: str) -> bool:
    if _DIGIT.search(text):
        return True
    return not L.NUMBER_WORDS.isdisjoint(_SPLIT.split(text.lower()))


def find_quantities(
    text: str, prefer_currencies: tuple[str, ...] = (), lang: ModuleType | None = None
) -> list[Quantity]:
    """All quantities in text, left to right, without overlaps (lang: the language module,
    English by default)."""
    L = lang or _EN
    if not _has_number(L, text):
        return []
    money, plain = _patterns(L)
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in money.finditer(text):
        value = _value(L, m)
        if value is None:
            continue
        sign = m.group("sign")
        unit = currency_signs().get(sign) if sign else m.group("code")
        out.append(Quantity(m.start(), m.end(), value, unit, scale=_scale(L, m)))
        taken.append(m.span())
    for m in plain.finditer(text):
        if any(m.start() < te and ts < m.end() for ts, te in taken) or not m.group().strip():
            continue
        value = _value(L, m)
        if value is None:
            continue
        unit = m.group("code2") or (
            _currency_from_name(L, m.group("cname"), prefer_currencies, m.group("adj"))
            if m.group("cname")
            else None
        )
        out.append(Quantity(m.start(), m.end(), value, unit, scale=_scale(L, m)))
    out.sort(key=lambda q: q.start)
    _share_scale(L, text, out)
    for i, q in enumerate(out):
        q.qualifier = qualifier_before(text, q.start, L)
        if i and q.unit and out[i - 1].unit and L.BRACKET.fullmatch(text[out[i - 1].end : q.start]):
            q.bracketed = True
    return out


def _scale(L: ModuleType, m: re.Match[str]) -> float:
    word = (m.group("scale") or m.group("short") or "").lower() if m.group("num") else ""
    factor: float = L.SCALES.get(word, 1.0)
    return factor


def _share_scale(L: ModuleType, text: str, qs: list[Quantity]) -> None:
    """ "3 or 4 billion euros", "$6-8 billion": the bare first number takes the
    second one's scale, and whichever of the two names a currency lends it to the other."""
    for a, b in pairwise(qs):
        if (
            a.scale != 1.0
            or b.scale == 1.0
            or a.value >= 1000
            or not L.SHARED_SCALE.fullmatch(text[a.end : b.start])
        ):
            continue
        if a.unit and b.unit and a.unit != b.unit:
            continue
        a.value *= b.scale
        a.scale = b.scale
        a.unit = a.unit or b.unit
        b.unit = b.unit or a.unit


def qualifier_before(text: str, pos: int, lang: ModuleType | None = None) -> str | None:
    """more_than / less_than / about when the words just before pos say so."""
    L = lang or _EN
    m: re.Match[str] | None = L.QUALIFIER_BEFORE.search(text[max(0, pos - 30) : pos])
    if not m:
        return None
    qualifiers: list[tuple[str, str]] = L.QUALIFIERS
    return next(k for k, _ in qualifiers if m.group(k))


def ordinal_value(word: str, lang: ModuleType | None = None) -> int | None:
    """'fifth' -> 5, '4th' -> 4."""
    L = lang or _EN
    m = L.ORDINAL.fullmatch(word.strip())
    if not m:
        return None
    return int(m.group("n")) if m.group("n") else L.ORDINALS[m.group("w").lower()]

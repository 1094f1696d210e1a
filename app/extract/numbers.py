"""Quantities in text: digits, number words, scales, currencies and qualifiers.

"$5.2 billion" -> 5200000000 USD; "TL 202.86 billion" -> TRY; "Seventy-eight" -> 78
(number words go through word2number); "More than 12,000" -> 12000 more_than;
"over a dozen" -> 12 more_than.  Currency signs and codes come from the gazetteer
(pycountry codes, CLDR symbols through babel, a few abbreviations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from word2number import w2n

from .gazetteer import data

_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "k": 1e3,
    "hundred": 1e2,
    "lakh": 1e5,
    "crore": 1e7,
    "bil": 1e9,
    "mil": 1e6,
}
_SCALE = r"(?:thousand|million|billion|trillion|mln|bln|mn|bn|tn|bil|mil|lakh|crore|hundred)\b"
_SHORT_SCALE = r"(?:[mbk]n?|tn)\b"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)
_UNITS = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
_WORDNUM = (
    rf"\b(?:{_UNITS})(?:[\s-]+(?:and\s+)?(?:{_UNITS}|hundred|thousand|million|billion)\b)*"
    r"(?![\w-])"
)
_ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
)
_ORDINALS = {w: i for i, w in enumerate(_ORDINAL_WORDS, start=1)}
ORDINAL = re.compile(r"(?i)\b(?:(?P<n>\d+)(?:st|nd|rd|th)|(?P<w>" + "|".join(_ORDINALS) + r"))\b")

_QUALIFIERS = [
    (
        "more_than",
        r"more\s+than|over|above|exceed(?:ed|ing|s)?|in\s+excess\s+of|upwards\s+of|"
        r"at\s+least|surpass(?:ed|ing)?|topp(?:ed|ing)|beyond",
    ),
    ("less_than", r"less\s+than|fewer\s+than|under|below|up\s+to|at\s+most"),
    (
        "about",
        r"about|around|approximately|nearly|almost|some|roughly|close\s+to|"
        r"an\s+estimated|estimated|approx\.?|approach(?:ed|ing|es)?",
    ),
]
_QUAL_RE = re.compile(
    r"(?i)\b(?:"
    + "|".join(f"(?P<{k}>{v})" for k, v in _QUALIFIERS)
    + r")\s+(?:the\s+|a\s+|an\s+)?(?:current\s+)?$"
)


_BRACKET = re.compile(
    r"\s*[(\[]\s*(?:(?:about|around|approximately|roughly|some|nearly|over|"
    r"almost|or|equivalent\s+to|worth)\s+)?"
)


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
_EXTRA_NAMES = {
    "pound": ["GBP"],
    "sterling": ["GBP"],
    "yuan": ["CNY"],
    "renminbi": ["CNY"],
    "rouble": ["RUB"],
    "ruble": ["RUB"],
    "lira": ["TRY"],
    "tenge": ["KZT"],
    "ringgit": ["MYR"],
    "naira": ["NGN"],
    "rand": ["ZAR"],
    "dirham": ["AED", "MAD"],
}
# "3 or 4 billion euros", "between 2 and 3 million": the first number shares the
# scale and the currency of the second
_SHARED = re.compile(r"\s*(?:-|–|to|or|and(?:\s+then|\s+later|\s+eventually)?)\s*")


@lru_cache(maxsize=1)
def currency_signs() -> dict[str, str]:
    return {**data()["currency_signs"], **_EXTRA_SIGNS}


def _currency_names(word: str) -> list[str]:
    codes = data()["currency_names"].get(word, [])
    extra = _EXTRA_NAMES.get(word, [])
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


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    g = data()
    signs = sorted(currency_signs(), key=len, reverse=True)
    sign_alt = "|".join(re.escape(s) for s in signs)
    codes = "|".join(g["currency_codes"])
    names = "|".join(sorted(set(g["currency_names"]) | set(_EXTRA_NAMES), key=len, reverse=True))
    prefix = rf"(?:(?P<sign>{sign_alt})|\b(?P<code>{codes})(?:\b|(?=\d)))\s?"
    number = (
        rf"(?P<num>{_DIGITS})(?:(?:\s*|-)(?P<scale>{_SCALE})|(?P<short>{_SHORT_SCALE}))?(?![\w])"
        rf"|(?P<word>(?i:{_WORDNUM}|(?:a|one)\s+dozen|dozens|several\s+dozen))"
    )
    suffix = (
        rf"(?:\s+(?:(?P<code2>{codes})\b|(?:(?P<adj>U\.?S\.?|[A-Z][a-z]+)\s+)?"
        rf"(?P<cname>(?i:{names}))(?:s|es)?\b))?"
    )
    money_first = rf"{prefix}(?:{number})"
    plain = rf"(?:{number}){suffix}"
    return re.compile(money_first), re.compile(rf"(?<![\w.,$€£¥])(?:{plain})")


def _word_value(word: str) -> float | None:
    w = word.lower()
    if "dozen" in w:
        return 12.0
    try:
        return float(w2n.word_to_num(w))
    except ValueError:
        return None


def _value(m: re.Match[str]) -> float | None:
    if m.group("num"):
        v = float(m.group("num").replace(",", ""))
        scale = (m.group("scale") or m.group("short") or "").lower()
        return round(v * _SCALES.get(scale, 1.0), 4)
    if m.group("word"):
        return _word_value(m.group("word"))
    return None


def _currency_from_name(name: str, prefer: tuple[str, ...], adj: str | None = None) -> str | None:
    """ "dollars" -> the pair's dollar, else USD; "Canadian dollars" -> CAD (the adjective's
    country decides)."""
    codes = _currency_names(name.lower().rstrip("s")) or _currency_names(name.lower())
    if adj:
        term = data()["terms"].get(adj.rstrip("."))
        country = data()["countries"].get(term[0]) if term else None
        if adj.replace(".", "") == "US":
            prefer = ("USD",)
        elif country:
            prefer = tuple(country.get("currencies") or ())
    for c in prefer:
        if c in codes:
            return c
    if "USD" in codes:
        return "USD"
    return codes[0] if codes else None


_NUMBER_WORDS = frozenset((*_UNIT_WORDS, "dozen", "dozens"))
_SPLIT = re.compile(r"[\s-]+")
_DIGIT = re.compile(r"\d")


def _has_number(text: str) -> bool:
    if _DIGIT.search(text):
        return True
    return not _NUMBER_WORDS.isdisjoint(_SPLIT.split(text.lower()))


def find_quantities(text: str, prefer_currencies: tuple[str, ...] = ()) -> list[Quantity]:
    """All quantities in text, left to right, without overlaps."""
    if not _has_number(text):
        return []
    money, plain = _patterns()
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in money.finditer(text):
        value = _value(m)
        if value is None:
            continue
        sign = m.group("sign")
        unit = currency_signs().get(sign) if sign else m.group("code")
        out.append(Quantity(m.start(), m.end(), value, unit, scale=_scale(m)))
        taken.append(m.span())
    for m in plain.finditer(text):
        if any(m.start() < te and ts < m.end() for ts, te in taken) or not m.group().strip():
            continue
        value = _value(m)
        if value is None:
            continue
        unit = m.group("code2") or (
            _currency_from_name(m.group("cname"), prefer_currencies, m.group("adj"))
            if m.group("cname")
            else None
        )
        out.append(Quantity(m.start(), m.end(), value, unit, scale=_scale(m)))
    out.sort(key=lambda q: q.start)
    _share_scale(text, out)
    for i, q in enumerate(out):
        q.qualifier = qualifier_before(text, q.start)
        if i and q.unit and out[i - 1].unit and _BRACKET.fullmatch(text[out[i - 1].end : q.start]):
            q.bracketed = True
    return out


def _scale(m: re.Match[str]) -> float:
    word = (m.group("scale") or m.group("short") or "").lower() if m.group("num") else ""
    return _SCALES.get(word, 1.0)


def _share_scale(text: str, qs: list[Quantity]) -> None:
    """ "3 or 4 billion euros", "$6-8 billion": the bare first number takes the
    second one's scale, and whichever of the two names a currency lends it to the other."""
    for a, b in pairwise(qs):
        if (
            a.scale != 1.0
            or b.scale == 1.0
            or a.value >= 1000
            or not _SHARED.fullmatch(text[a.end : b.start])
        ):
            continue
        if a.unit and b.unit and a.unit != b.unit:
            continue
        a.value *= b.scale
        a.scale = b.scale
        a.unit = a.unit or b.unit
        b.unit = b.unit or a.unit


def qualifier_before(text: str, pos: int) -> str | None:
    """more_than / less_than / about when the words just before pos say so."""
    m = _QUAL_RE.search(text[max(0, pos - 30) : pos])
    if not m:
        return None
    return next(k for k, _ in _QUALIFIERS if m.group(k))


def ordinal_value(word: str) -> int | None:
    """'fifth' -> 5, '4th' -> 4."""
    m = ORDINAL.fullmatch(word.strip())
    if not m:
        return None
    return int(m.group("n")) if m.group("n") else _ORDINALS[m.group("w").lower()]

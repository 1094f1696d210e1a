"""Dates in article text: absolute, partial and relative, resolved against the article date.

Values use ISO 8601 at the precision the text gives ("2022-10-13", "2022-10", "2009");
ranges are "start/end" ("2005/2024", "2025-01/2025-05").  Spans are found with
precompiled regular expressions; month names come from the language module (``lang/en.py``).
Relative expressions ("on Tuesday", "last year", "between January and May") need the
reference date and whether the sentence speaks of the past or the future.
dateparser is not used in the hot path: it costs about a millisecond per call and
resolves "Tuesday" against today, while here the same-day and past/future rules of news
prose are wanted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from types import ModuleType

from .lang import en as _EN

_NEEDS = {
    "md_range_y": "year",
    "dm_range_y": "year",
    "md_range": "month",
    "dm_range": "month",
    "mdy": "year",
    "dmy": "year",
    "iso": "year",
    "dmy_num": "numeric",
    "mm_between": "month",
    "yy_between": "year",
    "mm_range_y": "month",
    "part_y": "part",
    "yy_range": "year",
    "my": "year",
    "md": "month",
    "dm": "month",
    "m": "month",
    "y": "year",
    "weekday": "weekday",
    "rel_year": "rel",
    "rel_day": "day",
    "same_period": "period",
    "same_day": "same_day",
    "part": "part",
    "ago": "ago",
    "past_years": "past_years",
}


@dataclass
class DateMention:
    """A date expression found in a sentence."""

    start: int  # offsets relative to the string searched
    end: int
    value: str | None  # ISO value or "a/b" range; None when it cannot be resolved
    kind: str  # pattern name
    precise: bool = True  # False for relative or context-dependent values

    @property
    def first(self) -> str | None:
        return self.value.split("/")[0] if self.value else None

    @property
    def last(self) -> str | None:
        return self.value.split("/")[-1] if self.value else None


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if d is not None and m is not None:
            return date(y, m, d).isoformat()
    except ValueError:
        return None
    if m is not None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}"


def _month(L: ModuleType, text: str) -> int:
    month: int = L.MONTHS[text.rstrip(".").lower()]
    return month


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _year_for_month(month: int, ref: date | None, future: bool) -> int | None:
    if ref is None:
        return None
    if future:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def weekday_date(name: str, ref: date, future: bool, lang: ModuleType | None = None) -> date:
    """The most recent such weekday on/before ref (past) or the next on/after it (future)."""
    target = (lang or _EN).WEEKDAYS[name.lower()]
    if future:
        return ref + timedelta(days=(target - ref.weekday()) % 7)
    return ref - timedelta(days=(ref.weekday() - target) % 7)


def find_dates(
    text: str,
    ref: date | None = None,
    future: bool | None = None,
    last_period: str | None = None,
    lang: ModuleType | None = None,
) -> list[DateMention]:
    """All date expressions in text, left to right, without overlaps (lang: the language
    module, English by default)."""
    L = lang or _EN
    if future is None:
        future = bool(L.FUTURE.search(text))
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    present = {name for name, probe in L.DATE_PROBES.items() if probe.search(text)}
    for kind, pat in L.DATE_PATTERNS:
        if _NEEDS[kind] not in present:
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            value = _resolve(L, kind, m, ref, future, last_period)
            if kind == "weekday" and value is None and m.group("rel") is None:
                continue
            taken.append((s, e))
            out.append(DateMention(s, e, value, kind, kind in _ABSOLUTE))
    out.sort(key=lambda d: d.start)
    return out


_ABSOLUTE = {
    "md_range_y",
    "dm_range_y",
    "mdy",
    "dmy",
    "iso",
    "dmy_num",
    "yy_between",
    "yy_range",
    "my",
    "y",
    "mm_range_y",
    "part_y",
}


def _resolve(
    L: ModuleType,
    kind: str,
    m: re.Match[str],
    ref: date | None,
    future: bool,
    last_period: str | None,
) -> str | None:
    g = m.groupdict()
    y: int | None
    if kind == "same_day":  # "on that day": the article context's (ArticleContext.dates)
        return None
    if kind in ("md_range_y", "dm_range_y"):
        y, mo = int(g["y"]), _month(L, g["m"])
        a, b = _iso(y, mo, _day(g["d1"])), _iso(y, mo, _day(g["d2"]))
        return f"{a}/{b}" if a and b and a < b else None
    if kind in ("md_range", "dm_range"):
        mo = _month(L, g["m"])
        y = _year_for_month(mo, ref, future)
        if y is None:
            return None
        a, b = _iso(y, mo, _day(g["d1"])), _iso(y, mo, _day(g["d2"]))
        return f"{a}/{b}" if a and b and a < b else None
    if kind in ("mdy", "dmy"):
        return _iso(int(g["y"]), _month(L, g["m"]), _day(g["d"]))
    if kind == "iso":
        return _iso(int(g["y"]), int(g["mo"]), int(g["d"]))
    if kind == "dmy_num":  # "05.01.2022", "05.01.22"
        y = int(g["y"])
        return _iso(y if y > 99 else 2000 + y, int(g["mo"]), int(g["d"]))
    if kind == "mm_between":
        m1, m2 = _month(L, g["m1"]), _month(L, g["m2"])
        y = int(g["y"]) if g.get("y") else _year_for_month(m2, ref, future)
        if y is None:
            return None
        return f"{_iso(y if m1 <= m2 else y - 1, m1)}/{_iso(y, m2)}"
    if kind in ("yy_between", "yy_range"):
        y1, y2s = int(g["y1"]), g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        return f"{y1}/{y2}" if y1 < y2 <= y1 + 60 else None
    if kind == "mm_range_y":
        y, m1, m2 = int(g["y"]), _month(L, g["m1"]), _month(L, g["m2"])
        return f"{_iso(y, m1)}/{_iso(y, m2)}" if m1 < m2 else None
    if kind == "part_y":
        return _part_of_year(L, g, int(g["y"]))
    if kind == "my":
        return _iso(int(g["y"]), _month(L, g["m"]))
    if kind in ("md", "dm"):
        mo = _month(L, g["m"])
        y = _year_for_month(mo, ref, future)
        return _iso(y, mo, _day(g["d"])) if y else None
    if kind == "m":
        mo = _month(L, g["m"])
        if g.get("yrel"):  # "in May of this year" (a language whose pattern has it)
            y = ref.year + int(L.REL_DELTA[g["yrel"].lower()]) if ref else None
        else:
            y = _year_for_month(mo, ref, future)
        return _iso(y, mo) if y else None
    if kind == "y":
        return g["y"]
    if ref is None:
        return last_period if kind == "same_period" else None
    if kind == "weekday":
        rel = " ".join((g.get("rel") or "").lower().split())
        fut = future if rel in L.WEEKDAY_REL_AS_TENSE else rel in L.WEEKDAY_REL_FUTURE
        if L.PAST_BEFORE.search(m.string[max(0, m.start() - 30) : m.start()]):
            fut = rel in L.WEEKDAY_REL_AFTER_PAST_VERB  # "signed Tuesday": past
        return weekday_date(g["wd"], ref, fut, L).isoformat()
    if kind == "rel_year":
        rel, unit = " ".join(g["rel"].lower().split()), g["unit"].lower()
        if rel in L.REL_UNRESOLVED:
            return None
        delta = L.REL_DELTA[rel]
        if unit == L.REL_UNIT_YEAR:
            return str(ref.year + delta)
        mo = ref.month + delta
        y = ref.year + (mo - 1) // 12
        return _iso(y, (mo - 1) % 12 + 1)
    if kind == "rel_day":
        delta = L.REL_DAY_DELTA[g["rel"].lower()]
        return (ref + timedelta(days=delta)).isoformat()
    if kind == "same_period":
        return last_period
    if kind == "part":  # "in the first half": the last such part (past) or the next one
        part = _part_of_year(L, g, ref.year)
        month = ref.isoformat()[:7]
        if part and not future and part[-7:] > month:
            part = _part_of_year(L, g, ref.year - 1)
        elif part and future and part[-7:] < month:
            part = _part_of_year(L, g, ref.year + 1)
        return part
    if kind == "ago":
        return _ago(L, g, ref)
    if kind == "past_years":  # "over the past 10 years"
        n = _count(L, g["n"])
        return f"{ref.year - n}/{ref.year}" if 0 < n < 200 else None
    return None


def _count(L: ModuleType, words: str | None) -> int:
    """A count in digits or words ("10", "five", "двадцать пять": the words' values add
    up); 1 when none is written."""
    if not words:
        return 1
    if words.isdigit():
        return int(words)
    return sum(int(L.COUNT_WORDS[w]) for w in words.lower().split())


def _ago(L: ModuleType, g: dict[str, str | None], ref: date) -> str | None:
    """ "10 years ago" -> the year; "half a year ago", "3 months ago" -> the month (the
    pattern's group ``year``, ``month`` or ``half`` names the unit)."""
    n = _count(L, g.get("n"))
    months = 12 * n if g.get("year") else n if g.get("month") else 6 if g.get("half") else 0
    if not 0 < months < 2400:
        return None
    if months % 12 == 0:
        return str(ref.year - months // 12)
    total = ref.year * 12 + ref.month - 1 - months
    return _iso(total // 12, total % 12 + 1)


def _part_of_year(L: ModuleType, g: dict[str, str | None], y: int) -> str | None:
    """ "first half of 2024" -> 2024-01/2024-06; "Q3 2024"; "first five months of 2024"
    (y: the year, written or the reference's)."""
    hq = g.get("hq")
    if hq:
        size, n = (6, 2) if hq[0] in L.PART_HALF_LETTERS else (3, 4)
        k = int(hq[1])
        if k > n:
            return None
        first, last = (k - 1) * size + 1, k * size
    elif g.get("n"):
        last = _count(L, g["n"])
        first = 1
        if not 1 < last <= 12:
            return None
    else:
        size = 6 if (g.get("unit") or "").lower() == L.PART_HALF_WORD else 3
        k = L.PART_ORDER.get((g.get("ord") or "").lower(), 12 // size)
        if k * size > 12:
            return None
        first, last = (k - 1) * size + 1, k * size
    return f"{_iso(y, first)}/{_iso(y, last)}"


_WORD = re.compile(r"[^\W\d_]+")
_SEPARATOR = re.compile(r"[,.|:/—–-]")


def dateline_date(text: str, lang: ModuleType | None = None) -> str | None:
    """The day of a page's own date line: a day, month and year near the start of one of
    the text's first lines, after nothing but a city, a time or punctuation ("Tashkent,
    16 February, 2017, 11:06 —", "16:20, 09 January 2019, Bishkek", "Bishkek, 05.01.22.").
    None when no such line gives a year (a dateline without one is no date line)."""
    L = lang or _EN
    lines = [ln for ln in text[:2000].splitlines() if ln.strip()][:12]
    for line in lines:
        for d in find_dates(line[:120], None, False, None, L):
            if not (d.precise and d.value and len(d.value) == 10):
                continue
            head, rest = line[: d.start], line[d.end :].strip()
            words = _WORD.findall(head)
            if len(words) > 2 or any(not w[0].isupper() for w in words):
                break
            if words or head.strip():
                if not _SEPARATOR.search(head):
                    break
            elif len(rest) > 40 and not _SEPARATOR.match(rest):
                break
            return d.value
    return None


def infer_article_date(text: str, lang: ModuleType | None = None) -> str | None:
    """Date an undated article from its own text.

    A page's own date line (:func:`dateline_date`) dates it.  Else the latest day-precise
    date it gives (a range counts by its last day) is the anchor; a weekday the text names
    ("on Thursday") moves it to the nearest such day.  None when the text gives no
    day-precise date.
    """
    L = lang or _EN
    own = dateline_date(text, L)
    if own:
        return own
    days: list[date] = []
    weekdays: list[str] = []
    for d in find_dates(text, None, False, None, L):
        if d.kind == "weekday":
            weekdays.append(text[d.start : d.end].split()[-1])
        elif d.precise and d.last and len(d.last) == 10:
            days.append(date.fromisoformat(d.last))
    if not days:
        return None
    anchor = max(days)
    if weekdays:
        target = L.WEEKDAYS[weekdays[0].lower()]
        back = (anchor.weekday() - target) % 7
        fwd = (target - anchor.weekday()) % 7
        anchor = anchor + timedelta(days=fwd) if fwd <= back else anchor
        anchor = max(anchor, max(days))
    return anchor.isoformat()


def parse_iso(value: str | None) -> date | None:
    """date.fromisoformat for day-precise values, else None."""
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None

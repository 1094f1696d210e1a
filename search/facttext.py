"""What a fact looks like to search: a one-line summary and the words it is found by.

A fact's ``data`` follows ``bilateral-facts/1`` (see shared/facts/SCHEMA.md). The
summary names the fact for a result list; the text adds its values (numbers both
as digits and in words such as "5 billion"), its period and its evidence
sentences, so ``trade volume 2024`` finds the statistic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pycountry

from search.query import country_name

DATE_KEYS = {"visits": "start", "agreements": "date", "events": "date", "statistics": "period"}


def _words(value: object) -> str:
    return str(value).replace("_", " ") if value not in (None, "") else ""


def _country(code: object) -> str:
    return country_name(str(code)) if code else ""


def _amount(value: object) -> str:
    if not isinstance(value, int | float):
        return _words(value)
    number = float(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(number) >= size:
            return f"{number / size:g} {word}"
    return f"{number:g}"


def _join(*parts: str, sep: str = " ") -> str:
    return sep.join(p for p in parts if p)


def summary(kind: str, data: Mapping[str, Any]) -> str:
    """One line naming the fact, e.g. ``Trade volume: 5 billion USD (2024) — KZ, TR``."""
    d = data
    if kind == "visits":
        where = _join(d.get("city") or "", _country(d.get("host_country")), sep=", ")
        host = f" hosted by {d['host']}" if d.get("host") else ""
        tail = _join(d.get("start") or "", d.get("kind") or "", d.get("status") or "", sep=", ")
        return f"Visit of {d.get('visitor') or '?'} to {where or '?'}{host} ({tail})"
    if kind == "agreements":
        count = f"{d['count']} documents, " if (d.get("count") or 1) > 1 else ""
        parties = "–".join(d.get("parties") or [])
        tail = _join(count + (d.get("kind") or ""), parties, d.get("date") or "", sep=", ")
        return f"{d.get('title') or 'Agreement'} ({tail})"
    if kind == "statistics":
        qual = d.get("qualifier")
        qual = "" if qual in (None, "actual") else _words(qual)
        value = _join(qual, _amount(d.get("value")), d.get("unit") or "")
        period = f" ({d['period']})" if d.get("period") else ""
        where = "–".join(d.get("countries") or [])
        return f"{_words(d.get('metric')).capitalize()}: {value}{period}" + (
            f" — {where}" if where else ""
        )
    if kind == "events":
        return f"{_words(d.get('kind')).capitalize()} ({d.get('date') or 'no date'}): " + (
            d.get("description") or ""
        )
    if kind == "missions":
        return (
            f"{_words(d.get('kind')).capitalize()} of {_country(d.get('country'))} "
            f"in {_join(d.get('city') or '', _country(d.get('host_country')), sep=', ')}"
        )
    if kind == "entities":
        aliases = [a for a in d.get("aliases") or [] if a != d.get("name")]
        also = f" (also {', '.join(aliases)})" if aliases else ""
        return f"{(d.get('kind') or 'entity').capitalize()}: {d.get('name')}{also}"
    return f"{kind}: " + ", ".join(f"{k}={v}" for k, v in d.items() if k != "conflicts")


def _values(value: object) -> Iterable[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            if k != "conflicts":
                yield from _values(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _values(v)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int | float):
        yield str(int(value)) if float(value).is_integer() else str(value)
        yield _amount(value)
    else:
        yield _words(value)


def text(kind: str, data: Mapping[str, Any], quotes: Iterable[str]) -> str:
    """The searchable text of a fact: summary, its values, the names of its countries
    (the values hold codes) and the evidence sentences given."""
    lines = [summary(kind, data), " ".join(_values(data))]
    lines.append(" ".join(_country_name(c) for c in countries(kind, data)))
    lines.extend(quotes)
    return "\n".join(lines)


def _country_name(code: str) -> str:
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return ""
    return " ".join(
        dict.fromkeys(n for n in (getattr(found, "common_name", None), found.name) if n)
    )


def countries(kind: str, data: Mapping[str, Any]) -> tuple[str, ...]:
    keys = ("visitor_country", "host_country", "from_country", "to_country", "country", "code")
    found = [data.get(k) for k in keys]
    for key in ("countries", "parties"):
        found.extend(data.get(key) or [])
    return tuple(sorted({str(c).upper() for c in found if isinstance(c, str) and len(c) == 2}))


def names(kind: str, data: Mapping[str, Any]) -> tuple[str, ...]:
    """People named by the fact (visitor, host, or a person entity with its aliases)."""
    if kind == "visits":
        return tuple(n for n in (data.get("visitor"), data.get("host")) if n)
    if kind == "entities" and data.get("kind") == "person":
        return tuple([data.get("name") or "", *(data.get("aliases") or [])])
    return ()


def date(kind: str, data: Mapping[str, Any]) -> str | None:
    key = DATE_KEYS.get(kind)
    value = data.get(key) if key else None
    return str(value) if value else None

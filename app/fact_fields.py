"""The fields of each fact type as a person edits them: what kind of value each holds,
how typed text becomes that value, and why a value is refused.

The window's editor and ``attache edit`` read this one table, so a value is checked the
same way wherever it is typed; a refused value is explained and never saved.

Kinds: ``text``; ``date`` (ISO 8601 at any precision: ``2022``, ``2022-05``,
``2022-05-10``); ``period`` (a date, or two joined by ``/``, the first not after the
second); ``country`` (an ISO 3166-1 code or a country's name, stored as the code);
``countries`` (several, separated by commas); ``number`` (``5200000000``,
``5,200,000,000``, ``5.2 billion``); ``count`` (a whole number, 1 or more); ``choice``
(one of the schema's words); ``words`` (several, separated by commas).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from app import country_codes

METRICS = (
    "trade_volume",
    "investment",
    "companies",
    "joint_projects",
    "students",
    "scholarships",
    "tourists",
    "visa_free_stay_days",
    "official_visits",
    "bilateral_meetings",
    "trade_partner_rank",
    "agreements_signed",
)


class FieldError(ValueError):
    """A value that cannot be stored in a field; the message says why."""


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    choices: tuple[str, ...] = ()
    optional_choice: bool = True
    """A ``choice`` field may be left empty."""
    open_choice: bool = False
    """A ``choice`` whose list is a suggestion (metrics: SCHEMA says extend with care)."""

    @property
    def label(self) -> str:
        return self.name.replace("_", " ").capitalize()


FIELDS: dict[str, tuple[Field, ...]] = {
    "visits": (
        Field("visitor", "text"),
        Field("visitor_country", "country"),
        Field("host", "text"),
        Field("host_country", "country"),
        Field("city", "text"),
        Field("start", "date"),
        Field("end", "date"),
        Field("kind", "choice", ("state", "official", "working")),
        Field("status", "choice", ("held", "planned"), optional_choice=False),
    ),
    "agreements": (
        Field("title", "text"),
        Field(
            "kind",
            "choice",
            ("agreement", "declaration", "memorandum", "partnership", "decision"),
            optional_choice=False,
        ),
        Field("date", "date"),
        Field("parties", "countries"),
        Field("areas", "words"),
        Field("count", "count"),
        Field("status", "choice", ("signed", "planned"), optional_choice=False),
    ),
    "statistics": (
        Field("metric", "choice", METRICS, optional_choice=False, open_choice=True),
        Field("value", "number"),
        Field("unit", "text"),
        Field(
            "qualifier",
            "choice",
            ("actual", "target", "more_than", "less_than", "about"),
            optional_choice=False,
        ),
        Field("period", "period"),
        Field("countries", "countries"),
        Field("from_country", "country"),
        Field("to_country", "country"),
    ),
    "events": (
        Field(
            "kind",
            "choice",
            (
                "diplomatic_relations",
                "recognition",
                "embassy_opened",
                "partnership_upgrade",
                "council_established",
                "council_meeting",
                "anniversary",
                "leadership_change",
                "unrest",
                "policy",
            ),
            optional_choice=False,
        ),
        Field("date", "date"),
        Field("countries", "countries"),
        Field("description", "text"),
    ),
    "missions": (
        Field("country", "country"),
        Field("host_country", "country"),
        Field("city", "text"),
        Field(
            "kind",
            "choice",
            ("embassy", "consulate_general", "honorary_consulate"),
            optional_choice=False,
        ),
    ),
    "entities": (
        Field("name", "text"),
        Field("kind", "choice", ("person", "country", "organization", "place"), False),
        Field("country", "country"),
        Field("aliases", "words"),
    ),
}


def field(fact_type: str, name: str) -> Field:
    for f in FIELDS.get(fact_type, ()):
        if f.name == name:
            return f
    known = ", ".join(f.name for f in FIELDS.get(fact_type, ()))
    raise FieldError(f"a {fact_type} fact has no field {name!r} (its fields: {known})")


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _date(text: str) -> str:
    m = _DATE.match(text)
    if not m:
        raise FieldError(f"{text!r} is not a date: write 2022, 2022-05 or 2022-05-10")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        date(year or 1, month or 1, day or 1)
    except ValueError as exc:
        raise FieldError(f"{text!r} is not a date of the calendar ({exc})") from exc
    return text


def country_names() -> list[str]:
    """'Kazakhstan (KZ)' for every country: what the editor offers as one types."""
    return country_codes.choices()


def _country(text: str) -> str:
    key = re.sub(r"\s*\(([A-Za-z]{2})\)$", r"", text).strip().casefold()
    code = re.search(r"\(([A-Za-z]{2})\)$", text)
    if code:
        key = code.group(1).casefold()
    found = country_codes.code_of(key)
    if found is None:
        raise FieldError(f"{text!r} is not a country: give its ISO code (KZ) or its name")
    return found


def _number(text: str) -> float | int:
    if re.search(r",(?!\d{3}(?:\D|$))", text):  # "5,2": a decimal comma, not thousands
        raise FieldError(f"{text!r} is not a number: write 5.2 billion (a point for decimals)")
    m = re.fullmatch(r"(-?[\d,]*\.?\d+)\s*([a-zA-Z]+)?", text.replace("\u00a0", " "))
    scale = 1.0
    if m and m.group(2):
        scale = _SCALES.get(m.group(2).casefold(), 0.0)
    if not m or not scale:
        raise FieldError(f"{text!r} is not a number: write 5200000000 or 5.2 billion")
    value = float(m.group(1).replace(",", "")) * scale
    if value < 0:
        raise FieldError("a figure cannot be negative")
    return int(value) if value.is_integer() else value


def parse(fact_type: str, name: str, text: str) -> Any:
    """The value to store for ``text`` typed into field ``name``; None for an empty
    field (the correction is taken back). Raises FieldError with the reason."""
    f = field(fact_type, name)
    text = text.strip()
    if not text:
        if f.kind == "choice" and not f.optional_choice:
            raise FieldError(f"{f.label} cannot be empty: one of {', '.join(f.choices)}")
        return None
    if f.kind == "text":
        return text
    if f.kind == "date":
        return _date(text)
    if f.kind == "period":
        parts = [p.strip() for p in text.split("/")]
        if len(parts) > 2 or not all(parts):
            raise FieldError(f"{text!r} is not a period: write 2024, 2024-01/2024-05 or 2005/2024")
        dates = [_date(p) for p in parts]
        if len(dates) == 2 and dates[0] > dates[1]:
            raise FieldError(f"the period {text!r} ends before it starts")
        return "/".join(dates)
    if f.kind == "country":
        return _country(text)
    if f.kind == "countries":
        return sorted({_country(p.strip()) for p in text.split(",") if p.strip()})
    if f.kind == "number":
        return _number(text)
    if f.kind == "count":
        if not re.fullmatch(r"\d+", text) or int(text) < 1:
            raise FieldError(f"{text!r} is not a count: a whole number, 1 or more")
        return int(text)
    if f.kind == "choice":
        value = re.sub(r"[\s-]+", "_", text.casefold())
        if value in f.choices or (f.open_choice and re.fullmatch(r"[a-z][a-z0-9_]*", value)):
            return value
        raise FieldError(f"{text!r} is not a {f.label.lower()}: one of {', '.join(f.choices)}")
    if f.kind == "words":
        return [w.strip() for w in text.split(",") if w.strip()]
    raise FieldError(f"unknown field kind {f.kind!r}")  # a bug in FIELDS


def as_text(value: Any) -> str:
    """A stored value as the editor shows it for typing."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

"""Numbers as Attaché shows them, the same in the window and in every export:
``5.2 billion``, ``863,000``, ``$5.2 billion``, ``TRY 202.86 billion``, ``No. 3``."""

from __future__ import annotations

from typing import Any

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def format_number(value: Any) -> str:
    """863000 -> ``863,000``; 5.2e9 -> ``5.2 billion``; 12.5 -> ``12.5``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _text(value)
    v = float(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{_trim(v / size)} {word}"
    if v.is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def _trim(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def format_amount(value: Any, unit: Any) -> str:
    """A number with its unit: ``$5.2 billion``, ``TRY 202.86 billion``, ``863,000 people``."""
    number = format_number(value)
    unit_s = _text(unit)
    if not unit_s:
        return number
    if unit_s in CURRENCY_SYMBOLS:
        return f"{CURRENCY_SYMBOLS[unit_s]}{number}"
    if len(unit_s) == 3 and unit_s.isupper():  # other ISO 4217 codes
        return f"{unit_s} {number}"
    if unit_s == "rank":
        return f"No. {number}"
    if unit_s == "days" and value == 1:
        unit_s = "day"
    return f"{number} {unit_s}"

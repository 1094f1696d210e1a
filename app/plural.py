"""Counts in words: "1 article", "2 articles", "1 entity", "3 entities"."""

from __future__ import annotations

_IRREGULAR = {"entity": "entities", "match": "matches", "person": "people"}


def plural(noun: str) -> str:
    """The plural of an English ``noun`` of the window's vocabulary."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def count_of(number: int, noun: str) -> str:
    """``number`` and ``noun``, singular for one: "1 fact", "0 facts", "1,234 articles"."""
    return f"{number:,} {noun if number == 1 else plural(noun)}"

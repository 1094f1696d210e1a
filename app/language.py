"""The language an article is written in: ``en``, ``ru``, or ``unknown`` rather than a
guess.

A script and stop-word test, written by hand: Attaché reads two languages, which their
alphabets tell apart, and the common function words of each confirm it (a Latin text
that is not English, or a text too short to tell, is ``unknown``). A statistical
detector (langdetect, lingua) would name many more languages Attaché cannot read, weighs
tens of megabytes, and is not sure of short texts either.
"""

from __future__ import annotations

import re

LANGUAGES = {"en": "English", "ru": "Russian", "unknown": "unknown"}

_WORD = re.compile(r"[^\W\d_]+")
_STOP = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "a",
            "is",
            "that",
            "for",
            "on",
            "with",
            "as",
            "was",
            "by",
            "at",
            "from",
            "has",
            "have",
            "are",
            "it",
            "its",
            "be",
            "will",
            "said",
            "this",
            "an",
            "which",
            "were",
            "their",
        ]
    ),
    "ru": frozenset(
        [
            "и",
            "в",
            "на",
            "с",
            "по",
            "не",
            "что",
            "к",
            "о",
            "из",
            "за",
            "для",
            "от",
            "как",
            "а",
            "это",
            "его",
            "также",
            "был",
            "была",
            "были",
            "при",
            "до",
            "он",
            "она",
            "они",
            "между",
            "года",
        ]
    ),
}
_SCRIPT = {"en": re.compile(r"[a-z]"), "ru": re.compile(r"[а-яё]")}
MIN_WORDS = 8
"""Fewer words than this tell nothing for sure."""


def detect(text: str, sample: int = 20_000) -> str:
    """``en``, ``ru`` or ``unknown`` for ``text`` (its first ``sample`` characters)."""
    words = _WORD.findall(text[:sample].lower())
    if len(words) < MIN_WORDS:
        return "unknown"
    best, best_share = "unknown", 0.0
    for code, script in _SCRIPT.items():
        in_script = [w for w in words if script.match(w)]
        share = len(in_script) / len(words)
        stops = sum(1 for w in in_script if w in _STOP[code])
        # Most words in the script, and a fair share of them the language's own
        # function words (a list of names, or another language in the same script,
        # has few).
        if share >= 0.6 and stops >= max(2, 0.08 * len(in_script)) and share > best_share:
            best, best_share = code, share
    return best

"""Sentence and clause splitting with exact character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_BOUNDARY = re.compile(r"[.!?][\"”’»)]*\s+(?=[\"“«(‘]?[A-Z0-9À-ÖØ-ÞİŞÇĞ])|\n\s*")
_ABBREV = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "st", "no", "gen", "lt", "col", "prof", "jr", "sr", "vs", "e.g",
    "i.e", "u.s", "u.k", "u.n", "approx", "est", "inc", "co", "corp", "ltd", "gov", "sen",
    "rep", "capt", "maj", "sgt", "fig", "vol", "p", "pp", "h.e",
}
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_CLAUSE = re.compile(
    r",\s+(?=(?:with|while|and|but|whereas|which|when|although|though)\b)"
    r"|;\s+|\s+and\s+(?=(?:further|then|later|subsequently|also)\b)"
    r"|,\s+(?=(?:meanwhile|however)\b)"
)


@dataclass(frozen=True)
class Span:
    """A piece of the article text: text == article[start:end]."""

    start: int
    end: int
    text: str


def _is_abbreviation(chunk: str) -> bool:
    m = _LAST_WORD.search(chunk)
    if not m:
        return False
    word = m.group(1).lower()
    if word in _ABBREV:
        return True
    # a single initial ("K.") or an acronym with dots ("U.S.")
    return (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(?:\w\.)+\w", word))


def split_sentences(text: str) -> list[Span]:
    """Split text into sentences; offsets index into text, whitespace trimmed."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.start() + 1 if not m.group().startswith("\n") else m.start()
        if m.group()[0] in ".!?":
            # keep closing quotes/brackets with the sentence
            cut = m.start() + len(m.group().rstrip())
            if m.group()[0] == "." and _is_abbreviation(text[start:m.start() + 1]):
                continue
        _add(text, start, cut, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))


@lru_cache(maxsize=8192)
def split_clauses(sentence: Span) -> list[Span]:
    """Split a sentence at clause joints (", with", ", while", "; ", ...)."""
    out: list[Span] = []
    pos = 0
    for m in _CLAUSE.finditer(sentence.text):
        out.append(Span(sentence.start + pos, sentence.start + m.start(),
                        sentence.text[pos:m.start()]))
        pos = m.end()
    out.append(Span(sentence.start + pos, sentence.end, sentence.text[pos:]))
    return [c for c in out if c.text.strip()]

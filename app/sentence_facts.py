"""A fact a person adds from a sentence of an article: where the sentence is, and what
the extractor reads in it to fill the new fact's fields in advance.

``locate`` finds a piece of text chosen in the reader (whose line breaks and spaces may
differ from the stored text's) in the article; ``sentence_around`` widens it to the
sentence(s) it lies in; ``prefill`` gives the fields of the first fact of the chosen
type the extractor reads there (none when it reads none: the person types them).
"""

from __future__ import annotations

import re
from typing import Any

from app.extract import extract_article
from app.extract.sentences import split_sentences

_SPACE = re.compile(r"\s+")


def _pattern(piece: str) -> re.Pattern[str] | None:
    words = _SPACE.split(
        piece.replace("\u2029", " ").replace("\u2028", " ").replace("\u00a0", " ").strip()
    )
    if not words or words == [""]:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def locate(text: str, chosen: str, near: tuple[str, int] | None = None) -> tuple[int, int] | None:
    """Offsets in ``text`` of ``chosen`` (any run of white space matching any other, as a
    rendered text's line breaks and non-breaking spaces do), or None. ``near`` (the
    paragraph the words were chosen in, as shown, and where in it) picks the occurrence
    the person chose when the words occur more than once."""
    pattern = _pattern(chosen)
    if pattern is None:
        return None
    found = list(pattern.finditer(text))
    if not found:
        return None
    best = found[0]
    paragraph = _pattern(near[0]) if near else None
    where = paragraph.search(text) if paragraph is not None else None
    if near is not None and where is not None:
        target = where.start() + near[1]
        inside = [m for m in found if where.start() <= m.start() < where.end()] or found
        best = min(inside, key=lambda m: abs(m.start() - target))
    return best.start(), best.end()


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentences of ``text`` that the span ``start``–``end`` touches, as one span."""
    spans = [s for s in split_sentences(text) if s.end > start and s.start < end]
    if not spans:
        return start, end
    return spans[0].start, spans[-1].end


def prefill(fact_type: str, text: str, span: tuple[int, int], date: str | None) -> dict[str, Any]:
    """The fields the extractor reads for a ``fact_type`` in ``text[span]``: a fact it
    reads from the whole article citing only those sentences (the article tells which
    pair of countries it is about), else one it reads in the sentences alone."""
    start, end = span
    whole = extract_article("article", text, date)
    for candidate in whole.facts:
        inside = all(start <= e.start and e.end <= end for e in candidate.evidence)
        if candidate.type == fact_type and candidate.evidence and inside:
            return _fields(candidate.data)
    alone = extract_article("sentence", text[start:end], date)
    for candidate in alone.facts:
        if candidate.type == fact_type:
            return _fields(candidate.data)
    return {}


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ("conflicts", "id", "canonical")}

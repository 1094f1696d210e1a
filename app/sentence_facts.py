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


def locate(text: str, chosen: str) -> tuple[int, int] | None:
    """Offsets in ``text`` of ``chosen`` (any run of white space matching any other, as a
    rendered text's line breaks and non-breaking spaces do), or None."""
    words = _SPACE.split(chosen.replace("\u2029", " ").replace("\u00a0", " ").strip())
    if not words or words == [""]:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


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

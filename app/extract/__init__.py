"""Fact extraction from news articles about the relations between two countries.

``extract_article(article_id, text, date)`` returns the article's date (given or inferred
from its own text) and its candidate facts, already merged within the article, each citing
the sentences it was read from.
"""

from __future__ import annotations

from .model import Candidate, Evidence, Extraction


def extract_article(article_id: str, text: str, date: str | None, lang: str = "en") -> Extraction:
    """Extract the facts of one article; `text` is the body without the date line, `lang`
    its language (a code of ``lang.LANGUAGES``)."""
    # Imported here: the recognisers load only where articles are read (the import
    # workers), not in every program that handles facts (the window starts faster).
    from .pipeline import extract

    return extract(article_id, text, date, lang)


__all__ = ["Candidate", "Evidence", "Extraction", "extract_article"]

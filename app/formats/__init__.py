"""Readers for the article file formats other than plain text: HTML, PDF, DOCX.

Each reader takes the file's bytes (already read within the size limit) and returns
a :class:`Extracted` (text plus whatever title, date, address, outlet and author
the file's own metadata gives), or raises :class:`FormatError` whose message is the
reason for the user.
No reader fetches anything, runs anything or follows a link in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


class FormatError(Exception):
    """A file of a known format that cannot be read; the message says why."""


@dataclass(frozen=True)
class Extracted:
    """Text and metadata read from a formatted file."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    """The article's canonical address (a web page's ``link rel=canonical``/``og:url``)."""
    outlet: str | None = None
    """Who published it (``og:site_name``, the publisher)."""
    author: str | None = None
    """Its author(s), as the file names them."""


def clean_field(value: object, limit: int = 500) -> str | None:
    """A metadata value as one trimmed line of at most ``limit`` characters, or None."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text[:limit] or None


def web_address(value: object) -> str | None:
    """``value`` when it is an http(s) address, else None (a relative link or a
    ``javascript:`` one is no source to cite)."""
    text = clean_field(value, 2000)
    if text and re.match(r"(?i)https?://[^\s/]+", text):
        return text
    return None

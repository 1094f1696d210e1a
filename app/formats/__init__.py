"""Readers for the article file formats other than plain text: HTML, PDF, DOCX.

Each reader takes the file's bytes (already read within the size limit) and returns
a :class:`Extracted` (text plus whatever title and date the file's own metadata
gives), or raises :class:`FormatError` whose message is the reason for the user.
No reader fetches anything, runs anything or follows a link in the file.
"""

from __future__ import annotations

from dataclasses import dataclass


class FormatError(Exception):
    """A file of a known format that cannot be read; the message says why."""


@dataclass(frozen=True)
class Extracted:
    """Text and metadata read from a formatted file."""

    text: str
    title: str | None = None
    date: str | None = None

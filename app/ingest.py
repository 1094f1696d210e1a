"""Reading article files: bytes in, text and metadata (date line, title) out.

The users' plain-text format: an optional first-line prefix `` date YYYY-MM-DD ``
followed directly by the first paragraph, then paragraphs separated by blank lines.
Right after the date (on the lines that follow a date line standing alone, or at the
very top) a text may name its source in ``url:``, ``source:`` (the outlet),
``author:`` and ``title:`` lines; they are taken off the text facts are read from.
Encodings are detected (BOMs, then strict UTF-8, then charset-normalizer), never
guessed from the platform. HTML, PDF and DOCX files are read by ``app.formats``.

Only regular files are opened (never a pipe or a device, which could block for
ever), and never more than ``MAX_BYTES``: a larger file is refused before it is
read, so no file can make the import grow without bound.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import CharsetMatch, from_bytes
from charset_normalizer.constant import FREQUENCIES

from app.formats import Extracted, FormatError

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FORMATS = {
    **dict.fromkeys(TEXT_SUFFIXES, "text"),
    **dict.fromkeys(HTML_SUFFIXES, "html"),
    ".pdf": "pdf",
    ".docx": "docx",
}
SUPPORTED_SUFFIXES = set(FORMATS)
MAX_BYTES = 20 * 1024 * 1024
MAX_BYTES_BY_FORMAT = {"html": 5 * 1024 * 1024}
"""Web pages are parsed whole into a tree, which takes far more memory and time."""
MAX_CHARS = 1_000_000
"""The longest text one article may have (about 500 pages): the extractor's time grows
faster than the text, so a longer file would hold the import for many minutes."""
TITLE_MAX = 120
TITLE_MIN = 25

_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+|\Z)")
_SOURCE_LINE = re.compile(r"(?i)[ \t]*(url|source|author|title)[ \t]*:[ \t]*(\S[^\n]{0,1999})?\n")
"""A source line: a key and its value, alone on a line."""
_SOURCE_LIMITS = {"outlet": 120, "author": 200, "url": 2000}
"""Longer than this, a ``source:`` line is a paragraph that begins so, not an outlet."""
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’»]?\s")


class IngestError(Exception):
    """A file that cannot be imported; the message is the reason, for the user."""


@dataclass(frozen=True)
class Document:
    """One article as read from a file."""

    file_name: str
    path: str
    sha256: str
    format: str
    date: str | None
    title: str
    text: str
    url: str | None = None
    outlet: str | None = None
    author: str | None = None


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; IngestError otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError as exc:
        raise IngestError("permission denied") from exc
    except FileNotFoundError as exc:
        raise IngestError("the file no longer exists") from exc
    except IsADirectoryError as exc:
        raise IngestError("a folder, not a file") from exc
    except OSError as exc:
        raise IngestError(f"cannot be read ({exc.strerror or exc})") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IngestError("a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise IngestError("not a regular file (a pipe, socket or device)")
        if info.st_size > limit:
            raise IngestError(
                f"too large ({info.st_size // (1024 * 1024)} MB; "
                f"the limit is {limit // (1024 * 1024)} MB)"
            )
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise IngestError(f"cannot be read ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)
    if len(data) > limit:
        raise IngestError(f"too large (it grew past {limit // (1024 * 1024)} MB while read)")
    return data


def decode_text(data: bytes) -> str:
    """Decode ``data``, detecting its encoding; raise IngestError for binary data."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise IngestError(f"the text is not valid {codec}: {exc.reason}") from exc
    if b"\x00" in data[:4096]:
        raise IngestError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise IngestError("binary data or an unknown text encoding")
    # Short texts decode without "chaos" in several code pages (cp1250, cp1252 and
    # cp1254 all read Turkish bytes). The code page whose letters belong to the alphabet
    # of the language the text is in wins (Turkish ı, ş, ğ rather than Icelandic ý, þ,
    # ð); then the least chaos, then the language model's coherence.
    best = min(
        matches, key=lambda m: (-round(_alphabet_fit(m), 2), round(m.chaos, 2), -m.coherence)
    )
    return str(best)


def _alphabet_fit(match: CharsetMatch) -> float:
    """The share of the non-ASCII letters of a decoding that the detected language's
    alphabet (charset-normalizer's letter frequencies) holds; 1.0 when unknown."""
    alphabet = set(FREQUENCIES.get(match.language, ()))
    letters = [c for c in str(match) if c.isalpha() and not c.isascii()]
    if not alphabet or not letters:
        return 1.0
    return sum(c.lower() in alphabet for c in letters) / len(letters)


def split_date_line(text: str) -> tuple[str | None, str]:
    """Separate the `` date YYYY-MM-DD `` prefix from the body."""
    match = _DATE_LINE.match(text)
    if not match:
        return None, text.strip()
    return match.group(1), text[match.end() :].strip()


def split_source_lines(body: str) -> tuple[dict[str, str], str]:
    """Separate the leading ``url:``/``source:``/``author:``/``title:`` lines from the
    body: ({"url"|"outlet"|"author"|"title": value}, the rest). A ``url:`` that is not
    an http(s) address is kept as text, and so is everything from the first other line."""
    from app.formats import clean_field, web_address

    found: dict[str, str] = {}
    pos = 0
    while True:
        match = _SOURCE_LINE.match(body, pos)
        if not match or not match.group(2):
            break
        key = {"source": "outlet"}.get(match.group(1).lower(), match.group(1).lower())
        value = (web_address if key == "url" else clean_field)(match.group(2))
        if value is None or key in found or len(value) > _SOURCE_LIMITS.get(key, 300):
            break
        found[key] = value
        pos = match.end()
    if not found:
        return {}, body
    return found, body[pos:].strip()


def make_title(body: str) -> str:
    """A title from the first sentence of the body, cut at a word boundary."""
    first_line = body.strip().split("\n", 1)[0].strip()
    # Take whole sentences until the title says something: a dateline such as
    # "ANKARA." alone is not a title.
    sentence, pos = "", 0
    while len(sentence) < TITLE_MIN and pos < len(first_line):
        match = _SENTENCE_END.search(first_line, pos)
        end = match.start() + 1 if match else len(first_line)
        sentence = first_line[:end].strip()
        pos = match.end() if match else len(first_line)
    if len(sentence) <= TITLE_MAX:
        return sentence
    cut = sentence[:TITLE_MAX].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def normalise_text(text: str) -> str:
    """Unify line ends and drop trailing spaces so offsets are stable."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _extract(kind: str, data: bytes) -> Extracted:
    """Text and metadata of ``data`` in the format ``kind``."""
    try:
        if kind == "pdf":
            from app.formats.pdf import read_pdf

            return read_pdf(data)
        if kind == "docx":
            from app.formats.docx import read_docx

            return read_docx(data)
        text = decode_text(data)
        if kind == "html":
            from app.formats.html import read_html

            return read_html(text)
        return Extracted(text=text)
    except FormatError as exc:
        raise IngestError(str(exc)) from exc


def _full_path(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a link loop: the name as given will do
        return str(path.absolute())


def read_document(path: Path) -> Document:
    """Read one article file; IngestError says why it cannot be imported."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise IngestError(f"unsupported file type {path.suffix or '(none)'!r}")
    data = read_limited(path, MAX_BYTES_BY_FORMAT.get(kind, MAX_BYTES))
    if not data.strip():
        raise IngestError("the file is empty")
    extracted = _extract(kind, data)
    text = normalise_text(extracted.text)
    date, body = split_date_line(text)
    source: dict[str, str] = {}
    if kind == "text":
        source, body = split_source_lines(body)
    if not body:
        raise IngestError("the file has no text")
    if len(body) > MAX_CHARS:
        raise IngestError(
            f"too long for one article ({len(body):,} characters; the limit is "
            f"{MAX_CHARS:,}): split it into articles"
        )
    title = source.get("title") or extracted.title or make_title(body)
    if len(title) > TITLE_MAX:
        title = make_title(title)
    return Document(
        file_name=path.name,
        path=_full_path(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format=kind,
        date=extracted.date or date,
        title=title,
        text=body,
        url=source.get("url") or extracted.url,
        outlet=source.get("outlet") or extracted.outlet,
        author=source.get("author") or extracted.author,
    )

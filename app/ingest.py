"""Reading article files: bytes in, text and metadata (date line, title) out.

The users' plain-text format: an optional first-line prefix `` date YYYY-MM-DD ``
followed directly by the first paragraph, then paragraphs separated by blank lines.
Encodings are detected (BOMs, then strict UTF-8, then charset-normalizer), never
guessed from the platform.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES
MAX_BYTES = 20 * 1024 * 1024
TITLE_MAX = 120
TITLE_MIN = 25

_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+|\Z)")
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


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


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
    # cp1254 all read Turkish bytes); the language model's coherence then decides.
    best = min(matches, key=lambda m: (round(m.chaos, 2), -m.coherence))
    return str(best)


def split_date_line(text: str) -> tuple[str | None, str]:
    """Separate the `` date YYYY-MM-DD `` prefix from the body."""
    match = _DATE_LINE.match(text)
    if not match:
        return None, text.strip()
    return match.group(1), text[match.end() :].strip()


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


def read_document(path: Path) -> Document:
    """Read one article file; IngestError says why it cannot be imported."""
    if not is_supported(path):
        raise IngestError(f"unsupported file type {path.suffix or '(none)'!r}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(f"too large ({size // (1024 * 1024)} MB; the limit is 20 MB)")
        data = path.read_bytes()
    except PermissionError as exc:
        raise IngestError("permission denied") from exc
    except FileNotFoundError as exc:
        raise IngestError("the file no longer exists") from exc
    except IsADirectoryError as exc:
        raise IngestError("a folder, not a file") from exc
    except OSError as exc:
        raise IngestError(f"cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise IngestError("the file is empty")
    text = normalise_text(decode_text(data))
    date, body = split_date_line(text)
    if not body:
        raise IngestError("the file has no text")
    return Document(
        file_name=path.name,
        path=str(path.resolve()),
        sha256=hashlib.sha256(data).hexdigest(),
        format="text",
        date=date,
        title=make_title(body),
        text=body,
    )

"""Sentence and clause splitting with exact character offsets.  The words (abbreviations,
list markers, clause joints) are the language module's (``lang``, English by default)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from types import ModuleType

from .lang import built_for
from .lang import en as _EN

# a full stop (or ! ?) and a word in capitals or a digit after it, in any alphabet: the
# capital is checked in code (``_opens_sentence``), as a character class would hold one
# alphabet's capitals only
# A full stop glued to the next sentence ("...countries.The next"), as pages copied from
# the web often have them: two small letters before it, a capital and a small letter
# after it (the Latin and Cyrillic alphabets' letters), so "U.S.", "PanARMENIAN.Net" and
# initials stay whole.
_BOUNDARY = re.compile(
    r"[.!?][\"”’»)]*\s+(?=[\"“«„(‘]?\w)|\n\s*|"
    r"(?<=[a-zà-ÿа-яё]{2}[.!?])(?=[A-ZÀ-ÞА-ЯЁ][a-zà-ÿа-яё]{2})"
)
_WORD_BEFORE = re.compile(r"\S{1,200}$")
_OPENER = re.compile(r"[\"“«„(‘]?(\w)")
_LAST_WORD = re.compile(r"([\w.]+)\.$")


@dataclass(frozen=True)
class Span:
    """A piece of the article text: text == article[start:end]."""

    start: int
    end: int
    text: str


def _opens_sentence(text: str, pos: int) -> bool:
    """text[pos:] opens with a capital or a digit (after an opening quote)."""
    m = _OPENER.match(text, pos)
    return m is not None and (m.group(1).isupper() or m.group(1).isdigit())


_AFTER_NUMBER = re.compile(r"\d[\d\s.,]*\s?\S*$")


def _is_abbreviation(
    chunk: str, abbreviations: frozenset[str], ending: frozenset[str] = frozenset()
) -> bool:
    """chunk ends in an abbreviation, not a sentence (ending: the language's abbreviations
    that end one before a capital, those also in abbreviations only after a number)."""
    m = _LAST_WORD.search(chunk)
    if not m:
        return False
    word = m.group(1).lower()
    if word in ending and (
        word not in abbreviations or _AFTER_NUMBER.search(chunk[: m.end()].rstrip("."))
    ):
        return False  # "in 2022 y. The ...": a unit after a number ends the sentence
    if word in abbreviations:
        return True
    # a single initial ("K.") or an acronym with dots ("U.S.")
    return (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(?:\w\.)+\w", word))


_LINE_END_PUNCT = '.!?:;"”’»)'


def wrap_width(text: str) -> int:
    """The line width of hard-wrapped text (a communiqué broken every ~70 characters, its
    sentences running on across line breaks), else 0.  Wrapped: most lines are about as
    long as the longest ones, no line is much longer than a hundred characters, and many
    lines end in the middle of a sentence."""
    every = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in every if ln]
    if len(lines) < 5:
        return 0
    lens = sorted(len(ln) for ln in lines)
    width = lens[int(0.9 * (len(lens) - 1))]
    if width > 100 or width < 30:
        return 0
    running = [
        i
        for i, ln in enumerate(every[:-1])
        if len(ln) >= 0.6 * width and ln[-1] not in _LINE_END_PUNCT
    ]
    # a list of titles, one a line, is no wrapped text: wrapped lines often go on in
    # lower case ("... a joint\nstatement")
    lower = sum(1 for i in running if every[i + 1][:1].islower())
    return width if len(running) >= max(3, len(lines) / 3) and lower * 4 >= len(running) else 0


def _runs_on(text: str, brk: re.Match[str], width: int, list_marker: re.Pattern[str]) -> bool:
    """In hard-wrapped text, a single line break inside a sentence: the line before it
    is full (a short line ends a paragraph or a heading) and the next line is no list
    item."""
    if brk.group().count("\n") > 1:
        return False
    line_start = text.rfind("\n", 0, brk.start()) + 1
    line = text[line_start : brk.start()].strip()
    if len(line) < 0.6 * width:
        return False
    return not list_marker.match(text, brk.end())


def _numbered(text: str, start: int, end: int) -> bool:
    """text[start:end] is only an item number ("2.") opening a line."""
    chunk = text[start:end].strip()
    if not re.fullmatch(r"\d{1,2}\.", chunk):
        return False
    begin = text.index(chunk, start)
    return begin == 0 or text[text.rfind("\n", 0, begin) + 1 : begin].strip() == ""


def split_sentences(text: str, lang: ModuleType | None = None) -> list[Span]:
    """Split text into sentences; offsets index into text, whitespace trimmed.  Line
    breaks end sentences, except inside the paragraphs of hard-wrapped text.  lang: the
    language module (its abbreviations and list markers), English by default."""
    L = lang or _EN
    abbreviations, list_marker = L.ABBREVIATIONS, L.LIST_MARKER
    # abbreviations that do end a sentence ("в 2022 г. Стороны"): none in English
    ending: frozenset[str] = L.ABBREVIATIONS_ENDING
    spans: list[Span] = []
    start = 0
    width = wrap_width(text) if "\n" in text else 0
    for m in _BOUNDARY.finditer(text):
        if not m.group():  # a full stop glued to the next sentence
            before = _WORD_BEFORE.search(text, max(0, m.start() - 200), m.start())
            word = before.group() if before else ""  # the token the full stop ends
            if "." in word[:-1] or word.lower().startswith(("www", "http")):
                continue  # a site's or product's name: "Газета.Ru", "www.mfa.gov.Kz"
            if not _is_abbreviation(text[start : m.start()], abbreviations, ending):
                _add(text, start, m.start(), spans)
                start = m.start()
            continue
        if m.group()[0] != "\n" and not _opens_sentence(text, m.end()):
            continue
        cut = m.start() + 1 if not m.group().startswith("\n") else m.start()
        if m.group()[0] == "\n" and width and _runs_on(text, m, width, list_marker):
            continue
        if m.group()[0] in ".!?":
            # keep closing quotes/brackets with the sentence
            cut = m.start() + len(m.group().rstrip())
            if m.group()[0] == "." and _is_abbreviation(
                text[start : m.start() + 1], abbreviations, ending
            ):
                continue
            if _numbered(text, start, m.start() + 1):
                continue  # "2. The ministers ...": the number stays with its item
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


def _clause_splitter(L: ModuleType) -> Callable[[Span], list[Span]]:
    """A language's clause splitter, with its own cache."""
    return lru_cache(maxsize=8192)(partial(_split_clauses, clause=L.CLAUSE))


def split_clauses(sentence: Span, lang: ModuleType | None = None) -> list[Span]:
    """Split a sentence at clause joints (", with", ", while", "; ", ...; the language
    module's ``CLAUSE``, English by default)."""
    L = lang or _EN
    return built_for(L, _clause_splitter)(sentence)


def _split_clauses(sentence: Span, clause: re.Pattern[str]) -> list[Span]:
    out: list[Span] = []
    pos = 0
    for m in clause.finditer(sentence.text):
        out.append(
            Span(sentence.start + pos, sentence.start + m.start(), sentence.text[pos : m.start()])
        )
        pos = m.end()
    out.append(Span(sentence.start + pos, sentence.end, sentence.text[pos:]))
    return [c for c in out if c.text.strip()]

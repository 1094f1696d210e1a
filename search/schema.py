"""The index schema and the documents it holds: one per article, one per fact.

``SCHEMA_VERSION`` changes with the fields, ``ANALYZER_VERSION`` (in
``search.analysis``) with the way text is cut and folded; both are stamped into
the index folder, and an index with another stamp is rebuilt from the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from search.analysis import name_analyzer, text_analyzer

SCHEMA_VERSION = 4

FACT_BOOST = 0.5
"""Facts are short, so they would outrank the articles they come from without this."""

FACET_FIELDS = ("year", "country", "type", "source", "language")
"""The fields results are counted by (``SearchResult.facets``)."""


@dataclass(frozen=True)
class ArticleDoc:
    """What the index needs of one article (the entity lists come from its facts)."""

    id: int
    title: str
    text: str
    date: str | None
    source: str
    countries: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    fact_types: tuple[str, ...] = ()
    language: str = ""
    """``en``, ``ru`` or ``unknown`` (``app.language``); empty if not known."""


@dataclass(frozen=True)
class FactDoc:
    """What the index needs of one fact: its type, a one-line summary, its text
    (summary, values and evidence sentences), its date, countries and sources."""

    id: int
    type: str
    summary: str
    text: str
    date: str | None
    countries: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    article_ids: tuple[int, ...] = ()
    names: tuple[str, ...] = field(default_factory=tuple)
    quotes: str = ""
    """The evidence sentences, for snippets."""
    languages: tuple[str, ...] = ()
    """The languages of the articles it was read from."""


class CoarseDate(DATETIME):  # type: ignore[misc]  # untyped whoosh base
    """A date indexed as 4 terms instead of Whoosh's 8 (``shift_step`` 16 instead of 8).

    Whole-year ranges are answered from the ``year`` field, so the date terms only
    serve ranges of months or days, which are rare; every document pays for them."""

    def __init__(self, stored: bool = False, unique: bool = False, sortable: bool = False):
        NUMERIC.__init__(
            self, int, 64, stored=stored, unique=unique, shift_step=16, sortable=sortable
        )


def make_schema() -> Schema:
    """The fields of the index.

    Indexing cost is per posting (one word in one document's field), so the schema
    keeps the postings few: no spelling fields (a stemmed field's ``spelling=True``
    indexes every word a second time, unstemmed; suggestions come from the stemmed
    words and the names instead), ``ref`` only stored (documents are found by
    ``uid``), and a date of 4 terms (:class:`CoarseDate`)."""
    text = text_analyzer()
    return Schema(
        uid=ID(unique=True, stored=True, sortable=True),
        kind=ID(stored=True),
        ref=STORED(),
        title=TEXT(analyzer=text, stored=True, field_boost=2.0),
        body=TEXT(analyzer=text, phrase=True),
        fact_text=STORED(),
        date=CoarseDate(sortable=True),
        datestr=STORED(),
        year=ID(),
        source=KEYWORD(lowercase=True, commas=True, scorable=False),
        file=STORED(),
        country=KEYWORD(lowercase=True, commas=True),
        person=TEXT(analyzer=name_analyzer(), spelling=True),
        org=TEXT(analyzer=name_analyzer()),
        place=TEXT(analyzer=name_analyzer()),
        type=KEYWORD(lowercase=True, commas=True, stored=True),
        language=KEYWORD(lowercase=True, commas=True, scorable=False),
        articles=STORED(),
        facets=COLUMN(VarBytesColumn()),
    )


def parse_date(value: str | None) -> datetime | None:
    """The first day of an ISO date, month, year or period (``2025-01/2025-05``)."""
    if not value:
        return None
    value = value.split("/")[0].strip()
    for size, pad in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(value) >= size:
            try:
                return datetime.fromisoformat(value[:size] + pad)
            except ValueError:
                continue
    return None


def _facet_bytes(
    year: str,
    countries: tuple[str, ...],
    types: tuple[str, ...],
    sources: tuple[str, ...],
    languages: tuple[str, ...] = (),
) -> bytes:
    parts = [year, ",".join(countries), ",".join(types), ",".join(sources), ",".join(languages)]
    return "|".join(parts).encode("utf-8")


def decode_facets(raw: bytes) -> tuple[tuple[str, ...], ...]:
    """A document's facet values, one tuple per name in ``FACET_FIELDS``."""
    if not raw:
        return tuple(() for _ in FACET_FIELDS)
    parts = raw.decode("utf-8").split("|")
    parts += [""] * (len(FACET_FIELDS) - len(parts))
    return tuple(tuple(v for v in p.split(",") if v) for p in parts)


def _codes(countries: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({c.upper() for c in countries if c}))


def article_fields(doc: ArticleDoc) -> dict[str, object]:
    when = parse_date(doc.date)
    year = str(when.year) if when else ""
    countries = _codes(doc.countries)
    types = tuple(sorted(set(doc.fact_types)))
    fields: dict[str, object] = {
        "uid": f"a{doc.id}",
        "kind": "article",
        "ref": doc.id,
        "title": doc.title,
        "body": doc.text,
        "datestr": doc.date,
        "source": doc.source.replace(",", " "),
        "file": doc.source,
        "country": ",".join(countries),
        "person": " ; ".join(doc.people),
        "org": " ; ".join(doc.organisations),
        "place": " ; ".join(doc.places),
        "type": ",".join(types),
        "language": doc.language,
        "facets": _facet_bytes(
            year, countries, types, (doc.source.lower(),), (doc.language,) if doc.language else ()
        ),
    }
    if when is not None:
        fields["date"] = when
        fields["year"] = year
    return fields


def fact_fields(doc: FactDoc) -> dict[str, object]:
    when = parse_date(doc.date)
    year = str(when.year) if when else ""
    countries = _codes(doc.countries)
    sources = tuple(s.replace(",", " ") for s in doc.sources)
    fields: dict[str, object] = {
        "uid": f"f{doc.id}",
        "kind": "fact",
        "ref": doc.id,
        "title": doc.summary,
        "body": doc.text,
        "fact_text": doc.quotes or doc.summary,
        "_boost": FACT_BOOST,
        "datestr": doc.date,
        "source": ",".join(sources),
        "file": ", ".join(doc.sources),
        "country": ",".join(countries),
        "person": " ; ".join(doc.names),
        "type": doc.type,
        "articles": list(doc.article_ids),
        "language": ",".join(doc.languages),
        "facets": _facet_bytes(
            year, countries, (doc.type,), tuple(s.lower() for s in sources), doc.languages
        ),
    }
    if when is not None:
        fields["date"] = when
        fields["year"] = year
    return fields

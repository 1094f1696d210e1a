"""Shared pieces of the export writers: options, errors, atomic writes, citations, formatting."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from app import citation, fact_types
from app.citation import Cited
from app.name_spelling import display_name
from app.number_format import format_amount, format_number


class ExportError(Exception):
    """An export could not be written; the message names the path and the reason."""


@dataclass
class ExportOptions:
    title: str = "Attaché briefing"
    subtitle: str = ""
    page_size: str = "A4"  # or "Letter"
    generated: datetime | None = None  # None = now
    author: str = "Attaché"  # the PDF's author line (Preferences)


# (document key, singular type name used in CSV, section heading), in report order.
FACT_TYPES: tuple[tuple[str, str, str], ...] = tuple(
    (t.name, t.singular, t.heading) for t in fact_types.REGISTRY
)

EMPTY_SELECTION = "nothing to export: the selection is empty"


def facts_of(doc: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The facts of one type, skipping anything that is not a dict."""
    items = doc.get(key) or []
    if not isinstance(items, list):
        return []
    return [f for f in items if isinstance(f, dict)]


_DATE_FIELD = {"visits": "start", "agreements": "date", "events": "date"}


def ordered_facts(doc: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The facts of one type in report order: dated types by date (undated last),
    statistics by metric (first-seen order) then period; others as given."""
    facts = facts_of(doc, key)
    if key in _DATE_FIELD:
        field = _DATE_FIELD[key]
        return sorted(facts, key=lambda f: (not text(f.get(field)), text(f.get(field))))
    if key == "statistics":
        metrics: dict[str, int] = {}
        for f in facts:
            metrics.setdefault(text(f.get("metric")), len(metrics))
        return sorted(
            facts,
            key=lambda f: (
                metrics[text(f.get("metric"))],
                not text(f.get("period")),
                text(f.get("period")),
            ),
        )
    return facts


def fact_count(doc: dict[str, Any]) -> int:
    return sum(len(facts_of(doc, key)) for key, _, _ in FACT_TYPES)


# ---------------------------------------------------------------------------
# Atomic writes


def atomic_write(path: Path, write: Callable[[IO[bytes]], None]) -> Path:
    """Write ``path`` through a temp file in the same folder, then ``os.replace`` it in.

    ``write`` receives a binary file object. If anything fails, the temp file is
    removed and an existing file at ``path`` is left as it was.
    """
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder")
    if not parent.exists():
        raise ExportError(f"cannot write {path}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise ExportError(f"cannot write {path}: {parent} is not a folder")
    tmp = parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            if path.exists():
                os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, ExportError):
            raise
        if isinstance(exc, PermissionError):
            raise ExportError(
                f"cannot write {path}: permission denied (is it open in another program?)"
            ) from exc
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {path}: {_reason(exc)}") from exc
        raise
    return path


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


# ---------------------------------------------------------------------------
# Citations


@dataclass
class Source:
    number: int
    article_id: str
    title: str
    date: str
    quotes: list[str]
    outlet: str = ""
    author: str = ""
    url: str = ""

    @property
    def cited(self) -> Cited:
        """The article as ``app.citation`` cites it."""
        return Cited(self.title, self.outlet, self.author, self.date, self.url, self.article_id)


class Citations:
    """Numbers cited articles in order of first citation; one number per article."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self._articles: dict[str, dict[str, Any]] = {}
        for art in doc.get("articles") or []:
            if isinstance(art, dict) and art.get("id") is not None:
                self._articles.setdefault(str(art["id"]), art)
        self._by_id: dict[str, Source] = {}

    def cite(self, fact: dict[str, Any]) -> list[int]:
        """The citation numbers of a fact's evidence (registering new articles and quotes)."""
        numbers: list[int] = []
        for ev in evidence_of(fact):
            art_id = str(ev["article"])
            src = self._by_id.get(art_id)
            if src is None:
                art = self._articles.get(art_id, {})
                src = Source(
                    number=len(self._by_id) + 1,
                    article_id=art_id,
                    title=text(art.get("title")),
                    date=text(art.get("date")),
                    quotes=[],
                    outlet=text(art.get("outlet")),
                    author=text(art.get("author")),
                    url=safe_url(art.get("url")),
                )
                self._by_id[art_id] = src
            quote = text(ev.get("quote")).strip()
            if quote and quote not in src.quotes:
                src.quotes.append(quote)
            if src.number not in numbers:
                numbers.append(src.number)
        return sorted(numbers)

    @property
    def sources(self) -> list[Source]:
        return sorted(self._by_id.values(), key=lambda s: s.number)

    def mark(self, article_id: str) -> str:
        """``[n]`` for a cited article, else its id."""
        src = self._by_id.get(str(article_id))
        return f"[{src.number}]" if src else f"[{article_id}]"

    def article_ids(self, numbers: list[int]) -> list[str]:
        by_number = {s.number: s.article_id for s in self._by_id.values()}
        return [by_number[n] for n in numbers]


def evidence_of(fact: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for ev in fact.get("evidence") or []:
        if isinstance(ev, dict) and ev.get("article") not in (None, ""):
            out.append(ev)
        elif isinstance(ev, str) and ev:
            out.append({"article": ev})
    return out


def numbered_facts(
    doc: dict[str, Any], citations: Citations
) -> Iterator[tuple[str, str, str, dict[str, Any], list[int]]]:
    """Every fact in report order with its citation numbers.

    Yields (key, type name, section heading, fact, citation numbers). Walking the
    facts in the same order everywhere gives the same numbers in every format.
    """
    for key, type_name, heading in FACT_TYPES:
        for fact in ordered_facts(doc, key):
            yield key, type_name, heading, fact, citations.cite(fact)


# ---------------------------------------------------------------------------
# Formatting helpers


def text(value: Any) -> str:
    """Any value as display text; None is empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return "; ".join(text(v) for v in value if v is not None)
    return str(value)


def one_line(value: Any) -> str:
    return " ".join(text(value).split())


def humanize(value: Any) -> str:
    """``consulate_general`` -> ``Consulate general``."""
    s = text(value).replace("_", " ").strip()
    return s[:1].upper() + s[1:] if s else ""


METRIC_LABELS = {
    "trade_volume": "Trade volume",
    "investment": "Investment",
    "companies": "Companies",
    "joint_projects": "Joint projects",
    "students": "Students",
    "scholarships": "Scholarships",
    "tourists": "Tourists",
    "visa_free_stay_days": "Visa-free stay",
    "official_visits": "Official visits",
    "bilateral_meetings": "Bilateral meetings",
    "trade_partner_rank": "Trade partner rank",
    "agreements_signed": "Agreements signed",
}

QUALIFIER_PREFIX = {
    "more_than": "> ",
    "less_than": "< ",
    "about": "about ",
    "target": "target ",
}


def metric_label(metric: Any) -> str:
    return METRIC_LABELS.get(text(metric), humanize(metric))


def format_statistic_value(stat: dict[str, Any]) -> str:
    """``> $1.9 billion``, ``target $10 billion``, ``863,000 people``."""
    qualifier = text(stat.get("qualifier"))
    return QUALIFIER_PREFIX.get(qualifier, "") + format_amount(stat.get("value"), stat.get("unit"))


def format_equivalents(stat: dict[str, Any]) -> str:
    parts = []
    for eq in stat.get("equivalents") or []:
        if isinstance(eq, dict) and eq.get("value") is not None:
            parts.append(format_amount(eq.get("value"), eq.get("unit")))
    return "; ".join(parts)


def format_period(period: Any) -> str:
    """``2025-01/2025-05`` -> ``2025-01 – 2025-05``."""
    s = text(period)
    return " – ".join(p.strip() for p in s.split("/")) if "/" in s else s


def format_date_range(start: Any, end: Any) -> str:
    s, e = text(start), text(end)
    if s and e and s != e:
        return f"{s} – {e}"
    return s or (f"until {e}" if e else "")


def format_direction(stat: dict[str, Any]) -> str:
    """``KZ → TR`` when the figure has a direction, else the pair ``KZ – TR``."""
    src, dst = text(stat.get("from_country")), text(stat.get("to_country"))
    if src or dst:
        return f"{src or '?'} → {dst or '?'}"
    return " – ".join(text(c) for c in stat.get("countries") or [] if c)


def format_party(person: Any, country: Any) -> str:
    p, c = one_line(person), one_line(country)
    if p and c:
        return f"{p} ({c})"
    return p or c


def format_visit_parties(visit: dict[str, Any]) -> str:
    visitor = format_party(visit.get("visitor"), visit.get("visitor_country"))
    host = format_party(visit.get("host"), visit.get("host_country"))
    return f"{visitor or '?'} → {host or '?'}"


def format_count(agreement: dict[str, Any]) -> str:
    count = agreement.get("count")
    if count is None:
        return ""
    prefix = "more than " if agreement.get("count_qualifier") == "more_than" else ""
    return prefix + format_number(count)


def format_kind_status(kind: Any, status: Any) -> str:
    return " · ".join(x for x in (humanize(kind), text(status)) if x)


def format_generated(generated: datetime | None) -> str:
    when = generated or datetime.now().astimezone()
    out = when.strftime("%Y-%m-%d %H:%M")
    tz = when.tzname() if when.tzinfo else None
    return f"{out} {tz}" if tz else out


def conflicts_text(fact: dict[str, Any], ref: Callable[[str], str] | None = None) -> str:
    """A short description of recorded conflicts, or empty.

    The consolidator's form ``{"kind": [{"value": "official", "articles": [ids]}, ...]}``
    reads ``kind: official [1][2] vs state [3]``, ``ref`` turning an article id into
    its citation mark (without ``ref``, the article ids are listed).
    """
    conflicts = fact.get("conflicts")
    if not conflicts:
        return ""
    if isinstance(conflicts, dict):
        return "; ".join(
            f"{humanize(field).lower()}: {_alternatives(entries, ref)}"
            for field, entries in conflicts.items()
        )
    if isinstance(conflicts, list):
        return "; ".join(p for p in (_alternatives([c], ref) for c in conflicts) if p)
    return text(conflicts)


def _alternatives(entries: Any, ref: Callable[[str], str] | None) -> str:
    if not isinstance(entries, list):
        return _plain_value(entries)
    alts = []
    for entry in entries:
        if isinstance(entry, dict) and "value" in entry:
            arts = [text(a) for a in entry.get("articles") or [] if a]
            refs = "".join(ref(a) for a in arts) if ref else ", ".join(arts)
            alts.append(" ".join(x for x in (_plain_value(entry["value"]), refs) if x))
        elif isinstance(entry, dict):
            alts.append(", ".join(f"{k}: {_plain_value(v)}" for k, v in entry.items()))
        else:
            alts.append(_plain_value(entry))
    return " vs ".join(a for a in alts if a)


def _plain_value(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_plain_value(v) for v in value)
    return one_line(value) or "none"


@dataclass
class Column:
    heading: str
    width: float  # fraction of the table width
    value: Callable[[dict[str, Any]], str]


TABLE_COLUMNS: dict[str, list[Column]] = {
    "visits": [
        Column("Date", 0.14, lambda f: format_date_range(f.get("start"), f.get("end"))),
        Column("Visitor → host", 0.33, format_visit_parties),
        Column("Place", 0.14, lambda f: one_line(f.get("city"))),
        Column("Kind", 0.12, lambda f: humanize(f.get("kind"))),
        Column("Status", 0.12, lambda f: humanize(f.get("status"))),
    ],
    "agreements": [
        Column("Date", 0.11, lambda f: text(f.get("date"))),
        Column("Title", 0.28, lambda f: one_line(f.get("title"))),
        Column("Kind", 0.13, lambda f: format_kind_status(f.get("kind"), f.get("status"))),
        Column("Parties", 0.09, lambda f: ", ".join(text(p) for p in f.get("parties") or [])),
        Column("Areas", 0.20, lambda f: ", ".join(text(a) for a in f.get("areas") or [])),
        Column("Count", 0.08, format_count),
    ],
    "statistics": [
        Column("Metric", 0.20, lambda f: metric_label(f.get("metric"))),
        Column("Value", 0.28, format_statistic_value),
        Column("Period", 0.19, lambda f: format_period(f.get("period"))),
        Column("Direction", 0.15, format_direction),
    ],
    "events": [
        Column("Date", 0.12, lambda f: text(f.get("date"))),
        Column("Kind", 0.17, lambda f: humanize(f.get("kind"))),
        Column("Description", 0.45, lambda f: one_line(f.get("description"))),
        Column("Countries", 0.11, lambda f: ", ".join(text(c) for c in f.get("countries") or [])),
    ],
    "missions": [
        Column("Sending country", 0.18, lambda f: text(f.get("country"))),
        Column("Host country", 0.17, lambda f: text(f.get("host_country"))),
        Column("City", 0.22, lambda f: one_line(f.get("city"))),
        Column("Kind", 0.25, lambda f: humanize(f.get("kind"))),
    ],
    "entities": [
        Column("Name", 0.32, lambda f: one_line(display_name(f))),
        Column("Kind", 0.14, lambda f: humanize(f.get("kind"))),
        Column("Aliases", 0.40, lambda f: ", ".join(one_line(a) for a in f.get("aliases") or [])),
    ],
}

SOURCES_HEADING = "Sources"


def sources_column_width(key: str) -> float:
    return 1.0 - sum(c.width for c in TABLE_COLUMNS[key])


def source_label(src: Source) -> str:
    """The article's citation: ``Outlet, Author, “Title”, 2022-05-10, https://…,
    file.txt`` (parts that are missing are left out; ``app.citation.plain``)."""
    return citation.plain(src.cited)


def safe_url(value: Any) -> str:
    """An http(s) or file address to link to, else "" (a document may come from
    anywhere: a ``javascript:`` link is never made clickable)."""
    url = one_line(value)
    scheme = url.split(":", 1)[0].lower()
    return url if scheme in ("http", "https", "file") and " " not in url else ""


# Which column of each table carries a fact's notes (currency equivalents, conflicts).
NOTES_COLUMN = {
    "visits": 1,
    "agreements": 1,
    "statistics": 1,
    "events": 2,
    "missions": 2,
    "entities": 2,
}


def fact_notes(
    key: str, fact: dict[str, Any], ref: Callable[[str], str] | None = None
) -> list[str]:
    """Secondary lines shown under a fact: currency equivalents, conflicting reports
    (``ref`` turns an article id into a citation mark)."""
    notes = []
    if key == "statistics":
        eq = format_equivalents(fact)
        if eq:
            notes.append(f"equivalent: {eq}")
    conflicts = conflicts_text(fact, ref)
    if conflicts:
        notes.append(f"Conflicting reports: {one_line(conflicts)}")
    return notes


@dataclass
class FactTable:
    """One fact type's table as the text exports lay it out (plain text: each writer
    escapes it its own way); every fact of it cited before its notes are made, so a
    note's marks ("[2]") are the numbers its sources have."""

    heading: str
    headings: list[str]
    """The columns' headings, then ``SOURCES_HEADING`` when any fact is cited."""
    rows: list[list[str]]
    notes: list[list[str]]
    """Per row, the lines under its ``notes_col`` cell (``fact_notes``)."""
    sources: list[list[int]]
    notes_col: int

    @property
    def cited(self) -> bool:
        return any(self.sources)


def fact_tables(doc: dict[str, Any], citations: Citations) -> list[FactTable]:
    """The document's facts as tables, one per type that has any, in report order."""
    tables = []
    for key, _type_name, heading in FACT_TYPES:
        facts = ordered_facts(doc, key)
        if not facts:
            continue
        columns = TABLE_COLUMNS[key]
        sources = [citations.cite(f) for f in facts]
        headings = [c.heading for c in columns] + ([SOURCES_HEADING] if any(sources) else [])
        tables.append(
            FactTable(
                heading=heading,
                headings=headings,
                rows=[[col.value(f) for col in columns] for f in facts],
                notes=[fact_notes(key, f, citations.mark) for f in facts],
                sources=sources,
                notes_col=NOTES_COLUMN.get(key, 0),
            )
        )
    return tables

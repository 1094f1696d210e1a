"""Citations of an article: plain text (the PDF's and the reader's form), BibTeX and RIS.

Pure functions of a :class:`Cited` (no Qt, no database). BibTeX and RIS are written
here rather than through a library: the only BibTeX writers (pybtex, bibtexparser)
neither escape LaTeX's special characters nor guard braces, which is the one part
that needs care, and RIS is one ``TAG  - value`` line per field. Text stays UTF-8
(biber, Zotero, JabRef and BibTeX itself read it); what is escaped is what LaTeX
would read as markup: ``\\ { } $ & % # _ ^ ~``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Cited:
    """What a citation names; empty strings and None are "unknown"."""

    title: str = ""
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    url: str | None = None
    file_name: str = ""


def cited(row: Any) -> Cited:
    """A :class:`Cited` from anything with an article's attributes (an ``ArticleRow``)."""
    return Cited(
        title=getattr(row, "title", "") or "",
        outlet=getattr(row, "outlet", None),
        author=getattr(row, "author", None),
        date=getattr(row, "date", None),
        url=getattr(row, "url", None),
        file_name=getattr(row, "file_name", "") or "",
    )


def _line(value: str | None) -> str:
    return " ".join((value or "").split())


def authors(value: str | None) -> list[str]:
    """The authors of a one-line author field: separated by ``;``, ``&`` or `` and ``
    (a comma may be part of one name: "Sample, Aigerim")."""
    parts = re.split(r"\s*;\s*|\s+&\s+|\s+and\s+", _line(value))
    return [p for p in parts if p]


def parts(c: Cited, with_file: bool = True) -> list[str]:
    """The citation's parts in order: outlet, author, “title”, date, URL, file name."""
    out = [_line(c.outlet), _line(c.author)]
    title = _line(c.title)
    out.append(f"“{title}”" if title else "")
    out += [_line(c.date), _line(c.url)]
    if with_file:
        out.append(_line(c.file_name))
    return [p for p in out if p]


def plain(c: Cited, with_file: bool = True) -> str:
    """``Outlet, Author, “Title”, 2023-04-05, https://…, file.txt``: the parts known."""
    return ", ".join(parts(c, with_file))


# -- BibTeX ------------------------------------------------------------------------------
_TEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_TEX_RE = re.compile("|".join(re.escape(k) for k in _TEX_SPECIAL))


def tex(value: str | None) -> str:
    """One line of user text for a BibTeX field: LaTeX's special characters escaped,
    so the braces around the value always balance."""
    return _TEX_RE.sub(lambda m: _TEX_SPECIAL[m.group(0)], _line(value))


def tex_url(value: str | None) -> str:
    """An address for BibTeX's ``url`` field (read verbatim by ``\\url``): only what
    would unbalance the field's braces is percent-encoded (``%`` stays: an address's
    own ``%20`` must not become ``%2520``)."""
    return (
        _line(value)
        .replace("{", "%7B")
        .replace("}", "%7D")
        .replace("\\", "%5C")
        .replace(" ", "%20")
    )


def _ascii_word(value: str) -> str:
    text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", text)
    return words[0].lower() if words else ""


def bibtex_key(c: Cited) -> str:
    """``sample2023armenia``: the first author's (or the outlet's) last word, the year
    and the title's first long word; ASCII letters and digits only."""
    names = authors(c.author)
    first = names[0] if names else ""
    # "Sample, Aigerim" or "Aigerim Sample": the family name; ", Jane": what there is
    family = first.split(",")[0].split() or first.replace(",", " ").split()
    who = family[-1] if family else (_line(c.outlet).split() or [""])[0]
    year = (c.date or "")[:4] if re.match(r"\d{4}", c.date or "") else ""
    long_words = [w for w in re.split(r"\W+", _line(c.title)) if len(w) > 3]
    key = _ascii_word(who) + year + (_ascii_word(long_words[0]) if long_words else "")
    return key or "article"


def bibtex(c: Cited) -> str:
    """A ``@misc`` entry (news articles have no better standard type in BibTeX; biblatex
    reads ``date`` and ``url``, BibTeX ``year``, ``month`` and ``howpublished``)."""
    fields: list[tuple[str, str]] = []
    if _line(c.title):
        fields.append(("title", "{" + tex(c.title) + "}"))  # inner braces keep its case
    names = authors(c.author)
    if names:
        fields.append(("author", " and ".join(tex(n) for n in names)))
    if _line(c.outlet):
        fields.append(("howpublished", tex(c.outlet)))
    date = _line(c.date)
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", date):
        fields.append(("date", date))
        fields.append(("year", date[:4]))
        if len(date) >= 7:
            fields.append(("month", str(int(date[5:7]))))
    if _line(c.url):
        fields.append(("url", tex_url(c.url)))
    if _line(c.file_name):
        fields.append(("note", "File: " + tex(c.file_name)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{bibtex_key(c)},\n{body}\n}}\n"


# -- RIS -------------------------------------------------------------------------------
def ris(c: Cited) -> str:
    """A ``TY  - NEWS`` record: title, authors, the outlet as the periodical, year,
    date, address, the file name as a note; one line per tag, ``ER`` last."""
    lines = [("TY", "NEWS")]
    if _line(c.title):
        lines.append(("TI", _line(c.title)))
    lines += [("AU", name) for name in authors(c.author)]
    if _line(c.outlet):
        lines.append(("T2", _line(c.outlet)))
    date = _line(c.date)
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", date):
        lines.append(("PY", date[:4]))
        pieces = [*date.split("-"), "", ""]
        lines.append(("DA", f"{pieces[0]}/{pieces[1]}/{pieces[2]}/"))
    if _line(c.url):
        lines.append(("UR", _line(c.url)))
    if _line(c.file_name):
        lines.append(("N1", "File: " + _line(c.file_name)))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\n" for tag, value in lines)

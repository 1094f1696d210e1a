"""HTML articles: the main text (boilerplate, scripts and frames dropped), title, date,
address, outlet and author.

The main text comes from trafilatura, working on the bytes already in memory: it
never downloads anything (no URL is ever given to it), never runs scripts and never
loads images or frames. The date is read from the page's own metadata only
(``<meta name="date">``, ``article:published_time``, ...), not guessed from the text;
so are the address (``link rel=canonical``, ``og:url``), the outlet (``og:site_name``,
the publisher) and the author(s) (``<meta name="author">``, ``article:author``).
"""

from __future__ import annotations

import re

from app.formats import Extracted, FormatError, clean_field, web_address

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_html(html: str) -> Extracted:
    """Extract the article from ``html`` (decoded text)."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_precision=False,
            date_extraction_params={
                "extensive_search": False,
                "original_date": True,
                "outputformat": "%Y-%m-%d",
            },
        )
    except Exception as exc:  # the parser's own failure on rubbish: a reason, not a crash
        raise FormatError(f"the HTML cannot be read ({type(exc).__name__})") from exc
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise FormatError("the HTML page has no article text")
    # One paragraph a line in trafilatura's text; the library's texts keep blank lines
    # between paragraphs.
    text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    title = (getattr(doc, "title", None) or "").strip() or None
    raw_date = getattr(doc, "date", None) or ""
    match = _DATE.fullmatch(str(raw_date).strip())
    return Extracted(
        text=text,
        title=title,
        date=match.group(0) if match else None,
        url=web_address(getattr(doc, "url", None)),
        outlet=clean_field(getattr(doc, "sitename", None)),
        author=clean_field(getattr(doc, "author", None)),
    )

"""The query language, as help text for the window (HTML) and the terminal (plain).

``QUERY_HELP_HTML`` is safe to show in a ``QLabel``/``QTextBrowser`` as rich text;
``QUERY_HELP_TEXT`` is the same for a terminal or a tooltip. The README's
"Search queries" section says the same.
"""

from __future__ import annotations

import html

_ROWS: tuple[tuple[str, str], ...] = (
    ("Erdogan visit", "articles with either word; those with both rank first"),
    ('"strategic partnership"', "the exact phrase"),
    ("trade AND Kazakhstan", "both words (also: OR, NOT, brackets)"),
    ("railway NOT Russia", "the first word but not the second"),
    ("agree*", "words starting with agree (agreed, agreement…)"),
    ("Tokaev~", "words one letter off (finds Tokayev); Tokaev~2 allows two"),
    ("date:2022", "dated in 2022; also date:2022-05 and date:[2022 to 2023]"),
    ("country:KZ", "about a country, by code or name (country:Kazakhstan)"),
    ("person:Tokayev", "naming a person; org:OTS and place:Astana likewise"),
    ("type:visit", "visits (or agreement, statistic, event, mission, entity)"),
    ("source:002*", "from files whose names start with 002"),
    ("language:ru", "articles in Russian (en English, unknown)"),
    ("title:railway", "the word in the title only"),
)

_NOTES = (
    "Case and accents do not matter: Erdogan finds Erdoğan, Izmir finds İzmir.",
    "Plurals and endings match: agreement finds agreements; in Russian every case form "
    "of a word or name finds the others (Токаева finds Токаев, Анкару finds Анкара).",
    "Names cross scripts: a person, place or country known in both (read in English and "
    "in Russian articles) is found by either spelling: Tokayev finds Токаев, Ankara finds "
    "Анкара, and a name known only in Russian is found by its English sound (Tokaev, "
    "Tokayev).",
    "Names are widened to their other names in the library: Turkey also finds "
    "Türkiye, Astana finds Nur-Sultan, OTS finds Organization of Turkic States.",
    "A word no article holds gets a 'Did you mean' link that runs the suggestion: a "
    "misspelt word its spelling, another name of a city (Nur-Sultan, Bombay) the name "
    "the articles use (Astana, Mumbai).",
    "Results can be sorted by relevance or by date and narrowed by year, country, "
    "fact type and source.",
)


def _text() -> str:
    width = max(len(q) for q, _ in _ROWS)
    lines = [f"  {q.ljust(width)}  {what}" for q, what in _ROWS]
    return "Search queries\n" + "\n".join(lines) + "\n\n" + "\n".join(_NOTES) + "\n"


def _html() -> str:
    rows = "".join(
        f"<tr><td><code>{html.escape(q)}</code></td><td>{html.escape(what)}</td></tr>"
        for q, what in _ROWS
    )
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in _NOTES)
    return f"<h3>Search queries</h3><table cellspacing='4'>{rows}</table><ul>{notes}</ul>"


QUERY_HELP_TEXT = _text()
QUERY_HELP_HTML = _html()

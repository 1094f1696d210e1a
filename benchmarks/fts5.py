"""The SQLite FTS5 baseline: the same documents in an FTS5 table, searched with the
same queries (``benchmarks/run.py`` times both).

Articles and facts go into one table with the facet columns the app counts (year,
country, type, source). A search returns 20 article hits ranked by bm25 with a
``snippet()`` each and the total; with facets it also counts the matches by the four
columns. FTS5 has no fuzzy match: a fuzzy query gets the word's first four letters as
a prefix.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from search.schema import ArticleDoc, FactDoc

FACETS = ("year", "country", "type", "source")


def _row(doc: ArticleDoc | FactDoc) -> tuple:
    year = (doc.date or "")[:4]
    countries = " ".join(doc.countries).lower()
    if isinstance(doc, ArticleDoc):
        return (doc.title, doc.text, year, countries, " ".join(doc.fact_types), doc.source,
                "article", doc.id)  # fmt: skip
    return (doc.summary, doc.text, year, countries, doc.type, " ".join(doc.sources),
            "fact", doc.id)  # fmt: skip


def build(db: Path, docs: Iterable[ArticleDoc | FactDoc]) -> int:
    """Create the FTS5 table in ``db`` from ``docs`` (then optimise it); the count."""
    con = sqlite3.connect(db)
    con.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, year, country, type, source,"
        " kind UNINDEXED, ref UNINDEXED, tokenize='porter unicode61 remove_diacritics 2')"
    )
    rows: list[tuple] = []
    count = 0
    for doc in docs:
        rows.append(_row(doc))
        count += 1
        if len(rows) >= 5000:
            con.executemany("INSERT INTO fts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            rows.clear()
    con.executemany("INSERT INTO fts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.commit()
    con.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    con.commit()
    con.close()
    return count


def search(con: sqlite3.Connection, match: str, facets: bool) -> int:
    """20 article hits with snippets, the total and (``facets``) the facet counts."""
    con.execute(
        "SELECT ref, title, snippet(fts, 1, '[', ']', '…', 16) FROM fts"
        " WHERE fts MATCH ? AND kind = 'article' ORDER BY rank LIMIT 20",
        (match,),
    ).fetchall()
    total = con.execute(
        "SELECT count(*) FROM fts WHERE fts MATCH ? AND kind = 'article'", (match,)
    ).fetchone()[0]
    if facets:
        for column in FACETS:
            con.execute(
                f"SELECT {column}, count(*) FROM fts WHERE fts MATCH ? AND kind = 'article'"
                f" GROUP BY {column} ORDER BY 2 DESC LIMIT 12",
                (match,),
            ).fetchall()
    return int(total)

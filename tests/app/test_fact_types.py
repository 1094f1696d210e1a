"""One registry of fact types: the CLI, search, views and exports all read it."""

from __future__ import annotations

import pytest

from app import fact_types
from app.cli import _fact_types
from app.export.common import FACT_TYPES as EXPORT_TYPES
from app.extract.model import FACT_TYPES as DOCUMENT_TYPES
from app.views import SINGULAR, VIEW_OF_TYPE
from search.query import fact_type


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("visit", "visits"),
        ("Visits", "visits"),
        ("statistic", "statistics"),
        ("figure", "statistics"),
        ("Figures", "statistics"),
        ("ENTITY", "entities"),
        ("missions", "missions"),
    ],
)
def test_every_part_reads_a_type_the_same_way(written: str, meant: str) -> None:
    assert fact_types.parse(written) == meant
    assert fact_type(written) == meant  # search's type:… field
    assert _fact_types(written) == [meant]  # the CLI's --type


def test_an_unknown_type_is_named_with_the_known_ones() -> None:
    assert fact_types.parse("treaty") is None
    with pytest.raises(ValueError, match=r"unknown fact type 'treaty' \(use visits, agreements"):
        _fact_types("visit,treaty")


def test_the_lists_of_types_are_the_registry() -> None:
    assert DOCUMENT_TYPES == fact_types.NAMES
    assert [t[0] for t in EXPORT_TYPES] == list(fact_types.NAMES)
    assert set(VIEW_OF_TYPE) == set(SINGULAR) == set(fact_types.NAMES)
    assert SINGULAR["statistics"] == "figure" and VIEW_OF_TYPE["events"] == "Timeline"
    assert [t.name for t in fact_types.REGISTRY if t.on_timeline] == [
        "visits",
        "agreements",
        "events",
    ]

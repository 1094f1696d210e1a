"""Typed values checked as a person types them (the window's editor and `attache edit`
share the rules): what is stored, and why a value is refused."""

from __future__ import annotations

import pytest

from app.fact_fields import FIELDS, FieldError, as_text, parse
from app.fact_types import NAMES


@pytest.mark.parametrize(
    ("fact_type", "name", "typed", "stored"),
    [
        ("visits", "start", "2022", "2022"),
        ("visits", "start", "2022-05-10", "2022-05-10"),
        ("visits", "host_country", "Kazakhstan", "KZ"),
        ("visits", "host_country", "kz", "KZ"),
        ("visits", "host_country", "Türkiye (TR)", "TR"),
        ("visits", "kind", "State", "state"),
        ("visits", "city", "  Ulaanbaatar ", "Ulaanbaatar"),
        ("visits", "end", "", None),
        ("statistics", "value", "5.2 billion", 5_200_000_000),
        ("statistics", "value", "5,200,000", 5_200_000),
        ("statistics", "value", "12.5", 12.5),
        ("statistics", "period", "2005/2024", "2005/2024"),
        ("statistics", "period", "2025-01/2025-05", "2025-01/2025-05"),
        ("statistics", "qualifier", "more than", "more_than"),
        ("statistics", "metric", "port calls", "port_calls"),
        ("agreements", "parties", "Peru, cl", ["CL", "PE"]),
        ("agreements", "count", "12", 12),
        ("agreements", "areas", "energy, mining", ["energy", "mining"]),
        ("events", "kind", "council meeting", "council_meeting"),
        ("missions", "kind", "consulate general", "consulate_general"),
    ],
)
def test_a_value_typed_is_stored_as_the_schema_wants(
    fact_type: str, name: str, typed: str, stored: object
) -> None:
    assert parse(fact_type, name, typed) == stored


@pytest.mark.parametrize(
    ("fact_type", "name", "typed", "reason"),
    [
        ("visits", "start", "10 May 2022", "not a date: write 2022, 2022-05 or 2022-05-10"),
        ("visits", "start", "2023-02-30", "not a date of the calendar"),
        ("visits", "host_country", "Atlantis", "not a country"),
        ("visits", "kind", "secret", "one of state, official, working"),
        ("visits", "status", "", "cannot be empty"),
        ("statistics", "value", "a lot", "not a number"),
        ("statistics", "value", "-3", "cannot be negative"),
        ("statistics", "value", "5,2 billion", "a point for decimals"),  # not 52 billion
        ("statistics", "period", "2024/2020", "ends before it starts"),
        ("agreements", "count", "0", "1 or more"),
        ("visits", "planet", "Mars", "has no field 'planet'"),
    ],
)
def test_a_bad_value_is_refused_with_the_reason(
    fact_type: str, name: str, typed: str, reason: str
) -> None:
    with pytest.raises(FieldError, match=reason):
        parse(fact_type, name, typed)


def test_every_type_has_editable_fields_and_values_round_trip() -> None:
    assert set(FIELDS) == set(NAMES)
    assert as_text(["KZ", "TR"]) == "KZ, TR" and as_text(5e9) == "5000000000"
    assert parse("agreements", "parties", as_text(["KZ", "TR"])) == ["KZ", "TR"]

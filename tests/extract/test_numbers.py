"""Quantities: digits, scales, number words, currencies, qualifiers, conversions."""

from __future__ import annotations

import pytest

from app.extract.numbers import find_quantities, ordinal_value


def first(text: str) -> tuple[float, str | None, str | None]:
    q = find_quantities(text)[0]
    return q.value, q.unit, q.qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trade reached $5.2 billion", (5.2e9, "USD", None)),
        ("worth TL 202.86 billion", (202.86e9, "TRY", None)),
        ("some 3,538 firms", (3538, None, "about")),
        ("Seventy-eight joint projects", (78, None, None)),
        ("More than 12,000 students", (12000, None, "more_than")),
        ("over a dozen agreements", (12, None, "more_than")),
        ("exports of 5 billion euros", (5e9, "EUR", None)),
        ("a EUR 3 million grant", (3e6, "EUR", None)),
        ("loans of €160bn", (160e9, "EUR", None)),
        ("less than 40 days", (40, None, "less_than")),
        ("Twenty one thousand visitors", (21000, None, None)),
    ],
)
def test_quantities(text: str, expected: tuple[float, str | None, str | None]) -> None:
    value, unit, qualifier = first(text)
    assert value == pytest.approx(expected[0])
    assert (unit, qualifier) == expected[1:]


def test_bracketed_conversion_is_marked() -> None:
    qs = find_quantities("to $10 billion (TL 152 billion) and 5 trillion yen (about $37 billion)")
    assert [(q.unit, q.bracketed) for q in qs] == [
        ("USD", False),
        ("TRY", True),
        ("JPY", False),
        ("USD", True),
    ]


def test_range_gives_both_ends() -> None:
    assert [q.value for q in find_quantities("from 30 to 90 days")] == [30, 90]


def test_ordinals_are_not_quantities() -> None:
    assert find_quantities("the 33rd anniversary") == []
    assert ordinal_value("fifth") == 5
    assert ordinal_value("4th") == 4
    assert ordinal_value("many") is None


def test_text_without_numbers() -> None:
    assert find_quantities("someone said nothing") == []

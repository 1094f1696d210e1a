"""Dates: absolute, partial, ranges and relative expressions against the article date."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract.dates import find_dates, infer_article_date, weekday_date

REF = date(2025, 7, 29)  # a Tuesday


def values(text: str, ref: date | None = REF, **kw: object) -> list[str | None]:
    return [d.value for d in find_dates(text, ref, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks were held on March 2, 1992.", ["1992-03-02"]),
        ("It happened on 16 December 1991 in the capital.", ["1991-12-16"]),
        ("He visited on Oct. 12-13 2022.", ["2022-10-12/2022-10-13"]),
        ("She came on 3-4 June 2021.", ["2021-06-03/2021-06-04"]),
        ("The office opened in October 1992.", ["1992-10"]),
        ("They signed it in 2009.", ["2009"]),
        ("It grew between 2005 and 2024.", ["2005/2024"]),
        ("Trade between January and May rose.", ["2025-01/2025-05"]),
        ("Grants for the 2024-2025 academic year.", ["2024/2025"]),
        ("Arrivals rose last year.", ["2024"]),
        ("This year marks the anniversary.", ["2025"]),
        ("Exports fell in January.", ["2025-01"]),
        ("The minister arrived on Tuesday.", ["2025-07-29"]),
        ("The minister arrived on Monday.", ["2025-07-28"]),
        ("The council will meet on Friday.", ["2025-08-01"]),
        ("The accord was signed Thursday.", ["2025-07-24"]),
    ],
)
def test_find_dates(text: str, expected: list[str]) -> None:
    assert values(text) == expected


def test_months_after_the_article_month_belong_to_the_previous_year() -> None:
    assert values("Talks began in November.") == ["2024-11"]


def test_same_period_takes_the_last_period() -> None:
    assert values("Visitors came in the same period.", last_period="2024") == ["2024"]


def test_numbers_are_not_years() -> None:
    assert values("It costs $2,009 and 1,995 people came; 2021.5 units.") == []


def test_weekday_date() -> None:
    assert weekday_date("Tuesday", REF, future=False) == REF
    assert weekday_date("Wednesday", REF, future=False) == date(2025, 7, 23)
    assert weekday_date("Wednesday", REF, future=True) == date(2025, 7, 30)


def test_infer_article_date_from_a_range_and_a_weekday() -> None:
    text = (
        "The minister visited the capital on Nov. 14-15 2023. On Wednesday the two "
        "leaders met the press. Relations were set up on March 2, 1992."
    )
    assert infer_article_date(text) == "2023-11-15"


def test_infer_article_date_without_a_day_is_none() -> None:
    assert infer_article_date("Relations improved in 2019 and again last year.") is None


def test_day_month_without_year_takes_the_article_year() -> None:
    assert values("It opened on 14 March.", date(2023, 6, 1)) == ["2023-03-14"]


def test_day_ranges_without_a_year() -> None:
    ref = date(2024, 3, 1)
    assert values("He will visit from March 6 to 8.", ref) == ["2024-03-06/2024-03-08"]
    assert values("The talks ran 4-5 February.", ref) == ["2024-02-04/2024-02-05"]

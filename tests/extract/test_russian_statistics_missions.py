"""Russian figures (trade, investment, companies, tourists, ranks) and diplomatic missions,
read by the same recognisers as English through the Russian language module; sentences
written for these tests, with invented figures and other country pairs."""

from __future__ import annotations

from typing import Any

import pytest

from app.extract import extract_article


def _facts(text: str, kind: str, date: str | None = "2024-05-06") -> list[dict[str, Any]]:
    return [c.data for c in extract_article("t.txt", text, date, "ru").facts if c.type == kind]


def stats(text: str, date: str | None = "2024-05-06") -> set[tuple[Any, ...]]:
    keys = ("metric", "value", "unit", "qualifier", "period", "from_country", "to_country")
    return {tuple(d[k] for k in keys) for d in _facts(text, "statistics", date)}


def missions(text: str) -> set[tuple[Any, ...]]:
    keys = ("country", "host_country", "city", "kind")
    return {tuple(d[k] for k in keys) for d in _facts(text, "missions")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Товарооборот между Арменией и Монголией за 2023 год составил 1,2 млрд долларов.",
            ("trade_volume", 1.2e9, "USD", "actual", "2023", None, None),
        ),
        (
            "По итогам 2022 года взаимная торговля Грузии и Вьетнама выросла до 850 млн долларов.",
            ("trade_volume", 8.5e8, "USD", "actual", "2022", None, None),
        ),
        (
            "За первые четыре месяца этого года товарооборот Армении и Монголии достиг "
            "300 млн долларов.",
            ("trade_volume", 3e8, "USD", "actual", "2024-01/2024-04", None, None),
        ),
        (
            "Сейчас товарооборот Грузии и Вьетнама составляет около 900 млн долларов.",
            ("trade_volume", 9e8, "USD", "about", None, None, None),
        ),
    ],
)
def test_trade_figures_and_their_periods(text: str, expected: tuple[Any, ...]) -> None:
    assert stats(text) == {expected}


def test_a_goal_to_raise_trade_is_a_target_and_its_start_an_actual_figure() -> None:
    text = (
        "Премьер Армении сообщил о планах нарастить товарооборот с Монголией – с $0,6 млрд "
        "до $1,5 млрд в год."
    )
    assert stats(text) == {
        ("trade_volume", 6e8, "USD", "actual", None, None, None),
        ("trade_volume", 1.5e9, "USD", "target", None, None, None),
    }


def test_raising_to_and_the_perfective_future_are_targets() -> None:
    assert stats("Грузия и Вьетнам договорились довести товарооборот до 2 млрд долларов.") == {
        ("trade_volume", 2e9, "USD", "target", None, None, None)
    }
    assert stats("Товарооборот Армении и Монголии в будущем достигнет $3 млрд.") == {
        ("trade_volume", 3e9, "USD", "target", None, None, None)
    }


def test_a_past_change_is_no_target_and_the_compared_year_is_no_period() -> None:
    text = (
        "В 2021 году товарооборот Грузии и Вьетнама сократился на 7% по сравнению с 2020 "
        "годом — до 640 млн долларов."
    )
    assert stats(text) == {("trade_volume", 6.4e8, "USD", "actual", "2021", None, None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an adjective before the noun, "в экономику X" after it
            "Монгольские инвестиции в экономику Армении превысили 400 млн долларов.",
            ("investment", 4e8, "USD", "more_than", None, "MN", "AM"),
        ),
        (  # the owner after the noun in the genitive
            "Объём прямых инвестиций Вьетнама в Грузию составил 120 млн долларов.",
            ("investment", 1.2e8, "USD", "actual", None, "VN", "GE"),
        ),
        (  # "from X" before the noun
            "С момента независимости Армения получила от Монголии инвестиций на сумму "
            "1,5 млрд долларов.",
            ("investment", 1.5e9, "USD", "actual", "1991/2024", "MN", "AM"),
        ),
        (
            "С 1992 года Армения вложила в экономику Монголии более 2 млрд долларов.",
            ("investment", 2e9, "USD", "more_than", "1992/2024", "AM", "MN"),
        ),
        (
            "За последние десять лет инвестиции Грузии во Вьетнам составили 90 млн долларов.",
            ("investment", 9e7, "USD", "actual", "2014/2024", "GE", "VN"),
        ),
    ],
)
def test_investment_direction_and_periods(text: str, expected: tuple[Any, ...]) -> None:
    assert stats(text) == {expected}


def test_investment_of_joint_projects_has_no_direction() -> None:
    text = (
        "Армения и Монголия реализуют более 40 совместных проектов с общим объёмом "
        "инвестиций свыше $3 млрд."
    )
    assert stats(text) == {
        ("joint_projects", 40.0, "projects", "more_than", None, None, None),
        ("investment", 3e9, "USD", "more_than", None, None, None),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Количество компаний с участием армянского капитала в Монголии достигло 250.",
            ("companies", 250.0, "companies", "actual", None, "AM", "MN"),
        ),
        (
            "В Грузии работают более 120 вьетнамских предприятий.",
            ("companies", 120.0, "companies", "more_than", None, "VN", "GE"),
        ),
        (
            "В прошлом году Монголию посетили 40 тысяч армянских туристов.",
            ("tourists", 40000.0, "people", "actual", "2023", "AM", "MN"),
        ),
    ],
)
def test_counts_with_their_direction(text: str, expected: tuple[Any, ...]) -> None:
    assert stats(text) == {expected}


def test_ranks_of_trading_partners() -> None:
    assert stats("Монголия является крупнейшим торговым партнером Армении.") == {
        ("trade_partner_rank", 1, "rank", "actual", None, "MN", "AM")
    }
    assert stats("Вьетнам стал третьим по величине торговым партнёром Грузии.") == {
        ("trade_partner_rank", 3, "rank", "actual", None, "VN", "GE")
    }
    # "one of the largest", "among the top ten": no rank 1
    assert stats("Грузия — одним из крупнейших торговых партнеров Вьетнама.") == set()
    assert stats("Армения входит в десятку ведущих торговых партнеров Монголии.") == set()


def test_money_of_another_kind_is_no_figure() -> None:
    text = "Армения предоставила Монголии кредит в размере 50 млн долларов."
    assert stats(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Посольство Армении в Улан-Баторе открылось в 2010 году.",
            {("AM", "MN", "Ulan Bator", "embassy")},
        ),
        (
            "Вьетнамское посольство в Тбилиси провело приём.",
            {("VN", "GE", "Tbilisi", "embassy")},
        ),
        (
            "Монголия имеет посольство в Ереване и почётное консульство в Гюмри.",
            {("MN", "AM", "Yerevan", "embassy"), ("MN", "AM", "Gyumri", "honorary_consulate")},
        ),
        (
            "Генконсульство Вьетнама в Батуми обслуживает граждан.",
            {("VN", "GE", "Batumi", "consulate_general")},
        ),
        (
            "Новые генеральные консульства Грузии, открытые во вьетнамских городах Дананг "
            "и Хайфон, начали работу.",
            {
                ("GE", "VN", "Da Nang", "consulate_general"),
                ("GE", "VN", "Haiphong", "consulate_general"),
            },
        ),
        (
            "Посольство Монголии в армянской столице переехало в новое здание.",
            {("MN", "AM", "Yerevan", "embassy")},
        ),
        (  # a country is no city
            "Посольство Армении в Монголии отметило праздник.",
            set(),
        ),
    ],
)
def test_missions_sender_kind_and_city_in_english(
    text: str, expected: set[tuple[Any, ...]]
) -> None:
    assert missions(text) == expected


def test_english_keeps_the_city_as_written() -> None:
    text = "Peru runs an honorary consulate in Hatay, Peruvian officials told Turkish media."
    found = [c.data for c in extract_article("t.txt", text, "2024-05-06").facts]
    assert [(d["city"], d["canonical"]) for d in found if "kind" in d and "city" in d] == [
        ("Hatay", "Antakya")
    ]


def test_a_city_named_before_the_mission_in_the_russian_word_order() -> None:
    text = (
        "С 2001 года в Улан-Баторе действует посольство Армении. В Ереване находится "
        "посольство Монголии, а в 2019 году в Гюмри было открыто консульство Монголии. "
        "В Ереване прошла встреча, посольство Монголии направило ноту."
    )
    found = {
        (f.data["country"], f.data["host_country"], f.data["city"], f.data["kind"])
        for f in extract_article("m.txt", text, "2024-05-01", "ru").facts
        if f.type == "missions"
    }
    assert found == {
        ("AM", "MN", "Ulan Bator", "embassy"),  # the gazetteer's English name
        ("MN", "AM", "Yerevan", "embassy"),
        ("MN", "AM", "Gyumri", "consulate_general"),
    }


def test_money_attracted_into_an_economy_is_investment_and_a_promise_a_target() -> None:
    text = (
        "Реализация договоренностей позволит привлечь в экономику Армении до 2 млрд. "
        "долларов в ближайшие три года. Армения и Монголия подписали соглашение."
    )
    (figure,) = [
        f.data
        for f in extract_article("i.txt", text, "2024-05-01", "ru").facts
        if f.type == "statistics"
    ]
    assert (figure["metric"], figure["value"], figure["qualifier"], figure["to_country"]) == (
        "investment",
        2e9,
        "target",
        "AM",
    )


def test_a_figure_quoted_without_and_with_its_year_is_one_figure() -> None:
    text = (
        "Товарооборот Армении и Монголии вырос до $40 млн. Об этом заявил министр. "
        "По его словам, товарооборот вырос до $40 млн в 2023 году."
    )
    figures = [
        (f.data["value"], f.data["period"])
        for f in extract_article("e.txt", text, "2024-05-01", "ru").facts
        if f.type == "statistics"
    ]
    assert figures == [(4e7, "2023")]

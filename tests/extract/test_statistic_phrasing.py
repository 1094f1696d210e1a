"""Phrasings of figures about a pair (trade, investment, ranks, ...), one test per class, each
in sentences written for this test with invented figures and varied country pairs."""

from __future__ import annotations

from typing import Any

from app.extract import extract_article
from app.extract.numbers import find_quantities


def stats(text: str, date: str | None = "2024-05-06") -> list[dict[str, Any]]:
    return [c.data for c in extract_article("t.txt", text, date).facts if c.type == "statistics"]


def brief(text: str, date: str | None = "2024-05-06") -> set[tuple[Any, ...]]:
    keys = ("metric", "value", "unit", "qualifier", "period", "from_country", "to_country")
    return {tuple(d[k] for k in keys) for d in stats(text, date)}


def test_a_raise_to_target_takes_only_its_deadline_as_period() -> None:
    text = (
        "In 2023 Chile and Peru agreed to raise bilateral trade to $8 billion by 2030, Lima "
        "said. The $8 billion goal was confirmed on Monday."
    )
    assert brief(text) == {("trade_volume", 8e9, "USD", "target", "2030", None, None)}


def test_aim_to_reach_is_a_target() -> None:
    text = "Norway and Poland aim to reach a trade turnover of 5 billion euros in the coming years."
    assert brief(text) == {("trade_volume", 5e9, "EUR", "target", None, None, None)}


def test_a_target_named_after_the_amount() -> None:
    text = "Ghanaian and Kenyan officials said the $12 billion trade goal remains within reach."
    assert brief(text) == {("trade_volume", 12e9, "USD", "target", None, None, None)}


def test_the_starting_point_of_a_target_is_an_actual_figure() -> None:
    text = "The goal is to grow Ghana-Kenya trade to $2 billion from $900 million in 2023."
    assert brief(text) == {
        ("trade_volume", 9e8, "USD", "actual", "2023", None, None),
        ("trade_volume", 2e9, "USD", "target", None, None, None),
    }


def test_two_targets_sharing_one_scale() -> None:
    text = "Croatian officials expect trade with Slovenia to reach 3 or 4 billion euros by 2027."
    assert brief(text) == {
        ("trade_volume", 3e9, "EUR", "target", "2027", None, None),
        ("trade_volume", 4e9, "EUR", "target", "2027", None, None),
    }


def test_over_the_past_n_years_and_investment_direction() -> None:
    text = (
        "Over the past five years, Korean companies invested $3.1 billion in Vietnam, the "
        "Vietnamese planning ministry said."
    )
    assert brief(text) == {("investment", 3.1e9, "USD", "actual", "2019/2024", "KR", "VN")}


def test_since_a_year_runs_to_the_article_year() -> None:
    text = "Since 2015, Greek investment in Egypt has exceeded $1.2 billion, Cairo said."
    assert brief(text) == {("investment", 1.2e9, "USD", "more_than", "2015/2024", "GR", "EG")}


def test_since_a_month_after_a_count_of_meetings() -> None:
    text = "Estonia's and Finland's presidents have held nine bilateral meetings since March 2021."
    assert brief(text) == {
        ("bilateral_meetings", 9, "meetings", "actual", "2021-03/2024", None, None)
    }


def test_since_the_founding_of_a_body_dated_elsewhere_in_the_article() -> None:
    text = (
        "Chile and Peru founded their Joint Commission in 2004. The two countries have signed "
        "45 agreements since the founding of the Joint Commission."
    )
    got = brief(text)
    assert ("agreements_signed", 45, "documents", "actual", "2004/2024", None, None) in got


def test_last_year_and_more_than() -> None:
    text = "Trade between Hungary and Slovakia topped 14 billion euros last year."
    assert brief(text) == {("trade_volume", 14e9, "EUR", "more_than", "2023", None, None)}


def test_an_indian_fiscal_year_is_its_months() -> None:
    text = "India's trade with Japan was worth $22.8 billion in FY 2022-23, officials said."
    assert brief(text) == {("trade_volume", 22.8e9, "USD", "actual", "2022-04/2023-03", None, None)}


def test_a_month_range_and_almost_is_about() -> None:
    text = (
        "Trade between Serbia and Croatia in January-June 2024 totalled almost 1.1 billion euros."
    )
    assert brief(text) == {("trade_volume", 1.1e9, "EUR", "about", "2024-01/2024-06", None, None)}


def test_first_months_of_this_year() -> None:
    text = (
        "In the first four months of this year, trade between Chile and Peru rose to $600 million."
    )
    assert brief(text) == {("trade_volume", 6e8, "USD", "actual", "2024-01/2024-04", None, None)}


def test_a_current_figure_has_no_period() -> None:
    text = "In 2024, Chile-Peru trade currently amounts to about $4 billion a year."
    assert brief(text) == {("trade_volume", 4e9, "USD", "about", None, None, None)}


def test_a_bracketed_conversion_is_an_equivalent_not_a_second_figure() -> None:
    text = "Polish investments in Lithuania exceeded 2 billion euros (about $2.2 billion)."
    got = stats(text)
    assert len(got) == 1
    assert got[0]["metric"] == "investment" and got[0]["value"] == 2e9
    assert (got[0]["from_country"], got[0]["to_country"]) == ("PL", "LT")
    assert got[0]["equivalents"] == [{"value": 2.2e9, "unit": "USD"}]


def test_the_metric_nearest_the_amount_counts() -> None:
    text = (
        "Two-way trade between Ghana and Kenya came to $900 million in 2023, and Kenyan "
        "exports to Ghana alone were worth $610 million."
    )
    got = brief(text)
    assert ("trade_volume", 9e8, "USD", "actual", "2023", None, None) in got
    assert ("exports", 6.1e8, "USD", "actual", "2023", "KE", "GH") in got
    assert not any(m == "trade_volume" and v == 6.1e8 for m, v, *_ in got)


def test_imports_from_a_country_are_its_exports() -> None:
    text = "Kenya's imports from Ghana rose to $310 million last year."
    assert brief(text) == {("exports", 3.1e8, "USD", "actual", "2023", "GH", "KE")}


def test_an_amount_before_its_metric_word() -> None:
    text = "Polish firms committed 900 million euros in investment in Norway during the fair."
    assert brief(text) == {("investment", 9e8, "EUR", "actual", None, "PL", "NO")}


def test_a_loan_or_a_project_is_no_trade_figure() -> None:
    text = (
        "Trade between Ghana and Kenya is growing, and Kenya will receive a $500 million "
        "loan for a Ghanaian-built railway. The bridge project is estimated at $80 million."
    )
    assert stats(text) == []


def test_a_sentence_about_other_countries_gives_no_figure() -> None:
    text = (
        "Chile and Peru discussed trade. A Danish shipping group will invest $4 billion in "
        "Swedish ports."
    )
    assert stats(text) == []


def test_a_following_sentence_continues_the_money_figure() -> None:
    text = (
        "The Uruguayan minister said Uruguay and Paraguay want to increase trade to $3 "
        'billion. "Today we stand at $1.8 billion," he added.'
    )
    got = brief(text)
    assert ("trade_volume", 3e9, "USD", "target", None, None, None) in got
    assert ("trade_volume", 1.8e9, "USD", "actual", None, None, None) in got


def test_our_firms_investment_takes_the_speakers_country() -> None:
    text = (
        "Chile's foreign minister Ana Soto spoke in Lima. \"Our companies' investment here "
        'has passed $700 million," she said.'
    )
    assert ("investment", 7e8, "USD", "actual", None, "CL", "PE") in brief(text)


def test_bilateral_investment_has_no_direction() -> None:
    text = "Egypt and Greece agreed to raise bilateral investment to $3 billion."
    assert brief(text) == {("investment", 3e9, "USD", "target", None, None, None)}


def test_a_batch_signed_at_the_event_is_no_figure() -> None:
    text = "Nine agreements on energy and mining were signed by Chile and Peru at the ceremony."
    assert stats(text) == []


def test_rank_runs_from_the_partner_to_the_ranking_country() -> None:
    text = "Lithuania is Poland's fourth-largest trading partner, Warsaw said."
    assert brief(text) == {("trade_partner_rank", 4, "rank", "actual", None, "LT", "PL")}


def test_each_others_partners_give_both_directions() -> None:
    text = "Egypt and Greece rank as each other's tenth largest trade partners."
    assert brief(text) == {
        ("trade_partner_rank", 10, "rank", "actual", None, "EG", "GR"),
        ("trade_partner_rank", 10, "rank", "actual", None, "GR", "EG"),
    }


def test_students_take_the_home_country_of_the_community() -> None:
    text = "Chile hosts a large Peruvian diaspora, including some 3,000 students."
    assert ("students", 3000, "people", "about", None, "PE", "CL") in brief(text)


def test_currency_forms() -> None:
    text = "from USD275 million to RM12.5bil and 3 billion pounds or 2 billion yuan"
    got = [(q.value, q.unit) for q in find_quantities(text)]
    assert got == [(2.75e8, "USD"), (12.5e9, "MYR"), (3e9, "GBP"), (2e9, "CNY")]


def test_a_third_countrys_investment_in_one_of_the_pair_is_not_the_pairs() -> None:
    text = (
        "Kenya and Ghana met in Accra. Chinese FDI in Ghana exceeded $2 billion in 2023, while "
        "Kenyan FDI in Ghana reached $300 million."
    )
    got = brief(text)
    assert ("investment", 3e8, "USD", "actual", None, "KE", "GH") in got
    assert not any(v == 2e9 for _m, v, *_ in got)


def test_the_number_of_students_reached() -> None:
    text = "The number of Ghanaian students in Kenya reached 4,000 last year."
    assert brief(text) == {("students", 4000, "people", "actual", "2023", "GH", "KE")}


def test_a_date_after_a_second_figure_is_that_figures() -> None:
    text = (
        "Trade between Peru and Chile rose to $6.2 billion in 2023 as against $5.9 billion in "
        "2022. It was $4.8 billion in 2021."
    )
    assert brief(text) == {
        ("trade_volume", 6.2e9, "USD", "actual", "2023", None, None),
        ("trade_volume", 5.9e9, "USD", "actual", "2022", None, None),
        ("trade_volume", 4.8e9, "USD", "actual", "2021", None, None),
    }


def test_trade_with_a_third_country_is_not_the_pairs() -> None:
    text = (
        "Ghana and Kenya held talks. Meanwhile, Ghana's trade with Nigeria reached $1.1 billion "
        "last year."
    )
    assert stats(text) == []


def test_the_fiscal_year_of_the_country_named_nearest() -> None:
    text = (
        "Figures from Pakistan's statistics bureau show trade with the United States reached "
        "$6.9 billion in fiscal year 2022-23."
    )
    assert brief(text) == {("trade_volume", 6.9e9, "USD", "actual", "2022-07/2023-06", None, None)}


def test_money_described_as_something_else_right_after_it_is_blocked() -> None:
    text = "Kenya and Ghana discussed trade and the $3 billion Chinese-funded railway project."
    assert stats(text) == []


def test_grew_to_reach_is_a_result_and_its_own_year_wins() -> None:
    text = (
        "Bilateral trade between Kenya and Ghana has tripled over the last decade to reach "
        "$900 million in 2023."
    )
    assert brief(text) == {("trade_volume", 9e8, "USD", "actual", "2023", None, None)}

"""Russian visits and events (app/extract/lang/ru/visits.py, events.py) through the
language-independent recognisers: who visits whom, held or planned, the kind and date of
a visit; the kinds, ordinals and dates of events.  Sentences written for this test."""

from __future__ import annotations

from typing import Any

from app.extract import extract_article
from app.extract.lang.ru import core as ru_core

REF = "2025-06-10"


def _facts(text: str, kind: str, ref: str | None = REF) -> list[dict[str, Any]]:
    return [c.data for c in extract_article("t", text, ref, "ru").facts if c.type == kind]


def _visit(text: str, ref: str | None = REF) -> dict[str, Any]:
    found = _facts(text, "visits", ref)
    assert len(found) == 1, found
    return found[0]


def test_state_visit_arrived_is_held_with_kind_and_latin_names() -> None:
    v = _visit(
        "Президент Армении Арам Саакян прибыл с государственным визитом в Монголию. "
        "Он встретился с президентом Монголии Батбаяром Ганзоригом."
    )
    assert (v["visitor_country"], v["host_country"]) == ("AM", "MN")
    assert v["status"] == "held" and v["kind"] == "state"
    assert v["visitor"] == "Aram Saakyan" and v["host"] == "Batbayar Ganzorig"
    assert v["start"] == REF  # "прибыл" with no date of its own: the article's day


def test_visit_kinds_in_every_case() -> None:
    for text, kind in (
        ("Премьер-министр Грузии Леван Кобахидзе в рамках рабочего визита во Вьетнам "
         "провел переговоры в Ханое.", "working"),
        ("Глава МИД Вьетнама Буй Тхань Шон находится с официальным визитом в Тбилиси.",
         "official"),
    ):  # fmt: skip
        assert _visit(text)["kind"] == kind, text


def test_perfective_future_plans_a_dated_visit() -> None:
    v = _visit("Премьер-министр Грузии Леван Кобахидзе посетит Вьетнам в марте 2026 года.")
    assert (v["visitor_country"], v["host_country"]) == ("GE", "VN")
    assert (v["status"], v["start"]) == ("planned", "2026-03")


def test_planning_word_after_the_visit_noun() -> None:
    v = _visit("Визит премьер-министра Грузии Левана Кобахидзе во Вьетнам запланирован на октябрь.")
    assert (v["visitor_country"], v["host_country"], v["status"]) == ("GE", "VN", "planned")
    assert v["start"] == "2025-10"


def test_genitive_visitor_after_the_destination() -> None:
    v = _visit(
        "В мае 2023 года по приглашению президента Монголии состоялся официальный визит "
        "президента Армении Арама Саакяна в Улан-Батор."
    )
    assert (v["visitor_country"], v["host_country"]) == ("AM", "MN")
    assert (v["kind"], v["start"], v["status"]) == ("official", "2023-05", "held")
    assert v["host"] is None  # only invited: nobody is said to welcome him
    assert v["city"] == "Ulan Bator"  # the city's standard (English) name


def test_visit_of_a_titled_leader_named_by_country_only() -> None:
    # Vietnam and Georgia both named: the country after the title is the visitor's
    v = _visit("Вьетнам и Грузия ожидают предстоящего визита президента Грузии во Вьетнам.")
    assert (v["visitor_country"], v["host_country"], v["status"]) == ("GE", "VN", "planned")


def test_welcomed_and_received_make_the_subject_the_host() -> None:
    for text in (
        "Президент Монголии Батбаяр Ганзориг приветствовал в Улан-Баторе президента Армении "
        "Арама Саакяна.",
        "Президент Армении Арам Саакян был принят президентом Монголии Батбаяром Ганзоригом.",
    ):
        v = _visit(text)
        assert (v["visitor_country"], v["host_country"]) == ("AM", "MN"), text


def test_talks_in_a_city_of_the_other_country() -> None:
    v = _visit(
        "Министр иностранных дел Армении Карен Мурадян провел переговоры с монгольским "
        "коллегой в Улан-Баторе."
    )
    assert (v["visitor_country"], v["host_country"], v["status"]) == ("AM", "MN", "held")


def test_invitation_to_visit_is_planned_for_the_invited() -> None:
    v = _visit(
        "Президент Армении Арам Саакян пригласил президента Монголии Батбаяра Ганзорига "
        "посетить Армению."
    )
    assert (v["visitor_country"], v["host_country"], v["status"]) == ("MN", "AM", "planned")


def test_no_visit_in_calls_laws_counted_visits_or_tourists() -> None:
    for text in (
        "Президент Армении Арам Саакян провел телефонный разговор с президентом Монголии "
        "Батбаяром Ганзоригом.",
        "Президент Монголии Батбаяр Ганзориг принял верительные грамоты посла Армении "
        "Давида Петросяна.",
        "Парламент Монголии принял закон о бюджете Армении.",
        "Армения и Монголия договорились активизировать взаимные визиты на высшем уровне.",
        "В прошлом году Армению посетили более 10 тысяч туристов из Монголии.",
    ):
        assert _facts(text, "visits") == [], text


def test_a_deadline_year_does_not_date_a_visit() -> None:
    v = _visit(
        "Президент Армении Арам Саакян на заседании совета, проходящем в Монголии, заявил, "
        "что к 2030 году товарооборот вырастет."
    )
    assert (v["visitor_country"], v["host_country"]) == ("AM", "MN")
    assert v["start"] != "2030"


def test_diplomatic_relations_established_with_full_date() -> None:
    (e,) = _facts("Армения и Монголия установили дипломатические отношения 21 января 1992 года.",
                  "events")  # fmt: skip
    assert (e["kind"], e["date"]) == ("diplomatic_relations", "1992-01-21")


def test_anniversary_of_relations_falls_on_the_day_relations_were_set_up() -> None:
    found = _facts(
        "В Улан-Баторе отмечают 30-летие установления дипломатических отношений между "
        "Арменией и Монголией. Ровно 30 лет назад, 21 января 1992 года, было подписано "
        "коммюнике об установлении дипломатических отношений.",
        "events",
        "2022-01-21",
    )
    kinds = {e["kind"]: e for e in found}
    assert kinds["diplomatic_relations"]["date"] == "1992-01-21"
    assert (kinds["anniversary"]["ordinal"], kinds["anniversary"]["date"]) == (30, "2022-01-21")


def test_years_since_relations_is_an_anniversary_whatever_the_number() -> None:
    (e,) = _facts(
        "Министр отметил, что в этом году исполнилось 33 года со дня установления "
        "армяно-монгольских отношений.",
        "events",
    )
    assert (e["kind"], e["ordinal"], e["date"]) == ("anniversary", 33, "2025")


def test_numbered_anniversary_word_forms() -> None:
    (e,) = _facts("Вьетнам и Грузия отметили 25-ю годовщину дипломатических отношений.", "events")
    assert (e["kind"], e["ordinal"]) == ("anniversary", 25)


def test_partnership_upgrade_by_verbal_noun_and_by_signed_declaration() -> None:
    for text in (
        "Армения и Монголия подписали декларацию о повышении отношений до уровня "
        "стратегического партнерства.",
        "Президенты Армении и Монголии подписали заявление о всеобъемлющем стратегическом "
        "партнерстве.",
    ):
        kinds = [e["kind"] for e in _facts(text, "events")]
        assert kinds == ["partnership_upgrade"], text


def test_council_meetings_numbered_and_of_an_intergovernmental_commission() -> None:
    (e,) = _facts("В Тбилиси прошло пятое заседание грузино-вьетнамской межправительственной "
                  "комиссии.", "events")  # fmt: skip
    assert (e["kind"], e["ordinal"]) == ("council_meeting", 5)
    (e,) = _facts("Министры встретились в ходе заседания грузино-вьетнамской межправкомиссии.",
                  "events")  # fmt: skip
    assert e["kind"] == "council_meeting"
    # a meeting of no numbered or bilateral body is no event
    assert _facts("На заседании правительства Грузии обсудили бюджет.", "events") == []


def test_ordinals_ending_in_yu_are_read() -> None:
    assert ru_core.ORDINAL.fullmatch("25-ю") is not None


def test_council_established_only_for_the_pairs_own_body() -> None:
    (e,) = _facts("В 2015 году Армения и Монголия создали межправительственный совет.", "events")
    assert (e["kind"], e["date"]) == ("council_established", "2015")
    assert _facts("В 2015 году при министерстве Армении был создан экспертный комитет.",
                  "events") == []  # fmt: skip


def test_a_cancelled_visit_is_no_visa_policy() -> None:
    kinds = [e["kind"] for e in _facts("Монголия отменила визовый режим для граждан Армении.",
                                       "events")]  # fmt: skip
    assert kinds == ["policy"]
    assert _facts("Армения отменила запланированный визит министра в Монголию.", "events") == []

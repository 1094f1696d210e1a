"""Russian people and organisations: names in any case reduced to one person in the
nominative, with the surname and a Latin spelling as aliases; bodies named in the
nominative; initialisms standing alone.  The sentences and people are invented."""

from __future__ import annotations

from app.extract.context import build_context
from app.extract.entities import find_orgs
from app.extract.morphology import latin, nominative_name, nominative_phrase, surname_key

VISIT = (
    "Президент Армении Арам Саакян прибыл в Улан-Батор. "
    "Саакяна встретил монгольский коллега Батбаяр Цэрэндорж. "
    "Переговоры Саакяну понравились, сообщил он. "
    "С Цэрэндоржем армянский лидер обсудил торговлю. "
    "Глава МИД Монголии Ганбаатар Очир также принял участие."
)
BODIES = (
    "Армения и Монголия обсудили работу Армяно-монгольской межправительственной комиссии "
    "по торговле. Стороны говорили о ШОС и ООН. МИД Армении сообщил о визите. "
    "Заседание Совета стратегического партнерства высокого уровня прошло в Ереване."
)


def _people(text: str) -> dict[str, tuple[str, set[str], str | None]]:
    ctx = build_context("t.txt", text, "2024-03-06", "ru")
    return {p.name: (p.name, p.aliases, p.country) for p in ctx.people.values()}


def test_case_forms_are_one_person_in_the_nominative() -> None:
    people = _people(VISIT)
    assert set(people) == {"Арам Саакян", "Батбаяр Цэрэндорж", "Ганбаатар Очир"}
    _name, aliases, country = people["Арам Саакян"]
    assert {"Саакян", "Aram Saakyan"} <= aliases
    assert country == "AM"
    assert people["Ганбаатар Очир"][2] == "MN"  # "Глава МИД Монголии"
    assert people["Батбаяр Цэрэндорж"][2] == "MN"  # "монгольский коллега"


def test_a_name_in_the_titles_case() -> None:
    text = "Визит премьер-министра Грузии Левана Квирикашвили во Вьетнам начался."
    assert set(_people(text)) == {"Леван Квирикашвили"}
    text = "Переговоры с президентом Вьетнама Нгуеном Ван Тханем прошли в Тбилиси."
    assert "Нгуен Ван Тхань" in _people(text)


def test_initials_and_surname_are_the_same_person() -> None:
    text = (
        "Президент Грузии Г.Д. Бериашвили посетил Ханой. "
        "Президенту Грузии Гиорги Бериашвили вручили награду."
    )
    people = _people(text)
    assert list(people) == ["Гиорги Бериашвили"]
    assert "Г.Д. Бериашвили" in people["Гиорги Бериашвили"][1]


def test_no_person_from_a_headline_role_before_a_blank_line() -> None:
    text = "Встречу провел армянский лидер\n\nРедакция сайта благодарит читателей."
    assert _people(text) == {}


def test_nominative_of_names() -> None:
    assert nominative_name("Арам-Вардана Саакяева", "gent") == "Арам-Вардан Саакяев"
    assert nominative_name("Батбаяром Тайгуном Цэрэндоржем", "ablt") == "Батбаяр Тайгун Цэрэндорж"
    assert nominative_name("Ли Вэньбина", "gent") == "Ли Вэньбин"
    assert nominative_name("Мурадом Мунхаем", "ablt") == "Мурад Мунхай"
    assert nominative_name("Нины Давтяновой", "gent") == "Нина Давтянова"
    assert nominative_name("Г.Д. Бериашвили", "gent") == "Г.Д. Бериашвили"
    assert nominative_name("Арам-Вардан Саакяев") == "Арам-Вардан Саакяев"
    assert surname_key("Саакяевым") == surname_key("Саакяев") == surname_key("Саакяеву")
    assert surname_key("Мунхая") == surname_key("Мунхай")


def test_latin_spelling() -> None:
    assert latin("Арам Саакяев") == "Aram Saakyayev"
    assert latin("Батбаяр Цэрэндорж", {"Батбаяр Цэрэндорж": "Batbayar Tserendorj"}) == (
        "Batbayar Tserendorj"
    )
    assert latin("Li Wenbing") == "Li Wenbing"


def test_bodies_and_initialisms() -> None:
    ctx = build_context("t.txt", BODIES, "2024-03-06", "ru")
    orgs, _mentions = find_orgs(BODIES, [], ctx.lang)
    names = {o.name for o in orgs}
    assert "Армяно-монгольская межправительственная комиссия по торговле" in names
    assert "Совет стратегического партнерства высокого уровня" in names
    assert {"ШОС", "ООН", "МИД Армении"} <= names
    assert not any(n in names for n in ("Армения", "Монголия", "Армении"))


def test_a_country_is_no_body() -> None:
    text = "Российская Федерация и Республика Армения подписали договор. Из АСТАНА сообщили."
    ctx = build_context("t.txt", text, "2024-03-06", "ru")
    orgs, _mentions = find_orgs(text, [], ctx.lang)
    assert orgs == []


def test_phrase_nominative() -> None:
    words = ["Армяно-монгольской", "межправительственной", "комиссии"]
    assert nominative_phrase(words, 2) == "Армяно-монгольская межправительственная комиссия"

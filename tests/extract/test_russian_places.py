"""Russian country and city recognition: case forms, demonyms, compounds, initialisms,
cities mapped to their English names; English articles read as before."""

from __future__ import annotations

import pytest

from app.extract.countries import city_lookup, country_info, find_countries, infer_pair, nominative
from app.extract.lang import en, ru


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.code, m.kind) for m in find_countries(text, ru)]


@pytest.mark.parametrize(
    ("sentence", "form", "code"),
    [
        ("Делегация прибыла в Турцию во вторник.", "Турцию", "TR"),
        ("Переговоры с Турцией продолжились.", "Турцией", "TR"),
        ("Посол Турции вручил грамоты.", "Турции", "TR"),
        ("Товарооборот с Казахстаном вырос.", "Казахстаном", "KZ"),
        ("Выставка прошла в Казахстане.", "Казахстане", "KZ"),
        ("Министр посетил Казахстан весной.", "Казахстан", "KZ"),
        ("Армения и Монголия подписали договор.", "Армения", "AM"),
        ("Премьер Монголии встретился с коллегой.", "Монголии", "MN"),
        ("Вьетнаму передали гуманитарный груз.", "Вьетнаму", "VN"),
        ("Грузией было предложено продлить соглашение.", "Грузией", "GE"),
        ("Делегация Российской Федерации выступила первой.", "Российской Федерации", "RU"),
        (
            "Заявление поддержала Китайская Народная Республика.",
            "Китайская Народная Республика",
            "CN",
        ),
        ("Посольство Соединенных Штатов Америки закрыто.", "Соединенных Штатов Америки", "US"),
        ("Торговля с Киргизией растёт.", "Киргизией", "KG"),
        ("Инвестиции Кыргызстана в регион выросли.", "Кыргызстана", "KG"),
        ("Он посетил Узбекистан и Таджикистан.", "Узбекистан", "UZ"),
        (
            "В Объединённых Арабских Эмиратах открылась выставка.",
            "Объединённых Арабских Эмиратах",
            "AE",
        ),
        ("Граница с Боснией и Герцеговиной открыта.", "Боснией и Герцеговиной", "BA"),
    ],
)
def test_country_names_in_every_case(sentence: str, form: str, code: str) -> None:
    assert (form, code, "name") in _found(sentence)


@pytest.mark.parametrize(
    ("sentence", "form", "code"),
    [
        ("Грузинская сторона предложила новый маршрут.", "Грузинская", "GE"),
        ("Представители вьетнамской стороны согласились.", "вьетнамской", "VN"),
        ("Визит монгольского министра завершился.", "монгольского", "MN"),
        ("Число армянских компаний выросло.", "армянских", "AM"),
        ("Товары казахстанского производства.", "казахстанского", "KZ"),
        ("Позиция российских властей не изменилась.", "российских", "RU"),
        ("Более ста китайских компаний работают в стране.", "китайских", "CN"),
        ("Кыргызские эксперты прибыли в город.", "Кыргызские", "KG"),
        ("Делегация кыргызстанской стороны прибыла.", "кыргызстанской", "KG"),
        ("Туристов из Грузии встретили армяне.", "армяне", "AM"),
        ("В городе живут тысячи вьетнамцев.", "вьетнамцев", "VN"),
    ],
)
def test_demonym_adjectives_and_people(sentence: str, form: str, code: str) -> None:
    assert (form, code, "demonym") in _found(sentence)


def test_a_compound_adjective_names_both_countries() -> None:
    found = _found("Прошло заседание грузинско-вьетнамской комиссии.")
    assert [(t, c) for t, c, _k in found] == [("грузинско", "GE"), ("вьетнамской", "VN")]
    assert {k for _t, _c, k in found} == {"demonym"}
    found = _found("Армяно-монгольские консультации прошли в срок.")
    assert [c for _t, c, _k in found] == ["AM", "MN"]


def test_the_usual_initialisms_stand_alone() -> None:
    assert [(t, c) for t, c, _k in _found("Делегации РФ, КНР и США обсудили вопрос.")] == [
        ("РФ", "RU"),
        ("КНР", "CN"),
        ("США", "US"),
    ]


def test_a_shared_initialism_is_the_country_the_text_names() -> None:
    # РК: Kazakhstan (Республика Казахстан), Korea (Республика Корея) and others
    assert ("РК", "KZ", "name") in _found("Казахстан расширил экспорт. Экспорт РК вырос.")
    assert ("РК", "KR", "name") in _found("Республика Корея расширила экспорт. Экспорт РК вырос.")
    assert not [m for m in _found("Экспорт РК вырос на треть.") if m[0] == "РК"]


def test_dollars_of_the_united_states_are_no_mention_of_it() -> None:
    found = _found("Армения получила кредит в 5 млн долларов США от Монголии.")
    assert "US" not in {c for _t, c, _k in found}
    assert ("США", "US", "name") in _found("Министр прибыл в США.")


def test_capitals_in_case_forms_count_as_capitals() -> None:
    assert ("Ереване", "AM", "capital") in _found("Переговоры прошли в Ереване.")
    assert ("Улан-Батор", "MN", "capital") in _found("Министр вылетел в Улан-Батор.")


@pytest.mark.parametrize(
    ("form", "english", "code"),
    [
        ("Анкара", "Ankara", "TR"),
        ("Анкару", "Ankara", "TR"),
        ("Анкаре", "Ankara", "TR"),
        ("Москве", "Moscow", "RU"),
        ("Астане", "Astana", "KZ"),
        ("Нур-Султане", "Astana", "KZ"),
        ("Алматы", "Almaty", "KZ"),
        ("Ташкенте", "Tashkent", "UZ"),
        ("Бишкека", "Bishkek", "KG"),
        ("Оше", "Osh", "KG"),
        ("Санкт-Петербурге", "Saint Petersburg", "RU"),
        ("Новосибирске", "Novosibirsk", "RU"),
        ("Ростове-на-Дону", "Rostov-on-Don", "RU"),
        ("Гуанчжоу", "Guangzhou", "CN"),
        ("Стамбуле", "Istanbul", "TR"),
        ("Пекин", "Beijing", "CN"),
        ("Казани", "Kazan", "RU"),
        ("Екатеринбурге", "Yekaterinburg", "RU"),
        ("Тбилиси", "Tbilisi", "GE"),
        ("Ханое", "Hanoi", "VN"),
    ],
)
def test_russian_city_forms_give_the_english_name(form: str, english: str, code: str) -> None:
    assert city_lookup(form) == (english, code)


def test_common_words_and_other_languages_are_no_cities() -> None:
    for word in ("Верный", "Кантон", "Питер", "Мир"):
        assert city_lookup(word) is None, word


def test_nominatives_of_russian_forms() -> None:
    assert nominative("Казахстане") == "Казахстан"
    assert nominative("Российской Федерацией") == "Российская Федерация"
    assert nominative("Анкару") == "Анкара"
    assert nominative("турецкой") == "турецкий"
    assert nominative("Ankara") == "Ankara"
    assert country_info("KZ")["ru_name"] == "Казахстан"
    assert country_info("RU")["ru_name"] == "Россия"


def test_the_pair_of_a_russian_article() -> None:
    text = (
        "Президент Грузии прибыл во Вьетнам. В Ханое он провел переговоры с вьетнамской "
        "стороной. Грузия и Вьетнам подписали соглашение; Россия его приветствовала."
    )
    assert infer_pair(find_countries(text, ru)) == ("GE", "VN")


def test_english_articles_are_read_as_before() -> None:
    text = (
        "Armenia and Mongolia signed a treaty in Ulaanbaatar. The Armenian side paid "
        "5 million US dollars; the U.S. welcomed it."
    )
    found = [(m.text, m.code, m.kind) for m in find_countries(text, en)]
    assert found == [
        ("Armenia", "AM", "name"),
        ("Mongolia", "MN", "name"),
        ("Ulaanbaatar", "MN", "capital"),
        ("Armenian", "AM", "demonym"),
        ("U.S.", "US", "name"),
    ]
    assert city_lookup("Ankara") == ("Ankara", "TR")

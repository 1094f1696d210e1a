"""The Russian core words (app/extract/lang/ru/core.py) through the language-independent
plumbing: sentences and clauses, dates resolved against a reference date, quantities,
a page's own date line, and each article routed to its language's module at import and
re-extraction.  Sentences written for this test."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import app.import_worker
import app.library
from app.extract import extract_article
from app.extract.dates import find_dates, infer_article_date
from app.extract.lang import en, ru
from app.extract.lang.ru import core as ru_core
from app.extract.numbers import find_quantities, ordinal_value
from app.extract.sentences import Span, split_clauses, split_sentences
from app.library import Library

REF = date(2023, 6, 15)  # a Thursday


def _sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, ru)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = (
        "Делегация прибыла в г. Улан-Батор и посетила ул. Сухэ-Батора, т.е. центр города. "
        "А. Саркисян встретился с Б. Ганбаатаром. Объем торговли достиг 2 млрд. долларов."
    )
    assert _sentences(text) == [
        "Делегация прибыла в г. Улан-Батор и посетила ул. Сухэ-Батора, т.е. центр города.",
        "А. Саркисян встретился с Б. Ганбаатаром.",
        "Объем торговли достиг 2 млрд. долларов.",
    ]


def test_units_after_numbers_and_list_ends_do_end_sentences() -> None:
    text = (
        "Посольство открылось в 2019 г. Стороны обсудили энергетику, туризм и т.д. "
        "Затем министры подписали меморандум. Инвестиции составили 40 млн. Это рекорд."
    )
    assert _sentences(text) == [
        "Посольство открылось в 2019 г.",
        "Стороны обсудили энергетику, туризм и т.д.",
        "Затем министры подписали меморандум.",
        "Инвестиции составили 40 млн.",
        "Это рекорд.",
    ]


def test_english_splitting_is_unchanged() -> None:
    text = "Talks were held in the U.S. capital. Mr. Smith spoke. He left at 5 p.m. on Monday."
    assert [s.text for s in split_sentences(text)] == [
        "Talks were held in the U.S. capital.",
        "Mr. Smith spoke.",
        "He left at 5 p.m. on Monday.",
    ]


def test_clauses_split_at_russian_joints() -> None:
    text = "Грузия нарастила экспорт, а Вьетнам сократил импорт; министры встретились"
    span = Span(0, len(text), text)
    assert [c.text for c in split_clauses(span, ru)] == [
        "Грузия нарастила экспорт",
        "а Вьетнам сократил импорт",
        "министры встретились",
    ]
    assert len(split_clauses(span, en)) == 2  # English splits at "; " only


@pytest.mark.parametrize(
    ("sentence", "found", "value"),
    [
        ("Министры встретились 10 мая 2022 года в Ереване.", "10 мая 2022 года", "2022-05-10"),
        ("Форум прошел 3 марта, 2021, в Тбилиси.", "3 марта, 2021", "2021-03-03"),
        ("Консультации прошли 10-11 ноября.", "10-11 ноября", "2022-11-10/2022-11-11"),
        ("Консультации пройдут 10-11 ноября.", "10-11 ноября", "2023-11-10/2023-11-11"),
        (
            "Саммит прошел 7–9 сентября 2021 года.",
            "7–9 сентября 2021 года",
            "2021-09-07/2021-09-09",
        ),
        ("В 2022 году торговля выросла.", "2022 году", "2022"),
        ("В 2018-2019 годах торговля выросла.", "2018-2019", "2018/2019"),
        ("В мае министры встретились.", "В мае", "2023-05"),
        ("В июле министры встретятся, как планируется.", "В июле", "2023-07"),
        ("В августе этого года министр посетит Ханой.", "В августе этого года", "2023-08"),
        ("Во вторник министры встретились.", "Во вторник", "2023-06-13"),
        ("В пятницу министр посетит Ханой, сообщили в МИД.", "В пятницу", "2023-06-16"),
        ("В прошлую пятницу министры встретились.", "В прошлую пятницу", "2023-06-09"),
        ("В прошлом году торговля выросла.", "прошлом году", "2022"),
        ("В этом году торговля выросла.", "этом году", "2023"),
        ("В следующем году откроется посольство.", "следующем году", "2024"),
        ("В прошлом месяце открылось посольство.", "прошлом месяце", "2023-05"),
        ("За 4 месяца 2023 года торговля выросла.", "4 месяца 2023 года", "2023-01/2023-04"),
        (
            "За первые пять месяцев 2021 года торговля выросла.",
            "первые пять месяцев 2021 года",
            "2021-01/2021-05",
        ),
        ("За первое полугодие торговля выросла.", "За первое полугодие", "2023-01/2023-06"),
        ("За второе полугодие торговля выросла.", "За второе полугодие", "2022-07/2022-12"),
        ("В III квартале 2020 года торговля выросла.", "III квартале 2020 года", "2020-07/2020-09"),
        ("За последние 10 лет торговля выросла.", "За последние 10 лет", "2013/2023"),
        ("Полгода назад открылось посольство.", "Полгода назад", "2022-12"),
        ("Двадцать лет назад открылось посольство.", "Двадцать лет назад", "2003"),
        ("С 1992 года страны поддерживают отношения.", "1992 года", "1992"),
        (
            "С января по май 2023 года торговля выросла.",
            "С января по май 2023 года",
            "2023-01/2023-05",
        ),
        (
            "В январе–апреле 2021 года торговля выросла.",
            "январе–апреле 2021 года",
            "2021-01/2021-04",
        ),
        ("Вчера министр прибыл в Ереван.", "Вчера", "2023-06-14"),
        ("Документ подписан 05.01.2022 в Ханое.", "05.01.2022", "2022-01-05"),
    ],
)
def test_each_russian_date_form_resolves_against_the_reference(
    sentence: str, found: str, value: str
) -> None:
    dates = find_dates(sentence, REF, None, None, ru)
    assert [(sentence[d.start : d.end], d.value) for d in dates] == [(found, value)]


def test_relative_dates_stay_unresolved_without_a_reference() -> None:
    for sentence in ("В прошлом году торговля выросла.", "Во вторник министры встретились."):
        assert [d.value for d in find_dates(sentence, None, None, None, ru)] == [None]
    # "the same year" is the context's, not the reference's
    assert [
        d.value for d in find_dates("В том же году торговля выросла.", REF, None, None, ru)
    ] == [None]


def test_a_count_is_no_year_and_the_future_is_read_from_the_verbs() -> None:
    assert find_dates("В Монголии работают 1900 армянских компаний.", REF, None, None, ru) == []
    assert ru_core.FUTURE.search("Стороны намерены удвоить торговлю до 2030 года.")
    assert ru_core.FUTURE.search("Визит состоится осенью.")
    assert ru_core.FUTURE.search("Министру предстоит поездка в Ханой.")
    assert not ru_core.FUTURE.search("Министры подписали меморандум.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ереван, 16 февраля 2017, 11:06 — Новости. Министр прибыл.", "2017-02-16"),
        ("Заголовок новости\n12:40, 03 апреля 2020, Тбилиси\nМинистр прибыл.", "2020-04-03"),
        ("Ханой, 05.01.22. /Агентство/. Министр прибыл во вторник.", "2022-01-05"),
        ("Заголовок новости\nАстана. 11 октября. Агентство — Министр прибыл.", None),
    ],
)
def test_a_page_dateline_with_a_year_dates_the_article(text: str, expected: str | None) -> None:
    assert infer_article_date(text, ru) == expected


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("составил 6,4 млрд долларов", 6.4e9, "USD", None),
        ("составил $6,4 млрд", 6.4e9, "USD", None),
        ("составил 10 млрд долл. в год", 1e10, "USD", None),
        ("составил около 5,3 млрд", 5.3e9, None, "about"),
        ("составил более 150 млн евро", 1.5e8, "EUR", "more_than"),
        ("свыше 1 200 компаний", 1200, None, "more_than"),
        ("почти 2 тыс. студентов", 2000, None, "about"),
        ("порядка 300 тыс. тенге", 3e5, "KZT", "about"),
        ("вплоть до 40 млрд рублей", 4e10, "RUB", "less_than"),
        ("сократился до 40 млрд рублей", 4e10, "RUB", None),
        ("3,8 млрд сомов", 3.8e9, "KGS", None),
        ("2 млрд сумов", 2e9, "UZS", None),
        ("700 млн юаней", 7e8, "CNY", None),
        ("500 млн лир", 5e8, "TRY", None),
        ("5 миллиардов долларов", 5e9, "USD", None),
        ("пятнадцать документов", 15, None, None),
        ("двадцать пять соглашений", 25, None, None),
        ("две тысячи студентов", 2000, None, None),
    ],
)
def test_russian_quantities(
    text: str, value: float, unit: str | None, qualifier: str | None
) -> None:
    (q,) = find_quantities(text, (), ru)
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), unit, qualifier)


def test_a_range_shares_its_scale_and_english_keeps_its_thousands_comma() -> None:
    qs = find_quantities("от 3 до 4 млрд долларов", (), ru)
    assert [(q.value, q.unit, q.qualifier) for q in qs] == [(3e9, "USD", None), (4e9, "USD", None)]
    assert [q.value for q in find_quantities("some 1,200 students", ())] == [1200]
    assert [q.value for q in find_quantities("6,4", (), ru)] == [6.4]
    assert ordinal_value("11-ом", ru) == 11 and ordinal_value("третьего", ru) == 3


GEORGIAN_NEWS = (
    "Министры Грузии и Вьетнама обсудили торговлю\n"
    "Тбилиси, 14 марта 2023, 10:15 — Агентство. Министр иностранных дел Грузии прибыл "
    "во вторник в Ханой с официальным визитом. Стороны подписали пять соглашений о "
    "сотрудничестве в области туризма и сельского хозяйства, а также обсудили торговлю "
    "между двумя странами, которая в прошлом году составила 120 млн долларов.\n"
)


def _spy(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[str]:
    used: list[str] = []

    def spy(article_id: str, text: str, day: str | None, lang: str = "en") -> Any:
        used.append(lang)
        return extract_article(article_id, text, day, lang)

    monkeypatch.setattr(module, "extract_article", spy)
    return used


def test_a_russian_article_is_imported_and_reextracted_with_the_russian_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "news"
    source.mkdir()
    (source / "ge_vn.txt").write_text(GEORGIAN_NEWS, encoding="utf-8")
    (source / "en.txt").write_text(
        "The foreign minister of Georgia arrived in Hanoi on Tuesday for an official visit, "
        "and the two sides signed five agreements on tourism and agriculture.\n",
        encoding="utf-8",
    )
    imported = _spy(monkeypatch, app.import_worker)
    with Library(tmp_path / "lib") as library:
        library.import_paths([source], processes=0)
        assert sorted(imported) == ["en", "ru"]
        by_name = {a.file_name: a for a in library.articles()}
        assert by_name["ge_vn.txt"].language == "ru"
        # the page's own date line is read in Russian: the article is dated by it
        assert by_name["ge_vn.txt"].date_inferred == "2023-03-14"
        reextracted = _spy(monkeypatch, app.library)
        library.reextract()
        assert sorted(reextracted) == ["en", "ru"]
        library.set_article_language(by_name["ge_vn.txt"].id, "unknown")
        reextracted.clear()
        library.reextract()
        assert reextracted == ["en", "en"]  # unknown is read as English


def test_unknown_languages_are_extracted_as_english() -> None:
    assert app.import_worker.extraction_language("unknown") == "en"
    assert app.import_worker.extraction_language(None) == "en"
    assert app.import_worker.extraction_language("ru") == "ru"

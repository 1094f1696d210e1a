"""Phrasings of embassies and consulates, one test per class, each in sentences written for
this test with varied country pairs and cities."""

from __future__ import annotations

from app.extract import extract_article


def missions(text: str, date: str = "2024-05-06") -> set[tuple[str, str, str, str]]:
    return {
        (d["country"], d["host_country"], d["city"], d["kind"])
        for c in extract_article("t.txt", text, date).facts
        if c.type == "missions"
        for d in [c.data]
    }


def test_two_senders_each_with_a_list() -> None:
    text = (
        "Norway runs its embassy in Warsaw plus honorary consulates in Gdansk, Krakow and "
        "Szczecin; Poland, for its part, keeps an embassy in Oslo and a consulate in Bergen."
    )
    assert missions(text) == {
        ("NO", "PL", "Warsaw", "embassy"),
        ("NO", "PL", "Gdansk", "honorary_consulate"),
        ("NO", "PL", "Krakow", "honorary_consulate"),
        ("NO", "PL", "Szczecin", "honorary_consulate"),
        ("PL", "NO", "Oslo", "embassy"),
        ("PL", "NO", "Bergen", "consulate_general"),
    }


def test_the_host_as_subject_and_a_list_after_a_demonym() -> None:
    text = (
        "Peru hosts the Chilean embassy in Lima as well as consulates in Arequipa, Tacna and "
        "Cusco, and an honorary consulate is based in Trujillo."
    )
    assert missions(text) == {
        ("CL", "PE", "Lima", "embassy"),
        ("CL", "PE", "Arequipa", "consulate_general"),
        ("CL", "PE", "Tacna", "consulate_general"),
        ("CL", "PE", "Cusco", "consulate_general"),
        ("CL", "PE", "Trujillo", "honorary_consulate"),
    }


def test_a_high_commission_is_an_embassy() -> None:
    text = "Kenya's High Commission in Accra hosted a reception for Ghanaian officials."
    assert missions(text) == {("KE", "GH", "Accra", "embassy")}


def test_in_the_city_of() -> None:
    text = "A Ghanaian consulate general now operates in the port city of Mombasa, Kenya."
    assert missions(text) == {("GH", "KE", "Mombasa", "consulate_general")}


def test_in_the_city_refers_to_the_city_named_before() -> None:
    text = (
        "The Ghanaian delegation arrived in Mombasa on Monday. Ghana has had a consulate in "
        "that city since 2019, a Kenyan official said."
    )
    assert missions(text) == {("GH", "KE", "Mombasa", "consulate_general")}


def test_in_its_capital_is_the_other_countrys_capital() -> None:
    text = "Greece set up an embassy in the capital soon after Egypt's independence."
    assert missions(text) == {("GR", "EG", "Cairo", "embassy")}


def test_a_country_possessive_before_the_city() -> None:
    text = "A consulate general of Vietnam in South Korea's Busan began work on Friday."
    assert missions(text) == {("VN", "KR", "Busan", "consulate_general")}


def test_a_description_after_the_city_is_no_second_city() -> None:
    text = "Lima keeps a consulate in Arica, Chile's northernmost city, and Chile has none in Peru."
    assert missions(text) == {("PE", "CL", "Arica", "consulate_general")}


def test_a_third_countrys_mission_needs_both_countries_named() -> None:
    text = (
        "Chile and Peru held talks in Lima. Italy also runs a consulate in Arequipa. A "
        "consulate in Tacna is planned, Chilean officials said."
    )
    got = missions(text)
    assert ("IT", "PE", "Arequipa", "consulate_general") in got
    assert not any(sender == "IT" and city == "Tacna" for sender, _h, city, _k in got)


def test_the_embassy_of_x_and_a_demonym_embassy() -> None:
    text = (
        "The Embassy of Finland in Tallinn and the Estonian Embassy in Helsinki marked the "
        "anniversary together."
    )
    assert missions(text) == {
        ("FI", "EE", "Tallinn", "embassy"),
        ("EE", "FI", "Helsinki", "embassy"),
    }


def test_a_possessive_country_is_not_a_city() -> None:
    text = "Poland's new honorary consulate in Stavanger, Norway's oil capital, opened on Monday."
    got = missions(text)
    assert got == {("PL", "NO", "Stavanger", "honorary_consulate")}


def test_the_demonym_capital_with_or_without_its_name() -> None:
    assert missions("Kenya opened an embassy in the Ghanaian capital Accra in 2005.") == {
        ("KE", "GH", "Accra", "embassy")
    }
    assert missions("Ghana and Kenya. Kenya runs an embassy in the Ghanaian capital.") == {
        ("KE", "GH", "Accra", "embassy")
    }


def test_an_embassy_in_a_country_without_a_city_is_not_a_mission_fact() -> None:
    assert missions("Ghana and Kenya. Kenya opened an embassy in Ghana in 2005.") == set()

"""Visit phrasings, one class per test, each in a sentence written for the test (invented
names and country pairs; no article of the corpus is quoted)."""

from __future__ import annotations

from typing import Any

from app.extract import extract_article


def facts(text: str, date: str | None = "2024-05-08") -> list[dict[str, Any]]:
    return [c.data for c in extract_article("t.txt", text, date).facts if c.type == "visits"]


def visits(text: str, date: str | None = "2024-05-08") -> set[tuple[str, str, str | None, str]]:
    return {
        (v["visitor_country"], v["host_country"], v["start"], v["status"])
        for v in facts(text, date)
    }


def test_a_host_holding_talks_with_a_counterpart_in_its_own_capital_receives_a_visit() -> None:
    text = (
        "Peruvian President Dina Boluarte held talks with her Chilean counterpart Gabriel "
        "Boric at the presidential palace in Lima on Monday."
    )
    assert visits(text) == {("CL", "PE", "2024-05-06", "held")}


def test_a_minister_meeting_a_guest_of_unknown_nationality_in_the_host_city() -> None:
    text = (
        "Swedish diplomats said Foreign Minister Anna Lindqvist met in Stockholm with Arvid "
        "Kask, the foreign minister of Estonia."
    )
    assert {(v, h) for v, h, _s, _st in visits(text)} == {("EE", "SE")}


def test_a_leader_speaking_in_the_other_capital_is_visiting() -> None:
    text = (
        "The Chilean president, speaking on Tuesday in the Peruvian capital Lima, said mining "
        "cooperation with Peru was deepening."
    )
    assert visits(text) == {("CL", "PE", "2024-05-07", "held")}


def test_a_joint_cabinet_session_held_in_one_capital() -> None:
    text = (
        "A joint session of the Norwegian and Danish cabinets, chaired by Prime Ministers Ole "
        "Berg and Lars Holm, was held in Oslo on 4 March 2019."
    )
    assert ("DK", "NO", "2019-03-04", "held") in visits(text, None)


def test_present_perfect_arrival_takes_the_article_date() -> None:
    text = (
        "Mexican President Andrés López has arrived in Bogotá, starting a three-day trip to "
        "Colombia. He last visited Colombia in May 2021."
    )
    got = visits(text, "2024-05-08")
    assert ("MX", "CO", "2024-05-08", "held") in got
    assert ("MX", "CO", "2021-05", "held") in got


def test_a_leader_who_is_in_the_other_capital() -> None:
    text = (
        "Dutch Prime Minister Mark Rutte is in Brussels for a two-day summit with Belgian leaders."
    )
    assert visits(text) == {("NL", "BE", "2024-05-08", "held")}


def test_a_date_of_another_verb_is_not_the_visit_date() -> None:
    text = (
        "Irish Prime Minister Simon Harris is on a visit to Norway to build on a fisheries "
        "accord concluded in March."
    )
    assert visits(text) == {("IE", "NO", "2024-05-08", "held")}


def test_a_date_after_before_the_summit_belongs_to_the_summit() -> None:
    text = (
        "Ghanaian President John Mahama was received by Togolese President Faure Gnassingbe in "
        "Lome, two days before the regional summit on Friday."
    )
    got = visits(text, "2024-05-08")
    assert {(v, h, st) for v, h, _s, st in got} == {("GH", "TG", "held")}
    assert ("GH", "TG", "2024-05-03", "held") not in got


def test_grateful_the_guest_accepted_the_invitation_makes_the_guest_the_visitor() -> None:
    text = (
        "Austrian Chancellor Karl Nehammer held talks with Slovak Prime Minister Robert Fico. "
        "Nehammer said he was grateful that Fico had accepted the invitation to visit Vienna."
    )
    got = {(v, h, st) for v, h, _s, st in visits(text)}
    assert ("SK", "AT", "held") in got
    assert ("AT", "SK", "held") not in got


def test_a_host_country_that_hosted_a_named_guest() -> None:
    text = "Last year Argentina hosted Luis Lacalle for a regional meeting."
    got = {(v, h) for v, h, _s, _st in visits(text)}
    assert got <= {("UY", "AR")}  # the guest's nationality comes from the article


def test_a_city_that_regularly_hosts_delegations_is_no_visit() -> None:
    text = (
        "The Polish port city regularly hosts Lithuanian delegations, and Vilnius regained its "
        "historic name in September."
    )
    assert visits(text) == set()


def test_visa_free_travel_is_no_trip() -> None:
    text = (
        "Brazilians will enjoy visa-free travel to Japan from July, Japanese Prime Minister "
        "Fumio Tanaka said."
    )
    assert visits(text) == set()


def test_an_arrival_in_a_country_named_with_the() -> None:
    text = "Portuguese Prime Minister Luis Marques arrived in the Netherlands on Friday morning."
    assert visits(text, "2024-05-11") == {("PT", "NL", "2024-05-10", "held")}


def test_a_planned_visit_said_with_when_he_visits() -> None:
    text = (
        "Kenyan President William Ruto said he will sign new accords when he visits Ethiopia in "
        "November."
    )
    assert visits(text) == {("KE", "ET", "2024-11", "planned")}


def test_a_phone_call_is_still_no_visit() -> None:
    text = "Brazilian President Lula held a phone call with Argentine President Milei on Monday."
    assert visits(text) == set()


def test_a_guest_attending_a_ceremony_in_the_host_city() -> None:
    text = (
        "Brazilian Foreign Minister Mauro Vieira attended the opening of a trade centre in "
        "Buenos Aires, together with Argentine President Javier Milei on Friday."
    )
    assert visits(text, "2024-05-11") == {("BR", "AR", "2024-05-10", "held")}


def test_a_minister_named_by_title_inaugurating_in_a_possessive_city() -> None:
    text = "Chile's foreign minister on Monday inaugurated a cultural centre in Peru's Arequipa."
    got = facts(text)
    assert [(v["visitor_country"], v["host_country"], v["start"], v["city"]) for v in got] == [
        ("CL", "PE", "2024-05-06", "Arequipa")
    ]

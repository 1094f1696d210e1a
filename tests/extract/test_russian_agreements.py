"""Agreements in Russian text (app/extract/lang/ru/agreements.py through the shared
recogniser app/extract/agreements.py): batches counted in digits or words, named
documents and their kinds, plans against signings, dates from the sentence or the visit,
and English titles.  Sentences written for this test (Armenia–Mongolia, Georgia–Vietnam)."""

from __future__ import annotations

from typing import Any

from app.extract import extract_article
from app.extract.lang.ru import agreements as ru

DATELINE = "Ереван, 14 марта 2024 года. "


def agreements(text: str) -> list[dict[str, Any]]:
    """The agreements found in a Russian text that opens with a dated dateline."""
    facts = extract_article("t.txt", DATELINE + text, None, "ru").facts
    return [c.data for c in facts if c.type == "agreements"]


def one(text: str) -> dict[str, Any]:
    got = agreements(text)
    assert len(got) == 1, got
    return got[0]


def test_a_numbered_batch_is_one_item_with_its_count() -> None:
    got = one("Президенты Армении и Монголии подписали 15 документов о сотрудничестве.")
    assert (got["kind"], got["count"], got["status"]) == ("agreement", 15, "signed")
    assert got["date"] == "2024-03-14" and got["parties"] == ["AM", "MN"]
    assert got["title"].startswith("Documents on cooperation")


def test_a_package_of_agreements_and_a_number_of_documents() -> None:
    assert one("Армения и Монголия подписали пакет из 12 соглашений.")["count"] == 12
    batch = one("В Улан-Баторе Армения и Монголия подписали ряд документов.")
    assert batch["count"] is None and batch["kind"] == "agreement"


def test_a_count_in_words_makes_a_genitive_singular_a_batch() -> None:
    got = one("Армения и Монголия также подписали два меморандума.")
    assert (got["kind"], got["count"]) == ("memorandum", 2)


def test_named_documents_get_their_kind_and_an_english_title() -> None:
    mou = one("Министры Армении и Монголии подписали меморандум о взаимопонимании в сфере туризма.")
    assert mou["kind"] == "memorandum" and mou["count"] == 1
    assert mou["title"] == "Memorandum of understanding in tourism"
    deal = one("Армения и Монголия подписали соглашение о сотрудничестве в области энергетики.")
    assert (deal["kind"], deal["title"]) == ("agreement", "Agreement on cooperation in energy")
    protocol = one("Армения и Монголия подписали протокол о намерениях.")
    assert protocol["kind"] == "agreement" and protocol["title"].startswith("Protocol")


def test_a_treaty_on_partnership_is_a_partnership_and_keeps_its_year() -> None:
    got = one("Договор о стратегическом партнёрстве Армении и Монголии был подписан в 2015 году.")
    assert (got["kind"], got["date"]) == ("partnership", "2015")
    assert got["title"] == "Treaty on strategic partnership"


def test_statements_declarations_and_communiques_are_declarations() -> None:
    joint = one("Лидеры Армении и Монголии приняли совместное заявление.")
    assert (joint["kind"], joint["title"]) == ("declaration", "Joint statement")
    decl = one(
        "13 марта президенты Грузии и Вьетнама подписали Декларацию о всеобъемлющем "
        "стратегическом партнёрстве."
    )
    assert decl["kind"] == "declaration" and decl["date"] == "2024-03-13"
    assert decl["title"] == "Declaration on comprehensive strategic partnership"
    comm = one(
        "2 апреля 2004 года Грузия и Вьетнам подписали коммюнике об установлении "
        "дипломатических отношений."
    )
    assert (comm["kind"], comm["count"], comm["date"]) == ("declaration", 1, "2004-04-02")
    assert comm["title"] == "Communiqué on the establishment of diplomatic relations"


def test_a_statement_only_said_and_an_agreement_only_discussed_are_no_documents() -> None:
    text = (
        "Президент Грузии сделал заявление о ситуации в регионе. "
        "Министры Армении и Монголии обсудили выполнение соглашения о торговле. "
        "Стороны договорились продолжить диалог. "
        "Как говорится в декларации, стороны привержены миру."
    )
    assert agreements(text) == []


def test_documents_to_be_signed_are_planned_whichever_side_the_plan_stands() -> None:
    after = one("Соглашения о свободной торговле между Арменией и Монголией будут подписаны в мае.")
    assert (after["status"], after["date"]) == ("planned", "2024-05")
    before = one("Во время визита в Монголию планируется подписать около десяти документов.")
    assert (before["status"], before["count"]) == ("planned", 10)
    assert before["title"].endswith("to be signed")
    single = one("В ходе визита в Монголию планируется подписание соглашения о свободной торговле.")
    assert (single["status"], single["count"]) == ("planned", 1)
    assert single["title"] == "Agreement on free trade"


def test_an_undated_signing_takes_the_day_of_the_visit() -> None:
    got = one(
        "Президент Армении посетил Монголию 12 марта. "
        "По итогам переговоров подписано 8 межправительственных соглашений."
    )
    assert (got["date"], got["count"]) == ("2024-03-12", 8)
    assert got["title"] == "Intergovernmental agreements signed during the visit"


def test_a_plural_listing_its_documents_gives_one_item_each_with_its_year() -> None:
    got = agreements(
        "Отношения Армении и Монголии основаны на Договорах о стратегическом партнёрстве "
        "(2001 год) и о союзнических отношениях (2006 год)."
    )
    assert [(a["kind"], a["date"], a["count"]) for a in got] == [
        ("partnership", "2001", 1),
        ("agreement", "2006", 1),
    ]
    assert got[1]["title"] == "Treaty on allied relations"


def test_words_the_table_does_not_know_are_left_out_of_the_title() -> None:
    title = ru.DOC_TITLE("соглашение", " о сотрудничестве в области телепортации", False)
    assert title == "Agreement on cooperation"
    assert ru.TITLE_WORDS("стратегического партнёрства") == "strategic partnership"


def test_the_plural_reading_of_an_ambiguous_form_follows_its_clause() -> None:
    # "соглашения" is a genitive singular after a noun, a plural after a verb
    assert ru.DOC_PLURAL("соглашения", "после подписания ", " о торговле") is False
    assert ru.DOC_PLURAL("соглашения", "стороны подписали ", " о торговле") is True
    assert ru.DOC_PLURAL("документа", "подписано 24 межведомственных ", "") is True
    assert ru.DOC_PLURAL("коммюнике", "подписали ", "") is False

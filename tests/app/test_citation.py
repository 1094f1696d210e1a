"""Citations of an article: the plain form (PDF sources, reader header), BibTeX with
LaTeX's special characters escaped and braces balanced, and RIS records that reference
managers read. Names and titles invented for this test."""

from __future__ import annotations

import re

from app.citation import Cited, authors, bibtex, bibtex_key, plain, ris, tex

FULL = Cited(
    title="Armenia and Mongolia sign an air deal",
    outlet="Steppe Herald",
    author="Aigerim Sample; Bolat Test",
    date="2023-04-05",
    url="https://steppe.example/news/7?ref=a%20b",
    file_name="07_air.txt",
)


def test_plain_citation_orders_outlet_author_title_date_url_file() -> None:
    assert plain(FULL) == (
        "Steppe Herald, Aigerim Sample; Bolat Test, “Armenia and Mongolia sign an air deal”, "
        "2023-04-05, https://steppe.example/news/7?ref=a%20b, 07_air.txt"
    )
    assert plain(FULL, with_file=False).endswith("a%20b")


def test_plain_citation_leaves_out_what_is_unknown() -> None:
    bare = Cited(title="Kenya and Ghana talk cocoa", file_name="k.txt")
    assert plain(bare) == "“Kenya and Ghana talk cocoa”, k.txt"


def test_authors_split_on_semicolons_ampersands_and_and() -> None:
    assert authors("Sample, Aigerim; Test, Bolat") == ["Sample, Aigerim", "Test, Bolat"]
    assert authors("A. Sample & B. Test and C. Third") == ["A. Sample", "B. Test", "C. Third"]
    assert authors(None) == [] and authors("  ") == []


def test_bibtex_entry_fields() -> None:
    entry = bibtex(FULL)
    assert entry.startswith("@misc{sample2023armenia,\n")
    assert "  title = {{Armenia and Mongolia sign an air deal}}," in entry
    assert "  author = {Aigerim Sample and Bolat Test}," in entry
    assert "  howpublished = {Steppe Herald}," in entry
    assert "  year = {2023}," in entry and "  month = {4}," in entry
    assert "  url = {https://steppe.example/news/7?ref=a%20b}," in entry  # %20 kept as is
    assert "  note = {File: 07\\_air.txt}\n}" in entry


def _balanced(text: str) -> bool:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", text):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def test_bibtex_escapes_latex_specials_and_keeps_braces_balanced() -> None:
    nasty = Cited(
        title="100% of {cocoa} & 50$ _deals_ #1 ^up~ back\\slash }",
        outlet="Gulf & Guinea {Review",
        author="O'Brien, Ann",
        url="https://x.example/a{b}c",
    )
    entry = bibtex(nasty)
    assert (
        r"100\% of \{cocoa\} \& 50\$ \_deals\_ \#1 \^{}up\~{} back\textbackslash{}slash \}" in entry
    )
    assert r"howpublished = {Gulf \& Guinea \{Review}" in entry
    assert "url = {https://x.example/a%7Bb%7Dc}" in entry
    assert _balanced(entry)
    assert tex("Zürich — Ağrı") == "Zürich — Ağrı"  # UTF-8 stays as it is


def test_bibtex_key_is_ascii_and_never_empty() -> None:
    assert bibtex_key(Cited(title="Ülkeler arası", author="Şahin Öztürk", date="2021")) == (
        "ozturk2021ulkeler"
    )
    assert bibtex_key(Cited(title="Уже", outlet="Известия")) == "article"
    assert bibtex_key(Cited(title="Trade talks", outlet="Steppe Herald")) == "steppetrade"


def test_ris_record() -> None:
    assert ris(FULL).splitlines() == [
        "TY  - NEWS",
        "TI  - Armenia and Mongolia sign an air deal",
        "AU  - Aigerim Sample",
        "AU  - Bolat Test",
        "T2  - Steppe Herald",
        "PY  - 2023",
        "DA  - 2023/04/05/",
        "UR  - https://steppe.example/news/7?ref=a%20b",
        "N1  - File: 07_air.txt",
        "ER  -",
    ]


def test_ris_keeps_every_value_on_its_line() -> None:
    record = ris(Cited(title="Line one\nline two", date="2022-05", outlet="A\r\nB"))
    assert "TI  - Line one line two" in record and "T2  - A B" in record
    assert "DA  - 2022/05//" in record
    assert all(re.match(r"[A-Z][A-Z0-9]  -( |$)", line) for line in record.splitlines())


def test_a_bibtex_key_from_an_author_that_starts_with_a_comma() -> None:
    for author in (", Jane", ",", " , "):
        key = bibtex_key(Cited(title="Wool deal", date="2023-04-05", author=author))
        assert re.fullmatch(r"[a-z0-9]+", key), (author, key)
    assert bibtex_key(Cited(title="Wool deal", date="2023-04-05", author=", Jane")).startswith(
        "jane2023"
    )

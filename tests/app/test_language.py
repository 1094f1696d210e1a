"""Each article's language, detected at import (en, ru, or unknown rather than a guess),
stored, corrected by a person, and searchable: a facet and a `language:` field. Texts
written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.language import detect
from app.library import Library, LibraryError

RUSSIAN = (
    "Президент Казахстана Касым-Жомарт Токаев прибыл в Анкару с государственным визитом. "
    "Стороны подписали пятнадцать соглашений о сотрудничестве в области энергетики и "
    "транспорта, а также обсудили торговлю между двумя странами."
)
ENGLISH = (
    "The president of Kazakhstan arrived in Ankara for a state visit on Tuesday, and the "
    "two sides signed fifteen agreements on energy and transport."
)
FRENCH = (
    "Le président du Kazakhstan est arrivé à Ankara pour une visite d'État, et les deux "
    "parties ont signé quinze accords sur l'énergie et les transports."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (RUSSIAN, "ru"),
        (ENGLISH, "en"),
        (FRENCH, "unknown"),  # Latin script, but not English: no guess
        ("Tokayev Erdogan Ankara Astana", "unknown"),  # too short to tell
        ("Tokayev, Erdoğan, Aliyev, Mirziyoyev, Putin, Xi, Modi, Sharif, Anwar", "unknown"),
        ("", "unknown"),
    ],
)
def test_the_language_is_told_or_said_unknown(text: str, language: str) -> None:
    assert detect(text) == language


def test_articles_carry_their_language_into_search(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in (("ru.txt", RUSSIAN), ("en.txt", ENGLISH), ("fr.txt", FRENCH)):
        (folder / name).write_text(text, encoding="utf-8")
    with Library(tmp_path / "lib") as library:
        library.import_paths([folder])
        langs = {a.file_name: a.language for a in library.article_heads()}
        assert langs == {"ru.txt": "ru", "en.txt": "en", "fr.txt": "unknown"}

        result = library.search("Ankara OR Анкару OR Ankara", limit=10, facets=True)
        counts = {c.value: c.count for c in result.facets["language"]}
        assert counts == {"ru": 1, "en": 1, "unknown": 1}
        narrowed = library.search("Ankara OR Анкару", limit=10, filters={"language": ["ru"]})
        assert {h.source for h in narrowed.hits} == {"ru.txt"}
        fielded = library.search("language:en", limit=10)
        assert {h.source for h in fielded.hits} == {"en.txt"}

        fr = next(a.id for a in library.article_heads() if a.file_name == "fr.txt")
        library.set_article_language(fr, "en")  # a person's word
        assert {h.source for h in library.search("language:en", limit=10).hits} == {
            "en.txt",
            "fr.txt",
        }
        with pytest.raises(LibraryError, match="not a language Attaché knows"):
            library.set_article_language(fr, "klingon")

"""A key under which the spellings of one name in Latin and Cyrillic letters coincide:
"Tokayev", "Tokaev" and "Токаев" are all ``tokaev``; "Kassym-Jomart" and
"Касым-Жомарт" are both ``kasym-jomart``.

Consolidation compares people's names with it (one person reported in English and in
Russian is one entity) and the search widens a typed name to the names sharing its key.

Written by hand, and why: transliteration libraries (cyrtranslit, transliterate,
pymorphy3's own) each produce one spelling for display, while English usage follows
several systems at once (Tokayev, Nazarbayev, Mirziyoyev with a "y"; Zhomart or Jomart;
Kassym with two "s"; Turkish Recep and Çavuşoğlu). What is needed is not a spelling
but a key that forgets exactly those differences: the letters are transliterated, the
digraphs that differ between systems folded, "y" dropped and doubled letters made single.
"""

from __future__ import annotations

import re
import unicodedata

_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya",
        # Kazakh, Kyrgyz, Uzbek and Tatar letters
        "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
        "і": "i", "ў": "u", "ҳ": "h", "ҷ": "j", "ӣ": "i", "ӯ": "u",
    }
)  # fmt: skip
# spelling systems differ on these; the key keeps one letter for each
_FOLDS = (
    ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("tch", "c"), ("ch", "c"), ("sh", "s"),
    ("ts", "c"), ("tz", "c"), ("w", "v"), ("q", "k"), ("x", "ks"), ("ph", "f"),
    # Turkish "c" is the English "j" and the Russian "дж" (Recep, Реджеп)
    ("c", "j"),
)  # fmt: skip
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC_LETTER.search(text))


def sound_key(name: str) -> str:
    """The key of a name (see the module's docstring); words keep their order, joined by
    single spaces, hyphens kept."""
    text = name.replace("ı", "i").replace("İ", "I").lower().translate(_CYRILLIC)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z\- ]+", " ", text)
    for old, new in _FOLDS:
        text = text.replace(old, new)
    text = text.replace("y", "")
    text = re.sub(r"(.)\1+", r"\1", text)
    return " ".join(text.split())

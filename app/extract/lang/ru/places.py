"""Russian words and patterns for countries and cities (a section of the Russian language
module).  The names themselves, in every case form, are the gazetteer's data
(app/extract/gazetteer_ru.py builds them into resources/extract/gazetteer.json)."""

from __future__ import annotations

import re

# The case forms of "доллар" (and its abbreviation) before "США": Russian names the
# currency first ("долларов США"), so at the end of a US mention this looks back for them
# (one fixed-width lookbehind per form, as ``re`` requires); that "США" is no mention of
# the country.  Typed here: six forms of one word need no morphology at run time.
_DOLLAR_FORMS = (
    "доллар",
    "доллара",
    "долларов",
    "доллару",
    "долларам",
    "долларом",
    "долларами",
    "долларе",
    "долларах",
    "долл.",
    "долл",
)
CURRENCY_AFTER = re.compile("|".join(rf"(?<={re.escape(w)}\sСША)" for w in _DOLLAR_FORMS))

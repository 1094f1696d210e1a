"""dateparser's Russian calendar words (month and weekday names in their forms, the
relative words like "вчера"), kept in ``resources/extract/ru_calendar.json``.

The JSON is made from dateparser's data (``python -m app.extract.lang.ru.calendar``) so
that the program reads the words without importing dateparser (60 ms, and packages the
frozen build leaves out); when the file is missing it is made at first use.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

RESOURCE = Path(__file__).resolve().parents[4] / "resources" / "extract" / "ru_calendar.json"
KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "relative-type",
)  # fmt: skip


def build() -> dict[str, Any]:
    """The words, read from dateparser (a build-time dependency)."""
    from dateparser.data.date_translation_data import ru

    return {key: ru.info[key] for key in KEYS}


@cache
def words() -> dict[str, Any]:
    """The calendar words by dateparser's keys (``"may"``, ``"relative-type"``...)."""
    try:
        return dict(json.loads(RESOURCE.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return build()


if __name__ == "__main__":
    RESOURCE.write_text(
        json.dumps(build(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {RESOURCE}")

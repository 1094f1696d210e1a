"""Extract the seed articles (or any folder of articles) into a bilateral-facts/1 document.

usage: python tests/extract/score_seeds.py [FOLDER] [OUT.json]
Then: python ../shared/tools/score_facts.py OUT.json ../shared/facts/gold/seeds.json --verbose
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.consolidate import consolidate  # noqa: E402
from app.extract import extract_article  # noqa: E402
from app.facts_doc import build_document  # noqa: E402

SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
DATE_LINE = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2}) ")


def split_date(raw: str) -> tuple[str | None, str]:
    """(date, body) of an article file: the optional ' date YYYY-MM-DD ' prefix removed."""
    m = DATE_LINE.match(raw)
    return (m.group(1), raw[m.end() :]) if m else (None, raw)


def extract_folder(folder: Path) -> dict:
    articles, cands = [], []
    for path in sorted(folder.glob("*.txt")):
        date, body = split_date(path.read_text(encoding="utf-8"))
        articles.append({"id": path.name, "date": date})
        cands.extend(extract_article(path.name, body, date).facts)
    return build_document(articles, consolidate(cands))


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else SEEDS
    out = Path(argv[1]) if len(argv) > 1 else Path("/tmp/seeds_facts.json")
    out.write_text(
        json.dumps(extract_folder(folder), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

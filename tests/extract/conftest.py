"""Shared helpers for the extraction tests: seed and fixture folders, the shared scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from app.consolidate import consolidate
from app.extract import extract_article
from app.facts_doc import build_document

from .score_seeds import split_date

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEED_GOLD = SHARED / "facts" / "gold" / "seeds.json"
SCORER = SHARED / "tools" / "score_facts.py"
FIXTURES = ROOT / "tests" / "fixtures" / "extract"


def load_scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip("../shared/tools/score_facts.py is absent")
    spec = importlib.util.spec_from_file_location("score_facts", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract_folder(folder: Path) -> dict[str, Any]:
    articles, cands = [], []
    for path in sorted(folder.glob("*.txt")):
        date, body = split_date(path.read_text(encoding="utf-8"))
        articles.append({"id": path.name, "date": date})
        cands.extend(extract_article(path.name, body, date).facts)
    return build_document(articles, consolidate(cands))


def score(doc: dict[str, Any], gold_path: Path) -> dict[str, dict[str, Any]]:
    """Per type: tp, fp, fn, f1 and evidence recall, by the shared scorer's rules."""
    scorer = load_scorer()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = {a["id"] for a in gold["articles"]}
    out = {}
    for kind in scorer.TYPES:
        res = scorer.score_type(
            kind, list(doc.get(kind) or []), list(gold.get(kind) or []), articles
        )
        _p, _r, f = scorer.f1(res["tp"], res["fp"], res["fn"])
        res["f1"] = f
        out[kind] = res
    return out

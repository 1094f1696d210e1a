"""End-to-end scores: the seeds against the shared gold, our own fixtures against theirs."""

from __future__ import annotations

import pytest

from .conftest import FIXTURES, SEED_GOLD, SEEDS, extract_folder, score

TYPES = ("visits", "agreements", "statistics", "events", "missions", "entities")


def _check(results: dict, minimum: float) -> None:
    hit = sum(r["evidence_hit"] for r in results.values())
    total = sum(r["evidence_all"] for r in results.values())
    failures = {k: round(r["f1"], 3) for k, r in results.items() if r["f1"] < minimum}
    assert not failures, f"F1 below {minimum}: {failures}"
    assert total == 0 or hit / total >= 0.9, f"evidence recall {hit}/{total}"


def test_seed_articles_score_at_least_0_9_per_type() -> None:
    if not SEEDS.is_dir() or not SEED_GOLD.is_file():
        pytest.skip("../shared/corpus/seeds is absent")
    _check(score(extract_folder(SEEDS), SEED_GOLD), 0.9)


def test_own_fixture_articles_about_other_pairs_score_at_least_0_9() -> None:
    _check(score(extract_folder(FIXTURES), FIXTURES / "gold.json"), 0.9)


def _overall_f1(results: dict) -> float:
    tp = sum(r["tp"] for r in results.values())
    fp = sum(r["fp"] for r in results.values())
    fn = sum(r["fn"] for r in results.values())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@pytest.mark.parametrize("folder", ["blind", "blind2", "blind3"])
def test_blind_wire_articles_about_other_pairs(folder: str) -> None:
    """Wire-style articles written (with their gold) before the extractor was run on them:
    'blind' was the set the generalisation work was measured on (F1 0.81 before it);
    'blind2' and 'blind3' were written later and first scored untouched (F1 0.92 and 0.94,
    against 0.88 and 0.86 for the extractor before the work).  All now score 1.0; the
    thresholds leave a small margin and catch regressions."""
    results = score(extract_folder(FIXTURES / folder), FIXTURES / folder / "gold.json")
    _check(results, 0.9)
    assert _overall_f1(results) >= 0.96, f"overall F1 {_overall_f1(results):.3f}"

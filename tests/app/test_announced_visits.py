"""A visit announced by one article and reported as held by another is one visit, held,
dated by the announcement (CONVENTIONS 1), whichever article is imported first; two
visits of the same pair that are not announcement and report stay two. Articles written
for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.library import Library

ANNOUNCED = (
    " date 2024-03-01 \n"
    "Chilean Foreign Minister Alberto van Klaveren will travel to Lima on March 5 for "
    "talks with his Peruvian counterpart Javier González-Olaechea."
)
REPORTED = (
    "Chilean Foreign Minister Alberto van Klaveren held talks in Lima with his Peruvian "
    "counterpart Javier González-Olaechea, the ministry said."
)
OTHER_CITY = (
    "Chilean Foreign Minister Alberto van Klaveren held talks in Arequipa with his Peruvian "
    "counterpart Javier González-Olaechea, the ministry said."
)


def _visits(tmp_path: Path, texts: list[tuple[str, str]]) -> list:  # type: ignore[type-arg]
    folder = tmp_path / "articles"
    folder.mkdir()
    with Library(tmp_path / "lib") as library:
        for name, text in texts:  # one import each: the second meets the stored first
            path = folder / name
            path.write_text(text, encoding="utf-8")
            library.import_paths([path])
        return library.facts(["visits"])


@pytest.mark.parametrize("order", [1, -1])
def test_an_announced_visit_reported_as_held_is_one_held_visit(tmp_path: Path, order: int) -> None:
    texts = [("announced.txt", ANNOUNCED), ("reported.txt", REPORTED)][::order]
    (visit,) = _visits(tmp_path, texts)
    assert visit.data["status"] == "held" and visit.data["start"] == "2024-03-05"
    assert {e.article for e in visit.evidence} == {"announced.txt", "reported.txt"}
    assert "conflicts" not in visit.data
    assert visit.confidence > _single_confidence(tmp_path / "one")


def _single_confidence(folder: Path) -> float:
    folder.mkdir()
    (visit,) = _visits(folder, [("announced.txt", ANNOUNCED)])
    return visit.confidence


def test_a_report_from_another_city_stays_another_visit(tmp_path: Path) -> None:
    visits = _visits(tmp_path, [("announced.txt", ANNOUNCED), ("arequipa.txt", OTHER_CITY)])
    assert sorted(v.data["status"] for v in visits) == ["held", "planned"]

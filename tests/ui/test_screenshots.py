"""``attache --screenshot`` on a library of many articles: it picks the facts it shows
without finding the related facts of every fact (that took quadratic time: unfinished
after 13 minutes at 10,000 articles)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

import app.related
import ui.detail_pane
import ui.screenshots
from app.library import Library
from benchmarks.corpus import write_files
from ui import screenshots


@pytest.mark.slow
def test_screenshots_weigh_a_few_facts_not_every_fact(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "lib"
    with Library(folder) as library:
        library.import_paths([*write_files(tmp_path / "articles", 120)])
        facts = library.facts()
    assert len(facts) > 300
    weighed: list[int] = []
    real: Callable[..., Any] = app.related.related_groups

    def counted(lookup: app.related.Lookup, fact: Any) -> Any:
        weighed.append(fact.id)
        return real(lookup, fact)

    # the screenshot's choice and the detail pane look related facts up for one fact each
    monkeypatch.setattr(ui.screenshots, "related_groups", counted)
    monkeypatch.setattr(ui.detail_pane, "related_groups", counted)
    written = screenshots.take_screenshots(folder, tmp_path / "shots")
    assert {p.name for p in written} >= {"visits.png", "people.png", "articles.png"}
    assert all(QImage(str(p)).width() >= 1200 for p in written)
    # A few facts per view are weighed (and the detail pane shows one per view).
    assert 0 < len(set(weighed)) <= 60 < len(facts) // 5

"""Shared fixtures: a fresh library folder per test, the seed corpus, headless Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.library import Library

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _own_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test keeps the person's settings (recent libraries, preferences) in a file of
    its own, never in the user's real settings (``app.settings``)."""
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("ATTACHE_SETTINGS", str(folder / "attache.ini"))


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside the checkout")
    return SEEDS


@pytest.fixture
def articles_dir() -> Path:
    """The project's own small test articles (other country pairs, own words)."""
    return FIXTURES / "articles"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library(tmp_path / "library")
    yield lib
    lib.close()
